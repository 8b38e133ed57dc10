import type { Basis, ExceptionCode, MeasureId } from "./measures";
import type { Direction, StatusRating } from "./ratings";
import type { Field, SheetKind } from "./sheets";

/** Thresholds on achievement (outcome as a share of target): green from 1.0, yellow from 0.8. */
export interface Thresholds {
  green: number;
  yellow: number;
}

export interface MeasureSettings {
  limitDays: number;
  /** The share the measure is rated against, as a fraction (1.0 = every patient within the limit). */
  target: number;
}

/** Which exception codes are taken out of numerator and denominator, per basis. */
export type Exclusions = Record<Basis, Record<ExceptionCode, boolean>>;

/** What the user decided about one sheet; it wins over detection. */
export interface SheetSettings {
  kind?: SheetKind | "ignore";
  /** Field → the header text of the column to use. */
  columns?: Partial<Record<Field, string>>;
  /** The measure for a sheet without a contact-type column. */
  measure?: MeasureId;
  basis?: Basis;
}

/**
 * How a goal's rating follows from its measured indicators (DOMAIN.md §2):
 * - committee: none measured → grey; all green → green; all red → red; otherwise yellow;
 * - worst: the worst measured indicator;
 * - shareGreen: the share of measured indicators that are green, rated against the thresholds;
 * - meanAchievement: the mean achievement of the measured indicators, rated against the thresholds.
 */
export type RollUpRule = "committee" | "worst" | "shareGreen" | "meanAchievement";
export const ROLL_UP_RULES: readonly RollUpRule[] = ["committee", "worst", "shareGreen", "meanAchievement"];

/** What the user decided about one indicator, by its name; it wins over the sheet's columns. */
export interface IndicatorSettings {
  direction?: Direction;
  green?: number;
  yellow?: number;
}

/** The completed basis counts contacts completed in the measurement date's month, tertial or year (DOMAIN.md §1). */
export type CompletedPeriod = "month" | "tertial" | "year";
export const COMPLETED_PERIODS: readonly CompletedPeriod[] = ["month", "tertial", "year"];

/** The one versioned settings document, stored in the workbook and printed on every summary tab. */
export interface Settings {
  version: 1;
  measures: Record<MeasureId, MeasureSettings>;
  exclusions: Exclusions;
  thresholds: Thresholds;
  /** Only rows the guarantee flag marks as covered count (1/JA/t); 2/NEJ/f and, where the sheet has the flag, a blank are excluded. */
  requireGuarantee: boolean;
  /**
   * The waiting-time buckets' upper bounds in days, ascending: the national statistics' 0–30, 31–60,
   * 61–90, 91–120, 121–180, > 180 by default (> 365 is always counted on its own).
   */
  buckets: number[];
  /** The period of the completed basis, ending on the measurement date. */
  completedPeriod: CompletedPeriod;
  /** A unit's id (HSA id) → its name, for extracts that carry only ids. */
  unitNames: Record<string, string>;
  /** The region's county codes (the first two digits of LKF): other patients are flagged as out-of-region. Empty: the most common one. */
  homeCounties: string[];
  /** Offer the unweighted mean of units as an extra, labelled figure. */
  showMeanOfUnits: boolean;
  sheets: Record<string, SheetSettings>;
  /** The region's name for titles ("Region Exempelland"); null: not said. */
  regionName: string | null;
  rollUp: RollUpRule;
  /** Indicator name → direction and thresholds. */
  indicators: Record<string, IndicatorSettings>;
  /** Status text (matched without case, diacritics or punctuation) → colour. */
  assignmentStatus: Record<string, StatusRating>;
}

/** DOMAIN.md §2's mapping; "Ej påbörjad" turns red once its end date has passed. */
export const DEFAULT_ASSIGNMENT_STATUS: Record<string, StatusRating> = {
  Avslutad: "green",
  Genomförd: "green",
  Klar: "green",
  "Pågående enligt plan": "green",
  "Pågår enligt plan": "green",
  "Enligt plan": "green",
  "Pågående med avvikelse": "yellow",
  "Pågår med avvikelse": "yellow",
  Avvikelse: "yellow",
  Försenad: "red",
  "Ej påbörjad": "greyUntilEnd",
  "Inte påbörjad": "greyUntilEnd",
};

/** Defaults of DOMAIN.md §1: 0-3-90-90 and BUP 30; PvV out on both bases, MoV/SoV out on the waiting basis. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  measures: {
    primaryContact: { limitDays: 0, target: 1 },
    primaryAssessment: { limitDays: 3, target: 1 },
    firstVisit: { limitDays: 90, target: 1 },
    treatment: { limitDays: 90, target: 1 },
    bupFirst: { limitDays: 30, target: 1 },
    bupTreatment: { limitDays: 30, target: 1 },
  },
  exclusions: {
    waiting: { PvV: true, MoV: true, SoV: true },
    completed: { PvV: true, MoV: false, SoV: false },
  },
  thresholds: { green: 1, yellow: 0.8 },
  requireGuarantee: true,
  buckets: [30, 60, 90, 120, 180],
  completedPeriod: "month",
  unitNames: {},
  homeCounties: [],
  showMeanOfUnits: true,
  sheets: {},
  regionName: null,
  rollUp: "committee",
  indicators: {},
  assignmentStatus: DEFAULT_ASSIGNMENT_STATUS,
};
