import type { Rating } from "../model/ratings";
import type { FontStyle } from "./plan";

/** One house style for every summary tab: colours readable on a projected slide. */
export const RATING_FILL: Record<Rating, string> = {
  green: "63BE7B",
  yellow: "FFEB84",
  red: "F8696B",
  grey: "D9D9D9",
};
export const HEADER_FILL = "DDEBF7";
export const FONT = {
  title: { bold: true, size: 14 } as FontStyle,
  heading: { bold: true, size: 12 } as FontStyle,
  header: { bold: true } as FontStyle,
  region: { bold: true } as FontStyle,
  note: { italic: true, size: 9, color: "595959" } as FontStyle,
};

/** The region's bar among the units': the committee's slides set it apart in dark blue. */
export const REGION_BAR = "1F4E79";
/** Neutral bars (shares of a total, not ratings) and the target line. */
export const NEUTRAL_BAR = "5B9BD5";
export const TARGET_LINE = "C00000";
/** Charts sized to paste into a 16:9 slide (720 × 405 pt) with room for a title and a footnote. */
export const CHART_SIZE = { width: 640, height: 340 } as const;
/**
 * Rows a chart of the given height covers, plus a gap. Rows are 15 pt in Excel but 12.8 pt in
 * LibreOffice: count with the shorter ones, so charts stacked beside the tables never overlap.
 */
export const chartRows = (heightPt: number): number => Math.ceil(heightPt / 12.75) + 2;

/** A bar chart tall enough that every unit keeps its label (about 14 pt a bar), at least slide height. */
export const barChartSize = (bars: number): { width: number; height: number } => ({
  width: CHART_SIZE.width,
  height: Math.min(900, Math.max(CHART_SIZE.height, 14 * bars + 110)),
});
