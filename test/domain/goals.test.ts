import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS, type RollUpRule, type Settings } from "../../src/model/settings";
import type { Cell } from "../../src/model/cells";
import { d, grid } from "../helpers/grids";
import { rollUp } from "../../src/domain/goals";

/** An indicator sheet: [goal, indicator, target, outcome, direction?] rows under a header. */
const plan = (rows: Cell[][], header: Cell[] = ["Mål", "Indikator", "Målvärde", "Utfall", "Riktning"], formats?: (string | null)[][]) =>
  grid("Indikatorer", [header, ...rows], formats);
const run = (rows: Cell[][], settings: Settings = DEFAULT_SETTINGS, header?: Cell[]) =>
  computeResults([plan(rows, header)], settings, "2024-04-30");
const one = (target: Cell, outcome: Cell, direction: Cell = null) => {
  const r = run([["Tillgänglighet", "Indikator A", target, outcome, direction]]);
  expect(r.issues).toEqual([]);
  return r.indicators[0];
};

describe("rating an indicator on its unrounded achievement", () => {
  test("exactly 100 % of the target is green", () => {
    expect(one(0.9, 0.9)).toMatchObject({ achievement: 1, rating: "green" });
  });
  test("99.99 % of the target is yellow even though it shows as 100 %", () => {
    // 0.9999 × 0.9 = 0.89991: outcome / target = 0.9999
    const i = one(0.9, 0.89991);
    expect(i.achievement).toBeCloseTo(0.9999, 10);
    expect(i.rating).toBe("yellow");
  });
  test("exactly 80 % of the target is yellow", () => {
    expect(one(100, 80)).toMatchObject({ achievement: 0.8, rating: "yellow" });
  });
  test("79.99 % of the target is red", () => {
    expect(one(100, 79.99)).toMatchObject({ rating: "red" });
  });
  test("lower is better: hired staff 2.6 % against 2.0 % is 2.0 / 2.6 = 76.9 % → red", () => {
    const i = one("2,0 %", "2,6 %", "Lägre är bättre");
    expect(i.direction).toBe("lower");
    expect(i.achievement).toBeCloseTo(2.0 / 2.6, 12);
    expect(i.rating).toBe("red");
  });
  test("lower is better with an outcome of 0 is fulfilled", () => {
    expect(one(5, 0, "↓")).toMatchObject({ direction: "lower", achievement: 1, rating: "green" });
  });
  test("lower is better, 1.8 against a target of 2.0 is 111 % → green", () => {
    expect(one(2, 1.8, "lägre")).toMatchObject({ rating: "green" });
  });
  test("a target so near 0 that outcome / target overflows gives no achievement, not −∞ (found by the fuzz test)", () => {
    // −1e-15 / 5e-324 is −Infinity in doubles (past −1.8e308); 1e-300 / 1e10 is a finite 1e-310 and stays.
    expect(one(5e-324, -1e-15)).toMatchObject({ achievement: null, rating: "grey" });
    expect(one(1e10, 1e-300).achievement).toBe(1e-310);
  });
});

describe("DOMAIN.md §2 worked example (2021 accessibility plan): two yellow, two red", () => {
  const r = run([
    ["Tillgänglighet", "Kontakt samma dag", "95 %", "84 %"],
    [null, "Medicinsk bedömning inom 3 dagar", "85 %", "74 %"],
    [null, "Förstabesök inom 90 dagar", "100 %", "55 %"],
    [null, "BUP första bedömning inom 30 dagar", "90 %", "12 %"],
  ]);
  test("84 / 95 = 88 % and 74 / 85 = 87 % are yellow; 55 / 100 and 12 / 90 are red", () => {
    expect(r.indicators.map((i) => [i.indicator, Math.round(i.achievement! * 100), i.rating])).toEqual([
      ["Kontakt samma dag", 88, "yellow"],
      ["Medicinsk bedömning inom 3 dagar", 87, "yellow"],
      ["Förstabesök inom 90 dagar", 55, "red"],
      ["BUP första bedömning inom 30 dagar", 13, "red"],
    ]);
  });
  test("the goal written once above its indicators owns all four and is yellow", () => {
    expect(r.goals).toEqual([
      { goal: "Tillgänglighet", rating: "yellow", counts: { green: 0, yellow: 2, red: 2, grey: 0 }, sheet: "Indikatorer" },
    ]);
  });
});

