import { REASON_CODES } from "../../src/model/reasons";
import type { SheetNote, SheetNoteCode } from "../../src/model/sheetNotes";
import type { Lang } from "../../src/model/lang";
import { groupText, noteText, reasonText } from "../../src/report/reasons";

const LANGS: Lang[] = ["sv", "en"];

/** One note of every case; the type makes a new case without an example fail to compile. */
const NOTES: { [C in SheetNoteCode]: Extract<SheetNote, { code: C }> } = {
  patientList: { code: "patientList", basis: "waiting", measureFrom: "column" },
  unitAggregate: { code: "unitAggregate", basis: "completed", measureFrom: "sheetName" },
  indicators: { code: "indicators", goals: 4, indicators: 10 },
  assignments: { code: "assignments", count: 6 },
  unitNames: { code: "unitNames", count: 3 },
  ignored: { code: "ignored" },
  noHeader: { code: "noHeader" },
  noIndicatorHeader: { code: "noIndicatorHeader" },
  noAssignmentHeader: { code: "noAssignmentHeader" },
  noUnitColumn: { code: "noUnitColumn", headerRow: 3 },
  noDataColumns: { code: "noDataColumns", headerRow: 3 },
  noIndicatorColumns: { code: "noIndicatorColumns", headerRow: 2 },
  noAssignmentColumns: { code: "noAssignmentColumns", headerRow: 2 },
  missingMappedColumns: { code: "missingMappedColumns", headers: ["Klinikk", "Datum"], headerRow: 4 },
  uncalculated: { code: "uncalculated", headerRow: 1, columns: ["C", "D"] },
  needsConfirmation: {
    code: "needsConfirmation",
    headerRow: 1,
    guesses: [
      { target: "column", field: "start", header: "remissdatum", column: "C", why: "referralDate" },
      { target: "measure", measure: "primaryContact", why: "looseName", text: "Väntande kontakter" },
    ],
  },
};

describe("guesses in words", () => {
  test("Swedish and English name the field, the column and why it is a guess", () => {
    expect(noteText(NOTES.needsConfirmation, "sv")).toBe(
      'Beräknas inte förrän du bekräftar: Startdatum = "remissdatum" (kolumn C: remissdatum, beslutsdatum saknas); ' +
        'mått "Kontakt samma dag" (gissat från bladets namn eller rubrik).',
    );
    expect(noteText(NOTES.needsConfirmation, "en")).toBe(
      'Not computed until you confirm: Start date = "remissdatum" (column C: the referral date, the decision date is missing); ' +
        'measure "Same-day contact" (guessed from the sheet\'s name or title).',
    );
  });
});

describe("formulas without calculated values in words", () => {
  test("one column or several, in Swedish and English", () => {
    expect(noteText({ code: "uncalculated", headerRow: 1, columns: ["C"] }, "sv")).toBe(
      "Formler utan beräknade värden: räkna om och spara i Excel först (kolumn C).",
    );
    expect(noteText(NOTES.uncalculated, "sv")).toBe("Formler utan beräknade värden: räkna om och spara i Excel först (kolumnerna C, D).");
    expect(noteText({ code: "uncalculated", headerRow: 1, columns: ["C"] }, "en")).toBe(
      "Formulas without calculated values: recalculate and save in Excel first (column C).",
    );
    expect(noteText(NOTES.uncalculated, "en")).toBe(
      "Formulas without calculated values: recalculate and save in Excel first (columns C, D).",
    );
  });
});

describe("every reason has words", () => {
  test("the list names each code once", () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  });

  test.each(LANGS)("in %s every code has its own words, no two codes the same", (lang) => {
    const words = REASON_CODES.map((code) => reasonText(code, lang));
    for (const w of words) expect(w).toMatch(/\S/);
    // One-to-one, so the Datakontroll tab's count per reason counts the same rows as the codes.
    expect(new Set(words).size).toBe(REASON_CODES.length);
  });

  test("every code has English words of its own, not the Swedish ones", () => {
    const same = REASON_CODES.filter((code) => reasonText(code, "sv") === reasonText(code, "en"));
    expect(same).toEqual([]);
  });

  test("the Swedish words are the ones the tabs have always shown", () => {
    expect(reasonText("invalidDate", "sv")).toBe("Ogiltigt datum");
    expect(reasonText("exceptionPvV", "sv")).toBe("PvV (patientvald väntan)");
    expect(reasonText("suppressedFigures", "sv")).toBe("Undertryckt värde (färre än 5), räknas inte som noll");
    expect(reasonText("historyUnknownMeasure", "sv")).toBe("Historik: okänt mått");
    expect(reasonText("invalidDate", "en")).toBe("Invalid date");
  });
});

describe("every sheet note has words", () => {
  test.each(LANGS)("in %s every case gives a sentence", (lang) => {
    for (const note of Object.values(NOTES)) expect(noteText(note, lang)).toMatch(/^\S.*\.$/);
    const texts = Object.values(NOTES).map((n) => noteText(n, lang));
    expect(new Set(texts).size).toBe(texts.length);
  });

  test("Swedish notes read as before, with their figures and names", () => {
    expect(noteText(NOTES.patientList, "sv")).toBe("Patientlista (väntande), kontakttyp per rad.");
    // An assumed measure is no longer a note but a guess to confirm (needsConfirmation); the phase is new.
    expect(noteText({ code: "patientList", basis: "completed", measureFrom: "phase", basisFrom: "status" }, "sv")).toBe(
      "Patientlista (väntande och genomförda enligt status per rad), mått från fas per rad.",
    );
    expect(noteText(NOTES.unitAggregate, "sv")).toBe("Sammanställning per enhet (genomförda), mått från bladets namn/rubrik.");
    expect(noteText(NOTES.indicators, "sv")).toBe("Indikatorer (4 mål, 10 indikatorer).");
    expect(noteText(NOTES.assignments, "sv")).toBe("Uppdrag (6 st).");
    expect(noteText(NOTES.noUnitColumn, "sv")).toBe("Rubrikraden på rad 3 har ingen kolumn för enhet (t.ex. Enhet, Klinik, Vårdenhet).");
    expect(noteText(NOTES.missingMappedColumns, "sv")).toBe(
      'Kolumnen "Klinikk", "Datum" från inställningarna finns inte i rubrikraden (rad 4).',
    );
  });

  test("English notes count in English: one goal, several columns", () => {
    expect(noteText({ code: "indicators", goals: 1, indicators: 3 }, "en")).toBe("Indicators (1 goal, 3 indicators).");
    expect(noteText(NOTES.missingMappedColumns, "en")).toBe(
      'The columns "Klinikk", "Datum" from the settings are not in the header row (row 4).',
    );
    expect(noteText({ code: "missingMappedColumns", headers: ["Klinikk"], headerRow: 4 }, "en")).toBe(
      'The column "Klinikk" from the settings is not in the header row (row 4).',
    );
  });
});

test("the group of rows that do not say has words; a named group is its name", () => {
  expect(groupText(null, "sv")).toBe("(uppgift saknas)");
  expect(groupText(null, "en")).toBe("(not given)");
  expect(groupText("Ortopedi", "en")).toBe("Ortopedi");
});
