// Dates in a 1904 workbook (DOMAIN.md §3: Excel for Mac's date1904, serials 1,462 days smaller).
//
// Who converts what: a host adapter converts every number the workbook shows as a date (a date
// number format) to its 1900 serial, and leaves every other number as the workbook holds it,
// saying in `grid.date1904` which system that is. Ingest, the one place that knows a column
// holds dates, converts the rest: a plain number in a date column of a 1904 grid (warehouse
// extracts often lose their date formats). The line between the two is the same rule on both
// sides (model/numberFormats.ts), so a date-formatted cell is never shifted twice and a plain one
// never missed.
//
// Why not let the hosts convert nothing and ingest everything: a date-formatted cell is a date to
// everything that shows or reads cells (the .xlsx reader's ISO t="d" dates are 1900 serials from
// the start, a Historik tab is read back by its formats), and all of them would have to learn the
// workbook's system. Kept this way, a date-formatted number means the same day in every grid.
import type { Cell, SheetGrid } from "../model/cells";
import type { DaySerial } from "../model/days";
import type { Parsed } from "../model/parsed";
import { isDateFormat } from "../model/numberFormats";
import { parseDate, parseDate1904, parseMeasurementDate, parseMeasurementDate1904 } from "./parse/dates";
import { CACHE_LIMIT } from "./parse/cache";

export type DateParser = (cell: Cell) => Parsed<DaySerial>;

/** Format code → shows a date; a workbook has a few dozen formats at most. */
const dateFormats = new Map<string, boolean>();

function showsDate(format: string | null | undefined): boolean {
  if (!format) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = isDateFormat(format);
    if (dateFormats.size < CACHE_LIMIT) dateFormats.set(format, known);
  }
  return known;
}

/** The cell values[i][col] is a plain number of a 1904 grid: a 1904 serial where it is a date. */
function in1904(grid: SheetGrid, i: number, col: number | undefined): boolean {
  return grid.date1904 === true && col !== undefined && !showsDate(grid.formats?.[i]?.[col]);
}

/** How to read the date in cell values[i][col] (a start, visit or end date, a history row's date). */
export function dateAt(grid: SheetGrid, i: number, col: number | undefined): DateParser {
  return in1904(grid, i, col) ? parseDate1904 : parseDate;
}

/** How to read the measurement date in cell values[i][col] (a date, or a month such as 202401). */
export function measurementDateAt(grid: SheetGrid, i: number, col: number | undefined): DateParser {
  return in1904(grid, i, col) ? parseMeasurementDate1904 : parseMeasurementDate;
}