describe("values as they arrive", () => {
  test("a percent-formatted target puts the row on one scale: '84' against 95 % is 84 percentage points", () => {
    const formatted = computeResults(
      [plan([["Mål 1", "Andel", 0.95, "84"]], undefined, [[], [null, null, "0%", null]])],
      DEFAULT_SETTINGS,
      "2024-04-30",
    );
    // With a % format 0.95 is 95 %, so "84" on that row is 84 percentage points: 0.84 / 0.95.
    expect(formatted.indicators[0]).toMatchObject({ target: 0.95, outcome: 0.84, percent: true });
    expect(formatted.indicators[0].achievement).toBeCloseTo(0.84 / 0.95, 12);
  });
  test("'10,23 %' keeps two decimals and '1 000' is a thousand", () => {
    const r = run([
      ["Mål", "A", "10,23 %", "10,23 %"],
      ["Mål", "B", "1 000", "1\u00a0250"],
    ]);
    expect(r.indicators[0]).toMatchObject({ target: 0.1023, percent: true, decimals: 2, rating: "green" });
    expect(r.indicators[1]).toMatchObject({ target: 1000, outcome: 1250, percent: false, decimals: 0, achievement: 1.25 });
  });
  test.each([
    [null],
    [""],
    ["–"],
    ["-"],
    ["Ej mätt"],
    ["ej mätt"],
    ["Mäts vid årsrapport"],
    ["Mäts i årsrapporten"],
    [".."],
    ["Inget utfall"],
  ])("an outcome written %j is not measured: grey, counted as used", (cell) => {
    const r = run([["Mål", "A", "90 %", cell]]);
    expect(r.indicators[0]).toMatchObject({ outcome: null, achievement: null, rating: "grey" });
    expect(r.sources[0]).toMatchObject({ rowsRead: 1, rowsUsed: 1, rowsRejected: 0 });
  });
  test("a target of 0 on a higher-is-better indicator is a rejected row, not a division by zero", () => {
    const r = run([["Mål", "Antal avvikelser", 0, 3]]);
    expect(r.indicators).toEqual([]);
    expect(r.issues).toEqual([{ sheet: "Indikatorer", row: 2, column: "Målvärde", cell: "C2", value: "0", reason: "zeroTargetHigher" }]);
    expect(r.sources[0]).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
  });
  test("a target of 0 on a lower-is-better indicator is met by an outcome of 0 and missed by 1", () => {
    const r = run([
      ["Mål", "Vårdskador", 0, 0, "Lägre är bättre"],
      ["Mål", "Fall", 0, 1, "Lägre är bättre"],
    ]);
    expect(r.indicators.map((i) => i.rating)).toEqual(["green", "red"]);
  });
  test("an outcome that is not a number is rejected with its cell", () => {
    const r = run([["Mål", "A", "90 %", "ungefär 80"]]);
    expect(r.issues[0]).toMatchObject({ row: 2, column: "Utfall", cell: "D2", value: "ungefär 80", reason: "notANumber" });
  });
  test("an outcome without a target is rejected: it cannot be rated", () => {
    const r = run([["Mål", "A", null, "80 %"]]);
    expect(r.issues[0]).toMatchObject({ cell: "C2", reason: "missingTarget" });
  });
  test("an unknown direction is rejected", () => {
    const r = run([["Mål", "A", 1, 1, "sidledes"]]);
    expect(r.issues[0]).toMatchObject({ cell: "E2", reason: "unknownDirection" });
  });
});

describe("thresholds per indicator", () => {
  const header = ["Mål", "Indikator", "Målvärde", "Utfall", "Grön från", "Gul från"];
  test("the sheet's 'Grön från 90 %' and 'Gul från 70 %' rate 91 % of target green and 70 % yellow", () => {
    const r = run(
      [
        ["Mål", "A", 100, 91, "90 %", "70 %"],
        ["Mål", "B", 100, 70, 90, 70],
        ["Mål", "C", 100, 69.9, 0.9, 0.7],
      ],
      DEFAULT_SETTINGS,
      header,
    );
    expect(r.indicators.map((i) => i.rating)).toEqual(["green", "yellow", "red"]);
    expect(r.indicators[0].thresholds).toEqual({ green: 0.9, yellow: 0.7 });
  });
  test("settings per indicator win over the sheet and over the global thresholds", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, indicators: { A: { green: 0.95, yellow: 0.5 } } };
    const r = run(
      [
        ["Mål", "A", 100, 60, "90 %", "70 %"],
        ["Mål", "B", 100, 60, null, null],
      ],
      settings,
      header,
    );
    // A: 60 % of target ≥ 50 % → yellow by its own settings; B: global 100/80 → red.
    expect(r.indicators.map((i) => [i.indicator, i.rating])).toEqual([
      ["A", "yellow"],
      ["B", "red"],
    ]);
  });
  test("global thresholds from settings apply to every indicator", () => {
    const r = run([["Mål", "A", 100, 75]], { ...DEFAULT_SETTINGS, thresholds: { green: 0.9, yellow: 0.75 } });
    expect(r.indicators[0].rating).toBe("yellow");
  });
});

