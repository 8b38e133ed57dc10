import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PassThrough } from "stream";
import type { SheetPlan } from "../../../src/report/plan";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { readZip } from "../../../src/hosts/xlsx/zip";
import { findElement, findElements } from "../../../src/hosts/ooxml/xml";
import { planNotes } from "../../helpers/plans";
import { excelBytes, handXlsx, loadExcel, sheetXml, unzipAll, unzipText } from "./helpers";

const CHANGED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

function careGuaranteePlan(share = 0.875): SheetPlan {
  return {
    name: "Vårdgaranti",
    marker: "malkoll:careGuarantee",
    cells: [
      ["Vårdgaranti – regionen", null, null],
      ["Enhet", "Andel", "Antal"],
      ["Kirurgi Öst", share, 120],
      ["=SUM(A1)", 0.5, true],
      ["-minus", null, "@at"],
      ["+plus", -0, 1e-7],
    ],
    numberFormats: [
      { range: [2, 1, 3, 1], value: "0.0%" },
      { range: [2, 2, 2, 2], value: "#,##0" },
    ],
    fills: [
      { range: [1, 0, 1, 2], value: "1F4E79" },
      { range: [7, 0, 7, 0], value: "FFC000" }, // a styled empty cell below the values
    ],
    fonts: [
      { range: [0, 0, 0, 0], value: { bold: true, size: 14 } },
      { range: [1, 0, 1, 2], value: { bold: true, color: "FFFFFF" } },
      { range: [1, 2, 1, 2], value: { italic: true } }, // merges with the block above
    ],
    columnWidths: [34, 12.5, 12.5],
    freeze: { rows: 2, columns: 1 },
    charts: [],
    ...planNotes("Vårdgaranti"),
  };
}

function dataCheckPlan(): SheetPlan {
  return {
    name: "Datakontroll",
    marker: "malkoll:dataCheck",
    cells: [
      ["Blad", "Rad", "Orsak"],
      ["Väntande", 5, 'Datum saknas <tomt> & "x"\u0001 _x0041_'],
      ["Väntande", 1234, "  inledande blanksteg"],
    ],
    numberFormats: [{ range: [1, 1, 2, 1], value: "#,##0" }],
    fills: [],
    fonts: [{ range: [0, 0, 0, 2], value: { italic: true } }],
    columnWidths: [20, 8, 40],
    freeze: { rows: 1, columns: 0 },
    charts: [],
    ...planNotes("Datakontroll"),
  };
}

/** A user's workbook made by ExcelJS: data, a sheet already named "Vårdgaranti", names and styles. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  data.getRow(1).values = ["Enhet", "Remissdatum", "Andel"];
  data.getRow(2).values = ["Kirurgi Öst", new Date(Date.UTC(2024, 0, 31)), 0.25];
  data.getCell("B2").numFmt = "yyyy-mm-dd";
  data.getCell("C2").numFmt = "0.0%";
  data.getCell("A1").font = { bold: true };
  data.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
  const user = wb.addWorksheet("Vårdgaranti");
  user.getCell("A1").value = "Användarens egna anteckningar";
  wb.definedNames.add("Data!$A$1:$C$2", "Underlag");
  return excelBytes(wb);
}

/** Adds a chart (drawing + chart part) to sheet1 and an unknown pivot-table part to a package. */
function withChartAndPivot(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const drawing =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    "<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
  const chart =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Data!$A$2</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Data!$C$2</c:f></c:numRef></c:val></c:ser>' +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
  parts["xl/drawings/drawing1.xml"] = strToU8(drawing);
  parts["xl/charts/chart1.xml"] = strToU8(chart);
  parts["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  parts["xl/pivotTables/pivotTable1.xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Pivot1"/>',
  );
  parts["xl/worksheets/_rels/sheet1.xml.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rIdDr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>' +
      '<Relationship Id="rIdPv1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>',
  );
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace("</worksheet>", '<drawing r:id="rIdDr1"/></worksheet>'));
  const ct = strFromU8(parts["[Content_Types].xml"]);
  parts["[Content_Types].xml"] = strToU8(
    ct.replace(
      "</Types>",
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>',
    ),
  );
  return zipSync(parts);
}

