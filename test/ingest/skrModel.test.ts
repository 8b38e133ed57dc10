// SKR's information model as a first-class schema (DOMAIN.md §3): fas decides the measure, status
// the basis, vardkontakttyp is only the contact's form; the model's date forms and flag codes; the
// warehouses' renamings and the XSD's PascalCase; and what is only guessed.
import { ingestSheet } from "../../src/ingest/sheet";
import { grid, d } from "../helpers/grids";
import type { Cell } from "../../src/model/cells";

const HEADER = [
  "hsaid_vardenhet",
  "sjukhusnamn",
  "fas",
  "status",
  "vardkontakttyp",
  "beslut_datum",
  "start_datum",
  "vardgaranti",
  "avvikelsekod",
];
const extract = (rows: Cell[][], header: string[] = HEADER) => ingestSheet(grid("Uttag", [header, ...rows]), undefined);
const U1 = "SE2321000131-E000000000001";

describe("fas decides the measure, vardkontakttyp is only the form", () => {
  test("fas 1 is a first visit and 2 an operation, whatever the contact's form (0 visit, 8 telephone, 81 remote)", () => {
    const s = extract([
      [U1, "Sahlgrenska", 1, "VANTANDE", 0, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", 2, "VANTANDE", 8, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", "1", "VANTANDE", 81, d("2026-01-05"), null, 1, null],
    ]);
    expect(s.kind).toBe("completedList");
    expect(s.note).toEqual({ code: "patientList", basis: "completed", measureFrom: "phase", basisFrom: "status" });
    expect(s.patients.map((p) => p.measure)).toEqual(["firstVisit", "treatment", "firstVisit"]);
    expect(s.columns.contactForm).toBe("vardkontakttyp");
    expect(s.columns.measure).toBeUndefined();
  });

  test("fas 4 (return visit) is excluded with its reason; fas 7 is a rejected row with its value", () => {
    const s = extract([
      [U1, "Sahlgrenska", 4, "VANTANDE", 0, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", 7, "VANTANDE", 0, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", null, "VANTANDE", 0, d("2026-01-05"), null, 1, null],
    ]);
    expect(s.patients).toEqual([]);
    expect([...s.excluded]).toEqual([["returnVisit", 1]]);
    expect(s.issues.map((i) => [i.row, i.column, i.cell, i.value, i.reason])).toEqual([
      [3, "fas", "C3", "7", "unknownPhase"],
      [4, "fas", "C4", "", "missingPhase"],
    ]);
  });
});

