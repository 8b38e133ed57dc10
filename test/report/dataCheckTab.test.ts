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
