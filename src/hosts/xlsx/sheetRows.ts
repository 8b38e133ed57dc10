// The rows a sheet scan has read so far, and which row and column each cell goes to.
import type { Cell } from "../../model/cells";

/**
 * Rows collected so far (kept in one object so the hot loop has no closure-captured variables).
 * Cells of the current row go into reused scratch arrays and each finished row is copied out at
 * its exact length; a row whose formats equal the previous row's shares that row's array.
 */
export class Rows {
  idx: number[] = [];
  vals: Cell[][] = [];
  fmts: (string | undefined)[][] = [];
  ordered = true;
  /** The columns of the cells kept: the grid's left and right edge. */
  minCol = Infinity;
  maxCol = -1;
  /** Current row index (0-based); -1 before the first row. */
  cur = -1;
  /** The row element had no r: take it from the first cell reference. */
  pending = false;
  /** Inside a row. */
  open = false;
  /** Column of the row's last cell; -1 before its first. */
  lastCol = -1;
  /** Scratch for the current row: values, formats, and the length used. */
  sv: Cell[] = [];
  sf: (string | undefined)[] = [];
  len = 0;
  lastFmts: (string | undefined)[] | null = null;

  /**
   * The column of the next cell, whose r says `row` and `col` (-1 without an r): a cell without an
   * r follows the one before it; a cell outside any <row> starts one.
   */
  place(row: number, col: number): number {
    if (!this.open) this.begin(row); // a cell outside any <row>: tolerate
    if (this.pending && row >= 0) {
      this.cur = row;
      this.pending = false;
    }
    if (col < 0) col = this.lastCol + 1;
    this.lastCol = col;
    return col;
  }

  set(col: number, value: Cell, fmt: string | undefined): void {
    const sv = this.sv;
    const sf = this.sf;
    for (let j = this.len; j < col; j++) {
      sv[j] = null;
      sf[j] = undefined;
    }
    sv[col] = value;
    sf[col] = fmt;
    if (col >= this.len) this.len = col + 1;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
  }

  end(): void {
    const len = this.len;
    if (this.open && len > 0) {
      const k = this.idx.length;
      if (k > 0 && this.cur <= this.idx[k - 1]) this.ordered = false;
      this.idx.push(this.cur);
      this.vals.push(this.sv.slice(0, len));
      const sf = this.sf;
      let f = this.lastFmts;
      if (f !== null && f.length === len) {
        for (let j = 0; j < len; j++) {
          if (f[j] !== sf[j]) {
            f = null;
            break;
          }
        }
      } else f = null;
      if (f === null) this.lastFmts = f = sf.slice(0, len);
      this.fmts.push(f);
    }
    this.open = false;
    this.len = 0;
  }

  /** Starts row `r` (0-based; -1 for a row without r: the one after the last). */
  begin(r: number): void {
    this.end();
    this.pending = r < 0;
    this.cur = r < 0 ? this.cur + 1 : r;
    this.open = true;
    this.lastCol = -1;
  }
}
