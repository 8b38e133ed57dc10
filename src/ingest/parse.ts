// Parsing of single cell values as they arrive from Swedish extracts (DOMAIN.md §3).
//
// Hot path: called for every cell of every patient row. Numbers (the common case for dates and
// counts) return after a couple of comparisons; text is scanned by char code without allocating.
// Regular expressions live at module level and are used only on the slow, rare text paths.
import type { Cell } from "../model/cells";
import type { DaySerial } from "../model/days";
import type { ExceptionCode, MeasureId } from "../model/measures";
import type { Parsed } from "../model/parsed";
import { MAX_SERIAL, MIN_SERIAL, isValidYmd, serialFromYmd } from "../model/days";
import { monthFromName } from "./monthNames";


// Shared result objects for answers that carry no per-call data (never mutate them).
const FAIL_MISSING_VALUE: Parsed<never> = { ok: false, reason: "missingValue" };
const FAIL_NUMBER: Parsed<never> = { ok: false, reason: "invalidNumber" };
const FAIL_SUPPRESSED: Parsed<never> = { ok: false, reason: "suppressed" };
const FAIL_SHARE: Parsed<never> = { ok: false, reason: "invalidShare" };
const FAIL_SHARE_NEGATIVE: Parsed<never> = { ok: false, reason: "negativeShare" };
const FAIL_SHARE_OVER: Parsed<never> = { ok: false, reason: "shareOver100" };
const FAIL_MISSING_DATE: Parsed<never> = { ok: false, reason: "missingDate" };
const FAIL_DATE: Parsed<never> = { ok: false, reason: "invalidDate" };
const FAIL_DATE_RANGE: Parsed<never> = { ok: false, reason: "dateOutOfRange" };
const FAIL_CODE: Parsed<never> = { ok: false, reason: "unknownExceptionCode" };
const FAIL_GUARANTEE: Parsed<never> = { ok: false, reason: "unknownGuarantee" };
const OK_NULL: Parsed<null> = { ok: true, value: null };
const OK_TRUE: Parsed<boolean> = { ok: true, value: true };
const OK_FALSE: Parsed<boolean> = { ok: true, value: false };
const OK_PVV: Parsed<ExceptionCode> = { ok: true, value: "PvV" };
const OK_MOV: Parsed<ExceptionCode> = { ok: true, value: "MoV" };
const OK_SOV: Parsed<ExceptionCode> = { ok: true, value: "SoV" };

/** Caches keyed by distinct cell text stop growing at this size (garbage columns stay bounded). */
const CACHE_LIMIT = 10_000;

// ---------------------------------------------------------------------------------------------
// Whitespace, blanks, suppression

/** Whitespace as it occurs in extracts: ASCII, no-break spaces, the Unicode spaces, BOM, ZWSP. */
function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0x205f ||
    c === 0x3000 || c === 0xfeff || c === 0x1680 || c === 0x2028 || c === 0x2029
  );
}

/** Characters that separate thousands: space, no-break space, narrow no-break, thin, figure space. */
function isGroupSep(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

function firstNonWs(s: string): number {
  let i = 0;
  const n = s.length;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  return i;
}

function lastNonWsEnd(s: string, from: number): number {
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
      c === 0x2013 /* – */ || c === 45 /* - */ || c === 0x2014 /* — */ || c === 0x2212 /* − */ ||
      c === 120 /* x */ || c === 88 /* X */ || c === 42 /* * */ || c === 0x2026 /* … */
    );
  }
  if (len === 2) return cell.charCodeAt(a) === 46 && cell.charCodeAt(a + 1) === 46;
  if (len === 3) return cell.charCodeAt(a) === 46 && cell.charCodeAt(a + 1) === 46 && cell.charCodeAt(a + 2) === 46;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Headers

const RE_SPECIAL_LETTERS = /[øæßłđœ]/g;
const SPECIAL_LETTERS: Record<string, string> = { ø: "o", æ: "ae", ß: "ss", ł: "l", đ: "d", œ: "oe" };
const RE_COMBINING_MARKS = /[\u0300-\u036f]/g;
const RE_NON_ALNUM_RUN = /[^\p{L}\p{N}]+/gu;

