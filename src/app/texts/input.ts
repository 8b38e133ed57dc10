import type { Lang } from "../../model/lang";
import { CSV_MESSAGES, type CsvErrorCode } from "../../hosts/csv/errors";

// Why a CSV file picked as input (the CLI's argument, the preview's Öppna) could not be read. The
// Swedish sentences are the CSV reader's own (one source for them); the English ones are here.
const sv: Record<CsvErrorCode, string> = CSV_MESSAGES;

const en: Record<CsvErrorCode, string> = {
  empty: "The file is empty: it has no cells to read.",
  notText:
    "The file cannot be read as CSV: it is not text (perhaps a workbook or a picture with the wrong file extension). Save the data as CSV or as an Excel workbook (.xlsx) and try again.",
  tooLarge: "The file has more rows or columns than an Excel sheet holds (1,048,576 rows, 16,384 columns). Split the data and try again.",
};

export const CSV_TEXT: Record<Lang, Record<CsvErrorCode, string>> = { sv, en };
