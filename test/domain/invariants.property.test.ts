import fc from "fast-check";
import type { Cell } from "../../src/model/cells";
import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";

/** Cells as they come: real-looking values mixed with junk of every type. */
const junkCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.double(),
  fc.integer({ min: -100000, max: 200000 }),
  fc.boolean(),
  fc.constantFrom(
    "..",
    "x",
    "–",
    "*",
    "PvV",
    "MoV",
    "SoV",
    "JA",
    "NEJ",
    "1",
    "2",
    "3",
    "Förstabesök",
    "Operation/åtgärd",
    "Medicinsk bedömning",
    "2024-02-30",
    "2024-01-31",
    "13 929",
    "−206",
    "70,6 %",
    "jan 2024",
    "Totalt",
    // SKR's model: phases, statuses, flags, the model's date forms and a placeholder.
    "4",
    "7",
    "VANTANDE",
    "GENOMFORD",
    "PAUSAD",
    "t",
    "f",
    "19000101000000",
    "20240106080000",
    "2024-01-06T08:00:00",
    "202401",
    "1480",
    "1780",
    "SE2321000131-E000000000001",
  ),
  fc.constant(1), // the 1900-01-01 placeholder as a date serial
  fc.integer({ min: 44000, max: 46000 }), // plausible date serials
);

/** Headers drawn from the synonyms, so random grids really reach the row parsers. */
const header = fc.constantFrom(
  "Klinik",
  "Enhet",
  "Vårdcentral",
  "hsaid_vardenhet",
  "Kontakttyp",
  "Beslutsdatum",
  "Remissdatum",
  "start_datum",
  "Besöksdatum",
  "Väntat (dagar)",
  "Avvikelsekod",
  "Vårdgaranti",
  "Yrkeskategori",
  "Verksamhetsområde",
  "Mätdatum",
  "Antal",
  "Inom 90 dagar",
  "Andel (%)",
  "0–30",
  "31–60",
  "61–90",
  "91–180",
  "181–365",
  "> 365",
  "Info",
  "",
  "fas",
  "status",
  "vardkontakttyp",
  "beslut_datum",
  "beslutaktivitet",
  "startaktivitet",
  "sjukhusnamn",
  "sjukhuskod",
  "vardkontakt_id",
  "matperiod",
  "lkf",
);

const sheet = fc.record({
  titleRows: fc.array(fc.array(junkCell, { maxLength: 3 }), { maxLength: 4 }),
  headers: fc.array(header, { minLength: 1, maxLength: 9 }),
  rows: fc.array(fc.array(junkCell, { maxLength: 10 }), { maxLength: 40 }),
});

