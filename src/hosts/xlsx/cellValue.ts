// Turns the text of a cell's value into a Cell by the cell's type (t=s/str/inlineStr/b/e/d/n), and
// picks the number format it shows.
import type { Cell } from "../../model/cells";
import { serialFromIsoDateTime } from "../../model/days";
import { textContent } from "../ooxml/xml";
import { T_B, T_D, T_E, T_INLINE, T_N, T_S, T_STR, type ValueReader } from "./cellElement";
import { corrupt } from "./errors";

/** What the scanner needs besides the XML. */
export interface SheetContext {
  sharedStrings: () => readonly string[];
  /** Format code per cellXfs index (undefined = General). */
  formats: readonly (string | undefined)[];
  isDate: readonly boolean[];
  date1904: boolean;
}

/** A 1904-system serial counts days from 1904-01-01, which is day 1462 of the 1900 system. */
const DAYS_1900_TO_1904 = 1462;

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

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

/** The format that shows what an ISO date (t="d") holds: a date, a time of day, or both. */
function isoDateFormat(serial: number): string {
  return serial % 1 === 0 ? "yyyy-mm-dd" : serial < 1 ? "hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
}

/** Reads the values of one sheet's cells; the shared strings are loaded at the first t="s" value. */
export class CellValues implements ValueReader {
  private sst: readonly string[] | null = null;
  private readonly ctx: SheetContext;
  private readonly formats: readonly (string | undefined)[];
  private readonly isDate: readonly boolean[];
  /** Column → last row of the formula cells without a calculated value. */
  private readonly noValue = new Map<number, number>();

  constructor(ctx: SheetContext) {
    this.ctx = ctx;
    this.formats = ctx.formats;
    this.isDate = ctx.isDate;
  }

  /** The value of a cell of `type` whose <v> text is xml[vA, vB) (-1: none), or null when it holds none. */
  value(xml: string, type: number, style: number, vA: number, vB: number, inline: string | null): Cell {
    // Numbers and shared strings are nearly every cell: they are read here and the other types
    // apart, which keeps this small enough for the cell reader to inline (see cellElement.ts).
    if (type === T_N || type === T_S) {
      if (!(vA >= 0 && vB > vA)) return null;
      const num = parseNumber(xml, vA, vB);
      return type === T_S ? this.sharedString(num) : this.number(num, xml, vA, vB, style);
    }
    return otherValue(xml, type, vA, vB, inline);
  }

  uncalculated(row: number, col: number): void {
    const last = this.noValue.get(col);
    if (last === undefined || row > last) this.noValue.set(col, row);
  }

  /** The columns with formulas saved without their values, for SheetGrid.uncalculated. */
  uncalculatedColumns(): { col: number; lastRow: number }[] {
    return [...this.noValue].sort((a, b) => a[0] - b[0]).map(([col, lastRow]) => ({ col, lastRow }));
  }

  /** The number format of a cell whose value is `value`. */
  format(type: number, style: number, value: Cell): string | undefined {
    // An ISO date in a style that shows no date would read as a bare number.
    if (type === T_D && typeof value === "number" && !this.isDate[style]) return isoDateFormat(value);
    return style < this.formats.length ? this.formats[style] : undefined;
  }

  /** A number; a date in a 1904 workbook becomes its 1900-system serial. Text that is no number stays text. */
  private number(num: number, xml: string, vA: number, vB: number, style: number): Cell {
    if (Number.isNaN(num)) return textContent(xml.slice(vA, vB));
    return this.ctx.date1904 && this.isDate[style] ? num + DAYS_1900_TO_1904 : num;
  }

  /** The shared string at `index`; one that is not in the table is a damaged file, not an empty cell. */
  private sharedString(index: number): Cell {
    if (this.sst === null) this.sst = this.ctx.sharedStrings();
    const s = this.sst[index];
    if (s === undefined) throw noSharedString(index, this.sst.length);
    return s;
  }
}

function noSharedString(index: number, count: number) {
  const valid = Number.isInteger(index) && index >= 0;
  return corrupt(
    `en cell hänvisar till delad text ${valid ? `nr ${index}` : "med ogiltigt nummer"}, men arbetsboken har ${count === 0 ? "inga delade texter" : `bara ${count}`}`,
    `a cell refers to shared string ${valid ? `no. ${index}` : "with an invalid number"}, but the workbook has ${count === 0 ? "no shared strings" : `only ${count}`}`,
  );
}

/** The value of a cell of type str, e, inlineStr, b or d, or null when it holds none. */
function otherValue(xml: string, type: number, vA: number, vB: number, inline: string | null): Cell {
  switch (type) {
    case T_STR:
    case T_E:
      return vA >= 0 ? textContent(xml.slice(vA, vB)) : null;
    case T_INLINE:
      if (inline !== null) return inline;
      return vA >= 0 ? textContent(xml.slice(vA, vB)) : null;
    case T_B:
      if (vA >= 0 && vB > vA) {
        const c = xml.charCodeAt(vA);
        return c === 49 /* 1 */ || c === 116 /* t */ || c === 84;
      }
      return null;
    case T_D:
      if (vA >= 0 && vB > vA) {
        const text = xml.slice(vA, vB);
        return serialFromIsoDateTime(text) ?? text;
      }
      return null;
  }
  return null;
}
