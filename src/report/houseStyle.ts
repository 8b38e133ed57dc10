import type { Rating } from "../model/ratings";
import type { Results, SourceSummary } from "../domain/results";
import type { Settings } from "../model/settings";
import type { PlanBuilder } from "./planBuilder";
import { chartRows, FONT, RATING_FILL } from "./style";
import type { ChartSpec } from "./plan";
import type { Texts } from "./i18n";
import type { Lang } from "../model/lang";
import { noteText } from "./reasons";

/**
 * The parts every summary tab shares, so that "Vårdgaranti", "Måluppfyllelse" and "Uppdrag" look
 * alike: the title with the measurement date, the colour legend, and the sources footnote.
 */
export function tabTitle(b: PlanBuilder, title: string, results: Results, t: Texts): void {
  b.title(title);
  b.line(measuredLine(results, t));
  b.blank();
}

export function measuredLine(results: Results, t: Texts): string {
  if (!results.measurementDate || !results.measurementDateSource) return t.noMeasuredDate;
  return `${t.measuredOn} ${results.measurementDate} (${t.measuredSource[results.measurementDateSource]})`;
}

const RATINGS: readonly Rating[] = ["green", "yellow", "red", "grey"];

/** The legend: one line per colour, its first cell filled with the colour. */
export function ratingLegend(b: PlanBuilder, title: string, words: Record<Rating, string>): void {
  b.line(title, FONT.header);
  for (const r of RATINGS) {
    const row = b.nextRow;
    b.line(words[r]);
    b.fill(row, 0, RATING_FILL[r]);
  }
}

/** The thresholds in words, e.g. "Målet uppfylls delvis: 80–99 % av målvärdet". */
export function thresholdWords(settings: Settings, t: Texts, grey?: string): Record<Rating, string> {
  const words = t.legendText(Math.round(settings.thresholds.green * 100), Math.round(settings.thresholds.yellow * 100));
  return grey === undefined ? words : { ...words, grey };
}

/** Every source sheet of the given kinds with its row counts and its note, as notes. */
export function sourcesFootnote(b: PlanBuilder, sources: readonly SourceSummary[], t: Texts, lang: Lang): void {
  b.line(`${t.sourcesLine}:`, FONT.note);
  for (const s of sources) {
    b.line(
      t.sourceLine(
        s.sheet,
        s.headerRow,
        t.num.integer(s.rowsRead),
        t.num.integer(s.rowsUsed),
        t.num.integer(s.rowsExcluded),
        t.num.integer(s.rowsRejected),
      ) + ` – ${noteText(s.note, lang)}`,
      FONT.note,
    );
  }
}

/** "januari 2024" from the measurement date, as the committee titles its charts; "" when unknown. */
export function periodName(results: Results, t: Texts): string {
  const d = results.measurementDate;
  if (!d) return "";
  return `${t.months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** Charts in one column to the right of the tables, each at its table's heading, never overlapping. */
export function besideTables(charts: ChartSpec[], col: number): ChartSpec[] {
  let free = 0;
  return charts.map((c) => {
    const row = Math.max(c.anchor[0], free);
    free = row + chartRows(c.size.height);
    return { ...c, anchor: [row, col] };
  });
}
