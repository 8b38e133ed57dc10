// Scans one worksheet's XML into a SheetGrid. Hand-written and sequential (charCodeAt and short
// indexOf hops, no DOM, no regex per cell) because extracts have 200 000+ rows and must load in well
// under a second; every search is bounded by the element at hand so the scan stays linear.
//
// The XML is read a piece at a time (readSheetXml: inflated and decoded in pieces of ~1 MB, see
// zip.ts), never as one string: Excel's row maximum with 10 columns of inline strings is 587 MB of
// XML, past V8's longest string, and memory must follow the cells kept, not the XML's size. The
// scanner keeps only what a piece ends inside of (a tag or a cell cut in two, at most
// MAX_PENDING) and reads it again with the next piece; rows and cells already read stay in Rows.
// Every loop advances through the text or stops; XML that ends inside an element or before
// </sheetData> is damaged (XlsxError "corrupt"), as is a cell past XFD1048576 (sheetRows.ts).
//
// This file walks the tags of <sheetData>; a <c> element is read by cellElement.ts, its value by
// cellValue.ts, the rows are collected by sheetRows.ts and laid out as the grid by sheetGrid.ts.
import type { SheetGrid } from "../../model/cells";
import { CellReader, isNameEnd } from "./cellElement";
import { CellValues, type SheetContext } from "./cellValue";
import { corrupt } from "./errors";
import { emptyGrid, gridFromRows } from "./sheetGrid";
import { declaresDtd } from "./package";
import { dtdError } from "./errors";
import { Rows } from "./sheetRows";
import { inflatePieces, inflatePiecesAsync, type ZipEntry } from "./zip";

export type { SheetContext };

/**
 * The most text held while waiting for the end of what a piece ends inside of: the part before
 * <sheetData> (column widths, views…, a few KB in practice), or one cell or tag (a cell holds at
 * most 32 767 characters of text, so even with rich-text runs well under 1 MB). More is damage.
 */
const MAX_PENDING = 64 << 20;
/** Held text longer than this is tried again only once the text has doubled, so a long element costs linear time. */
const RETRY_MIN = 64 << 10;
/** The end of a piece where safeEnd looks first. */
const SAFE_WINDOW = 64 << 10;
/** How much of the next piece is tried first to finish a held element (a cell is ~40 characters). */
const HEAD = 4096;

/** start() and scan(): the sheet's cells are all read (</sheetData>, or a sheet without cells). */
const DONE = -2;
/** start(): the text so far does not reach <sheetData>'s start tag. */
const NEED_MORE = -1;

const ROOT = /<([A-Za-z_][\w.-]*:)?(worksheet|dialogsheet|macrosheet)[\s/>]/;

/** Reads a sheet's XML piece by piece; push() each piece of text in order, then finish(). */
export class SheetScanner {
  private readonly name: string;
  private readonly rows = new Rows();
  private readonly values: CellValues;
  private cells: CellReader | null = null;
  /** The namespace prefix of the sheet's elements (with its colon), once the root is seen. */
  private pl = 0;
  /** The end tags of a cell, a row and sheetData, with the prefix. */
  private cClose = "</c>";
  private rowClose = "</row>";
  private dataClose = "</sheetData>";
  private inData = false;
  private done = false;
  /** Text not yet read: what the last piece ended inside of. */
  private pending = "";
  /** A long element's pieces, gathered until they are retryAt characters long (0: none). */
  private waiting: string[] = [];
  private waitingLength = 0;
  private retryAt = 0;

  constructor(name: string, ctx: SheetContext) {
    this.name = name;
    this.values = new CellValues(ctx);
  }

