import type { Rating } from "../model/ratings";
import type { Thresholds } from "../model/settings";

/**
 * Rate an achievement (outcome as a share of target) on its unrounded value:
 * 0.7996 is red even though it shows as "80 %". null means not measured → grey.
 */
export function rate(achievement: number | null, t: Thresholds): Rating {
  if (achievement === null || Number.isNaN(achievement)) return "grey";
  if (achievement >= t.green) return "green";
  if (achievement >= t.yellow) return "yellow";
  return "red";
}
