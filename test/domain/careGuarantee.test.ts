import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS, type Settings } from "../../src/model/settings";
import { grid, d, times, waitingList } from "../helpers/grids";
import type { MeasureResult } from "../../src/domain/results";

const MEASURED = "2024-01-31";
const run = (grids: Parameters<typeof computeResults>[0], settings: Settings = DEFAULT_SETTINGS, date: string | undefined = MEASURED) =>
  computeResults(grids, settings, date);
const measure = (r: ReturnType<typeof run>, id: string, basis = "waiting"): MeasureResult => {
  const m = r.careGuarantee.find((x) => x.measure === id && x.basis === basis);
  if (!m) throw new Error(`no ${id}/${basis} in ${r.careGuarantee.map((x) => x.measure + "/" + x.basis).join(", ")}`);
  return m;
};

describe("counting days", () => {
  test("a decision on the measurement date is day 0 and within any limit", () => {
    const r = run([waitingList([["Ögon", "Förstabesök", "2024-01-31"]])]);
    const u = measure(r, "firstVisit").units[0];
    expect(u).toMatchObject({ total: 1, withinLimit: 1, share: 1, overLimit: 0, medianWait: 0 });
  });

  test("day 90 is within and day 91 is over a 90-day limit", () => {
    // 2023-11-02 → 2024-01-31: 28 (rest of Nov) + 31 (Dec) + 31 (Jan) = 90 days; 2023-11-01 is 91.
    const r = run([
      waitingList([
        ["Ögon", "Förstabesök", "2023-11-02"],
        ["Ögon", "Förstabesök", "2023-11-01"],
      ]),
    ]);
    const u = measure(r, "firstVisit").units[0];
    expect(u).toMatchObject({ total: 2, withinLimit: 1, overLimit: 1, share: 0.5 });
    expect(u.buckets).toEqual([0, 0, 1, 1, 0, 0]);
  });

  test("day 3 is within and day 4 over the primary-care assessment limit on completed contacts", () => {
    const sheet = grid("Genomförda", [
      ["Vårdcentral", "Kontakttyp", "Kontaktdatum", "Besöksdatum"],
      ["VC Norr", "Medicinsk bedömning", d("2024-01-10"), d("2024-01-13")],
      ["VC Norr", "Medicinsk bedömning", d("2024-01-10"), d("2024-01-14")],
      ["VC Norr", "Kontakt", d("2024-01-10"), d("2024-01-10")],
    ]);
    const r = run([sheet]);
    expect(measure(r, "primaryAssessment", "completed").region).toMatchObject({ total: 2, withinLimit: 1, share: 0.5 });
    expect(measure(r, "primaryContact", "completed").region).toMatchObject({ total: 1, withinLimit: 1, share: 1, medianWait: 0 });
  });

  test("a start date after the measurement date is a rejected row, not a negative wait", () => {
    const r = run([
      waitingList([
        ["Ögon", "Förstabesök", "2024-01-01"],
        ["Ögon", "Förstabesök", "2024-02-15"],
      ]),
    ]);
    expect(measure(r, "firstVisit").region.total).toBe(1);
    expect(r.issues).toEqual([
      { sheet: "Väntande", row: 3, column: "Beslutsdatum", cell: "C3", value: "2024-02-15", reason: "startAfterMeasured" },
    ]);
    expect(r.sources[0]).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsExcluded: 0, rowsRejected: 1 });
  });
});

