import type { AggregateRecord, PatientRecord } from "../ingest/records";
import type { Basis, MeasureId } from "../model/measures";
import { MEASURES } from "../model/measures";
import type { DaySerial } from "../model/days";
import type { ExceptionCode } from "../model/measures";
import type { Settings } from "../model/settings";
import type { ReasonCode } from "../model/reasons";
import type { GroupShare, MeasureResult, UnitResult } from "./results";
import { rate } from "./rating";
import { WaitCounts, bucketIndex, waitDays, withinLimit } from "./days";

/** What became of one patient row once the measurement date and the rules are known. */
export type RowFate =
  { kind: "used" } | { kind: "excluded"; reason: ReasonCode } | { kind: "rejected"; field: "start" | "visit"; reason: ReasonCode };

const CODE_REASON: Record<ExceptionCode, ReasonCode> = { PvV: "exceptionPvV", MoV: "exceptionMoV", SoV: "exceptionSoV" };
// One shared object per fate: a fate per row of a million-row extract must not allocate.
const USED: RowFate = { kind: "used" };
const NOT_COVERED: RowFate = { kind: "excluded", reason: "notCovered" };
const START_AFTER_MEASURED: RowFate = { kind: "rejected", field: "start", reason: "startAfterMeasured" };
const CODE_FATE = Object.fromEntries(Object.entries(CODE_REASON).map(([c, reason]) => [c, { kind: "excluded", reason }])) as Record<
  ExceptionCode,
  RowFate
>;
export const REGION = "Region";

/** One unit's running counts; pooled sums for the region are the same shape. */
interface UnitAcc {
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
}

const newUnit = (): UnitAcc => ({
  total: 0,
  within: 0,
  over365: 0,
  buckets: [0, 0, 0, 0, 0, 0],
  waits: new WaitCounts(),
  readyShare: null,
  suppressed: false,
});

/** Accumulators per measure and basis, in report order: index = 2 × measure + (completed ? 1 : 0). */
type MeasureAccs = (MeasureAcc | undefined)[];
const MEASURE_INDEX = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<MeasureId, number>;

function measureAcc(accs: MeasureAccs, measure: MeasureId, basis: Basis): MeasureAcc {
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
  });
}

function unitAcc(acc: MeasureAcc, unit: string): UnitAcc {
  let u = acc.units.get(unit);
  if (!u) acc.units.set(unit, (u = newUnit()));
  return u;
}

const bump = (m: Map<string | null, number>, key: string | null) => m.set(key, (m.get(key) ?? 0) + 1);

/**
 * Care-guarantee compliance per measure and basis. A patient is on the completed basis when the
 * visit happened on or before the measurement date, else still waiting on that date. The region
 * row is pooled over patients; the unweighted mean of units is only an extra figure.
 */
export function computeCareGuarantee(
  patients: readonly PatientRecord[],
  aggregates: readonly AggregateRecord[],
  measured: DaySerial,
  settings: Settings,
): { measures: MeasureResult[]; fates: RowFate[] } {
  const accs: MeasureAccs = [];
  const fates: RowFate[] = new Array(patients.length);
  let lastSheet = "";
  for (let i = 0; i < patients.length; i++) {
    const p = patients[i];
    if (p.start !== null && p.start > measured) {
      fates[i] = START_AFTER_MEASURED;
      continue;
    }
    const basis: Basis = p.visit !== null && p.visit <= measured ? "completed" : "waiting";
    if (settings.requireGuarantee && !p.covered) {
      fates[i] = NOT_COVERED;
      continue;
    }
    if (p.code !== null && settings.exclusions[basis][p.code]) {
      fates[i] = CODE_FATE[p.code];
      continue;
    }
    const days = p.start === null ? p.givenWaitDays! : waitDays(p.start, basis === "completed" ? p.visit! : measured);
    const limit = settings.measures[p.measure].limitDays;
    const acc = measureAcc(accs, p.measure, basis);
    if (p.sheet !== lastSheet) acc.sheets.add((lastSheet = p.sheet));
    const u = unitAcc(acc, p.unit);
    u.total++;
    u.waits?.add(days);
    if (u.buckets) u.buckets[bucketIndex(days)]++;
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
  for (const a of aggregates) addAggregate(measureAcc(accs, a.measure, a.basis), a);

  const measures = accs.filter((a): a is MeasureAcc => a !== undefined).map((a) => finish(a, settings));
  return { measures, fates };
}

function addAggregate(acc: MeasureAcc, a: AggregateRecord): void {
  acc.sheets.add(a.sheet);
  const u = unitAcc(acc, a.unit);
  // Aggregates carry no individual waits; buckets and over-365 only when the extract gives them.
  u.waits = null;
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
  u.buckets = u.buckets && a.buckets ? u.buckets.map((b, k) => b + a.buckets![k]) : null;
}

function unitResult(unit: string, u: UnitAcc, target: number, settings: Settings): UnitResult {
  const counted = u.total > 0;
  const share = counted ? u.within / u.total : u.readyShare;
  return {
    unit,
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

/** Share as a share of the target; a target of 0 is met by any measured share. */
export function achievement(share: number | null, target: number): number | null {
  if (share === null) return null;
  return target > 0 ? share / target : 1;
}

function finish(acc: MeasureAcc, settings: Settings): MeasureResult {
  const { limitDays, target } = settings.measures[acc.measure];
  const pooled: UnitAcc = newUnit();
  const units: UnitResult[] = [];
  for (const [name, u] of acc.units) {
    units.push(unitResult(name, u, target, settings));
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
    sheets: [...acc.sheets],
  };
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
