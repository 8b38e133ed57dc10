import type { AggregateRecord, PatientRecord } from "../ingest/records";
import type { Basis, MeasureId } from "../model/measures";
import { MEASURES } from "../model/measures";
import type { DaySerial } from "../model/days";
import type { ExceptionCode } from "../model/measures";
import type { CompletedPeriod, Settings } from "../model/settings";
import { isoFromSerial, serialFromYmd, ymdFromSerial } from "../model/days";
import type { ReasonCode } from "../model/reasons";
import type { GroupShare, MeasureResult, Period, UnitResult } from "./results";
import { rate } from "./rating";
import { AGGREGATE_BUCKET_BOUNDS, WaitCounts, bucketTable, waitDays, withinLimit } from "./days";

/** What became of one patient row once the measurement date and the rules are known. */
export type RowFate =
  { kind: "used" } | { kind: "excluded"; reason: ReasonCode } | { kind: "rejected"; field: "start" | "visit"; reason: ReasonCode };

const CODE_REASON: Record<ExceptionCode, ReasonCode> = { PvV: "exceptionPvV", MoV: "exceptionMoV", SoV: "exceptionSoV" };
// One shared object per fate: a fate per row of a million-row extract must not allocate.
const USED: RowFate = { kind: "used" };
const NOT_COVERED: RowFate = { kind: "excluded", reason: "notCovered" };
const GUARANTEE_MISSING: RowFate = { kind: "excluded", reason: "guaranteeMissing" };
const OUTSIDE_PERIOD: RowFate = { kind: "excluded", reason: "outsidePeriod" };
const START_AFTER_MEASURED: RowFate = { kind: "rejected", field: "start", reason: "startAfterMeasured" };
const CODE_FATE = Object.fromEntries(Object.entries(CODE_REASON).map(([c, reason]) => [c, { kind: "excluded", reason }])) as Record<
  ExceptionCode,
  RowFate
>;
export const REGION = "Region";

/** One unit's running counts; pooled sums for the region are the same shape. */
interface UnitAcc {
  /** The name shown: the first name its rows give, else the code table's or the settings', else its id. */
  label: string;
  id: string | null;
  /**
   * Rows of the period outside the base (PvV, MoV, not covered, flag missing) and their waits: with
   * the base they are the national statistics' count and median over all rows. Kept apart so that
   * a used row is counted once (a million rows). null once an aggregate is added.
   */
  outside: number;
  outsideWaits: WaitCounts | null;
  total: number;
  within: number;
  over365: number | null;
  buckets: number[] | null;
  /** Individual waits, for the median; null once an aggregate (which has none) is added. */
  waits: WaitCounts | null;
  /** A ready share from an aggregate without counts: shown, not pooled. */
  readyShare: number | null;
  suppressed: boolean;
}

interface MeasureAcc {
  measure: MeasureId;
  basis: Basis;
  units: Map<string, UnitAcc>;
  /** Over-limit counts per group; null for rows that do not say (the report writes "(uppgift saknas)"). */
  overBySpecialty: Map<string | null, number>;
  overByProfession: Map<string | null, number>;
  hasSpecialty: boolean;
  hasProfession: boolean;
  sheets: Set<string>;
  /** The waiting-time buckets' upper bounds (settings.buckets). */
  bounds: readonly number[];
}

const newUnit = (label: string, id: string | null, buckets: number): UnitAcc => ({
  label,
  id,
  outside: 0,
  outsideWaits: new WaitCounts(),
  total: 0,
  within: 0,
  over365: 0,
  buckets: new Array<number>(buckets).fill(0),
  waits: new WaitCounts(),
  readyShare: null,
  suppressed: false,
});

/** Accumulators per measure and basis, in report order: index = 2 × measure + (completed ? 1 : 0). */
type MeasureAccs = (MeasureAcc | undefined)[];
const MEASURE_INDEX = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<MeasureId, number>;

function measureAcc(accs: MeasureAccs, measure: MeasureId, basis: Basis, bounds: readonly number[]): MeasureAcc {
  const key = 2 * MEASURE_INDEX[measure] + (basis === "completed" ? 1 : 0);
  return (accs[key] ??= {
    measure,
    basis,
    units: new Map(),
    overBySpecialty: new Map(),
    overByProfession: new Map(),
    hasSpecialty: false,
    hasProfession: false,
    sheets: new Set(),
    bounds,
  });
}

/** A unit by its id where it has one (its name is then only its label), else by its name. */
function unitAcc(acc: MeasureAcc, unit: string, id: string | null = null): UnitAcc {
  const key = id ?? unit;
  let u = acc.units.get(key);
  if (!u) acc.units.set(key, (u = newUnit(unit, id, acc.bounds.length + 1)));
  else if (id !== null && u.label === id && unit !== id) u.label = unit;
  return u;
}

const bump = (m: Map<string | null, number>, key: string | null) => m.set(key, (m.get(key) ?? 0) + 1);

