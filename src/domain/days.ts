import type { DaySerial } from "../model/days";

/** Calendar days from start to end; a visit on the day of contact is day 0. */
export const waitDays = (start: DaySerial, end: DaySerial): number => end - start;

/** Within the guarantee means `days <= limit` (SKR counts day 90 as within a 90-day limit). */
export const withinLimit = (days: number, limitDays: number): boolean => days <= limitDays;

/**
 * The bucket a wait falls in, given the buckets' upper bounds (settings.buckets; the national
 * statistics' 30, 60, 90, 120, 180 by default): 0–30 is 0, 31–60 is 1, …, over the last bound is
 * bounds.length.
 */
export function bucketIndex(days: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (days <= bounds[i]) return i;
  return bounds.length;
}

/**
 * bucketIndex as a table for waits up to the last bound (one array read per row of a million-row
 * extract instead of a loop); a longer wait is in the last bucket, `bounds.length`.
 */
export function bucketTable(bounds: readonly number[]): (days: number) => number {
  const last = bounds.length ? bounds[bounds.length - 1] : -1;
  const table = new Uint8Array(last + 1);
  for (let d = 0; d <= last; d++) table[d] = bucketIndex(d, bounds);
  const over = bounds.length;
  return (days) => (days > last ? over : days < 0 ? 0 : table[days]);
}

/** The bounds of a per-unit table's own bucket columns (0–30, 31–60, 61–90, 91–180, 181–365, > 365). */
export const AGGREGATE_BUCKET_BOUNDS: readonly number[] = [30, 60, 90, 180, 365];

/**
 * Waits counted per whole day. A median from counts needs no sort and no list of a million waits
 * (sorting every unit's waits was a fifth of the engine's time on 1M rows).
 */
export class WaitCounts {
  /** Dense counts for waits below DENSE_LIMIT days (every date pair from 1900 to 2199 fits). */
  private counts = new Uint32Array(1024);
  /** A wait given as a number of days can be anything: rare huge ones are counted sparsely. */
  private huge: Map<number, number> | null = null;
  size = 0;

  add(days: number): void {
    this.addCount(days, 1);
  }

  addAll(other: WaitCounts): void {
    for (const [days, n] of other.entries()) this.addCount(days, n);
  }

  /** The median wait; the mean of the two middle waits for an even count; null when empty. */
  median(): number | null {
    // 0-based ranks of the middle wait(s).
    const lo = Math.floor((this.size - 1) / 2);
    const hi = Math.floor(this.size / 2);
    let seen = 0;
    let loValue: number | null = null;
    for (const [days, n] of this.entries()) {
      seen += n;
      if (loValue === null && seen > lo) loValue = days;
      if (seen > hi) return (loValue! + days) / 2;
    }
    return null;
  }

  /** [days, count] for every wait seen, shortest first. */
  private *entries(): Generator<[number, number]> {
    for (let d = 0; d < this.counts.length; d++) if (this.counts[d] > 0) yield [d, this.counts[d]];
    if (this.huge) for (const d of [...this.huge.keys()].sort((x, y) => x - y)) yield [d, this.huge.get(d)!];
  }

  private addCount(days: number, n: number): void {
    this.size += n;
    if (days >= DENSE_LIMIT) {
      this.huge ??= new Map();
      this.huge.set(days, (this.huge.get(days) ?? 0) + n);
      return;
    }
    if (days >= this.counts.length) this.grow(days);
    this.counts[days] += n;
  }

  private grow(days: number): void {
    let len = this.counts.length;
    while (len <= days) len *= 2;
    const next = new Uint32Array(len);
    next.set(this.counts);
    this.counts = next;
  }
}

const DENSE_LIMIT = 1 << 17;
