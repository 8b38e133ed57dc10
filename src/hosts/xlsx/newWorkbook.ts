// A new .xlsx package holding one sheet: what a CSV file becomes, so that the rest of the run (the
// reader, the summary tabs' writer, the download) works on it exactly as on a workbook from Excel.
//
// The smallest package Excel opens without a repair prompt: [Content_Types].xml, the package and
// workbook relationships, xl/workbook.xml, xl/styles.xml (Excel's own minimum), one worksheet and
// a shared-string table. Strings go in the shared-string table as Excel itself writes them: a
// repeated unit name is stored once, and readers decode its `_xHHHH_` escapes (ExcelJS does so
// only there, not in inline strings), which carry the control characters XML cannot hold, such
// as the CR of a CRLF inside a quoted CSV field. Number formats are not written: a CSV has none.
import { columnLetter, type Cell, type SheetGrid } from "../../model/cells";
import { sheetNameProblem } from "../../report/sheetNames";
import { escapeAttr, escapeText } from "../ooxml/xml";
import { CT_STYLES, CT_WORKSHEET, NS_REL, REL_STYLES, REL_WORKSHEET } from "./package";
import { MINIMAL_STYLES } from "./stylesWrite";
import { makeEntry, makeLargeEntry, writeZip } from "./zip";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_SHARED_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Excel's limit on the text of one cell. */
const MAX_TEXT = 32767;

/** Parts larger than this (in bytes) are deflated for speed (makeLargeEntry), the small ones as the writer's are. */
const LARGE_PART = 1 << 20;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
// C0 controls other than tab and LF (CR included: an XML parser turns a literal CR into LF), and the two non-characters.
// eslint-disable-next-line no-control-regex -- matching those control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

/** A string item's text: a literal "_xHHHH_" protected as "_x005F_xHHHH_", then what XML cannot hold as "_xHHHH_". */
function stringItem(s: string): string {
  const text = s
    .replace(X_ESCAPE, "_x005F_x$1_")
    .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  const space = /^\s|\s$|[\n\t]/.test(text) ? ' xml:space="preserve"' : "";
  return `<si><t${space}>${escapeText(text)}</t></si>`;
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

const ENCODER = new TextEncoder();

/**
 * UTF-8 bytes written piece by piece and encoded a block at a time: a 200 000-row sheet is ~45 MB
 * of XML, which as one string (and its encoded copy) took a second of garbage collection more.
 */
class Utf8Chunks {
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly chunks: Uint8Array[] = [];

  add(s: string): void {
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength >= 1 << 16) this.flush();
  }

  /** Everything added, between `head` and `tail`, in one array. */
  bytes(head = "", tail = ""): Uint8Array {
    this.flush();
    const parts = [ENCODER.encode(head), ...this.chunks, ENCODER.encode(tail)];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(ENCODER.encode(this.pending.join("")));
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** The worksheet part and the shared strings of a grid's values, as UTF-8. */
function sheetParts(grid: SheetGrid): { sheet: Uint8Array; sst: Uint8Array } {
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.col ?? 0;
  const values = grid.values;
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  if (r0 + values.length > MAX_ROWS || c0 + width > MAX_COLS) throw new RangeError("Bladet är större än ett Excel-blad rymmer.");
  const letters = Array.from({ length: width }, (_, j) => columnLetter(c0 + j));

  const index = new Map<string, number>();
  const strings = new Utf8Chunks();
  let refs = 0;
  const rows = new Utf8Chunks();
  let firstRow = -1;
  let lastRow = -1;
  let firstCol = Infinity;
  let lastCol = -1;
  for (let i = 0; i < values.length; i++) {
    const row: readonly Cell[] = values[i];
    const r = r0 + i + 1;
    let cells = "";
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined) continue;
      const ref = letters[j] + r;
      if (typeof v === "number") {
        cells += Number.isFinite(v) ? `<c r="${ref}"><v>${numberText(v)}</v></c>` : `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
      } else if (typeof v === "boolean") {
        cells += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      } else {
        const text = String(v).slice(0, MAX_TEXT);
        let k = index.get(text);
        if (k === undefined) {
          k = index.size;
          index.set(text, k);
          strings.add(stringItem(text));
        }
        refs++;
        cells += `<c r="${ref}" t="s"><v>${k}</v></c>`;
      }
      firstCol = Math.min(firstCol, c0 + j);
      lastCol = Math.max(lastCol, c0 + j);
    }
    if (!cells) continue;
    if (firstRow < 0) firstRow = r;
    lastRow = r;
    rows.add(`<row r="${r}">${cells}</row>`);
  }
  const dimension =
    lastRow < 0
      ? "A1"
      : `${columnLetter(firstCol)}${firstRow}${lastRow === firstRow && lastCol === firstCol ? "" : `:${columnLetter(lastCol)}${lastRow}`}`;
  const sheet = rows.bytes(
    XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL[0]}">` +
      `<dimension ref="${dimension}"/>` +
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      "<sheetData>",
    "</sheetData>" + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' + "</worksheet>",
  );
  const sst = strings.bytes(XML_HEAD + `<sst xmlns="${NS_MAIN}" count="${refs}" uniqueCount="${index.size}">`, "</sst>");
  return { sheet, sst };
}

/**
 * A new workbook with the grid as its only sheet, named grid.name (which must keep Excel's rules:
 * report/sheetNames.ts sheetNameProblem). Strings, numbers and booleans are written as they are;
 * a string longer than Excel's 32 767 characters is cut there, as Excel cuts it.
 */
export function workbookFromGrid(grid: SheetGrid): Uint8Array {
  const problem = sheetNameProblem(grid.name);
  if (problem) throw new RangeError(`Ogiltigt bladnamn för Excel (${problem}): "${grid.name}"`);
  const { sheet, sst } = sheetParts(grid);
  const parts: [string, string | Uint8Array][] = [
    [
      "[Content_Types].xml",
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CT_RELS}"/>` +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT_WORKBOOK}"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_WORKSHEET}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SHARED_STRINGS}"/>` +
        "</Types>",
    ],
    [
      "_rels/.rels",
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="xl/workbook.xml"/>` +
        "</Relationships>",
    ],
    [
      "xl/workbook.xml",
      XML_HEAD +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL[0]}">` +
        "<bookViews><workbookView/></bookViews>" +
        `<sheets><sheet name="${escapeAttr(grid.name)}" sheetId="1" r:id="rId1"/></sheets>` +
        "</workbook>",
    ],
    [
      "xl/_rels/workbook.xml.rels",
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL_WORKSHEET}" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_STYLES}" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${REL_SHARED_STRINGS}" Target="sharedStrings.xml"/>` +
        "</Relationships>",
    ],
    ["xl/styles.xml", MINIMAL_STYLES],
    ["xl/sharedStrings.xml", sst],
    ["xl/worksheets/sheet1.xml", sheet],
  ];
  return writeZip(
    parts.map(([name, part]) => {
      const data = typeof part === "string" ? ENCODER.encode(part) : part;
      return (data.length > LARGE_PART ? makeLargeEntry : makeEntry)(name, data);
    }),
  );
}
