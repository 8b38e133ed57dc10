/** Why a file could not be opened as an .xlsx workbook. */
export type XlsxErrorCode = "notXlsx" | "encrypted" | "corrupt" | "tooLarge";

/**
 * A file that cannot be read or written as .xlsx, with a one-line message for the user: Swedish in
 * `message`, and the same in English in `english` for a run in English (no language system here:
 * each message is written in both).
 */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly english: string;
  constructor(code: XlsxErrorCode, message: string, english?: string) {
    super(message);
    this.name = "XlsxError";
    this.code = code;
    // One of MESSAGES has its English below; any other text stays as it is.
    const known = (Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]).find((k) => MESSAGES[k] === message);
    this.english = english ?? (known ? MESSAGES_EN[known] : message);
    Object.setPrototypeOf(this, XlsxError.prototype);
  }
}

export const MESSAGES = {
  encrypted: "Filen är lösenordsskyddad (krypterad) och kan inte läsas. Spara en kopia utan lösenord och försök igen.",
  oldXls: "Filen är i det gamla .xls-formatet. Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx), och försök igen.",
  xlsb: "Filen är en binär Excel-arbetsbok (.xlsb). Spara den som Excel-arbetsbok (.xlsx) och försök igen.",
  ods: "Filen är ett OpenDocument-kalkylblad (.ods). Spara den som Excel-arbetsbok (.xlsx) och försök igen.",
  notXlsx: "Filen är inte en Excel-arbetsbok (.xlsx). Spara den som Excel-arbetsbok (.xlsx) och försök igen.",
  corrupt:
    "Filen är skadad eller ofullständig och kan inte läsas som en Excel-arbetsbok (.xlsx). Öppna den i Excel, spara en ny kopia och försök igen.",
  tooLarge: "Arbetsboken är för stor för att läsas. Dela upp underlaget i flera filer eller blad och försök igen.",
} as const;

export const MESSAGES_EN: Record<keyof typeof MESSAGES, string> = {
  encrypted: "The file is password-protected (encrypted) and cannot be read. Save a copy without a password and try again.",
  oldXls: "The file is in the old .xls format. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
  xlsb: "The file is a binary Excel workbook (.xlsb). Save it as an Excel workbook (.xlsx) and try again.",
  ods: "The file is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) and try again.",
  notXlsx: "The file is not an Excel workbook (.xlsx). Save it as an Excel workbook (.xlsx) and try again.",
  corrupt:
    "The file is damaged or incomplete and cannot be read as an Excel workbook (.xlsx). Open it in Excel, save a new copy and try again.",
  tooLarge: "The workbook is too large to be read. Split the data into several files or sheets and try again.",
};

/**
 * A corrupt-file error that names what was wrong, after the user-facing sentence. `detail` is
 * Swedish; `detailEn` its English (without it the English message carries the Swedish detail).
 */
export function corrupt(detail: string, detailEn: string = detail): XlsxError {
  return new XlsxError("corrupt", `${MESSAGES.corrupt} (${detail})`, `${MESSAGES_EN.corrupt} (${detailEn})`);
}

/** A part too large to read (over the limits in zip.ts), naming which and by how much, after the user-facing sentence. */
export function tooLarge(detail: string): XlsxError {
  return new XlsxError("tooLarge", `${MESSAGES.tooLarge} (${detail})`);
}

/** A part with a DTD, which OOXML forbids (it could redefine entities and shift what the part says). */
export const dtdError = (part: string): XlsxError =>
  corrupt(
    `${part} innehåller en DTD (<!DOCTYPE …>), vilket en .xlsx-fil inte får ha`,
    `${part} contains a DTD (<!DOCTYPE …>), which an .xlsx file must not have`,
  );
