import type { AssignmentRecord, IndicatorRecord } from "../ingest/records";
import type { DaySerial } from "../model/days";
import { isoFromSerial } from "../model/days";
import type { AssignmentResult, GoalResult, IndicatorResult, RatingCounts } from "./results";
import type { Direction } from "../model/ratings";
import type { RollUpRule, Settings, Thresholds } from "../model/settings";
import { type Rating } from "../model/ratings";
import { rate } from "./rating";
import { trendOf } from "./history";

/** An indicator's outcome in the previous period, by goal and indicator name, from the history. */
export type PreviousOutcome = (goal: string, indicator: string) => number | null;

/**
 * Outcome as a share of the target: outcome / target when higher is better, target / outcome when
 * lower is better. A lower-is-better outcome of 0 has met any target (the ratio is unbounded;
 * it counts as exactly 1). null when either value is missing, or the ratio has no finite value.
 */
export function achievementOf(outcome: number | null, target: number | null, direction: Direction): number | null {
  if (outcome === null || target === null) return null;
  if (direction === "lower" && outcome === 0) return 1;
  const ratio = direction === "higher" ? outcome / target : target / outcome;
  // A divisor of 0, or one so near 0 that the ratio overflows (a target of 5e-324): no share to rate.
  return Number.isFinite(ratio) ? ratio : null;
}

/**
 * "Reach X or improve by Y on the previous period": the better of the two achievements. The
 * improvement target is previous + Y (higher is better) or previous − Y (lower is better).
 */
export function bestAchievement(
  rec: Pick<IndicatorRecord, "outcome" | "target" | "previous" | "improveBy">,
  direction: Direction,
): number | null {
  const outcome = rec.outcome?.value ?? null;
  const reach = achievementOf(outcome, rec.target?.value ?? null, direction);
  if (rec.previous === null || rec.improveBy === null || outcome === null) return reach;
  const improved = direction === "higher" ? rec.previous.value + rec.improveBy : rec.previous.value - rec.improveBy;
  const byImproving =
    direction === "higher" ? (improved > 0 ? outcome / improved : null) : improved >= 0 ? achievementOf(outcome, improved, "lower") : null;
  if (byImproving === null) return reach;
  return reach === null ? byImproving : Math.max(reach, byImproving);
}

/** Thresholds for one indicator: its settings, else the sheet's columns, else the global ones. */
function thresholdsFor(rec: IndicatorRecord, settings: Settings): Thresholds {
  const own = settings.indicators[rec.indicator];
  return {
    green: own?.green ?? rec.greenFrom ?? settings.thresholds.green,
    yellow: own?.yellow ?? rec.yellowFrom ?? settings.thresholds.yellow,
  };
}

export function rateIndicator(given: IndicatorRecord, settings: Settings, earlier: PreviousOutcome = () => null): IndicatorResult {
  // The sheet's own previous outcome wins; else the history's, on the same scale as the target.
  const fromHistory = given.previous === null ? earlier(given.goal, given.indicator) : null;
  const scale = given.target ?? given.outcome;
  const rec: IndicatorRecord =
    fromHistory === null
      ? given
      : { ...given, previous: { value: fromHistory, percent: scale?.percent ?? false, decimals: scale?.decimals ?? 0 } };
  const direction = settings.indicators[rec.indicator]?.direction ?? rec.direction ?? "higher";
  const thresholds = thresholdsFor(rec, settings);
  const achievement = bestAchievement(rec, direction);
  const shown = rec.target ?? rec.outcome ?? rec.previous;
  return {
    goal: rec.goal,
    indicator: rec.indicator,
    target: rec.target?.value ?? null,
    outcome: rec.outcome?.value ?? null,
    direction,
    achievement,
    rating: rate(achievement, thresholds),
    percent: shown?.percent ?? false,
    decimals: Math.max(rec.target?.decimals ?? 0, rec.outcome?.decimals ?? 0),
    previousOutcome: rec.previous?.value ?? null,
    ...(rec.previous ? { previousFrom: fromHistory === null ? ("sheet" as const) : ("history" as const) } : {}),
    ...trendOf(rec.outcome?.value ?? null, rec.previous?.value ?? null),
    improveBy: rec.improveBy,
    thresholds,
    unitOfMeasure: rec.unitOfMeasure,
    period: rec.period,
    comment: rec.comment,
    sheet: rec.sheet,
    row: rec.row,
  };
}

const RANK: Record<Exclude<Rating, "grey">, number> = { red: 0, yellow: 1, green: 2 };

export const countRatings = (ratings: readonly Rating[]): RatingCounts => {
  const counts: RatingCounts = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const r of ratings) counts[r]++;
  return counts;
};

/** A goal's rating from its indicators by the chosen rule; no measured indicator → grey (not assessed). */
export function rollUp(
  indicators: readonly Pick<IndicatorResult, "rating" | "achievement">[],
  rule: RollUpRule,
  thresholds: Thresholds,
): Rating {
  const measured = indicators.filter((i) => i.rating !== "grey");
  if (measured.length === 0) return "grey";
  const ratings = measured.map((i) => i.rating as Exclude<Rating, "grey">);
  switch (rule) {
    case "committee":
      if (ratings.every((r) => r === "green")) return "green";
      if (ratings.every((r) => r === "red")) return "red";
      return "yellow";
    case "worst":
      return ratings.reduce((w, r) => (RANK[r] < RANK[w] ? r : w));
    case "shareGreen":
      return rate(ratings.filter((r) => r === "green").length / ratings.length, thresholds);
    case "meanAchievement":
      return rate(measured.reduce((sum, i) => sum + (i.achievement ?? 0), 0) / measured.length, thresholds);
  }
}

/** Every indicator rated, and every goal (in the sheets' order) rolled up. */
export function computeGoals(
  goalOrder: readonly { sheet: string; goal: string }[],
  records: readonly IndicatorRecord[],
  settings: Settings,
  earlier: PreviousOutcome = () => null,
): { indicators: IndicatorResult[]; goals: GoalResult[] } {
  const indicators = records.map((r) => rateIndicator(r, settings, earlier));
  const goals = goalOrder.map(({ sheet, goal }) => {
    const own = indicators.filter((i) => i.sheet === sheet && i.goal === goal);
    return { goal, rating: rollUp(own, settings.rollUp, settings.thresholds), counts: countRatings(own.map((i) => i.rating)), sheet };
  });
  return { indicators, goals };
}

/**
 * An assignment's colour from its status text (settings.assignmentStatus); "Ej påbörjad" is grey
 * until its end date has passed on the measurement date, then red.
 */
export function rateAssignment(rec: AssignmentRecord, measured: DaySerial | null): AssignmentResult {
  const overdue = rec.endDate !== null && measured !== null && rec.endDate < measured;
  const rating: Rating = rec.statusRating === "greyUntilEnd" ? (overdue ? "red" : "grey") : rec.statusRating;
  return {
    assignment: rec.assignment,
    status: rec.status,
    endDate: rec.endDate === null ? null : isoFromSerial(rec.endDate),
    rating,
    comment: rec.comment,
    owner: rec.owner,
    sheet: rec.sheet,
    row: rec.row,
  };
}
