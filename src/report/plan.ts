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
}
