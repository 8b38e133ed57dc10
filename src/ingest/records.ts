import type { DaySerial } from "../model/days";
import type { Basis, ExceptionCode, MeasureId } from "../model/measures";
import type { Direction, StatusRating } from "../model/ratings";
import type { ReasonCode } from "../model/reasons";
import type { IndicatorValue } from "./indicatorValues";

/** One patient row that passed parsing. Dates are day serials; `visit` is null while still waiting. */
export interface PatientRecord {
  sheet: string;
  /** 1-based sheet row as Excel shows it. */
  row: number;
  /** The unit's name as the row gives it; its id where the row has no name. */
  unit: string;
  /** The unit's id (hsaid_vardenhet) where the sheet has one: rows are grouped by it. */
  unitId: string | null;
  measure: MeasureId;
  /** The basis the row's own status gives (SKR's `status`); null: by its dates, as of the measurement date. */
  basis: Basis | null;
  start: DaySerial | null;
  visit: DaySerial | null;
  /** A wait given in days by the extract, used when the start date is missing. */
  givenWaitDays: number | null;
  code: ExceptionCode | null;
  /** false when the guarantee flag says "not covered" (2/NEJ/f); null when the sheet has the column and the cell is blank. */
  covered: boolean | null;
  /** Specialty and professional category, for the over-limit breakdown, when the columns exist. */
  specialty: string | null;
  profession: string | null;
  /** A measurement date from the row itself, when the extract carries one. */
  measured: DaySerial | null;
  /** The contact's id and the patient's home municipality (LKF), for the data-quality checks. */
  contactId: string | null;
  municipality: string | null;
}

/** One unit row of a per-unit aggregate: counts, or a ready share; null where suppressed or absent. */
export interface AggregateRecord {
  sheet: string;
  row: number;
  unit: string;
  measure: MeasureId;
  basis: Basis;
  total: number | null;
  withinLimit: number | null;
  share: number | null;
  /** Counts per bucket 0–30, 31–60, 61–90, 91–180, 181–365, >365 when the extract has all of them. */
  buckets: number[] | null;
  over365: number | null;
  /** True when the national statistics suppressed the figures (fewer than 5): never read as zero. */
  suppressed: boolean;
}

/** Every row that cannot be used, with where it is and why (shown on the Datakontroll tab). */
export interface Issue {
  sheet: string;
  row: number;
  /** The column's header as written in the sheet. */
  column: string;
  /** The cell reference, e.g. "C12". */
  cell: string;
  value: string;
  /** Why, as a code: report/reasons.ts has the words. */
  reason: ReasonCode;
}

/** One indicator row of a plan: values on one scale (fractions when percentages), null = not measured. */
export interface IndicatorRecord {
  sheet: string;
  row: number;
  goal: string;
  indicator: string;
  target: IndicatorValue | null;
  outcome: IndicatorValue | null;
  previous: IndicatorValue | null;
  /** "Or improve by Y" on the row's scale (0.05 for 5 percentage points). */
  improveBy: number | null;
  /** null when the sheet does not say: higher is better unless settings say otherwise. */
  direction: Direction | null;
  /** Per-indicator thresholds on achievement from the sheet; null where it does not say. */
  greenFrom: number | null;
  yellowFrom: number | null;
  period: string | null;
  unitOfMeasure: string | null;
  comment: string | null;
  owner: string | null;
}

export interface AssignmentRecord {
  sheet: string;
  row: number;
  assignment: string;
  /** The status as written. */
  status: string;
  statusRating: StatusRating;
  endDate: DaySerial | null;
  comment: string | null;
  owner: string | null;
}
