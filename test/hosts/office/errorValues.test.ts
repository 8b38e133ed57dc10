// Error values through the Office adapter: Range.values hands a cell's #REF! or #N/A over as that
// text, so they reach ingest exactly as the .xlsx reader's t="e" cells do, and are rejected the same way.
import ExcelJS from "exceljs";
import { createOfficeHost } from "../../../src/hosts/office";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { ingestSheet } from "../../../src/ingest/sheet";
import { d } from "../../helpers/grids";
import { fakeFromGrids, fakeFromXlsx } from "../../fakes/excel";

test("#REF! in the unit column and #N/A in a date, read through the strict fake, are rejected rows", async () => {
  const fake = fakeFromGrids([
    {
      name: "Väntande",
      values: [
        ["Klinik", "Kontakttyp", "Beslutsdatum"],
        ["Ögon", "Förstabesök", d("2024-01-02")],
        ["#REF!", "Förstabesök", d("2024-01-02")],
        ["Hud", "Förstabesök", "#N/A"],
      ],
    },
  ]);
  const grid = await createOfficeHost(fake.run).readSheet("Väntande");
  expect(grid.values[2][0]).toBe("#REF!");
  const s = ingestSheet(grid, undefined);
  expect(s.patients.map((p) => [p.row, p.unit])).toEqual([[2, "Ögon"]]);
  expect(s.issues.map((i) => [i.cell, i.column, i.value, i.reason])).toEqual([
    ["A3", "Klinik", "#REF!", "errorValue"],
    ["C4", "Beslutsdatum", "#N/A", "errorValue"],
  ]);
});

test("the same workbook read by Excel (the fake seeded from the file) and by the .xlsx reader gives the same issues", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum"]);
  ws.addRow(["Ögon", "Förstabesök", new Date(Date.UTC(2024, 0, 2))]);
  ws.addRow([{ error: "#REF!" }, "Förstabesök", new Date(Date.UTC(2024, 0, 2))]);
  ws.addRow(["Hud", "Förstabesök", { error: "#N/A" }]);
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const fromExcel = ingestSheet(await createOfficeHost((await fakeFromXlsx(bytes)).run).readSheet("Väntande"), undefined);
  const fromFile = ingestSheet(openWorkbook(bytes).readSheet("Väntande"), undefined);
  expect(fromExcel.issues).toEqual(fromFile.issues);
  expect(fromFile.issues.map((i) => [i.cell, i.value, i.reason])).toEqual([
    ["A3", "#REF!", "errorValue"],
    ["C4", "#N/A", "errorValue"],
  ]);
  expect(fromExcel.patients).toEqual(fromFile.patients);
});
