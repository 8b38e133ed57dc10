// The .xlsx adapter in a 1904 workbook (DOMAIN.md §3): the grid says the system; the tabs it
// writes hold their dates as 1904 serials, so Excel shows them right and the next run reads them back.
import ExcelJS from "exceljs";
import type { SheetPlan } from "../../../src/report/plan";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { inDateSystem } from "../../../src/hosts/ooxml/dateSystem";
import { serialFromIso } from "../../../src/model/days";
import { planNotes } from "../../helpers/plans";
import { excelBytes, loadExcel, unzipText } from "./helpers";

const d = (iso: string) => serialFromIso(iso)!;

async function book(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Beslutsdatum", "Antal"]);
  ws.addRow(["Ögon", new Date(Date.UTC(2024, 0, 31)), 43860]);
  ws.getCell("B2").numFmt = "yyyy-mm-dd";
  return excelBytes(wb);
}

/** A history tab in miniature: dates in column A under a date format, shares beside them, a trend chart. */
function historyPlan(): SheetPlan {
  return {
    name: "Historik",
    marker: "malkoll:history",
    cells: [
      ["Mätdatum", "Andel", "Antal"],
      [d("2024-01-31"), 0.55, 20],
      [d("2024-02-29"), 0.7, 20],
      ["text", d("2024-03-31"), d("2024-03-31")],
    ],
    numberFormats: [
      { range: [1, 0, 3, 0], value: "yyyy-mm-dd" },
      { range: [1, 1, 2, 1], value: "0.0%" },
      // A date format under a later non-date one: the later one wins, as in Excel.
      { range: [3, 1, 3, 2], value: "yyyy-mm-dd" },
      { range: [3, 2, 3, 2], value: "#,##0" },
    ],
    fills: [],
    fonts: [],
    columnWidths: [12, 10, 10],
    charts: [
      {
        kind: "line",
        title: "Trend",
        categories: [1, 0, 2, 0],
        series: [{ name: "Andel", values: [1, 1, 2, 1] }],
        anchor: [0, 4],
        size: { width: 400, height: 250 },
      },
    ],
    ...planNotes("Historik"),
  };
}

describe("reading", () => {
  test("the grid of a 1904 workbook says so; date-formatted cells are 1900 serials, plain numbers as stored", async () => {
    const grid = openWorkbook(await book(true)).readSheet("Väntande");
    expect(grid.date1904).toBe(true);
    expect(grid.values[1]).toEqual(["Ögon", d("2024-01-31"), 43860]);
  });

  test("a 1900 workbook's grid carries no flag", async () => {
    const grid = openWorkbook(await book(false)).readSheet("Väntande");
    expect(grid.date1904).toBeUndefined();
    expect(grid.values[1]).toEqual(["Ögon", d("2024-01-31"), 43860]);
  });
});

describe("inDateSystem", () => {
  test("1900: the plan itself", () => {
    const plan = historyPlan();
    expect(inDateSystem(plan, false)).toBe(plan);
  });

  test("1904: numbers under a date format 1462 smaller, the rest as they are", () => {
    const out = inDateSystem(historyPlan(), true);
    expect(out.cells).toEqual([
      ["Mätdatum", "Andel", "Antal"],
      [43860, 0.55, 20],
      [43889, 0.7, 20],
      ["text", d("2024-03-31") - 1462, d("2024-03-31")],
    ]);
  });

  test("a tab without dates is left as it is", () => {
    const plan: SheetPlan = { ...historyPlan(), numberFormats: [{ range: [1, 1, 2, 1], value: "0.0%" }] };
    expect(inDateSystem(plan, true)).toBe(plan);
  });
});

describe("writing", () => {
  test("into a 1904 workbook the dates are 1904 serials, the chart says date1904; Excel (ExcelJS) shows the right days", async () => {
    const input = openWorkbook(await book(true));
    const { bytes } = writeSummaryTabs(input, [historyPlan()]);
    const out = openWorkbook(bytes);
    const path = out.sheets.find((s) => s.name === "Historik")!.path;
    const xml = unzipText(bytes, path);
    expect([...xml.matchAll(/<c r="(A2|A3|B4|C4)"[^>]*><v>([^<]*)<\/v>/g)].map((m) => [m[1], Number(m[2])])).toEqual([
      ["A2", 43860],
      ["A3", 43889],
      ["B4", d("2024-03-31") - 1462],
      ["C4", d("2024-03-31")],
    ]);
    const chart = unzipText(bytes, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:date1904 val="1"/>');
    expect(chart).toContain("<c:v>43860</c:v>");

    // Read back by this reader (date-formatted: 1900 serials again) and by ExcelJS (dates).
    expect(
      out
        .readSheet("Historik")
        .values.slice(1, 3)
        .map((r) => r[0]),
    ).toEqual([d("2024-01-31"), d("2024-02-29")]);
    const wb = await loadExcel(bytes);
    const a2 = wb.getWorksheet("Historik")!.getCell("A2").value as Date;
    expect(a2.toISOString().slice(0, 10)).toBe("2024-01-31");
  });

  test("into a 1900 workbook nothing changes: 1900 serials, date1904 0", async () => {
    const { bytes } = writeSummaryTabs(openWorkbook(await book(false)), [historyPlan()]);
    const out = openWorkbook(bytes);
    const xml = unzipText(bytes, out.sheets.find((s) => s.name === "Historik")!.path);
    expect(xml).toMatch(new RegExp(`<c r="A2"[^>]*><v>${d("2024-01-31")}</v>`));
    expect(unzipText(bytes, "xl/charts/chart1.xml")).toContain('<c:date1904 val="0"/>');
  });
});
