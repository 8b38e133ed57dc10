import type { Cell } from "../model/cells";
import type { GoalResult, IndicatorResult, Results } from "../domain/results";
import type { Settings } from "../model/settings";
import type { Rating } from "../model/ratings";
import { type Column, PlanBuilder, type RowStyle } from "./planBuilder";
import type { ChartSpec, SheetPlan } from "./plan";
import { barChartSize, FONT, RATING_FILL } from "./style";
import { CHANGE_FORMATS, NUMBER_FORMATS, signedFormat, valueFormat } from "./format";
import { besideTables, periodName, ratingLegend, sourcesFootnote, tabTitle, thresholdWords } from "./houseStyle";
import { TEXT, type Texts } from "./i18n";
import { type Lang } from "../model/lang";
import { slideNotes } from "./deckTexts";

export const GOALS_MARKER = "malkoll:goals";
const RATINGS: readonly Rating[] = ["green", "yellow", "red", "grey"];

/**
 * The "Måluppfyllelse" tab: one block per goal in the sheet's order — the goal's roll-up and its
 * counts per colour, then its indicators with target, outcome, share of target and rating.
 */
export function goalsPlan(results: Results, settings: Settings, lang: Lang): SheetPlan {
  const t = TEXT[lang];
  const notes = slideNotes(results, t.goalsTab, lang);
  const b = new PlanBuilder(notes, notes.footnote(results.sources.filter((s) => s.kind === "indicatorList").map((s) => s.sheet)));
  tabTitle(b, t.goalsTitle, results, t);
  const withPrevious = results.indicators.some((i) => i.previousOutcome !== null);
  const withChange = results.indicators.some((i) => i.change !== undefined && i.change !== null);
  const columns: Column[] = [
    { header: t.goal, width: 30 },
    { header: t.indicator, width: 56 },
    { header: t.direction, width: 16 },
    { header: t.targetValue, width: 12 },
    { header: t.outcome, width: 12 },
    ...(withPrevious ? [{ header: t.previousOutcome, width: 18 }] : []),
    ...(withChange
      ? [
          { header: t.change, width: 14 },
          { header: t.trendHeader, width: 7 },
        ]
      : []),
    { header: t.achievement, format: "0%", width: 19 },
    { header: t.ratingHeader, width: 22 },
    ...RATINGS.map((r) => ({ header: t.countHeaders[r], format: NUMBER_FORMATS.count, width: 9 })),
  ];
  const at = (name: string) => columns.findIndex((c) => c.header === name);
  const RATING_COL = at(t.ratingHeader);
  const body: Cell[][] = [];
  const styles: RowStyle[] = [];
  for (const goal of results.goals) {
    const row: Cell[] = new Array(columns.length).fill(null);
    row[0] = goal.goal;
    row[RATING_COL] = t.goalRating[goal.rating];
    RATINGS.forEach((r, k) => (row[RATING_COL + 1 + k] = goal.counts[r]));
    body.push(row);
    styles.push({ font: FONT.region, fills: { [RATING_COL]: RATING_FILL[goal.rating] } });
    for (const i of indicatorsOf(results, goal)) {
      const cells: Cell[] = new Array(columns.length).fill(null);
      cells[1] = i.improveBy !== null ? `${i.indicator} (${t.orImprove(improveText(i, t))})` : i.indicator;
      cells[2] = t.directions[i.direction];
      cells[3] = i.target;
      cells[4] = i.outcome;
      if (withPrevious) cells[5] = i.previousOutcome;
      const CHANGE_COL = at(t.change);
      if (withChange && i.change != null && i.trend) {
        // Percentages change in percentage points, shown as such; other values in their own unit.
        cells[CHANGE_COL] = i.percent ? i.change * 100 : i.change;
        cells[CHANGE_COL + 1] = t.trendArrow[i.trend];
      }
      cells[at(t.achievement)] = i.achievement;
      cells[RATING_COL] = t.rating[i.rating];
      body.push(cells);
      const f = valueFormat(i.percent, i.decimals);
      const formats: Record<number, string> = { 3: f, 4: f };
      if (withPrevious) formats[5] = f;
      if (withChange) formats[at(t.change)] = i.percent ? CHANGE_FORMATS.points : signedFormat(i.decimals);
      styles.push({ fills: { [RATING_COL]: RATING_FILL[i.rating] }, formats });
    }
  }
  b.table(columns, body, styles);
  b.blank();
  const charts = goalsByColour(b, results, t);
  ratingLegend(b, t.legend, thresholdWords(settings, t, t.goalsLegendGrey));
  b.line(`${t.rollUpTitle}: ${t.rollUpText[settings.rollUp]}`, FONT.note);
  if (
    results.indicators.some((i) => i.thresholds.green !== settings.thresholds.green || i.thresholds.yellow !== settings.thresholds.yellow)
  )
    b.line(t.ownThresholds, FONT.note);
  b.line(t.unroundedNote, FONT.note);
  b.blank();
  sourcesFootnote(
    b,
    results.sources.filter((s) => s.kind === "indicatorList"),
    t,
    lang,
  );
  return b.build(t.goalsTab, GOALS_MARKER, besideTables(charts, b.width + 1));
}

/** A compact table of goals × colours (contiguous, for the chart) and its stacked bar chart. */
function goalsByColour(b: PlanBuilder, results: Results, t: Texts): ChartSpec[] {
  const at = b.nextRow;
  b.line(t.goalsByColour, FONT.header);
  const { firstBodyRow } = b.table(
    [{ header: t.goal }, ...RATINGS.map((r) => ({ header: t.countHeaders[r], format: NUMBER_FORMATS.count }))],
    results.goals.map((g) => [g.goal, ...RATINGS.map((r) => g.counts[r])]),
  );
  b.blank();
  const last = firstBodyRow + results.goals.length - 1;
  return [
    {
      kind: "stackedBar",
      title: t.chartGoalsTitle(periodName(results, t)),
      categories: [firstBodyRow, 0, last, 0],
      series: RATINGS.map((r, k) => ({ name: t.countHeaders[r], values: [firstBodyRow, k + 1, last, k + 1], color: RATING_FILL[r] })),
      anchor: [at, 0],
      size: barChartSize(results.goals.length),
    },
  ];
}

function indicatorsOf(results: Results, goal: GoalResult): IndicatorResult[] {
  return results.indicators.filter((i) => i.sheet === goal.sheet && i.goal === goal.goal);
}

/** "5 %-enheter" for percentages, else the plain amount. */
function improveText(i: IndicatorResult, t: Texts): string {
  const v = i.improveBy ?? 0;
  return i.percent ? `${t.num.number(v * 100, i.decimals)} ${t.points}` : t.num.number(v, i.decimals);
}
