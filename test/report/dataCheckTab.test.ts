import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { dataCheckPlan } from "../../src/report/dataCheckTab";
import { d, grid } from "../helpers/grids";

test("the English Data check tab gives the reasons and the sheet's note in English", () => {
  const sheet = grid("Väntande", [
    ["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod"],
    ["A", "Förstabesök", "2024-02-30", null],
    ["A", "Förstabesök", d("2024-01-02"), "PvV"],
  ]);
  const results = computeResults([sheet], DEFAULT_SETTINGS, "2024-01-31");
  const plan = dataCheckPlan(results, "en");
  expect(plan.name).toBe("Data check");
  const reasons = plan.cells.filter((r) => r[1] === "Excluded by rule" || r[1] === "Rejected").map((r) => r.slice(0, 3));
  expect(reasons).toEqual([
    ["PvV (patient chose to wait)", "Excluded by rule", 1],
    ["Invalid date", "Rejected", 1],
  ]);
  expect(plan.cells.find((r) => r[0] === "Väntande" && r[1] === 2)).toEqual([
    "Väntande",
    2,
    "Beslutsdatum",
    "C2",
    "2024-02-30",
    "Invalid date",
    null,
    null,
  ]);
  // The sources table: sheet, kind, header row, read 2, used 0, excluded 1, rejected 1, the note.
  expect(plan.cells.find((r) => r[0] === "Väntande" && r[1] === "Waiting (patient level)")).toEqual([
    "Väntande",
    "Waiting (patient level)",
    1,
    2,
    0,
    1,
    1,
    "Patient list (waiting), contact type per row.",
  ]);
});

describe("the data-quality checks of the national reference", () => {
  // Four rows of one extract: a contact id twice, a unit id under two names, a patient from county 17
  // (flagged, counted); a placeholder date (rejected).
  const sheet = grid("Uttag", [
    ["vardkontakt_id", "hsaid_vardenhet", "vardenhet_namn", "fas", "beslut_datum", "vardgaranti", "lkf"],
    ["K1", "SE1", "Ögon Mölndal", 1, d("2024-01-02"), 1, "1480"],
    ["K1", "SE1", "Ögon Mölndal", 1, d("2024-01-03"), 1, "1480"],
    ["K2", "SE1", "Ögonkliniken", 1, d("2024-01-04"), 1, "1780"],
    ["K3", "SE1", "Ögon Mölndal", 1, d("1900-01-01"), 1, "1480"],
  ]);
  const results = computeResults([sheet], DEFAULT_SETTINGS, "2024-01-31");

  test("each check is a count; the flagged rows are listed with sheet, row, column, cell and value", () => {
    expect(results.dataQuality.map((q) => [q.check, q.count, q.treatment])).toEqual([
      ["keyFieldsEmpty", 0, "rejected"],
      ["codesOutsideCodeTable", 0, "rejected"],
      ["negativeWaits", 0, "rejected"],
      ["placeholderDates", 1, "rejected"],
      ["duplicateContactId", 2, "flagged"],
      ["unitIdTwoNames", 1, "flagged"],
      ["outOfRegion", 1, "flagged"],
    ]);
    expect(results.dataQuality.flatMap((q) => q.rows)).toEqual([
      { sheet: "Uttag", row: 2, column: "vardkontakt_id", cell: "A2", value: "K1" },
      { sheet: "Uttag", row: 3, column: "vardkontakt_id", cell: "A3", value: "K1" },
      { sheet: "Uttag", row: 4, column: "hsaid_vardenhet", cell: "B4", value: "SE1: Ögonkliniken" },
      { sheet: "Uttag", row: 4, column: "lkf", cell: "G4", value: "1780" },
    ]);
    // Flagged rows are counted: three used, the placeholder rejected.
    expect(results.sources[0]).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsExcluded: 0, rowsRejected: 1 });
  });

  test.each([
    ["sv" as const, "Patienter folkbokförda i annan region (hemlän 14)", "Flaggade, räknas", "Samma kontakt-id mer än en gång"],
    ["en" as const, "Patients registered in another region (home county 14)", "Flagged, counted", "The same contact id more than once"],
  ])("the tab in %s", (lang, outOfRegion, flagged, duplicate) => {
    const cells = dataCheckPlan(results, lang).cells;
    expect(cells).toContainEqual([outOfRegion, 1, flagged, null, null, null, null, null]);
    expect(cells).toContainEqual(["Uttag", 2, "vardkontakt_id", "A2", "K1", duplicate, null, null]);
  });
});
