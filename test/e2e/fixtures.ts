import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** A date as ExcelJS writes it: a JS Date at UTC midnight. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The end-to-end fixture, hand-counted for 2024-01-31 (90-day limit, waiting basis):
 *   Ögon      3 within + 1 over (2023-06-01, 244 days)            → 3/4 = 75 %  red
 *   Hud       1 within + 3 over (one of them 2022-12-01, 426 days) → 1/4 = 25 %  red
 *   =Kirurgi  2 within (a name that must stay text, not a formula) → 2/2 = 100 % green
 *   region    6 within of 10                                        → 60 %        red
 * plus one PvV row (excluded) and one impossible date (rejected); a user's own "Vårdgaranti" sheet.
 */
export async function fixtureWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Väntande till förstabesök, Region Test, 31 januari 2024"]);
  ws.addRow([]);
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"]);
  const rows: [string, string, Date | string, string | null][] = [
    ["Ögon", "Förstabesök", day("2024-01-02"), null],
    ["Ögon", "Förstabesök", day("2024-01-10"), null],
    ["Ögon", "Förstabesök", day("2023-12-01"), null],
    ["Ögon", "Förstabesök", day("2023-06-01"), null],
    ["Hud", "Förstabesök", day("2024-01-02"), null],
    ["Hud", "Förstabesök", day("2023-06-01"), null],
    ["Hud", "Förstabesök", day("2023-07-01"), null],
    ["Hud", "Förstabesök", day("2022-12-01"), null],
    ["=Kirurgi", "Förstabesök", day("2024-01-30"), null],
    ["=Kirurgi", "Förstabesök", day("2024-01-31"), null],
    ["Hud", "Förstabesök", day("2022-01-01"), "PvV"],
    ["Hud", "Förstabesök", "2024-02-30", null],
  ];
  for (const [unit, type, start, code] of rows) ws.addRow([{ richText: [{ text: unit }] }, type, start, code, "JA"]);
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  const mine = wb.addWorksheet("Vårdgaranti");
  mine.getCell("A1").value = "Min egen analys – rör inte";
  mine.getCell("B2").value = 42;
  return withChart(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/**
 * ExcelJS writes no charts, so add one by hand to the first sheet: a drawing part, a chart part,
 * their relationships and content types — the kind of part a round-trip through ExcelJS would drop.
 */
export function withChart(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (name: string) => strFromU8(parts[name]);
  const sheet = "xl/worksheets/sheet1.xml";
  parts[sheet] = strToU8(
    text(sheet)
      .replace("</worksheet>", '<drawing r:id="rIdMalkollTestChart"/></worksheet>')
      .replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ')
      .replace(/(xmlns:r="[^"]*") (.*?)xmlns:r="[^"]*"/, "$1 $2"),
  );
  const relsName = "xl/worksheets/_rels/sheet1.xml.rels";
  const rel =
    '<Relationship Id="rIdMalkollTestChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>';
  parts[relsName] = strToU8(
    parts[relsName]
      ? text(relsName).replace("</Relationships>", `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  parts["xl/drawings/drawing1.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`);
  parts["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`);
  parts["xl/charts/chart1.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Väntande'!$E$4:$E$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`);
  const ct = "[Content_Types].xml";
  parts[ct] = strToU8(
    text(ct).replace(
      "</Types>",
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zipSync(parts);
}
