/** What a host reads from a sheet: raw cell values as Excel returns them. */
export type Cell = string | number | boolean | null;

/**
 * One sheet's used cells as a host adapter hands them to ingest.
 * `values[i][j]` is the cell at sheet row `origin.row + i + 1`, column `origin.col + j` (0-based col).
 * Normally a rectangle of rows of nulls and values. A row or cell may also be missing (undefined,
 * read as blank): a CSV row is as long as its fields, and the .xlsx reader leaves out the empty
 * rows and columns of a sheet whose cells lie far apart (a stray value at XFD1048576 beside a
 * table, src/hosts/xlsx/sheetGrid.ts) rather than allocate them.
 * A number whose `formats` entry is a date format (model/numberFormats.ts) is a 1900-system day
 * serial: in a 1904 workbook the adapter has converted it. Every other number is as the workbook
 * holds it, so a date written as a plain number in a `date1904` grid is still a 1904 serial; ingest,
 * which alone knows that a column holds dates, converts it (ingest/dateSystem.ts).
 */
export interface SheetGrid {
  name: string;
  values: Cell[][];
  /** Number format code per cell, same shape as values where known; missing = "General". */
  formats?: (string | null | undefined)[][];
  /** 0-based position of values[0][0] in the sheet; default {row: 0, col: 0} (A1). */
  origin?: { row: number; col: number };
  /** The workbook uses the 1904 date system (Excel for Mac); absent or false: the 1900 system. */
  date1904?: boolean;
  /**
   * Columns with formulas saved without their calculated values (a file written by a tool that
   * does not calculate), 0-based in the sheet like `origin`, each with the last such row (0-based),
   * in column order. Those cells are empty in `values`. Only the .xlsx reader sets it.
   */
  uncalculated?: { col: number; lastRow: number }[];
}

/** Column letters as Excel shows them: 0 → "A", 26 → "AA". */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
