import { explainError } from "../../src/app/errors";

test("Excel's error codes become an instruction; the engine's own refusals are shown as they are", () => {
  expect(explainError({ code: "InvalidOperationInCellEditMode" }, "sv")).toBe(
    "Excel håller på att redigera en cell. Tryck Enter eller Esc i cellen och försök igen.",
  );
  expect(explainError(new RangeError('Ogiltigt mätdatum "2024-13-01": ange ÅÅÅÅ-MM-DD.'), "sv")).toBe(
    'Ogiltigt mätdatum "2024-13-01": ange ÅÅÅÅ-MM-DD.',
  );
  expect(explainError(new Error("boom"), "sv")).toBe(
    "Ett oväntat fel inträffade: boom. Försök igen. Om felet kvarstår: spara arbetsboken, stäng Målkoll och öppna det igen.",
  );
});
