// Day serials in Excel's 1900 date system, and the calendar arithmetic on them: the one
// implementation every layer and adapter uses.
//
// Serial 1 is 1900-01-01 and 45322 is 2024-01-31, as Excel shows them. Excel also counts a
// 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3), so serials from 61
// (1900-03-01) on are days since 1899-12-30 and the ones below are one less; 0 is the day before
// 1900-01-01. Real extracts never hold dates from early 1900, but a placeholder typed as
// "1900-01-01" must land on the serial Excel gives it.

/** An Excel 1900-system day serial: 2024-01-31 is 45322. Dates are compared as serials. */
export type DaySerial = number;

/** Days from 1899-12-30 to 1970-01-01 (the Unix epoch). */
const EPOCH_OFFSET = 25569;
/** Excel's fictitious 1900-02-29. */
const LEAP_BUG = 60;
const MS_PER_DAY = 86_400_000;

/** 1 … 12 → number of days, for a non-leap year. */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days of month `m` (1–12) of year `y` in the calendar; 0 for a month outside 1–12. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return DAYS_IN_MONTH[m] ?? 0;
}

const isLeapBugDay = (y: number, m: number, d: number) => y === 1900 && m === 2 && d === 29;

/**
 * True when y-m-d is a date of Excel's 1900 system: integers, month 1–12, a day within the month,
 * and Excel's own 1900-02-29 (Excel accepts it as a date; it is serial 60).
 */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m) || isLeapBugDay(y, m, d);
}

/** Days from 1899-12-30 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
function daysFrom18991230(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + EPOCH_OFFSET;
}

/**
 * The day serial of y-m-d. Does not validate: callers check with `isValidYmd` first
 * (a day past the month's end rolls over linearly, e.g. 2024-01-32 = 2024-02-01).
 */
export function serialFromYmd(y: number, m: number, d: number): DaySerial {
  if (isLeapBugDay(y, m, d)) return LEAP_BUG;
  const days = daysFrom18991230(y, m, d);
  return days <= LEAP_BUG ? days - 1 : days;
}

/** The calendar date of a serial (fractions are floored: a date-time belongs to its day). */
export function ymdFromSerial(s: DaySerial): { y: number; m: number; d: number } {
  const serial = Math.floor(s);
  if (serial === LEAP_BUG) return { y: 1900, m: 2, d: 29 };
  // Howard Hinnant's civil_from_days.
  const z = (serial < LEAP_BUG ? serial + 1 : serial) - EPOCH_OFFSET + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n));

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
  const y0 = digitAt(text, 0),
    y1 = digitAt(text, 1),
    y2 = digitAt(text, 2),
    y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5),
    m1 = digitAt(text, 6),
    d0 = digitAt(text, 8),
    d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  return isValidYmd(y, m, d) ? serialFromYmd(y, m, d) : null;
}

const ISO_DATE_TIME = /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
const ISO_TIME = /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*$/;

/** Hours, minutes, seconds and a fraction of a second as a fraction of a day. */
function dayFraction(h: string | undefined, min: string | undefined, s: string | undefined, frac: string | undefined): number {
  const ms = +(h ?? 0) * 3_600_000 + +(min ?? 0) * 60_000 + +(s ?? 0) * 1000 + (frac ? Number("0." + frac) * 1000 : 0);
  return ms / MS_PER_DAY;
}

/**
 * An ISO 8601 date or date-time as in an .xlsx `t="d"` cell ("2024-01-31", "2024-01-31T18:00:00Z",
 * or a time alone, "18:00") → a serial with the time as its fraction, or null. A time zone is
 * ignored: Excel keeps local wall-clock times. Rolls over like `serialFromYmd` ("2024-02-30").
 */
export function serialFromIsoDateTime(text: string): number | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) {
    const t = ISO_TIME.exec(text);
    return t ? dayFraction(t[1], t[2], t[3], t[4]) : null;
  }
  const serial = serialFromYmd(+m[1], +m[2], +m[3]) + dayFraction(m[4], m[5], m[6], m[7]);
  // Whole milliseconds, as a date-time in Excel holds them.
  return Number.isFinite(serial) ? Math.round(serial * MS_PER_DAY) / MS_PER_DAY : null;
}

/** The serial of the last day of the month that contains `serial` (the usual measurement date). */
export function lastDayOfMonth(serial: DaySerial): DaySerial {
  const { y, m } = ymdFromSerial(serial);
  return serialFromYmd(y, m, daysInMonth(y, m));
}

/** The sane range of dates accepted from extracts: 1900-01-01 … 2199-12-31 (inclusive). */
export const MIN_SERIAL: DaySerial = serialFromYmd(1900, 1, 1);
export const MAX_SERIAL: DaySerial = serialFromYmd(2199, 12, 31);

/**
 * A 1904-system serial (Excel for Mac's date1904 workbooks: day 0 is 1904-01-01) plus this is the
 * 1900-system serial of the same day: 2024-01-31 is 43860 there and 45322 here.
 */
export const DAYS_1900_TO_1904 = 1462;
