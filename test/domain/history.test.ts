import { computeResults, pastFrom, NO_PAST } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { mergeHistory, regionTrend } from "../../src/domain/history";
import type { CareHistoryRow, Results } from "../../src/domain/results";
import { historyPlan, parseHistory } from "../../src/report/historyTab";
import { careGuaranteePlan } from "../../src/report/careGuaranteeTab";
import { goalsPlan } from "../../src/report/goalsTab";
import type { Cell } from "../../src/model/cells";
import { grid, times, waitingList } from "../helpers/grids";

type Row = [string, string, string];
/**
 * January (measured 2024-01-31): A 3 of 4 within 90 days (75 %), B 1 of 1 (100 %), Gone 2 of 2.
 *   region 6 of 7 = 85.714 %, 1 over 90, 0 over 365.
 * February (measured 2024-02-29): A 2 of 4 (50 %), B 3 of 3 (100 %), New 1 of 2 (50 %).
 *   region 6 of 9 = 66.667 %, 3 over 90.
 * Changes: A −25 points, total ±0, over 90 +1; B ±0 points, total +2; region −19.048 points,
 * total +2, over 90 +2; "New" has no previous period; "Gone" was only in January.
 */
const january = waitingList([
  ...times(3, ["A", "Förstabesök", "2024-01-10"] as Row),
  ["A", "Förstabesök", "2023-09-01"],
  ["B", "Förstabesök", "2024-01-10"],
  ...times(2, ["Gone", "Förstabesök", "2024-01-10"] as Row),
]);
const february = waitingList([
  ...times(2, ["A", "Förstabesök", "2024-02-10"] as Row),
  ...times(2, ["A", "Förstabesök", "2023-10-01"] as Row),
  ...times(3, ["B", "Förstabesök", "2024-02-10"] as Row),
  ["New", "Förstabesök", "2024-02-10"],
  ["New", "Förstabesök", "2023-10-01"],
]);
const jan = computeResults([january], DEFAULT_SETTINGS, "2024-01-31");
const feb = computeResults([february], DEFAULT_SETTINGS, "2024-02-29", pastFrom([], [jan]));
const fv = (r: Results) => r.careGuarantee[0];
const unitOf = (r: Results, name: string) => fv(r).units.find((u) => u.unit === name)!;

describe("change since the previous period", () => {
  test("the previous period is the latest earlier measurement date", () => {
    expect(feb.previousDate).toBe("2024-01-31");
    expect(fv(feb).previousDate).toBe("2024-01-31");
    expect(jan.previousDate).toBeNull();
  });
  test("a unit in both periods: A from 75 % to 50 % is −25 points, over 90 from 1 to 2", () => {
    expect(unitOf(feb, "A").previous).toEqual({ share: 0.75, total: 4, overLimit: 1, over365: 0 });
    expect(unitOf(feb, "A").change).toEqual({ sharePoints: -25, total: 0, overLimit: 1, over365: 0 });
    expect(unitOf(feb, "B").change).toEqual({ sharePoints: 0, total: 2, overLimit: 0, over365: 0 });
  });
  test("the region: 6/7 → 6/9 is −19.05 points and +2 waiting", () => {
    const c = fv(feb).region.change!;
    expect(c.sharePoints).toBeCloseTo((6 / 9 - 6 / 7) * 100, 10);
    expect(c).toMatchObject({ total: 2, overLimit: 2 });
  });
  test("a unit only in this period is new (no previous), one only in the last is listed as gone", () => {
    expect(unitOf(feb, "New").previous).toBeUndefined();
    expect(unitOf(feb, "New").change).toBeUndefined();
    expect(fv(feb).goneUnits).toEqual([{ unit: "Gone", previous: { share: 1, total: 2, overLimit: 0, over365: 0 } }]);
  });
  test("units are matched by name, not by position: reordering the rows changes nothing", () => {
    const reordered = computeResults(
      [
        waitingList([
          ...february.values
            .slice(1)
            .reverse()
            .map((r) => [r[0], r[1], "2024-02-10"] as Row),
        ]),
      ],
      DEFAULT_SETTINGS,
      "2024-02-29",
      pastFrom([], [jan]),
    );
    expect(unitOf(reordered, "Gone")).toBeUndefined();
    expect(unitOf(reordered, "A").previous).toEqual(unitOf(feb, "A").previous);
  });
  test("the tab shows the change columns, 'Ny' for the new unit, the gone unit and the headline in the committee's words", () => {
    const plan = careGuaranteePlan(feb, DEFAULT_SETTINGS, "sv");
    const header = plan.cells.find((r) => r[0] === "Enhet")!;
    const col = header.indexOf("Förändring andel (%-enheter)");
    expect(col).toBeGreaterThan(0);
    expect(plan.cells.find((r) => r[0] === "A")![col]).toBe(-25);
    expect(plan.cells.find((r) => r[0] === "New")![col]).toBe("Ny");
    const text = plan.cells.map((r) => r[0]).filter((c): c is string => typeof c === "string");
    expect(text).toContain("Andel inom 90 dagar: 66,7\u00a0% (\u221219,0\u00a0%-enheter sedan 2024-01-31)");
    expect(text).toContain("Totalt antal väntande (exkl. PvV/MoV): 9 (+2)");
    expect(text).toContain("Längre än 90 dagar: 3 (+2)");
    expect(text.some((t) => t.startsWith("Enheter som fanns 2024-01-31 men inte nu: Gone (100,0\u00a0%, 2)"))).toBe(true);
    const fmt = plan.numberFormats.find((f) => f.range[1] === col && f.range[3] === col)!.value;
    expect(fmt).toBe('+0.0;"\u2212"0.0;"±"0.0');
  });
  test("without a previous period the tab has no change columns, only the headline", () => {
    const plan = careGuaranteePlan(jan, DEFAULT_SETTINGS, "sv");
    expect(plan.cells.flat()).not.toContain("Förändring andel (%-enheter)");
    expect(plan.cells.map((r) => r[0])).toContain("Andel inom 90 dagar: 85,7\u00a0%");
  });
});