/**
 * Lowercase, å/ä→a, ö→o, é→e, other diacritics removed, every run of non-alphanumerics → one
 * space, trimmed: "Väntat (dagar)" → "vantat dagar", "PvV/MoV" → "pvv mov", "beslut_datum" →
 * "beslut datum". Note that "(%)" disappears: pass the raw header to `parseShare`.
 */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(RE_SPECIAL_LETTERS, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize("NFD")
    .replace(RE_COMBINING_MARKS, "")
    .replace(RE_NON_ALNUM_RUN, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Exact powers of ten (10^0 … 10^22 are exactly representable as doubles). */
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

/**
 * Scans the whole range s[a, b) as one number in Swedish or plain form and returns its value
 * divided by 10^shift (shift 2 turns percent into a fraction without a rounding step), or NaN.
 * Accepted: optional sign (+, -, U+2212, en dash) optionally followed by whitespace; digits with
 * thousands groups separated by one space/U+00A0/U+202F/U+2009/U+2007 (first group 1–3 digits,
 * then groups of exactly 3); optional "," or "." followed by at least one digit; optional
 * exponent ("1,5E-3"). Nothing else, so "12 34" or "1.234.567" are rejected rather than guessed.
 */
function scanNumber(s: string, a: number, b: number, shift: number): number {
  let i = a;
  if (i >= b) return NaN;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 43 /* + */) i++;
  else if (c === 45 /* - */ || c === 0x2212 /* − */ || c === 0x2013 /* – */) {
    neg = true;
    i++;
  }
  if (i > a) while (i < b && isWs(s.charCodeAt(i))) i++;

  let mant = 0; // the digits as an integer, exact while digits <= 15
  let digits = 0; // significant digits in mant (leading zeros skipped)
  let anyDigit = false;
  let fracDigits = 0;
  let group = 0; // digits in the current thousands group
  let grouped = false;

  // Integer part.
  for (; i < b; i++) {
    c = s.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      anyDigit = true;
      group++;
      if (digits > 0 || d !== 0) {
        mant = mant * 10 + d;
        digits++;
      }
    } else if (isGroupSep(c)) {
      // A separator must sit between digit groups: "13 929", "1 000 000".
      if (group === 0 || (grouped ? group !== 3 : group > 3)) return NaN;
      const next = i + 1 < b ? s.charCodeAt(i + 1) - 48 : -1;
      if (!(next >= 0 && next <= 9)) return NaN;
      grouped = true;
      group = 0;
    } else break;
  }
  if (grouped && group !== 3) return NaN;

  // Fraction.
  if (i < b && (c === 44 /* , */ || c === 46 /* . */)) {
    i++;
    const start = i;
    for (; i < b; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (digits > 0 || d !== 0) {
        mant = mant * 10 + d;
        digits++;
      }
      fracDigits++;
    }
    if (i === start) return NaN;
    anyDigit = true;
  }
  if (!anyDigit) return NaN;

  // Exponent.
  let exp = 0;
  if (i < b) {
    c = s.charCodeAt(i);
    if (c !== 101 && c !== 69) return NaN;
    i++;
    let expNeg = false;
    c = i < b ? s.charCodeAt(i) : 0;
    if (c === 43) i++;
    else if (c === 45 || c === 0x2212) {
      expNeg = true;
      i++;
    }
    const start = i;
    for (; i < b; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      if (exp < 10000) exp = exp * 10 + d;
    }
    if (i === start) return NaN;
    if (expNeg) exp = -exp;
  }

  let value: number;
  const scale = fracDigits + shift - exp; // value = mant / 10^scale
  if (digits <= 15 && scale >= 0 && scale <= 22) value = mant / POW10[scale];
  else if (digits <= 15 && scale < 0 && scale >= -22 && digits - scale <= 15) value = mant * POW10[-scale];
  else {
    value = slowValue(s, a, b, scale);
    if (value - value !== 0) return NaN; // "1e400"
  }
  if (value === 0) return 0; // no negative zero
  return neg ? -value : value;
}

/** Exact decimal → double via the engine for long mantissas or large exponents (rare). */
function slowValue(s: string, a: number, b: number, scale: number): number {
  let ds = "";
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 101 || c === 69) break;
    if (c >= 48 && c <= 57) ds += s[i];
  }
  return Number(ds + "e" + -scale);
}

/**
 * A number from a cell. Numbers are returned as is (NaN/±Infinity rejected); text in Swedish or
 * plain form: "70,6", "70.6", "13 929" (U+00A0, U+202F or a normal space between thousands),
 * "−206", "–3,5", "+5", surrounding whitespace. "1.234" and "1,234" are decimals. Blank →
 * missingValue; a suppression mark → suppressed; booleans and anything else → invalidNumber.
 */