test("random grids with junk in every cell never throw and always balance their rows", () => {
  fc.assert(
    fc.property(
      fc.array(sheet, { minLength: 1, maxLength: 3 }),
      fc.option(fc.constantFrom("2024-01-31", "2023-06-30"), { nil: undefined }),
      (sheets, date) => {
        // Sheet names that name a measure, so that sheets without a measure column are read too, and one that does not.
        const names = ["Förstabesök", "Operation", "Medicinsk bedömning", "Blad"];
        const grids = sheets.map((s, k) => ({
          name: `${names[k % names.length]} ${k}`,
          values: [...s.titleRows, s.headers, ...s.rows] as Cell[][],
        }));
        const r = computeResults(grids, DEFAULT_SETTINGS, date);
        for (const s of r.sources) {
          expect(s.rowsRead).toBe(s.rowsUsed + s.rowsExcluded + s.rowsRejected);
        }
        for (const m of r.careGuarantee) {
          for (const u of [...m.units, m.region]) {
            if (u.share !== null) expect(u.share >= 0 && u.share <= 1).toBe(true);
            if (u.total !== null && u.withinLimit !== null) expect(u.withinLimit).toBeLessThanOrEqual(u.total);
          }
        }
        // Every issue points at a real row of a real sheet.
        for (const i of r.issues) expect(grids.some((g) => g.name === i.sheet && i.row >= 1 && i.row <= g.values.length)).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
}, 60_000); // 300 random workbooks: about a second alone, much longer on a loaded 2-core CI machine

/** Indicator and assignment headers, and values as plans write them, mixed with junk. */
const planHeader = fc.constantFrom(
  "Mål",
  "Målområde",
  "Indikator",
  "Nyckeltal",
  "Målvärde",
  "Mål (värde)",
  "Utfall",
  "Resultat",
  "Föregående utfall",
  "Riktning",
  "Grön från",
  "Gul från",
  "Förbättring",
  "Enhet",
  "Period",
  "Kommentar",
  "Ansvarig",
  "Uppdrag",
  "Status",
  "Slutdatum",
  "",
);
const planCell: fc.Arbitrary<Cell> = fc.oneof(
  junkCell,
  fc.constantFrom(
    "84 %",
    "2,6",
    "10,23 %",
    "1 000",
    "Ej mätt",
    "Mäts vid årsrapport",
    "–",
    "Lägre är bättre",
    "↑",
    "↓",
    "0",
    "82 % eller +5 procentenheter",
    "Avslutad",
    "Försenad",
    "Ej påbörjad",
    "Pågående med avvikelse",
    "Okänd",
    "90 %",
    "70 %",
  ),
  fc.double({ min: -2, max: 2, noNaN: true }),
);
const planSheet = fc.record({
  headers: fc.array(planHeader, { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(planCell, { maxLength: 9 }), { maxLength: 30 }),
});

test("random indicator and assignment sheets never throw and balance rows: read = used + rejected", () => {
  fc.assert(
    fc.property(fc.array(planSheet, { minLength: 1, maxLength: 2 }), (sheets) => {
      const grids = sheets.map((s, k) => ({ name: `Plan${k}`, values: [s.headers, ...s.rows] as Cell[][] }));
      const r = computeResults(grids, DEFAULT_SETTINGS, "2024-04-30");
      for (const s of r.sources) {
        expect(s.rowsRead).toBe(s.rowsUsed + s.rowsExcluded + s.rowsRejected);
        if (s.kind === "indicatorList" || s.kind === "assignmentList") expect(s.rowsExcluded).toBe(0);
      }
      // Not measured is used with a grey rating; anything rated has a finite achievement.
      for (const i of r.indicators) {
        if (i.outcome === null) expect(i.rating).toBe("grey");
        if (i.achievement !== null) expect(Number.isFinite(i.achievement)).toBe(true);
      }
      for (const g of r.goals)
        expect(g.counts.green + g.counts.yellow + g.counts.red + g.counts.grey).toBe(
          r.indicators.filter((i) => i.goal === g.goal && i.sheet === g.sheet).length,
        );
      expect(() => JSON.stringify(r)).not.toThrow();
    }),
    { numRuns: 300, seed: 20260201 },
  );
}, 60_000); // 300 random workbooks: about a second alone, much longer on a loaded 2-core CI machine

/** Rows in SKR's model: each column drawn from its real values, its edge cases and a little junk. */
const day = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86400000);
const skrDate = fc.oneof(
  fc.integer({ min: day("2023-06-01"), max: day("2024-03-31") }),
  fc.integer({ min: day("2023-06-01"), max: day("2024-03-31") }).map((n) => n + 0.5), // a date-time
  fc.constantFrom("2024-01-06T08:00:00", "20240106080000", 1, "1900-01-01", null, "2024-02-30"),
);
const skrRow = fc.tuple(
  fc.constantFrom("SE1", "SE2", null),
  fc.constantFrom("Sahlgrenska", "Borås", null, "Totalt"),
  fc.constantFrom(1, 2, 4, "1", "2", 7, null),
  fc.constantFrom("VANTANDE", "GENOMFORD", "Genomförd", "PAUSAD", null),
  fc.constantFrom(0, 8, 81, 91),
  skrDate,
  skrDate,
  fc.constantFrom(1, 2, "JA", "NEJ", "t", "f", null, "kanske"),
  fc.constantFrom(1, 2, 3, null, "X9"),
  fc.constantFrom("1480", "1780", "9999", null),
);
const SKR_HEADER = [
  "hsaid_vardenhet",
  "sjukhusnamn",
  "fas",
  "status",
  "vardkontakttyp",
  "beslut_datum",
  "start_datum",
  "vardgaranti",
  "avvikelsekod",
  "lkf",
];

test("extracts in SKR's model balance their rows over every new reason: read = used + excluded + rejected", () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.array(skrRow, { maxLength: 60 }), fc.constantFrom("2024-01-31", "2024-02-29"), (rows, date) => {
      const r = computeResults([{ name: "Uttag", values: [SKR_HEADER, ...rows] as Cell[][] }], DEFAULT_SETTINGS, date);
      const s = r.sources[0];
      expect(s.rowsRead).toBe(rows.length);
      expect(s.rowsRead).toBe(s.rowsUsed + s.rowsExcluded + s.rowsRejected);
      const excluded = r.exclusions.reduce((n, e) => n + e.count, 0);
      expect(excluded).toBe(s.rowsExcluded);
      for (const m of r.careGuarantee)
        for (const u of [...m.units, m.region]) if (u.allCount != null && u.total != null) expect(u.total).toBeLessThanOrEqual(u.allCount);
      for (const e of r.exclusions) seen.add(e.reason);
      for (const i of r.issues) seen.add(i.reason);
    }),
    { numRuns: 200, seed: 20260201 },
  );
  // The runs reach every reason SKR's model and the completed period brought (a fixed seed: a fact about these runs).
  expect([...seen]).toEqual(
    expect.arrayContaining([
      "returnVisit",
      "outsidePeriod",
      "guaranteeMissing",
      "notCovered",
      "placeholderDate",
      "unknownPhase",
      "missingPhase",
      "unknownContactStatus",
      "missingContactStatus",
      "missingVisit",
      "summaryRow",
    ]),
  );
}, 60_000);
