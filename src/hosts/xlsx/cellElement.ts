// Reads one <c> element of a sheet's XML: its attributes (r, s, t), where the text of its value is
// (<v>, or the string of an <is>), and puts its value in the row being read. sheetXml.ts says why
// the scan is by hand. A cell is read by one call (CellReader.read) with its state in locals, and
// what that call uses is small enough for the JIT to inline it all (V8 inlines a bounded amount
// into one function): with the attributes or the content read by calls of their own, a 200 000-row
// sheet read about a tenth slower.
//
// The XML comes a piece at a time (sheetXml.ts), so a cell may be cut off at the end of a piece:
// then read() returns INCOMPLETE and changes nothing (the cell is placed in its row only once it
// has been read whole), and the scan reads it again with the next piece appended.
import type { Cell } from "../../model/cells";
import { textContent } from "../ooxml/xml";
import { stringItemText } from "./sharedStrings";
import type { Rows } from "./sheetRows";

/** Cell types, from the t attribute: n (or none), s, str, inlineStr, b, e, d. */
export const T_N = 0;
export const T_S = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_B = 4;
export const T_E = 5;
export const T_D = 6;

/** Turns a cell's value text into a Cell and picks its format (cellValue.ts). */
export interface ValueReader {
  value(xml: string, type: number, style: number, vA: number, vB: number, inline: string | null): Cell;
  format(type: number, style: number, value: Cell): string | undefined;
  /** A formula cell with no calculated value to read, at 0-based `row` and `col`. */
  uncalculated(row: number, col: number): void;
}

/** What read() returns for a cell that the text at hand ends inside of. */
export const INCOMPLETE = -1;

/** A tag name ends at ">", "/" or white space. */
export function isNameEnd(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

/**
 * The position just after the end tag of the element whose name starts at `nameStart` and whose
 * start tag ends at `gt` (found, so the name ends before it), or INCOMPLETE when the text has no end tag.
 */
export function skipElement(xml: string, nameStart: number, gt: number): number {
  let ne = nameStart;
  while (ne < gt && !isNameEnd(xml.charCodeAt(ne))) ne++;
  const close = "</" + xml.slice(nameStart, ne) + ">";
  const e = xml.indexOf(close, gt);
  return e < 0 ? INCOMPLETE : e + close.length;
}

/** From inside a cell's content, the position just after its `</c>` (other children are skipped), or INCOMPLETE. */
function skipToCellEnd(xml: string, pos: number): number {
  for (;;) {
    const l = xml.indexOf("<", pos);
    if (l < 0) return INCOMPLETE;
    const g = xml.indexOf(">", l);
    if (g < 0) return INCOMPLETE;
    if (xml.charCodeAt(l + 1) === 47) return g + 1;
    if (xml.charCodeAt(g - 1) === 47) {
      pos = g + 1;
      continue;
    }
    pos = skipElement(xml, l + 1, g);
    if (pos < 0) return INCOMPLETE;
  }
}

/** From the start of an attribute value, the position of its closing quote (or the end of the XML). */
function valueEnd(xml: string, i: number, quote: number): number {
  const n = xml.length;
  for (let c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i));
  return i;
}

/** The type of t="…" in xml[a, b): a lone s is a shared string, anything else is told by its first letter. */
function typeCode(xml: string, a: number, b: number): number {
  const t0 = xml.charCodeAt(a);
  if (t0 === 115) return b - a === 1 ? T_S : T_STR;
  if (t0 === 105) return T_INLINE;
  if (t0 === 98) return T_B;
  if (t0 === 101) return T_E;
  if (t0 === 100) return T_D;
  return T_N;
}

/** Reads the <c> elements of one sheet into its rows. */
export class CellReader {
  /** The sheet's namespace prefix (with colon) and the end tags of <f>, <v> and <is> with it. */
  private readonly p: string;
  private readonly fClose: string;
  private readonly vClose: string;
  private readonly isClose: string;
  private readonly values: ValueReader;
  private readonly rows: Rows;
  /** Where readChildren found the value: the text of a <v> is xml[vA, vB), an <is> gives `inline`. */
  private vA = -1;
  private vB = -1;
  private inline: string | null = null;
  /** readChildren met an <f>. */
  private formula = false;
  private readonly recent: string[] = new Array<string>(KEEP_SLOTS).fill("");

