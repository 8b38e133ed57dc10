import type { Cell } from "../../../src/model/cells";
import { cellText, isBlank, isSuppressed } from "../../../src/ingest/parse/text";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const EN_DASH = "\u2013";

describe("isBlank", () => {
  test.each([[null], [""], ["   "], [NBSP], [` ${NBSP}\t${NNBSP} `]])("%p is blank", (cell) => {
    expect(isBlank(cell)).toBe(true);
  });

  test.each([[0], ["0"], [" x "], [false], ["–"]])("%p is not blank", (cell) => {
    expect(isBlank(cell)).toBe(false);
  });
});

describe("isSuppressed", () => {
  test.each([[EN_DASH], ["-"], ["\u2014"], [".."], ["x"], ["X"], ["*"], [` ${EN_DASH} `], [`${NBSP}..${NBSP}`]])(
    "%p is a suppression mark",
    (cell) => {
      expect(isSuppressed(cell)).toBe(true);
    },
  );

  test.each([[null], [""], ["  "], [0], ["0"], ["xx"], ["5"], ["-5"], [true]])("%p is not a suppression mark", (cell) => {
    expect(isSuppressed(cell)).toBe(false);
  });
});

describe("cellText", () => {
  test.each([
    [null, ""],
    ["Ortopedi", "Ortopedi"],
    [45322, "45322"],
    [0.706, "0.706"],
    [NaN, "NaN"],
    [true, "SANT"],
    [false, "FALSKT"],
  ] as [Cell, string][])("%p shows as %p", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});