function elementTexts(xml: string, container: string, child: string): string[] {
  const c = findElement(xml, container);
  if (!c) return [];
  return findElements(xml, child, c.contentStart, c.contentEnd).map((e) => xml.slice(e.start, e.end));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

describe("writeSummaryTabs onto an ExcelJS workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let written: ReturnType<typeof writeSummaryTabs>["written"];
  let excel: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await userWorkbook();
    ({ bytes: output, written } = writeSummaryTabs(openWorkbook(input), [careGuaranteePlan(), dataCheckPlan()]));
    excel = await loadExcel(output);
  });

  it("keeps the user's sheet with the plan's name and names ours \"Name (2)\"", () => {
    expect(written).toEqual([
      { planName: "Vårdgaranti", sheetName: "Vårdgaranti (2)", replaced: false, renamedBecauseTaken: true },
      { planName: "Datakontroll", sheetName: "Datakontroll", replaced: false, renamedBecauseTaken: false },
    ]);
    expect(excel.worksheets.map((w) => w.name)).toEqual(["Data", "Vårdgaranti", "Vårdgaranti (2)", "Datakontroll"]);
    expect(excel.getWorksheet("Vårdgaranti")!.getCell("A1").value).toBe("Användarens egna anteckningar");
    const data = excel.getWorksheet("Data")!;
    expect(data.getCell("A2").value).toBe("Kirurgi Öst");
    expect(data.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(data.getCell("C2").numFmt).toBe("0.0%");
    expect(data.getCell("A1").font?.bold).toBe(true);
    expect(data.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } });
  });

  it("writes values that ExcelJS reads back exactly, strings never as formulas", () => {
    const ws = excel.getWorksheet("Vårdgaranti (2)")!;
    expect(ws.getCell("A1").value).toBe("Vårdgaranti – regionen");
    expect(ws.getCell("B3").value).toBe(0.875);
    expect(ws.getCell("C3").value).toBe(120);
    expect(ws.getCell("A4").value).toBe("=SUM(A1)");
    expect(ws.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A4").formula).toBeUndefined();
    expect(ws.getCell("C4").value).toBe(true);
    expect(ws.getCell("A5").value).toBe("-minus");
    expect(ws.getCell("C5").value).toBe("@at");
    expect(ws.getCell("B5").value).toBeNull();
    expect(ws.getCell("A6").value).toBe("+plus");
    expect(ws.getCell("B6").value).toBe(0);
    expect(ws.getCell("C6").value).toBe(1e-7);
    const dc = excel.getWorksheet("Datakontroll")!;
    // The control character is dropped; ExcelJS does not undo the _x005F_ escape that keeps a
    // literal "_x0041_" from being read as "A" by Excel, so check the prefix here and the rest below.
    expect(String(dc.getCell("C2").value)).toMatch(/^Datum saknas <tomt> & "x" _x/);
    expect(dc.getCell("C3").value).toBe("  inledande blanksteg");
  });

  it("writes number formats, fills, fonts, widths and freeze panes", () => {
    const ws = excel.getWorksheet("Vårdgaranti (2)")!;
    expect(ws.getCell("B3").numFmt).toBe("0.0%");
    expect(ws.getCell("B4").numFmt).toBe("0.0%");
    expect(ws.getCell("C3").numFmt).toBe("#,##0");
    expect(ws.getCell("A3").numFmt).toBeFalsy();
    for (const ref of ["A2", "B2", "C2"]) {
      expect(ws.getCell(ref).fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } });
      expect(ws.getCell(ref).font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    }
    expect(ws.getCell("C2").font.italic).toBe(true);
    expect(ws.getCell("B2").font.italic).toBeFalsy();
    expect(ws.getCell("A8").fill).toMatchObject({ fgColor: { argb: "FFFFC000" } });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "Calibri" });
    expect(ws.getCell("A3").fill?.type === "pattern" && (ws.getCell("A3").fill as ExcelJS.FillPattern).pattern === "solid").toBe(false);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([34, 12.5, 12.5]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" });
    const dc = excel.getWorksheet("Datakontroll")!;
    expect(dc.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    expect(dc.getCell("B3").numFmt).toBe("#,##0");
    expect(dc.getCell("A1").font.italic).toBe(true);
    expect(dc.getCell("A1").font.bold).toBeFalsy();
    expect([1, 2, 3].map((c) => dc.getColumn(c).width)).toEqual([20, 8, 40]);
  });

  it("marks our tabs so that our reader knows them, and reads back what it wrote", () => {
    const wb = openWorkbook(output);
    expect(wb.sheets.map((s) => [s.name, s.marker])).toEqual([
      ["Data", undefined],
      ["Vårdgaranti", undefined],
      ["Vårdgaranti (2)", "malkoll:careGuarantee"],
      ["Datakontroll", "malkoll:dataCheck"],
    ]);
    const g = wb.readSheet("Vårdgaranti (2)");
    expect(g.origin).toEqual({ row: 0, col: 0 });
    const expected = careGuaranteePlan().cells.map((r) => [...r]);
    expected[5][1] = 0; // -0 is written as 0
    expect(g.values).toEqual(expected);
    expect(wb.readSheet("Datakontroll").values[1][2]).toBe('Datum saknas <tomt> & "x" _x0041_');
    expect(unzipText(output, "xl/worksheets/sheet4.xml")).toContain('Datum saknas &lt;tomt&gt; &amp; "x" _x005F_x0041_</t>');
    expect(g.formats![2][1]).toBe("0.0%");
    expect(g.formats![2][2]).toBe("#,##0");
    const wbXml = unzipText(output, "xl/workbook.xml");
    expect(wbXml).toContain('<definedName name="_Malkoll_Marker" localSheetId="2" hidden="1">"malkoll:careGuarantee"</definedName>');
    expect(wbXml).toContain('<definedName name="_Malkoll_Marker" localSheetId="3" hidden="1">"malkoll:dataCheck"</definedName>');
    expect(wbXml.indexOf("</sheets>")).toBeLessThan(wbXml.indexOf("<definedNames>"));
    expect(wbXml.indexOf("</definedNames>")).toBeLessThan(wbXml.indexOf("<calcPr"));
  });

  it("copies every other part byte for byte, raw compressed bytes included", () => {
    const before = unzipAll(input);
    const after = unzipAll(output);
    const changed = new Set(CHANGED);
    for (const name of Object.keys(before)) {
      expect(after[name]).toBeDefined();
      if (!changed.has(name)) expect([name, bytesEqual(before[name], after[name])]).toEqual([name, true]);
    }
    const rawAfter = new Map(readZip(output).map((e) => [e.name, e]));
    for (const e of readZip(input)) {
      if (changed.has(e.name)) continue;
      const o = rawAfter.get(e.name)!;
      expect([e.name, o.method, o.crc32, bytesEqual(o.raw, e.raw)]).toEqual([e.name, e.method, e.crc32, true]);
    }
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(added.sort()).toEqual(["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"]);
  });

  it("only adds to workbook.xml, its rels, the content types and styles.xml", () => {
    const t = (b: Uint8Array, n: string) => unzipText(b, n);
    for (const [container, child] of [
      ["sheets", "sheet"],
      ["definedNames", "definedName"],
    ]) {
      const a = elementTexts(t(input, "xl/workbook.xml"), container, child);
      const b = elementTexts(t(output, "xl/workbook.xml"), container, child);
      expect(a.length).toBeGreaterThan(0);
      for (const el of a) expect(b).toContain(el);
    }
    const relsIn = elementTexts(t(input, "xl/_rels/workbook.xml.rels"), "Relationships", "Relationship");
    const relsOut = elementTexts(t(output, "xl/_rels/workbook.xml.rels"), "Relationships", "Relationship");
    expect(relsOut.slice(0, relsIn.length)).toEqual(relsIn);
    expect(relsOut).toHaveLength(relsIn.length + 2);
    const ctIn = t(input, "[Content_Types].xml");
    const ctOut = t(output, "[Content_Types].xml");
    expect(ctOut.startsWith(ctIn.slice(0, ctIn.indexOf("</Types>")))).toBe(true);
    expect(ctOut).toContain(
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    );

    const sIn = t(input, "xl/styles.xml");
    const sOut = t(output, "xl/styles.xml");
    for (const [container, child] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellStyleXfs", "xf"],
      ["cellXfs", "xf"],
    ]) {
      const a = elementTexts(sIn, container, child);
      const b = elementTexts(sOut, container, child);
      expect(b.slice(0, a.length)).toEqual(a);
      const count = /count="(\d+)"/.exec(findElement(sOut, container)!.tag);
      expect(Number(count![1])).toBe(b.length);
    }
    // The styles we needed: distinct combinations only.
    const xfsIn = elementTexts(sIn, "cellXfs", "xf").length;
    const xfsOut = elementTexts(sOut, "cellXfs", "xf").length;
    // care guarantee: A1 (bold 14), A2:B2 (fill+bold white), C2 (+italic), B3:B4 (0.0%), C3 (#,##0), A8 (fill);
    // data check: A1:C1 (italic), B2:B3 (#,##0, same as C3 above). That is 7, but the user's
    // workbook already has an xf identical to our plain "0.0%" one (Data!C2), which is reused.
    expect(xfsOut - xfsIn).toBe(6);
    const pct = elementTexts(sIn, "cellXfs", "xf").findIndex(
      (x) => /numFmtId="(\d+)"/.exec(x)![1] === /numFmtId="(\d+)" formatCode="0\.0%"/.exec(sIn)![1],
    );
    expect(pct).toBeGreaterThan(0);
    expect(unzipText(output, "xl/worksheets/sheet3.xml")).toContain(`<c r="B4" s="${pct}"><v>0.5</v></c>`);
    // 0.0% exists in the input (numFmt 164+), #,##0 is built-in 3: no new numFmt
    expect(elementTexts(sOut, "numFmts", "numFmt")).toHaveLength(elementTexts(sIn, "numFmts", "numFmt").length);
  });

  it("replaces its own tabs on a second run, in place, with identical output", () => {
    const again = writeSummaryTabs(openWorkbook(output), [careGuaranteePlan(), dataCheckPlan()]);
    expect(again.written).toEqual([
      { planName: "Vårdgaranti", sheetName: "Vårdgaranti (2)", replaced: true, renamedBecauseTaken: true },
      { planName: "Datakontroll", sheetName: "Datakontroll", replaced: true, renamedBecauseTaken: false },
    ]);
    expect(bytesEqual(again.bytes, output)).toBe(true);
  });

  it("replaces with new content and keeps the tab's position and other names", async () => {
    // Put a user's sheet after ours, then re-run with other figures and only one plan.
    const wb = await loadExcelAndAppendSheet(output);
    const run = writeSummaryTabs(openWorkbook(wb), [careGuaranteePlan(0.6)]);
    expect(run.written[0]).toMatchObject({ sheetName: "Vårdgaranti (2)", replaced: true });
    const r = openWorkbook(run.bytes);
    expect(r.sheets.map((s) => [s.name, s.marker])).toEqual([
      ["Data", undefined],
      ["Vårdgaranti", undefined],
      ["Vårdgaranti (2)", "malkoll:careGuarantee"],
      ["Datakontroll", "malkoll:dataCheck"],
      ["Efteråt", undefined],
    ]);
    expect(r.readSheet("Vårdgaranti (2)").values[2][1]).toBe(0.6);
    expect(r.readSheet("Efteråt").values).toEqual([["användarens"]]);
    const xml = unzipText(run.bytes, "xl/workbook.xml");
    expect(xml.match(/_Malkoll_Marker/g)).toHaveLength(2);
    expect(xml).toContain('<definedName name="Efter" localSheetId="4">Efteråt!$A$1</definedName>');
    expect(xml).toContain('localSheetId="2" hidden="1">"malkoll:careGuarantee"');
    // The old part went away (not duplicated) and styles did not grow.
    const parts = Object.keys(unzipAll(run.bytes)).filter((n) => n.startsWith("xl/worksheets/sheet"));
    expect(parts).toHaveLength(5);
    const xfs = (b: Uint8Array) => elementTexts(unzipText(b, "xl/styles.xml"), "cellXfs", "xf").length;
    expect(xfs(run.bytes)).toBe(xfs(wb));
  });
});

