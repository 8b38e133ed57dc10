// Dates of a 1904 workbook (DOMAIN.md §3): the host has converted the date-formatted numbers to
// 1900 serials and marked the grid; ingest converts the plain numbers in date columns.
import type { Cell, SheetGrid } from "../../src/model/cells";
import { ingestSheet } from "../../src/ingest/sheet";
import { dateAt, measurementDateAt } from "../../src/ingest/dateSystem";
import { parseDate, parseDate1904, parseMeasurementDate1904 } from "../../src/ingest/parse/dates";
import { parseHistory } from "../../src/report/historyTab";
import { TEXT } from "../../src/report/i18n";
import { DAYS_1900_TO_1904 } from "../../src/model/days";
import { DEFAULT_ASSIGNMENT_STATUS } from "../../src/model/settings";
import { d } from "../helpers/grids";

/** 2024-01-31 in the 1904 date system: 45322 − 1462. */
const JAN31_1904 = 43860;

const grid1904 = (name: string, values: Cell[][], formats?: (string | null)[][], date1904 = true): SheetGrid => ({
  name,
  values,
  formats,
  ...(date1904 ? { date1904: true } : {}),
});

describe("parseDate1904", () => {
  test("a number is a 1904 serial: 43860 is 2024-01-31, 0 is 1904-01-01", () => {
    expect(DAYS_1900_TO_1904).toBe(1462);
    expect(parseDate1904(JAN31_1904)).toEqual({ ok: true, value: d("2024-01-31") });
    expect(parseDate1904(0)).toEqual({ ok: true, value: d("1904-01-01") });
    expect(parseDate1904(JAN31_1904 + 0.75)).toEqual({ ok: true, value: d("2024-01-31") });
  });

  test("numbers that are no serial, and text, mean what they say in either system", () => {
    expect(parseDate1904(20240131)).toEqual({ ok: true, value: d("2024-01-31") });
    expect(parseDate1904(20240131080000)).toEqual({ ok: true, value: d("2024-01-31") });
    expect(parseDate1904("2024-01-31")).toEqual({ ok: true, value: d("2024-01-31") });
    expect(parseDate1904("45322")).toEqual(parseDate("45322"));
    expect(parseDate1904(null)).toEqual({ ok: false, reason: "missingDate" });
  });

  test("out of range: before 1904-01-01 or after 2199-12-31 in the 1904 system", () => {
    expect(parseDate1904(-1)).toEqual({ ok: false, reason: "dateOutOfRange" });
    expect(parseDate1904(d("2199-12-31") - DAYS_1900_TO_1904)).toEqual({ ok: true, value: d("2199-12-31") });
    // Accepted as a 1900 serial, but in a 1904 workbook it is 2200-01-01.
    expect(parseDate(d("2199-12-31") - DAYS_1900_TO_1904 + 1).ok).toBe(true);
    expect(parseDate1904(d("2199-12-31") - DAYS_1900_TO_1904 + 1)).toEqual({ ok: false, reason: "dateOutOfRange" });
    expect(parseDate1904(Number.NaN)).toEqual({ ok: false, reason: "invalidDate" });
  });

  test("a measurement month is a month in either system; a measurement serial is a 1904 serial", () => {
    expect(parseMeasurementDate1904(202401)).toEqual({ ok: true, value: d("2024-01-31") });
    expect(parseMeasurementDate1904("2024-01")).toEqual({ ok: true, value: d("2024-01-31") });
    expect(parseMeasurementDate1904(JAN31_1904)).toEqual({ ok: true, value: d("2024-01-31") });
  });
});

describe("which cells ingest shifts", () => {
  const g = grid1904("B", [[JAN31_1904, d("2024-01-31")]], [[null, "yyyy-mm-dd"]]);
  test("a plain number in a 1904 grid is shifted; one with a date format (converted by the host) is not", () => {
    expect(dateAt(g, 0, 0)(JAN31_1904)).toEqual({ ok: true, value: d("2024-01-31") });
    expect(dateAt(g, 0, 1)(d("2024-01-31"))).toEqual({ ok: true, value: d("2024-01-31") });
    expect(measurementDateAt(g, 0, 0)(JAN31_1904)).toEqual({ ok: true, value: d("2024-01-31") });
    expect(measurementDateAt(g, 0, 1)(d("2024-01-31"))).toEqual({ ok: true, value: d("2024-01-31") });
  });

  test("a number format that is no date (0, General, a time) leaves the number a 1904 serial", () => {
    const h = grid1904("B", [[JAN31_1904, JAN31_1904, JAN31_1904]], [["0", "General", "h:mm"]]);
    for (const col of [0, 1, 2]) expect(dateAt(h, 0, col)(JAN31_1904)).toEqual({ ok: true, value: d("2024-01-31") });
  });

  test("a 1900 grid (no flag, or false) is read as before", () => {
    const plain = grid1904("A", [[d("2024-01-31")]], undefined, false);
    expect(dateAt(plain, 0, 0)).toBe(parseDate);
    expect(dateAt({ ...plain, date1904: false }, 0, 0)).toBe(parseDate);
  });
});