describe("the history", () => {
  test("a run adds its rows to the history: January's and February's units and region rows", () => {
    const dates = [...new Set(feb.history.care.map((r) => r.date))];
    expect(dates).toEqual(["2024-01-31", "2024-02-29"]);
    expect(
      feb.history.care
        .filter((r) => r.date === "2024-02-29")
        .map((r) => r.unit)
        .sort(),
    ).toEqual(["A", "B", "New", "Region"]);
  });
  test("a run for a date already there replaces those rows (idempotent)", () => {
    const again = computeResults([february], DEFAULT_SETTINGS, "2024-02-29", { history: feb.history, issues: [] });
    expect(again.history).toEqual(feb.history);
    // The previous period of a re-run is still January, not February itself.
    expect(fv(again).region.change).toEqual(fv(feb).region.change);
  });
  test("the Historik tab reads back to the same history, in Swedish and in English", () => {
    for (const lang of ["sv", "en"] as const) {
      const plan = historyPlan(feb, lang);
      const back = parseHistory(grid(plan.name, plan.cells));
      expect(back.issues).toEqual([]);
      expect(back.history.care).toEqual(feb.history.care);
    }
  });
  test("the tab's history rows are Excel tables named for Målkoll", () => {
    const plan = historyPlan(feb, "sv");
    expect(plan.tables?.map((t) => t.name)).toEqual(["Malkoll_Historik"]);
    const [r0, c0, r1, c1] = plan.tables![0].range;
    expect(plan.cells[r0].slice(c0, c1 + 1)).toEqual([
      "Mätdatum",
      "Mått",
      "Grund",
      "Enhet",
      "Antal",
      "Inom gränsen",
      "Andel",
      "Över gränsen",
      "Över 365 dagar",
    ]);
    expect(r1 - r0).toBe(feb.history.care.length);
  });
  test("a row edited into nonsense is reported, not dropped silently", () => {
    const plan = historyPlan(feb, "sv");
    const cells = plan.cells.map((r) => [...r]);
    const first = plan.tables![0].range[0] + 1;
    cells[first][1] = "Tandvård";
    const back = parseHistory(grid("Historik", cells));
    expect(back.issues).toEqual([
      expect.objectContaining({
        sheet: "Historik",
        row: first + 1,
        cell: `B${first + 1}`,
        value: "Tandvård",
        reason: "historyUnknownMeasure",
      }),
    ]);
    expect(back.history.care.length).toBe(feb.history.care.length - 1);
  });
  test("merging keeps other dates and sorts by date", () => {
    const row = (date: string, unit: string): CareHistoryRow => ({
      date,
      measure: "firstVisit",
      basis: "waiting",
      unit,
      total: 1,
      withinLimit: 1,
      share: 1,
      overLimit: 0,
      over365: 0,
    });
    const merged = mergeHistory(
      { care: [row("2024-03-31", "X"), row("2024-01-31", "X")], indicators: [] },
      { care: [row("2024-03-31", "Y")], indicators: [] },
    );
    expect(merged.care.map((r) => `${r.date} ${r.unit}`)).toEqual(["2024-01-31 X", "2024-03-31 Y"]);
  });
});

