import type { Lang } from "../../model/lang";
import { CSV_MESSAGES, type CsvErrorCode } from "../../hosts/csv/errors";
import { MESSAGES, type XlsxError } from "../../hosts/xlsx/errors";

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

// Why a workbook could not be read, in English: the .xlsx reader's sentences are Swedish (one source
// for them, MESSAGES); a damaged file's detail in parentheses is translated where it is one of the
// reader's fixed ones, and otherwise kept as the reader wrote it (it is there for support).
type XlsxMessage = keyof typeof MESSAGES;

const XLSX_EN: Record<XlsxMessage, string> = {
  encrypted: "The file is password-protected (encrypted) and cannot be read. Save a copy without a password and try again.",
  oldXls: "The file is in the old .xls format. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
  xlsb: "The file is a binary Excel workbook (.xlsb). Save it as an Excel workbook (.xlsx) and try again.",
  ods: "The file is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) and try again.",
  notXlsx: "The file is not an Excel workbook (.xlsx). Save it as an Excel workbook (.xlsx) and try again.",
  corrupt:
    "The file is damaged or incomplete and cannot be read as an Excel workbook (.xlsx). Open it in Excel, save a new copy and try again.",
};

const DETAIL_EN: [RegExp, string][] = [
  [/^zip-arkivets slutpost saknas, filen är troligen avkortad$/, "the zip archive's end record is missing, the file is probably truncated"],
  [/^zip64-slutposten är felaktig$/, "the zip64 end record is wrong"],
  [/^zip-arkivets innehållsförteckning ligger utanför filen$/, "the zip archive's directory lies outside the file"],
  [/^zip-arkivets innehållsförteckning är skadad$/, "the zip archive's directory is damaged"],
  [/^en post i zip-arkivet saknas$/, "an entry of the zip archive is missing"],
  [/^zip-arkivet är avkortat$/, "the zip archive is truncated"],
  [/^(.+) har fel storlek$/, "$1 has the wrong size"],
  [/^(.+) använder en komprimeringsmetod som inte stöds \((\d+)\)$/, "$1 uses a compression method that is not supported ($2)"],
  [/^(.+) går inte att packa upp$/, "$1 cannot be unpacked"],
  [/^bladet "(.+)" saknas i filen$/, 'the sheet "$1" is missing from the file'],
  [/^bladet "(.+)" går inte att tolka$/, 'the sheet "$1" cannot be read'],
  [/^(.+) går inte att tolka$/, "$1 cannot be read"],
  [/^(.+) saknas$/, "$1 is missing"],
];

/** An XlsxError's message in the run's language (the reader's own, Swedish, for "sv"). */
export function xlsxErrorText(err: XlsxError, lang: Lang): string {
  if (lang === "sv") return err.message;
  const keys = Object.keys(MESSAGES) as XlsxMessage[];
  const exact = keys.find((k) => MESSAGES[k] === err.message);
  if (exact) return XLSX_EN[exact];
  if (err.code === "corrupt" && err.message.startsWith(MESSAGES.corrupt)) {
    const detail = err.message
      .slice(MESSAGES.corrupt.length)
      .trim()
      .replace(/^\((.*)\)$/, "$1");
    if (!detail) return XLSX_EN.corrupt;
    const rule = DETAIL_EN.find(([re]) => re.test(detail));
    return `${XLSX_EN.corrupt} (${rule ? detail.replace(rule[0], rule[1]) : detail})`;
  }
  return XLSX_EN[err.code];
}
