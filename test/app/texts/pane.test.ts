import { PANE_TEXT } from "../../../src/app/texts/pane";

test("both languages have every text", () => {
  expect(Object.keys(PANE_TEXT.en).sort()).toEqual(Object.keys(PANE_TEXT.sv).sort());
});
