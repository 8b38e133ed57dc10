import { ingestSheet } from "../../src/ingest/sheet";
import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { d, grid } from "../helpers/grids";

describe("finding the header and mapping columns", () => {
  test("a header on row 4 under a title is found, and data rows are numbered as Excel shows them", () => {
    const s = ingestSheet(
      grid("Väntande", [
        ["Väntande till förstabesök, Region Exempelland"],
        ["Källa: väntetidsdatabasen"],
        [],
        ["Klinik", "Kontakttyp", "Beslutsdatum"],
        ["Ögon", "Förstabesök", d("2024-01-02")],
        ["Ögon", "Förstabesök", "2024-02-30"],
      ]),
      undefined,
    );
    expect(s).toMatchObject({ kind: "waitingList", headerRow: 4, rowsRead: 2 });
    expect(s.patients).toHaveLength(1);
    expect(s.patients[0]).toMatchObject({ row: 5, unit: "Ögon", measure: "firstVisit", start: d("2024-01-02") });
    expect(s.issues).toEqual([
      { sheet: "Väntande", row: 6, column: "Beslutsdatum", cell: "C6", value: "2024-02-30", reason: "invalidDate" },
    ]);
  });

  test("columns in any order map to the same fields", () => {
    const a = ingestSheet(
      grid("A", [
        ["Klinik", "Kontakttyp", "Beslutsdatum", "PvV/MoV"],
        ["Hud", "Nybesök", d("2024-01-02"), "PvV"],
      ]),
      undefined,
    );
    const b = ingestSheet(
      grid("B", [
        ["PvV/MoV", "Beslutsdatum", "Klinik", "Kontakttyp"],
        ["PvV", d("2024-01-02"), "Hud", "Nybesök"],
      ]),
      undefined,
    );
    const strip = (p: object) => ({ ...p, sheet: "" });
    expect(a.patients.map(strip)).toEqual(b.patients.map(strip));
    expect(a.patients[0]).toMatchObject({ unit: "Hud", code: "PvV", measure: "firstVisit" });
  });

  test("headers match whatever their case, spacing and diacritics", () => {
    const s = ingestSheet(
      grid("x", [
        ["  KLINIK ", "kontakttyp", "BESLUTSDATUM", "Vardgaranti"],
        ["Hud", "Operation/åtgärd", d("2024-01-02"), "NEJ"],
      ]),
      undefined,
    );
    expect(s.columns).toEqual({ unit: "  KLINIK ", measure: "kontakttyp", start: "BESLUTSDATUM", guarantee: "Vardgaranti" });
    expect(s.patients[0]).toMatchObject({ measure: "treatment", covered: false });
  });

  test("SKR's technical field names: beslut_datum starts the wait, start_datum is the visit, the name wins over the HSA id", () => {
    const s = ingestSheet(
      grid("uttag", [
        [
          "hsaid_vardenhet",
          "sjukhusnamn",
          "vardenhet",
          "fas",
          "vardkontakttyp",
          "remiss_datum",
          "beslut_datum",
          "start_datum",
          "avvikelsekod",
          "vardgaranti",
          "mvo_kod",
        ],
        ["SE2321000000-1", "CS", "Ortopedmottagningen", 1, 0, d("2023-12-01"), d("2023-12-05"), null, 0, 1, "311"],
        ["SE2321000000-2", "CS", null, 1, 8, d("2023-12-01"), d("2023-12-05"), d("2024-01-10"), 2, 1, "311"],
      ]),
      undefined,
    );
    expect(s.kind).toBe("completedList");
    expect(s.patients[0]).toMatchObject({
      unit: "Ortopedmottagningen",
      start: d("2023-12-05"),
      visit: null,
      code: null,
      covered: true,
      specialty: "311",
    });
    expect(s.patients[1]).toMatchObject({ unit: "SE2321000000-2", visit: d("2024-01-10"), code: "MoV" });
    // fas decides the measure; the numeric vardkontakttyp (0 visit, 8 telephone) is only the contact's form.
    expect(s.patients.map((p) => p.measure)).toEqual(["firstVisit", "firstVisit"]);
    expect(s.columns).toMatchObject({ phase: "fas", contactForm: "vardkontakttyp", referral: "remiss_datum", start: "beslut_datum" });
  });

  test("the user's column mapping wins over detection", () => {
    const s = ingestSheet(
      grid("Förstabesök", [
        ["Klinik", "Mottagning", "Beslutsdatum"],
        ["Kirurgi", "Mott 1", d("2024-01-02")],
      ]),
      { columns: { unit: "Mottagning" } },
    );
    expect(s.patients[0].unit).toBe("Mott 1");
  });
});