describe("exceptions and the guarantee flag", () => {
  test("PvV is excluded on the waiting basis", () => {
    // 3 waiting: one over the limit with PvV → out of numerator and denominator → 2 of 2 within.
    const r = run([
      waitingList([
        ["Hud", "Förstabesök", "2024-01-02"],
        ["Hud", "Förstabesök", "2024-01-03"],
        ["Hud", "Förstabesök", "2023-01-01", "PvV"],
      ]),
    ]);
    expect(measure(r, "firstVisit").region).toMatchObject({ total: 2, withinLimit: 2, share: 1 });
    expect(r.exclusions).toEqual([{ reason: "exceptionPvV", count: 1 }]);
  });

  test("PvV is excluded and MoV included on the completed basis", () => {
    const sheet = grid("Genomförda", [
      ["Enhet", "Kontakttyp", "Beslutsdatum", "Besöksdatum", "Avvikelsekod"],
      ["Hud", "Förstabesök", d("2023-06-01"), d("2024-01-20"), 1], // PvV, 233 days: out
      ["Hud", "Förstabesök", d("2023-06-01"), d("2024-01-20"), 2], // MoV, 233 days: counted, over
      ["Hud", "Förstabesök", d("2024-01-01"), d("2024-01-20"), null], // 19 days: within
    ]);
    const r = run([sheet]);
    expect(measure(r, "firstVisit", "completed").region).toMatchObject({ total: 2, withinLimit: 1, share: 0.5 });
  });

  test("MoV is excluded on the waiting basis", () => {
    const r = run([
      waitingList([
        ["Hud", "Förstabesök", "2023-01-01", "MoV"],
        ["Hud", "Förstabesök", "2024-01-01"],
      ]),
    ]);
    expect(measure(r, "firstVisit").region).toMatchObject({ total: 1, withinLimit: 1 });
    expect(r.sources[0]).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsExcluded: 1, rowsRejected: 0 });
  });

  test("exclusions are settings: with PvV included the PvV row counts", () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      exclusions: { ...DEFAULT_SETTINGS.exclusions, waiting: { PvV: false, MoV: true, SoV: true } },
    };
    const r = run(
      [
        waitingList([
          ["Hud", "Förstabesök", "2023-01-01", "PvV"],
          ["Hud", "Förstabesök", "2024-01-01"],
        ]),
      ],
      settings,
    );
    expect(measure(r, "firstVisit").region).toMatchObject({ total: 2, withinLimit: 1, share: 0.5 });
  });

  test("only rows covered by the guarantee count (2/NEJ excluded, a blank flag is 'vårdgaranti saknas')", () => {
    const r = run([
      waitingList([
        ["Hud", "Förstabesök", "2024-01-01", null, "JA"],
        ["Hud", "Förstabesök", "2023-01-01", null, "NEJ"],
        ["Hud", "Förstabesök", "2023-01-01", null, 2],
        ["Hud", "Förstabesök", "2024-01-01", null, null],
      ]),
    ]);
    // DOMAIN.md §1 (corrected): where the sheet has the flag, a blank one is not covered, with its own reason.
    expect(measure(r, "firstVisit").region).toMatchObject({ total: 1, withinLimit: 1, allCount: 4 });
    expect(r.exclusions).toEqual([
      { reason: "notCovered", count: 2 },
      { reason: "guaranteeMissing", count: 1 },
    ]);
  });
});

describe("the region row", () => {
  test("region share is pooled over patients, not the mean of units", () => {
    // unit A: 90 of 100 within; unit B: 1 of 10 within → pooled 91/110 = 82.7 %, mean (90 % + 10 %) / 2 = 50 %
    const rows: [string, string, string][] = [
      ...times(90, ["A", "Förstabesök", "2024-01-01"] as [string, string, string]),
      ...times(10, ["A", "Förstabesök", "2023-01-01"] as [string, string, string]),
      ["B", "Förstabesök", "2024-01-01"],
      ...times(9, ["B", "Förstabesök", "2023-01-01"] as [string, string, string]),
    ];
    const m = measure(run([waitingList(rows)]), "firstVisit");
    expect(m.region).toMatchObject({ unit: "Region", total: 110, withinLimit: 91, overLimit: 19 });
    expect(m.region.share).toBeCloseTo(91 / 110, 12);
    expect(m.meanOfUnits).toBeCloseTo(0.5, 12);
    expect(m.units.map((u) => u.unit)).toEqual(["B", "A"]); // ascending by share
  });

  test("ratings: 100 % green, exactly 80 % yellow, 79.x % red against a 100 % target", () => {
    const rows: [string, string, string][] = [
      ...times(5, ["Grön", "Förstabesök", "2024-01-01"] as [string, string, string]),
      ...times(4, ["Gul", "Förstabesök", "2024-01-01"] as [string, string, string]),
      ["Gul", "Förstabesök", "2022-01-01"],
      // 3 of 4 within = 75 % → red; and the unit with 79 of 100 below
    ];
    for (let i = 0; i < 100; i++) rows.push(["Röd", "Förstabesök", i < 79 ? "2024-01-01" : "2022-01-01"]);
    const m = measure(run([waitingList(rows)]), "firstVisit");
    const by = Object.fromEntries(m.units.map((u) => [u.unit, u]));
    expect(by["Grön"]).toMatchObject({ share: 1, rating: "green" });
    expect(by["Gul"]).toMatchObject({ share: 0.8, rating: "yellow" });
    expect(by["Röd"]).toMatchObject({ share: 0.79, rating: "red" });
  });

  test("over-limit waiters are broken down by specialty and professional category", () => {
    const sheet = grid("Väntande", [
      ["Klinik", "Verksamhetsområde", "Yrkeskategori", "Kontakttyp", "Beslutsdatum"],
      ["Ortopedi CS", "Ortopedi", "Läkare", "Förstabesök", d("2023-01-01")],
      ["Ortopedi CS", "Ortopedi", "Övriga", "Förstabesök", d("2023-01-01")],
      ["Ögon LS", "Ögon", "Läkare", "Förstabesök", d("2023-01-01")],
      ["Ögon LS", "Ögon", "Läkare", "Förstabesök", d("2024-01-01")],
    ]);
    const m = measure(run([sheet]), "firstVisit");
    expect(m.overLimitBy).toEqual([
      {
        dimension: "specialty",
        groups: [
          { group: "Ortopedi", count: 2, share: 2 / 3 },
          { group: "Ögon", count: 1, share: 1 / 3 },
        ],
      },
      {
        dimension: "profession",
        groups: [
          { group: "Läkare", count: 2, share: 2 / 3 },
          { group: "Övriga", count: 1, share: 1 / 3 },
        ],
      },
    ]);
    expect(m.region.over365).toBe(3);
  });

  test("rows without a specialty are one group, null, placed before named groups of the same count", () => {
    const sheet = grid("Väntande", [
      ["Klinik", "Verksamhetsområde", "Kontakttyp", "Beslutsdatum"],
      ["Hud CS", "Hud", "Förstabesök", d("2023-01-01")],
      ["Hud CS", "Hud", "Förstabesök", d("2023-01-01")],
      ["Hud CS", "Allmänmedicin", "Förstabesök", d("2023-01-01")],
      ["Hud CS", null, "Förstabesök", d("2023-01-01")],
    ]);
    // 4 over the limit: Hud 2 (50 %), then the unnamed and Allmänmedicin 1 each (25 %).
    expect(measure(run([sheet]), "firstVisit").overLimitBy).toEqual([
      {
        dimension: "specialty",
        groups: [
          { group: "Hud", count: 2, share: 0.5 },
          { group: null, count: 1, share: 0.25 },
          { group: "Allmänmedicin", count: 1, share: 0.25 },
        ],
      },
    ]);
  });
});

