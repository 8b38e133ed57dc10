import { createOfficeHost } from "../../../src/hosts/office";
import { type FakeExcel, FakeExcelError, fakeFromGrids } from "../../fakes/excel";
import { carePlan, RED, BLUE, YELLOW, GREEN } from "../../helpers/plans";
import { d, grid, times } from "../../helpers/grids";
import { computeResults } from "../../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/model/settings";
import { careGuaranteePlan } from "../../../src/report/careGuaranteeTab";

const dataSheet = () => fakeFromGrids([{ name: "Data", values: [["Enhet"], ["Ögon"]] }]);
const rect = (s: { rect: { r0: number; c0: number; r1: number; c1: number } } | null) =>
  s ? [s.rect.r0, s.rect.c0, s.rect.r1, s.rect.c1] : null;
const chartsOf = (fake: FakeExcel) => fake.data.sheet("Vårdgaranti")!.charts;

describe("with ExcelApi 1.8", () => {
  const run = async () => {
    const fake = dataSheet();
    await createOfficeHost(fake.run, (v) => v === "1.8").writePlans([carePlan()]);
    return fake;
  };

  test("one native chart per spec, typed, titled, placed at the anchor cell and sized in points; still 3 syncs", async () => {
    const fake = await run();
    const charts = chartsOf(fake);
    expect(charts.map((c) => [c.type, c.title, c.width, c.height])).toEqual([
      ["BarClustered", "Förstabesök – måluppfyllelse vårdgaranti, januari 2024", 640, 340],
      ["BarStacked", "Mål per färg", 640, 340],
    ]);
    // Column D: A 20 characters = 105 pt, B 10 characters = 52.5 pt, C standard 48 pt; row 31 at 30 × 15 pt.
    expect([charts[0].left, charts[0].top, charts[1].top]).toEqual([105 + 52.5 + 48, 0, 450]);
    expect(fake.syncCount).toBe(3);
  });

  test("the share series over the table's cells, a colour per bar, the region's dark blue", async () => {
    const s = chartsOf(await run())[0].series[0];
    expect([s.name, rect(s.values), rect(s.categories)]).toEqual(["Andel inom 90 dagar", [1, 1, 4, 1], [1, 0, 4, 0]]);
    expect([...s.pointFills]).toEqual([
      [0, "#" + RED],
      [1, "#" + BLUE],
      [2, "#" + YELLOW],
      [3, "#" + GREEN],
    ]);
  });

  test("axis 0–100 % in the plan's format; the first unit at the top, the value axis at the bottom", async () => {
    const axes = chartsOf(await run())[0].axes;
    expect(axes.get("Value/Primary")).toMatchObject({ minimum: 0, maximum: 1, numberFormat: "0%" });
    expect(axes.get("Category/Primary")).toMatchObject({ reversePlotOrder: true, position: "Maximum" });
  });

  test("the target line: a stacked pair on hidden secondary axes over the cells under the chart", async () => {
    const fake = await run();
    const [, lead, line] = chartsOf(fake)[0].series;
    expect([lead.chartType, lead.axisGroup, lead.fill, rect(lead.values)]).toEqual(["BarStacked", "Secondary", "none", [2, 3, 5, 3]]);
    expect([line.name, line.chartType, line.axisGroup, line.fill, line.gapWidth, line.overlap, rect(line.values)]).toEqual([
      "Mål 90 %",
      "BarStacked",
      "Secondary",
      "#C00000",
      0,
      100,
      [2, 4, 5, 4],
    ]);
    expect(chartsOf(fake)[0].axes.get("Value/Secondary")).toMatchObject({ minimum: 0, maximum: 1, visible: false });
    // The legend shows the line's name only: the share series (a colour per bar) and the invisible lead are hidden.
    expect(chartsOf(fake)[0].legend).toEqual({ visible: true, position: "Bottom", hidden: new Set([0, 1]) });
    // 0.9 − 0.005 / 2 = 0.8975 up to the line, 0.005 wide, under a header at D2 (the chart's top-left is D1).
    const sheet = fake.data.sheet("Vårdgaranti")!;
    expect([sheet.value(1, 3), sheet.value(2, 3), sheet.value(2, 4), sheet.value(5, 3), sheet.value(6, 3) ?? null]).toEqual([
      "Mållinje (diagramdata)",
      0.8975,
      0.005,
      0.8975,
      null,
    ]);
  });

  test("stacked bars: a series per colour with its fill", async () => {
    const c = chartsOf(await run())[1];
    expect(c.series.map((s) => [s.name, s.fill, rect(s.values)])).toEqual([
      ["Gröna", "#" + GREEN, [1, 1, 2, 1]],
      ["Röda", "#" + RED, [3, 1, 4, 1]],
    ]);
    expect(c.legend).toEqual({ visible: true, position: "Bottom", hidden: new Set() });
  });
});