  /** Scans the next piece of the sheet's text; false once no more is needed (after </sheetData>). */
  push(text: string): boolean {
    if (this.done) return false;
    if (this.retryAt > 0) {
      // A long element: its pieces are gathered, and tried again once they are twice as long.
      this.waiting.push(text);
      this.waitingLength += text.length;
      if (this.waitingLength > MAX_PENDING) throw this.tooLong();
      if (this.waitingLength < this.retryAt) return true;
      text = this.waiting.join("");
      this.waiting = [];
      this.waitingLength = 0;
      this.retryAt = 0;
    } else if (this.pending.length > 0 && !this.inData) {
      text = [this.pending, text].join("");
      this.pending = "";
    }
    if (!this.inData) {
      // Before <sheetData>: the text so far, whole.
      const pos = this.start(text, false);
      if (pos === NEED_MORE) this.hold(text, 0);
      else this.afterScan(text, pos === DONE ? DONE : this.scan(text, pos, this.safeEnd(text)));
      return !this.done;
    }
    let from = 0;
    if (this.pending.length > 0) {
      // The element the last piece ended inside of, read with as little of this piece as it takes,
      // so that the piece itself is scanned as the flat string the decoder made (not copied).
      const held = this.pending;
      this.pending = "";
      for (let k = Math.min(text.length, HEAD); ; k = Math.min(text.length, 4 * k)) {
        const head = [held, text.slice(0, k)].join("");
        const stop = this.scan(head, 0, this.safeEnd(head));
        if (stop === DONE || (stop < held.length && k === text.length)) {
          this.afterScan(head, stop);
          return !this.done;
        }
        if (stop >= held.length) {
          from = stop - held.length;
          break;
        }
      }
    }
    this.afterScan(text, this.scan(text, from, this.safeEnd(text)));
    return !this.done;
  }

  /** After the last piece: the grid. Throws XlsxError("corrupt") when the XML ends before its cells do. */
  finish(): SheetGrid {
    if (!this.done) {
      const xml = this.retryAt > 0 ? this.waiting.join("") : this.pending;
      this.pending = "";
      this.waiting = [];
      let pos = this.inData ? 0 : this.start(xml, true);
      if (pos !== DONE) pos = this.scan(xml, pos, xml.length);
      if (pos !== DONE) {
        throw corrupt(
          pos < xml.length ? `bladet "${this.name}" slutar mitt i ett element` : `bladet "${this.name}" slutar före </sheetData>`,
        );
      }
      this.done = true;
    }
    this.rows.end();
    const grid = this.cells === null ? emptyGrid(this.name) : gridFromRows(this.name, this.rows);
    const uncalculated = this.values.uncalculatedColumns();
    if (uncalculated.length) grid.uncalculated = uncalculated;
    return grid;
  }

  /** After a scan of `xml` that stopped at `stop`: done, or the rest held for the next piece. */
  private afterScan(xml: string, stop: number): void {
    if (stop === DONE) {
      this.done = true;
      this.pending = "";
    } else this.hold(xml, stop);
  }

  /** Keeps xml[from…] for the next piece: a long rest is gathered with the next pieces (see push). */
  private hold(xml: string, from: number): void {
    const rest = from >= xml.length ? "" : xml.slice(from);
    if (rest.length > MAX_PENDING) throw this.tooLong();
    if (rest.length > RETRY_MIN) {
      this.waiting = [rest];
      this.waitingLength = rest.length;
      this.retryAt = 2 * rest.length;
    } else this.pending = rest;
  }

  private tooLong() {
    return corrupt(`ett element i bladet "${this.name}" är längre än ${MAX_PENDING >> 20} miljoner tecken`);
  }

  /**
   * Where a piece's text can be read up to without running off its end: just after its last </c>,
   * </row> or </sheetData> (or, in a piece without them, its last "/>"). An element that starts
   * before that ends before it, in well-formed XML, so the cell reader never reads past the end of
   * the text (which costs V8 its optimised code, each time); the rest waits for the next piece.
   */
  private safeEnd(xml: string): number {
    // Window by window from the end: a search that finds nothing runs through the whole text.
    for (let to = xml.length; to > 0; to -= SAFE_WINDOW) {
      const from = Math.max(0, to - SAFE_WINDOW - 16); // overlapping, for an end tag across two windows
      const w = from === 0 && to === xml.length ? xml : xml.slice(from, to);
      const c = w.lastIndexOf(this.cClose);
      const r = w.lastIndexOf(this.rowClose);
      const d = w.lastIndexOf(this.dataClose);
      let end = Math.max(
        c < 0 ? -1 : c + this.cClose.length,
        r < 0 ? -1 : r + this.rowClose.length,
        d < 0 ? -1 : d + this.dataClose.length,
      );
      if (end < 0) {
        const e = w.lastIndexOf("/>");
        end = e < 0 ? -1 : e + 2;
      }
      if (end >= 0) return from + end;
    }
    return 0;
  }

