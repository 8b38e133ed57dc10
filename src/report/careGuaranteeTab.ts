import type { Cell } from "../model/cells";
import type { MeasureId } from "../model/measures";
import type { MeasureResult, Results, UnitResult } from "../domain/results";
import type { Settings } from "../model/settings";
import type { Rating } from "../model/ratings";
import { byShareAscending } from "../domain/careGuarantee";
import { type Column, PlanBuilder, type RowStyle } from "./planBuilder";
import type { ChartSpec, SheetPlan } from "./plan";
import { barChartSize, FONT, NEUTRAL_BAR, RATING_FILL, REGION_BAR, TARGET_LINE } from "./style";
import { besideTables, periodName, ratingLegend, sourcesFootnote, tabTitle, thresholdWords } from "./houseStyle";
import { CHANGE_FORMATS, NUMBER_FORMATS } from "./format";
import { TEXT, type Texts } from "./i18n";
import { groupText } from "./reasons";
import { type Lang } from "../model/lang";
import { type SlideNotes, slideNotes } from "./deckTexts";

export const CARE_GUARANTEE_MARKER = "malkoll:careGuarantee";

/** Indicator and assignment sheets are the other tabs' sources. */
const PLAN_KINDS: readonly string[] = ["indicatorList", "assignmentList"];

/** SoV is a BUP code: other measures' headings say "exkl. PvV/MoV" as the regions' reports do. */
const BUP: readonly MeasureId[] = ["bupFirst", "bupTreatment"];
export function excludedCodes(m: Pick<MeasureResult, "measure" | "excluded">): string[] {
  return m.excluded.filter((c) => c !== "SoV" || BUP.includes(m.measure));
}

/** The "Vårdgaranti" tab: one table per measure, units ascending by share, region row placed by its share. */
export function careGuaranteePlan(results: Results, settings: Settings, lang: Lang): SheetPlan {
  const t = TEXT[lang];
  const notes = slideNotes(results, t.careGuaranteeTab, lang);
  const unique = (xs: string[]) => [...new Set(xs)];
  const b = new PlanBuilder(
    notes,
    notes.footnote(unique(results.careGuarantee.flatMap((m) => m.sheets)), unique(results.careGuarantee.flatMap(excludedCodes))),
  );
  tabTitle(b, t.careGuaranteeTitle, results, t);
  const period = periodName(results, t);
  const charts = results.careGuarantee.flatMap((m) => measureBlock(b, m, settings, t, period, notes, lang));
  ratingLegend(b, t.legend, thresholdWords(settings, t));
  b.blank();
  footnote(b, results, settings, t, lang);
  return b.build(t.careGuaranteeTab, CARE_GUARANTEE_MARKER, besideTables(charts, b.width + 1));
}

function ratingText(u: UnitResult, t: Texts): string {
  return u.suppressed ? t.suppressed : t.rating[u.rating];
}

export function measureHeading(m: MeasureResult, t: Texts): string {
  return `${t.measure[m.measure]} – ${t.basisShare[m.basis]} ${t.within(m.limitDays).toLowerCase()} (${t.exclusive(excludedCodes(m))})`;
}

/** The committee's headline in words: share now and its change, the total, over the limit and over 365. */
export function headline(m: MeasureResult, t: Texts, lang: Lang): string[] {
  const r = m.region;
  const c = m.previousDate ? r.change : undefined;
  const signed = (n: number | null | undefined) => (n === null || n === undefined ? null : t.num.signedInteger(n));
  const lines = [
    t.headShare(
      m.limitDays,
      r.share === null ? "–" : t.num.percent(r.share),
      c?.sharePoints == null ? null : t.num.points(c.sharePoints, t.points),
      m.previousDate ?? null,
    ),
    // The base, labelled as the regions' reports do ("Totalt antal väntande (exkl. PvV/MoV)"), beside the national count below.
    t.headTotal(m.basis === "waiting", r.total === null ? "–" : t.num.integer(r.total), signed(c?.total), t.exclusive(excludedCodes(m))),
  ];
  if (r.allCount != null)
    lines.push(
      t.headAll(
        m.basis === "waiting",
        t.num.integer(r.allCount),
        r.allMedian == null ? "–" : t.num.number(r.allMedian, Number.isInteger(r.allMedian) ? 0 : 1),
      ),
    );
  if (m.period) lines.push(t.headPeriod(m.period.from, m.period.to, m.period.kind));
  if (r.overLimit !== null) lines.push(t.headOver(m.limitDays, t.num.integer(r.overLimit), signed(c?.overLimit)));
  if (r.over365 !== null && m.limitDays < 365) lines.push(t.headOver(365, t.num.integer(r.over365), signed(c?.over365)));
  for (const by of m.overLimitBy) {
    const top = by.groups
      .filter((g) => g.count > 0)
      .slice(0, 3)
      .map((g) => `${groupText(g.group, lang)} ${t.num.percent(g.share, 0)}`);
    if (top.length) lines.push(t.headLargest(m.limitDays, t.overBy[by.dimension], top.join(", ")));
  }
  return lines;
}

