// Pure calendar arithmetic on Excel 1900-system day serials (1899-12-30 is 0, 2024-01-31 is 45322).
//
// The serial is a proleptic Gregorian day count; Excel's fictitious 1900-02-29 (serial 60) is
// ignored, so serials below 61 are one day off from what Excel displays. Real extracts never
// carry dates from early 1900, so this never matters in practice.
import type { DaySerial } from "./parse";

/** Days from 1970-01-01 (Unix epoch) to 1899-12-30 (serial 0), negated. */
const EPOCH_OFFSET = 25569;

/** 1 … 12 → number of days, for a non-leap year. */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days of month `m` (1–12) of year `y`; 0 for a month outside 1–12. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return DAYS_IN_MONTH[m] ?? 0;
}

/** True when y-m-d is a real calendar date (integers, month 1–12, day within the month). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/**
 * The day serial of y-m-d. Does not validate: callers check with `isValidYmd` first
 * (a day past the month's end rolls over linearly, e.g. 2024-01-32 = 2024-02-01).
 */
export function serialFromYmd(y: number, m: number, d: number): DaySerial {
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + EPOCH_OFFSET;
}

/** The calendar date of a serial (fractions are floored: a datetime belongs to its day). */
export function ymdFromSerial(s: DaySerial): { y: number; m: number; d: number } {
  // Howard Hinnant's civil_from_days.
  const z = Math.floor(s) - EPOCH_OFFSET + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** "2024-01-31" for 45322. Years are zero-padded to four digits. */
export function isoFromSerial(s: DaySerial): string {
  const { y, m, d } = ymdFromSerial(s);
  const ys = y >= 0 && y < 1000 ? String(y).padStart(4, "0") : String(y);
  return ys + "-" + pad2(m) + "-" + pad2(d);
}

function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Strict "YYYY-MM-DD" (exactly ten characters, no surrounding whitespace, no time) → serial,
 * or null when the text has another shape or the day does not exist ("2024-02-30").
 */
export function serialFromIso(text: string): DaySerial | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y0 = digitAt(text, 0), y1 = digitAt(text, 1), y2 = digitAt(text, 2), y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5), m1 = digitAt(text, 6), d0 = digitAt(text, 8), d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  return isValidYmd(y, m, d) ? serialFromYmd(y, m, d) : null;
}

/** The serial of the first day of the month that contains `serial`. */
export function firstDayOfMonth(serial: DaySerial): DaySerial {
  const { y, m } = ymdFromSerial(serial);
  return serialFromYmd(y, m, 1);
}

/** The serial of the last day of the month that contains `serial` (the usual measurement date). */
export function lastDayOfMonth(serial: DaySerial): DaySerial {
  const { y, m } = ymdFromSerial(serial);
  return serialFromYmd(y, m, daysInMonth(y, m));
}

/** Calendar days from start to end: a visit on the day of contact is day 0. */
export function daysBetween(start: DaySerial, end: DaySerial): number {
  return end - start;
}

/** The sane range of dates accepted from extracts: 1900-01-01 … 2199-12-31 (inclusive). */
export const MIN_SERIAL: DaySerial = serialFromYmd(1900, 1, 1);
export const MAX_SERIAL: DaySerial = serialFromYmd(2199, 12, 31);

/** Swedish month names and abbreviations (index 0 = January); the first entry is the full name. */
export const SWEDISH_MONTHS: readonly (readonly string[])[] = [
  ["januari", "jan"],
  ["februari", "feb"],
  ["mars", "mar"],
  ["april", "apr"],
  ["maj"],
  ["juni", "jun"],
  ["juli", "jul"],
  ["augusti", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "okt"],
  ["november", "nov"],
  ["december", "dec"],
];

const ENGLISH_MONTHS: readonly (readonly string[])[] = [
  ["january", "jan"],
  ["february", "feb"],
  ["march", "mar"],
  ["april", "apr"],
  ["may"],
  ["june", "jun"],
  ["july", "jul"],
  ["august", "aug"],
  ["september", "sep", "sept"],
  ["october", "oct"],
  ["november", "nov"],
  ["december", "dec"],
];

const MONTH_BY_NAME = new Map<string, number>();
for (const table of [SWEDISH_MONTHS, ENGLISH_MONTHS]) {
  table.forEach((names, i) => {
    for (const n of names) MONTH_BY_NAME.set(n, i + 1);
  });
}

/**
 * Month number 1–12 for a Swedish or English month name or abbreviation, case-insensitive,
 * with an optional trailing "." ("jan.", "Mars", "OKT", "May"); null when unknown.
 */
export function monthFromName(name: string): number | null {
  let n = name.trim();
  if (n.length === 0 || n.length > 10) return null;
  if (n.charCodeAt(n.length - 1) === 46) n = n.slice(0, -1);
  return MONTH_BY_NAME.get(n.toLowerCase()) ?? null;
}
