import fc from "fast-check";
import type { Cell } from "../../src/model/cells";
import { REASON_CODES } from "../../src/model/reasons";
import {
  cellText,
  isBlank,
  isSuppressed,
  normalizeHeader,
  parseContactType,
  parseDate,
  parseExceptionCode,
  parseGuarantee,
  parseNumber,
  parseShare,
} from "../../src/ingest/parse";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const MINUS = "\u2212";
const EN_DASH = "\u2013";

describe("isBlank", () => {
  test.each([[null], [""], ["   "], [NBSP], [` ${NBSP}\t${NNBSP} `]])("%p is blank", (cell) => {
    expect(isBlank(cell)).toBe(true);
  });

  test.each([[0], ["0"], [" x "], [false], ["–"]])("%p is not blank", (cell) => {
    expect(isBlank(cell)).toBe(false);
  });
});

describe("isSuppressed", () => {
  test.each([[EN_DASH], ["-"], ["\u2014"], [".."], ["x"], ["X"], ["*"], [` ${EN_DASH} `], [`${NBSP}..${NBSP}`]])(
    "%p is a suppression mark",
    (cell) => {
      expect(isSuppressed(cell)).toBe(true);
    },
  );

  test.each([[null], [""], ["  "], [0], ["0"], ["xx"], ["5"], ["-5"], [true]])("%p is not a suppression mark", (cell) => {
    expect(isSuppressed(cell)).toBe(false);
  });
});

