import type { Basis, MeasureId } from "../model/measures";
import type { Issue } from "../ingest/records";
import type { SheetKind } from "../model/sheets";
import type { Rating } from "../model/ratings";
import type { Thresholds } from "../model/settings";
import type { ReasonCode } from "../model/reasons";
import type { SheetNote } from "../model/sheetNotes";
import type { Direction } from "../model/ratings";
import type { QualityResult } from "./dataQuality";

export type { Direction };

/** One row of a care-guarantee table: a unit, or the region pooled over patients. */
/** A period as its first and last day, ISO. */
export interface Period {
  kind: "month" | "tertial" | "year";
  from: string;
  to: string;
}

export interface UnitResult {
  /** The unit's name (its id only where no name exists anywhere); "Region" for the pooled row. */
  unit: string;
  /** The id the unit's rows were grouped by (hsaid_vardenhet), where the extract has one. */
  unitId?: string | null;
  /**
   * Every row of the period on this basis, as the national statistics count them: PvV, MoV, SoV and
   * rows outside the guarantee included ("antal genomförda", "antal väntande"). null for aggregates.
   */
  allCount?: number | null;
  /** The median wait over those same rows ("medianväntetid, alla genomförda"). */
  allMedian?: number | null;
  /** Counts are null only where an aggregate extract gives a ready share without them, or suppressed. */
  total: number | null;
  withinLimit: number | null;
  /** within / total as a fraction; null when nothing was measured (no rows, or suppressed). */
  share: number | null;
  overLimit: number | null;
  /** null where an aggregate extract does not say. */
  over365: number | null;
  /** Counts per waiting-time bucket (MeasureResult.bucketBounds: 0–30, 31–60, 61–90, 91–120, 121–180, > 180 by default); null where an aggregate does not say. */
  buckets: number[] | null;
  medianWait: number | null;
  rating: Rating;
  /** The national statistics suppressed this unit's figures (fewer than 5): shown, never counted as zero. */
  suppressed?: boolean;
  /** The same unit in the previous period, when there is one and the unit was in it. */
  previous?: PeriodFigures;
  /** Now minus then: the share in percentage points (−1.9), counts in numbers. */
  change?: PeriodChange;
}

/** A unit's figures in another period, as the history keeps them. */
export interface PeriodFigures {
  share: number | null;
  total: number | null;
  overLimit: number | null;
  over365: number | null;
}

export interface PeriodChange {
  /** (share now − share then) × 100; null where either share is missing. */
  sharePoints: number | null;
  total: number | null;
  overLimit: number | null;
  over365: number | null;
}

export interface GroupShare {
  /** A specialty or professional category; null for the rows that do not say. */
  group: string | null;
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
  /** The buckets' upper bounds: [30, 60, 90, 120, 180] is 0–30, 31–60, 61–90, 91–120, 121–180 and > 180 days. */
  bucketBounds: number[];
  /** The completed basis's period (contacts completed before it are excluded); absent on the waiting basis. */
  period?: Period;
  sheets: string[];
  /** The previous period's measurement date, when a previous period was found for this measure. */
  previousDate?: string;
  /** Units in the previous period that are not in this one (matched by name, never by position). */
  goneUnits?: { unit: string; previous: PeriodFigures }[];
}

export interface SourceSummary {
  sheet: string;
  kind: SheetKind;
  /** Why a sheet was not used, or how it was recognised. */
  note: SheetNote;
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
  /** Where the previous outcome came from: the sheet's own column, or the history of earlier runs. */
  previousFrom?: "sheet" | "history";
  /** outcome − previous outcome, and which way it went. */
  change?: number | null;
  trend?: "up" | "down" | "flat";
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

/** One row of the history: a unit's (or the region's) figures on one measurement date. */
export interface CareHistoryRow {
  date: string;
  measure: MeasureId;
  basis: Basis;
  /** The unit's name; "Region" for the region row (no unit can have that name: ingest sets such rows aside as summary rows). */
  unit: string;
  total: number | null;
  withinLimit: number | null;
  share: number | null;
  overLimit: number | null;
  over365: number | null;
}

export interface IndicatorHistoryRow {
  date: string;
  goal: string;
  indicator: string;
  target: number | null;
  outcome: number | null;
  achievement: number | null;
  rating: Rating;
  /** Target and outcome are percentages (fractions), shown as such. */
  percent: boolean;
}

/** The region's share of one measure on each measurement date of the last 13 months. */
export interface TrendSeries {
  measure: MeasureId;
  basis: Basis;
  points: { date: string; share: number | null }[];
}

export interface History {
  care: CareHistoryRow[];
  indicators: IndicatorHistoryRow[];
}

export type MeasurementDateSource = "option" | "column" | "title" | "newestDate";

export interface Results {
  /** null only when no sheet carries a date (aggregates alone) and none was given. */
  measurementDate: string | null;
  measurementDateSource: MeasurementDateSource | null;
  careGuarantee: MeasureResult[];
  /** The reference's data-quality checks: counts, and the rows that are counted but flagged. */
  dataQuality: QualityResult[];
  indicators: IndicatorResult[];
  goals: GoalResult[];
  assignments: AssignmentResult[];
  sources: SourceSummary[];
  /** The previous period's measurement date (the latest earlier date in the history), or null. */
  previousDate: string | null;
  /** Every run's figures by measurement date, this run's included: what the Historik tab holds. */
  history: History;
  /** Region share per measure over the last 13 months, from the history. */
  trend: TrendSeries[];
  /** Counts of rows excluded by rule, per reason (PvV, MoV, not covered, …). */
  exclusions: { reason: ReasonCode; count: number }[];
  issues: Issue[];
}

/** A run computed something: a care-guarantee measure, an indicator or an assignment. */
export const computedAnything = (r: Results): boolean => r.careGuarantee.length + r.indicators.length + r.assignments.length > 0;
