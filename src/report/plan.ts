import type { Cell } from "../model/cells";

/** A rectangle [firstRow, firstCol, lastRow, lastCol], 0-based and inclusive, with one value. */
export interface Block<T> {
  range: [number, number, number, number];
  value: T;
}

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "RRGGBB" */
  color?: string;
}

/** A rectangle of the plan's cells, 0-based inclusive [firstRow, firstCol, lastRow, lastCol]. */
export type CellRange = [number, number, number, number];

/**
 * A chart over ranges of the same tab, as plain data: every host renders it natively (Excel
 * charts, DrawingML chart parts in the .xlsx, editable PowerPoint charts) and none decides its
 * look. Sized in points for a 16:9 slide.
 */
export interface ChartSpec {
  /** bar: horizontal bars (the committee's "one bar per clinic"); column: vertical; stackedBar: horizontal, stacked. */
  kind: "bar" | "column" | "stackedBar" | "pie" | "line";
  title: string;
  categories: CellRange;
  series: {
    name: string;
    values: CellRange;
    /** One "RRGGBB" for the whole series. */
    color?: string;
    /** Per point "RRGGBB" (bars coloured by rating, the region bar in its own colour). */
    pointColors?: string[];
  }[];
  /** Value axis bounds and number format, e.g. 0–1 with "0%". */
  valueAxis?: { min?: number; max?: number; format?: string };
  /** A reference line across the plot, e.g. the target share. */
  referenceLine?: { value: number; label: string; color: string };
  /** Top-left cell the chart is placed at (0-based row, col). */
  anchor: [number, number];
  /** Width and height in points (a 16:9 slide is 720 × 405). */
  size: { width: number; height: number };
}

/**
 * An Excel table (a ListObject: filter buttons, banded rows, structured references) over a block
 * of the plan's cells, its first row the header. Names are unique per workbook; an adapter that
 * finds the name taken by a table Målkoll did not write suffixes it ("Malkoll_Historik2").
 */
export interface TableSpec {
  name: string;
  range: CellRange;
  /** A built-in table style, e.g. "TableStyleLight9". */
  style: string;
}

/**
 * One summary tab as pure data: every host adapter (Excel, .xlsx, slides) writes the same plan
 * and none decides layout or colour.
 */
export interface SheetPlan {
  /** ≤ 31 characters; the adapter may suffix " (2)" when a user's sheet already has the name. */
  name: string;
  /** How Målkoll knows the tab is its own, e.g. "malkoll:careGuarantee". */
  marker: string;
  /** Values from A1, rectangular (rows padded with null). */
  cells: Cell[][];
  /** Excel number format codes, e.g. "0.0%". */
  numberFormats: Block<string>[];
  /** "RRGGBB" solid fills, rectangles of one colour. */
  fills: Block<string>[];
  fonts: Block<FontStyle>[];
  /** Column widths in Excel character units, from column A. */
  columnWidths: number[];
  freeze?: { rows: number; columns: number };
  charts: ChartSpec[];
  /** Excel tables over blocks of cells (the history tab's rows), written as real tables. */
  tables?: TableSpec[];
  /** Every table of the tab with the heading above it (header row first), for hosts that lay tables out one by one (slides). */
  sections?: Section[];
  /** Where the tab's figures come from: the footnote of a chart outside every section. */
  footnote: Footnote;
  /** The words a host adds of its own around the tab's content, in the tab's language. */
  words: HostWords;
}

/**
 * Where a table's or chart's figures come from and what was left out of them, as a slide's
 * footnote says it. The parts are there for a host that lays them out itself; `text` is the whole.
 */
export interface Footnote {
  /** The source sheets, in the workbook's order; [] when none had rows for it. */
  sources: string[];
  /** The exclusions applied, in words ("exkl. PvV/MoV"); null when none were. */
  exclusions: string | null;
  /** A further line ("Listan med varje avvisad rad finns på fliken Datakontroll i arbetsboken."); null when none. */
  extra: string | null;
  /** "Källa: Väntande (flik Vårdgaranti) · Mätdatum 2024-01-31 · exkl. PvV/MoV" */
  text: string;
}

/** One table of a tab, with what a host needs to show it apart from the tab (on slides). */
export interface Section {
  /** The heading above the table on the tab. */
  title: string;
  /** The table, its header row first. */
  range: CellRange;
  /** Where its figures come from; also the footnote of the charts drawn from it (their categories inside its range). */
  footnote: Footnote;
  /** How it goes on slides; null: it stays on the tab (the data check's list of every rejected row). */
  slide: SectionSlide | null;
}

export interface SectionSlide {
  /** The title of its first slide. */
  title: string;
  /** The title of the slides a table too long for one continues on: "… (forts.)". */
  continued: string;
  /** The table's columns (0-based within its range) the slides show; absent: every column. */
  columns?: number[];
}

/** What a host says itself about what it draws, in the plan's words. */
export interface HostWords {
  /** Before the categories a chart slide leaves out for having no value: "utan värde: A, B". */
  noValue: string;
  /** A chart's target line where a host draws it itself: the shape's name, and the header over the cells it is drawn from. */
  targetLine: { name: string; dataHeader: string };
}
