import fc from "fast-check";
import {
  MAX_SERIAL,
  MIN_SERIAL,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  isValidYmd,
  isoFromSerial,
  lastDayOfMonth,
  monthFromName,
  serialFromIso,
  serialFromYmd,
  ymdFromSerial,
} from "../../src/ingest/dates";

describe("serialFromYmd", () => {
  test("1899-12-30 is serial 0", () => {
    expect(serialFromYmd(1899, 12, 30)).toBe(0);
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

  test("serial 0 is 1899-12-30", () => {
    expect(ymdFromSerial(0)).toEqual({ y: 1899, m: 12, d: 30 });
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

  test.each(["2024-1-31", "2024/01/31", " 2024-01-31", "2024-01-31 13:45", "20240131", "", "abcd-ef-gh"])(
    "strict: %p is null",
    (text) => {
      expect(serialFromIso(text)).toBeNull();
    },
  );

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

  test("first day of the month", () => {
    expect(isoFromSerial(firstDayOfMonth(45322))).toBe("2024-01-01");
  });

  test("days in February 1900 (not a leap year) is 28", () => {
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  test("days in February 2000 (a leap year) is 29", () => {
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe("daysBetween", () => {
  test("a visit on the day of contact is day 0", () => {
    expect(daysBetween(45322, 45322)).toBe(0);
  });

  test("counts calendar days: 2024-01-01 to 2024-03-31 is 90", () => {
    expect(daysBetween(serialFromYmd(2024, 1, 1), serialFromYmd(2024, 3, 31))).toBe(90);
  });

  test("is end minus start (negative when reversed)", () => {
    expect(daysBetween(45322, 45320)).toBe(-2);
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

describe("monthFromName", () => {
  test.each([
    ["januari", 1], ["jan", 1], ["februari", 2], ["feb", 2], ["mars", 3], ["mar", 3], ["april", 4], ["apr", 4],
    ["maj", 5], ["juni", 6], ["jun", 6], ["juli", 7], ["jul", 7], ["augusti", 8], ["aug", 8],
    ["september", 9], ["sep", 9], ["sept", 9], ["oktober", 10], ["okt", 10], ["november", 11], ["nov", 11],
    ["december", 12], ["dec", 12],
  ])("Swedish %p is month %p", (name, m) => {
    expect(monthFromName(name)).toBe(m);
  });

  test.each([
    ["January", 1], ["March", 3], ["May", 5], ["June", 6], ["July", 7], ["October", 10], ["oct", 10],
  ])("English %p is month %p", (name, m) => {
    expect(monthFromName(name)).toBe(m);
  });

  test("is case-insensitive", () => {
    expect(monthFromName("MARS")).toBe(3);
  });

  test("accepts a trailing dot", () => {
    expect(monthFromName("okt.")).toBe(10);
  });

  test("unknown names are null", () => {
    expect(monthFromName("tertial")).toBeNull();
  });
});
