import type { Lang } from "../model/lang";

/** Office.js errors carry a code (OfficeExtension.Error); ours and the engine's carry a message. */
const codeOf = (err: unknown): string | undefined =>
  typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "string"
    ? (err as { code: string }).code
    : undefined;
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : typeof err === "string" ? err : String(err));

const SV: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel håller på att redigera en cell. Tryck Enter eller Esc i cellen och försök igen.",
  AccessDenied: "Arbetsboken eller ett blad är skyddat. Ta bort skyddet (Granska › Ta bort skydd) och försök igen.",
  RequestPayloadSizeLimitExceeded:
    "Arbetsboken är för stor för att skickas till Excel på en gång. Försök igen i Excel för skrivbordet, eller dela upp underlaget.",
  GeneralException: "Excel kunde inte slutföra åtgärden. Spara arbetsboken, stäng Målkoll och öppna det igen, och försök sedan på nytt.",
};
const EN: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is editing a cell. Press Enter or Esc in the cell and try again.",
  AccessDenied: "The workbook or a sheet is protected. Remove the protection (Review › Unprotect) and try again.",
  RequestPayloadSizeLimitExceeded: "The workbook is too large to send to Excel at once. Try again in Excel desktop, or split the data.",
  GeneralException: "Excel could not finish. Save the workbook, close Målkoll and open it again, then try once more.",
};

/**
 * What went wrong, in plain words, and what to do about it. Excel's known error codes get a
 * sentence of their own; a RangeError is the engine refusing an input (its message already says
 * what to change), as is the .xlsx reader's in the preview; anything else is shown with its message
 * and a way forward.
 */
export function explainError(err: unknown, lang: Lang): string {
  const code = codeOf(err);
  const known = code ? (lang === "sv" ? SV : EN)[code] : undefined;
  if (known) return known;
  const message = messageOf(err);
  if (err instanceof RangeError) return message;
  // The .xlsx reader's refusals (the preview's workbook: not an .xlsx, encrypted, corrupt) already
  // say what to do, in both languages; matched by name so the pane's bundle need not import the reader.
  if (err instanceof Error && err.name === "XlsxError") {
    const english = (err as { english?: unknown }).english;
    return lang === "en" && typeof english === "string" ? english : message;
  }
  return lang === "sv"
    ? `Ett oväntat fel inträffade: ${message}. Försök igen. Om felet kvarstår: spara arbetsboken, stäng Målkoll och öppna det igen.`
    : `An unexpected error occurred: ${message}. Try again. If it persists: save the workbook, close Målkoll and open it again.`;
}
