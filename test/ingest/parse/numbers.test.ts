import { parseNumber } from "../../../src/ingest/parse/numbers";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const MINUS = "\u2212";
const EN_DASH = "\u2013";

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

  test.each([[null], [""], [`${NBSP} `]])("blank %p → missingValue", (cell) => {
    expect(parseNumber(cell)).toEqual({ ok: false, reason: "missingValue" });
  });

  test("a suppression mark is reported as such, never as zero", () => {
    expect(parseNumber(EN_DASH)).toEqual({ ok: false, reason: "suppressed" });
  });
});
