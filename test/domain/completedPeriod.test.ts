// The completed basis is a period, counts and medians as the national statistics publish them, units
// by id with readable names, and the measurement date never moved by one outlier (DOMAIN.md §1, §3).
import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS, type Settings } from "../../src/model/settings";
import { grid, d } from "../helpers/grids";
import type { Cell } from "../../src/model/cells";
import { careGuaranteePlan } from "../../src/report/careGuaranteeTab";

const COMPLETED = ["Klinik", "Kontakttyp", "Beslutsdatum", "Besöksdatum", "Avvikelsekod", "Vårdgaranti"];
const op = "Operation/åtgärd";
// One unit's operations, measured 2024-02-29 (the February report). Waits by hand:
const rows: Cell[][] = [
  ["Ortopedi", op, d("2024-01-10"), d("2024-02-05"), null, "JA"], // 21 + 5 = 26 days: within
  ["Ortopedi", op, d("2023-11-01"), d("2024-01-31"), null, "JA"], // a January operation: outside February
  ["Ortopedi", op, d("2023-11-20"), d("2024-02-20"), null, "JA"], // 10 + 31 + 31 + 20 = 92 days: over 90
  ["Ortopedi", op, d("2024-02-01"), d("2024-02-10"), "PvV", "JA"], // 9 days, PvV: out of the share, in the count
  ["Ortopedi", op, d("2024-01-01"), d("2024-02-29"), null, "NEJ"], // 30 + 29 = 59 days, not covered: in the count
  ["Ortopedi", op, d("2024-02-28"), d("2024-02-29"), null, null], // 1 day, flag blank: "vårdgaranti saknas", in the count
];
const sheet = grid("Genomförda", [COMPLETED, ...rows]);
const completed = (r: ReturnType<typeof computeResults>) =>
  r.careGuarantee.find((m) => m.measure === "treatment" && m.basis === "completed")!;

describe("the completed basis is the measurement month", () => {
  const r = computeResults([sheet], DEFAULT_SETTINGS, "2024-02-29");

  test("a January operation in a February report is excluded as outside the period, and counted", () => {
    expect(completed(r).period).toEqual({ kind: "month", from: "2024-02-01", to: "2024-02-29" });
    expect(r.exclusions).toEqual(
      expect.arrayContaining([
        { reason: "outsidePeriod", count: 1 },
        { reason: "exceptionPvV", count: 1 },
        { reason: "notCovered", count: 1 },
        { reason: "guaranteeMissing", count: 1 },
      ]),
    );
    expect(r.sources[0]).toMatchObject({ rowsRead: 6, rowsUsed: 2, rowsExcluded: 4, rowsRejected: 0 });
  });

  test("the share is over the base; the count and the median are over all completed contacts of the period", () => {
    // Base: 26 and 92 days → 1 of 2 within, median (26 + 92) / 2 = 59.
    // All completed in February: 1, 9, 26, 59, 92 → 5 contacts, median 26.
    expect(completed(r).region).toMatchObject({ total: 2, withinLimit: 1, share: 0.5, medianWait: 59, allCount: 5, allMedian: 26 });
    expect(completed(r).units[0]).toMatchObject({ unit: "Ortopedi", allCount: 5, allMedian: 26 });
  });

  test("by setting the period is the tertial: the January operation (91 days) is in it", () => {
    const tertial: Settings = { ...DEFAULT_SETTINGS, completedPeriod: "tertial" };
    const t = computeResults([sheet], tertial, "2024-02-29");
    expect(completed(t).period).toEqual({ kind: "tertial", from: "2024-01-01", to: "2024-02-29" });
    // 2023-11-01 → 2024-01-31: 29 + 31 + 31 = 91 days, over.
    expect(completed(t).region).toMatchObject({ total: 3, withinLimit: 1, allCount: 6 });
    expect(completed(t).region.share).toBeCloseTo(1 / 3, 12);
  });

  test("without the guarantee rule every row of the period counts", () => {
    const open: Settings = { ...DEFAULT_SETTINGS, requireGuarantee: false };
    expect(completed(computeResults([sheet], open, "2024-02-29")).region).toMatchObject({ total: 4, withinLimit: 3 });
  });
});

