// Lays the rows a sheet scan collected out as a rectangular SheetGrid, from the first used row and
// column to the last.
import type { Cell, SheetGrid } from "../../model/cells";
import type { Rows } from "./sheetRows";

export function emptyGrid(name: string): SheetGrid {
  return { name, values: [], formats: [], origin: { row: 0, col: 0 } };
}

/** The grid of the collected rows: sorted by row index, shifted to the first used column, gaps filled. */
export function gridFromRows(name: string, rows: Rows): SheetGrid {
  const rowIdx = rows.idx;
  const rowVals = rows.vals;
  const rowFmts = rows.fmts;
  const minCol = rows.minCol;

  if (rowIdx.length === 0) return emptyGrid(name);

  let order: number[] | null = null;
  if (!rows.ordered) {
    order = rowIdx.map((_, k) => k).sort((a, b) => rowIdx[a] - rowIdx[b] || a - b);
    // Later duplicates of a row index win, as when a row is written twice.
  }
  const at = (k: number) => (order ? order[k] : k);
  const firstRow = rowIdx[at(0)];
  const lastRow = rowIdx[at(rowIdx.length - 1)];
  const width = rows.maxCol - minCol + 1;
  const height = lastRow - firstRow + 1;
  const values: Cell[][] = new Array(height);
  const fmtsOut: (string | undefined)[][] = new Array(height);
  // Format rows may be shared between rows (see Rows); keep them shared when shifting.
  let shiftedFrom: (string | undefined)[] | null = null;
  let shifted: (string | undefined)[] = [];
  for (let k = 0; k < rowIdx.length; k++) {
    const src = at(k);
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
    const target = rowIdx[src] - firstRow;
    const prev = values[target];
    if (prev) {
      // Merge a repeated row into the earlier one (copying its formats, which may be shared).
      const pf = (fmtsOut[target] = fmtsOut[target].slice());
      for (let j = 0; j < width; j++)
        if (v[j] !== null) {
          prev[j] = v[j];
          pf[j] = f[j];
        }
    } else {
      values[target] = v;
      fmtsOut[target] = f;
    }
  }
  fillMissingRows(values, fmtsOut, width);
  return { name, values, formats: fmtsOut, origin: { row: firstRow, col: minCol } };
}

/** Rows no cell was read for become rows of nulls. */
function fillMissingRows(values: Cell[][], formats: (string | undefined)[][], width: number): void {
  for (let r = 0; r < values.length; r++) {
    if (values[r] === undefined) {
      values[r] = new Array<Cell>(width).fill(null);
      formats[r] = new Array<string | undefined>(width).fill(undefined);
    }
  }
}
