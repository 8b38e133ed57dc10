// Dates as day serials: Excel serials, ISO text, Swedish day-first text, month names (DOMAIN.md §3).
//
// Hot path: a serial returns after two comparisons and "YYYY-MM-DD" is read by char code; the
// regular expressions live at module level and serve only the rarer text shapes.
import type { Cell } from "../../model/cells";
import type { DaySerial } from "../../model/days";
import type { Parsed } from "../../model/parsed";
import { DAYS_1900_TO_1904, MAX_SERIAL, MIN_SERIAL, daysInMonth, isValidYmd, serialFromYmd } from "../../model/days";
import { monthFromName } from "./monthNames";
import { scanNumber } from "./numbers";
import { firstNonWs, lastNonWsEnd } from "./text";

// Shared answers that carry no per-call data (never mutate them).
const FAIL_MISSING_DATE: Parsed<never> = { ok: false, reason: "missingDate" };
const FAIL_DATE: Parsed<never> = { ok: false, reason: "invalidDate" };
const FAIL_DATE_RANGE: Parsed<never> = { ok: false, reason: "dateOutOfRange" };

/** "13:45", "13.45", "13:45:00", "13:45:00.000", optional "Z" or an offset. */
const RE_TIME = /^\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,9})?)?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?$/;
/** A time (optionally after "kl.") at the end of a date text. */
const RE_TIME_SUFFIX = /(?:\s+(?:kl\.?\s*)?|T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,9})?)?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?$/i;
/** 2024-01-31, 2024/1/31, 2024.01.31 */
const RE_YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
/** 31/1 2024, 31/1/2024, 31.1.2024, 31-1-2024, 31.1 2024 */
const RE_DMY = /^(\d{1,2})([./-])(\d{1,2})(?:\2|\s+|\2\s+)(\d{4})$/;
/** 31 januari 2024, 31 jan 2024, 31 jan. 2024, 31-jan-2024, 31:a januari 2024 */
const RE_D_NAME_Y = /^(\d{1,2})(?::[ae])?\.?[\s-]*(\p{L}+)\.?[\s,-]*(\d{4})$/u;
/** January 31, 2024; jan 31 2024 */
const RE_NAME_D_Y = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u;
const RE_DIGITS14 = /^\d{14}$/;
/** Five digits with an optional fraction: a serial written as text ("45322", "45322,75"). */
const RE_SERIAL_TEXT = /^\d{5}(?:[.,]\d+)?$/;

function dateFromYmd(y: number, m: number, d: number): Parsed<DaySerial> {
  if (!isValidYmd(y, m, d)) return FAIL_DATE;
  const s = serialFromYmd(y, m, d);
  return s >= MIN_SERIAL && s <= MAX_SERIAL ? { ok: true, value: s } : FAIL_DATE_RANGE;
}

