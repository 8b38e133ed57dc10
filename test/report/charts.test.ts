import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { careGuaranteePlan } from "../../src/report/careGuaranteeTab";
import { goalsPlan } from "../../src/report/goalsTab";
import { chartRows, NEUTRAL_BAR, RATING_FILL, REGION_BAR, TARGET_LINE } from "../../src/report/style";
import type { CellRange, SheetPlan } from "../../src/report/plan";
import { d, grid, times } from "../helpers/grids";

type R = [string, string, number, string];
/**
 * January 2024, first visits (90 days), with specialty:
 *   Hud 1 of 4 within (25 %, red), Ögon 9 of 10 (90 %, yellow), Kirurgi 2 of 2 (100 %, green)
 *   region 12 of 16 = 75 % (red) → placed between Hud and Ögon.
 * Over 90: Hud 3 (Hudsjukvård), Ögon 1 (Ögonsjukvård) → 75 % and 25 %.
 */
const sheet = grid("Väntande", [
  ["Klinik", "Kontakttyp", "Beslutsdatum", "Verksamhetsområde"],
  ["Hud", "Förstabesök", d("2024-01-10"), "Hudsjukvård"],
  ...times(3, ["Hud", "Förstabesök", d("2023-06-01"), "Hudsjukvård"] as R),
  ...times(9, ["Ögon", "Förstabesök", d("2024-01-10"), "Ögonsjukvård"] as R),
  ["Ögon", "Förstabesök", d("2023-06-01"), "Ögonsjukvård"],
  ...times(2, ["Kirurgi", "Förstabesök", d("2024-01-10"), "Kirurgi"] as R),
]);
const results = computeResults(
  [sheet],
  { ...DEFAULT_SETTINGS, measures: { ...DEFAULT_SETTINGS.measures, firstVisit: { limitDays: 90, target: 0.9 } } },
  "2024-01-31",
);
const plan = careGuaranteePlan(results, DEFAULT_SETTINGS, "sv");
const column = (p: SheetPlan, [r0, c0, r1]: CellRange) => p.cells.slice(r0, r1 + 1).map((r) => r[c0]);

describe("the care-guarantee bar chart", () => {
  const chart = plan.charts[0];
  test("titled in the committee's style", () => {
    expect(chart.title).toBe("Förstabesök – måluppfyllelse vårdgaranti, januari 2024");
    expect(chart.kind).toBe("bar");
  });
  test("one bar per unit, ascending by share, the region among them by its own share", () => {
    expect(column(plan, chart.categories)).toEqual(["Hud", "Hela regionen", "Ögon", "Kirurgi"]);
    expect(column(plan, chart.series[0].values)).toEqual([0.25, 0.75, 0.9, 1]);
  });
  test("bars coloured by rating against a 90 % target, the region's bar dark blue", () => {
    // Hud 25/90 = 28 % red; Ögon 90/90 = 100 % green; Kirurgi green.
    expect(chart.series[0].pointColors).toEqual([RATING_FILL.red, REGION_BAR, RATING_FILL.green, RATING_FILL.green]);
  });
  test("the target as a reference line, the axis 0–100 %", () => {
    expect(chart.referenceLine).toEqual({ value: 0.9, label: "Mål 90\u00a0%", color: TARGET_LINE });
    expect(chart.valueAxis).toEqual({ min: 0, max: 1, format: "0%" });
  });
  test("the over-90 waiters by specialty: shares of all over-limit waiters, largest first", () => {
    const by = plan.charts[1];
    expect(by.title).toBe("Väntande längre än 90 dagar per verksamhetsområde, januari 2024");
    expect(column(plan, by.categories)).toEqual(["Hudsjukvård", "Ögonsjukvård"]);
    expect(column(plan, by.series[0].values)).toEqual([0.75, 0.25]);
    expect(by.series[0].color).toBe(NEUTRAL_BAR);
  });
  test("charts stand right of the tables and never overlap", () => {
    const tableWidth = Math.max(...plan.cells.map((r) => r.reduce((w: number, c, j) => (c !== null ? j + 1 : w), 0)));
    for (const c of plan.charts) expect(c.anchor[1]).toBeGreaterThanOrEqual(tableWidth);
    // 12.75 pt rows (LibreOffice's are 12.8 pt, Excel's 15 pt): the next chart starts below this one.
    expect(plan.charts[1].anchor[0] - plan.charts[0].anchor[0]).toBeGreaterThanOrEqual(Math.ceil(plan.charts[0].size.height / 12.75));
    expect(plan.charts[1].anchor[0] - plan.charts[0].anchor[0]).toBe(chartRows(plan.charts[0].size.height));
  });
  test("a chart with many units grows so every unit keeps its label", () => {
    const many = computeResults(
      [
        grid("Väntande", [
          ["Klinik", "Kontakttyp", "Beslutsdatum"],
          ...Array.from({ length: 30 }, (_, k) => [`Enhet ${k}`, "Förstabesök", d("2024-01-10")]),
        ]),
      ],
      DEFAULT_SETTINGS,
      "2024-01-31",
    );
    const c = careGuaranteePlan(many, DEFAULT_SETTINGS, "sv").charts[0];
    // 30 units + the region = 31 bars × 14 pt + 110 pt for title and axis.
    expect(c.size).toEqual({ width: 640, height: 31 * 14 + 110 });
  });
});

test("goals by colour: a stacked bar over a goals × colours table, one series per colour", () => {
  const r = computeResults(
    [
      grid("Plan", [
        ["Mål", "Indikator", "Målvärde", "Utfall"],
        ["A", "a1", 1, 1],
        [null, "a2", 1, 0.5],
        ["B", "b1", 1, "Ej mätt"],
      ]),
    ],
    DEFAULT_SETTINGS,
    "2024-04-30",
  );
  const p = goalsPlan(r, DEFAULT_SETTINGS, "sv");
  const chart = p.charts[0];
  expect(chart.kind).toBe("stackedBar");
  expect(chart.title).toBe("Måluppfyllelse per mål, antal indikatorer per färg, april 2024");
  expect(column(p, chart.categories)).toEqual(["A", "B"]);
  expect(chart.series.map((s) => [s.name, s.color, column(p, s.values)])).toEqual([
    ["Gröna", RATING_FILL.green, [1, 0]],
    ["Gula", RATING_FILL.yellow, [0, 0]],
    ["Röda", RATING_FILL.red, [1, 0]],
    ["Ej mätta", RATING_FILL.grey, [0, 1]],
  ]);
});

test("every table of a tab is listed with the heading above it, for hosts that lay tables out one by one", () => {
  const titles = plan.sections!.map((s) => s.title);
  expect(titles).toEqual(["Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)", "Väntande över 90 dagar per verksamhetsområde"]);
  const [r0, c0, r1] = plan.sections![0].range;
  expect(plan.cells[r0][c0]).toBe("Enhet");
  expect(r1 - r0).toBe(4); // header + Hud, region, Ögon, Kirurgi
});
