import type { PatientRecord } from "../ingest/records";
import type { DaySerial } from "../model/days";
import { lastDayOfMonth } from "../model/days";
import type { MeasurementDateSource } from "./results";

/**
 * The measurement date: the one given (--date or the pane), else the newest date in a
 * measurement-date column, else the last day of the month of the newest date in the data.
 * null only when the data has no dates at all (aggregates alone).
 */
export function resolveMeasurementDate(
  given: DaySerial | null,
  patients: readonly PatientRecord[],
): { date: DaySerial; source: MeasurementDateSource } | null {
  if (given !== null) return { date: given, source: "option" };
  let newestMeasured = -Infinity;
  let newestDate = -Infinity;
  for (const p of patients) {
    if (p.measured !== null && p.measured > newestMeasured) newestMeasured = p.measured;
    if (p.start !== null && p.start > newestDate) newestDate = p.start;
    if (p.visit !== null && p.visit > newestDate) newestDate = p.visit;
  }
  if (newestMeasured > -Infinity) return { date: newestMeasured, source: "column" };
  if (newestDate > -Infinity) return { date: lastDayOfMonth(newestDate), source: "newestDate" };
  return null;
}
