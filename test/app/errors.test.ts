import { explainError } from "../../src/app/errors";
import { XlsxError } from "../../src/hosts/xlsx/errors";

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

test("the .xlsx reader's refusals are shown as they are, in the pane's language", () => {
  const err = new XlsxError("corrupt", 'Filen är skadad (två blad heter "A")', 'The file is damaged (two sheets are named "A")');
  expect(explainError(err, "sv")).toBe('Filen är skadad (två blad heter "A")');
  expect(explainError(err, "en")).toBe('The file is damaged (two sheets are named "A")');
});
