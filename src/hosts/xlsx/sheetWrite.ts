// One SheetPlan as worksheet XML. Strings are written as inline strings, so a text that starts
// with "=", "+", "-" or "@" stays text and never becomes a formula. Charts live in a drawing part
// (chartPart.ts); the sheet only points to it with <drawing r:id>.
import { columnLetter, type Cell } from "../../model/cells";
import type { Block, FontStyle, SheetPlan } from "../../report/plan";
import type { CellStyle, StyleBook } from "./stylesWrite";
import { escapeCellText } from "../ooxml/xml";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_TEXT = 32767;

function validRange(b: Block<unknown>): [number, number, number, number] | null {
  const r = b.range;
  if (!Array.isArray(r) || r.length !== 4 || !r.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const [r0, c0, r1, c1] = r;
  if (r1 < r0 || c1 < c0) return null;
  return [r0, c0, Math.min(r1, MAX_ROWS - 1), Math.min(c1, MAX_COLS - 1)];
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function formatWidth(w: number): string {
  return String(Math.round(w * 1e6) / 1e6);
}

/**
 * The worksheet part of a plan. `tableRelIds` are the sheet's relationship ids of its table parts,
 * in the order of the tables; the plan's cells must already hold the tables' column names
 * (tableRules.prepareTables). Nothing is merged, so no table row holds a merged cell.
 * `drawingRelId` is the relationship id of the tab's drawing part, when it has charts.
 */
export function planToSheetXml(plan: SheetPlan, styles: StyleBook, tableRelIds: readonly string[] = [], drawingRelId?: string): string {
  // Style per cell: later blocks win; font blocks merge property by property.
  const styleGrid = new Map<number, Map<number, CellStyle>>();
  const styleAt = (r: number, c: number): CellStyle => {
    let row = styleGrid.get(r);
    if (!row) styleGrid.set(r, (row = new Map()));
    let s = row.get(c);
    if (!s) row.set(c, (s = {}));
    return s;
  };
  const apply = <T>(blocks: readonly Block<T>[] | undefined, set: (s: CellStyle, v: T) => void) => {
    for (const b of blocks ?? []) {
      const range = validRange(b);
      if (!range) continue;
      for (let r = range[0]; r <= range[2]; r++) for (let c = range[1]; c <= range[3]; c++) set(styleAt(r, c), b.value);
    }
  };
  apply<string>(plan.numberFormats, (s, v) => (s.numFmt = v));
  apply<string>(plan.fills, (s, v) => (s.fill = v));
  apply<FontStyle>(plan.fonts, (s, v) => {
    const f: FontStyle = { ...(s.font ?? {}) };
    for (const [k, val] of Object.entries(v ?? {})) if (val !== undefined) (f as Record<string, unknown>)[k] = val;
    s.font = f;
  });

  const cells: readonly (readonly Cell[])[] = plan.cells ?? [];
  let lastRow = Math.min(cells.length, MAX_ROWS) - 1;
  let lastCol = -1;
  for (const row of cells) lastCol = Math.max(lastCol, Math.min(row.length, MAX_COLS) - 1);
  for (const [r, row] of styleGrid) {
    lastRow = Math.max(lastRow, r);
    for (const c of row.keys()) lastCol = Math.max(lastCol, c);
  }

  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  parts.push(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  );
  parts.push(`<dimension ref="${lastRow >= 0 && lastCol >= 0 ? `A1:${columnLetter(lastCol)}${lastRow + 1}` : "A1"}"/>`);

  const fr = Math.max(0, Math.min(MAX_ROWS - 1, Math.floor(plan.freeze?.rows ?? 0)));
  const fc = Math.max(0, Math.min(MAX_COLS - 1, Math.floor(plan.freeze?.columns ?? 0)));
  if (fr > 0 || fc > 0) {
    const pane = fr > 0 && fc > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight";
    const topLeft = `${columnLetter(fc)}${fr + 1}`;
    parts.push(
      '<sheetViews><sheetView workbookViewId="0">' +
        `<pane${fc > 0 ? ` xSplit="${fc}"` : ""}${fr > 0 ? ` ySplit="${fr}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
        "</sheetView></sheetViews>",
    );
  } else {
    parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }

  const widths = (plan.columnWidths ?? []).slice(0, MAX_COLS);
  const cols: string[] = [];
  for (let i = 0; i < widths.length;) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (typeof w === "number" && Number.isFinite(w) && w > 0) {
      cols.push(`<col min="${i + 1}" max="${j + 1}" width="${formatWidth(Math.min(w, 255))}" customWidth="1"/>`);
    }
    i = j + 1;
  }
  if (cols.length > 0) parts.push(`<cols>${cols.join("")}</cols>`);

  parts.push("<sheetData>");
  for (let r = 0; r <= lastRow; r++) {
    const row = r < cells.length ? cells[r] : undefined;
    const rowStyles = styleGrid.get(r);
    const width = Math.max(row ? Math.min(row.length, MAX_COLS) : 0, rowStyles ? Math.max(...rowStyles.keys()) + 1 : 0);
    let rowXml = "";
    for (let c = 0; c < width; c++) {
      const v = row && c < row.length ? row[c] : null;
      const st = rowStyles?.get(c);
      const s = st ? styles.xfFor(st) : 0;
      const sAttr = s > 0 ? ` s="${s}"` : "";
      const ref = `${columnLetter(c)}${r + 1}`;
      if (v === null || v === undefined) {
        if (s > 0) rowXml += `<c r="${ref}"${sAttr}/>`;
      } else if (typeof v === "number") {
        rowXml += Number.isFinite(v) ? `<c r="${ref}"${sAttr}><v>${numberText(v)}</v></c>` : `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
      } else if (typeof v === "boolean") {
        rowXml += `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else {
        const text = String(v).slice(0, MAX_TEXT);
        const escaped = escapeCellText(text);
        const space = /^\s|\s$|[\n\t]/.test(text) ? ' xml:space="preserve"' : "";
        rowXml += `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${escaped}</t></is></c>`;
      }
    }
    if (rowXml) parts.push(`<row r="${r + 1}">${rowXml}</row>`);
  }
  parts.push("</sheetData>");
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // CT_Worksheet: … pageMargins, pageSetup?, headerFooter?, … drawing?, legacyDrawing?, … tableParts?, extLst?
  if (drawingRelId) parts.push(`<drawing r:id="${drawingRelId}"/>`);
  if (tableRelIds.length > 0)
    parts.push(`<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`);
  parts.push("</worksheet>");
  return parts.join("");
}
