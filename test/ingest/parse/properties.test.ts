import fc from "fast-check";
import type { Cell } from "../../../src/model/cells";
import { REASON_CODES } from "../../../src/model/reasons";
import { cellText, isBlank, isSuppressed } from "../../../src/ingest/parse/text";
import { parseNumber } from "../../../src/ingest/parse/numbers";
import { parseShare } from "../../../src/ingest/parse/shares";
import { parseDate } from "../../../src/ingest/parse/dates";
import { parseExceptionCode, parseGuarantee } from "../../../src/ingest/parse/codes";
import { parseContactType } from "../../../src/ingest/parse/contactTypes";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const MINUS = "\u2212";
const EN_DASH = "\u2013";

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[\s\u00a0\u202f+\-\u2212\u2013\d.,eE%]{0,12}$/),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 45322.75),
  fc.boolean(),
  fc.constant(null),
);

describe("properties", () => {
  test("the parsers never throw and always answer ok or a reason code", () => {
    fc.assert(
      fc.property(anyCell, fc.option(fc.constantFrom("0.0%", "General", "yyyy-mm-dd")), fc.option(fc.string()), (cell, format, header) => {
        for (const p of [
          parseNumber(cell),
          parseDate(cell, format),
          parseShare(cell, format, header ?? undefined),
          parseExceptionCode(cell),
          parseGuarantee(cell),
        ]) {
          if (p.ok) expect(p).toHaveProperty("value");
          else expect(REASON_CODES).toContain(p.reason);
        }
        parseContactType(cell);
        isBlank(cell);
        isSuppressed(cell);
        cellText(cell);
      }),
      { numRuns: 2000 },
    );
  });

  test("parseNumber only returns finite numbers", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const p = parseNumber(cell);
        if (p.ok) expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("parseShare only returns fractions in [0, 1]", () => {
    fc.assert(
      fc.property(anyCell, fc.option(fc.constantFrom("0.0%", "General")), (cell, format) => {
        const p = parseShare(cell, format);
        if (p.ok) {
          expect(p.value).toBeGreaterThanOrEqual(0);
          expect(p.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("parseDate only returns integer serials in the sane range", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const p = parseDate(cell);
        if (p.ok) {
          expect(Number.isInteger(p.value)).toBe(true);
          expect(p.value).toBeGreaterThanOrEqual(1); // 1900-01-01
          expect(p.value).toBeLessThanOrEqual(109574);
        }
      }),
      { numRuns: 2000 },
    );
  });

  const thousandsSep = fc.constantFrom(" ", NBSP, NNBSP);
  const minusSign = fc.constantFrom("-", MINUS, EN_DASH);

  /** Renders a non-negative integer with thousands groups. */
  function grouped(n: number, sep: string): string {
    const digits = String(n);
    let out = "";
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
      out += digits[i];
    }
    return out;
  }

  test("parseNumber round-trips a Swedish rendering of an integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), thousandsSep, minusSign, (n, sep, minus) => {
        const text = (n < 0 ? minus : "") + grouped(Math.abs(n), sep);
        expect(parseNumber(text)).toEqual({ ok: true, value: n });
      }),
    );
  });

  test("parseNumber round-trips a Swedish rendering of a one-decimal number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), thousandsSep, minusSign, (tenths, sep, minus) => {
        const abs = Math.abs(tenths);
        const text = (tenths < 0 ? minus : "") + grouped(Math.floor(abs / 10), sep) + "," + (abs % 10);
        expect(parseNumber(text)).toEqual({ ok: true, value: tenths / 10 });
      }),
    );
  });

  test("parseShare of a rendered percent with one decimal is the tenths over 1000", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(" %", "%", `${NBSP}%`, " procent"), (tenths, suffix) => {
        const text = `${Math.floor(tenths / 10)},${tenths % 10}${suffix}`;
        expect(parseShare(text)).toEqual({ ok: true, value: tenths / 1000 });
      }),
    );
  });
});
