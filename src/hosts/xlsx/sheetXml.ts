// Scans one worksheet's XML into a SheetGrid. Hand-written and sequential (charCodeAt and short
// indexOf hops, no DOM, no regex per cell) because extracts have 200 000+ rows and must load in well
// under a second; every search is bounded by the element at hand so the scan stays linear.
import type { Cell, SheetGrid } from "../../model/cells";
import { serialFromIsoDateTime } from "../../model/days";
import { stringItemText } from "./sharedStrings";
import { rootPrefix, textContent } from "../ooxml/xml";

/** What the scanner needs besides the XML. */
export interface SheetContext {
  sharedStrings: () => readonly string[];
  /** Format code per cellXfs index (undefined = General). */
  formats: readonly (string | undefined)[];
  isDate: readonly boolean[];
  date1904: boolean;
}

const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

function isNameEnd(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses a number written in a `<v>`. Up to 15 significant digits without an exponent are read
 * by hand (an integer divided by an exact power of ten rounds once, so the result is the correctly
 * rounded value, as Number() gives); anything else goes to Number().
 */
function parseNumber(xml: string, a: number, b: number): number {
  const len = b - a;
  if (len > 0 && len < 17) {
    let n = 0;
    let i = a;
    const neg = xml.charCodeAt(a) === 45;
    if (neg) i++;
    let digits = 0;
    let frac = -1;
    for (; i < b; i++) {
      const c = xml.charCodeAt(i);
      const d = c - 48;
      if (d >= 0 && d <= 9) {
        n = n * 10 + d;
        digits++;
      } else if (c === 46 && frac < 0) frac = i;
      else break;
    }
    if (i === b && digits > 0 && digits <= 15) {
      const v = frac < 0 ? n : n / POW10[b - frac - 1];
      return neg ? -v : v;
    }
  }
  const s = xml.slice(a, b);
  return s.trim() === "" ? NaN : Number(s);
}

/**
 * Rows collected so far (kept in one object so the hot loop has no closure-captured variables).
 * Cells of the current row go into reused scratch arrays and each finished row is copied out at
 * its exact length; a row whose formats equal the previous row's shares that row's array.
 */
class Rows {
  idx: number[] = [];
  vals: Cell[][] = [];
  fmts: (string | undefined)[][] = [];
  ordered = true;
  /** Current row index (0-based); -1 before the first row. */
  cur = -1;
  /** The row element had no r: take it from the first cell reference. */
  pending = false;
  /** Inside a row. */
  open = false;
  /** Scratch for the current row: values, formats, and the length used. */
  sv: Cell[] = [];
  sf: (string | undefined)[] = [];
  len = 0;
  lastFmts: (string | undefined)[] | null = null;

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

  begin(r: number): void {
    this.end();
    this.pending = r < 0;
    this.cur = r < 0 ? this.cur + 1 : r;
    this.open = true;
  }
}

/** From inside a cell's content, the position just after its `</c>` (other children are skipped). */
function skipToCellEnd(xml: string, pos: number): number {
  for (;;) {
    const l = xml.indexOf("<", pos);
    if (l < 0) return xml.length;
    if (xml.charCodeAt(l + 1) === 47) return xml.indexOf(">", l) + 1;
    const g = xml.indexOf(">", l);
    if (xml.charCodeAt(g - 1) === 47) { pos = g + 1; continue; }
    let ne = l + 1;
    while (!isNameEnd(xml.charCodeAt(ne))) ne++;
    const e = xml.indexOf("</" + xml.slice(l + 1, ne) + ">", g);
    if (e < 0) return xml.length;
    pos = xml.indexOf(">", e) + 1;
  }
}

/** Scans the worksheet XML. */
export function scanSheet(name: string, xml: string, ctx: SheetContext): SheetGrid {
  const p = rootPrefix(xml, "worksheet") ?? rootPrefix(xml, "dialogsheet") ?? rootPrefix(xml, "macrosheet") ?? "";
  const pl = p.length;
  const sheetDataOpen = "<" + p + "sheetData";
  let start = xml.indexOf(sheetDataOpen);
  while (start >= 0 && !isNameEnd(xml.charCodeAt(start + sheetDataOpen.length))) start = xml.indexOf(sheetDataOpen, start + 1);
  if (start < 0) return { name, values: [], formats: [], origin: { row: 0, col: 0 } };
  const afterOpen = xml.indexOf(">", start);
  if (xml.charCodeAt(afterOpen - 1) === 47) return { name, values: [], formats: [], origin: { row: 0, col: 0 } };

  const fClose = "</" + p + "f>";
  const vClose = "</" + p + "v>";
  const isClose = "</" + p + "is>";
  const { formats, isDate, date1904 } = ctx;
  let sst: readonly string[] | null = null;

  const rows = new Rows();
  let minCol = Infinity;
  let maxCol = -1;
  let lastCol = -1;

  let pos = afterOpen + 1;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    let q = lt + 1;
    const c0 = xml.charCodeAt(q);
    if (c0 === 47 /* / */) {
      // A closing tag: </row> ends the row, </sheetData> the scan.
      q += 1 + pl;
      const gt = xml.indexOf(">", q);
      if (xml.charCodeAt(q) === 114 /* r */) rows.end();
      else if (xml.charCodeAt(q) === 115 /* s */ && xml.startsWith("sheetData", q)) break;
      pos = gt + 1;
      continue;
    }
    if (c0 === 63 /* ? */ || c0 === 33 /* ! */) {
      const gt = xml.indexOf(c0 === 33 && xml.startsWith("!--", q) ? "-->" : ">", q);
      pos = gt < 0 ? n : gt + 1;
      continue;
    }
    q += pl;
    const ch = xml.charCodeAt(q);
    if (ch === 114 /* r */ && xml.charCodeAt(q + 1) === 111 && xml.charCodeAt(q + 2) === 119 && isNameEnd(xml.charCodeAt(q + 3))) {
      // <row r="…" …>: only r matters; attribute values never hold ">".
      const gt = xml.indexOf(">", q);
      if (gt < 0) break;
      let r = -1;
      for (let i = q + 3; i < gt; i++) {
        // an attribute named exactly "r": preceded by white space, followed by = (spaces allowed)
        if (xml.charCodeAt(i) !== 114) continue;
        const before = xml.charCodeAt(i - 1);
        if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
        let k = i + 1;
        while (xml.charCodeAt(k) === 32) k++;
        if (xml.charCodeAt(k) !== 61) continue;
        k++;
        while (xml.charCodeAt(k) === 32) k++;
        k++; // the quote
        let v = 0;
        for (let d = xml.charCodeAt(k) - 48; d >= 0 && d <= 9; d = xml.charCodeAt(++k) - 48) v = v * 10 + d;
        r = v - 1;
        break;
      }
      rows.begin(r);
      lastCol = -1;
      if (xml.charCodeAt(gt - 1) === 47) rows.end();
      pos = gt + 1;
      continue;
    }
    if (ch === 99 /* c */ && isNameEnd(xml.charCodeAt(q + 1))) {
      // <c r="B12" s="3" t="s">…</c>: each attribute value is parsed as it is scanned.
      let i = q + 1;
      let col = -1;
      let refRow = -1;
      let style = 0;
      let type = T_N;
      let selfClosing = false;
      for (;;) {
        let c = xml.charCodeAt(i);
        while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++i);
        if (c === 62) { i++; break; }
        if (c === 47) { selfClosing = true; i += 2; break; }
        if (i >= n) break;
        const a0 = c;
        let single = false;
        c = xml.charCodeAt(++i);
        if (c === 61) single = true;
        else while (c !== 61 && i < n) c = xml.charCodeAt(++i);
        c = xml.charCodeAt(++i);
        while (c !== 34 && c !== 39 && i < n) c = xml.charCodeAt(++i);
        const quote = c;
        i++;
        if (single && a0 === 114 /* r */) {
          let colNum = 0;
          let rowNum = 0;
          for (c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i)) {
            if (c >= 65 && c <= 90) colNum = colNum * 26 + (c - 64);
            else if (c >= 48 && c <= 57) rowNum = rowNum * 10 + (c - 48);
            else if (c >= 97 && c <= 122) colNum = colNum * 26 + (c - 96);
          }
          col = colNum - 1;
          refRow = rowNum - 1;
        } else if (single && a0 === 115 /* s */) {
          let v = 0;
          for (c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i)) v = v * 10 + (c - 48);
          style = v;
        } else if (single && a0 === 116 /* t */) {
          const vs = i;
          const t0 = xml.charCodeAt(i);
          for (c = t0; c !== quote && i < n; c = xml.charCodeAt(++i));
          const tl = i - vs;
          if (t0 === 115) type = tl === 1 ? T_S : T_STR;
          else if (t0 === 105) type = T_INLINE;
          else if (t0 === 98) type = T_B;
          else if (t0 === 101) type = T_E;
          else if (t0 === 100) type = T_D;
          else type = T_N;
        } else {
          for (c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i));
        }
        i++; // past the closing quote
      }
      if (!rows.open) {
        rows.begin(refRow); // a cell outside any <row>: tolerate
        lastCol = -1;
      }
      if (rows.pending && refRow >= 0) {
        rows.cur = refRow;
        rows.pending = false;
      }
      if (col < 0) col = lastCol + 1;
      lastCol = col;
      pos = i;
      if (selfClosing) continue;

      let vA = -1;
      let vB = -1;
      let inline: string | null = null;
      if (pl === 0 && xml.charCodeAt(i) === 60 && xml.charCodeAt(i + 1) === 118 && xml.charCodeAt(i + 2) === 62) {
        // Fast path: <v>…</v></c>
        vA = i + 3;
        let k = vA;
        while (k < n && xml.charCodeAt(k) !== 60) k++;
        vB = k;
        if (xml.charCodeAt(k + 1) === 47 && xml.charCodeAt(k + 2) === 118 && xml.charCodeAt(k + 3) === 62 && xml.charCodeAt(k + 4) === 60 && xml.charCodeAt(k + 5) === 47 && xml.charCodeAt(k + 6) === 99 && xml.charCodeAt(k + 7) === 62) {
          pos = k + 8;
        } else {
          // </v> followed by something else than </c> (an extLst, white space …)
          pos = skipToCellEnd(xml, k + vClose.length);
        }
      } else {
        // Children: <f>, <v>, <is>, <extLst>; up to </c>.
        for (;;) {
          const l = xml.indexOf("<", pos);
          if (l < 0) { pos = n; break; }
          const k = l + 1;
          if (xml.charCodeAt(k) === 47) {
            // </c> (or a stray closing tag): the cell ends
            pos = xml.indexOf(">", k) + 1;
            break;
          }
          const g = xml.indexOf(">", k);
          const selfC = xml.charCodeAt(g - 1) === 47;
          const cc = xml.charCodeAt(k + pl);
          const nameEnd = isNameEnd(xml.charCodeAt(k + pl + 1));
          if (cc === 118 /* v */ && nameEnd) {
            if (selfC) { vA = vB = g + 1; pos = g + 1; continue; }
            vA = g + 1;
            vB = xml.indexOf(vClose, vA);
            pos = vB + vClose.length;
          } else if (cc === 102 /* f */ && nameEnd) {
            pos = selfC ? g + 1 : xml.indexOf(fClose, g) + fClose.length;
          } else if (cc === 105 /* i */ && xml.charCodeAt(k + pl + 1) === 115 && isNameEnd(xml.charCodeAt(k + pl + 2))) {
            if (selfC) { inline = ""; pos = g + 1; continue; }
            const e = xml.indexOf(isClose, g);
            inline = stringItemText(xml.substring(g + 1, e), p);
            pos = e + isClose.length;
          } else {
            // Anything else (extLst …): skip the element whole.
            if (selfC) { pos = g + 1; continue; }
            let ne = k;
            while (!isNameEnd(xml.charCodeAt(ne))) ne++;
            const close = "</" + xml.slice(k, ne) + ">";
            const e = xml.indexOf(close, g);
            pos = e < 0 ? n : e + close.length;
          }
        }
      }

      let value: Cell = null;
      let fmt = style < formats.length ? formats[style] : undefined;
      switch (type) {
        case T_N:
          if (vA >= 0 && vB > vA) {
            const num = parseNumber(xml, vA, vB);
            if (Number.isNaN(num)) value = textContent(xml.slice(vA, vB));
            else value = date1904 && isDate[style] ? num + 1462 : num;
          }
          break;
        case T_S:
          if (vA >= 0 && vB > vA) {
            if (sst === null) sst = ctx.sharedStrings();
            const idx = parseNumber(xml, vA, vB);
            value = sst[idx] ?? null;
          }
          break;
        case T_STR:
        case T_E:
          if (vA >= 0) value = textContent(xml.slice(vA, vB));
          break;
        case T_INLINE:
          if (inline !== null) value = inline;
          else if (vA >= 0) value = textContent(xml.slice(vA, vB));
          break;
        case T_B:
          if (vA >= 0 && vB > vA) {
            const c = xml.charCodeAt(vA);
            value = c === 49 /* 1 */ || c === 116 /* t */ || c === 84;
          }
          break;
        case T_D:
          if (vA >= 0 && vB > vA) {
            const text = xml.slice(vA, vB);
            const serial = serialFromIsoDateTime(text);
            if (serial === null) value = text;
            else {
              value = serial;
              if (!isDate[style]) fmt = serial % 1 === 0 ? "yyyy-mm-dd" : serial < 1 ? "hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
            }
          }
          break;
      }
      if (value === null) continue;
      rows.set(col, value, fmt);
      if (col < minCol) minCol = col;
      if (col > maxCol) maxCol = col;
      continue;
    }
    // Any other start tag inside sheetData: step over it.
    const gt = xml.indexOf(">", q);
    pos = gt < 0 ? n : gt + 1;
  }
  rows.end();
  const rowIdx = rows.idx;
  const rowVals = rows.vals;
  const rowFmts = rows.fmts;
  const ordered = rows.ordered;

  if (rowIdx.length === 0) return { name, values: [], formats: [], origin: { row: 0, col: 0 } };

  let order: number[] | null = null;
  if (!ordered) {
    order = rowIdx.map((_, k) => k).sort((a, b) => rowIdx[a] - rowIdx[b] || a - b);
    // Later duplicates of a row index win, as when a row is written twice.
  }
  const at = (k: number) => (order ? order[k] : k);
  const firstRow = rowIdx[at(0)];
  const lastRow = rowIdx[at(rowIdx.length - 1)];
  const width = maxCol - minCol + 1;
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
      for (let j = 0; j < width; j++) if (v[j] !== null) { prev[j] = v[j]; pf[j] = f[j]; }
    } else {
      values[target] = v;
      fmtsOut[target] = f;
    }
  }
  for (let r = 0; r < height; r++) {
    if (values[r] === undefined) {
      values[r] = new Array<Cell>(width).fill(null);
      fmtsOut[r] = new Array<string | undefined>(width).fill(undefined);
    }
  }
  return { name, values, formats: fmtsOut, origin: { row: firstRow, col: minCol } };
}
