import type { Cell, SheetGrid } from "../model/cells";
import type { Basis, MeasureId } from "../model/measures";
import type { Issue } from "../ingest/records";
import { MEASURES } from "../model/measures";
import { cellText, isBlank } from "../ingest/parse/text";
import { dateAt, type DateParser } from "../ingest/dateSystem";
import { parseNumber } from "../ingest/parse/numbers";
import { isoFromSerial, serialFromIso } from "../model/days";
import { issueAt } from "../ingest/issues";
import type { CareHistoryRow, History, IndicatorHistoryRow, Results } from "../domain/results";
import type { Rating } from "../model/ratings";
import type { ReasonCode } from "../model/reasons";
import { REGION } from "../domain/careGuarantee";
import { PlanBuilder } from "./planBuilder";
import type { ChartSpec, SheetPlan, TableSpec } from "./plan";
import { CHART_SIZE, FONT } from "./style";
import { NUMBER_FORMATS } from "./format";
import { tabTitle } from "./houseStyle";
import { TEXT, type Texts } from "./i18n";
import { type Lang } from "../model/lang";
import { slideNotes } from "./deckTexts";
import { excludedCodes } from "./careGuaranteeTab";

export const HISTORY_MARKER = "malkoll:history";
const TABLE_STYLE = "TableStyleLight9";

const careHeaders = (t: Texts) => [t.measuredOn, t.measureCol, t.basis, t.unit, t.total, t.withinLimit, t.share, t.overLimit, t.over365];
const indicatorHeaders = (t: Texts) => [t.measuredOn, t.goal, t.indicator, t.targetValue, t.outcome, t.achievement, t.ratingHeader];
/** ISO date → an Excel date (serial with a date format), so the table filters and sorts by date. */
const dateCell = (iso: string): Cell => serialFromIso(iso) ?? iso;

/**
 * The "Historik" tab: the region's share per measure over the last 13 months (with a line chart),
 * then every run's figures per measurement date as Excel tables. Later runs read this tab back
 * (parseHistory), add their rows and replace the rows of their own date.
 */
export function historyPlan(results: Results, lang: Lang): SheetPlan {
  const t = TEXT[lang];
  const notes = slideNotes(results, t.historyTab, lang);
  // Every run's figures: the sheets this run used, and the exclusions of its measures.
  const sources = results.sources.filter((s) => s.rowsUsed > 0).map((s) => s.sheet);
  const b = new PlanBuilder(notes, notes.footnote(sources, [...new Set(results.careGuarantee.flatMap(excludedCodes))]));
  tabTitle(b, t.historyTitle, results, t);
  const charts: ChartSpec[] = [];
  if (results.trend.length) {
    b.heading(t.trendTitle);
    const dates = [...new Set(results.trend.flatMap((s) => s.points.map((p) => p.date)))].sort();
    const names = results.trend.map((s) => t.measureBasis(t.measure[s.measure], t.basisName[s.basis]));
    const { firstBodyRow } = b.table(
      [
        { header: t.measuredOn, format: NUMBER_FORMATS.date, width: 12 },
        ...names.map((n) => ({ header: n, format: NUMBER_FORMATS.share, width: 22 })),
      ],
      dates.map((d) => [dateCell(d), ...results.trend.map((s) => s.points.find((p) => p.date === d)?.share ?? null)]),
    );
    const last = firstBodyRow + dates.length - 1;
    charts.push({
      kind: "line",
      title: t.trendTitle,
      categories: [firstBodyRow, 0, last, 0],
      series: names.map((name, k) => ({ name, values: [firstBodyRow, k + 1, last, k + 1] })),
      valueAxis: { min: 0, max: 1, format: "0%" },
      anchor: [firstBodyRow - 1, names.length + 2],
      size: CHART_SIZE,
    });
    b.blank();
  }
  const tables: TableSpec[] = [];
  const history = results.history;
  if (history.care.length) {
    b.heading(t.careHistoryTitle);
    const start = b.nextRow;
    const widths = [12, 34, 12, 34, 10, 12, 10, 12, 14];
    const formats = [
      NUMBER_FORMATS.date,
      undefined,
      undefined,
      undefined,
      NUMBER_FORMATS.count,
      NUMBER_FORMATS.count,
      NUMBER_FORMATS.share,
      NUMBER_FORMATS.count,
      NUMBER_FORMATS.count,
    ];
    b.table(
      careHeaders(t).map((header, j) => ({ header, format: formats[j], width: widths[j] })),
      history.care.map((r) => [
        dateCell(r.date),
        t.measure[r.measure],
        t.basisName[r.basis],
        r.unit === REGION ? t.region : r.unit,
        r.total,
        r.withinLimit,
        r.share,
        r.overLimit,
        r.over365,
      ]),
    );
    tables.push({ name: "Malkoll_Historik", range: [start, 0, b.nextRow - 1, 8], style: TABLE_STYLE });
    b.blank();
  }
  if (history.indicators.length) {
    b.heading(t.indicatorHistoryTitle);
    const start = b.nextRow;
    b.table(
      indicatorHeaders(t).map((header, j) => ({
        header,
        format: j === 0 ? NUMBER_FORMATS.date : j === 5 ? "0%" : undefined,
        width: [12, 30, 44, 12, 12, 14, 20][j],
      })),
      history.indicators.map((r) => [dateCell(r.date), r.goal, r.indicator, r.target, r.outcome, r.achievement, t.rating[r.rating]]),
      history.indicators.map((r) => (r.percent ? { formats: { 3: "0.0%", 4: "0.0%" } } : undefined)),
    );
    tables.push({ name: "Malkoll_Indikatorhistorik", range: [start, 0, b.nextRow - 1, 6], style: TABLE_STYLE });
    b.blank();
  }
  b.line(t.historyNote, FONT.note);
  const plan = b.build(t.historyTab, HISTORY_MARKER, charts);
  return { ...plan, tables };
}

