import { careGuaranteePlan, withRegionPlaced } from "../../src/report/careGuaranteeTab";
import { dataCheckPlan } from "../../src/report/dataCheckTab";
import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { RATING_FILL } from "../../src/report/style";
import type { UnitResult } from "../../src/domain/results";
import type { SheetPlan } from "../../src/report/plan";
import { d, grid, times, waitingList } from "../helpers/grids";

const unit = (name: string, share: number | null): UnitResult => ({
  unit: name,
  total: 1,
  withinLimit: 1,
  share,
  overLimit: 0,
  over365: 0,
  buckets: null,
  medianWait: null,
  rating: "green",
});

test("the region row is placed by its own share among the units, after ties", () => {
  const placed = withRegionPlaced([unit("A", 0.5), unit("B", 0.7), unit("C", 0.9)], unit("Region", 0.7));
  expect(placed.map((p) => (p.isRegion ? "R" : p.row.unit))).toEqual(["A", "B", "R", "C"]);
  expect(withRegionPlaced([unit("A", 0.5)], unit("Region", null)).map((p) => p.isRegion)).toEqual([false, true]);
});

/** Cells of the sheet as a map from text in column A to its row, for reading a plan like a person. */
const rowOf = (plan: SheetPlan, text: string) => plan.cells.findIndex((r) => r[0] === text);
const fillAt = (plan: SheetPlan, r: number, c: number) =>
  plan.fills.find((f) => f.range[0] <= r && r <= f.range[2] && f.range[1] <= c && c <= f.range[3])?.value;

describe("the Vårdgaranti tab", () => {
  // A: 3 of 4 within (75 %, red), B: 4 of 4 (100 %, green) → region 7 of 8 = 87.5 % (yellow)
  const results = computeResults(
    [
      waitingList([
        ...times(3, ["A", "Förstabesök", "2024-01-02"] as [string, string, string]),
        ["A", "Förstabesök", "2023-01-02"],
        ...times(4, ["B", "Förstabesök", "2024-01-02"] as [string, string, string]),
      ]),
    ],
    DEFAULT_SETTINGS,
    "2024-01-31",
  );
  const plan = careGuaranteePlan(results, DEFAULT_SETTINGS, "sv");

  test("is named Vårdgaranti and carries Målkoll's marker", () => {
    expect(plan.name).toBe("Vårdgaranti");
    expect(plan.marker).toBe("malkoll:careGuarantee");
  });

  test("labels the national count and median over all rows beside the base", () => {
    const header = plan.cells.find((r) => r[0] === "Enhet")!;
    expect(header.slice(1, 10)).toEqual([
      "Väntande",
      "Inom 90 dagar",
      "Andel inom 90 dagar",
      "Över 90 dagar",
      "Över 365 dagar",
      "Median (dagar)",
      "Väntande, alla",
      "Median, alla (dagar)",
      "Bedömning",
    ]);
    expect(plan.cells.flat()).toContain(
      "Antal väntande, alla (även PvV/MoV och utan vårdgaranti, som den nationella statistiken): 8; median 29 dagar",
    );
  });

  test("titles the table with measure, basis, limit and the exclusions", () => {
    expect(plan.cells.flat()).toContain("Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)");
    expect(plan.cells.flat()).toContain("Mätdatum 2024-01-31 (angivet)");
  });

  test("lists units ascending by share with the region row bold and placed by its share", () => {
    const a = rowOf(plan, "A");
    // A's waits are 29, 29, 29 and 394 days (2023-01-02 → 2024-01-31): median 29, one over 365.
    // No exclusions here, so every waiting row is in the base: "Väntande, alla" = 4, its median 29.
    expect(plan.cells[a]).toEqual(["A", 4, 3, 0.75, 1, 1, 29, 4, 29, "Uppfylls inte"]);
    expect(plan.cells[a + 1]).toEqual(["Hela regionen", 8, 7, 0.875, 1, 1, 29, 8, 29, "Uppfylls delvis"]);
    expect(plan.cells[a + 2][0]).toBe("B");
    expect(plan.fonts.some((f) => f.range[0] === a + 1 && f.value.bold)).toBe(true);
  });

  test("fills each share cell with its rating's colour", () => {
    const a = rowOf(plan, "A");
    expect(fillAt(plan, a, 3)).toBe(RATING_FILL.red);
    expect(fillAt(plan, a + 1, 3)).toBe(RATING_FILL.yellow);
    expect(fillAt(plan, a + 2, 3)).toBe(RATING_FILL.green);
  });

  test("formats shares as percent and counts as integers", () => {
    const a = rowOf(plan, "A");
    const formatAt = (c: number) => plan.numberFormats.find((f) => f.range[0] <= a && a <= f.range[2] && f.range[1] === c)?.value;
    expect(formatAt(3)).toBe("0.0%");
    expect(formatAt(1)).toBe("#,##0");
  });

  test("prints the legend, the settings used and every source sheet with its row counts", () => {
    const text = plan.cells.flat().filter((c): c is string => typeof c === "string");
    expect(text).toContain("Målet uppfylls delvis: 80–99 % av målvärdet");
    expect(text.some((t) => t.startsWith("Inställningar: Exkluderas: väntande PvV, MoV, SoV; genomförda PvV"))).toBe(true);
    expect(text).toContain(
      'Blad "Väntande" (rubrikrad 1): 8 rader lästa, 8 använda, 0 exkluderade enligt regel, 0 avvisade – Patientlista (väntande), kontakttyp per rad.',
    );
  });

  test("is rectangular", () => {
    expect(new Set(plan.cells.map((r) => r.length)).size).toBe(1);
  });

  test("speaks English with --lang en", () => {
    const en = careGuaranteePlan(results, DEFAULT_SETTINGS, "en");
    expect(en.name).toBe("Care guarantee");
    expect(en.cells.flat()).toContain("Whole region");
    expect(en.cells.flat()).toContain(
      'Sheet "Väntande" (header row 1): 8 rows read, 8 used, 0 excluded by rule, 0 rejected – Patient list (waiting), contact type per row.',
    );
  });
});

