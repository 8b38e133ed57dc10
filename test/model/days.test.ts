import fc from "fast-check";
import {
  MAX_SERIAL,
  MIN_SERIAL,
  daysInMonth,
  isValidYmd,
  isoFromSerial,
  lastDayOfMonth,
  serialFromIso,
  serialFromIsoDateTime,
  serialFromYmd,
  ymdFromSerial,
} from "../../src/model/days";

describe("serialFromYmd", () => {
  // Excel's 1900 system: serial 1 is 1900-01-01 and 60 its fictitious 1900-02-29, so 0 is the day
  // before 1900-01-01. (Until the three date implementations became one, ingest counted 1899-12-30 as
  // 0 and put every date before 1900-03-01 one serial off from Excel and from the .xlsx reader.)
  test("1899-12-31 is serial 0, the day before Excel's serial 1", () => {
    expect(serialFromYmd(1899, 12, 31)).toBe(0);
  });

  test("1900-01-01 is serial 1 and 1900-02-28 is 59, as Excel shows them", () => {
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
  });

  test("Excel's fictitious 1900-02-29 is serial 60, and a valid date of the 1900 system", () => {
    expect(serialFromYmd(1900, 2, 29)).toBe(60);
    expect(isValidYmd(1900, 2, 29)).toBe(true);
    expect(isValidYmd(1900, 2, 30)).toBe(false);
    expect(isValidYmd(2100, 2, 29)).toBe(false);
  });

  test("2024-01-31 is serial 45322", () => {
    expect(serialFromYmd(2024, 1, 31)).toBe(45322);
  });

  test("1900-03-01 is serial 61, as in Excel (after its fictitious 1900-02-29)", () => {
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
  });

  test("leap day 2024-02-29 is the day after 2024-02-28", () => {
    expect(serialFromYmd(2024, 2, 29) - serialFromYmd(2024, 2, 28)).toBe(1);
  });

  test("2024-03-01 follows 2024-02-29", () => {
    expect(serialFromYmd(2024, 3, 1)).toBe(45352);
  });
});

describe("ymdFromSerial", () => {
  test("45322 is 2024-01-31", () => {
    expect(ymdFromSerial(45322)).toEqual({ y: 2024, m: 1, d: 31 });
  });

  test("a datetime serial belongs to its day", () => {
    expect(ymdFromSerial(45322.75)).toEqual({ y: 2024, m: 1, d: 31 });
  });

  test("serial 0 is 1899-12-31 and serial 60 is Excel's 1900-02-29", () => {
    expect(ymdFromSerial(0)).toEqual({ y: 1899, m: 12, d: 31 });
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(isoFromSerial(61)).toBe("1900-03-01");
  });

  test("round-trips serialFromYmd over 1900–2199", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (s) => {
        const { y, m, d } = ymdFromSerial(s);
        expect(isValidYmd(y, m, d)).toBe(true);
        expect(serialFromYmd(y, m, d)).toBe(s);
      }),
    );
  });
});

describe("isoFromSerial / serialFromIso", () => {
  test("45322 shows as 2024-01-31", () => {
    expect(isoFromSerial(45322)).toBe("2024-01-31");
  });

  test("single-digit months and days are zero-padded", () => {
    expect(isoFromSerial(serialFromYmd(2019, 3, 5))).toBe("2019-03-05");
  });

  test("2024-01-31 reads as 45322", () => {
    expect(serialFromIso("2024-01-31")).toBe(45322);
  });

  test("an impossible day is null", () => {
    expect(serialFromIso("2024-02-30")).toBeNull();
  });

  test("29 February of a non-leap year is null", () => {
    expect(serialFromIso("2023-02-29")).toBeNull();
  });

  test("29 February of a leap year is accepted", () => {
    expect(serialFromIso("2024-02-29")).toBe(45351);
  });

  test("month 13 is null", () => {
    expect(serialFromIso("2024-13-01")).toBeNull();
  });

  test.each(["2024-1-31", "2024/01/31", " 2024-01-31", "2024-01-31 13:45", "20240131", "", "abcd-ef-gh"])("strict: %p is null", (text) => {
    expect(serialFromIso(text)).toBeNull();
  });

  test("round-trips isoFromSerial", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (s) => {
        expect(serialFromIso(isoFromSerial(s))).toBe(s);
      }),
    );
  });
});

describe("month arithmetic", () => {
  test("last day of January 2024 is 2024-01-31", () => {
    expect(lastDayOfMonth(serialFromYmd(2024, 1, 15))).toBe(45322);
  });

  test("last day of February in a leap year is the 29th", () => {
    expect(isoFromSerial(lastDayOfMonth(serialFromYmd(2024, 2, 1)))).toBe("2024-02-29");
  });

  test("last day of February in a non-leap year is the 28th", () => {
    expect(isoFromSerial(lastDayOfMonth(serialFromYmd(2023, 2, 10)))).toBe("2023-02-28");
  });

  test("last day of December is the 31st", () => {
    expect(isoFromSerial(lastDayOfMonth(serialFromYmd(2023, 12, 31)))).toBe("2023-12-31");
  });

  test("days in February 1900 (not a leap year) is 28", () => {
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  test("days in February 2000 (a leap year) is 29", () => {
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe("sane range", () => {
  test("MIN_SERIAL is 1900-01-01", () => {
    expect(isoFromSerial(MIN_SERIAL)).toBe("1900-01-01");
  });

  test("MAX_SERIAL is 2199-12-31", () => {
    expect(isoFromSerial(MAX_SERIAL)).toBe("2199-12-31");
  });
});

describe('serialFromIsoDateTime (the .xlsx reader\'s t="d" cells)', () => {
  it("converts ISO dates to 1900 serials including the 1900 leap-year quirk", () => {
    expect(serialFromIsoDateTime("2024-01-31")).toBe(45322);
    expect(serialFromIsoDateTime("2024-01-31T18:00:00Z")).toBe(45322.75);
    expect(serialFromIsoDateTime("1900-03-01")).toBe(61);
    expect(serialFromIsoDateTime("1900-02-28")).toBe(59);
    expect(serialFromIsoDateTime("1900-01-01")).toBe(1);
    expect(serialFromIsoDateTime("inte ett datum")).toBeNull();
  });

  test("a time alone is a fraction of a day; seconds and their fractions count", () => {
    expect(serialFromIsoDateTime("18:00")).toBe(0.75);
    expect(serialFromIsoDateTime("2024-01-31 06:00:30.5")).toBe(45322 + (6 * 3600 + 30.5) / 86400);
  });

  test("agrees with the strict ISO reader on every date 1900–2199", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (s) => {
        expect(serialFromIsoDateTime(isoFromSerial(s))).toBe(s);
      }),
    );
  });
});
