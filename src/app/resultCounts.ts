import type { Results } from "../domain/results";

// What every UI says after a run besides the figures: rows flagged by the data check, sheets left out.

/** Rows the data-quality checks flagged: counted, but worth a look. */
export const flagged = (results: Results): number => results.dataQuality.reduce((n, q) => n + (q.treatment === "flagged" ? q.count : 0), 0);

/** Sheets left out until their guesses are confirmed. */
export const unconfirmed = (results: Results): string[] =>
  results.sources.filter((s) => s.note.code === "needsConfirmation").map((s) => s.sheet);
