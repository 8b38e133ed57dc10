// What the writer needs of an input package before it can add tabs to it: its content types and the
// workbook's relationships, and which kind of workbook the content types make it. The kind goes
// with the file's extension: Excel opens a package only under the extension its workbook part's
// content type names (.xlsx for a plain workbook, .xlsm for a macro-enabled one), so an output
// keeps the input's kind, and the writer never changes the workbook part's content type.
import { relsPathOf } from "./package";
import type { XlsxWorkbook } from "./read";
import { attributes, findElement, findElements, rootPrefix } from "../ooxml/xml";

export const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
export const CT_WORKBOOK_MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** Why the writer cannot add tabs to the package (a detail for the "corrupt" message, in Swedish), or null. */
export function packageProblem(wb: XlsxWorkbook): string | null {
  const ct = wb.text("[Content_Types].xml");
  if (ct === undefined) return "[Content_Types].xml saknas";
  if (!findElement(ct, (rootPrefix(ct, "Types") ?? "") + "Types")) return "[Content_Types].xml går inte att tolka";
  if (!wb.entry(relsPathOf(wb.workbookPath))) return `${relsPathOf(wb.workbookPath)} saknas`;
  return null;
}

/** The content type [Content_Types].xml gives the workbook part (its Override, else the Default of its extension), or null. */
export function workbookContentType(wb: XlsxWorkbook): string | null {
  const ct = wb.text("[Content_Types].xml");
  if (ct === undefined) return null;
  const cp = rootPrefix(ct, "Types") ?? "";
  const part = wb.workbookPath.toLowerCase();
  for (const el of findElements(ct, cp + "Override")) {
    const a = attributes(el.tag);
    if ((a.PartName ?? "").replace(/^\//, "").toLowerCase() === part) return a.ContentType ?? null;
  }
  const ext = part.slice(part.lastIndexOf(".") + 1);
  for (const el of findElements(ct, cp + "Default")) {
    const a = attributes(el.tag);
    if ((a.Extension ?? "").toLowerCase() === ext) return a.ContentType ?? null;
  }
  return null;
}

/** A macro-enabled workbook (.xlsm): its workbook part's content type says so. */
export function isMacroEnabled(wb: XlsxWorkbook): boolean {
  return workbookContentType(wb) === CT_WORKBOOK_MACRO;
}