// ---------------------------------------------------------------------------------------------
// Reading the tab back (either language): our own format, so exact headers; rows that do not fit
// are reported, never silently dropped.

const reverse = <K extends string>(pick: (t: Texts) => Record<K, string>): Map<string, K> => {
  const m = new Map<string, K>();
  for (const t of Object.values(TEXT)) for (const [k, v] of Object.entries(pick(t)) as [K, string][]) m.set(v.toLowerCase(), k);
  return m;
};
const MEASURE_BY_NAME = reverse((t) => t.measure);
const BASIS_BY_NAME = reverse((t) => t.basisName);
const RATING_BY_NAME = reverse((t) => t.rating);
const REGION_NAMES = new Set(Object.values(TEXT).map((t) => t.region.toLowerCase()));

const sameRow = (row: readonly Cell[] | undefined, headers: string[]) =>
  !!row && headers.every((h, j) => cellText(row[j] ?? null).trim() === h);
const numberOrNull = (c: Cell | undefined): number | null | undefined => {
  if (c === null || c === undefined || isBlank(c)) return null;
  const p = parseNumber(c);
  return p.ok ? p.value : undefined;
};
const isoOf = (parse: DateParser, c: Cell | undefined): string | null => {
  const p = parse(c ?? null);
  return p.ok ? isoFromSerial(p.value) : null;
};

/** The history rows of a Historik tab written by Målkoll (in Swedish or English), and the rows it could not read. */
export function parseHistory(grid: SheetGrid): { history: History; issues: Issue[] } {
  const care: CareHistoryRow[] = [];
  const indicators: IndicatorHistoryRow[] = [];
  const issues: Issue[] = [];
  const values = grid.values;
  const bad = (i: number, col: number, reason: ReasonCode) => issues.push(issueAt(grid, values[i] ?? [], i, col, values[i]?.[col], reason));
  let mode: { kind: "care" | "indicators"; header: readonly Cell[] } | null = null;
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const langs = Object.values(TEXT);
    if (langs.some((t) => sameRow(row, careHeaders(t)))) {
      mode = { kind: "care", header: row };
      continue;
    }
    if (langs.some((t) => sameRow(row, indicatorHeaders(t)))) {
      mode = { kind: "indicators", header: row };
      continue;
    }
    if (!row || row.every((c) => isBlank(c ?? null))) {
      mode = null;
      continue;
    }
    if (!mode) continue;
    // Written as dates (a date format), so 1900 serials from any host; a plain number follows the workbook's system.
    const date = isoOf(dateAt(grid, i, 0), row[0]);
    if (!date) {
      bad(i, 0, "historyInvalidDate");
      continue;
    }
    if (mode.kind === "care") {
      const measure = MEASURE_BY_NAME.get(
        cellText(row[1] ?? null)
          .trim()
          .toLowerCase(),
      ) as MeasureId | undefined;
      const basis = BASIS_BY_NAME.get(
        cellText(row[2] ?? null)
          .trim()
          .toLowerCase(),
      ) as Basis | undefined;
      const unitText = cellText(row[3] ?? null).trim();
      const nums = [4, 5, 6, 7, 8].map((j) => numberOrNull(row[j]));
      if (!measure || !MEASURES.includes(measure)) {
        bad(i, 1, "historyUnknownMeasure");
        continue;
      }
      if (!basis) {
        bad(i, 2, "historyUnknownBasis");
        continue;
      }
      if (!unitText) {
        bad(i, 3, "historyMissingUnit");
        continue;
      }
      const badNum = nums.findIndex((n) => n === undefined);
      if (badNum >= 0) {
        bad(i, 4 + badNum, "historyNotANumber");
        continue;
      }
      const [total, withinLimit, share, overLimit, over365] = nums as (number | null)[];
      care.push({
        date,
        measure,
        basis,
        unit: REGION_NAMES.has(unitText.toLowerCase()) ? REGION : unitText,
        total,
        withinLimit,
        share,
        overLimit,
        over365,
      });
    } else {
      const goal = cellText(row[1] ?? null).trim();
      const indicator = cellText(row[2] ?? null).trim();
      const nums = [3, 4, 5].map((j) => numberOrNull(row[j]));
      const rating = RATING_BY_NAME.get(
        cellText(row[6] ?? null)
          .trim()
          .toLowerCase(),
      ) as Rating | undefined;
      if (!indicator) {
        bad(i, 2, "historyMissingIndicator");
        continue;
      }
      const badNum = nums.findIndex((n) => n === undefined);
      if (badNum >= 0) {
        bad(i, 3 + badNum, "historyNotANumber");
        continue;
      }
      const [target, outcome, achievement] = nums as (number | null)[];
      // Percentages were written with a "%" format; values alone cannot tell 0.84 from 0.84 units.
      const percent = [3, 4].some((j) => (grid.formats?.[i]?.[j] ?? "").includes("%"));
      indicators.push({ date, goal, indicator, target, outcome, achievement, rating: rating ?? "grey", percent });
    }
  }
  return { history: { care, indicators }, issues };
}
