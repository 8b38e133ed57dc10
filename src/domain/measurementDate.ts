import type { PatientRecord } from "../ingest/records";
import type { DaySerial } from "../model/days";
import { lastDayOfMonth, serialFromYmd, ymdFromSerial } from "../model/days";
import type { MeasurementDateSource } from "./results";

/** A month needs this share of the dated rows (and at least two) to be where the bulk of the newest dates falls. */
const BULK_SHARE = 0.005;

/**
 * The measurement date (DOMAIN.md §3): the one given (--date or the pane); else the extract's own
 * measurement-period column (matperiod), by the value most rows carry; else a sheet's title
 * ("väntetidsuttag … 2024-02-05" → 2024-01-31); else the last day of the latest month that holds a
 * real share of the rows' newest dates — so a single mistyped future date never moves the month
 * (it is then rejected as after the measurement date). null only when nothing carries a date.
 */
export function resolveMeasurementDate(
  given: DaySerial | null,
  patients: readonly PatientRecord[],
  titleDates: readonly DaySerial[] = [],
): { date: DaySerial; source: MeasurementDateSource } | null {
  if (given !== null) return { date: given, source: "option" };
  const measured = new Map<DaySerial, number>();
  const months = new Map<number, number>();
  let dated = 0;
  for (const p of patients) {
    if (p.measured !== null) measured.set(p.measured, (measured.get(p.measured) ?? 0) + 1);
    const newest = Math.max(p.start ?? -Infinity, p.visit ?? -Infinity);
    if (newest === -Infinity) continue;
    dated++;
    const { y, m } = ymdFromSerial(newest);
    const key = y * 12 + m - 1;
    months.set(key, (months.get(key) ?? 0) + 1);
  }
  if (measured.size) return { date: mostCommon(measured), source: "column" };
  if (titleDates.length) return { date: mostCommon(new Map(titleDates.map((d) => [d, 1]))), source: "title" };
  if (!dated) return null;
  const needed = Math.max(2, Math.ceil(BULK_SHARE * dated));
  const sorted = [...months].sort((a, b) => b[0] - a[0]);
  const bulk = sorted.find(([, n]) => n >= needed) ?? sorted[0];
  const key = bulk[0];
  return { date: lastDayOfMonth(serialFromYmd(Math.floor(key / 12), (key % 12) + 1, 1)), source: "newestDate" };
}

/** The value with the highest count; on a tie the later date. */
function mostCommon(counts: ReadonlyMap<DaySerial, number>): DaySerial {
  let best = -Infinity;
  let bestN = 0;
  for (const [d, n] of counts) if (n > bestN || (n === bestN && d > best)) [best, bestN] = [d, n];
  return best;
}
