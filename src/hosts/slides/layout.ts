import type { Cell } from "../../model/cells";
import type { Results } from "../../domain/results";
import type { CellRange, ChartSpec, Footnote, Section, SectionSlide, SheetPlan } from "../../report/plan";
import { type Lang } from "../../model/lang";
import { deckTitle } from "../../report/deckTexts";
import { blockAt, cellText } from "./cellText";

/**
 * The deck as plain data, before any PowerPoint library sees it: which slides, in which order,
 * with which texts, colours and numbers. Pure, so the splitting of long tables, the footnotes and
 * the chart data are tested without unzipping anything.
 */
export interface DeckLayout {
  title: { title: string; lines: string[] };
  slides: SlideLayout[];
}
export type SlideLayout = TableSlide | ChartSlide;

export interface TableCell {
  text: string;
  /** "RRGGBB" */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align: "left" | "right";
}

export interface TableSlide {
  kind: "table";
  /** The section's slide title; its continued title ("… (forts.)") on the slides a long table continues on. */
  title: string;
  tab: string;
  header: TableCell[];
  rows: TableCell[][];
  /** Inches, summing to the table's width. */
  colWidths: number[];
  fontSize: number;
  footnote: string;
}

export interface ChartSlide {
  kind: "chart";
  title: string;
  tab: string;
  chart: ChartSpec["kind"];
  /** In the tab's order, top to bottom. */
  categories: string[];
  series: { name: string; values: number[]; color?: string; pointColors?: string[] }[];
  valueAxis?: ChartSpec["valueAxis"];
  /** The number format of the values as the tab shows them, for data labels ("0.0%"). */
  valueFormat?: string;
  referenceLine?: ChartSpec["referenceLine"];
  footnote: string;
}

export interface DeckOptions {
  lang: Lang;
  /** settings.regionName: the title slide's title when given. */
  regionName?: string | null;
  /** The workbook's name ("Väntetider januari.xlsx"): the title when no region is named. */
  workbookName?: string;
}

/** A 16:9 slide is 10 × 5.625 inches; these are the parts of it the layout fills. */
export const SLIDE = {
  width: 10,
  height: 5.625,
  margin: 0.4,
  titleTop: 0.25,
  titleHeight: 0.55,
  bodyTop: 0.9,
  bodyHeight: 4.15,
  footTop: 5.15,
  footHeight: 0.35,
} as const;
const TABLE_WIDTH = SLIDE.width - 2 * SLIDE.margin;

/** Every summary tab's tables and charts as slides, after a title slide; every word is the report's. */
export function deckLayout(plans: readonly SheetPlan[], results: Results, opts: DeckOptions): DeckLayout {
  return { title: deckTitle(results, opts.regionName, opts.workbookName, opts.lang), slides: plans.flatMap(planSlides) };
}

/**
 * One plan's slides: each section the plan puts on slides (split when long), each followed by the
 * charts drawn from it — a chart belongs to the section whose range holds its categories and takes
 * its footnote; a chart outside every section takes the plan's.
 */
export function planSlides(plan: SheetPlan): SlideLayout[] {
  const out: SlideLayout[] = [];
  const placed = new Set<ChartSpec>();
  for (const section of plan.sections ?? []) {
    if (section.slide) out.push(...tableSlides(plan, section, section.slide));
    for (const chart of plan.charts) {
      if (!placed.has(chart) && within(chart.categories, section.range)) {
        placed.add(chart);
        out.push(chartSlide(plan, chart, section.footnote));
      }
    }
  }
  for (const chart of plan.charts) if (!placed.has(chart)) out.push(chartSlide(plan, chart, plan.footnote));
  return out;
}

const within = (inner: CellRange, outer: CellRange) =>
  inner[0] >= outer[0] && inner[2] <= outer[2] && inner[1] >= outer[1] && inner[3] <= outer[3];

const fontSizeFor = (columns: number) => (columns > 9 ? 7 : columns > 6 ? 8 : 10);

/** A table section as slides: the header repeated on each, rows packed until the body is full. */
function tableSlides(plan: SheetPlan, section: Section, slide: SectionSlide): TableSlide[] {
  const [r0, c0, r1, c1] = section.range;
  const cols = slide.columns ? slide.columns.map((k) => c0 + k) : Array.from({ length: c1 - c0 + 1 }, (_, k) => c0 + k);
  // At least as wide as the column's longest word, so that "Målvärde" never breaks mid-word.
  const longestWord = (c: number) => {
    let n = 0;
    for (let r = r0; r <= r1; r++)
      for (const w of cellText(plan.cells[r]?.[c] ?? null, blockAt(plan.numberFormats, r, c)).split(/\s+/)) n = Math.max(n, w.length);
    return n;
  };
  const fontSize = fontSizeFor(cols.length);
  const chars = cols.map((c) => Math.max(plan.columnWidths[c] ?? 10, 4));
  const least = cols.map((c) => ((longestWord(c) + 1) * fontSize * 0.62) / 72 + 0.12);
  const colWidths = fitWidths(chars, least, TABLE_WIDTH);
  const row = (r: number): TableCell[] => cols.map((c) => tableCell(plan, r, c));
  const header = row(r0);
  const rows: TableCell[][] = [];
  for (let r = r0 + 1; r <= r1; r++) rows.push(row(r));
  const height = (cells: TableCell[]) => rowHeight(cells, colWidths, fontSize);
  const pages: TableCell[][][] = [];
  let page: TableCell[][] = [];
  let used = height(header);
  for (const cells of rows) {
    const h = height(cells);
    if (page.length && used + h > SLIDE.bodyHeight) {
      pages.push(page);
      page = [];
      used = height(header);
    }
    page.push(cells);
    used += h;
  }
  if (page.length || !pages.length) pages.push(page);
  return pages.map((rowsOfPage, k) => ({
    kind: "table",
    title: k === 0 ? slide.title : slide.continued,
    tab: plan.name,
    header,
    rows: rowsOfPage,
    colWidths,
    fontSize,
    footnote: section.footnote.text,
  }));
}

