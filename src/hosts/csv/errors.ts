/** Why a file could not be read as CSV. */
export type CsvErrorCode = "empty" | "notText" | "tooLarge";

/** A file that cannot be read as CSV, with a one-line Swedish message for the user (as XlsxError). */
export class CsvError extends Error {
  readonly code: CsvErrorCode;
  constructor(code: CsvErrorCode, message: string = CSV_MESSAGES[code]) {
    super(message);
    this.name = "CsvError";
    this.code = code;
    Object.setPrototypeOf(this, CsvError.prototype);
  }
}

export const CSV_MESSAGES: Readonly<Record<CsvErrorCode, string>> = {
  empty: "Filen är tom: den har inga celler att läsa.",
  notText:
    "Filen går inte att läsa som CSV: den är inte text (kanske en arbetsbok eller en bild med fel filändelse). Spara underlaget som CSV eller som Excel-arbetsbok (.xlsx) och försök igen.",
  tooLarge:
    "Filen har fler rader eller kolumner än ett Excel-blad rymmer (1 048 576 rader, 16 384 kolumner). Dela upp underlaget och försök igen.",
};