/** The output with one more user sheet (and a sheet-local name) added by hand after our tabs. */
async function loadExcelAndAppendSheet(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = unzipSync(bytes);
  parts["xl/worksheets/sheet9.xml"] = strToU8(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>användarens</t></is></c></row>'));
  const ct = strFromU8(parts["[Content_Types].xml"]);
  parts["[Content_Types].xml"] = strToU8(
    ct.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  parts["xl/_rels/workbook.xml.rels"] = strToU8(
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
    ),
  );
  const wb = strFromU8(parts["xl/workbook.xml"]);
  parts["xl/workbook.xml"] = strToU8(
    wb
      .replace("</sheets>", '<sheet name="Efteråt" sheetId="99" r:id="rId99"/></sheets>')
      .replace("</definedNames>", '<definedName name="Efter" localSheetId="4">Efteråt!$A$1</definedName></definedNames>'),
  );
  return zipSync(parts);
}

describe("parts the writer does not model", () => {
  it("keeps a chart, its drawing and a pivot table byte for byte", async () => {
    const input = withChartAndPivot(await userWorkbook());
    const { bytes } = writeSummaryTabs(openWorkbook(input), [careGuaranteePlan()]);
    const before = unzipAll(input);
    const after = unzipAll(bytes);
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/pivotTables/pivotTable1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/sheet1.xml",
    ]) {
      expect([name, bytesEqual(before[name], after[name])]).toEqual([name, true]);
    }
    const ct = strFromU8(after["[Content_Types].xml"]);
    expect(ct).toContain('<Override PartName="/xl/charts/chart1.xml"');
    expect(ct).toContain('<Override PartName="/xl/pivotTables/pivotTable1.xml"');
  });
});