function dateFromNumber(n: number): Parsed<DaySerial> {
  if (n - n !== 0) return FAIL_DATE;
  if (n >= MIN_SERIAL && n < MAX_SERIAL + 1) return { ok: true, value: Math.floor(n) };
  // An integer yyyymmdd (data warehouse extracts): 20240131.
  if (n >= 19000101 && n <= 21991231 && Number.isInteger(n)) {
    return dateFromYmd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  // SKR's ÅÅÅÅMMDDhhmmss read as a number by a spreadsheet: 20260106080000.
  if (n >= 19000101000000 && n <= 21991231235959 && Number.isInteger(n)) {
    const time = n % 1000000;
    if (Math.floor(time / 10000) > 23 || Math.floor(time / 100) % 100 > 59 || time % 100 > 59) return FAIL_DATE;
    return dateFromNumber(Math.floor(n / 1000000));
  }
  return FAIL_DATE_RANGE;
}

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Text → serial: the fast ISO shape first, then the other shapes by module-level patterns. */
function dateFromText(cell: string, a: number, b: number): Parsed<DaySerial> {
  // Fast path: "YYYY-MM-DD", optionally followed by " " or "T" and a time.
  if (b - a >= 10 && cell.charCodeAt(a + 4) === 45 && cell.charCodeAt(a + 7) === 45) {
    const hi = d2(cell, a);
    const lo = d2(cell, a + 2);
    const m = d2(cell, a + 5);
    const d = d2(cell, a + 8);
    if (hi >= 0 && lo >= 0 && m >= 0 && d >= 0) {
      if (b - a === 10) return dateFromYmd(hi * 100 + lo, m, d);
      const sep = cell.charCodeAt(a + 10);
      if ((sep === 32 || sep === 84 /* T */ || sep === 0xa0) && RE_TIME.test(cell.slice(a + 11, b).trim())) {
        return dateFromYmd(hi * 100 + lo, m, d);
      }
      return FAIL_DATE;
    }
  }
  let t = a === 0 && b === cell.length ? cell : cell.slice(a, b);
  // "20240131"
  if (t.length === 8) {
    const hi = d2(t, 0),
      lo = d2(t, 2),
      m = d2(t, 4),
      d = d2(t, 6);
    if (hi >= 0 && lo >= 0 && m >= 0 && d >= 0) return dateFromYmd(hi * 100 + lo, m, d);
  }
  // SKR's own "ÅÅÅÅMMDDhhmmss": "20260106080000".
  if (t.length === 14 && RE_DIGITS14.test(t)) {
    const h = d2(t, 8),
      mi = d2(t, 10),
      sec = d2(t, 12);
    if (h > 23 || mi > 59 || sec > 59) return FAIL_DATE;
    return dateFromYmd(d2(t, 0) * 100 + d2(t, 2), d2(t, 4), d2(t, 6));
  }
  if (RE_SERIAL_TEXT.test(t)) {
    const v = scanNumber(t, 0, t.length, 0);
    return v === v ? dateFromNumber(v) : FAIL_DATE;
  }
  const time = RE_TIME_SUFFIX.exec(t);
  if (time !== null && time.index > 0) t = t.slice(0, time.index);
  let r = RE_YMD.exec(t);
  if (r !== null) return dateFromYmd(+r[1], +r[3], +r[4]);
  r = RE_DMY.exec(t);
  if (r !== null) return dateFromYmd(+r[4], +r[3], +r[1]);
  r = RE_D_NAME_Y.exec(t);
  if (r !== null) {
    const m = monthFromName(r[2]);
    return m === null ? FAIL_DATE : dateFromYmd(+r[3], m, +r[1]);
  }
  r = RE_NAME_D_Y.exec(t);
  if (r !== null) {
    const m = monthFromName(r[1]);
    return m === null ? FAIL_DATE : dateFromYmd(+r[3], m, +r[2]);
  }
  return FAIL_DATE;
}

/**
 * A date as a day serial.
 * - A number is an Excel serial; a fraction is the time of day and is floored (45322.75 → 45322).
 *   Serials outside 1900-01-01 … 2199-12-31 are rejected (dateOutOfRange),
 *   except an integer yyyymmdd (20240131), which is read as that date.
 * - Text: "2024-01-31", "2024-01-31 13:45", "2024-01-31T13:45:00", "20240131", "20240131134500"
 *   (SKR's ÅÅÅÅMMDDhhmmss; also as a number), "2024/01/31",
 *   "31/1 2024", "31.1.2024", "31 januari 2024", "31 jan 2024", "January 31, 2024", and a serial
 *   written as five digits ("45322"). Day-first for numeric d/m/y (Swedish order, never US).
 *   Two-digit years are not accepted. A date that does not exist ("2024-02-30") → invalidDate.
 * - Blank → missingDate; booleans → invalidDate.
 * `format` is accepted for symmetry with the other parsers and does not change the result: Excel
 * extracts often lose date formats, so a number in a date column is read as a serial regardless.
 */
export function parseDate(cell: Cell, format?: string | null): Parsed<DaySerial> {
  if (typeof cell === "number") {
    if (cell >= MIN_SERIAL && cell < MAX_SERIAL + 1) return { ok: true, value: Math.floor(cell) };
    return dateFromNumber(cell);
  }
  void format;
  if (typeof cell !== "string") return cell === null ? FAIL_MISSING_DATE : FAIL_DATE;
  const a = firstNonWs(cell);
  const b = lastNonWsEnd(cell, a);
  if (a === b) return FAIL_MISSING_DATE;
  return dateFromText(cell, a, b);
}

/** The last 1904-system serial parseDate accepts (2199-12-31). */
const MAX_SERIAL_1904 = MAX_SERIAL - DAYS_1900_TO_1904;

/**
 * A date as parseDate reads it, where a number is a serial of the 1904 date system (a plain number in
 * a date column of a 1904 workbook: ingest/dateSystem.ts decides when): 43860 is 2024-01-31. A number
 * that is no serial (an integer yyyymmdd, SKR's ÅÅÅÅMMDDhhmmss) and text mean what they say in either
 * system; so does a serial written as text ("45322"), which comes from outside Excel and is read as
 * the 1900 serial every other system writes.
 */
export function parseDate1904(cell: Cell): Parsed<DaySerial> {
  if (typeof cell !== "number" || cell >= 19000101 || cell - cell !== 0) return parseDate(cell);
  if (cell >= 0 && cell < MAX_SERIAL_1904 + 1) return parseDate(cell + DAYS_1900_TO_1904);
  return FAIL_DATE_RANGE;
}

/** "202602", 202602, "2026-02", "februari 2026": a month, as its last day. */
const RE_YEAR_MONTH = /^(\d{4})[-/.]?(\d{2})$/;
const RE_MONTH_NAME_YEAR = /^(\p{L}+)\.?\s+(\d{4})$/u;

/**
 * A measurement date (matperiod, period_årmånad, Mätdatum): a date as parseDate reads it, or a month
 * ("202602", "2026-02", "feb 2026"), which stands for the month's last day.
 */
export function parseMeasurementDate(cell: Cell): Parsed<DaySerial> {
  return measurementDate(cell, parseDate);
}

/** The same where a number is a 1904-system serial (see parseDate1904); a month (202602) is a month in either system. */
export function parseMeasurementDate1904(cell: Cell): Parsed<DaySerial> {
  return measurementDate(cell, parseDate1904);
}

function measurementDate(cell: Cell, date: (cell: Cell) => Parsed<DaySerial>): Parsed<DaySerial> {
  const text = typeof cell === "number" && Number.isInteger(cell) && cell >= 190001 && cell <= 219912 ? String(cell) : cell;
  if (typeof text === "string") {
    const t = text.trim();
    let r = RE_YEAR_MONTH.exec(t);
    if (r !== null) return monthEnd(+r[1], +r[2]);
    r = RE_MONTH_NAME_YEAR.exec(t);
    if (r !== null) {
      const m = monthFromName(r[1]);
      if (m !== null) return monthEnd(+r[2], m);
    }
  }
  return date(cell);
}

function monthEnd(y: number, m: number): Parsed<DaySerial> {
  if (m < 1 || m > 12) return FAIL_DATE;
  const s = serialFromYmd(y, m, daysInMonth(y, m));
  return s >= MIN_SERIAL && s <= MAX_SERIAL ? { ok: true, value: s } : FAIL_DATE_RANGE;
}
