// Hostile and extreme .xlsx packages for the reader's bounds (bounds.test.ts, fuzz.test.ts): truncated
// sheet XML, far and impossible cell references, and deflate bombs that are cheap to build (a deflate
// segment flushed with Z_FULL_FLUSH refers to nothing before it, so one compressed segment can be
// repeated to make a stream of any length without compressing it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { constants, deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readZip, writeZip, type ZipEntry } from "../../../src/hosts/xlsx/zip";
import { handXlsx, sheetXml } from "./helpers";

export const SAMPLE = join(__dirname, "../../../assets/sample.xlsx");
export const sampleBytes = (): Uint8Array => new Uint8Array(readFileSync(SAMPLE));

/** The package with one part's uncompressed bytes replaced (re-zipped by fflate, so the zip is sound). */
export function withPart(bytes: Uint8Array, part: string, data: Uint8Array | string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[part] = typeof data === "string" ? strToU8(data) : new Uint8Array(data);
  return zipSync(parts);
}

/** A part's text. */
export function partText(bytes: Uint8Array, part: string): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === part })[part]);
}

/** A one-sheet workbook (sheet "Blad1") with this sheet XML, written as it is (not necessarily well formed). */
export function oneSheet(xml: string): Uint8Array {
  return handXlsx({ sheets: [{ name: "Blad1", xml }] });
}

/** 40 rows of a small table, the rows of the 40-row cases. */
export function tableRows(n = 40): string {
  let s = `<row r="1"><c r="A1" t="inlineStr"><is><t>Klinik</t></is></c><c r="B1" t="inlineStr"><is><t>Antal</t></is></c></row>`;
  for (let r = 2; r <= n; r++)
    s += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Enhet ${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
  return s;
}

/** Sheet XML that ends inside a closing tag: `…</row></` (about 2 KB). */
export function endsInsideClosingTag(): Uint8Array {
  const xml = sheetXml(tableRows(30));
  const cut = xml.lastIndexOf("</row>") + "</row>".length;
  return oneSheet(xml.slice(0, cut) + "</");
}

/** The sample workbook with its first sheet's XML cut at `at` (a character offset). */
export function sampleSheetCut(at: number): Uint8Array {
  const bytes = sampleBytes();
  const xml = partText(bytes, "xl/worksheets/sheet1.xml");
  return withPart(bytes, "xl/worksheets/sheet1.xml", xml.slice(0, at));
}

/** Offsets inside tags of the sample's first sheet: in a start tag, an attribute value, a closing tag. */
export function insideTagOffsets(xml: string): number[] {
  const mid = Math.floor(xml.length / 2);
  const c = xml.indexOf("<c ", mid);
  const v = xml.indexOf("<v>", mid);
  const close = xml.indexOf("</row>", mid);
  return [c + 2, xml.indexOf('"', c) + 2, v + 2, close + 3, xml.indexOf("<sheetData") + 5, xml.length - 3];
}

/** A 40-row table and one stray cell at XFD1048576. */
export function strayFarCell(): Uint8Array {
  return oneSheet(sheetXml(tableRows(40) + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`));
}

/** A cell reference past column XFD (or an absurdly long one). */
export function pastXfd(ref = "XFE1"): Uint8Array {
  return oneSheet(sheetXml(tableRows(5) + `<row r="6"><c r="${ref}"><v>1</v></c></row>`));
}

const FULL_FLUSH = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
/** The last block of a deflate stream: an empty final block with fixed codes. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

/**
 * A deflate stream of `head`, then `unit` repeated until the stream holds about `size` bytes, then
 * `tail`; built from one compressed segment of `unit` (1 MiB of it), so it takes milliseconds.
 * Returns the raw deflate bytes and the exact uncompressed size.
 */
export function repeatedDeflate(head: string, unit: string, size: number, tail: string, filler = ""): { raw: Uint8Array; size: number } {
  const segText = unit.repeat(Math.max(1, Math.floor(((1 << 20) - filler.length) / unit.length))) + filler;
  const seg = deflateRawSync(Buffer.from(segText), FULL_FLUSH);
  const headZ = deflateRawSync(Buffer.from(head), FULL_FLUSH);
  const tailZ = deflateRawSync(Buffer.from(tail), FULL_FLUSH);
  const n = Math.max(0, Math.round((size - head.length - tail.length) / segText.length));
  const raw = new Uint8Array(headZ.length + n * seg.length + tailZ.length + FINAL_BLOCK.length);
  let p = 0;
  raw.set(headZ, p);
  p += headZ.length;
  for (let i = 0; i < n; i++, p += seg.length) raw.set(seg, p);
  raw.set(tailZ, p);
  raw.set(FINAL_BLOCK, p + tailZ.length);
  return { raw, size: head.length + n * segText.length + tail.length };
}

/** A one-sheet workbook whose sheet entry has these raw deflate bytes and declares `declared` bytes. */
export function withRawSheet(raw: Uint8Array, declared: number): Uint8Array {
  const base = oneSheet(sheetXml(""));
  const entries = readZip(base).map((e): ZipEntry => {
    if (e.name !== "xl/worksheets/sheet1.xml") return e;
    // The CRC is left as it is: the reader does not check it, and it would take the whole stream to compute.
    return { ...e, method: 8, raw, compressedSize: raw.length, size: declared };
  });
  return writeZip(entries);
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A sheet of `size` bytes of empty `<row r="1"/>` elements (valid XML, no cells), as a workbook. */
export function emptyRowsBomb(size: number, declared?: number): Uint8Array {
  const { raw, size: real } = repeatedDeflate(SHEET_HEAD, `<row r="1"/>`, size, SHEET_TAIL);
  return withRawSheet(raw, declared ?? real);
}

/** Text that deflate cannot shrink much (base64 of seeded pseudo-random bytes), in a comment. */
function fillerComment(length: number): string {
  let x = 0x2545f491;
  const bytes = Buffer.alloc(Math.ceil((length * 3) / 4));
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return `<!--${bytes.toString("base64").slice(0, length)}-->`;
}

/**
 * A sheet of about `size` bytes of empty rows that deflates only `ratio` times (an incompressible
 * comment in every MiB), declared honestly: a large sheet, not a bomb.
 */
export function fillerBomb(size: number, ratio: number): Uint8Array {
  // base64 deflates to ~3/4 of its length: a comment of (1 MiB / ratio) × 4/3 characters a MiB.
  const filler = fillerComment(Math.round(((1 << 20) / ratio) * (4 / 3)));
  const { raw, size: real } = repeatedDeflate(SHEET_HEAD, `<row r="1"/>`, size, SHEET_TAIL, filler);
  return withRawSheet(raw, real);
}