describe("status decides the basis", () => {
  test("VANTANDE is waiting and GENOMFORD completed, in any case and with Swedish letters", () => {
    const s = extract([
      [U1, "Sahlgrenska", 1, "VANTANDE", 0, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", 1, "GENOMFORD", 0, d("2026-01-05"), d("2026-02-10"), 1, null],
      [U1, "Sahlgrenska", 1, "Genomförd", 0, d("2026-01-05"), d("2026-02-11"), 1, null],
      [U1, "Sahlgrenska", 1, "väntande", 0, d("2026-01-05"), null, 1, null],
    ]);
    expect(s.patients.map((p) => p.basis)).toEqual(["waiting", "completed", "completed", "waiting"]);
  });

  test("a status it does not know (PAUSAD) or none is rejected; GENOMFORD without a visit date too", () => {
    const s = extract([
      [U1, "Sahlgrenska", 1, "PAUSAD", 0, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", 1, null, 0, d("2026-01-05"), null, 1, null],
      [U1, "Sahlgrenska", 1, "GENOMFORD", 0, d("2026-01-05"), null, 1, null],
    ]);
    expect(s.patients).toEqual([]);
    expect(s.issues.map((i) => [i.row, i.column, i.value, i.reason])).toEqual([
      [2, "status", "PAUSAD", "unknownContactStatus"],
      [3, "status", "", "missingContactStatus"],
      [4, "start_datum", "", "missingVisit"],
    ]);
  });

  test("a waiting row's stray visit date is not read: the status wins", () => {
    const s = extract([[U1, "Sahlgrenska", 1, "VANTANDE", 0, d("2026-01-05"), d("2026-02-10"), 1, null]]);
    expect(s.patients[0]).toMatchObject({ basis: "waiting", visit: null });
  });
});

describe("the model's dates and flags", () => {
  test("Excel date-times, ISO text with a time and ÅÅÅÅMMDDhhmmss (text or number) all give the calendar date", () => {
    const s = extract([
      [U1, "S", 1, "GENOMFORD", 0, d("2026-01-06") + 14 / 24, d("2026-02-03") + 8 / 24, 1, null],
      [U1, "S", 1, "GENOMFORD", 0, "2026-01-06T08:00:00", "2026-02-03T14:30:00", 1, null],
      [U1, "S", 1, "GENOMFORD", 0, "20260106080000", "20260203143000", 1, null],
      [U1, "S", 1, "GENOMFORD", 0, 20260106080000, 20260203143000, 1, null],
    ]);
    expect(s.issues).toEqual([]);
    for (const p of s.patients) expect([p.start, p.visit]).toEqual([d("2026-01-06"), d("2026-02-03")]);
  });

  test("a time that is not one (20260106250000) is an invalid date, not a guess", () => {
    const s = extract([[U1, "S", 1, "VANTANDE", 0, "20260106250000", null, 1, null]]);
    expect(s.issues.map((i) => i.reason)).toEqual(["invalidDate"]);
  });

  test("dates before 2010-01-01 (the 1900-01-01 placeholder) are not filled in: rejected, never a 46,000-day wait", () => {
    const s = extract([
      [U1, "S", 1, "VANTANDE", 0, d("1900-01-01"), null, 1, null],
      [U1, "S", 1, "VANTANDE", 0, d("2009-12-31"), null, 1, null],
      [U1, "S", 1, "VANTANDE", 0, d("2010-01-01"), null, 1, null],
    ]);
    expect(s.patients.map((p) => p.row)).toEqual([4]);
    expect(s.issues.map((i) => [i.row, i.column, i.value, i.reason])).toEqual([
      [2, "beslut_datum", "1900-01-01", "placeholderDate"],
      [3, "beslut_datum", "2009-12-31", "placeholderDate"],
    ]);
  });

  test("vardgaranti 1/JA/t covered, 2/NEJ/f not, blank is 'saknas' (null), anything else rejected", () => {
    const flags: Cell[] = [1, "JA", "t", "T", 2, "NEJ", "f", "F", null, "kanske"];
    const s = extract(flags.map((f) => [U1, "S", 1, "VANTANDE", 0, d("2026-01-05"), null, f, null]));
    expect(s.patients.map((p) => p.covered)).toEqual([true, true, true, true, false, false, false, false, null]);
    expect(s.issues.map((i) => [i.value, i.reason])).toEqual([["kanske", "unknownGuarantee"]]);
  });

  test("avvikelsekod 1/2/3 are PvV/MoV/SoV", () => {
    const s = extract([1, 2, 3, null].map((c) => [U1, "S", 1, "VANTANDE", 0, d("2026-01-05"), null, 1, c]));
    expect(s.patients.map((p) => p.code)).toEqual(["PvV", "MoV", "SoV", null]);
  });
});

describe("names as the warehouses and the XSD write them", () => {
  test("Västra Götaland's variant: beslutaktivitet starts the wait, startaktivitet ends it, vardenhet1_namn is the unit, mvo_kod never", () => {
    const s = ingestSheet(
      grid("Genomförda", [
        ["Väntetidsuttag februari 2026"],
        [],
        [
          "kontakt_id",
          "remissdatum",
          "beslutaktivitet",
          "startaktivitet",
          "vardenhet1_namn",
          "mvo_kod",
          "fas",
          "vardgaranti",
          "avvikelse",
          "yrkesgrupp",
          "period_årmånad",
        ],
        ["K1", d("2025-12-01"), d("2026-01-10"), d("2026-02-09"), "Ögonkliniken Mölndal", "511", 2, "JA", null, "Läkare", "202602"],
      ]),
      undefined,
    );
    expect(s.headerRow).toBe(3);
    expect(s.columns).toMatchObject({
      contactId: "kontakt_id",
      referral: "remissdatum",
      start: "beslutaktivitet",
      visit: "startaktivitet",
      unit: "vardenhet1_namn",
      specialty: "mvo_kod",
      phase: "fas",
      code: "avvikelse",
      profession: "yrkesgrupp",
      measured: "period_årmånad",
    });
    expect(s.patients[0]).toMatchObject({
      unit: "Ögonkliniken Mölndal",
      measure: "treatment",
      start: d("2026-01-10"),
      visit: d("2026-02-09"),
      specialty: "511",
      measured: d("2026-02-28"),
      contactId: "K1",
    });
  });

  test("the XSD's PascalCase attribute names are the same fields", () => {
    const s = ingestSheet(
      grid("Uttag", [
        ["HsaidVardenhet", "SjukhusNamn", "Fas", "Status", "BeslutDatum", "StartDatum", "Vardgaranti", "Avvikelsekod", "Matperiod", "Lkf"],
        [U1, "Sahlgrenska", 1, "VANTANDE", d("2026-01-05"), null, 1, null, d("2026-02-28"), "1480"],
      ]),
      undefined,
    );
    expect(s.note).toMatchObject({ code: "patientList" });
    expect(s.patients[0]).toMatchObject({
      unit: "Sahlgrenska",
      unitId: U1,
      measure: "firstVisit",
      measured: d("2026-02-28"),
      municipality: "1480",
    });
  });

  test("the unit is grouped by its HSA id and labelled by sjukhusnamn beside it", () => {
    const s = extract([[U1, "Sahlgrenska Universitetssjukhuset", 1, "VANTANDE", 0, d("2026-01-05"), null, 1, null]]);
    expect(s.patients[0]).toMatchObject({ unit: "Sahlgrenska Universitetssjukhuset", unitId: U1 });
  });

  test("a hand-made list with Swedish headers reads as before: Kontakttyp is the measure there", () => {
    const s = ingestSheet(
      grid("Lista", [
        ["Klinik", "Kontakttyp", "Remissdatum", "Beslutsdatum", "Vårdgaranti"],
        ["Hud", "Operation/åtgärd", d("2023-12-01"), d("2024-01-02"), "JA"],
      ]),
      undefined,
    );
    expect(s.note).toEqual({ code: "patientList", basis: "waiting", measureFrom: "column" });
    expect(s.patients[0]).toMatchObject({ unit: "Hud", measure: "treatment", start: d("2024-01-02") });
  });
});

describe("what is only guessed waits for a confirmation", () => {
  const referralOnly = grid("Förstabesök", [
    ["Klinik", "Remissdatum"],
    ["Hud", d("2024-01-02")],
  ]);

  test("a start taken from the referral date is a guess: the sheet is not computed, the guess names column and why", () => {
    const s = ingestSheet(referralOnly, undefined);
    expect(s.kind).toBe("waitingList");
    expect(s.note).toEqual({
      code: "needsConfirmation",
      headerRow: 1,
      guesses: [{ target: "column", field: "start", header: "Remissdatum", column: "B", why: "referralDate" }],
    });
    expect(s.patients).toEqual([]);
    expect(s.rowsRead).toBe(0);
  });

  test("confirmed in the settings, the same mapping is certain and the rows are read", () => {
    const s = ingestSheet(referralOnly, { columns: { start: "Remissdatum" } });
    expect(s.note).toMatchObject({ code: "patientList" });
    expect(s.patients[0]).toMatchObject({ unit: "Hud", start: d("2024-01-02") });
  });

  test("a measure from a loose match in the sheet's name is a guess; a full name is certain", () => {
    const rows = [
      ["Enhet", "Beslutsdatum"],
      ["Hud", d("2024-01-02")],
    ];
    expect(ingestSheet(grid("Väntande kontakter", rows), undefined).note).toEqual({
      code: "needsConfirmation",
      headerRow: 1,
      guesses: [{ target: "measure", measure: "primaryContact", why: "looseName", text: "Väntande kontakter" }],
    });
    expect(ingestSheet(grid("Medicinsk bedömning", rows), undefined).note).toMatchObject({ code: "patientList", measureFrom: "sheetName" });
    expect(ingestSheet(grid("Väntande kontakter", rows), { measure: "firstVisit" }).note).toMatchObject({
      code: "patientList",
      measureFrom: "settings",
    });
  });

  test("a unit from a code column is a guess; a specialty code never becomes the unit", () => {
    const s = ingestSheet(
      grid("Förstabesök", [
        ["sjukhuskod", "mvo_kod", "beslut_datum"],
        ["11001", "511", d("2024-01-02")],
      ]),
      undefined,
    );
    expect(s.note).toMatchObject({
      code: "needsConfirmation",
      guesses: [{ target: "column", field: "unit", header: "sjukhuskod", column: "A", why: "codeColumn" }],
    });
    const noUnit = ingestSheet(
      grid("Förstabesök", [
        ["mvo_kod", "beslut_datum"],
        ["511", d("2024-01-02")],
      ]),
      undefined,
    );
    expect(noUnit.note).toEqual({ code: "noUnitColumn", headerRow: 1 });
  });
});

describe("a code table names the units", () => {
  test("a sheet of HSA ids and names is read as such, every row counted", () => {
    const s = ingestSheet(
      grid("Enheter", [
        ["hsaid_vardenhet", "vardenhet_namn"],
        [U1, "Ögonkliniken Sahlgrenska"],
        ["SE2", null],
      ]),
      undefined,
    );
    expect(s.kind).toBe("unitNames");
    expect(s.unitNames).toEqual([[U1, "Ögonkliniken Sahlgrenska"]]);
    expect(s.rowsRead).toBe(2);
    expect(s.issues.map((i) => [i.row, i.reason])).toEqual([[3, "missingUnit"]]);
  });
});
