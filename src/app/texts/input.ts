import type { Lang } from "../../model/lang";
import { CSV_MESSAGES, type CsvErrorCode } from "../../hosts/csv/errors";
import { MESSAGES_EN, type XlsxError } from "../../hosts/xlsx/errors";

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

// Why a workbook could not be read, in English: the reader gives its English sentence
// (XlsxError.english); a detail in parentheses that the reader wrote only in Swedish (the zip
// layer's) is translated here where it is one of the fixed ones, and otherwise kept (it is there for support).
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
  if (err.code !== "corrupt" || !err.english.startsWith(MESSAGES_EN.corrupt)) return err.english;
  const detail = err.english
    .slice(MESSAGES_EN.corrupt.length)
    .trim()
    .replace(/^\((.*)\)$/, "$1");
  if (!detail) return MESSAGES_EN.corrupt;
  const rule = DETAIL_EN.find(([re]) => re.test(detail));
  return `${MESSAGES_EN.corrupt} (${rule ? detail.replace(rule[0], rule[1]) : detail})`;
}