/**
 * The same list as a 1900 grid and as a 1904 one, hand-counted for 2024-01-31: Ögon waits 21, 51
 * and 244 days, Hud 30 days; the 1904 grid's start dates are plain numbers (a warehouse extract)
 * except one date-formatted cell the host converted already.
 */
describe("a waiting list of a 1904 workbook reads as the same list in a 1900 one", () => {
  const starts = ["2024-01-10", "2023-12-11", "2023-06-01", "2024-01-01"];
  const units = ["Ögon", "Ögon", "Ögon", "Hud"];
  const header: Cell[] = ["Klinik", "Kontakttyp", "Beslutsdatum", "Mätdatum"];
  const g1900 = grid1904(
    "Väntande",
    [header, ...starts.map((s, k) => [units[k], "Förstabesök", d(s), d("2024-01-31")])],
    [[], ...starts.map(() => [null, null, "yyyy-mm-dd", "yyyy-mm-dd"])],
    false,
  );
  const g1904 = grid1904(
    "Väntande",
    [header, ...starts.map((s, k) => [units[k], "Förstabesök", k === 3 ? d(s) : d(s) - DAYS_1900_TO_1904, JAN31_1904] as Cell[])],
    // Row 4's start and every measurement date: formatted dates (already 1900 serials); the others plain numbers.
    [[], ...starts.map((_, k) => [null, null, k === 3 ? "yyyy-mm-dd" : null, null])],
  );

  test("the records are identical: start dates and measurement dates as 1900 serials", () => {
    const a = ingestSheet(g1900, undefined);
    const b = ingestSheet(g1904, undefined);
    expect(b.issues).toEqual([]);
    expect(b.patients.map((p) => [p.unit, p.start, p.measured])).toEqual(starts.map((s, k) => [units[k], d(s), d("2024-01-31")]));
    expect(b.patients).toEqual(a.patients);
  });

  test("a date-formatted cell in a 1904 grid is not shifted twice", () => {
    const b = ingestSheet(g1904, undefined);
    expect(b.patients[3].start).toBe(d("2024-01-01"));
  });

  test("English headers, a completed list: start and visit both follow the system", () => {
    const g = grid1904(
      "Completed",
      [
        ["Unit", "Contact type", "Decision date", "Visit date"],
        ["Eye", "First visit", d("2024-01-02") - DAYS_1900_TO_1904, d("2024-01-20")],
      ],
      [[], [null, null, null, "yyyy-mm-dd"]],
    );
    const s = ingestSheet(g, undefined);
    expect(s.kind).toBe("completedList");
    expect(s.patients.map((p) => [p.start, p.visit])).toEqual([[d("2024-01-02"), d("2024-01-20")]]);
  });

  test("a placeholder date in a 1904 grid is shown as the date it is", () => {
    // 0 as a plain number is 1904-01-01 there: a placeholder (before 2010), not 1900-01-00.
    const s = ingestSheet(grid1904("Väntande", [header, ["Ögon", "Förstabesök", 0, null]]), undefined);
    expect(s.issues).toEqual([expect.objectContaining({ reason: "placeholderDate", value: "1904-01-01" })]);
  });
});

describe("an assignment's end date in a 1904 plan", () => {
  test("plain → shifted, formatted → as it is", () => {
    const g = grid1904(
      "Uppdrag",
      [
        ["Uppdrag", "Status", "Slutdatum"],
        ["Införa e-remiss", "Klar", JAN31_1904],
        ["Ny mottagning", "Pågår enligt plan", d("2024-06-30")],
      ],
      [[], [null, null, "0"], [null, null, "yyyy-mm-dd"]],
    );
    const s = ingestSheet(g, undefined, DEFAULT_ASSIGNMENT_STATUS);
    expect(s.issues).toEqual([]);
    expect(s.kind).toBe("assignmentList");
    expect(s.assignments.map((a) => a.endDate)).toEqual([d("2024-01-31"), d("2024-06-30")]);
  });
});

describe("a Historik tab read back from a 1904 workbook", () => {
  const t = TEXT.sv;
  const header: Cell[] = [t.measuredOn, t.measureCol, t.basis, t.unit, t.total, t.withinLimit, t.share, t.overLimit, t.over365];
  const row = (date: number): Cell[] => [date, t.measure.firstVisit, t.basisName.waiting, t.region, 10, 6, 0.6, 4, 0];
  test("its date cells (formatted, so converted by the host) and a plain number both give the date", () => {
    const g = grid1904("Historik", [header, row(d("2024-01-31")), row(d("2024-02-29") - DAYS_1900_TO_1904)], [[], ["yyyy-mm-dd"], [null]]);
    const { history, issues } = parseHistory(g);
    expect(issues).toEqual([]);
    expect(history.care.map((r) => r.date)).toEqual(["2024-01-31", "2024-02-29"]);
  });
});
