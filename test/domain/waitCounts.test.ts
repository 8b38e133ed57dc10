import fc from "fast-check";
import { WaitCounts } from "../../src/domain/days";

const countsOf = (waits: number[]) => {
  const c = new WaitCounts();
  for (const w of waits) c.add(w);
  return c;
};

describe("median wait from counts per day", () => {
  test("no waits has no median", () => {
    expect(new WaitCounts().median()).toBeNull();
  });
  test("an odd count takes the middle wait: 0, 3, 91 → 3", () => {
    expect(countsOf([91, 0, 3]).median()).toBe(3);
  });
  test("an even count takes the mean of the two middle waits: 10, 20, 30, 400 → 25", () => {
    expect(countsOf([400, 10, 30, 20]).median()).toBe(25);
  });
  test("repeated waits count once each: 29, 29, 29, 394 → 29", () => {
    expect(countsOf([29, 29, 29, 394]).median()).toBe(29);
  });
  test("waits beyond the first allocation (over 1023 days) are counted", () => {
    expect(countsOf([5000, 7000, 9000]).median()).toBe(7000);
  });
  test("pooling two units' counts equals counting all their waits", () => {
    const a = countsOf([1, 2, 3000]);
    a.addAll(countsOf([4, 5]));
    expect(a.size).toBe(5);
    expect(a.median()).toBe(4);
  });
  test("agrees with sorting for any list of waits", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 200 }), (waits) => {
        const s = [...waits].sort((x, y) => x - y);
        const n = s.length;
        const expected = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        expect(countsOf(waits).median()).toBe(expected);
      }),
    );
  });
});

test("a wait given as an absurd number of days is counted, not a crash", () => {
  // 1 630 682 578 582 069 days came out of a fuzzed "Väntat (dagar)" cell.
  expect(countsOf([1_630_682_578_582_069, 2, 3]).median()).toBe(3);
  const pooled = countsOf([1_630_682_578_582_069]);
  pooled.addAll(countsOf([1_630_682_578_582_069, 0]));
  expect(pooled.median()).toBe(1_630_682_578_582_069);
});
