// Two monthly extracts of 20 waiting patients each, as an Excel for Windows (1900) workbook and as
// Excel for Mac (1904) workbooks, with the start dates date-formatted or as plain numbers (a warehouse
// extract that lost its formats). Hand-counted (90-day limit, waiting, first visits):
//   January, 2024-01-31 (the month end of the newest start date):
//     Ögon waits 10 20 30 40 50 60 70 | 100 150 200        → 7 of 10 = 70 %, median 55
//     Hud  waits  5 15 25 35 | 120 180 240 300 400 500     → 4 of 10 = 40 %, median 150, 2 over 365
//     region 11 of 20 = 55 %, median (60 + 70) / 2 = 65, 9 over the limit, 2 over 365
//   February, 2024-02-29:
//     Ögon waits 10 20 30 40 50 60 70 80 | 100 200         → 8 of 10 = 80 %
//     Hud  waits  5 15 25 35 45 55 | 120 180 240 400       → 6 of 10 = 60 %, 1 over 365
//     region 14 of 20 = 70 %: +15 points on January (Ögon +10, Hud +20), 6 over the limit (−3)
// A 1904 workbook holds 2024-01-31 as 43860, 1,462 days less than a 1900 one (45322).
import ExcelJS from "exceljs";

export interface Month {
  date: string;
  waits: Record<"Ögon" | "Hud", number[]>;
}

export const JANUARY: Month = {
  date: "2024-01-31",
  waits: { Ögon: [10, 20, 30, 40, 50, 60, 70, 100, 150, 200], Hud: [5, 15, 25, 35, 120, 180, 240, 300, 400, 500] },
};
export const FEBRUARY: Month = {
  date: "2024-02-29",
  waits: { Ögon: [10, 20, 30, 40, 50, 60, 70, 80, 100, 200], Hud: [5, 15, 25, 35, 45, 55, 120, 180, 240, 400] },
};

/** "1900": Windows, dates formatted; "1904": Mac, dates formatted; "1904plain": Mac, dates as plain 1904 serials. */
export type DateMode = "1900" | "1904" | "1904plain";

const MS_PER_DAY = 86_400_000;
const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
/** The 1900-system serial of a day (from 1900-03-01 on). */
export const serial1900 = (iso: string) => Math.round((utc(iso) - Date.UTC(1899, 11, 30)) / MS_PER_DAY);
const isoDaysBefore = (iso: string, days: number) => new Date(utc(iso) - days * MS_PER_DAY).toISOString().slice(0, 10);

/** The rows [unit, contact type, start] of a month, start as an ISO date. */
export function monthRows(month: Month): [string, string, string][] {
  return (["Ögon", "Hud"] as const).flatMap((unit) =>
    month.waits[unit].map((w): [string, string, string] => [unit, "Förstabesök", isoDaysBefore(month.date, w)]),
  );
}

/**
 * The month's extract as an .xlsx: one sheet "Väntande" (Klinik, Kontakttyp, Beslutsdatum); with
 * `assignments`, an "Uppdragslista" sheet too, whose end dates follow `mode` like the start dates.
 */
export async function monthWorkbook(month: Month, mode: DateMode, assignments: [string, string, string][] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS writes <workbookPr date1904="1"/> and its Dates as 1904 serials.
  wb.properties.date1904 = mode !== "1900";
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum"]);
  for (const [unit, type, start] of monthRows(month))
    ws.addRow([unit, type, mode === "1904plain" ? serial1900(start) - 1462 : new Date(utc(start))]);
  if (mode !== "1904plain") ws.getColumn(3).numFmt = "yyyy-mm-dd";
  if (assignments.length) {
    const plan = wb.addWorksheet("Uppdragslista");
    plan.addRow(["Uppdrag", "Status", "Slutdatum"]);
    for (const [name, status, end] of assignments)
      plan.addRow([name, status, mode === "1904plain" ? serial1900(end) - 1462 : new Date(utc(end))]);
    if (mode !== "1904plain") plan.getColumn(3).numFmt = "yyyy-mm-dd";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
