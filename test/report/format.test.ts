import { NUMBER_WORDS, formatInteger, formatPercent, formatPoints, formatSignedInteger } from "../../src/report/format";

test("integers get a no-break space between thousands and a real minus sign", () => {
  expect(formatInteger(13929)).toBe("13\u00a0929");
  expect(formatInteger(-206)).toBe("\u2212206");
  expect(formatInteger(1234567)).toBe("1\u00a0234\u00a0567");
  expect(formatInteger(999)).toBe("999");
});

test("shares show as percent with a decimal comma", () => {
  expect(formatPercent(0.706)).toBe("70,6\u00a0%");
  expect(formatPercent(1)).toBe("100,0\u00a0%");
  expect(formatPercent(0.7996)).toBe("80,0\u00a0%");
  expect(formatPercent(-0.019)).toBe("\u22121,9\u00a0%");
});

test("changes in counts are signed as the committee writes them: +211, −206, ±0", () => {
  expect(formatSignedInteger(211)).toBe("+211");
  expect(formatSignedInteger(-206)).toBe("\u2212206");
  expect(formatSignedInteger(0)).toBe("±0");
  expect(formatSignedInteger(1500)).toBe("+1\u00a0500");
});

test("changes in share are percentage points with a decimal comma: −1,9 %-enheter", () => {
  expect(formatPoints(-1.94)).toBe("\u22121,9\u00a0%-enheter");
  expect(formatPoints(3.65)).toBe("+3,7\u00a0%-enheter");
  // A change that rounds to nothing is no change, not "−0,0".
  expect(formatPoints(-0.04)).toBe("±0,0\u00a0%-enheter");
});

describe("English number words on English tabs", () => {
  const en = NUMBER_WORDS.en;
  test("thousands by comma, a decimal point, percent without a space", () => {
    expect(en.integer(13929)).toBe("13,929");
    expect(en.integer(-206)).toBe("\u2212206");
    expect(en.number(2.6, 1)).toBe("2.6");
    expect(en.number(1000)).toBe("1,000");
    expect(en.percent(0.706)).toBe("70.6%");
    expect(en.percent(0.9, 0)).toBe("90%");
  });
  test("changes keep their signs: +1,500, ±0, −1.9 percentage points", () => {
    expect(en.signedInteger(1500)).toBe("+1,500");
    expect(en.signedInteger(0)).toBe("±0");
    expect(en.points(-1.94, "percentage points")).toBe("\u22121.9\u00a0percentage points");
    expect(en.points(3.65, "percentage points")).toBe("+3.7\u00a0percentage points");
  });
  test("Swedish words are the functions above", () => {
    expect([NUMBER_WORDS.sv.integer(13929), NUMBER_WORDS.sv.percent(0.706), NUMBER_WORDS.sv.points(-1.94, "%-enheter")]).toEqual([
      formatInteger(13929),
      formatPercent(0.706),
      formatPoints(-1.94),
    ]);
  });
});
