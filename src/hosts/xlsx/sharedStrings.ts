// The shared string table (xl/sharedStrings.xml), scanned by hand for speed.
import { rootPrefix, stripComments, textContent } from "../ooxml/xml";

function isNameEnd(c: number): boolean {
  return c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13;
}

/**
 * The text of one string item's content (`<t>` directly, or the `<t>` of every rich-text run `<r>`,
 * concatenated). Phonetic runs (`<rPh>`) are not part of the text, as in Excel.
 * `item` is just the content of the `<si>` or `<is>` element; `p` the namespace prefix with colon.
 */
export function stringItemText(item: string, p: string): string {
  const tOpen = "<" + p + "t";
  const tClose = "</" + p + "t>";
  // Fast path: `<t>text</t>` or `<t xml:space="preserve">text</t>` and nothing else.
  if (item.startsWith(tOpen) && item.endsWith(tClose) && isNameEnd(item.charCodeAt(tOpen.length))) {
    const te = item.indexOf(">", tOpen.length);
    if (item.indexOf("<", te) === item.length - tClose.length) return textContent(item.slice(te + 1, item.length - tClose.length));
  }
  const rphOpen = "<" + p + "rPh";
  const rphClose = "</" + p + "rPh>";
  let out = "";
  let pos = 0;
  for (;;) {
    const t = item.indexOf(tOpen, pos);
    if (t < 0) break;
    if (!isNameEnd(item.charCodeAt(t + tOpen.length))) {
      pos = t + 1;
      continue;
    }
    const r = item.indexOf(rphOpen, pos);
    if (r >= 0 && r < t) {
      const re = item.indexOf(rphClose, r);
      if (re < 0) break;
      pos = re + rphClose.length;
      continue;
    }
    const te = item.indexOf(">", t);
    if (te < 0) break;
    if (item.charCodeAt(te - 1) === 47) {
      pos = te + 1;
      continue;
    }
    const ce = item.indexOf(tClose, te);
    if (ce < 0) break;
    out += textContent(item.slice(te + 1, ce));
    pos = ce + tClose.length;
  }
  return out;
}

/** All string items of sharedStrings.xml in order. */
export function readSharedStrings(xmlText: string): string[] {
  const xml = stripComments(xmlText);
  const p = rootPrefix(xml, "sst") ?? "";
  const siOpen = "<" + p + "si";
  const siClose = "</" + p + "si>";
  // Most items are <si><t>text</t></si>: read straight from the part's text, without first cutting
  // out the item (a 200 000-string table in a third of the time).
  const plain = "<" + p + "t>";
  const plainEnd = "</" + p + "t></" + p + "si>";
  const out: string[] = [];
  let i = xml.indexOf(siOpen);
  while (i >= 0) {
    if (!isNameEnd(xml.charCodeAt(i + siOpen.length))) {
      i = xml.indexOf(siOpen, i + 1);
      continue;
    }
    const te = xml.indexOf(">", i);
    if (te < 0) break;
    if (xml.startsWith(plain, te + 1)) {
      const a = te + 1 + plain.length;
      const k = xml.indexOf("<", a);
      if (k >= 0 && xml.startsWith(plainEnd, k)) {
        out.push(textContent(xml.slice(a, k)));
        i = xml.indexOf(siOpen, k + plainEnd.length);
        continue;
      }
    }
    if (xml.charCodeAt(te - 1) === 47) {
      out.push("");
      i = xml.indexOf(siOpen, te);
      continue;
    }
    const end = xml.indexOf(siClose, te);
    if (end < 0) break;
    out.push(stringItemText(xml.substring(te + 1, end), p));
    i = xml.indexOf(siOpen, end);
  }
  return out;
}
