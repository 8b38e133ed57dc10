// The care-guarantee vocabulary of DOMAIN.md §1: measures, bases and exception codes.

/** The care-guarantee measures ("0-3-90-90", BUP 30). */
export type MeasureId = "firstVisit" | "treatment" | "primaryContact" | "primaryAssessment" | "bupFirst" | "bupTreatment";
export const MEASURES: readonly MeasureId[] = [
  "firstVisit",
  "treatment",
  "primaryContact",
  "primaryAssessment",
  "bupFirst",
  "bupTreatment",
];

/** Patients still waiting on the measurement date, or contacts completed in the period. */
export type Basis = "waiting" | "completed";

/** PvV (patient chose to wait, code 1), MoV (medically caused wait, 2), SoV (special reasons, BUP, 3). */
export type ExceptionCode = "PvV" | "MoV" | "SoV";
