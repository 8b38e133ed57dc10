import type { Basis, MeasureId, SheetKind } from "../ingest/records";
import type { ExceptionCode } from "../ingest/parse";

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

/** Logical fields a sheet's columns are mapped to. */
export type Field =
  | "unit" | "unitId" | "hospital" | "measure" | "start" | "visit" | "waitDays" | "code" | "guarantee"
  | "specialty" | "profession" | "measured" | "total" | "withinLimit" | "share"
  | "bucket0_30" | "bucket31_60" | "bucket61_90" | "bucket91_180" | "bucket181_365" | "bucketOver365" | "over365";

/** What the user decided about one sheet; it wins over detection. */
export interface SheetSettings {
  kind?: SheetKind | "ignore";
  /** Field → the header text of the column to use. */
  columns?: Partial<Record<Field, string>>;
  /** The measure for a sheet without a contact-type column. */
  measure?: MeasureId;
  basis?: Basis;
}

/** The one versioned settings document, stored in the workbook and printed on every summary tab. */
export interface Settings {
  version: 1;
  measures: Record<MeasureId, MeasureSettings>;
  exclusions: Exclusions;
  thresholds: Thresholds;
  /** Only rows the guarantee flag marks as covered count (1/JA); rows with 2/NEJ are excluded. */
  requireGuarantee: boolean;
  /** Offer the unweighted mean of units as an extra, labelled figure. */
  showMeanOfUnits: boolean;
  sheets: Record<string, SheetSettings>;
}

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
  showMeanOfUnits: true,
  sheets: {},
};