describe("reach X or improve by Y points", () => {
  const header = ["Mål", "Indikator", "Målvärde", "Utfall", "Föregående utfall"];
  test("82 % or +5 points: 78 % after 72 % improved by 6 points and is green though below 82 %", () => {
    const r = run([["Mål", "Tillgänglighet", "82 % eller +5 procentenheter", "78 %", "72 %"]], DEFAULT_SETTINGS, header);
    // reach: 78 / 82 = 95.1 %; improve: 78 / (72 + 5) = 101.3 % → the better is green.
    expect(r.indicators[0].achievement).toBeCloseTo(0.78 / 0.77, 12);
    expect(r.indicators[0]).toMatchObject({ target: 0.82, improveBy: expect.closeTo(0.05, 12), previousOutcome: 0.72, rating: "green" });
  });
  test("without a previous outcome only the target counts: 78 / 82 = 95.1 % → yellow", () => {
    const r = run([["Mål", "Tillgänglighet", "82 % eller +5 procentenheter", "78 %", null]], DEFAULT_SETTINGS, header);
    expect(r.indicators[0].rating).toBe("yellow");
  });
  test("an improvement column works the same way", () => {
    const r = run([["Mål", "A", "82 %", "78 %", "72 %", 5]], DEFAULT_SETTINGS, [...header, "Förbättring (procentenheter)"]);
    expect(r.indicators[0].rating).toBe("green");
  });
});

describe("goal roll-up", () => {
  // Goal A: one green, two yellow, one red. Goal B: nothing measured. Goal C: two red.
  // Goal D: green and yellow (achievements 1.2 and 0.9). Goal E: written as a heading only.
  const rows: Cell[][] = [
    ["A", "a1", 100, 100],
    [null, "a2", 100, 90],
    [null, "a3", 100, 85],
    [null, "a4", 100, 50],
    ["B", "b1", 100, "Ej mätt"],
    [null, "b2", 100, null],
    ["C", "c1", 100, 10],
    [null, "c2", 100, 70],
    ["D", "d1", 100, 120],
    [null, "d2", 100, 90],
    ["E", null, null, null],
  ];
  const byRule = (rule: RollUpRule) => run(rows, { ...DEFAULT_SETTINGS, rollUp: rule }).goals.map((g) => `${g.goal}:${g.rating}`);
  test("the committee's rule: one green, two yellow, one red → yellow; none measured → grey; all red → red", () => {
    expect(byRule("committee")).toEqual(["A:yellow", "B:grey", "C:red", "D:yellow", "E:grey"]);
  });
  test("worst indicator", () => {
    expect(byRule("worst")).toEqual(["A:red", "B:grey", "C:red", "D:yellow", "E:grey"]);
  });
  test("share of green: A 1/4 = 25 % → red, D 1/2 = 50 % → red", () => {
    expect(byRule("shareGreen")).toEqual(["A:red", "B:grey", "C:red", "D:red", "E:grey"]);
  });
  test("mean achievement: A (1 + 0.9 + 0.85 + 0.5) / 4 = 81.25 % → yellow; D (1.2 + 0.9) / 2 = 105 % → green", () => {
    expect(byRule("meanAchievement")).toEqual(["A:yellow", "B:grey", "C:red", "D:green", "E:grey"]);
  });
  test("counts per colour, not-measured counted grey; the heading row is used, not rejected", () => {
    const r = run(rows);
    expect(r.goals.map((g) => g.counts)).toEqual([
      { green: 1, yellow: 2, red: 1, grey: 0 },
      { green: 0, yellow: 0, red: 0, grey: 2 },
      { green: 0, yellow: 0, red: 2, grey: 0 },
      { green: 1, yellow: 1, red: 0, grey: 0 },
      { green: 0, yellow: 0, red: 0, grey: 0 },
    ]);
    expect(r.sources[0]).toMatchObject({ kind: "indicatorList", rowsRead: 11, rowsUsed: 11, rowsRejected: 0 });
  });
  test("share of green exactly at 80 % is yellow (4 of 5 green)", () => {
    const five = [{ rating: "green" }, { rating: "green" }, { rating: "green" }, { rating: "green" }, { rating: "red" }] as const;
    expect(
      rollUp(
        five.map((x) => ({ ...x, achievement: null })),
        "shareGreen",
        DEFAULT_SETTINGS.thresholds,
      ),
    ).toBe("yellow");
  });
});

