import type {
  CareHistoryRow,
  History,
  TrendSeries,
  IndicatorHistoryRow,
  IndicatorResult,
  MeasureResult,
  PeriodChange,
  PeriodFigures,
  UnitResult,
} from "./results";
import { REGION } from "./careGuarantee";
import { serialFromIso, ymdFromSerial } from "../model/days";

export const EMPTY_HISTORY: History = { care: [], indicators: [] };

/** Units are matched by name (trimmed, case and spacing folded), never by position. */
export const unitKey = (unit: string): string => unit.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");
const careKey = (r: Pick<CareHistoryRow, "measure" | "basis" | "unit">) => `${r.measure}/${r.basis}/${unitKey(r.unit)}`;
const indicatorKey = (goal: string, indicator: string) => `${unitKey(goal)}\t${unitKey(indicator)}`;

const figures = (u: Pick<UnitResult, "share" | "total" | "overLimit" | "over365">): PeriodFigures => ({
  share: u.share,
  total: u.total,
  overLimit: u.overLimit,
  over365: u.over365,
});

/** This run's rows for the history: every unit and the region of every measure; every indicator. */
export function historyOf(date: string, measures: readonly MeasureResult[], indicators: readonly IndicatorResult[]): History {
  const care: CareHistoryRow[] = [];
  for (const m of measures) {
    for (const u of [...m.units, { ...m.region, unit: REGION }]) {
      care.push({
        date,
        measure: m.measure,
        basis: m.basis,
        unit: u.unit,
        total: u.total,
        withinLimit: u.withinLimit,
        share: u.share,
        overLimit: u.overLimit,
        over365: u.over365,
      });
    }
  }
  const rows = indicators.map((i) => ({
    date,
    goal: i.goal,
    indicator: i.indicator,
    target: i.target,
    outcome: i.outcome,
    achievement: i.achievement,
    rating: i.rating,
    percent: i.percent,
  }));
  return { care, indicators: rows };
}

/**
 * Add a run to the history: rows of the same measurement date are replaced, so running twice
 * for one month gives the same history (idempotent). Sorted by date, then in the run's order.
 */
export function mergeHistory(earlier: History, run: History): History {
  const dates = new Set([...run.care, ...run.indicators].map((r) => r.date));
  const keep = <T extends { date: string }>(rows: readonly T[]) => rows.filter((r) => !dates.has(r.date));
  const byDate = <T extends { date: string }>(rows: T[]) =>
    rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
      .map((x) => x.r);
  return { care: byDate([...keep(earlier.care), ...run.care]), indicators: byDate([...keep(earlier.indicators), ...run.indicators]) };
}

/** The latest date in the rows strictly before `date`: the previous period. */
export function previousDate(rows: readonly { date: string }[], date: string): string | null {
  let best: string | null = null;
  for (const r of rows) if (r.date < date && (best === null || r.date > best)) best = r.date;
  return best;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Now minus then; the share in percentage points. */
export function changeOf(now: PeriodFigures, then: PeriodFigures): PeriodChange {
  const points = minus(now.share, then.share);
  return {
    sharePoints: points === null ? null : points * 100,
    total: minus(now.total, then.total),
    overLimit: minus(now.overLimit, then.overLimit),
    over365: minus(now.over365, then.over365),
  };
}

/**
 * Give every unit and region row its previous figures and change, from the history's previous
 * period for that measure. Units only in this period get none (they are new); units only in the
 * previous period are listed as gone.
 */
export function withPrevious(measures: readonly MeasureResult[], history: readonly CareHistoryRow[], date: string): MeasureResult[] {
  return measures.map((m) => {
    const own = history.filter((r) => r.measure === m.measure && r.basis === m.basis);
    const prev = previousDate(own, date);
    if (prev === null) return m;
    const then = new Map(own.filter((r) => r.date === prev).map((r) => [careKey(r), r]));
    const attach = (u: UnitResult, unit: string): UnitResult => {
      const p = then.get(careKey({ measure: m.measure, basis: m.basis, unit }));
      if (!p) return u;
      const previous = figures(p);
      return { ...u, previous, change: changeOf(figures(u), previous) };
    };
    const now = new Set(m.units.map((u) => unitKey(u.unit)));
    const goneUnits = [...then.values()]
      .filter((r) => r.unit !== REGION && !now.has(unitKey(r.unit)))
      .map((r) => ({ unit: r.unit, previous: figures(r) }));
    return { ...m, units: m.units.map((u) => attach(u, u.unit)), region: attach(m.region, REGION), previousDate: prev, goneUnits };
  });
}

/** The outcome an indicator had in the previous period of the history, matched by goal and name (else by name alone). */
export function previousOutcomes(
  history: readonly IndicatorHistoryRow[],
  date: string,
): (goal: string, indicator: string) => number | null {
  const prev = previousDate(history, date);
  const rows = history.filter((r) => r.date === prev);
  const exact = new Map(rows.map((r) => [indicatorKey(r.goal, r.indicator), r.outcome]));
  const byName = new Map<string, number | null>();
  for (const r of rows) byName.set(unitKey(r.indicator), byName.has(unitKey(r.indicator)) ? null : r.outcome); // ambiguous names match nothing
  return (goal, indicator) => exact.get(indicatorKey(goal, indicator)) ?? byName.get(unitKey(indicator)) ?? null;
}

/** outcome − previous and its direction (↑ up, ↓ down, → flat); nothing where either is missing. */
export function trendOf(outcome: number | null, previous: number | null): Pick<IndicatorResult, "change" | "trend"> {
  if (outcome === null || previous === null) return {};
  const change = outcome - previous;
  // Tolerate float noise from percent text ("84 %" → 0.84): a difference below 1e-12 is no change.
  return { change, trend: Math.abs(change) < 1e-12 ? "flat" : change > 0 ? "up" : "down" };
}

/**
 * The region's share per measure over the last 13 months up to the measurement date: the month
 * of the measurement date and the twelve before it (a year-on-year comparison on one chart).
 */
export function regionTrend(history: readonly CareHistoryRow[], date: string): TrendSeries[] {
  const end = serialFromIso(date);
  if (end === null) return [];
  const { y, m } = ymdFromSerial(end);
  const first = `${y - 1}-${String(m).padStart(2, "0")}-01`;
  const region = history.filter((r) => r.unit === REGION && r.date >= first && r.date <= date);
  const series = new Map<string, TrendSeries>();
  for (const r of region) {
    const key = `${r.measure}/${r.basis}`;
    if (!series.has(key)) series.set(key, { measure: r.measure, basis: r.basis, points: [] });
    series.get(key)!.points.push({ date: r.date, share: r.share });
  }
  return [...series.values()];
}