export function parseNumber(cell: Cell): Parsed<number> {
  if (typeof cell === "number") {
    return cell - cell === 0 ? { ok: true, value: cell + 0 } : FAIL_NUMBER;
  }
  if (typeof cell !== "string") return cell === null ? FAIL_MISSING_VALUE : FAIL_NUMBER;
  const a = firstNonWs(cell);
  const b = lastNonWsEnd(cell, a);
  if (a === b) return FAIL_MISSING_VALUE;
  const v = scanNumber(cell, a, b, 0);
  if (v === v) return { ok: true, value: v };
  return isSuppressed(cell) ? FAIL_SUPPRESSED : FAIL_NUMBER;
}

// ---------------------------------------------------------------------------------------------
// Shares

const RE_PROCENT = /procent/i;
const headerPointsCache = new Map<string, boolean>();

/** Does the (raw) header say its values are percentage points: "(%)", any "%", or "procent"? */
function headerSaysPoints(header: string | undefined): boolean {
  if (header === undefined || header.length === 0) return false;
  let v = headerPointsCache.get(header);
  if (v === undefined) {
    v = header.indexOf("%") >= 0 || header.indexOf("\uff05") >= 0 || RE_PROCENT.test(header);
    if (headerPointsCache.size < CACHE_LIMIT) headerPointsCache.set(header, v);
  }
  return v;
}

/**
 * x / 100 as the double nearest the decimal the user typed: 99.9 → 0.999 (not
 * 0.9990000000000001). Finds the shortest decimal with up to 6 fraction digits that rounds to x.
 */
function pointsToFraction(x: number): number {
  let scaled = x;
  for (let k = 0; k <= 6; k++) {
    const r = Math.round(scaled);
    if (r === scaled || (Math.abs(r - scaled) <= Math.abs(scaled) * 4.5e-16 && Math.abs(r) <= 9007199254740991)) {
      return r / POW10[k + 2];
    }
    scaled *= 10;
  }
  return x / 100;
}

const SHARE_NOISE = 1e-9;

function checkShare(v: number): Parsed<number> {
  if (v < 0) return FAIL_SHARE_NEGATIVE;
  if (v > 1) return v <= 1 + SHARE_NOISE ? { ok: true, value: 1 } : FAIL_SHARE_OVER;
  return { ok: true, value: v + 0 };
}

/**
 * A share as a FRACTION (0.706 for 70,6 %).
 * - A number whose format contains "%" is already a fraction (Excel shows 0.706 as "70,6 %").
 * - Text with "%" or "procent" ("70,6 %", "70,6%", "70,6 procent") is percent → / 100.
 * - Otherwise (a number, or text without a percent sign): when the raw header contains "%" (e.g.
 *   "Andel (%)") or "procent", the value is percentage points → / 100; else a value > 1 is points
 *   → / 100 and a value ≤ 1 is already a fraction (so 1 means 100 %, and 0.5 means 50 %).
 * Rejects negatives (negativeShare) and more than 100 % (shareOver100; float noise up to 1e-9
 * above 1 is clamped to 1). Blank → missingValue; a suppression mark → suppressed; anything else
 * → invalidShare.
 * Pass the header as written in the sheet: `normalizeHeader` drops the "%".
 */
export function parseShare(cell: Cell, format?: string | null, header?: string): Parsed<number> {
  if (typeof cell === "number") {
    if (cell - cell !== 0) return FAIL_SHARE;
    if (format != null && format.indexOf("%") >= 0) return checkShare(cell);
    if (headerSaysPoints(header) || cell > 1) return checkShare(pointsToFraction(cell));
    return checkShare(cell);
  }
  if (typeof cell !== "string") return cell === null ? FAIL_MISSING_VALUE : FAIL_SHARE;
  const a = firstNonWs(cell);
  let b = lastNonWsEnd(cell, a);
  if (a === b) return FAIL_MISSING_VALUE;
  let percent = false;
  const last = cell.charCodeAt(b - 1);
  if (last === 37 /* % */ || last === 0xff05 /* ％ */) {
    percent = true;
    b--;
  } else if ((last === 116 || last === 84) /* t/T */ && b - a > 7 && RE_PROCENT.test(cell.slice(b - 7, b))) {
    percent = true;
    b -= 7;
  }
  if (percent) b = trimEndFrom(cell, a, b);
  let v = scanNumber(cell, a, b, percent ? 2 : 0);
  if (v !== v) return isSuppressed(cell) ? FAIL_SUPPRESSED : FAIL_SHARE;
  if (!percent && (headerSaysPoints(header) || v > 1)) v = scanNumber(cell, a, b, 2);
  return checkShare(v);
}

function trimEndFrom(s: string, a: number, b: number): number {
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  return b;
}

