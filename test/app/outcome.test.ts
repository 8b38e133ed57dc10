import { computeResults } from "../../src/app/pipeline";
import { outcomeMessage } from "../../src/app/outcome";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { d, grid } from "../helpers/grids";

// The ribbon's message after a run: besides the figures, the rows the data check flagged and the
// sheets left out until their guesses are confirmed in the pane.
const certain = grid("Uttag", [
  ["vardkontakt_id", "hsaid_vardenhet", "sjukhusnamn", "fas", "beslut_datum", "vardgaranti"],
  ["K1", "SE1", "Sahlgrenska", 1, d("2024-01-02"), 1],
  ["K1", "SE1", "Sahlgrenska", 1, d("2024-01-03"), 1],
]);
const guessed = grid("Väntande kontakter", [
  ["Enhet", "Remissdatum"],
  ["Hud", d("2024-01-02")],
]);
const message = (grids: ReturnType<typeof grid>[], lang: "sv" | "en") =>
  outcomeMessage({ results: computeResults(grids, DEFAULT_SETTINGS, "2024-01-31"), plans: [], written: [], settingsProblem: null }, lang);

test("in Swedish: the flagged rows and the sheet waiting for a confirmation", () => {
  expect(message([certain, guessed], "sv")).toEqual({
    ok: true,
    title: expect.any(String),
    lines: [
      "1 mått beräknade; 0 rader kunde inte användas (se Datakontroll).",
      "Förstabesök (väntande): 100,0\u00a0%, uppfylls helt",
      "2 rader flaggade vid datakontrollen (räknas, men bör kontrolleras).",
      'Beräknades inte, gissningar att bekräfta i fönstret: "Väntande kontakter".',
    ],
  });
});

test("in English, and when only the guessed sheet is there nothing is computed and it says why", () => {
  expect(message([certain, guessed], "en").lines.slice(2)).toEqual([
    "2 rows flagged by the data check (counted, but worth a look).",
    'Not computed, guesses to confirm in the pane: "Väntande kontakter".',
  ]);
  const only = message([guessed], "en");
  expect(only.ok).toBe(false);
  expect(only.lines[1]).toBe('Not computed, guesses to confirm in the pane: "Väntande kontakter".');
});