describe("sheets that are not data", () => {
  test("a sheet without a unit column is reported with its reason", () => {
    const s = ingestSheet(grid("Info", [["Region Exempelland"], ["Underlaget avser januari 2024."]]), undefined);
    expect(s.kind).toBe("unrecognised");
    expect(s.note).toEqual({ code: "noHeader" });
  });

  test("a header with dates but no unit says that the unit column is missing", () => {
    const s = ingestSheet(
      grid("Datum", [
        ["Beslutsdatum", "Besöksdatum"],
        [d("2024-01-01"), d("2024-01-05")],
      ]),
      undefined,
    );
    expect(s.kind).toBe("unrecognised");
    expect(s.note).toEqual({ code: "noUnitColumn", headerRow: 1 });
  });

  test("a column the settings name but the header lacks is named in the note, with the header row", () => {
    const s = ingestSheet(
      grid("x", [
        ["Klinik", "Beslutsdatum"],
        ["Kirurgi", d("2024-01-02")],
      ]),
      { columns: { unit: "Mottagning" } },
    );
    expect(s.kind).toBe("unrecognised");
    expect(s.note).toEqual({ code: "missingMappedColumns", headers: ["Mottagning"], headerRow: 1 });
  });

  test("a recognised sheet's note says what it is and where its measure came from", () => {
    const byName = ingestSheet(
      grid("Operation", [
        ["Klinik", "Beslutsdatum", "Besöksdatum"],
        ["Kirurgi", d("2024-01-02"), null],
      ]),
      undefined,
    );
    expect(byName.note).toEqual({ code: "patientList", basis: "completed", measureFrom: "sheetName" });
    const assumed = ingestSheet(
      grid("Lista", [
        ["Klinik", "Beslutsdatum"],
        ["Kirurgi", d("2024-01-02")],
      ]),
      undefined,
    );
    // Nothing names the measure: first visit is only a guess, and the sheet waits for a confirmation (DOMAIN.md §3).
    expect(assumed.note).toEqual({
      code: "needsConfirmation",
      headerRow: 1,
      guesses: [{ target: "measure", measure: "firstVisit", why: "assumed", text: "Lista" }],
    });
    expect(assumed.patients).toEqual([]);
  });

  test("an unrecognised sheet appears in the sources of the results with its note", () => {
    const r = computeResults([grid("Info", [["Hej"]])], DEFAULT_SETTINGS, "2024-01-31");
    expect(r.sources).toEqual([
      expect.objectContaining({ sheet: "Info", kind: "unrecognised", rowsRead: 0, rowsUsed: 0, rowsExcluded: 0, rowsRejected: 0 }),
    ]);
    expect(r.careGuarantee).toEqual([]);
  });
});

describe("bad rows are counted and shown, never lost", () => {
  const sheet = grid("Väntande", [
    ["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"],
    ["Hud", "Förstabesök", d("2024-01-02"), null, "JA"], // used
    [null, "Förstabesök", d("2024-01-02"), null, "JA"], // no unit
    ["Hud", "Förstabesök", "2024-02-30", null, "JA"], // impossible date
    ["Hud", "Förstabesök", d("2024-01-02"), "X9", "JA"], // unknown code
    ["Hud", "Förstabesök", d("2024-01-02"), null, "kanske"], // unknown flag
    ["Hud", "Telefonsamtal", d("2024-01-02"), null, "JA"], // unknown contact type
    ["Hud", "Förstabesök", d("2024-01-02"), "MoV", "JA"], // excluded by rule
    ["Totalt", null, null, null, null], // summary row: excluded by rule
    [null, null, null, null, null], // blank: not a row
  ]);

  test("every rejected row has its sheet, row, column, cell, value and reason", () => {
    const r = computeResults([sheet], DEFAULT_SETTINGS, "2024-01-31");
    expect(r.issues.map((i) => [i.row, i.column, i.cell, i.value])).toEqual([
      [3, "Klinik", "A3", ""],
      [4, "Beslutsdatum", "C4", "2024-02-30"],
      [5, "Avvikelsekod", "D5", "X9"],
      [6, "Vårdgaranti", "E6", "kanske"],
      [7, "Kontakttyp", "B7", "Telefonsamtal"],
    ]);
    expect(r.issues.every((i) => i.sheet === "Väntande" && i.reason.length > 0)).toBe(true);
  });

  test("rows read = used + excluded by rule + rejected", () => {
    const r = computeResults([sheet], DEFAULT_SETTINGS, "2024-01-31");
    expect(r.sources[0]).toMatchObject({ rowsRead: 8, rowsUsed: 1, rowsExcluded: 2, rowsRejected: 5 });
  });
});
