// How the preview shows a plan's numbers: as Swedish Excel shows them under the plan's format.
import { cellText } from "../../src/preview/cellText";
import { widthPx } from "../../src/preview/SheetTable";

const NBSP = "\u00a0";

test("shares with 0.0% read 66,5 % with a no-break space; 0% rounds to whole percent", () => {
  expect(cellText(0.665, "0.0%")).toBe(`66,5${NBSP}%`);
  expect(cellText(0.7996, "0%")).toBe(`80${NBSP}%`);
  expect(cellText(0.1023, "0.00%")).toBe(`10,23${NBSP}%`);
});

test("counts with #,##0 are grouped by no-break spaces; 0 rounds halves away from zero, as Excel", () => {
  expect(cellText(13929, "#,##0")).toBe(`13${NBSP}929`);
  expect(cellText(2.6, "#,##0.0")).toBe("2,6");
  // 96.5 days → 97; −2.5 → −3 (Excel), where Math.round would give −2.
  expect(cellText(96.5, "0")).toBe("97");
  expect(cellText(-2.5, "0")).toBe("\u22123");
  expect(cellText(1234, "0")).toBe("1234");
});

test("dates with yyyy-mm-dd are ISO dates from the 1900 serial", () => {
  // 45322 = 2024-01-31 in Excel's 1900 system.
  expect(cellText(45322, "yyyy-mm-dd")).toBe("2024-01-31");
});

test("text as it is, General numbers with a decimal comma, empty cells empty", () => {
  expect(cellText("Hela regionen", undefined)).toBe("Hela regionen");
  expect(cellText(0.1 + 0.2, undefined)).toBe("0,3");
  expect(cellText(42, undefined)).toBe("42");
  expect(cellText(null, "0.0%")).toBe("");
  expect(cellText(true, undefined)).toBe("SANT");
});

test("column widths in Excel's characters become the pixels Excel draws at 100 %", () => {
  // 7 px per character of Calibri 11 plus 5 px of padding: the default 8.43 → 64 px.
  expect(widthPx(8.43)).toBe(64);
  expect(widthPx(34)).toBe(243);
});