test("over-limit waiters without a specialty are a group in words: (uppgift saknas), in English (not given)", () => {
  const results = computeResults(
    [
      grid("Väntande", [
        ["Klinik", "Verksamhetsområde", "Kontakttyp", "Beslutsdatum"],
        ["Hud CS", "Hud", "Förstabesök", d("2023-01-01")],
        ["Hud CS", null, "Förstabesök", d("2023-01-01")],
      ]),
    ],
    DEFAULT_SETTINGS,
    "2024-01-31",
  );
  // Two over the limit, one each: 50 % each, the unnamed group first on the tie.
  const groupRows = (lang: "sv" | "en") =>
    careGuaranteePlan(results, DEFAULT_SETTINGS, lang)
      .cells.filter((r) => r[2] === 0.5)
      .map((r) => r.slice(0, 3));
  expect(groupRows("sv")).toEqual([
    ["(uppgift saknas)", 1, 0.5],
    ["Hud", 1, 0.5],
  ]);
  expect(groupRows("en")).toEqual([
    ["(not given)", 1, 0.5],
    ["Hud", 1, 0.5],
  ]);
});

test("the Datakontroll tab lists counts per reason and every rejected row", () => {
  const results = computeResults(
    [
      waitingList([
        ["A", "Förstabesök", "2024-01-02", "X9"],
        ["A", "Förstabesök", "2024-01-02", "PvV"],
      ]),
    ],
    DEFAULT_SETTINGS,
    "2024-01-31",
  );
  const plan = dataCheckPlan(results, "sv");
  expect(plan.name).toBe("Datakontroll");
  const reasons = plan.cells.filter((r) => r[1] === "Exkluderad enligt regel" || r[1] === "Avvisad").map((r) => r.slice(0, 3));
  expect(reasons).toEqual([
    ["PvV (patientvald väntan)", "Exkluderad enligt regel", 1],
    ["Okänd avvikelsekod", "Avvisad", 1],
  ]);
  expect(plan.cells.find((r) => r[0] === "Väntande" && r[1] === 2)).toEqual([
    "Väntande",
    2,
    "Avvikelsekod",
    "D2",
    "X9",
    "Okänd avvikelsekod",
    null,
    null,
  ]);
});

test("a Datakontroll tab listing 300 000 rejected rows is planned without overflowing the stack", () => {
  // 300 000 arguments to Math.max(...rows) exceed V8's spread limit: the builder must loop.
  const base = computeResults([waitingList([["A", "Förstabesök", "2024-01-02"]])], DEFAULT_SETTINGS, "2024-01-31");
  const issues = Array.from({ length: 300_000 }, (_, k) => ({
    sheet: "Väntande",
    row: k + 2,
    column: "Beslutsdatum",
    cell: `C${k + 2}`,
    value: "x",
    reason: "invalidDate" as const,
  }));
  const plan = dataCheckPlan({ ...base, issues }, "sv");
  expect(plan.cells.length).toBeGreaterThan(300_000);
  expect(plan.columnWidths.length).toBe(8);
});
