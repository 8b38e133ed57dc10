import { formatCount, formatShare } from "../../src/app/format";

test("shares and counts read as on the tabs: 66,5 % and 13 929 in Swedish", () => {
  // 0.665 * 100 = 66.5 → "66,5" with a no-break space before %.
  expect(formatShare(0.665, "sv")).toBe("66,5\u00a0%");
  expect(formatShare(0.665, "en")).toBe("66.5%");
  expect(formatCount(13929, "sv")).toBe("13\u00a0929");
  expect(formatCount(13929, "en")).toBe("13,929");
});