test("on ExcelApi 1.7 alone: the chart without the 1.8 calls (axis format, crossing, target line) and no cells for a line", async () => {
  const fake = dataSheet();
  await createOfficeHost(fake.run, () => false).writePlans([carePlan()]);
  const c = chartsOf(fake)[0];
  expect(c.series).toHaveLength(1);
  // The tab holds the plan's cells only, as the .xlsx writer's does.
  const sheet = fake.data.sheet("Vårdgaranti")!;
  expect([sheet.value(1, 3), sheet.value(2, 3), sheet.value(2, 4)].map((v) => v ?? null)).toEqual([null, null, null]);
  expect(c.axes.get("Value/Primary")).toMatchObject({ minimum: 0, maximum: 1 });
  expect(c.axes.get("Value/Primary")!.numberFormat).toBeUndefined();
  expect(c.axes.get("Category/Primary")).toMatchObject({ reversePlotOrder: true, position: "Automatic" });
});

test("a re-run replaces our charts, never adds to them, in the same 3 syncs", async () => {
  const fake = dataSheet();
  const host = createOfficeHost(fake.run, () => true);
  await host.writePlans([carePlan()]);
  const before = chartsOf(fake).map((c) => c.id);
  fake.resetStats();
  await host.writePlans([carePlan()]);
  expect(chartsOf(fake)).toHaveLength(2);
  expect(chartsOf(fake).map((c) => c.id)).not.toEqual(before);
  expect(fake.syncCount).toBe(3);
  expect(fake.syncs[1].loads).toContain("FakeChart.name");
});

test("a chart on a user's sheet is left alone", async () => {
  const fake = dataSheet();
  await fake.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Data");
    sheet.charts.add("ColumnClustered", sheet.getRange("A1:A2"), "Columns");
    await ctx.sync();
  });
  const host = createOfficeHost(fake.run, () => true);
  await host.writePlans([carePlan()]);
  await host.writePlans([carePlan()]);
  expect(fake.data.sheet("Data")!.charts).toHaveLength(1);
});

test("the fake is strict: a point past the series' last throws, as in Excel", async () => {
  const fake = dataSheet();
  const plan = carePlan();
  plan.charts = [
    { ...plan.charts[0], referenceLine: undefined, series: [{ ...plan.charts[0].series[0], pointColors: [RED, RED, RED, RED, RED] }] },
  ];
  await expect(createOfficeHost(fake.run, () => true).writePlans([plan])).rejects.toThrow(FakeExcelError);
  await expect(createOfficeHost(fake.run, () => true).writePlans([plan])).rejects.toThrow(/no point 4/);
});

test("the fake is strict: a legend entry past the last series throws, as in Excel", async () => {
  const fake = dataSheet();
  await expect(
    fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("A1:A2"), "Columns");
      chart.legend.legendEntries.getItemAt(1).visible = false;
      await ctx.sync();
    }),
  ).rejects.toThrow(/no entry at index 1/);
});

test("in English the target line's helper cells are headed in English, the plan's words", async () => {
  // Two units of three first visits each, within 90 days: a care-guarantee tab with one target line.
  const results = computeResults(
    [
      grid("Väntande", [
        ["Klinik", "Kontakttyp", "Beslutsdatum"],
        ...times(3, ["Hud", "Förstabesök", d("2024-01-10")]),
        ...times(3, ["Ögon", "Förstabesök", d("2024-01-10")]),
      ]),
    ],
    DEFAULT_SETTINGS,
    "2024-01-31",
  );
  const plan = careGuaranteePlan(results, DEFAULT_SETTINGS, "en");
  const fake = dataSheet();
  await createOfficeHost(fake.run, (v) => v === "1.8").writePlans([plan]);
  const sheet = fake.data.sheet("Care guarantee")!;
  const [row, col] = plan.charts[0].anchor;
  // The header one row under the chart's top-left cell, where the Swedish tab has "Mållinje (diagramdata)".
  expect(sheet.value(row + 1, col)).toBe("Target line (chart data)");
  const used = sheet.usedRange(true)!;
  const texts: unknown[] = [];
  for (let r = used.r0; r <= used.r1; r++) for (let c = used.c0; c <= used.c1; c++) texts.push(sheet.value(r, c));
  expect(texts.filter((v) => typeof v === "string" && v.includes("Mållinje"))).toEqual([]);
});
