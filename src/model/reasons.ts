// Why a row was rejected or set aside, as codes: ingest and domain answer with these, and
// report/reasons.ts turns them into words in the run's language (STYLE.md, "Reasons are codes").

/** Every reason, listed once so that a test can check that each has words in every language. */
export const REASON_CODES = [
  // A single cell could not be read (ingest/parse).
  /** An Excel error value (#REF!, #N/A …): a formula's failure, never a unit, date or number. */
  "errorValue",
  "missingValue",
  "invalidNumber",
  "suppressed",
  "invalidShare",
  "negativeShare",
  "shareOver100",
  "missingDate",
  "invalidDate",
  "dateOutOfRange",
  "unknownExceptionCode",
  "unknownGuarantee",
  // A patient or per-unit row could not be used (ingest/sheet).
  "missingUnit",
  "missingContactType",
  "unknownContactType",
  "missingStart",
  "missingWaitDays",
  "visitBeforeStart",
  "invalidWaitDays",
  "invalidCount",
  "missingCounts",
  "withinOverTotal",
  // SKR's model (ingest/sheet): a phase or status it does not know, a placeholder date, a completed row without its date.
  "missingPhase",
  "unknownPhase",
  "missingContactStatus",
  "unknownContactStatus",
  "placeholderDate",
  "missingVisit",
  // Set aside by rule at ingest: counted as excluded, not rejected.
  "summaryRow",
  "suppressedFigures",
  "returnVisit",
  // An indicator or assignment row could not be used (ingest/planSheet, ingest/indicatorValues).
  "notANumber",
  "invalidThreshold",
  "unknownDirection",
  "missingIndicator",
  "invalidImproveBy",
  "missingTarget",
  "negativeTarget",
  "zeroTargetHigher",
  "yellowAboveGreen",
  "missingAssignment",
  "missingStatus",
  "unknownStatus",
  // The care-guarantee rules (domain/careGuarantee): exclusions, and a start after the measurement date.
  "notCovered",
  "guaranteeMissing",
  "outsidePeriod",
  "exceptionPvV",
  "exceptionMoV",
  "exceptionSoV",
  "startAfterMeasured",
  // A row of an earlier run's Historik tab that could not be read back (report/historyTab).
  "historyInvalidDate",
  "historyUnknownMeasure",
  "historyUnknownBasis",
  "historyMissingUnit",
  "historyNotANumber",
  "historyMissingIndicator",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];