// ---------------------------------------------------------------------------------------------
// Dates

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
    const hi = d2(t, 0), lo = d2(t, 2), m = d2(t, 4), d = d2(t, 6);
    if (hi >= 0 && lo >= 0 && m >= 0 && d >= 0) return dateFromYmd(hi * 100 + lo, m, d);
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
 * - Text: "2024-01-31", "2024-01-31 13:45", "2024-01-31T13:45:00", "20240131", "2024/01/31",
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

// ---------------------------------------------------------------------------------------------
// Exception codes (avvikelsekod) and the guarantee flag (vardgaranti)

/** Exact cell texts seen in extracts, answered without normalising. */
const EXCEPTION_EXACT = new Map<string, Parsed<ExceptionCode | null>>([
  ["", OK_NULL], ["0", OK_NULL], ["-", OK_NULL], ["Nej", OK_NULL], ["NEJ", OK_NULL], ["nej", OK_NULL],
  ["1", OK_PVV], ["PvV", OK_PVV], ["PVV", OK_PVV], ["pvv", OK_PVV],
  ["2", OK_MOV], ["MoV", OK_MOV], ["MOV", OK_MOV], ["mov", OK_MOV],
  ["3", OK_SOV], ["SoV", OK_SOV], ["SOV", OK_SOV], ["sov", OK_SOV],
]);
const exceptionCache = new Map<string, Parsed<ExceptionCode | null>>();

/** Normalised texts meaning "no exception". */
const NO_EXCEPTION = new Set(["", "0", "nej", "n", "no", "none", "ingen", "inga", "ingen avvikelse", "saknas"]);
/** Words that name a code; words that may accompany a code; anything else makes the text unknown. */
const CODE_WORDS = new Map<string, ExceptionCode>([
  ["1", "PvV"], ["pvv", "PvV"], ["patientvald", "PvV"],
  ["2", "MoV"], ["mov", "MoV"], ["medicinskt", "MoV"], ["medicinsk", "MoV"],
  ["3", "SoV"], ["sov", "SoV"], ["sarskilda", "SoV"], ["sarskild", "SoV"], ["sarskilt", "SoV"],
]);
const FILLER_WORDS = new Set(["vantan", "orsakad", "skal", "kod", "avvikelse", "avvikelsekod"]);
const DASHES = new Set(["-", "–", "—", "−"]);

function classifyException(text: string): Parsed<ExceptionCode | null> {
  const trimmed = text.trim();
  if (DASHES.has(trimmed)) return OK_NULL;
  const n = normalizeHeader(trimmed);
  if (NO_EXCEPTION.has(n)) return trimmed.length > 0 && n === "" ? FAIL_CODE : OK_NULL;
  let found: ExceptionCode | null = null;
  for (const w of n.split(" ")) {
    const code = CODE_WORDS.get(w);
    if (code !== undefined) {
      if (found !== null && found !== code) return FAIL_CODE;
      found = code;
    } else if (!FILLER_WORDS.has(w)) return FAIL_CODE;
  }
  if (found === "PvV") return OK_PVV;
  if (found === "MoV") return OK_MOV;
  if (found === "SoV") return OK_SOV;
  return FAIL_CODE;
}

/**
 * The exception code (avvikelsekod) of a row: blank, 0, "Nej", "Ingen", "-" → null (no
 * exception); 1 / "PvV" / "Patientvald väntan" → "PvV"; 2 / "MoV" / "Medicinskt orsakad väntan"
 * → "MoV"; 3 / "SoV" / "Särskilda skäl" → "SoV". Case-insensitive; combined forms such as
 * "1 - PvV" or "Patientvald väntan (PvV)" are accepted when they agree. `false` → null.
 * Anything else → unknownExceptionCode. Results for text are cached per distinct string.
 */
export function parseExceptionCode(cell: Cell): Parsed<ExceptionCode | null> {
  if (cell === null) return OK_NULL;
  if (typeof cell === "number") {
    if (cell === 0) return OK_NULL;
    if (cell === 1) return OK_PVV;
    if (cell === 2) return OK_MOV;
    if (cell === 3) return OK_SOV;
    return FAIL_CODE;
  }
  if (typeof cell === "boolean") return cell ? FAIL_CODE : OK_NULL;
  let r = EXCEPTION_EXACT.get(cell);
  if (r !== undefined) return r;
  r = exceptionCache.get(cell);
  if (r !== undefined) return r;
  r = classifyException(cell);
  if (exceptionCache.size < CACHE_LIMIT) exceptionCache.set(cell, r);
  return r;
}