describe("assignments", () => {
  const sheet = (rows: Cell[][]) => grid("Uppdrag", [["Uppdrag", "Status", "Slutdatum", "Kommentar"], ...rows]);
  const run2 = (rows: Cell[][], date = "2024-04-30", settings = DEFAULT_SETTINGS) => computeResults([sheet(rows)], settings, date);
  test("status texts map to colours as in DOMAIN.md §2", () => {
    const r = run2([
      ["U1", "Avslutad", null, null],
      ["U2", "Genomförd", null, null],
      ["U3", "Pågående enligt plan", null, null],
      ["U4", "Pågående med avvikelse", null, null],
      ["U5", "Försenad", null, null],
      ["U6", "Ej påbörjad", null, null],
      ["U7", "  pågående MED avvikelse ", null, null],
    ]);
    expect(r.assignments.map((a) => a.rating)).toEqual(["green", "green", "green", "yellow", "red", "grey", "yellow"]);
  });
  test("'Ej påbörjad' is grey on its end date and red the day after it", () => {
    const r = run2([
      ["U1", "Ej påbörjad", d("2024-04-30"), null],
      ["U2", "Ej påbörjad", d("2024-04-29"), null],
      ["U3", "Ej påbörjad", "2024-05-31", null],
    ]);
    expect(r.assignments.map((a) => [a.assignment, a.endDate, a.rating])).toEqual([
      ["U1", "2024-04-30", "grey"],
      ["U2", "2024-04-29", "red"],
      ["U3", "2024-05-31", "grey"],
    ]);
  });
  test("an unknown status is rejected with its cell; settings can add it", () => {
    const r = run2([["U1", "Vilande", null, null]]);
    expect(r.issues[0]).toMatchObject({ sheet: "Uppdrag", row: 2, cell: "B2", value: "Vilande", reason: "unknownStatus" });
    const withWord = run2([["U1", "Vilande", null, null]], "2024-04-30", {
      ...DEFAULT_SETTINGS,
      assignmentStatus: { ...DEFAULT_SETTINGS.assignmentStatus, Vilande: "yellow" },
    });
    expect(withWord.assignments[0].rating).toBe("yellow");
  });
  test("a bad end date is rejected; rows balance", () => {
    const r = run2([
      ["U1", "Försenad", "nästa vår", null],
      ["U2", "Klar", null, null],
    ]);
    expect(r.sources[0]).toMatchObject({ kind: "assignmentList", rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(r.issues[0]).toMatchObject({ cell: "C2", value: "nästa vår" });
  });
});

describe("recognising plan sheets", () => {
  test("a title row above the header, columns in another order, 'Mål (värde)' as the target", () => {
    const g = grid("Plan 2024", [
      ["Hälso- och sjukvårdsnämnden – uppföljning tertial 1"],
      [],
      ["Utfall", "Nyckeltal", "Mål (värde)", "Målområde", "Enhet"],
      [84, "Kontakt samma dag", 95, "Tillgänglighet", "%"],
    ]);
    const r = computeResults([g], DEFAULT_SETTINGS, "2024-04-30");
    expect(r.sources[0]).toMatchObject({ kind: "indicatorList", headerRow: 3 });
    expect(r.indicators[0]).toMatchObject({
      goal: "Tillgänglighet",
      indicator: "Kontakt samma dag",
      target: 0.95,
      outcome: 0.84,
      percent: true,
      unitOfMeasure: "%",
    });
  });
  test("a waiting list beside a plan is still a waiting list", () => {
    const r = computeResults(
      [
        grid("Väntande", [
          ["Klinik", "Kontakttyp", "Beslutsdatum"],
          ["Ögon", "Förstabesök", d("2024-04-01")],
        ]),
      ],
      DEFAULT_SETTINGS,
      "2024-04-30",
    );
    expect(r.sources[0].kind).toBe("waitingList");
  });
});