describe("normalizeHeader", () => {
  test.each([
    ["Väntat (dagar)", "vantat dagar"],
    ["PvV/MoV", "pvv mov"],
    ["beslut_datum", "beslut datum"],
    ["Vårdenhet", "vardenhet"],
    ["Åtgärd", "atgard"],
    ["Överläkare", "overlakare"],
    ["Remiss-datum", "remiss datum"],
    ["Café", "cafe"],
    ["  Andel (%)  ", "andel"],
    ["Antal  väntande\u00a0>90 dagar", "antal vantande 90 dagar"],
    ["Naïve Søk", "naive sok"],
  ])("%p → %p", (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

describe("parseNumber", () => {
  test("a number is returned as is", () => {
    expect(parseNumber(13929)).toEqual({ ok: true, value: 13929 });
  });

  test.each([[NaN], [Infinity], [-Infinity]])("the number %p is rejected", (n) => {
    expect(parseNumber(n)).toEqual({ ok: false, reason: "invalidNumber" });
  });

  test("decimal comma", () => {
    expect(parseNumber("70,6")).toEqual({ ok: true, value: 70.6 });
  });

  test("decimal point", () => {
    expect(parseNumber("70.6")).toEqual({ ok: true, value: 70.6 });
  });

  test("thousands separated by U+00A0", () => {
    expect(parseNumber(`13${NBSP}929`)).toEqual({ ok: true, value: 13929 });
  });

  test("thousands separated by U+202F", () => {
    expect(parseNumber(`13${NNBSP}929`)).toEqual({ ok: true, value: 13929 });
  });

  test("thousands separated by a normal space", () => {
    expect(parseNumber("13 929")).toEqual({ ok: true, value: 13929 });
  });

  test("several thousands groups", () => {
    expect(parseNumber("1 000 000")).toEqual({ ok: true, value: 1000000 });
  });

  test("thousands and a decimal comma", () => {
    expect(parseNumber(`1${NBSP}234,5`)).toEqual({ ok: true, value: 1234.5 });
  });

  test("minus sign U+2212", () => {
    expect(parseNumber(`${MINUS}206`)).toEqual({ ok: true, value: -206 });
  });

  test("en dash as minus with a decimal comma", () => {
    expect(parseNumber(`${EN_DASH}3,5`)).toEqual({ ok: true, value: -3.5 });
  });

  test("hyphen-minus", () => {
    expect(parseNumber("-1,9")).toEqual({ ok: true, value: -1.9 });
  });

  test("a leading plus", () => {
    expect(parseNumber("+211")).toEqual({ ok: true, value: 211 });
  });

  test("surrounding whitespace including U+00A0", () => {
    expect(parseNumber(` ${NBSP}42\t`)).toEqual({ ok: true, value: 42 });
  });

  test('"1.234" is a decimal, not a thousand', () => {
    expect(parseNumber("1.234")).toEqual({ ok: true, value: 1.234 });
  });

  test('"1,234" is a decimal, not a thousand', () => {
    expect(parseNumber("1,234")).toEqual({ ok: true, value: 1.234 });
  });

  test("an exponent as Excel writes large General numbers", () => {
    expect(parseNumber("1,5E+3")).toEqual({ ok: true, value: 1500 });
  });

  test("negative zero becomes zero", () => {
    expect(Object.is((parseNumber("-0") as { value: number }).value, 0)).toBe(true);
  });

  test.each([["12 34"], ["1234 567"], ["1.234.567"], ["5."], ["abc"], ["70,6 %"], ["1e400"], ["--5"], ["5 kr"]])(
    "%p is rejected",
    (text) => {
      expect(parseNumber(text)).toEqual({ ok: false, reason: "invalidNumber" });
    },
  );

  test.each([[true], [false]])("the boolean %p is rejected", (b) => {
    expect(parseNumber(b)).toEqual({ ok: false, reason: "invalidNumber" });
  });

  test.each([[null], [""], [`${NBSP} `]])("blank %p → Värde saknas", (cell) => {
    expect(parseNumber(cell)).toEqual({ ok: false, reason: "missingValue" });
  });

  test("a suppression mark is reported as such, never as zero", () => {
    expect(parseNumber(EN_DASH)).toEqual({ ok: false, reason: "suppressed" });
  });
});

describe("parseShare", () => {
  test('"70,6 %" is 0.706', () => {
    expect(parseShare("70,6 %")).toEqual({ ok: true, value: 0.706 });
  });

  test('"70,6%" is 0.706', () => {
    expect(parseShare("70,6%")).toEqual({ ok: true, value: 0.706 });
  });

  test('"70,6 procent" is 0.706', () => {
    expect(parseShare("70,6 procent")).toEqual({ ok: true, value: 0.706 });
  });

  test(`"70,6${NBSP}%" with a no-break space is 0.706`, () => {
    expect(parseShare(`70,6${NBSP}%`)).toEqual({ ok: true, value: 0.706 });
  });

  test('0.706 with a "0.0%" format is already a fraction', () => {
    expect(parseShare(0.706, "0.0%")).toEqual({ ok: true, value: 0.706 });
  });

  test('a "%" format wins over a "(%)" header', () => {
    expect(parseShare(0.706, "0.0%", "Andel (%)")).toEqual({ ok: true, value: 0.706 });
  });

  test('70.6 under a "(%)" header is percentage points', () => {
    expect(parseShare(70.6, null, "Andel inom 90 dagar (%)")).toEqual({ ok: true, value: 0.706 });
  });

  test('a value ≤ 1 under a "(%)" header is still points', () => {
    expect(parseShare(0.5, "General", "Andel (%)")).toEqual({ ok: true, value: 0.005 });
  });

  test('a "procent" header means points', () => {
    expect(parseShare(12, null, "Andel procent")).toEqual({ ok: true, value: 0.12 });
  });

  test("a value above 1 without hints is points", () => {
    expect(parseShare(43.5)).toEqual({ ok: true, value: 0.435 });
  });

  test("points with one decimal give the nearest double of the fraction", () => {
    expect(parseShare(99.9)).toEqual({ ok: true, value: 0.999 });
  });

  test("a value ≤ 1 without hints is a fraction", () => {
    expect(parseShare(0.66)).toEqual({ ok: true, value: 0.66 });
  });

  test("exactly 1 without hints is 100 %", () => {
    expect(parseShare(1)).toEqual({ ok: true, value: 1 });
  });

  test("text without a percent sign follows the number rule: points", () => {
    expect(parseShare("70,6")).toEqual({ ok: true, value: 0.706 });
  });

  test("text without a percent sign follows the number rule: fraction", () => {
    expect(parseShare("0,706")).toEqual({ ok: true, value: 0.706 });
  });

  test("100 % is 1", () => {
    expect(parseShare("100 %")).toEqual({ ok: true, value: 1 });
  });

  test("float noise just above 1 is clamped to 1", () => {
    expect(parseShare(1.0000000001, "0%")).toEqual({ ok: true, value: 1 });
  });

  test("more than 100 % is rejected", () => {
    expect(parseShare("100,5 %")).toEqual({ ok: false, reason: "shareOver100" });
  });

  test("more than 100 points is rejected", () => {
    expect(parseShare(101)).toEqual({ ok: false, reason: "shareOver100" });
  });

  test("a negative share is rejected", () => {
    expect(parseShare(`${MINUS}5 %`)).toEqual({ ok: false, reason: "negativeShare" });
  });

  test("0 % is 0", () => {
    expect(parseShare("0 %")).toEqual({ ok: true, value: 0 });
  });

  test("blank → Värde saknas", () => {
    expect(parseShare(null)).toEqual({ ok: false, reason: "missingValue" });
  });

  test("a suppression mark is reported as such", () => {
    expect(parseShare("..")).toEqual({ ok: false, reason: "suppressed" });
  });

  test.each([[true], ["hög"], [NaN]])("%p is rejected", (cell) => {
    expect(parseShare(cell)).toEqual({ ok: false, reason: "invalidShare" });
  });
});

describe("parseDate", () => {
  test("serial 45322 is 2024-01-31", () => {
    expect(parseDate(45322)).toEqual({ ok: true, value: 45322 });
  });

  test("a datetime serial is floored to its day", () => {
    expect(parseDate(45322.75)).toEqual({ ok: true, value: 45322 });
  });

  test("a serial with a date format", () => {
    expect(parseDate(45322, "yyyy-mm-dd")).toEqual({ ok: true, value: 45322 });
  });

  test("an integer yyyymmdd is read as that date", () => {
    expect(parseDate(20240131)).toEqual({ ok: true, value: 45322 });
  });

  test.each([[0], [-1], [200000], [1e12]])("the serial %p is out of range", (n) => {
    expect(parseDate(n)).toEqual({ ok: false, reason: "dateOutOfRange" });
  });

  // Serial 1 is 1900-01-01 in Excel's 1900 system (src/model/days.ts), the first day of the range.
  // Before the date code became one implementation, ingest took 1 for 1899-12-31 and rejected it.
  test("the serial 1 is 1900-01-01, the first day of the range", () => {
    expect(parseDate(1)).toEqual({ ok: true, value: 1 });
    expect(parseDate("1900-01-01")).toEqual({ ok: true, value: 1 });
  });

  test.each([[NaN], [Infinity], [-Infinity]])("the number %p is not a date", (n) => {
    expect(parseDate(n)).toEqual({ ok: false, reason: "invalidDate" });
  });

  test.each([
    ["2024-01-31"],
    ["2024-01-31 13:45"],
    ["2024-01-31T13:45:00"],
    ["2024-01-31T13:45:00.000Z"],
    ["2024-01-31 00:00:00"],
    ["20240131"],
    ["2024/01/31"],
    ["2024-1-31"],
    ["31/1 2024"],
    ["31/1/2024"],
    ["31.1.2024"],
    ["31.01.2024 13.45"],
    ["31 januari 2024"],
    ["31 Januari 2024"],
    ["31 jan 2024"],
    ["31 jan. 2024"],
    ["31-jan-2024"],
    ["January 31, 2024"],
    ["45322"],
    [` 2024-01-31${NBSP}`],
  ])("text %p is 2024-01-31", (text) => {
    expect(parseDate(text)).toEqual({ ok: true, value: 45322 });
  });

  test.each([["2024-02-30"], ["2023-02-29"], ["2024-13-01"], ["31/2 2024"], ["32 jan 2024"], ["20240230"]])(
    "impossible date %p → Ogiltigt datum",
    (text) => {
      expect(parseDate(text)).toEqual({ ok: false, reason: "invalidDate" });
    },
  );

  test.each([["31/1/24"], ["1/31/2024"], ["igår"], ["2024"], ["31 foo 2024"], ["2024-01-31 nonsense"], [true]])(
    "%p is not a date",
    (cell) => {
      expect(parseDate(cell)).toEqual({ ok: false, reason: "invalidDate" });
    },
  );

  test.each([[null], [""], ["  "]])("blank %p → Datum saknas", (cell) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason: "missingDate" });
  });

  test("leap day text", () => {
    expect(parseDate("29 feb 2024")).toEqual({ ok: true, value: 45351 });
  });
});

describe("parseExceptionCode", () => {
  test.each([[null], [""], [" "], [0], ["0"], ["Nej"], ["NEJ"], ["-"], [EN_DASH], ["Ingen"], [false]])(
    "%p means no exception",
    (cell) => {
      expect(parseExceptionCode(cell)).toEqual({ ok: true, value: null });
    },
  );

  test.each([[1], ["1"], ["PvV"], ["pvv"], ["PVV"], ["Patientvald väntan"], ["patientvald väntan"], [" PvV "], ["1 - PvV"], ["Patientvald väntan (PvV)"]])(
    "%p is PvV",
    (cell) => {
      expect(parseExceptionCode(cell)).toEqual({ ok: true, value: "PvV" });
    },
  );

  test.each([[2], ["2"], ["MoV"], ["mov"], ["Medicinskt orsakad väntan"]])("%p is MoV", (cell) => {
    expect(parseExceptionCode(cell)).toEqual({ ok: true, value: "MoV" });
  });

  test.each([[3], ["3"], ["SoV"], ["sov"], ["Särskilda skäl"]])("%p is SoV", (cell) => {
    expect(parseExceptionCode(cell)).toEqual({ ok: true, value: "SoV" });
  });

  test.each([[4], [1.5], [-1], [NaN], ["4"], ["x"], ["Ja"], ["PvV (2)"], ["väntan"], ["?"], [true]])(
    "%p → Okänd avvikelsekod",
    (cell) => {
      expect(parseExceptionCode(cell)).toEqual({ ok: false, reason: "unknownExceptionCode" });
    },
  );

  test("a cached answer is the same on the second call", () => {
    const text = "Medicinskt orsakad väntan ";
    expect(parseExceptionCode(text)).toEqual(parseExceptionCode(text));
  });
});

describe("parseGuarantee", () => {
  test.each([[null], [""], ["  "]])("blank %p is null (no flag)", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: true, value: null });
  });

  test.each([[1], ["1"], ["JA"], ["Ja"], ["ja"], ["J"], ["Yes"], [true], [" JA "]])("%p is covered", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: true, value: true });
  });

  test.each([[2], ["2"], ["NEJ"], ["Nej"], ["N"], ["No"], [false]])("%p is not covered", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: true, value: false });
  });

  test.each([[0], [3], ["3"], ["kanske"], [NaN]])("%p → Okänd vårdgarantimarkering", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: false, reason: "unknownGuarantee" });
  });
});

