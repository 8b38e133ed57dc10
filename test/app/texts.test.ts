import { PANE_TEXT } from "../../src/app/texts/pane";
import { explainError } from "../../src/app/errors";
import { formatCount, formatShare } from "../../src/app/format";

test("both languages have every text", () => {
  expect(Object.keys(PANE_TEXT.en).sort()).toEqual(Object.keys(PANE_TEXT.sv).sort());
});

test("shares and counts read as on the tabs: 66,5 % and 13 929 in Swedish", () => {
  // 0.665 * 100 = 66.5 → "66,5" with a no-break space before %.
  expect(formatShare(0.665, "sv")).toBe("66,5\u00a0%");
  expect(formatShare(0.665, "en")).toBe("66.5%");
  expect(formatCount(13929, "sv")).toBe("13\u00a0929");
  expect(formatCount(13929, "en")).toBe("13,929");
});

test("Excel's error codes become an instruction; the engine's own refusals are shown as they are", () => {
  expect(explainError({ code: "InvalidOperationInCellEditMode" }, "sv")).toBe("Excel håller på att redigera en cell. Tryck Enter eller Esc i cellen och försök igen.");
  expect(explainError(new RangeError('Ogiltigt mätdatum "2024-13-01": ange ÅÅÅÅ-MM-DD.'), "sv")).toBe('Ogiltigt mätdatum "2024-13-01": ange ÅÅÅÅ-MM-DD.');
  expect(explainError(new Error("boom"), "sv")).toBe("Ett oväntat fel inträffade: boom. Försök igen. Om felet kvarstår: spara arbetsboken, stäng Målkoll och öppna det igen.");
});
