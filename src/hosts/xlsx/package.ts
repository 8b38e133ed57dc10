// The package structure of an .xlsx: part lookup, relationships, the workbook's sheet list and
// defined names. Shared by the reader and the writer.
import { attributes, decodeEntities, findElement, findElements, rootPrefix, stripComments } from "../ooxml/xml";
import type { ZipEntry } from "./zip";

export const NS_REL = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
export const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

export interface Relationship {
  id: string;
  type: string;
  /** Target as written. */
  target: string;
  /** The part it points to, resolved against the source part ("xl/worksheets/sheet1.xml"), or null if external. */
  part: string | null;
}

/** Lower-cased part name → entry, since OOXML part names are case-insensitive. */
export function indexEntries(entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  const m = new Map<string, ZipEntry>();
  for (const e of entries) m.set(e.name.toLowerCase(), e);
  return m;
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep as written
  }
  t = t.replace(/\\/g, "/");
  let segs: string[];
  if (t.startsWith("/")) segs = t.slice(1).split("/");
  else {
    const base = sourcePart.split("/");
    base.pop();
    segs = base.concat(t.split("/"));
  }
  const out: string[] = [];
  for (const s of segs) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

export function parseRels(xmlText: string | undefined, sourcePart: string): Relationship[] {
  if (!xmlText) return [];
  const xml = stripComments(xmlText);
  const p = rootPrefix(xml, "Relationships") ?? "";
  return findElements(xml, p + "Relationship").map((el) => {
    const a = attributes(el.tag);
    const external = (a.TargetMode ?? "").toLowerCase() === "external";
    const target = a.Target ?? "";
    return { id: a.Id ?? "", type: a.Type ?? "", target, part: external ? null : resolveTarget(sourcePart, target) };
  });
}

export interface WorkbookSheetInfo {
  name: string;
  sheetId: string;
  relId: string;
  state: string;
  /** Part name, e.g. "xl/worksheets/sheet1.xml" ("" when the relationship is missing). */
  path: string;
  /** "worksheet", "chartsheet", "dialogsheet", "macrosheet" … (the relationship type's last segment). */
  kind: string;
}

export interface DefinedNameInfo {
  name: string;
  localSheetId: number | null;
  /** The formula text, entities resolved. */
  value: string;
}

export interface WorkbookInfo {
  /** Namespace prefix of the spreadsheetml elements, with colon ("" normally). */
  prefix: string;
  sheets: WorkbookSheetInfo[];
  definedNames: DefinedNameInfo[];
  date1904: boolean;
}

export function parseWorkbook(xmlText: string, rels: readonly Relationship[]): WorkbookInfo {
  const xml = stripComments(xmlText);
  const prefix = rootPrefix(xml, "workbook");
  if (prefix === null) throw new Error("no workbook element");
  const root = findElement(xml, prefix + "workbook")!;
  const relPrefix = relPrefixOf(root.tag);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsEl = findElement(xml, prefix + "sheets");
  const sheets: WorkbookSheetInfo[] = sheetsEl
    ? findElements(xml, prefix + "sheet", sheetsEl.contentStart, sheetsEl.contentEnd).map((el) => {
        const a = attributes(el.tag);
        const relId = (relPrefix !== null ? a[relPrefix + "id"] : undefined) ?? a["r:id"] ?? findRelIdAttr(a) ?? "";
        const rel = byId.get(relId);
        return {
          name: a.name ?? "",
          sheetId: a.sheetId ?? "",
          relId,
          state: a.state ?? "visible",
          path: rel?.part ?? "",
          kind: rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "",
        };
      })
    : [];
  const dnEl = findElement(xml, prefix + "definedNames");
  const definedNames: DefinedNameInfo[] = dnEl
    ? findElements(xml, prefix + "definedName", dnEl.contentStart, dnEl.contentEnd).map((el) => {
        const a = attributes(el.tag);
        const local = a.localSheetId !== undefined && /^\d+$/.test(a.localSheetId) ? Number(a.localSheetId) : null;
        return { name: a.name ?? "", localSheetId: local, value: decodeEntities(xml.slice(el.contentStart, el.contentEnd)) };
      })
    : [];
  const pr = findElement(xml, prefix + "workbookPr");
  const d1904 = pr ? attributes(pr.tag).date1904 : undefined;
  return { prefix, sheets, definedNames, date1904: d1904 === "1" || d1904 === "true" };
}

/** The prefix (with colon) bound to the relationships namespace on the root element, or null. */
export function relPrefixOf(rootTag: string): string | null {
  const a = attributes(rootTag);
  for (const [k, v] of Object.entries(a)) if (k.startsWith("xmlns:") && NS_REL.includes(v)) return k.slice(6) + ":";
  return null;
}

function findRelIdAttr(a: Record<string, string>): string | undefined {
  for (const [k, v] of Object.entries(a)) if (k.endsWith(":id")) return v;
  return undefined;
}

/**
 * Whether an XML part declares a DTD (`<!DOCTYPE …>`), which OOXML forbids in every part: its
 * entities are not expanded by the hand-written scanners, and markup inside it (an `<si>` in an
 * entity's text) would shift what they find. A DTD can only stand in the prolog, before the root
 * element, so only the prolog is looked at: the XML declaration, processing instructions,
 * comments and white space.
 */
export function declaresDtd(xml: string): boolean {
  let i = 0;
  const n = xml.length;
  for (;;) {
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else break;
    }
    if (xml.charCodeAt(i) !== 60 /* < */) return false;
    if (xml.startsWith("<?", i)) {
      const e = xml.indexOf("?>", i + 2);
      if (e < 0) return false;
      i = e + 2;
    } else if (xml.startsWith("<!--", i)) {
      const e = xml.indexOf("-->", i + 4);
      if (e < 0) return false;
      i = e + 3;
    } else return xml.slice(i, i + 9).toUpperCase() === "<!DOCTYPE";
  }
}
