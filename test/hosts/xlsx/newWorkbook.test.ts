import fc from "fast-check";
import type { Cell, SheetGrid } from "../../../src/model/cells";
import { workbookFromGrid } from "../../../src/hosts/xlsx/newWorkbook";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { readZip, setNativeDeflate } from "../../../src/hosts/xlsx/zip";
import { carePlan } from "../../helpers/plans";
import { loadExcel, unzipAll, unzipText } from "./helpers";

/** Every non-empty cell of a grid by its A1-style position, so grids of any shape and origin compare. */
function cellsOf(grid: SheetGrid): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.col ?? 0;
  grid.values.forEach((row, i) => row.forEach((v, j) => v !== null && out.set(`${r0 + i},${c0 + j}`, v)));
  return out;
}

const extract: SheetGrid = {
  name: "väntetider jan",
  values: [
    ["Väntetider januari 2024"],
    [],
    ["Enhet", "Kontakttyp", "Beslutsdatum", "lkf", "Not"],
    ["Vårdcentral Åmål", "Förstabesök", "2024-01-15", "0180", "rad 1\r\nrad 2"],
    ["Öron-näsa-hals", "Operation/åtgärd", "2024-01-02", "1490", "  inledande blanksteg"],
    ["=SUM(A1)", "+plus", "-minus", "@at", 'a <b> & "c" _x0041_ \u0001'],
    ["Vårdcentral Åmål", null, null, null, "😀", "en till"],
    [42, -0.5, true, false],
  ],
};

describe("workbookFromGrid", () => {
  const bytes = workbookFromGrid(extract);

  test("the project's own reader opens it: one visible worksheet named after the grid, with its cells", () => {
    const wb = openWorkbook(bytes);
    expect(wb.sheets).toEqual([{ name: "väntetider jan", path: "xl/worksheets/sheet1.xml", hidden: false, kind: "worksheet" }]);
    expect(wb.date1904).toBe(false);
    const back = wb.readSheet("väntetider jan");
    expect(back.origin).toEqual({ row: 0, col: 0 });
    expect(cellsOf(back)).toEqual(cellsOf(extract));
    expect(back.values[3]).toEqual(["Vårdcentral Åmål", "Förstabesök", "2024-01-15", "0180", "rad 1\r\nrad 2", null]);
  });

  test("ExcelJS (an independent reader) reads the same sheet and cells", async () => {
    const wb = await loadExcel(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["väntetider jan"]);
    const ws = wb.getWorksheet("väntetider jan")!;
    const seen = new Map<string, Cell>();
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        seen.set(`${r - 1},${c - 1}`, cell.value as Cell);
      }),
    );
    expect(seen).toEqual(cellsOf(extract));
  });

  test("strings are shared (a repeated unit once), formulas-looking text stays text, control characters are escaped", () => {
    const sst = unzipText(bytes, "xl/sharedStrings.xml");
    expect(sst.match(/Vårdcentral Åmål/g)).toHaveLength(1);
    expect(sst).toContain("rad 1_x000D_\nrad 2");
    expect(sst).toContain("_x005F_x0041_ _x0001_");
    const sheet = unzipText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain('<dimension ref="A1:F8"/>');
  });

  test("holds just the parts a workbook needs", () => {
    expect(Object.keys(unzipAll(bytes)).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
  });

  test("writeSummaryTabs adds Målkoll's tabs to it, and the source sheet stays as it was", async () => {
    const out = writeSummaryTabs(openWorkbook(bytes), [carePlan()]);
    expect(out.written).toEqual([{ planName: "Vårdgaranti", sheetName: "Vårdgaranti", replaced: false, renamedBecauseTaken: false }]);
    const wb = openWorkbook(out.bytes);
    expect(wb.sheets.map((s) => [s.name, s.marker])).toEqual([
      ["väntetider jan", undefined],
      ["Vårdgaranti", "malkoll:careGuarantee"],
    ]);
    expect(cellsOf(wb.readSheet("väntetider jan"))).toEqual(cellsOf(extract));
    expect(wb.readSheet("Vårdgaranti").values[1]).toEqual(["Hud", 0.25]);
    const excel = await loadExcel(out.bytes);
    expect(excel.worksheets.map((w) => w.name)).toEqual(["väntetider jan", "Vårdgaranti"]);
    expect(excel.getWorksheet("väntetider jan")!.getCell("A4").value).toBe("Vårdcentral Åmål");
  });

  test("a large sheet (over 1 MB of XML) is deflated by Node's zlib or by fflate, and reads back either way", async () => {
    const values: Cell[][] = [["Enhet", "hsaid", "Beslutsdatum"]];
    for (let i = 0; i < 30_000; i++) values.push([`Vårdcentral Åmål ${i % 7}`, `SE2321000230-${i}`, "2024-01-15"]);
    const grid: SheetGrid = { name: "stor", values };
    try {
      for (const native of [true, false]) {
        setNativeDeflate(native);
        const bytes = workbookFromGrid(grid);
        expect(readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!.size).toBeGreaterThan(1 << 20);
        expect(openWorkbook(bytes).readSheet("stor").values).toEqual(values);
        expect((await loadExcel(bytes)).getWorksheet("stor")!.getCell("B30001").value).toBe("SE2321000230-29999");
      }
    } finally {
      setNativeDeflate(true);
    }
    // 30,000 rows through two deflaters and ExcelJS twice: seconds on a loaded 2-core CI machine (no speed is asserted).
  }, 60_000);

  test("a grid's origin places its first cell", () => {
    const wb = openWorkbook(workbookFromGrid({ name: "x", values: [["a", null, "b"]], origin: { row: 2, col: 1 } }));
    expect(wb.readSheet("x")).toMatchObject({ origin: { row: 2, col: 1 }, values: [["a", null, "b"]] });
  });

  test("an empty grid is an empty sheet", () => {
    const wb = openWorkbook(workbookFromGrid({ name: "tom", values: [] }));
    expect(wb.readSheet("tom").values).toEqual([]);
  });

  test("a name Excel would refuse is refused", () => {
    expect(() => workbookFromGrid({ name: "a/b", values: [] })).toThrow(RangeError);
    expect(() => workbookFromGrid({ name: "x".repeat(32), values: [] })).toThrow(/tooLong/);
  });

  test("property: any grid of strings, numbers and booleans reads back cell for cell", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ unit: "binary", maxLength: 8 }).filter((s) => s !== ""),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(grid, (values) => {
        const g: SheetGrid = { name: "Blad1", values };
        const expected = cellsOf({ ...g, values: values.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v))) });
        expect(cellsOf(openWorkbook(workbookFromGrid(g)).readSheet("Blad1"))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