/** The first day of the completed basis's period that ends on the measurement date (DOMAIN.md §1). */
export function periodStart(measured: DaySerial, period: CompletedPeriod): DaySerial {
  const { y, m } = ymdFromSerial(measured);
  const first = period === "month" ? m : period === "tertial" ? m - ((m - 1) % 4) : 1;
  return serialFromYmd(y, first, 1);
}

/**
 * Care-guarantee compliance per measure and basis. A row's basis is its own status where it has one,
 * else completed when the visit happened on or before the measurement date and still waiting
 * otherwise. The completed basis holds only contacts completed in the period (the measurement
 * date's month by default); earlier ones are excluded as outside it. The region row is pooled over
 * patients; the unweighted mean of units is only an extra figure. `unitNames` (a code table, the
 * settings) names units whose rows carry only an id.
 */
export function computeCareGuarantee(
  patients: readonly PatientRecord[],
  aggregates: readonly AggregateRecord[],
  measured: DaySerial,
  settings: Settings,
  unitNames: ReadonlyMap<string, string> = new Map(),
): { measures: MeasureResult[]; fates: RowFate[] } {
  const accs: MeasureAccs = [];
  const fates: RowFate[] = new Array(patients.length);
  const from = Number.isFinite(measured) ? periodStart(measured, settings.completedPeriod) : -Infinity;
  const bucketOf = bucketTable(settings.buckets);
  const { requireGuarantee, exclusions } = settings;
  let lastSheet = "";
  for (let i = 0; i < patients.length; i++) {
    const p = patients[i];
    if (p.start !== null && p.start > measured) {
      fates[i] = START_AFTER_MEASURED;
      continue;
    }
    const basis: Basis = p.basis ?? (p.visit !== null && p.visit <= measured ? "completed" : "waiting");
    if (basis === "completed" && (p.visit! < from || p.visit! > measured)) {
      fates[i] = OUTSIDE_PERIOD;
      continue;
    }
    const days = p.start === null ? p.givenWaitDays! : waitDays(p.start, basis === "completed" ? p.visit! : measured);
    const acc = measureAcc(accs, p.measure, basis, settings.buckets);
    if (p.sheet !== lastSheet) acc.sheets.add((lastSheet = p.sheet));
    const u = unitAcc(acc, p.unit, p.unitId);
    const fate =
      requireGuarantee && p.covered !== true
        ? p.covered === null
          ? GUARANTEE_MISSING
          : NOT_COVERED
        : p.code !== null && exclusions[basis][p.code]
          ? CODE_FATE[p.code]
          : USED;
    if (fate !== USED) {
      u.outside++;
      u.outsideWaits?.add(days);
      fates[i] = fate;
      continue;
    }
    const limit = settings.measures[p.measure].limitDays;
    u.total++;
    u.waits?.add(days);
    if (u.buckets) u.buckets[bucketOf(days)]++;
    if (days > 365 && u.over365 !== null) u.over365++;
    if (withinLimit(days, limit)) u.within++;
    else {
      if (p.specialty !== null) acc.hasSpecialty = true;
      if (p.profession !== null) acc.hasProfession = true;
      bump(acc.overBySpecialty, p.specialty);
      bump(acc.overByProfession, p.profession);
    }
    fates[i] = USED;
  }
  for (const a of aggregates) addAggregate(measureAcc(accs, a.measure, a.basis, settings.buckets), a);

  const names = (id: string) => unitNames.get(id) ?? settings.unitNames[id];
  const period = Number.isFinite(measured)
    ? { kind: settings.completedPeriod, from: isoFromSerial(from), to: isoFromSerial(measured) }
    : undefined;
  const measures = accs
    .filter((a): a is MeasureAcc => a !== undefined)
    .map((a) => finish(a, settings, names, a.basis === "completed" ? period : undefined));
  return { measures, fates };
}

function addAggregate(acc: MeasureAcc, a: AggregateRecord): void {
  acc.sheets.add(a.sheet);
  const u = unitAcc(acc, a.unit);
  // Aggregates carry no individual waits; buckets and over-365 only when the extract gives them.
  u.waits = null;
  u.outsideWaits = null;
  if (a.suppressed) {
    u.suppressed = true;
    return;
  }
  if (a.total === null || a.withinLimit === null) {
    u.readyShare = a.share;
    return;
  }
  u.total += a.total;
  u.within += a.withinLimit;
  u.over365 = u.over365 !== null && a.over365 !== null ? u.over365 + a.over365 : null;
  // A table's own bucket columns add up only where they are the buckets the settings ask for.
  const sameBuckets = acc.bounds.length === AGGREGATE_BUCKET_BOUNDS.length && acc.bounds.every((b, k) => b === AGGREGATE_BUCKET_BOUNDS[k]);
  u.buckets = u.buckets && a.buckets && sameBuckets ? u.buckets.map((b, k) => b + a.buckets![k]) : null;
}

