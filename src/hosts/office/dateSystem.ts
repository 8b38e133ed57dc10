// The open workbook's date system (DOMAIN.md §3): a workbook from Excel for Mac may use the 1904
// system, where Range.values holds every date 1,462 days smaller, in date-formatted and plain cells
// alike, and where what we write must be 1904 serials too.
//
// Office.js has Workbook.use1904DateSystem only in its preview (ExcelApi BETA), not in a released
// requirement set up to ExcelApi 1.20, so production hosts cannot be asked for it directly. Excel
// itself can be: DATE(1904, 1, 1) is 0 in the 1904 system and 1462 in the 1900 one. The worksheet
// functions are ExcelApi 1.2, on every host the manifest (ExcelApi 1.7) accepts, and the question
// rides on a sync the caller makes anyway, so it costs no round trip.
import type { Cell } from "../../model/cells";
import { DAYS_1900_TO_1904 } from "../../model/days";
import { isDateFormat } from "../../model/numberFormats";
import type { RequestContext } from "./excelApi";

/** Queues the question; the answer (true: the 1904 system) is readable after the next sync. */
export function queueDateSystem(context: RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1).load("value");
  return () => probe.value === 0;
}

/**
 * One row as the .xlsx reader gives it for a 1904 workbook: a number under a date format is
 * converted to its 1900 serial (ingest/dateSystem.ts converts the plain numbers in date columns).
 * `isDate` caches the rule per format code.
 */
export function rowIn1900(values: Cell[], formats: readonly (string | null)[], isDate: Map<string, boolean>): Cell[] {
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    const f = formats[j];
    if (typeof v !== "number" || !f) continue;
    let date = isDate.get(f);
    if (date === undefined) isDate.set(f, (date = isDateFormat(f)));
    if (date) values[j] = v + DAYS_1900_TO_1904;
  }
  return values;
}
