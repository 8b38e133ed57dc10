import { parseShare } from "../../../src/ingest/parse/shares";

const NBSP = "\u00a0";
const MINUS = "\u2212";

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

  test("blank → missingValue", () => {
    expect(parseShare(null)).toEqual({ ok: false, reason: "missingValue" });
  });

  test("a suppression mark is reported as such", () => {
    expect(parseShare("..")).toEqual({ ok: false, reason: "suppressed" });
  });

  test.each([[true], ["hög"], [NaN]])("%p is rejected", (cell) => {
    expect(parseShare(cell)).toEqual({ ok: false, reason: "invalidShare" });
  });
});
