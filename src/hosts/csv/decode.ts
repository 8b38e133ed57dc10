// The text of a CSV file from its bytes. Swedish Excel saves CSV as Windows-1252 without a BOM
// ("CSV (semikolonavgränsad)"), newer Excel and the data warehouses as UTF-8 with or without a
// BOM, and "Unicode-text" as UTF-16 with a BOM. Nothing in a BOM-less file says which: a file
// that is valid UTF-8 is taken as UTF-8 (a Windows-1252 text with "å", "ä" or "ö" in it is
// practically never valid UTF-8, since those bytes would have to come in exact lead/continuation
// pairs), anything else as Windows-1252, which gives every byte a character. So "Åmål" is never
// read as "Ã…mÃ¥l" (UTF-8 read as 1252) nor as "�m�l" (1252 read as UTF-8).
import { CsvError } from "./errors";

/**
 * What Windows-1252 has at 0x80–0x9F (WHATWG Encoding Standard; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are
 * unassigned and stay U+0081 …). Node's TextDecoder("windows-1252") decodes these bytes as Latin-1
 * (C1 controls: "–" comes out as U+0096) since Node 20.18.3 and 22.13.0 (nodejs/node#56542,
 * #60888); browsers decode them right. So the decoder's output is mapped once more here: a no-op
 * where it is right, the fix where it is not.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(b: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(b)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/** Share of C0 control characters (other than tab, LF, FF, CR and the DOS end-of-file mark) above which the bytes are not text. */
const MAX_CONTROL_SHARE = 0.01;
const SNIFF_BYTES = 64 * 1024;

function isUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function decodeUtf16(b: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(b);
  } catch {
    throw new CsvError("notText");
  }
}

/** Binary data (an image, an .xls or a zip with a CSV's name) holds NUL bytes or many other control characters. */
function looksBinary(b: Uint8Array): boolean {
  if (b.indexOf(0) >= 0) return true;
  const n = Math.min(b.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1a) controls++;
  }
  return controls > n * MAX_CONTROL_SHARE;
}

/**
 * The file's text, its byte-order mark removed. Throws CsvError("empty") for a file of no bytes
 * (or only a BOM) and CsvError("notText") for bytes that are not text.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return emptyIfNothing(decodeUtf16(bytes.subarray(2), "utf-16le"));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return emptyIfNothing(decodeUtf16(bytes.subarray(2), "utf-16be"));
  const body = isUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (body.length === 0) throw new CsvError("empty");
  if (looksBinary(body)) throw new CsvError("notText");
  try {
    // ignoreBOM: the BOM is already cut off; a second one would be the first cell's own character.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

function emptyIfNothing(text: string): string {
  if (text.length === 0) throw new CsvError("empty");
  if (text.indexOf("\u0000") >= 0) throw new CsvError("notText");
  return text;
}
