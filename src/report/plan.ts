import type { Cell } from "../ingest/cells";

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

/** Chart specs are filled in by the slides issue; the type is here so hosts can accept them. */
export interface ChartSpec {
  kind: "bar" | "stackedBar" | "pie" | "line";
  title: string;
  /** Data ranges on the same sheet, 0-based inclusive [r0, c0, r1, c1]. */
  categories: [number, number, number, number];
  series: { name: string; values: [number, number, number, number]; colors?: string[] }[];
  anchor: [number, number];
}

/**
 * An Excel table (a ListObject: filter buttons, banded rows, structured references) over a block
 * of the plan's cells, its first row the header. Names are unique per workbook; an adapter that
 * finds the name taken by a table Målkoll did not write suffixes it ("Malkoll_Historik2").
 */
export interface TableSpec {
  name: string;
  range: [number, number, number, number];
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
}