describe("aggregates", () => {
  test("suppressed cells are shown as suppressed and never counted as zero", () => {
    const sheet = grid("Medicinsk bedömning", [
      ["Medicinsk bedömning inom 3 dagar, primärvård"],
      ["Vårdcentral", "Antal genomförda", "Inom 3 dagar"],
      ["VC A", 20, 10],
      ["VC B", "..", "x"],
      ["VC C", 10, 9],
      ["VC D", "–", 3],
    ]);
    const m = measure(run([sheet]), "primaryAssessment", "completed");
    // pooled 19 / 30; mean of measured units (50 % + 90 %) / 2 = 70 %, not (50 + 0 + 90 + 0) / 4
    expect(m.region).toMatchObject({ total: 30, withinLimit: 19 });
    expect(m.meanOfUnits).toBeCloseTo(0.7, 12);
    const b = m.units.find((u) => u.unit === "VC B")!;
    expect(b).toMatchObject({ share: null, total: null, rating: "grey", suppressed: true });
    expect(m.units.map((u) => u.unit)).toEqual(["VC A", "VC C", "VC B", "VC D"]);
  });

  test("a ready share without counts is shown but not pooled", () => {
    const sheet = grid("Förstabesök per klinik", [
      ["Klinik", "Antal väntande", "Andel inom 90 dagar (%)"],
      ["K1", 10, 50],
      ["K2", null, 90],
    ]);
    const m = measure(run([sheet]), "firstVisit");
    expect(m.region).toMatchObject({ total: 10, withinLimit: 5, share: 0.5 });
    expect(m.units.find((u) => u.unit === "K2")).toMatchObject({ share: 0.9, total: null });
  });
});

describe("measurement date", () => {
  test("without --date it is the last day of the month of the newest date", () => {
    const r = computeResults(
      [
        waitingList([
          ["Hud", "Förstabesök", "2024-02-10"],
          ["Hud", "Förstabesök", "2023-12-01"],
        ]),
      ],
      DEFAULT_SETTINGS,
    );
    expect(r.measurementDate).toBe("2024-02-29");
    expect(r.measurementDateSource).toBe("newestDate");
  });

  test("a measurement-date column wins over the newest date", () => {
    const sheet = grid("Förstabesök", [
      ["Enhet", "Beslutsdatum", "Mätdatum"],
      ["Hud", d("2024-01-10"), d("2024-01-31")],
    ]);
    const r = computeResults([sheet], DEFAULT_SETTINGS);
    expect(r).toMatchObject({ measurementDate: "2024-01-31", measurementDateSource: "column" });
    expect(r.careGuarantee[0].units[0].medianWait).toBe(21);
  });
});
