// Formula cells saved without their calculated values (a file written by a tool that does not
// calculate): the reader leaves them empty, as before, and says which columns hold them, so that
// ingest can say "recalculate in Excel first" once instead of "Startdatum saknas" on every row.
import ExcelJS from "exceljs";
import { computeResults } from "../../../src/app/pipeline";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { DEFAULT_SETTINGS } from "../../../src/model/settings";
import { noteText } from "../../../src/report/reasons";
import { excelBytes, handXlsx, sheetXml } from "./helpers";

/** A waiting list whose decision dates are DATE() formulas, with or without their cached values. */
async function waitingList(rows: number, cached: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum", "Kommentar"]);
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const date = { formula: `DATE(2024,1,${day})`, ...(cached ? { result: new Date(Date.UTC(2024, 0, day)) } : {}) };
    ws.addRow([i % 2 ? "Hud" : "Ögon", "Förstabesök", date, { formula: 'A2&""' }]);
  }
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  return excelBytes(wb);
}

describe("the reader", () => {
  test("says which columns hold formulas without values, with the last such row; the cells stay empty", () => {
    const data =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Klinik</t></is></c><c r="B1"><f>1+1</f></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>Ögon</t></is></c><c r="B2"><f>1+1</f><v></v></c><c r="C2" t="str"><f>""</f><v></v></c>` +
      `<c r="D2"><f t="shared" ref="D2:D3" si="0">A2</f></c><c r="E2" t="e"><f>1/0</f></c></row>` +
      `<row r="3"><c r="B3"><f>1+1</f><v>2</v></c><c r="D3"><f t="shared" si="0"/></c><c r="F3"><v>7</v></c></row>`;
    const g = openWorkbook(handXlsx({ sheets: [{ name: "F", xml: sheetXml(data) }] })).readSheet("F");
    expect(g.values).toEqual([
      ["Klinik", null, null, null, null, null],
      ["Ögon", null, "", null, null, null],
      [null, 2, null, null, null, 7],
    ]);
    // B: rows 1 and 2 (0-based 0, 1); D: 2 and 3; E: 2. C's empty text is a calculated value.
    expect(g.uncalculated).toEqual([
      { col: 1, lastRow: 1 },
      { col: 3, lastRow: 2 },
      { col: 4, lastRow: 1 },
    ]);
  });

  test("a formula with its cached value is read as that value, and the grid says nothing more", async () => {
    const g = openWorkbook(await waitingList(3, true)).readSheet("Väntande");
    expect(g.values.map((r) => r[2])).toEqual(["Beslutsdatum", 45292, 45293, 45294]);
    // The comment column's formulas have no value in either file; they are the only ones listed.
    expect(g.uncalculated).toEqual([{ col: 3, lastRow: 3 }]);
  });

  test("a sheet without formulas has no such list", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    expect(openWorkbook(await excelBytes(wb)).readSheet("A")).not.toHaveProperty("uncalculated");
  });
});

describe("from the file to the results", () => {
  test("a column of formulas without cached values: one note for the sheet, not a rejected row each", async () => {
    const wb = openWorkbook(await waitingList(1000, false));
    const began = performance.now();
    const r = computeResults([wb.readSheet("Väntande")], DEFAULT_SETTINGS, "2024-01-31");
    expect(performance.now() - began).toBeLessThan(1000);
    expect(r.issues).toEqual([]);
    expect(r.careGuarantee).toEqual([]);
    expect(r.sources).toEqual([
      expect.objectContaining({
        sheet: "Väntande",
        kind: "unrecognised",
        note: { code: "uncalculated", headerRow: 1, columns: ["C"] },
        rowsRead: 0,
        rowsRejected: 0,
      }),
    ]);
    expect(noteText(r.sources[0].note, "sv")).toBe("Formler utan beräknade värden: räkna om och spara i Excel först (kolumn C).");
  });

  test("the same file with cached values computes normally (the unused comment column does not matter)", async () => {
    const r = computeResults([openWorkbook(await waitingList(4, true)).readSheet("Väntande")], DEFAULT_SETTINGS, "2024-01-31");
    expect(r.issues).toEqual([]);
    expect(r.careGuarantee[0].units.map((u) => [u.unit, u.total, u.withinLimit])).toEqual([
      ["Hud", 2, 2],
      ["Ögon", 2, 2],
    ]);
  });
});
