// Scans one worksheet's XML into a SheetGrid. Hand-written and sequential (charCodeAt and short
// indexOf hops, no DOM, no regex per cell) because extracts have 200 000+ rows and must load in well
// under a second; every search is bounded by the element at hand so the scan stays linear.
//
// This file walks the tags of <sheetData>; a <c> element is read by cellElement.ts, its value by
// cellValue.ts, the rows are collected by sheetRows.ts and laid out as the grid by sheetGrid.ts.
import type { SheetGrid } from "../../model/cells";
import { rootPrefix } from "../ooxml/xml";
import { CellReader, isNameEnd } from "./cellElement";
import { CellValues, type SheetContext } from "./cellValue";
import { emptyGrid, gridFromRows } from "./sheetGrid";
import { Rows } from "./sheetRows";

export type { SheetContext };

/** The position just after `<sheetData>`, or -1 when the sheet has none or it is `<sheetData/>`. */
function sheetDataStart(xml: string, p: string): number {
  const sheetDataOpen = "<" + p + "sheetData";
  let start = xml.indexOf(sheetDataOpen);
  while (start >= 0 && !isNameEnd(xml.charCodeAt(start + sheetDataOpen.length))) start = xml.indexOf(sheetDataOpen, start + 1);
  if (start < 0) return -1;
  const afterOpen = xml.indexOf(">", start);
  if (xml.charCodeAt(afterOpen - 1) === 47) return -1;
  return afterOpen + 1;
}

/** The 0-based index from a <row>'s r, whose attributes are xml[from, gt); -1 without an r. */
function rowIndex(xml: string, from: number, gt: number): number {
  for (let i = from; i < gt; i++) {
    // an attribute named exactly "r": preceded by white space, followed by = (spaces allowed)
    if (xml.charCodeAt(i) !== 114) continue;
    const before = xml.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let k = i + 1;
    while (xml.charCodeAt(k) === 32) k++;
    if (xml.charCodeAt(k) !== 61) continue;
    k++;
    while (xml.charCodeAt(k) === 32) k++;
    k++; // the quote
    let v = 0;
    for (let d = xml.charCodeAt(k) - 48; d >= 0 && d <= 9; d = xml.charCodeAt(++k) - 48) v = v * 10 + d;
    return v - 1;
  }
  return -1;
}

/** Scans the worksheet XML. */
export function scanSheet(name: string, xml: string, ctx: SheetContext): SheetGrid {
  const p = rootPrefix(xml, "worksheet") ?? rootPrefix(xml, "dialogsheet") ?? rootPrefix(xml, "macrosheet") ?? "";
  const pl = p.length;
  let pos = sheetDataStart(xml, p);
  if (pos < 0) return emptyGrid(name);

  const rows = new Rows();
  const values = new CellValues(ctx);
  const cells = new CellReader(p, values, rows);
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    let q = lt + 1;
    const c0 = xml.charCodeAt(q);
    if (c0 === 47 /* / */) {
      // A closing tag: </row> ends the row, </sheetData> the scan.
      q += 1 + pl;
      const gt = xml.indexOf(">", q);
      if (xml.charCodeAt(q) === 114 /* r */) rows.end();
      else if (xml.charCodeAt(q) === 115 /* s */ && xml.startsWith("sheetData", q)) break;
      pos = gt + 1;
      continue;
    }
    if (c0 === 63 /* ? */ || c0 === 33 /* ! */) {
      const gt = xml.indexOf(c0 === 33 && xml.startsWith("!--", q) ? "-->" : ">", q);
      pos = gt < 0 ? n : gt + 1;
      continue;
    }
    q += pl;
    const ch = xml.charCodeAt(q);
    if (ch === 114 /* r */ && xml.charCodeAt(q + 1) === 111 && xml.charCodeAt(q + 2) === 119 && isNameEnd(xml.charCodeAt(q + 3))) {
      // <row r="…" …>: only r matters; attribute values never hold ">".
      const gt = xml.indexOf(">", q);
      if (gt < 0) break;
      rows.begin(rowIndex(xml, q + 3, gt));
      if (xml.charCodeAt(gt - 1) === 47) rows.end();
      pos = gt + 1;
      continue;
    }
    if (ch === 99 /* c */ && isNameEnd(xml.charCodeAt(q + 1))) {
      // <c …>…</c>: read, and its value put in its row.
      pos = cells.read(xml, q + 1);
      continue;
    }
    // Any other start tag inside sheetData: step over it.
    const gt = xml.indexOf(">", q);
    pos = gt < 0 ? n : gt + 1;
  }
  rows.end();
  const grid = gridFromRows(name, rows);
  const uncalculated = values.uncalculatedColumns();
  if (uncalculated.length) grid.uncalculated = uncalculated;
  return grid;
}
