import { createOfficeHost } from "../../../src/hosts/office";
import { charsToPoints, packSteps } from "../../../src/hosts/office/writePlans";
import { needsTextFormat, textFormatRectangles } from "../../../src/hosts/office/textCells";
import type { SheetPlan } from "../../../src/report/plan";
import { fakeFromGrids } from "../../fakes/excel";
import { planNotes } from "../../helpers/plans";

const plan = (over: Partial<SheetPlan>): SheetPlan => ({
  name: "Vårdgaranti",
  marker: "malkoll:careGuarantee",
  cells: [],
  numberFormats: [],
  fills: [],
  fonts: [],
  columnWidths: [],
  charts: [],
  ...planNotes("Vårdgaranti"),
  ...over,
});

test("text Excel would reinterpret: formulas, signs, digits, booleans, errors; plain words are safe", () => {
  for (const t of ["=Kirurgi", "+46 8", "-5", "@home", "#N/A", "2024-01-31", "12", "1 jan", "TRUE", "falskt"])
    expect([t, needsTextFormat(t)]).toEqual([t, true]);
  for (const t of ["Ögon", "Uppfylls inte", "Region Exempelland", ""]) expect([t, needsTextFormat(t)]).toEqual([t, false]);
});

test("'@' rectangles cover exactly the risky text cells, merging equal column runs downwards", () => {
  const cells = [
    ["=a", "ord", "1", 5],
    ["=c", "ord", "2", 6],
    ["ord", "ord", "3", null],
  ];
  // column A rows 1–2, column C rows 1–3; the numbers in D need nothing
  expect(textFormatRectangles(cells)).toEqual([
    [0, 0, 1, 0],
    [0, 2, 2, 2],
  ]);
});

test("a plan lands as planned: values, text kept as text, number formats, fonts, fills, widths in points, panes", async () => {
  const fake = fakeFromGrids([{ name: "Data", values: [["x"]] }]);
  const written = await createOfficeHost(fake.run).writePlans([
    plan({
      cells: [
        ["Enhet", "Andel", "Kod"],
        ["=Kirurgi", 0.5, "-5"],
        ["Ögon", 0.95, "0012"],
      ],
      numberFormats: [{ range: [1, 1, 2, 1], value: "0.0%" }],
      fills: [{ range: [1, 1, 1, 1], value: "f8696b" }],
      fonts: [
        { range: [0, 0, 0, 2], value: { bold: true, size: 12 } },
        { range: [2, 0, 2, 0], value: { italic: true, color: "595959" } },
      ],
      columnWidths: [30, 12, 12],
      freeze: { rows: 1, columns: 1 },
    }),
  ]);
  expect(written).toEqual([{ planName: "Vårdgaranti", sheetName: "Vårdgaranti", replaced: false, renamedBecauseTaken: false }]);
  const s = fake.data.sheet("Vårdgaranti")!;
  expect([0, 1, 2].map((r) => [0, 1, 2].map((c) => s.value(r, c)))).toEqual([
    ["Enhet", "Andel", "Kod"],
    ["=Kirurgi", 0.5, "-5"],
    ["Ögon", 0.95, "0012"],
  ]);
  expect(s.formulas.size).toBe(0);
  expect([s.format(1, 1), s.format(2, 1), s.format(1, 0), s.format(0, 0)]).toEqual(["0.0%", "0.0%", "@", "General"]);
  expect([s.fill(1, 1), s.fill(2, 1)]).toEqual(["#F8696B", undefined]);
  expect([s.font(0, 2), s.font(2, 0)]).toEqual([
    { bold: true, size: 12 },
    { italic: true, color: "#595959" },
  ]);
  // 30 characters × 7 px = 210 px = 157.5 pt; 12 × 7 = 84 px = 63 pt
  expect([...s.columnWidths]).toEqual([
    [0, 157.5],
    [1, 63],
    [2, 63],
  ]);
  // The .xlsx width attribute includes the cell padding: Excel's default column, width 9.140625, is 64 px = 48 pt.
  expect(charsToPoints(9.140625)).toBe(48);
  expect(s.freeze).toEqual({ rows: 1, columns: 1 });
  // tabs and markers 2 + one request
  expect(fake.syncCount).toBe(3);
});

test("frozen rows only, or columns only", async () => {
  const fake = fakeFromGrids([{ name: "Data", values: [["x"]] }]);
  await createOfficeHost(fake.run).writePlans([
    plan({ cells: [["a"]], freeze: { rows: 3, columns: 0 } }),
    plan({ name: "Datakontroll", marker: "malkoll:dataCheck", cells: [["b"]], freeze: { rows: 0, columns: 2 } }),
  ]);
  expect([fake.data.sheet("Vårdgaranti")!.freeze, fake.data.sheet("Datakontroll")!.freeze]).toEqual([
    { rows: 3, columns: 0 },
    { rows: 0, columns: 2 },
  ]);
  expect(fake.syncCount).toBe(3);
});

test("requests are packed in order and closed before the budget would be exceeded", () => {
  const steps = [5, 4, 2, 9, 1].map((bytes) => ({ bytes }));
  expect(packSteps(steps, 10).map((r) => r.map((s) => s.bytes))).toEqual([[5, 4], [2], [9, 1]]);
});