  constructor(p: string, values: ValueReader, rows: Rows) {
    this.p = p;
    this.fClose = "</" + p + "f>";
    this.vClose = "</" + p + "v>";
    this.isClose = "</" + p + "is>";
    this.values = values;
    this.rows = rows;
  }

  /**
   * Reads the element from just after `<c` and puts its value in its row; returns the position just
   * after it, or INCOMPLETE (having changed nothing) when the text ends inside it.
   */
  read(xml: string, from: number): number {
    // <c r="B12" s="3" t="s">…</c>: each attribute value is parsed as it is scanned.
    const n = xml.length;
    let i = from;
    let col = -1;
    let row = -1;
    let style = 0;
    let type = T_N;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        selfClosing = true;
        i += 2;
        break;
      }
      if (i >= n) return INCOMPLETE;
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
        // r="B12": letters (either case) give the column, digits the row (checked against XFD1048576 by Rows.place)
        let colNum = 0;
        let rowNum = 0;
        // Capitals then digits, as every writer writes them; anything else in the loop after.
        for (c = xml.charCodeAt(i); c >= 65 && c <= 90; c = xml.charCodeAt(++i)) colNum = colNum * 26 + (c - 64);
        for (; c >= 48 && c <= 57; c = xml.charCodeAt(++i)) rowNum = rowNum * 10 + (c - 48);
        for (; c !== quote && i < n; c = xml.charCodeAt(++i)) {
          if (c >= 65 && c <= 90) colNum = colNum * 26 + (c - 64);
          else if (c >= 48 && c <= 57) rowNum = rowNum * 10 + (c - 48);
          else if (c >= 97 && c <= 122) colNum = colNum * 26 + (c - 96);
        }
        col = colNum - 1;
        row = rowNum - 1;
      } else if (single && a0 === 115 /* s */) {
        // s="3": the index into cellXfs
        let v = 0;
        for (c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i)) v = v * 10 + (c - 48);
        style = v;
      } else if (single && a0 === 116 /* t */) {
        if (xml.charCodeAt(i) === 115 && xml.charCodeAt(i + 1) === quote) {
          // t="s", a shared string: most string cells
          type = T_S;
          i++;
        } else {
          const vs = i;
          i = valueEnd(xml, i, quote);
          type = typeCode(xml, vs, i);
        }
      } else i = valueEnd(xml, i, quote);
      if (i >= n) return INCOMPLETE;
      i++; // past the closing quote
    }
    if (i > n) return INCOMPLETE; // "/" without its ">"
    if (selfClosing) {
      this.rows.place(row, col);
      return i;
    }

    let vA: number;
    let vB: number;
    let inline: string | null = null;
    let formula = false;
    let pos: number;
    if (this.p.length === 0 && xml.charCodeAt(i) === 60 && xml.charCodeAt(i + 1) === 118 && xml.charCodeAt(i + 2) === 62) {
      // Fast path: <v>…</v></c>
      vA = i + 3;
      let k = vA;
      while (k < n && xml.charCodeAt(k) !== 60) k++;
      vB = k;
      if (
        xml.charCodeAt(k + 1) === 47 &&
        xml.charCodeAt(k + 2) === 118 &&
        xml.charCodeAt(k + 3) === 62 &&
        xml.charCodeAt(k + 4) === 60 &&
        xml.charCodeAt(k + 5) === 47 &&
        xml.charCodeAt(k + 6) === 99 &&
        xml.charCodeAt(k + 7) === 62
      ) {
        pos = k + 8;
      } else {
        // </v> followed by something else than </c> (an extLst, white space …), or the text ends
        pos = skipToCellEnd(xml, k + this.vClose.length);
      }
    } else {
      pos = this.readChildren(xml, i);
      vA = this.vA;
      vB = this.vB;
      inline = this.inline;
      formula = this.formula;
    }
    if (pos < 0) return INCOMPLETE;
    col = this.rows.place(row, col);
    let value = this.values.value(xml, type, style, vA, vB, inline);
    if (value !== null) {
      if (type !== T_S && typeof value === "string") value = this.keep(value);
      this.rows.set(col, value, this.values.format(type, style, value));
    } else if (formula) this.values.uncalculated(this.rows.cur, col);
    return pos;
  }

  /**
   * A string of the sheet's own text (not a shared string), to keep: a copy that is no view into the
   * piece of XML it came from, and one copy of a string seen a moment ago. V8 makes a substring of
   * 13 or more characters a view that keeps its whole parent string alive, which would keep every
   * piece of a sheet of inline strings, so memory would follow the XML's size instead of the cells
   * kept; and a million rows of inline strings repeat their unit names a million times. The strings
   * seen are remembered in a small two-way cache by a few of their characters (a Map, which hashes
   * every character of every string, took three times as long).
   */
  private keep(s: string): string {
    const n = s.length;
    if (n > KEEP_MAX_LENGTH || n === 0) return n < SLICE_MIN ? s : detach(s);
    const slot =
      (n * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(n >> 2) * 131 + s.charCodeAt(n >> 1) * 17 + s.charCodeAt(n - 1)) & (KEEP_SLOTS - 2);
    const recent = this.recent;
    if (recent[slot] === s) return recent[slot];
    if (recent[slot + 1] === s) return recent[slot + 1];
    const own = n < SLICE_MIN ? s : detach(s);
    recent[slot + 1] = recent[slot];
    recent[slot] = own;
    return own;
  }

  /** Children: <f>, <v>, <is>, <extLst>; up to </c>. Returns the position just after it, or INCOMPLETE. */
  private readChildren(xml: string, pos: number): number {
    const pl = this.p.length;
    this.vA = -1;
    this.vB = -1;
    this.inline = null;
    this.formula = false;
    if (pl === 0 && xml.startsWith("<is><t>", pos)) {
      // Fast path: <is><t>text</t></is></c>, an inline string as most writers write one
      const a = pos + 7;
      const k = xml.indexOf("<", a);
      if (k >= 0 && xml.startsWith("</t></is></c>", k)) {
        this.inline = textContent(xml.slice(a, k));
        return k + 13;
      }
    }
    for (;;) {
      const l = xml.indexOf("<", pos);
      if (l < 0) return INCOMPLETE;
      const k = l + 1;
      const g = xml.indexOf(">", k);
      if (g < 0) return INCOMPLETE;
      // </c> (or a stray closing tag): the cell ends
      if (xml.charCodeAt(k) === 47) return g + 1;
      const selfC = xml.charCodeAt(g - 1) === 47;
      const cc = xml.charCodeAt(k + pl);
      const nameEnd = isNameEnd(xml.charCodeAt(k + pl + 1));
      if (cc === 118 /* v */ && nameEnd) {
        if (selfC) {
          this.vA = this.vB = g + 1;
          pos = g + 1;
          continue;
        }
        const e = xml.indexOf(this.vClose, g + 1);
        if (e < 0) return INCOMPLETE;
        this.vA = g + 1;
        this.vB = e;
        pos = e + this.vClose.length;
      } else if (cc === 102 /* f */ && nameEnd) {
        this.formula = true;
        if (selfC) pos = g + 1;
        else {
          const e = xml.indexOf(this.fClose, g);
          if (e < 0) return INCOMPLETE;
          pos = e + this.fClose.length;
        }
      } else if (cc === 105 /* i */ && xml.charCodeAt(k + pl + 1) === 115 && isNameEnd(xml.charCodeAt(k + pl + 2))) {
        if (selfC) {
          this.inline = "";
          pos = g + 1;
          continue;
        }
        const e = xml.indexOf(this.isClose, g);
        if (e < 0) return INCOMPLETE;
        this.inline = stringItemText(xml.substring(g + 1, e), this.p);
        pos = e + this.isClose.length;
      } else {
        // Anything else (extLst …): skip the element whole.
        pos = selfC ? g + 1 : skipElement(xml, k, g);
        if (pos < 0) return INCOMPLETE;
      }
    }
  }
}

/** Strings up to this long are looked up among those seen (keep). */
const KEEP_MAX_LENGTH = 64;
/** The cache of strings seen: 4 096 pairs. */
const KEEP_SLOTS = 8192;
/** V8 copies a substring shorter than this (SlicedString::kMinLength) instead of making it a view. */
const SLICE_MIN = 13;

/** A copy of `s` that is no view into a longer string: a concatenation, flattened by the slice, owns its characters. */
function detach(s: string): string {
  return (" " + s).slice(1);
}