const GUARANTEE_WORDS = new Map<string, Parsed<boolean | null>>([
  ["", OK_NULL],
  ["1", OK_TRUE], ["ja", OK_TRUE], ["j", OK_TRUE], ["yes", OK_TRUE], ["y", OK_TRUE], ["true", OK_TRUE],
  ["sant", OK_TRUE], ["omfattas", OK_TRUE],
  ["2", OK_FALSE], ["nej", OK_FALSE], ["n", OK_FALSE], ["no", OK_FALSE], ["false", OK_FALSE],
  ["falskt", OK_FALSE], ["omfattas ej", OK_FALSE], ["omfattas inte", OK_FALSE],
]);
const RE_WS_RUN = /\s+/g;
const guaranteeCache = new Map<string, Parsed<boolean | null>>();

/**
 * The guarantee flag (vardgaranti): blank → null (no flag); 1, "1", "JA", "Ja", "J", "Yes",
 * true → true (covered); 2, "2", "NEJ", "Nej", "N", "No", false → false (not covered); also
 * "Omfattas"/"Omfattas ej". Case-insensitive. Anything else → unknownGuarantee.
 */
export function parseGuarantee(cell: Cell): Parsed<boolean | null> {
  if (cell === null) return OK_NULL;
  if (typeof cell === "number") return cell === 1 ? OK_TRUE : cell === 2 ? OK_FALSE : FAIL_GUARANTEE;
  if (typeof cell === "boolean") return cell ? OK_TRUE : OK_FALSE;
  let r = guaranteeCache.get(cell);
  if (r !== undefined) return r;
  r = GUARANTEE_WORDS.get(cell.trim().toLowerCase().replace(RE_WS_RUN, " ")) ?? FAIL_GUARANTEE;
  if (guaranteeCache.size < CACHE_LIMIT) guaranteeCache.set(cell, r);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Contact types (vardkontakttyp)

const contactCache = new Map<string, MeasureId | null>();

const RE_NOT_GUARANTEE = /(?:^| )(?:ater\p{L}*|follow|followup|return|revisit)(?: |$)/u;
const RE_TREATMENT_TOKEN = /(?:^| )(?:op|opr|atg|op atg)(?: |$)/;

function classifyContact(n: string): MeasureId | null {
  if (n === "" || RE_NOT_GUARANTEE.test(n)) return null;
  const has = (w: string): boolean => n.includes(w);
  // Child and adolescent psychiatry first: the specific patterns before the general ones.
  if (
    has("bup") || has("barn och ungdomspsykiatri") || has("barnpsykiatri") || has("camhs") ||
    has("child") || has("fordjupad") || has("utredning") || has("in depth")
  ) {
    if (has("fordjupad") || has("utredning") || has("behandling") || has("in depth") || has("treatment") || has("atgard")) {
      return "bupTreatment";
    }
    if (has("bedomning") || has("assessment") || has("forsta") || has("first") || has("besok") || has("visit")) {
      return "bupFirst";
    }
    return null;
  }
  if ((has("forsta") || has("first")) && (has("bedomning") || has("assessment"))) return "bupFirst";
  if (has("bedomning") || has("assessment")) return "primaryAssessment";
  if (has("kontakt") || has("contact")) return "primaryContact";
  if (has("besok") || has("visit")) return "firstVisit";
  if (
    has("operation") || has("atgard") || has("behandling") || has("treatment") || has("surgery") ||
    has("procedure") || has("ingrepp") || RE_TREATMENT_TOKEN.test(n)
  ) {
    return "treatment";
  }
  return null;
}

/**
 * The care-guarantee measure a contact-type text names, or null when it names none:
 * "Förstabesök", "Nybesök", "Besök" → firstVisit; "Operation/åtgärd", "Åtgärd", "Behandling",
 * "Op/åtg" → treatment; "Kontakt", "Kontakt samma dag" → primaryContact; "Medicinsk bedömning",
 * "Bedömning" → primaryAssessment; "BUP första bedömning", "Första bedömning" → bupFirst;
 * "BUP fördjupad utredning", "Utredning/behandling", "BUP behandling" → bupTreatment; English
 * equivalents too. Return visits ("Återbesök") → null. Numbers and booleans → null (numeric
 * contact-type codes are not mapped). Cached per distinct string.
 */
export function parseContactType(cell: Cell): MeasureId | null {
  if (typeof cell !== "string") return null;
  const cached = contactCache.get(cell);
  if (cached !== undefined) return cached;
  const r = classifyContact(normalizeHeader(cell));
  if (contactCache.size < CACHE_LIMIT) contactCache.set(cell, r);
  return r;
}

// ---------------------------------------------------------------------------------------------

/** How a cell value is shown in an Issue: null → "", numbers as JS strings, booleans as Swedish Excel shows them. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  return cell ? "SANT" : "FALSKT";
}
