// Reads a CSV file (the data warehouse's own export, or a sheet saved as CSV) as one sheet, named
// after the file, the way Excel opens it: one record a row, fields from column A.
import Papa from "papaparse";
import type { Cell, SheetGrid } from "../../model/cells";
import { sheetNameProblem } from "../../report/sheetNames";
import { decodeCsvText } from "./decode";
import { detectDelimiter } from "./delimiter";
import { CsvError } from "./errors";

export { CsvError, CSV_MESSAGES, type CsvErrorCode } from "./errors";
export { detectDelimiter } from "./delimiter";

/** What one Excel sheet holds. */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_NAME = 31;
/** A file whose name leaves nothing of a sheet name (".csv", "[].csv") gets Excel's first sheet name. */
const FALLBACK_NAME = "Blad1";

/**
 * The sheet name for a file, as close to Excel's (the file name without its extension) as Excel's
 * rules allow: \ / ? * : [ ] become "_", at most 31 characters, no apostrophe first or last, and
 * "History" (reserved by Excel) becomes "History_".
 */
export function sheetNameForFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  let name = (dot > 0 ? base.slice(0, dot) : dot === 0 ? "" : base).replace(/[\\/?*:[\]]/g, "_");
  if (name.length > MAX_NAME) {
    name = name.slice(0, MAX_NAME);
    // Never half a surrogate pair ("…😀" cut between its two halves).
    if (/[\uD800-\uDBFF]$/.test(name)) name = name.slice(0, -1);
  }
  name = name.replace(/^'+|'+$/g, "");
  if (sheetNameProblem(name) === "reserved") name += "_";
  return sheetNameProblem(name) === null ? name : FALLBACK_NAME;
}

/**
 * One sheet from a CSV file's bytes: `;`, `,` or tab separated (detectDelimiter), UTF-8 with or
 * without a BOM, UTF-16 with a BOM, or Windows-1252 (decodeCsvText); quoted fields may hold
 * delimiters, doubled quotes and line breaks; CRLF, LF or CR line ends. Rows keep the field count
 * they have (a short or long row is just that). Blank lines stay as empty rows, so row N of the
 * file is row N of the sheet, as when Excel opens it; blank lines at the end are dropped.
 *
 * Every field is kept as the text it is, empty ones as null: no numbers or dates are guessed here.
 * "0180" (a municipality code) or "SE2321000230-13K" (an HSA id) must stay as written, and ingest
 * already reads Swedish text numbers ("70,6", "13 929") and dates ("2024-01-31") the way it reads
 * them from any sheet, so guessing here could only lose something.
 *
 * Throws CsvError: "empty" (no cells), "notText" (binary), "tooLarge" (more than a sheet holds).
 */
export function readCsv(bytes: Uint8Array, fileName: string): SheetGrid {
  const text = decodeCsvText(bytes);
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false });
  // papaparse's errors are an unclosed quote (the rest of the file is then one field, as in Excel)
  // and, with headers (not used), field counts: neither stops the reading.
  const values: Cell[][] = parsed.data.map((row) => row.map((v) => (v === "" ? null : v)));
  while (values.length > 0 && values[values.length - 1].every((v) => v === null)) values.pop();
  if (values.length === 0) throw new CsvError("empty");
  if (values.length > MAX_ROWS || values.some((r) => r.length > MAX_COLS)) throw new CsvError("tooLarge");
  return { name: sheetNameForFile(fileName), values };
}