/** A measure's heading, headline, table and breakdowns; returns its charts (anchored at the heading row). */
function measureBlock(
  b: PlanBuilder,
  m: MeasureResult,
  settings: Settings,
  t: Texts,
  period: string,
  notes: SlideNotes,
  lang: Lang,
): ChartSpec[] {
  const headingRow = b.nextRow;
  // The measure's table and its breakdowns: its own sheets and exclusions.
  b.from(notes.footnote(m.sheets, excludedCodes(m)));
  b.heading(measureHeading(m, t));
  for (const line of headline(m, t, lang)) b.line(line);
  const changes = m.previousDate !== undefined;
  const all = m.region.allCount != null;
  const waiting = m.basis === "waiting";
  const columns: Column[] = [
    { header: t.unit, width: 34 },
    { header: m.basis === "waiting" ? t.waiting : t.completed, format: NUMBER_FORMATS.count, width: 11 },
    { header: t.within(m.limitDays), format: NUMBER_FORMATS.count, width: 13 },
    { header: t.shareWithin(m.limitDays), format: NUMBER_FORMATS.share, width: 18 },
    { header: t.over(m.limitDays), format: NUMBER_FORMATS.count, width: 13 },
    { header: t.over365, format: NUMBER_FORMATS.count, width: 14 },
    { header: t.median, format: NUMBER_FORMATS.days, width: 14 },
    // The national statistics' own count and median, over every row of the period (patient lists only).
    ...(all
      ? [
          { header: t.allCount(waiting), format: NUMBER_FORMATS.count, width: 14, onSlides: false },
          { header: t.allMedian, format: NUMBER_FORMATS.days, width: 18, onSlides: false },
        ]
      : []),
    { header: t.ratingHeader, width: 24 },
    // Change since the previous period, only when there is one.
    ...(changes
      ? [
          { header: t.changeShare, format: CHANGE_FORMATS.points, width: 16 },
          { header: t.changeTotal, format: CHANGE_FORMATS.count, width: 12 },
          { header: t.changeOver(m.limitDays), format: CHANGE_FORMATS.count, width: 14 },
          { header: t.changeOver365, format: CHANGE_FORMATS.count, width: 14 },
        ]
      : []),
  ];
  const SHARE_COL = 3;
  const rows = withRegionPlaced(m.units, m.region);
  const changeCells = (u: UnitResult): Cell[] => {
    if (!changes) return [];
    // A unit with no row in the previous period is new: said in words, never compared with another unit.
    if (!u.change) return [t.newUnit, null, null, null];
    return [u.change.sharePoints, u.change.total, u.change.overLimit, u.change.over365];
  };
  const body: Cell[][] = rows.map(({ row, isRegion }) => [
    isRegion ? t.region : row.unit,
    row.total,
    row.withinLimit,
    row.share,
    row.overLimit,
    row.over365,
    row.medianWait,
    ...(all ? [row.allCount ?? null, row.allMedian ?? null] : []),
    ratingText(row, t),
    ...changeCells(row),
  ]);
  const styles: RowStyle[] = rows.map(({ row, isRegion }) => ({
    font: isRegion ? FONT.region : undefined,
    fills: { [SHARE_COL]: RATING_FILL[row.rating as Rating] },
  }));
  const { firstBodyRow } = b.table(columns, body, styles);
  const lastBodyRow = firstBodyRow + rows.length - 1;
  const charts: ChartSpec[] = [
    {
      kind: "bar",
      title: t.chartCareTitle(t.measure[m.measure], period),
      categories: [firstBodyRow, 0, lastBodyRow, 0],
      series: [
        {
          name: t.shareWithin(m.limitDays),
          values: [firstBodyRow, SHARE_COL, lastBodyRow, SHARE_COL],
          // Bars in their rating's colour; the region's bar set apart, as in the committee's slides.
          pointColors: rows.map(({ row, isRegion }) => (isRegion ? REGION_BAR : RATING_FILL[row.rating])),
        },
      ],
      valueAxis: { min: 0, max: 1, format: "0%" },
      referenceLine: { value: m.target, label: t.targetLabel(t.num.percent(m.target, 0)), color: TARGET_LINE },
      anchor: [headingRow, 0],
      size: barChartSize(rows.length),
    },
  ];
  if (settings.showMeanOfUnits && m.meanOfUnits !== null) {
    // A comparison figure only: no rating fill, so nobody reads it as the region's result.
    b.row([t.meanOfUnits, null, null, m.meanOfUnits], { font: { italic: true }, formats: { [SHARE_COL]: NUMBER_FORMATS.share } });
  }
  if (m.goneUnits?.length && m.previousDate) {
    const gone = m.goneUnits.map(
      (g) =>
        `${g.unit} (${g.previous.share === null ? "–" : t.num.percent(g.previous.share)}, ${g.previous.total === null ? "–" : t.num.integer(g.previous.total)})`,
    );
    b.line(t.goneUnits(m.previousDate, gone.join("; ")), FONT.note);
  }
  for (const by of m.overLimitBy) {
    b.blank();
    const at = b.nextRow;
    b.line(t.overByTitle(m.limitDays, t.overBy[by.dimension]), FONT.header);
    const table = b.table(
      [
        { header: t.overBy[by.dimension].replace(/^./, (c) => c.toUpperCase()) },
        { header: t.count, format: NUMBER_FORMATS.count },
        { header: t.share, format: NUMBER_FORMATS.share },
      ],
      by.groups.map((g) => [groupText(g.group, lang), g.count, g.share]),
    );
    const last = table.firstBodyRow + by.groups.length - 1;
    if (by.groups.length) {
      charts.push({
        kind: "bar",
        title: t.chartOverTitle(m.limitDays, t.overBy[by.dimension], period),
        categories: [table.firstBodyRow, 0, last, 0],
        series: [{ name: t.share, values: [table.firstBodyRow, 2, last, 2], color: NEUTRAL_BAR }],
        valueAxis: { min: 0, format: "0%" },
        anchor: [at, 0],
        size: barChartSize(by.groups.length),
      });
    }
  }
  b.blank();
  return charts;
}

