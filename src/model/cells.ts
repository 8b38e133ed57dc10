/** What a host reads from a sheet: raw cell values as Excel returns them. */
export type Cell = string | number | boolean | null;

/**
 * One sheet's used cells as a host adapter hands them to ingest.
 * `values[i][j]` is the cell at sheet row `origin.row + i + 1`, column `origin.col + j` (0-based col).
 * Normally a rectangle of rows of nulls and values. A row or cell may also be missing (undefined,
 * read as blank): a CSV row is as long as its fields, and the .xlsx reader leaves out the empty
 * rows and columns of a sheet whose cells lie far apart (a stray value at XFD1048576 beside a
 * table, src/hosts/xlsx/sheetGrid.ts) rather than allocate them.
 * Dates arrive as Excel 1900-system serial numbers (adapters convert the 1904 system), so a
 * date cell is a number whose `formats` entry is a date format.
 */
export interface SheetGrid {
  name: string;
  values: Cell[][];
  /** Number format code per cell, same shape as values where known; missing = "General". */
  formats?: (string | null | undefined)[][];
  /** 0-based position of values[0][0] in the sheet; default {row: 0, col: 0} (A1). */
  origin?: { row: number; col: number };
}

/** Column letters as Excel shows them: 0 → "A", 26 → "AA". */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
