/** How a sheet was recognised. */
export type SheetKind = "waitingList" | "completedList" | "unitAggregate" | "indicatorList" | "assignmentList" | "unrecognised";

/** Logical fields a sheet's columns are mapped to. */
export type Field =
  | "unit" | "unitId" | "hospital" | "measure" | "start" | "visit" | "waitDays" | "code" | "guarantee"
  | "specialty" | "profession" | "measured" | "total" | "withinLimit" | "share"
  | "bucket0_30" | "bucket31_60" | "bucket61_90" | "bucket91_180" | "bucket181_365" | "bucketOver365" | "over365"
  // Indicator and assignment sheets (DOMAIN.md §2)
  | "goal" | "indicator" | "target" | "outcome" | "previousOutcome" | "direction" | "improveBy" | "period"
  | "unitOfMeasure" | "greenFrom" | "yellowFrom" | "comment" | "owner" | "assignment" | "status" | "endDate";
