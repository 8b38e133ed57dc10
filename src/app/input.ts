// Opening what the user hands over, for the CLI and the preview: an .xlsx/.xlsm workbook as it is,
// a CSV file (the data warehouse's export) as a new workbook holding it as one sheet. Either way the
// run then reads, computes and writes on the same .xlsx file host, and the output is a workbook.
import type { Lang } from "../model/lang";
import { CsvError } from "../hosts/csv/errors";
import { readCsv } from "../hosts/csv/read";
import { createFileHost, type FileHost, type FileHostEvents } from "../hosts/xlsx/fileHost";
import { workbookFromGrid } from "../hosts/xlsx/newWorkbook";
import { looksLikeZip } from "../hosts/xlsx/zip";
import { CSV_TEXT } from "./texts/input";

/** The file names the CLI and the preview take (compared ignoring case). */
export const INPUT_EXTENSIONS = [".xlsx", ".xlsm", ".csv", ".txt"] as const;

const TEXT_NAME = /\.(csv|txt)$/i;

/** Whether a file name ends in one of INPUT_EXTENSIONS. */
export function isInputName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Whether the file is read as CSV: named .csv or .txt and not a zip. A workbook renamed to .csv
 * (a zip, "PK\x03\x04") is still opened as the workbook it is.
 */
export function isCsvInput(bytes: Uint8Array, fileName: string): boolean {
  return TEXT_NAME.test(fileName) && !looksLikeZip(bytes);
}

export interface OpenInputOptions {
  events?: FileHostEvents;
  /** The language of a CSV file's refusal (an .xlsx's is the reader's own, in Swedish). */
  lang?: Lang;
}

/**
 * The file host over the input: a CSV file becomes a new workbook with one sheet named after the
 * file (readCsv, workbookFromGrid), anything else is opened as an .xlsx. Throws XlsxError for a
 * workbook that cannot be read, CsvError (in `lang`) for a CSV file that cannot.
 */
export function openInput(bytes: Uint8Array, fileName: string, options: OpenInputOptions = {}): FileHost {
  if (!isCsvInput(bytes, fileName)) return createFileHost(bytes, options.events);
  let grid;
  try {
    grid = readCsv(bytes, fileName);
  } catch (e) {
    if (e instanceof CsvError) throw new CsvError(e.code, CSV_TEXT[options.lang ?? "sv"][e.code]);
    throw e;
  }
  return createFileHost(workbookFromGrid(grid), options.events);
}
