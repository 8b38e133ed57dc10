// Small XML helpers for the .xlsx adapter: entity decoding, escaping, and attribute/element
// scanning of the small package parts (workbook.xml, rels, [Content_Types].xml, styles.xml).
// The big parts (sheets, shared strings) are scanned by hand in sheetXml.ts / sharedStrings.ts.

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;

function codePoint(n: number, whole: string): string {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

/** Resolves the predefined XML entities and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      return body.charCodeAt(1) === 120 /* x */
        ? codePoint(parseInt(body.slice(2), 16), whole)
        : codePoint(parseInt(body.slice(1), 10), whole);
    }
    return NAMED[body] ?? whole;
  });
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of a string item as Excel means it: entities resolved, then the OOXML `_xHHHH_` escapes
 * (Excel writes control characters that way, and a literal "_x0041_" as "_x005F_x0041_").
 */
export function decodeText(s: string): string {
  const t = decodeEntities(s);
  if (t.indexOf("_x") < 0) return t;
  return t.replace(X_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Text content as it stands between tags (entities and `_xHHHH_` escapes resolved); CDATA sections,
 * which Excel never writes but other generators may, are taken literally.
 */
export function textContent(raw: string): string {
  if (raw.indexOf("<") < 0) return decodeText(raw);
  let out = "";
  let p = 0;
  for (let i = raw.indexOf("<![CDATA[", p); i >= 0; i = raw.indexOf("<![CDATA[", p)) {
    const end = raw.indexOf("]]>", i + 9);
    if (end < 0) break;
    out += decodeText(raw.slice(p, i)) + raw.slice(i + 9, end);
    p = end + 3;
  }
  return out + decodeText(raw.slice(p));
}

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). A
// surrogate pair matches first and is kept; no lookbehind, which older web views cannot parse.
const ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching those control characters is the point
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;

export function stripIllegal(s: string): string {
  return s.replace(ILLEGAL, (m) => (m.length === 2 ? m : ""));
}

/** Escapes text content; characters illegal in XML 1.0 are removed. */
export function escapeText(s: string): string {
  return stripIllegal(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value (double-quoted); characters illegal in XML 1.0 are removed. */
export function escapeAttr(s: string): string {
  return stripIllegal(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/**
 * Escapes text for a cell string (`<t>`): like escapeText, and a literal "_xHHHH_" is protected as
 * "_x005F_xHHHH_" so Excel does not read it as an escaped character.
 */
export function escapeCellText(s: string): string {
  return escapeText(s.replace(X_ESCAPE, "_x005F_x$1_"));
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of one start tag's text (`<name a="1" b='2'>`), values decoded, keys as written. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const start = tag.search(/\s/);
  if (start < 0) return out;
  ATTR.lastIndex = start;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

/** One element found in a document: where it starts and ends (end exclusive) and its start tag. */
export interface ElementSpan {
  start: number;
  end: number;
  /** The start tag text, `<name …>` or `<name …/>`. */
  tag: string;
  /** Where the content begins and ends (equal for an empty element). */
  contentStart: number;
  contentEnd: number;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 /* / */ || c === 62; /* > */
}

/** Index of the next start tag `<qname` (followed by space, `/` or `>`) at or after `from`, or -1. */
export function findStartTag(xml: string, qname: string, from: number, to = xml.length): number {
  const needle = "<" + qname;
  for (let i = xml.indexOf(needle, from); i >= 0 && i < to; i = xml.indexOf(needle, i + 1)) {
    if (isNameEnd(xml.charCodeAt(i + needle.length))) return i;
  }
  return -1;
}

/** End of the start tag beginning at `lt` (the index just past its `>`), honouring quoted values. */
export function tagEnd(xml: string, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) q = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

/**
 * The elements named `qname` directly or indirectly inside [from, to), not nested in each other
 * (elements of the same name nested inside a match are skipped with it).
 */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  let i = findStartTag(xml, qname, from, to);
  while (i >= 0) {
    const span = elementAt(xml, qname, i);
    if (!span || span.end > to) break;
    out.push(span);
    i = findStartTag(xml, qname, span.end, to);
  }
  return out;
}

/** The element `qname` whose start tag begins at `lt`, or null if it is not closed. */
export function elementAt(xml: string, qname: string, lt: number): ElementSpan | null {
  const te = tagEnd(xml, lt);
  if (te < 0) return null;
  const tag = xml.slice(lt, te);
  if (xml.charCodeAt(te - 2) === 47 /* / */) return { start: lt, end: te, tag, contentStart: te, contentEnd: te };
  // Find the matching end tag, counting nested elements of the same name.
  const close = "</" + qname;
  let depth = 1;
  let p = te;
  for (;;) {
    const nextClose = xml.indexOf(close, p);
    if (nextClose < 0) return null;
    let nextOpen = findStartTag(xml, qname, p, nextClose);
    while (nextOpen >= 0) {
      const e = tagEnd(xml, nextOpen);
      if (e < 0) return null;
      if (xml.charCodeAt(e - 2) !== 47) depth++;
      nextOpen = findStartTag(xml, qname, e, nextClose);
    }
    const closeEnd = xml.indexOf(">", nextClose);
    if (closeEnd < 0) return null;
    depth--;
    if (depth === 0) return { start: lt, end: closeEnd + 1, tag, contentStart: te, contentEnd: nextClose };
    p = closeEnd + 1;
  }
}

/** The first element `qname` in [from, to), or null. */
export function findElement(xml: string, qname: string, from = 0, to = xml.length): ElementSpan | null {
  const i = findStartTag(xml, qname, from, to);
  return i < 0 ? null : elementAt(xml, qname, i);
}

/** The namespace prefix of the document element, with its colon ("" when unprefixed), e.g. "x:". */
export function rootPrefix(xml: string, localName: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s/>]`).exec(xml);
  return m ? (m[1] ?? "") : null;
}

/** Drops comments, so that scanning by indexOf is not fooled by commented-out markup. */
export function stripComments(xml: string): string {
  return xml.indexOf("<!--") < 0 ? xml : xml.replace(/<!--[\s\S]*?-->/g, "");
}
