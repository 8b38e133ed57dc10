// Lays the rows a sheet scan collected out as a SheetGrid, from the first used row and column to
// the last.
//
// A grid whose rectangle (rows × columns from the first used cell to the last, a row costing
// ROW_SLOTS more) has at most max(WHOLE_SLOTS, 4 × what the rows read take laid out tight) slots
// is laid out whole, every row as wide as the rectangle and every row without cells a row of
// nulls: every real table. Otherwise the sheet has cells far outside its table (a stray value at
// XFD1048576 beside 40 rows), and the rectangle is trimmed rather than
// allocated (SheetGrid's comment in model/cells.ts): a row without cells is left out (undefined,
// which ingest reads as a blank row), and each row is as wide as the widest row kept from column A
// (sheetRows.ts), with a cell further right placed at its own index in an otherwise empty stretch
// (JavaScript engines keep such a far index in a dictionary, not in thousands of slots). Should
// even that width times the rows be over the budget, rows end at their own last cell. No cell is
// dropped: ingest still sees, and reports, a stray value in row 1048576.
import type { Cell, SheetGrid } from "../../model/cells";
import type { FarRow, Rows } from "./sheetRows";

/** A grid of up to this many slots (32 MB of references) is laid out whole whatever its cells. */
const WHOLE_SLOTS = 1 << 22;
/** What a row costs besides its cells, in slots (an array's header and length). */
const ROW_SLOTS = 4;

type Formats = (string | undefined)[];

export function emptyGrid(name: string): SheetGrid {
  return { name, values: [], formats: [], origin: { row: 0, col: 0 } };
}

/** The grid of the collected rows: sorted by row index, shifted to the first used column, gaps filled or trimmed. */
export function gridFromRows(name: string, rows: Rows): SheetGrid {
  const rowIdx = rows.idx;
  if (rowIdx.length === 0) return emptyGrid(name);
  const rowVals = rows.vals;
  const rowFmts = rows.fmts;
  const far = rows.far;
  const minCol = rows.minCol;

  let order: number[] | null = null;
  if (!rows.ordered) {
    order = rowIdx.map((_, k) => k).sort((a, b) => rowIdx[a] - rowIdx[b] || a - b);
    // Later duplicates of a row index win, as when a row is written twice.
  }
  const at = (k: number) => (order ? order[k] : k);
  const firstRow = rowIdx[at(0)];
  const lastRow = rowIdx[at(rowIdx.length - 1)];
  const height = lastRow - firstRow + 1;
  // In slots, a row costing ROW_SLOTS more than its cells: four times what the rows read would take laid out tight.
  const budget = Math.max(WHOLE_SLOTS, 4 * (rows.cells + ROW_SLOTS * rowIdx.length));
  const whole = height * (rows.maxCol - minCol + 1 + ROW_SLOTS) <= budget;
  let width = rows.maxCol - minCol + 1;
  if (!whole) {
    // The widest row kept from column A; -1: rows end at their own last cell.
    let w = 0;
    for (let k = 0; k < rowIdx.length; k++) if (!far?.has(k)) w = Math.max(w, rowVals[k].length - minCol);
    width = rowIdx.length * (w + ROW_SLOTS) <= budget ? w : -1;
  }

  const values: Cell[][] = whole ? new Array(height) : [];
  const fmtsOut: Formats[] = whole ? new Array(height) : [];
  // Format rows may be shared between rows (see Rows); keep them shared when shifting.
  let shiftedFrom: Formats | null = null;
  let shifted: Formats = [];
  for (let k = 0; k < rowIdx.length; k++) {
    const src = at(k);
    const target = rowIdx[src] - firstRow;
    const farRow = far?.get(src);
    if (values[target] !== undefined) {
      mergeRow(values[target], (fmtsOut[target] = fmtsOut[target].slice()), rowVals[src], rowFmts[src], farRow, minCol);
      continue;
    }
    if (farRow) {
      const [v, f] = layFarRow(farRow, minCol, width);
      values[target] = v;
      fmtsOut[target] = f;
      continue;
    }
    let v = rowVals[src];
    let f = rowFmts[src];
    if (minCol > 0) {
      v = v.slice(minCol);
      if (f !== shiftedFrom) {
        shiftedFrom = f;
        shifted = f.slice(minCol);
      }
      f = shifted;
    }
    while (v.length < width) v.push(null);
    while (f.length < width) f.push(undefined);
    values[target] = v;
    fmtsOut[target] = f;
  }
  if (whole) fillMissingRows(values, fmtsOut, width);
  return { name, values, formats: fmtsOut, origin: { row: firstRow, col: minCol } };
}

/** A row kept by its cells, laid out from `minCol`: nulls up to `width` (-1: none), each cell at its place. */
function layFarRow(row: FarRow, minCol: number, width: number): [Cell[], Formats] {
  const v: Cell[] = width > 0 ? new Array<Cell>(width).fill(null) : [];
  const f: Formats = width > 0 ? new Array<string | undefined>(width).fill(undefined) : [];
  for (let i = 0; i < row.cols.length; i++) {
    v[row.cols[i] - minCol] = row.vals[i];
    f[row.cols[i] - minCol] = row.fmts[i];
  }
  return [v, f];
}

/** Merges a repeated row into the earlier one, cell by cell (the later cell wins); the work follows the row's cells. */
function mergeRow(prev: Cell[], pf: Formats, vals: Cell[], fmts: Formats, farRow: FarRow | undefined, minCol: number): void {
  if (farRow) {
    for (let i = 0; i < farRow.cols.length; i++) {
      prev[farRow.cols[i] - minCol] = farRow.vals[i];
      pf[farRow.cols[i] - minCol] = farRow.fmts[i];
    }
    return;
  }
  for (let j = minCol; j < vals.length; j++) {
    if (vals[j] === null) continue;
    prev[j - minCol] = vals[j];
    pf[j - minCol] = fmts[j];
  }
}

/** Rows no cell was read for become rows of nulls. */
function fillMissingRows(values: Cell[][], formats: Formats[], width: number): void {
  for (let r = 0; r < values.length; r++) {
    if (values[r] === undefined) {
      values[r] = new Array<Cell>(width).fill(null);
      formats[r] = new Array<string | undefined>(width).fill(undefined);
    }
  }
}
