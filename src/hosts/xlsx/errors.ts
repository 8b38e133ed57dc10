/** Why a file could not be opened as an .xlsx workbook. */
export type XlsxErrorCode = "notXlsx" | "encrypted" | "corrupt" | "tooLarge";

/** A file that cannot be read or written as .xlsx, with a one-line Swedish message for the user. */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  constructor(code: XlsxErrorCode, message: string) {
    super(message);
    this.name = "XlsxError";
    this.code = code;
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

/** A corrupt-file error that names what was wrong, for support, after the user-facing sentence. */
export function corrupt(detail: string): XlsxError {
  return new XlsxError("corrupt", `${MESSAGES.corrupt} (${detail})`);
}

/** A part too large to read (over the limits in zip.ts), naming which and by how much, after the user-facing sentence. */
export function tooLarge(detail: string): XlsxError {
  return new XlsxError("tooLarge", `${MESSAGES.tooLarge} (${detail})`);
}