describe("parseContactType", () => {
  test.each([
    ["Förstabesök", "firstVisit"],
    ["Första besök", "firstVisit"],
    ["Nybesök", "firstVisit"],
    ["Nybesök läkare", "firstVisit"],
    ["Besök", "firstVisit"],
    ["FÖRSTABESÖK", "firstVisit"],
    ["first visit", "firstVisit"],
    ["Operation/åtgärd", "treatment"],
    ["Operation", "treatment"],
    ["Åtgärd", "treatment"],
    ["Behandling", "treatment"],
    ["Op/åtg", "treatment"],
    ["treatment", "treatment"],
    ["operation", "treatment"],
    ["Kontakt", "primaryContact"],
    ["Kontakt samma dag", "primaryContact"],
    ["Tillgänglighet/kontakt", "primaryContact"],
    ["Medicinsk bedömning", "primaryAssessment"],
    ["Bedömning", "primaryAssessment"],
    ["BUP första bedömning", "bupFirst"],
    ["Första bedömning", "bupFirst"],
    ["BUP fördjupad utredning", "bupTreatment"],
    ["Fördjupad utredning", "bupTreatment"],
    ["BUP behandling", "bupTreatment"],
    ["Utredning/behandling", "bupTreatment"],
  ] as const)("%p → %p", (text, measure) => {
    expect(parseContactType(text)).toBe(measure);
  });

  test.each([[1], ["1"], ["2"], [null], [""], [true], ["Återbesök"], ["Okänt"]])("%p → null", (cell) => {
    expect(parseContactType(cell)).toBeNull();
  });

  test("repeated calls give the cached answer", () => {
    expect([parseContactType("Förstabesök"), parseContactType("Förstabesök")]).toEqual(["firstVisit", "firstVisit"]);
  });
});

describe("cellText", () => {
  test.each([
    [null, ""],
    ["Ortopedi", "Ortopedi"],
    [45322, "45322"],
    [0.706, "0.706"],
    [NaN, "NaN"],
    [true, "SANT"],
    [false, "FALSKT"],
  ] as [Cell, string][])("%p shows as %p", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

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
