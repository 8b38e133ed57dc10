// The table part (xl/tables/tableN.xml, ECMA-376 Part 1 §18.5) of one Excel table, and reading the
// id and name of the tables a package already has.
import { columnLetter } from "../../model/cells";
import { attributes, escapeAttr, findElement, rootPrefix, stripComments } from "../ooxml/xml";

export const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** "A1:C9" for 0-based inclusive [r0, c0, r1, c1]. */
export function refOf(range: readonly [number, number, number, number]): string {
  return `${columnLetter(range[1])}${range[0] + 1}:${columnLetter(range[3])}${range[2] + 1}`;
}

/** ST_Xstring: a literal "_xHHHH_" is protected as "_x005F_xHHHH_", as in cell text. */
function xstringAttr(s: string): string {
  return escapeAttr(s.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_"));
}

export interface TablePartInput {
  /** Unique among the workbook's tables. */
  id: number;
  /** Unique in the workbook ignoring case, valid (tableRules.validTableName). */
  name: string;
  range: readonly [number, number, number, number];
  /** Equal to the header cells' text. */
  columns: readonly string[];
  style: string;
}

/**
 * CT_Table: autoFilter, tableColumns, tableStyleInfo in the schema's order; a header row and no
 * totals row (totalsRowShown defaults to true, so it is written as 0, as Excel does).
 */
export function tablePartXml(t: TablePartInput): string {
  const ref = refOf(t.range);
  const cols = t.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xstringAttr(name)}"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${t.id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}

/** The id, name and display name of a table part (null when it does not parse). */
export function readTableHead(xmlText: string): { id: number | null; names: string[] } | null {
  const xml = stripComments(xmlText);
  const p = rootPrefix(xml, "table");
  if (p === null) return null;
  const el = findElement(xml, p + "table");
  if (!el) return null;
  const a = attributes(el.tag);
  const id = a.id !== undefined && /^\d+$/.test(a.id) ? Number(a.id) : null;
  return { id, names: [a.name, a.displayName].filter((n): n is string => typeof n === "string" && n !== "") };
}