  /**
   * Finds the root element (for its namespace prefix) and <sheetData>: the position just after its
   * start tag; DONE for a sheet without cells (<sheetData/>, or none in a complete document);
   * NEED_MORE when the text does not reach it yet (`final`: throws instead).
   */
  private start(xml: string, final: boolean): number {
    const root = ROOT.exec(xml);
    if (root === null && !final) return NEED_MORE;
    const p = root?.[1] ?? "";
    const open = "<" + p + "sheetData";
    let start = xml.indexOf(open);
    while (start >= 0 && !isNameEnd(xml.charCodeAt(start + open.length))) start = xml.indexOf(open, start + 1);
    const gt = start < 0 ? -1 : xml.indexOf(">", start);
    if (gt < 0) {
      if (!final) return NEED_MORE;
      // No sheetData in a complete document is a sheet without cells; in a cut-off one, damage.
      if (start < 0 && root !== null && xml.includes("</" + p + root[2])) return DONE;
      throw corrupt(`bladet "${this.name}" slutar innan dess celler`);
    }
    if (xml.charCodeAt(gt - 1) === 47) return DONE;
    this.pl = p.length;
    this.cClose = "</" + p + "c>";
    this.rowClose = "</" + p + "row>";
    this.dataClose = "</" + p + "sheetData>";
    this.cells = new CellReader(p, this.values, this.rows);
    this.inData = true;
    return gt + 1;
  }

  /**
   * Reads the tags of <sheetData> that start at `pos` or later and before `limit`: DONE at
   * </sheetData>, else where the first tag not read starts (one the text ends inside of, or at `limit`).
   */
  private scan(xml: string, pos: number, limit: number): number {
    const rows = this.rows;
    const cells = this.cells!;
    const pl = this.pl;
    const n = xml.length;
    for (;;) {
      // Elements follow each other without text between them, nearly always.
      const lt = pos < n && xml.charCodeAt(pos) === 60 ? pos : xml.indexOf("<", pos);
      if (lt < 0) return n;
      if (lt >= limit) return lt;
      let q = lt + 1;
      if (q + 3 + pl >= n) return lt; // too little left to tell the element
      const c0 = xml.charCodeAt(q);
      if (c0 === 47 /* / */) {
        // A closing tag: </row> ends the row, </sheetData> the scan.
        q += 1 + pl;
        const gt = xml.indexOf(">", q);
        if (gt < 0) return lt;
        if (xml.charCodeAt(q) === 114 /* r */) rows.end();
        else if (xml.charCodeAt(q) === 115 /* s */ && xml.startsWith("sheetData", q)) return DONE;
        pos = gt + 1;
        continue;
      }
      if (c0 === 63 /* ? */ || c0 === 33 /* ! */) {
        const gt = xml.indexOf(c0 === 33 && xml.startsWith("!--", q) ? "-->" : ">", q);
        if (gt < 0) return lt;
        pos = gt + 1;
        continue;
      }
      q += pl;
      const ch = xml.charCodeAt(q);
      if (ch === 114 /* r */ && xml.charCodeAt(q + 1) === 111 && xml.charCodeAt(q + 2) === 119 && isNameEnd(xml.charCodeAt(q + 3))) {
        // <row r="…" …>: only r matters; attribute values never hold ">".
        const gt = xml.indexOf(">", q);
        if (gt < 0) return lt;
        rows.begin(rowIndex(xml, q + 3, gt));
        if (xml.charCodeAt(gt - 1) === 47) rows.end();
        pos = gt + 1;
        continue;
      }
      if (ch === 99 /* c */ && isNameEnd(xml.charCodeAt(q + 1))) {
        // <c …>…</c>: read, and its value put in its row.
        const next = cells.read(xml, q + 1);
        if (next < 0) return lt;
        pos = next;
        continue;
      }
      // Any other start tag inside sheetData: step over it.
      const gt = xml.indexOf(">", q);
      if (gt < 0) return lt;
      pos = gt + 1;
    }
  }
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

/** Scans a sheet's whole XML text (the pieces of readSheetXml in one). */
export function scanSheet(name: string, xml: string, ctx: SheetContext): SheetGrid {
  const scanner = new SheetScanner(name, ctx);
  scanner.push(xml);
  return scanner.finish();
}

const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Where the UTF-8 bytes can be cut so that no character is split: before the last one's lead byte if it is incomplete. */
function utf8Cut(b: Uint8Array): number {
  const n = b.length;
  let i = n - 1;
  while (i >= 0 && i > n - 4 && (b[i] & 0xc0) === 0x80) i--;
  if (i < 0 || b[i] < 0xc0) return n;
  const length = b[i] >= 0xf0 ? 4 : b[i] >= 0xe0 ? 3 : 2;
  return n - i < length ? i : n;
}

/**
 * The inflated bytes of a sheet, decoded a piece at a time for its SheetScanner. UTF-8 pieces are
 * decoded whole (TextDecoder's streaming mode takes twice as long), cut before a character split
 * between two pieces, whose bytes (at most three) wait for the next. UTF-16 (with a byte-order mark,
 * as decodeXml reads it) is decoded as a stream.
 */
class SheetFeed {
  private readonly sheet: SheetScanner;
  private readonly part: string;
  /** The first bytes are yet to come (a byte-order mark). */
  private first = true;
  /** The prolog is in the first text: a DTD there is refused as in every other part (package rules). */
  private prolog = true;
  private utf16: TextDecoder | null = null;
  private rest: Uint8Array | null = null;

