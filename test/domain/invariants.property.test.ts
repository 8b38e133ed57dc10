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
  ),
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
        const grids = sheets.map((s, k) => ({ name: `Blad${k}`, values: [...s.titleRows, s.headers, ...s.rows] as Cell[][] }));
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
    { numRuns: 300 },
  );
}, 60_000); // 300 random workbooks: about a second alone, much longer on a loaded 2-core CI machine
