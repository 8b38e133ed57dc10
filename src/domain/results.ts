import type { Basis, Issue, MeasureId, SheetKind } from "../ingest/records";
import type { Rating } from "./rating";
import type { Thresholds } from "./settings";
import type { Direction } from "../ingest/indicatorValues";

export type { Direction };

/** One row of a care-guarantee table: a unit, or the region pooled over patients. */
export interface UnitResult {
  unit: string;
  /** Counts are null only where an aggregate extract gives a ready share without them, or suppressed. */
  total: number | null;
  withinLimit: number | null;
  /** within / total as a fraction; null when nothing was measured (no rows, or suppressed). */
  share: number | null;
  overLimit: number | null;
  /** null where an aggregate extract does not say. */
  over365: number | null;
  /** Counts 0–30, 31–60, 61–90, 91–180, 181–365, >365 days; null where an aggregate does not say. */
  buckets: number[] | null;
  medianWait: number | null;
  rating: Rating;
  /** The national statistics suppressed this unit's figures (fewer than 5): shown, never counted as zero. */
  suppressed?: boolean;
}

export interface GroupShare {
  group: string;
  count: number;
  share: number;
}

export interface MeasureResult {
  measure: MeasureId;
  basis: Basis;
  limitDays: number;
  target: number;
  /** Sorted ascending by share, as in the committee's slides (suppressed units last). */
  units: UnitResult[];
  /** Pooled over patients, not the mean of unit shares. */
  region: UnitResult;
  /** The unweighted mean of unit shares: an extra, labelled figure only. */
  meanOfUnits: number | null;
  /** How the over-limit waiters spread over specialties or professional categories, largest first. */
  overLimitBy: { dimension: "specialty" | "profession"; groups: GroupShare[] }[];
  /** The exception codes taken out on this basis, e.g. ["PvV", "MoV"]. */
  excluded: string[];
  sheets: string[];
}

export interface SourceSummary {
  sheet: string;
  kind: SheetKind;
  /** Why a sheet was not used, or how it was recognised. */
  note: string;
  columns: Record<string, string>;
  headerRow: number | null;
  rowsRead: number;
  rowsUsed: number;
  rowsExcluded: number;
  rowsRejected: number;
}

/** One indicator of a goal, rated on its unrounded achievement (DOMAIN.md §2). */
export interface IndicatorResult {
  goal: string;
  indicator: string;
  /** Fractions where the sheet wrote percentages (0.95 for "95 %"); null where not given. */
  target: number | null;
  /** null when not measured this period. */
  outcome: number | null;
  direction: Direction;
  /** outcome / target (higher) or target / outcome (lower), the better of "reach X or improve by Y"; null when not measured. */
  achievement: number | null;
  rating: Rating;
  /** How the sheet wrote the values: percentages, and with how many decimals. */
  percent: boolean;
  decimals: number;
  previousOutcome: number | null;
  /** "Or improve by Y" on the values' scale (0.05 for 5 percentage points). */
  improveBy: number | null;
  /** The thresholds this indicator was rated with (settings, the sheet, or the global ones). */
  thresholds: Thresholds;
  unitOfMeasure: string | null;
  period: string | null;
  comment: string | null;
  sheet: string;
  row: number;
}

export type RatingCounts = Record<Rating, number>;

/** A goal rolled up from its indicators. */
export interface GoalResult {
  goal: string;
  rating: Rating;
  /** Indicators per colour; grey counts the ones not measured. */
  counts: RatingCounts;
  sheet: string;
}

export interface AssignmentResult {
  assignment: string;
  status: string;
  /** ISO date, when the sheet gives an end date. */
  endDate: string | null;
  rating: Rating;
  comment: string | null;
  owner: string | null;
  sheet: string;
  row: number;
}

export type MeasurementDateSource = "option" | "column" | "newestDate";

export interface Results {
  /** null only when no sheet carries a date (aggregates alone) and none was given. */
  measurementDate: string | null;
  measurementDateSource: MeasurementDateSource | null;
  careGuarantee: MeasureResult[];
  indicators: IndicatorResult[];
  goals: GoalResult[];
  assignments: AssignmentResult[];
  sources: SourceSummary[];
  /** Counts of rows excluded by rule, per reason (PvV, MoV, not covered, …). */
  exclusions: { reason: string; count: number }[];
  issues: Issue[];
}

/** A run computed something: a care-guarantee measure, an indicator or an assignment. */
export const computedAnything = (r: Results): boolean => r.careGuarantee.length + r.indicators.length + r.assignments.length > 0;