describe("the waiting basis: every waiting row and the base, each labelled", () => {
  test("allCount holds PvV, MoV and uncovered rows; total is the base", () => {
    const r = computeResults(
      [
        grid("Väntande", [
          ["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"],
          ["Hud", "Förstabesök", d("2024-01-01"), null, "JA"], // 30 days
          ["Hud", "Förstabesök", d("2023-10-01"), "MoV", "JA"], // 122 days
          ["Hud", "Förstabesök", d("2023-12-01"), null, "NEJ"], // 61 days
        ]),
      ],
      DEFAULT_SETTINGS,
      "2024-01-31",
    );
    const m = r.careGuarantee.find((x) => x.measure === "firstVisit" && x.basis === "waiting")!;
    expect(m.period).toBeUndefined();
    expect(m.region).toMatchObject({ total: 1, withinLimit: 1, allCount: 3, allMedian: 61, medianWait: 30 });
  });
});

describe("units by id, shown by name", () => {
  const U1 = "SE2321000131-E000000000001";
  const U2 = "SE2321000131-E000000000002";
  const header = ["hsaid_vardenhet", "vardenhet_namn", "fas", "beslut_datum", "vardgaranti"];
  const run = (rows: Cell[][], more: ReturnType<typeof grid>[] = [], settings: Settings = DEFAULT_SETTINGS) =>
    computeResults([grid("Uttag", [header, ...rows]), ...more], settings, "2024-01-31");
  const units = (r: ReturnType<typeof run>) =>
    r.careGuarantee[0].units.map((u) => [u.unit, u.unitId, u.total]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  test("rows of one id are one unit, labelled with the name its rows give, even where some rows lack it", () => {
    const r = run([
      [U1, "Ögon Sahlgrenska", 1, d("2024-01-02"), 1],
      [U1, null, 1, d("2024-01-03"), 1],
    ]);
    expect(units(r)).toEqual([["Ögon Sahlgrenska", U1, 2]]);
  });

  test("ids without names take them from a code table in the workbook, else from the settings, else show the id", () => {
    const table = grid("Enheter", [
      ["HSA-id", "Enhet"],
      [U1, "Ögonkliniken Mölndal"],
    ]);
    const rows = [
      [U1, null, 1, d("2024-01-02"), 1],
      [U2, null, 1, d("2024-01-02"), 1],
    ];
    expect(units(run(rows, [table]))).toEqual([
      ["Ögonkliniken Mölndal", U1, 1],
      [U2, U2, 1],
    ]);
    const named: Settings = { ...DEFAULT_SETTINGS, unitNames: { [U2]: "Ögonmottagningen Borås" } };
    expect(units(run(rows, [table], named))).toEqual([
      ["Ögonkliniken Mölndal", U1, 1],
      ["Ögonmottagningen Borås", U2, 1],
    ]);
  });

  test("two ids under one name keep their ids beside it", () => {
    const r = run([
      [U1, "Sahlgrenska", 1, d("2024-01-02"), 1],
      [U2, "Sahlgrenska", 1, d("2024-01-02"), 1],
    ]);
    expect(units(r)).toEqual([
      [`Sahlgrenska (${U1})`, U1, 1],
      [`Sahlgrenska (${U2})`, U2, 1],
    ]);
  });
});

describe("the measurement date", () => {
  const list = (rows: Cell[][], title?: string) =>
    grid("Förstabesök", [...(title ? [[title], []] : []), ["Klinik", "Beslutsdatum", "Vårdgaranti"], ...rows]);

  test("one mistyped future date does not move the month: it is a rejected row", () => {
    const rows: Cell[][] = Array.from({ length: 30 }, (_, k) => ["Hud", d("2024-01-01") + k, "JA"]);
    rows.push(["Hud", d("2024-03-15"), "JA"]);
    const r = computeResults([list(rows)], DEFAULT_SETTINGS);
    expect(r).toMatchObject({ measurementDate: "2024-01-31", measurementDateSource: "newestDate" });
    expect(r.issues.map((i) => [i.value, i.reason])).toEqual([["2024-03-15", "startAfterMeasured"]]);
  });

  test("the extract's title: 'väntetidsuttag … 2024-02-05' is January's extract, measured 2024-01-31", () => {
    const r = computeResults(
      [list([["Hud", d("2023-12-01"), "JA"]], "Källa: väntetidsuttag ur vårddatalagret 2024-02-05")],
      DEFAULT_SETTINGS,
    );
    expect(r).toMatchObject({ measurementDate: "2024-01-31", measurementDateSource: "title" });
  });

  test("a Mätdatum in the title is taken as written", () => {
    const r = computeResults([list([["Hud", d("2023-12-01"), "JA"]], "Väntande, mätdatum 2024-01-15")], DEFAULT_SETTINGS);
    expect(r).toMatchObject({ measurementDate: "2024-01-15", measurementDateSource: "title" });
  });

  test("matperiod: the value most rows carry, as a date or a month ('202602')", () => {
    const sheet = grid("Uttag", [
      ["hsaid_vardenhet", "fas", "beslut_datum", "vardgaranti", "matperiod"],
      ["SE1", 1, d("2026-01-05"), 1, "202602"],
      ["SE1", 1, d("2026-01-05"), 1, "202602"],
      ["SE1", 1, d("2026-01-05"), 1, "202603"],
    ]);
    expect(computeResults([sheet], DEFAULT_SETTINGS)).toMatchObject({ measurementDate: "2026-02-28", measurementDateSource: "column" });
  });
});

describe("the tab says which period and which counts", () => {
  const r = computeResults([sheet], DEFAULT_SETTINGS, "2024-02-29");
  test.each([
    [
      "sv" as const,
      "Genomförda 2024-02-01–2024-02-29 (mätmånaden); tidigare genomförda räknas inte",
      "Antal genomförda, alla (även PvV/MoV och utan vårdgaranti, som den nationella statistiken): 5; medianväntetid, alla genomförda: 26 dagar",
    ],
    [
      "en" as const,
      "Completed 2024-02-01–2024-02-29 (the measurement month); earlier completions are not counted",
      "Completed, all (PvV/MoV and not covered included, as in the national statistics): 5; median wait, all completed: 26 days",
    ],
  ])("in %s", (lang, period, all) => {
    const cells = careGuaranteePlan(r, DEFAULT_SETTINGS, lang).cells.flat();
    expect(cells).toContain(period);
    expect(cells).toContain(all);
  });
});

describe("waiting-time buckets are a setting, the national set by default", () => {
  // Waits on 2024-01-31: 30, 31, 120, 121, 180, 181 and 400 days.
  const waits = [30, 31, 120, 121, 180, 181, 400];
  const list = grid("Förstabesök", [["Klinik", "Beslutsdatum", "Vårdgaranti"], ...waits.map((w) => ["Hud", d("2024-01-31") - w, "JA"])]);
  const first = (s: Settings) => computeResults([list], s, "2024-01-31").careGuarantee[0];

  test("0–30, 31–60, 61–90, 91–120, 121–180, > 180 by default, and > 365 on its own", () => {
    const m = first(DEFAULT_SETTINGS);
    expect(m.bucketBounds).toEqual([30, 60, 90, 120, 180]);
    expect(m.region.buckets).toEqual([1, 1, 0, 1, 2, 2]);
    expect(m.region.over365).toBe(1);
  });

  test("a region's own buckets by setting", () => {
    const m = first({ ...DEFAULT_SETTINGS, buckets: [7, 14, 30, 60, 90, 120, 180, 365, 730] });
    expect(m.region.buckets).toEqual([0, 0, 1, 1, 0, 1, 2, 1, 1, 0]);
  });
});