/** Units ascending by share with the region row among them, placed by its own share (after ties). */
export function withRegionPlaced(units: readonly UnitResult[], region: UnitResult): { row: UnitResult; isRegion: boolean }[] {
  const out = units.map((row) => ({ row, isRegion: false }));
  let at = out.findIndex(({ row }) => byShareAscending({ unit: "\uffff", share: region.share }, row) < 0);
  if (at < 0) at = out.length;
  out.splice(at, 0, { row: region, isRegion: true });
  return out;
}

function footnote(b: PlanBuilder, results: Results, settings: Settings, t: Texts, lang: Lang): void {
  b.line(t.poolNote, FONT.note);
  const limits = results.careGuarantee
    .filter((m, i, all) => all.findIndex((o) => o.measure === m.measure) === i)
    .map((m) => `${t.measure[m.measure].toLowerCase()} ${m.limitDays} ${t.days} (${t.target} ${Math.round(m.target * 1000) / 10} %)`);
  if (limits.length) b.line(`${t.limitsAndTargets}: ${limits.join("; ")}.`, FONT.note);
  const codes = (basis: "waiting" | "completed") => {
    const on = Object.entries(settings.exclusions[basis])
      .filter(([, v]) => v)
      .map(([k]) => k);
    return on.length ? on.join(", ") : "–";
  };
  b.line(`${t.settingsLine}: ${t.exclusionsLine(codes("waiting"), codes("completed"))}.`, FONT.note);
  if (settings.requireGuarantee) b.line(t.guaranteeLine, FONT.note);
  sourcesFootnote(
    b,
    results.sources.filter((s) => !PLAN_KINDS.includes(s.kind)),
    t,
    lang,
  );
}
