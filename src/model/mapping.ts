// How sure ingest is of each reading of a sheet (DOMAIN.md §3, "No silent guesses"). A certain
// mapping is used as it is; a guessed one is shown as a guess and the sheet is not computed until
// the user confirms it, which saves it in the workbook's settings (and a saved mapping is certain).
import type { MeasureId } from "./measures";
import type { Field } from "./sheets";

export type Certainty = "certain" | "guessed";

/** Why a column was only guessed for its field. */
export type ColumnGuessWhy =
  /** A unit taken from a code column (a hospital or unit code) because no unit name or id column exists. */
  | "codeColumn"
  /** The wait's start taken from a referral date (remissdatum): the decision date is missing. */
  | "referralDate"
  /** The wait's start taken from an arrival date (ankomstdatum): the decision date is missing. */
  | "arrivalDate";

/** Why a sheet's measure was only guessed. */
export type MeasureGuessWhy =
  /** A loose match in the sheet's name or title ("Väntande kontakter" → same-day contact because of "kontakt"). */
  | "looseName"
  /** Nothing names a measure: first visit assumed. */
  | "assumed";

/**
 * One guess that needs confirming. Confirming a column guess saves `settings.sheets[sheet].columns[field] = header`;
 * confirming a measure guess saves `settings.sheets[sheet].measure = measure`.
 */
export type Guess =
  | { target: "column"; field: Field; header: string; column: string; why: ColumnGuessWhy }
  | { target: "measure"; measure: MeasureId; why: MeasureGuessWhy; text: string };