/**
 * Widths in inches in proportion to the tab's column widths, each at least `least` (its longest
 * word), the room for that taken from the columns that have more than they need.
 */
export function fitWidths(chars: readonly number[], least: readonly number[], total: number): number[] {
  let widths = chars.map((n) => (n / chars.reduce((a, b) => a + b, 0)) * total);
  for (let pass = 0; pass < 5; pass++) {
    const short = widths.map((w, k) => Math.max(0, least[k] - w)).reduce((a, b) => a + b, 0);
    if (short < 1e-6) break;
    const spare = widths.map((w, k) => Math.max(0, w - least[k]));
    const room = spare.reduce((a, b) => a + b, 0);
    if (room <= 0) break;
    const take = Math.min(short, room);
    widths = widths.map((w, k) => (w < least[k] ? least[k] : w - (spare[k] / room) * take));
    const sum = widths.reduce((a, b) => a + b, 0);
    widths = widths.map((w) => (w / sum) * total);
  }
  return widths;
}

/** A cell as the tab shows it: its text under the number format, its fill and its font. */
function tableCell(plan: SheetPlan, r: number, c: number): TableCell {
  const value: Cell = plan.cells[r]?.[c] ?? null;
  const font = blockAt(plan.fonts, r, c);
  const fill = blockAt(plan.fills, r, c);
  return {
    text: cellText(value, blockAt(plan.numberFormats, r, c)),
    align: typeof value === "number" ? "right" : "left",
    ...(fill ? { fill } : {}),
    ...(font?.bold ? { bold: true } : {}),
    ...(font?.italic ? { italic: true } : {}),
    ...(font?.color ? { color: font.color } : {}),
  };
}

/**
 * Inches a row takes: lines of wrapped text (an average character is about half the font size
 * wide) times the line height, plus the cell margins.
 */
export function rowHeight(cells: readonly TableCell[], colWidths: readonly number[], fontSize: number): number {
  const perInch = 72 / (fontSize * 0.52);
  let lines = 1;
  cells.forEach((cell, k) => {
    const room = Math.max(1, Math.floor((colWidths[k] - 0.1) * perInch));
    const wrapped = cell.text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / room)), 0);
    lines = Math.max(lines, wrapped);
  });
  return (lines * fontSize * 1.2) / 72 + 0.1;
}

/** The plan's cells in a range, row by row. */
function cellsIn(plan: SheetPlan, [r0, c0, r1, c1]: CellRange): { value: Cell; format: string | undefined }[] {
  const out: { value: Cell; format: string | undefined }[] = [];
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) out.push({ value: plan.cells[r]?.[c] ?? null, format: blockAt(plan.numberFormats, r, c) });
  return out;
}

/**
 * A chart's data read from the plan's cells. A category with no value in any series (a unit
 * whose figures were suppressed) is left out of the chart and named in the footnote after the
 * plan's word for it: PowerPoint has no "empty" point to draw, and a zero would be a figure the
 * tab never gave.
 */
function chartSlide(plan: SheetPlan, chart: ChartSpec, foot: Footnote): ChartSlide {
  const categories = cellsIn(plan, chart.categories).map((c) => cellText(c.value, c.format));
  const raw = chart.series.map((s) => cellsIn(plan, s.values));
  const keep = categories.map((_, k) => raw.some((cells) => typeof cells[k]?.value === "number"));
  const left = categories.filter((_, k) => !keep[k]);
  const pick = <T>(xs: readonly T[]) => xs.filter((_, k) => keep[k]);
  return {
    kind: "chart",
    title: chart.title,
    tab: plan.name,
    chart: chart.kind,
    categories: pick(categories),
    series: chart.series.map((s, k) => ({
      name: s.name,
      values: pick(raw[k]).map((c) => (typeof c.value === "number" ? c.value : 0)),
      ...(s.color ? { color: s.color } : {}),
      ...(s.pointColors ? { pointColors: pick(s.pointColors) } : {}),
    })),
    ...(chart.valueAxis ? { valueAxis: chart.valueAxis } : {}),
    valueFormat: raw[0]?.find((c) => c.format)?.format,
    ...(chart.referenceLine ? { referenceLine: chart.referenceLine } : {}),
    footnote: left.length ? `${foot.text} · ${plan.words.noValue}: ${left.join(", ")}` : foot.text,
  };
}