function unitResult(unit: string, u: UnitAcc, target: number, settings: Settings): UnitResult {
  // A unit whose patient rows are all outside the base (only PvV, say) has counts of 0, not none.
  const counted = u.total > 0 || (u.outsideWaits !== null && u.outside > 0);
  const share = u.total > 0 ? u.within / u.total : u.readyShare;
  return {
    unit,
    unitId: u.id,
    allCount: u.outsideWaits && u.waits ? u.total + u.outside : null,
    allMedian: u.outsideWaits && u.waits ? allWaits(u.waits, u.outsideWaits).median() : null,
    total: counted ? u.total : null,
    withinLimit: counted ? u.within : null,
    share,
    overLimit: counted ? u.total - u.within : null,
    over365: counted ? u.over365 : null,
    buckets: counted ? u.buckets : null,
    medianWait: u.waits ? u.waits.median() : null,
    rating: rate(achievement(share, target), settings.thresholds),
    ...(u.suppressed && !counted && share === null ? { suppressed: true } : {}),
  };
}

/** The base's waits and the others' together. */
function allWaits(base: WaitCounts, outside: WaitCounts): WaitCounts {
  const all = new WaitCounts();
  all.addAll(base);
  all.addAll(outside);
  return all;
}

/** Share as a share of the target; a target of 0 is met by any measured share. */
export function achievement(share: number | null, target: number): number | null {
  if (share === null) return null;
  return target > 0 ? share / target : 1;
}

function finish(acc: MeasureAcc, settings: Settings, names: (id: string) => string | undefined, period: Period | undefined): MeasureResult {
  const { limitDays, target } = settings.measures[acc.measure];
  const pooled: UnitAcc = newUnit(REGION, null, acc.bounds.length + 1);
  const labels = unitLabels(acc, names);
  const units: UnitResult[] = [];
  for (const [key, u] of acc.units) {
    units.push(unitResult(labels.get(key)!, u, target, settings));
    pooled.outside += u.outside;
    if (u.outsideWaits && pooled.outsideWaits) pooled.outsideWaits.addAll(u.outsideWaits);
    else pooled.outsideWaits = null;
    if (u.total === 0) continue;
    pooled.total += u.total;
    pooled.within += u.within;
    pooled.over365 = pooled.over365 !== null && u.over365 !== null ? pooled.over365 + u.over365 : null;
    pooled.buckets = pooled.buckets && u.buckets ? pooled.buckets.map((b, k) => b + u.buckets![k]) : null;
    if (u.waits && pooled.waits) pooled.waits.addAll(u.waits);
    else pooled.waits = null;
  }
  units.sort(byShareAscending);
  const shares = units.map((u) => u.share).filter((s): s is number => s !== null);
  const overTotal = pooled.total - pooled.within;
  const overLimitBy: MeasureResult["overLimitBy"] = [];
  if (acc.hasSpecialty) overLimitBy.push({ dimension: "specialty", groups: groupShares(acc.overBySpecialty, overTotal) });
  if (acc.hasProfession) overLimitBy.push({ dimension: "profession", groups: groupShares(acc.overByProfession, overTotal) });
  return {
    measure: acc.measure,
    basis: acc.basis,
    limitDays,
    target,
    units,
    region: unitResult(REGION, pooled, target, settings),
    meanOfUnits: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
    overLimitBy,
    excluded: (Object.keys(settings.exclusions[acc.basis]) as ExceptionCode[]).filter((c) => settings.exclusions[acc.basis][c]),
    bucketBounds: [...acc.bounds],
    ...(period ? { period } : {}),
    sheets: [...acc.sheets],
  };
}

/**
 * Each unit's label: its name, else the code table's or the settings' name for its id, else the id.
 * Two ids under one name (two units of one hospital) keep their ids beside the name, so that no
 * two rows of a table look the same.
 */
function unitLabels(acc: MeasureAcc, names: (id: string) => string | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  const count = new Map<string, number>();
  for (const [key, u] of acc.units) {
    const label = u.id !== null && u.label === u.id ? (names(u.id) ?? u.id) : u.label;
    labels.set(key, label);
    count.set(label, (count.get(label) ?? 0) + 1);
  }
  for (const [key, u] of acc.units) {
    const label = labels.get(key)!;
    if (count.get(label)! > 1 && u.id !== null && u.id !== label) labels.set(key, `${label} (${u.id})`);
  }
  return labels;
}

const collator = new Intl.Collator("sv");

/** Ascending by share as in the committee's slides; units without a share last, then by name. */
export function byShareAscending(a: { unit: string; share: number | null }, b: { unit: string; share: number | null }): number {
  if (a.share === null || b.share === null) {
    if (a.share !== b.share) return a.share === null ? 1 : -1;
  } else if (a.share !== b.share) return a.share - b.share;
  return collator.compare(a.unit, b.unit);
}

/** Largest first; on a tie the rows that do not say come before named groups, as "(uppgift saknas)" sorted. */
function groupShares(counts: Map<string | null, number>, total: number): GroupShare[] {
  return [...counts]
    .map(([group, count]) => ({ group, count, share: total > 0 ? count / total : 0 }))
    .sort((a, b) => b.count - a.count || byGroupName(a.group, b.group));
}

const byGroupName = (a: string | null, b: string | null): number =>
  a === null || b === null ? (a === b ? 0 : a === null ? -1 : 1) : collator.compare(a, b);
