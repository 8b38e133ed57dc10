import { parseExceptionCode, parseGuarantee } from "../../../src/ingest/parse/codes";

const EN_DASH = "\u2013";

describe("parseExceptionCode", () => {
  test.each([[null], [""], [" "], [0], ["0"], ["Nej"], ["NEJ"], ["-"], [EN_DASH], ["Ingen"], [false]])("%p means no exception", (cell) => {
    expect(parseExceptionCode(cell)).toEqual({ ok: true, value: null });
  });

  test.each([
    [1],
    ["1"],
    ["PvV"],
    ["pvv"],
    ["PVV"],
    ["Patientvald väntan"],
    ["patientvald väntan"],
    [" PvV "],
    ["1 - PvV"],
    ["Patientvald väntan (PvV)"],
  ])("%p is PvV", (cell) => {
    expect(parseExceptionCode(cell)).toEqual({ ok: true, value: "PvV" });
  });

  test.each([[2], ["2"], ["MoV"], ["mov"], ["Medicinskt orsakad väntan"]])("%p is MoV", (cell) => {
    expect(parseExceptionCode(cell)).toEqual({ ok: true, value: "MoV" });
  });

  test.each([[3], ["3"], ["SoV"], ["sov"], ["Särskilda skäl"]])("%p is SoV", (cell) => {
    expect(parseExceptionCode(cell)).toEqual({ ok: true, value: "SoV" });
  });

  test.each([[4], [1.5], [-1], [NaN], ["4"], ["x"], ["Ja"], ["PvV (2)"], ["väntan"], ["?"], [true]])(
    "%p → unknownExceptionCode",
    (cell) => {
      expect(parseExceptionCode(cell)).toEqual({ ok: false, reason: "unknownExceptionCode" });
    },
  );

  test("a cached answer is the same on the second call", () => {
    const text = "Medicinskt orsakad väntan ";
    expect(parseExceptionCode(text)).toEqual(parseExceptionCode(text));
  });
});

describe("parseGuarantee", () => {
  test.each([[null], [""], ["  "]])("blank %p is null (no flag)", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: true, value: null });
  });

  test.each([[1], ["1"], ["JA"], ["Ja"], ["ja"], ["J"], ["Yes"], [true], [" JA "]])("%p is covered", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: true, value: true });
  });

  test.each([[2], ["2"], ["NEJ"], ["Nej"], ["N"], ["No"], [false]])("%p is not covered", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: true, value: false });
  });

  test.each([[0], [3], ["3"], ["kanske"], [NaN]])("%p → unknownGuarantee", (cell) => {
    expect(parseGuarantee(cell)).toEqual({ ok: false, reason: "unknownGuarantee" });
  });
});