describe("other package shapes", () => {
  it("creates definedNames after externalReferences and before calcPr when there are none", () => {
    const input = handXlsx({
      sheets: [{ name: "Blad1", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      styles:
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
      workbookExtra: '<externalReferences><externalReference r:id="rId50"/></externalReferences><calcPr calcId="191029"/>',
    });
    const { bytes } = writeSummaryTabs(openWorkbook(input), [dataCheckPlan()]);
    const xml = unzipText(bytes, "xl/workbook.xml");
    const order = ["</sheets>", "</externalReferences>", "<definedNames>", "</definedNames>", "<calcPr"].map((s) => xml.indexOf(s));
    expect(order.every((v) => v >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const styles = unzipText(bytes, "xl/styles.xml");
    // New fonts start from the workbook's default font (Arial 10), with the plan's changes.
    expect(styles).toContain('<font><i/><sz val="10"/><name val="Arial"/></font>');
    // numFmts did not exist and is created first in the styleSheet.
    expect(styles).toMatch(/<styleSheet[^>]*><numFmts count="0">|<styleSheet[^>]*><fonts/);
  });

  it("adds a styles part to a package that has none", async () => {
    const input = handXlsx({ sheets: [{ name: "Blad1", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const { bytes } = writeSummaryTabs(openWorkbook(input), [careGuaranteePlan()]);
    const excel = await loadExcel(bytes);
    const ws = excel.getWorksheet("Vårdgaranti")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("B3").numFmt).toBe("0.0%");
    const ct = unzipText(bytes, "[Content_Types].xml");
    expect(ct).toContain(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
  });

  it("adds a numFmt with an id of 164 or more that is not taken", () => {
    const input = handXlsx({
      sheets: [{ name: "Blad1", xml: sheetXml("") }],
      styles:
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="170" formatCode="0.000"/></numFmts>' +
        '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
    });
    const plan: SheetPlan = {
      ...dataCheckPlan(),
      numberFormats: [
        { range: [1, 1, 1, 1], value: "0.0" },
        { range: [2, 1, 2, 1], value: '0 "dagar"' },
      ],
    };
    const { bytes } = writeSummaryTabs(openWorkbook(input), [plan]);
    const styles = unzipText(bytes, "xl/styles.xml");
    expect(styles).toContain(
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="170" formatCode="0.000"/><numFmt numFmtId="171" formatCode="0 &quot;dagar&quot;"/></numFmts>',
    );
    const g = openWorkbook(bytes).readSheet("Datakontroll");
    expect(g.formats![1][1]).toBe("0.0");
    expect(g.formats![2][1]).toBe('0 "dagar"');
  });

  it("writes onto a package from ExcelJS's streaming writer (data descriptors)", async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
    const ws = w.addWorksheet("Strömmat");
    for (let i = 0; i < 50; i++) ws.addRow([`Enhet ${i % 3}`, 45000 + i]).commit();
    ws.commit();
    await w.commit();
    const input = new Uint8Array(Buffer.concat(chunks));
    expect(input[6] & 8).toBe(8); // the first local header uses a data descriptor
    const wb = openWorkbook(input);
    expect(wb.readSheet("Strömmat").values[49]).toEqual(["Enhet 1", 45049]);
    const { bytes } = writeSummaryTabs(wb, [dataCheckPlan()]);
    const out = openWorkbook(bytes);
    expect(out.sheets.map((s) => s.name)).toEqual(["Strömmat", "Datakontroll"]);
    expect(out.readSheet("Strömmat").values[49]).toEqual(["Enhet 1", 45049]);
    const excel = await loadExcel(bytes);
    expect(excel.getWorksheet("Datakontroll")!.getCell("B3").value).toBe(1234);
  });

  it("writes into a workbook whose parts use a namespace prefix", () => {
    const input = handXlsx({ sheets: [{ name: "Blad1", xml: sheetXml('<x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c></x:row>', "x") }] });
    const parts = unzipSync(input);
    parts["xl/workbook.xml"] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<x:sheets><x:sheet name="Blad1" sheetId="1" rel:id="rId1"/></x:sheets><x:calcPr/></x:workbook>',
    );
    const { bytes } = writeSummaryTabs(openWorkbook(zipSync(parts)), [dataCheckPlan()]);
    const xml = unzipText(bytes, "xl/workbook.xml");
    expect(xml).toContain(
      '<x:sheet name="Datakontroll" sheetId="2" rel:id="rId2"/></x:sheets><x:definedNames><x:definedName name="_Malkoll_Marker" localSheetId="1" hidden="1">"malkoll:dataCheck"</x:definedName></x:definedNames><x:calcPr/>',
    );
    const wb = openWorkbook(bytes);
    expect(wb.sheets.map((s) => [s.name, s.marker])).toEqual([
      ["Blad1", undefined],
      ["Datakontroll", "malkoll:dataCheck"],
    ]);
    expect(wb.readSheet("Blad1").values).toEqual([[5]]);
    expect(wb.readSheet("Datakontroll").values[1]).toEqual(["Väntande", 5, 'Datum saknas <tomt> & "x" _x0041_']);
  });

  it("keeps our tab hidden when the user hid it", () => {
    const first = writeSummaryTabs(openWorkbook(handXlsx({ sheets: [{ name: "Blad1", xml: sheetXml("") }] })), [dataCheckPlan()]).bytes;
    const parts = unzipSync(first);
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]).replace(
        '<sheet name="Datakontroll" sheetId="2"',
        '<sheet name="Datakontroll" sheetId="2" state="hidden"',
      ),
    );
    const wb = openWorkbook(zipSync(parts));
    expect(wb.sheets[1]).toMatchObject({ name: "Datakontroll", hidden: true, marker: "malkoll:dataCheck" });
    const again = openWorkbook(writeSummaryTabs(wb, [dataCheckPlan()]).bytes);
    expect(again.sheets[1]).toMatchObject({ name: "Datakontroll", hidden: true, marker: "malkoll:dataCheck" });
  });

  it("removes the old tab's own relationships part when it replaces the tab", () => {
    const first = writeSummaryTabs(openWorkbook(handXlsx({ sheets: [{ name: "Blad1", xml: sheetXml("") }] })), [dataCheckPlan()]).bytes;
    const parts = unzipSync(first);
    expect(parts["xl/worksheets/sheet2.xml"]).toBeDefined();
    parts["xl/worksheets/_rels/sheet2.xml.rels"] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    );
    const second = writeSummaryTabs(openWorkbook(zipSync(parts)), [dataCheckPlan()]);
    expect(second.written[0]).toMatchObject({ sheetName: "Datakontroll", replaced: true });
    const after = unzipAll(second.bytes);
    expect(after["xl/worksheets/_rels/sheet2.xml.rels"]).toBeUndefined();
    expect(strFromU8(after["xl/worksheets/sheet2.xml"])).toBe(strFromU8(parts["xl/worksheets/sheet2.xml"]));
  });

  it("rejects a plan whose name Excel would refuse", () => {
    const input = handXlsx({ sheets: [{ name: "Blad1", xml: sheetXml("") }] });
    expect(() => writeSummaryTabs(openWorkbook(input), [{ ...dataCheckPlan(), name: "Fel/namn" }])).toThrow(/Ogiltigt bladnamn/);
  });
});
