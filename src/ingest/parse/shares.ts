// Shares as fractions (0.706 for "70,6 %"), whether the cell holds a fraction, percent text or
// percentage points (DOMAIN.md §3: a "%" format, or a header saying "(%)" or "Andel").
import type { Cell } from "../../model/cells";
import type { Parsed } from "../../model/parsed";
import { CACHE_LIMIT } from "./cache";
import { POW10, scanNumber } from "./numbers";
import { firstNonWs, isSuppressed, isWs, lastNonWsEnd } from "./text";

// Shared answers that carry no per-call data (never mutate them).
const FAIL_MISSING_VALUE: Parsed<never> = { ok: false, reason: "missingValue" };
const FAIL_SUPPRESSED: Parsed<never> = { ok: false, reason: "suppressed" };
const FAIL_SHARE: Parsed<never> = { ok: false, reason: "invalidShare" };
const FAIL_SHARE_NEGATIVE: Parsed<never> = { ok: false, reason: "negativeShare" };
const FAIL_SHARE_OVER: Parsed<never> = { ok: false, reason: "shareOver100" };

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
