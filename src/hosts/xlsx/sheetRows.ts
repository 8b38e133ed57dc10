// The rows a sheet scan has read so far, and which row and column each cell goes to.
import type { Cell } from "../../model/cells";
import { corrupt } from "./errors";

/** The last row and column index of a sheet (0-based): XFD1048576. */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/**
 * A row stored by its cells rather than from column A (see Rows.set): its columns in the order
 * read, with their values and formats.
 */
export interface FarRow {
  cols: number[];
  vals: Cell[];
  fmts: (string | undefined)[];
}

/** A row kept from column A may have this many slots more than four per cell before it is kept as a FarRow. */
const SLACK = 32;
const NO_CELLS: Cell[] = [];
const NO_FORMATS: (string | undefined)[] = [];

/**
 * Rows collected so far (kept in one object so the hot loop has no closure-captured variables).
 * Cells of the current row go into reused scratch arrays and each finished row is copied out at
 * its exact length; a row whose formats equal the previous row's shares that row's array.
 *
 * A row is kept from column A (with nulls before and between its cells) while that takes at most
 * four slots a cell plus SLACK (every row of a table that starts near column A); a row with a cell
 * far to the right of the others (XFD5 beside A5:J5), or that starts far right, is kept as a
 * FarRow instead, so memory follows the cells kept, never the columns a sheet could have.
 */
export class Rows {
  idx: number[] = [];
  vals: Cell[][] = [];
  fmts: (string | undefined)[][] = [];
  /** FarRows by their position in idx (vals and fmts hold empty arrays there). */
  far: Map<number, FarRow> | null = null;
  ordered = true;
  /** The columns of the cells kept: the grid's left and right edge. */
  minCol = Infinity;
  maxCol = -1;
  /** The cells kept (a cell written twice counts twice). */
  cells = 0;
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
  /** Cells in the current row, and the row as a FarRow once it is one. */
  k = 0;
  farRow: FarRow | null = null;
  lastFmts: (string | undefined)[] | null = null;

  /**
   * The column of the next cell, whose r says `row` and `col` (-1 without an r): a cell without an
   * r follows the one before it; a cell outside any <row> starts one. Throws for a cell beyond XFD1048576.
   */
  place(row: number, col: number): number {
    if (row > MAX_ROW) throw corrupt("en cell ligger efter bladets sista rad 1048576");
    if (!this.open) this.begin(row); // a cell outside any <row>: tolerate
    if (this.pending && row >= 0) {
      this.cur = row;
      this.pending = false;
    }
    if (col < 0) col = this.lastCol + 1;
    if (col > MAX_COL) throw corrupt(`en cell på rad ${this.cur + 1} ligger efter bladets sista kolumn XFD`);
    this.lastCol = col;
    return col;
  }

  set(col: number, value: Cell, fmt: string | undefined): void {
    const k = ++this.k;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
    if (this.farRow !== null || col >= 4 * k + SLACK) {
      this.setFar(col, value, fmt);
      return;
    }
    const sv = this.sv;
    const sf = this.sf;
    for (let j = this.len; j < col; j++) {
      sv[j] = null;
      sf[j] = undefined;
    }
    sv[col] = value;
    sf[col] = fmt;
    if (col >= this.len) this.len = col + 1;
  }

  /** A cell of a row kept by its cells: the row's cells so far move there at its first. */
  private setFar(col: number, value: Cell, fmt: string | undefined): void {
    let far = this.farRow;
    if (far === null) {
      far = this.farRow = { cols: [], vals: [], fmts: [] };
      for (let j = 0; j < this.len; j++) {
        if (this.sv[j] === null) continue;
        far.cols.push(j);
        far.vals.push(this.sv[j]);
        far.fmts.push(this.sf[j]);
      }
      this.len = 0;
    }
    far.cols.push(col);
    far.vals.push(value);
    far.fmts.push(fmt);
  }

  end(): void {
    const len = this.len;
    if (this.open && (len > 0 || this.farRow !== null)) {
      const k = this.idx.length;
      if (k > MAX_ROW) throw corrupt("bladet har fler rader med celler än de 1048576 ett blad rymmer");
      if (k > 0 && this.cur <= this.idx[k - 1]) this.ordered = false;
      this.idx.push(this.cur);
      this.cells += this.k;
      if (this.farRow !== null) {
        (this.far ??= new Map()).set(k, this.farRow);
        this.vals.push(NO_CELLS);
        this.fmts.push(NO_FORMATS);
      } else {
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
    }
    this.open = false;
    this.len = 0;
    this.k = 0;
    this.farRow = null;
  }

  /** Starts row `r` (0-based; -1 for a row without r: the one after the last). Throws past row 1048576. */
  begin(r: number): void {
    this.end();
    this.pending = r < 0;
    this.cur = r < 0 ? this.cur + 1 : r;
    if (this.cur > MAX_ROW) throw corrupt("en rad ligger efter bladets sista rad 1048576");
    this.open = true;
    this.lastCol = -1;
  }
}