  constructor(name: string, entry: ZipEntry, ctx: SheetContext) {
    this.sheet = new SheetScanner(name, ctx);
    this.part = entry.name;
  }

  /** The next piece of bytes (a view, used only during the call); false once no more is needed. */
  take(bytes: Uint8Array): boolean {
    if (this.first) {
      this.first = false;
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
        this.utf16 = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be");
      else if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (this.utf16 !== null) return this.push(this.utf16.decode(bytes, { stream: true }));
    let at = 0;
    if (this.rest !== null) {
      // The character split between the last piece and this one.
      while (at < 3 && at < bytes.length && (bytes[at] & 0xc0) === 0x80) at++;
      const joined = new Uint8Array(this.rest.length + at);
      joined.set(this.rest);
      joined.set(bytes.subarray(0, at), this.rest.length);
      this.rest = null;
      if (!this.push(UTF8.decode(joined))) return false;
    }
    const cut = Math.max(at, utf8Cut(bytes));
    if (cut < bytes.length) this.rest = bytes.slice(cut);
    return cut === at || this.push(UTF8.decode(bytes.subarray(at, cut)));
  }

  /** After the last piece: the grid (SheetScanner.finish). */
  finish(): SheetGrid {
    if (this.utf16 !== null) this.push(this.utf16.decode());
    else if (this.rest !== null) this.push(UTF8.decode(this.rest));
    return this.sheet.finish();
  }

  private push(text: string): boolean {
    if (this.prolog) {
      this.prolog = false;
      if (declaresDtd(text)) throw dtdError(this.part);
    }
    return this.sheet.push(text);
  }
}

/** Reads a sheet's entry: inflated, decoded and scanned a piece at a time (SheetFeed). */
export function readSheetXml(name: string, entry: ZipEntry, ctx: SheetContext): SheetGrid {
  const feed = new SheetFeed(name, entry, ctx);
  inflatePieces(entry, (bytes) => feed.take(bytes));
  return feed.finish();
}

/**
 * readSheetXml, with the inflating done beside the scan where the runtime can (Node's zlib on its
 * thread pool, a piece ahead; inflatePiecesAsync): the same grid or the same error.
 */
export async function readSheetXmlAsync(name: string, entry: ZipEntry, ctx: SheetContext): Promise<SheetGrid> {
  const feed = new SheetFeed(name, entry, ctx);
  await inflatePiecesAsync(entry, (bytes) => feed.take(bytes));
  return feed.finish();
}
