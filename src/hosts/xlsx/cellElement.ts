// Reads one <c> element of a sheet's XML: its attributes (r, s, t) and where the text of its value
// is (<v>, or the string of an <is>). One CellElement is reused for every cell of a sheet, so reading
// a cell allocates nothing beyond an inline string; sheetXml.ts says why the scan is by hand.
import { stringItemText } from "./sharedStrings";

/** Cell types, from the t attribute: n (or none), s, str, inlineStr, b, e, d. */
export const T_N = 0;
export const T_S = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_B = 4;
export const T_E = 5;
export const T_D = 6;

/** A tag name ends at ">", "/" or white space. */
export function isNameEnd(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

/**
 * The position just after the end tag of the element whose name starts at `nameStart` and whose
 * start tag ends at `gt`, or the end of the XML when it has none.
 */
export function skipElement(xml: string, nameStart: number, gt: number): number {
  let ne = nameStart;
  while (!isNameEnd(xml.charCodeAt(ne))) ne++;
  const close = "</" + xml.slice(nameStart, ne) + ">";
  const e = xml.indexOf(close, gt);
  return e < 0 ? xml.length : e + close.length;
}

/** From inside a cell's content, the position just after its `</c>` (other children are skipped). */
function skipToCellEnd(xml: string, pos: number): number {
  for (;;) {
    const l = xml.indexOf("<", pos);
    if (l < 0) return xml.length;
    if (xml.charCodeAt(l + 1) === 47) return xml.indexOf(">", l) + 1;
    const g = xml.indexOf(">", l);
    if (xml.charCodeAt(g - 1) === 47) { pos = g + 1; continue; }
    pos = skipElement(xml, l + 1, g);
  }
}

/** The <c> element last read (fields are reset by each read). */
export class CellElement {
  /** From r="B12": column 1 and row 11 (0-based); -1 without an r. */
  col = -1;
  row = -1;
  /** From s: the index into cellXfs. */
  style = 0;
  type = T_N;
  /** `<c …/>`: no content to read. */
  selfClosing = false;
  /** The text of its <v> is xml[vA, vB); both -1 without a <v>. */
  vA = -1;
  vB = -1;
  /** The string of its <is> (t="inlineStr"). */
  inline: string | null = null;

  /** The sheet's namespace prefix (with colon) and the end tags of <f>, <v> and <is> with it. */
  private readonly p: string;
  private readonly fClose: string;
  private readonly vClose: string;
  private readonly isClose: string;

  constructor(p: string) {
    this.p = p;
    this.fClose = "</" + p + "f>";
    this.vClose = "</" + p + "v>";
    this.isClose = "</" + p + "is>";
  }

  /** Reads the attributes, from just after `<c`; returns the position just after the start tag. */
  readStart(xml: string, from: number): number {
    // Each attribute value is parsed as it is scanned.
    const n = xml.length;
    let i = from;
    this.col = -1;
    this.row = -1;
    this.style = 0;
    this.type = T_N;
    this.selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++i);
      if (c === 62) { i++; break; }
      if (c === 47) { this.selfClosing = true; i += 2; break; }
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
      if (single && a0 === 114 /* r */) i = this.readRef(xml, i, quote);
      else if (single && a0 === 115 /* s */) i = this.readStyle(xml, i, quote);
      else if (single && a0 === 116 /* t */) i = this.readType(xml, i, quote);
      else i = skipValue(xml, i, quote);
      i++; // past the closing quote
    }
    return i;
  }

  /** r="B12" (letters in either case); returns the position of the closing quote. */
  private readRef(xml: string, i: number, quote: number): number {
    const n = xml.length;
    let colNum = 0;
    let rowNum = 0;
    for (let c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i)) {
      if (c >= 65 && c <= 90) colNum = colNum * 26 + (c - 64);
      else if (c >= 48 && c <= 57) rowNum = rowNum * 10 + (c - 48);
      else if (c >= 97 && c <= 122) colNum = colNum * 26 + (c - 96);
    }
    this.col = colNum - 1;
    this.row = rowNum - 1;
    return i;
  }

  /** s="3"; returns the position of the closing quote. */
  private readStyle(xml: string, i: number, quote: number): number {
    const n = xml.length;
    let v = 0;
    for (let c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i)) v = v * 10 + (c - 48);
    this.style = v;
    return i;
  }

  /** t="s": a lone s is a shared string, anything else is told by its first letter; returns the position of the closing quote. */
  private readType(xml: string, i: number, quote: number): number {
    const vs = i;
    const t0 = xml.charCodeAt(i);
    i = skipValue(xml, i, quote);
    const tl = i - vs;
    if (t0 === 115) this.type = tl === 1 ? T_S : T_STR;
    else if (t0 === 105) this.type = T_INLINE;
    else if (t0 === 98) this.type = T_B;
    else if (t0 === 101) this.type = T_E;
    else if (t0 === 100) this.type = T_D;
    else this.type = T_N;
    return i;
  }

  /** Reads the content, from just after the start tag, up to `</c>`; returns the position just after it. */
  readContent(xml: string, pos: number): number {
    this.vA = -1;
    this.vB = -1;
    this.inline = null;
    if (this.p.length === 0 && xml.charCodeAt(pos) === 60 && xml.charCodeAt(pos + 1) === 118 && xml.charCodeAt(pos + 2) === 62) return this.readLoneValue(xml, pos);
    return this.readChildren(xml, pos);
  }

  /** The common `<v>…</v></c>` without a prefix, from its `<v>`. */
  private readLoneValue(xml: string, pos: number): number {
    const n = xml.length;
    const vA = pos + 3;
    let k = vA;
    while (k < n && xml.charCodeAt(k) !== 60) k++;
    this.vA = vA;
    this.vB = k;
    if (xml.charCodeAt(k + 1) === 47 && xml.charCodeAt(k + 2) === 118 && xml.charCodeAt(k + 3) === 62 && xml.charCodeAt(k + 4) === 60 && xml.charCodeAt(k + 5) === 47 && xml.charCodeAt(k + 6) === 99 && xml.charCodeAt(k + 7) === 62) {
      return k + 8;
    }
    // </v> followed by something else than </c> (an extLst, white space …)
    return skipToCellEnd(xml, k + this.vClose.length);
  }

  /** Children: <f>, <v>, <is>, <extLst>; up to </c>. */
  private readChildren(xml: string, pos: number): number {
    const n = xml.length;
    const pl = this.p.length;
    for (;;) {
      const l = xml.indexOf("<", pos);
      if (l < 0) return n;
      const k = l + 1;
      if (xml.charCodeAt(k) === 47) {
        // </c> (or a stray closing tag): the cell ends
        return xml.indexOf(">", k) + 1;
      }
      const g = xml.indexOf(">", k);
      const selfC = xml.charCodeAt(g - 1) === 47;
      const cc = xml.charCodeAt(k + pl);
      const nameEnd = isNameEnd(xml.charCodeAt(k + pl + 1));
      if (cc === 118 /* v */ && nameEnd) {
        if (selfC) { this.vA = this.vB = g + 1; pos = g + 1; continue; }
        this.vA = g + 1;
        this.vB = xml.indexOf(this.vClose, g + 1);
        pos = this.vB + this.vClose.length;
      } else if (cc === 102 /* f */ && nameEnd) {
        pos = selfC ? g + 1 : xml.indexOf(this.fClose, g) + this.fClose.length;
      } else if (cc === 105 /* i */ && xml.charCodeAt(k + pl + 1) === 115 && isNameEnd(xml.charCodeAt(k + pl + 2))) {
        if (selfC) { this.inline = ""; pos = g + 1; continue; }
        const e = xml.indexOf(this.isClose, g);
        this.inline = stringItemText(xml.substring(g + 1, e), this.p);
        pos = e + this.isClose.length;
      } else {
        // Anything else (extLst …): skip the element whole.
        pos = selfC ? g + 1 : skipElement(xml, k, g);
      }
    }
  }
}

/** From the start of an attribute value, the position of its closing quote (or the end of the XML). */
function skipValue(xml: string, i: number, quote: number): number {
  const n = xml.length;
  for (let c = xml.charCodeAt(i); c !== quote && i < n; c = xml.charCodeAt(++i));
  return i;
}
