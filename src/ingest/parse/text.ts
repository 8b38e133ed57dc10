// Whitespace, blank cells, suppression marks, and how a cell is shown in an Issue (DOMAIN.md §3).
//
// Hot path: every parser starts here. Text is scanned by char code without allocating.
import type { Cell } from "../../model/cells";

/** Whitespace as it occurs in extracts: ASCII, no-break spaces, the Unicode spaces, BOM, ZWSP. */
export function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x202f ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

/** Characters that separate thousands: space, no-break space, narrow no-break, thin, figure space. */
export function isGroupSep(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

/** Index of the first non-whitespace character of s (s.length when there is none). */
export function firstNonWs(s: string): number {
  let i = 0;
  const n = s.length;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  return i;
}

/** End (exclusive) of s without its trailing whitespace, never before `from`. */
export function lastNonWsEnd(s: string, from: number): number {
  let j = s.length;
  while (j > from && isWs(s.charCodeAt(j - 1))) j--;
  return j;
}

/** null, "" or whitespace only (including U+00A0 and the other Unicode spaces). */
export function isBlank(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell !== "string") return false;
  for (let i = 0; i < cell.length; i++) if (!isWs(cell.charCodeAt(i))) return false;
  return true;
}

/**
 * The national statistics' suppression marks (fewer than 5 contacts): "–", "-", "—", "−", "..",
 * "…", "x", "X", "*", surrounding whitespace allowed. A blank is not a mark (the caller decides).
 */
export function isSuppressed(cell: Cell): boolean {
  if (typeof cell !== "string" || cell.length === 0) return false;
  let a = 0;
  let b = cell.length;
  if (b > 2 || isWs(cell.charCodeAt(0)) || isWs(cell.charCodeAt(b - 1))) {
    if (b > 64) return false;
    a = firstNonWs(cell);
    b = lastNonWsEnd(cell, a);
  }
  const len = b - a;
  if (len === 1) {
    const c = cell.charCodeAt(a);
    return (
      c === 0x2013 /* – */ ||
      c === 45 /* - */ ||
      c === 0x2014 /* — */ ||
      c === 0x2212 /* − */ ||
      c === 120 /* x */ ||
      c === 88 /* X */ ||
      c === 42 /* * */ ||
      c === 0x2026 /* … */
    );
  }
  if (len === 2) return cell.charCodeAt(a) === 46 && cell.charCodeAt(a + 1) === 46;
  if (len === 3) return cell.charCodeAt(a) === 46 && cell.charCodeAt(a + 1) === 46 && cell.charCodeAt(a + 2) === 46;
  return false;
}

/**
 * Excel's error values, as a file stores them (t="e") and Office.js's Range.values returns them: a
 * formula that failed. Upper case, as Excel writes them (it turns a typed "#n/a" into #N/A).
 */
const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#EXTERNAL!",
  "#PYTHON!",
  "#TIMEOUT!",
  "#UNKNOWN!",
]);

/** An Excel error value ("#REF!", "#N/A" …), surrounding whitespace allowed. Hot path: one comparison for most cells. */
export function isErrorValue(cell: Cell): boolean {
  if (typeof cell !== "string" || cell.length < 4 || cell.length > 24) return false;
  const c = cell.charCodeAt(0);
  if (c === 35 /* # */) return ERROR_VALUES.has(cell) || ERROR_VALUES.has(cell.trim().toUpperCase());
  return isWs(c) && ERROR_VALUES.has(cell.trim().toUpperCase());
}

/** How a cell value is shown in an Issue: null → "", numbers as JS strings, booleans as Swedish Excel shows them. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  return cell ? "SANT" : "FALSKT";
}
