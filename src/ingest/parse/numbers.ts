// Numbers in Swedish or plain form (DOMAIN.md §3): "70,6", "13 929", "−206".
//
// Hot path: numbers (the common case for counts) return after a couple of comparisons; text is
// scanned by char code without allocating.
import type { Cell } from "../../model/cells";
import type { Parsed } from "../../model/parsed";
import { firstNonWs, isGroupSep, isSuppressed, isWs, lastNonWsEnd } from "./text";

// Shared answers that carry no per-call data (never mutate them).
const FAIL_MISSING_VALUE: Parsed<never> = { ok: false, reason: "missingValue" };
const FAIL_NUMBER: Parsed<never> = { ok: false, reason: "invalidNumber" };
const FAIL_SUPPRESSED: Parsed<never> = { ok: false, reason: "suppressed" };

/** Exact powers of ten (10^0 … 10^22 are exactly representable as doubles). */
export const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

/**
 * Scans the whole range s[a, b) as one number in Swedish or plain form and returns its value
 * divided by 10^shift (shift 2 turns percent into a fraction without a rounding step), or NaN.
 * Accepted: optional sign (+, -, U+2212, en dash) optionally followed by whitespace; digits with
 * thousands groups separated by one space/U+00A0/U+202F/U+2009/U+2007 (first group 1–3 digits,
 * then groups of exactly 3); optional "," or "." followed by at least one digit; optional
 * exponent ("1,5E-3"). Nothing else, so "12 34" or "1.234.567" are rejected rather than guessed.
 */
export function scanNumber(s: string, a: number, b: number, shift: number): number {
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
  if (i < b && (c === 44 /* , */ || c === 46) /* . */) {
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
