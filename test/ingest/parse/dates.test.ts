import { parseDate } from "../../../src/ingest/parse/dates";

const NBSP = "\u00a0";

describe("parseDate", () => {
  test("serial 45322 is 2024-01-31", () => {
    expect(parseDate(45322)).toEqual({ ok: true, value: 45322 });
  });

  test("a datetime serial is floored to its day", () => {
    expect(parseDate(45322.75)).toEqual({ ok: true, value: 45322 });
  });

  test("a serial with a date format", () => {
    expect(parseDate(45322, "yyyy-mm-dd")).toEqual({ ok: true, value: 45322 });
  });

  test("an integer yyyymmdd is read as that date", () => {
    expect(parseDate(20240131)).toEqual({ ok: true, value: 45322 });
  });

  test.each([[0], [-1], [200000], [1e12]])("the serial %p is out of range", (n) => {
    expect(parseDate(n)).toEqual({ ok: false, reason: "dateOutOfRange" });
  });

  // Serial 1 is 1900-01-01 in Excel's 1900 system (src/model/days.ts), the first day of the range.
  // Before the date code became one implementation, ingest took 1 for 1899-12-31 and rejected it.
  test("the serial 1 is 1900-01-01, the first day of the range", () => {
    expect(parseDate(1)).toEqual({ ok: true, value: 1 });
    expect(parseDate("1900-01-01")).toEqual({ ok: true, value: 1 });
  });

  test.each([[NaN], [Infinity], [-Infinity]])("the number %p is not a date", (n) => {
    expect(parseDate(n)).toEqual({ ok: false, reason: "invalidDate" });
  });

  test.each([
    ["2024-01-31"],
    ["2024-01-31 13:45"],
    ["2024-01-31T13:45:00"],
    ["2024-01-31T13:45:00.000Z"],
    ["2024-01-31 00:00:00"],
    ["20240131"],
    ["2024/01/31"],
    ["2024-1-31"],
    ["31/1 2024"],
    ["31/1/2024"],
    ["31.1.2024"],
    ["31.01.2024 13.45"],
    ["31 januari 2024"],
    ["31 Januari 2024"],
    ["31 jan 2024"],
    ["31 jan. 2024"],
    ["31-jan-2024"],
    ["January 31, 2024"],
    ["45322"],
    [` 2024-01-31${NBSP}`],
  ])("text %p is 2024-01-31", (text) => {
    expect(parseDate(text)).toEqual({ ok: true, value: 45322 });
  });

  test.each([["2024-02-30"], ["2023-02-29"], ["2024-13-01"], ["31/2 2024"], ["32 jan 2024"], ["20240230"]])(
    "impossible date %p → invalidDate",
    (text) => {
      expect(parseDate(text)).toEqual({ ok: false, reason: "invalidDate" });
    },
  );

  test.each([["31/1/24"], ["1/31/2024"], ["igår"], ["2024"], ["31 foo 2024"], ["2024-01-31 nonsense"], [true]])(
    "%p is not a date",
    (cell) => {
      expect(parseDate(cell)).toEqual({ ok: false, reason: "invalidDate" });
    },
  );

  test.each([[null], [""], ["  "]])("blank %p → missingDate", (cell) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason: "missingDate" });
  });

  test("leap day text", () => {
    expect(parseDate("29 feb 2024")).toEqual({ ok: true, value: 45351 });
  });
});