describe("the 13-month trend", () => {
  const region = (date: string, share: number): CareHistoryRow => ({
    date,
    measure: "firstVisit",
    basis: "waiting",
    unit: "Region",
    total: 10,
    withinLimit: share * 10,
    share,
    overLimit: 0,
    over365: 0,
  });
  test("takes the measurement month and the twelve before it: 2023-01-31 … 2024-01-31, not 2022-12-31", () => {
    const rows = ["2022-12-31", "2023-01-31", "2023-06-30", "2024-01-31", "2024-02-29"].map((d, k) => region(d, k / 10));
    expect(regionTrend(rows, "2024-01-31")[0].points.map((p) => p.date)).toEqual(["2023-01-31", "2023-06-30", "2024-01-31"]);
  });
  test("the tab has the trend table and a line chart over it", () => {
    const plan = historyPlan(feb, "sv");
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts[0];
    expect(chart.kind).toBe("line");
    const [r0, c0, r1] = chart.categories;
    expect(plan.cells.slice(r0, r1 + 1).map((r) => r[c0])).toEqual([45322, 45351]); // 2024-01-31, 2024-02-29
    const [s0, sc] = chart.series[0].values;
    expect(plan.cells[s0][sc]).toBeCloseTo(6 / 7, 12);
  });
});

describe("indicators over time", () => {
  const plan = (outcome: Cell) =>
    grid("Indikatorer", [
      ["Mål", "Indikator", "Målvärde", "Utfall"],
      ["Tillgänglighet", "Kontakt samma dag", "82 % eller +5 procentenheter", outcome],
    ]);
  const t1 = computeResults([plan("72 %")], DEFAULT_SETTINGS, "2024-04-30");
  const t2 = computeResults([plan("78 %")], DEFAULT_SETTINGS, "2024-08-31", pastFrom([], [t1]));
  test("the previous outcome comes from the history: change +6 points, trend up", () => {
    const i = t2.indicators[0];
    expect(i).toMatchObject({ previousOutcome: 0.72, previousFrom: "history", trend: "up" });
    expect(i.change).toBeCloseTo(0.06, 12);
  });
  test("'82 % or improve by 5 points' is evaluated against the previous period: 78 ≥ 72 + 5 → green", () => {
    expect(t1.indicators[0].rating).toBe("yellow"); // 72 / 82 = 87.8 %, nothing to improve on
    expect(t2.indicators[0].rating).toBe("green");
    expect(t2.indicators[0].achievement).toBeCloseTo(0.78 / 0.77, 12);
  });
  test("the Måluppfyllelse tab shows the change in points and the arrow", () => {
    const p = goalsPlan(t2, DEFAULT_SETTINGS, "sv");
    const header = p.cells.find((r) => r[0] === "Mål")!;
    const row = p.cells.find((r) => typeof r[1] === "string" && r[1].startsWith("Kontakt samma dag"))!;
    expect(row[header.indexOf("Förändring")]).toBeCloseTo(6, 10);
    expect(row[header.indexOf("Trend")]).toBe("↑");
  });
  test("indicator history reads back from the tab with its values and their percent formats", () => {
    const p = historyPlan(t2, "sv");
    // The grid as a host reads it: values plus each cell's number format.
    const formats = p.cells.map((r) => r.map(() => null as string | null));
    for (const f of p.numberFormats)
      for (let r = f.range[0]; r <= f.range[2]; r++) for (let c = f.range[1]; c <= f.range[3]; c++) formats[r][c] = f.value;
    const back = parseHistory(grid(p.name, p.cells, formats));
    expect(back.issues).toEqual([]);
    expect(back.history.indicators).toEqual(t2.history.indicators);
    expect(back.history.indicators.map((r) => [r.date, r.outcome, r.percent])).toEqual([
      ["2024-04-30", 0.72, true],
      ["2024-08-31", 0.78, true],
    ]);
  });
  test("without a history nothing is invented", () => {
    expect(computeResults([plan("78 %")], DEFAULT_SETTINGS, "2024-08-31", NO_PAST).indicators[0]).toMatchObject({
      previousOutcome: null,
      rating: "yellow",
    });
  });
});
