import type { DaySerial } from "../ingest/parse";

/** Calendar days from start to end; a visit on the day of contact is day 0. */
export const waitDays = (start: DaySerial, end: DaySerial): number => end - start;

/** Within the guarantee means `days <= limit` (SKR counts day 90 as within a 90-day limit). */
export const withinLimit = (days: number, limitDays: number): boolean => days <= limitDays;

/** The report's waiting-time buckets: 0–30, 31–60, 61–90, 91–180, 181–365, > 365 days. */
export const BUCKET_UPPER_BOUNDS = [30, 60, 90, 180, 365] as const;
export const BUCKET_LABELS = ["0–30", "31–60", "61–90", "91–180", "181–365", "> 365"] as const;

export function bucketIndex(days: number): number {
  if (days <= 30) return 0;
  if (days <= 60) return 1;
  if (days <= 90) return 2;
  if (days <= 180) return 3;
  if (days <= 365) return 4;
  return 5;
}

/** The median of integer waits; the mean of the two middle values for an even count. */
export function median(values: Int32Array | number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Int32Array.from(values).sort();
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
