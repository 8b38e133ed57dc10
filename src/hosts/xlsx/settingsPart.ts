// The settings document inside an .xlsx package, where Excel keeps the Custom XML part the add-in
// writes (Workbook.customXmlParts): customXml/itemN.xml, with customXml/itemPropsN.xml (its
// datastore GUID) related from customXml/_rels/itemN.xml.rels, and the item related from the
// workbook part. The CLI reads it with readSettingsPart; withSettingsPart adds or replaces it,
// keeping every other part byte for byte.
import { parseRels, relsPathOf, type Relationship } from "./package";
import type { XlsxWorkbook } from "./read";
import { SETTINGS_NAMESPACE, rootNamespace, settingsFromXml, settingsToXml } from "../ooxml/settingsXml";
import { applyEdits, insertAtEnd, type Edit } from "./write";
import { attributes, escapeAttr, findElement, findElements, rootPrefix } from "../ooxml/xml";
import { makeEntry, writeZip, type ZipEntry } from "./zip";

export { SETTINGS_NAMESPACE, SettingsPartError } from "../ooxml/settingsXml";

export const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
export const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
export const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

interface CustomXmlItem {
  /** The relationship from the workbook part (or, from other writers, the package root). */
  rel: Relationship;
  relsPart: string;
  /** "customXml/item1.xml" as stored in the package. */
  part: string;
  xml: string;
}

/** Custom XML items related from the workbook part, then any related from the package root. */
function customXmlItems(wb: XlsxWorkbook): CustomXmlItem[] {
  const out: CustomXmlItem[] = [];
  const seen = new Set<string>();
  const sources: [Relationship[], string][] = [
    [[...wb.workbookRels], relsPathOf(wb.workbookPath)],
    [parseRels(wb.text("_rels/.rels"), ""), "_rels/.rels"],
  ];
  for (const [rels, relsPart] of sources) {
    for (const rel of rels) {
      if (rel.type !== REL_CUSTOM_XML || !rel.part) continue;
      const entry = wb.entry(rel.part);
      if (!entry || seen.has(entry.name.toLowerCase())) continue;
      seen.add(entry.name.toLowerCase());
      out.push({ rel, relsPart, part: entry.name, xml: wb.text(entry.name)! });
    }
  }
  return out;
}

const isOurs = (item: CustomXmlItem) => rootNamespace(item.xml) === SETTINGS_NAMESPACE;

/**
 * The settings document stored in the workbook, or null when there is none. Throws
 * SettingsPartError when Målkoll's part is there but does not hold valid JSON.
 */
export function readSettingsPart(wb: XlsxWorkbook): unknown | null {
  for (const item of customXmlItems(wb)) {
    const found = settingsFromXml(item.xml);
    if (found) return found.doc;
  }
  return null;
}

/** "{8-4-4-4-12}" upper case, as Office writes datastore item ids. */
function newItemId(): string {
  const uuid = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID?.();
  if (!uuid) throw new Error("No crypto.randomUUID in this runtime.");
  return `{${uuid.toUpperCase()}}`;
}

export function itemPropsXml(itemId: string): string {
  return (
    XML_DECLARATION +
    `<ds:datastoreItem ds:itemID="${escapeAttr(itemId)}" xmlns:ds="${NS_DATASTORE}"><ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/**
 * The package with the settings document stored (added, or replacing Målkoll's part; further
 * copies of it are removed so there is at most one). Every other part keeps its bytes; the
 * workbook's relationships and [Content_Types].xml only gain (or lose) the entries for our part.
 */
export function withSettingsPart(wb: XlsxWorkbook, doc: unknown, opts: { itemId?: string } = {}): Uint8Array {
  const itemXml = XML_DECLARATION + settingsToXml(doc);
  const encoder = new TextEncoder();
  const ours = customXmlItems(wb).filter(isOurs);
  const changed = new Map<string, string>(); // lower-cased part name → new text
  const removed = new Set<string>(); // lower-cased part names
  const added: { name: string; text: string }[] = [];
  const relEdits = new Map<string, Edit[]>(); // rels part → edits

  const relsXmlOf = (part: string) => wb.text(part);
  const editRels = (part: string, e: Edit) => relEdits.set(part, [...(relEdits.get(part) ?? []), e]);

  if (ours.length > 0) {
    changed.set(ours[0].part.toLowerCase(), itemXml);
    for (const extra of ours.slice(1)) {
      removed.add(extra.part.toLowerCase());
      const itemRels = relsPathOf(extra.part);
      if (wb.entry(itemRels)) {
        removed.add(itemRels.toLowerCase());
        for (const r of parseRels(wb.text(itemRels), extra.part))
          if (r.type === REL_CUSTOM_XML_PROPS && r.part) removed.add(r.part.toLowerCase());
      }
      const xml = relsXmlOf(extra.relsPart)!;
      const p = rootPrefix(xml, "Relationships") ?? "";
      for (const el of findElements(xml, p + "Relationship")) {
        if (attributes(el.tag).Id === extra.rel.id) editRels(extra.relsPart, { at: el.start, end: el.end, text: "" });
      }
    }
  } else {
    const used = new Set(wb.entries.map((e) => e.name.toLowerCase()));
    let n = 1;
    while (used.has(`customxml/item${n}.xml`) || used.has(`customxml/itemprops${n}.xml`) || used.has(`customxml/_rels/item${n}.xml.rels`))
      n++;
    const item = `customXml/item${n}.xml`;
    const props = `customXml/itemProps${n}.xml`;
    added.push({ name: item, text: itemXml });
    added.push({ name: props, text: itemPropsXml(opts.itemId ?? newItemId()) });
    added.push({
      name: `customXml/_rels/item${n}.xml.rels`,
      text:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    });
    const wbRels = relsPathOf(wb.workbookPath);
    const relsXml = relsXmlOf(wbRels);
    if (relsXml === undefined) throw new Error("Arbetsboken saknar relationer.");
    const rp = rootPrefix(relsXml, "Relationships") ?? "";
    const root = findElement(relsXml, rp + "Relationships");
    if (!root) throw new Error("Arbetsbokens relationer går inte att tolka.");
    const ids = new Set(wb.workbookRels.map((r) => r.id));
    let id = 1;
    while (ids.has(`rId${id}`)) id++;
    const depth = wb.workbookPath.split("/").length - 1;
    const target = "../".repeat(depth) + item;
    editRels(
      wbRels,
      insertAtEnd(root, rp + "Relationships", `<${rp}Relationship Id="rId${id}" Type="${REL_CUSTOM_XML}" Target="${escapeAttr(target)}"/>`),
    );
  }
  for (const [part, edits] of relEdits) changed.set(part.toLowerCase(), applyEdits(relsXmlOf(part)!, edits));

  // [Content_Types].xml: overrides of removed parts go; the new props part (and the item, when
  // "xml" has no default content type) come in.
  const ctXml = wb.text("[Content_Types].xml");
  if (ctXml === undefined) throw new Error("Arbetsboken saknar innehållstyper.");
  const cp = rootPrefix(ctXml, "Types") ?? "";
  const ctRoot = findElement(ctXml, cp + "Types");
  if (!ctRoot) throw new Error("Arbetsbokens innehållstyper går inte att tolka.");
  const ctEdits: Edit[] = [];
  for (const el of findElements(ctXml, cp + "Override", ctRoot.contentStart, ctRoot.contentEnd)) {
    if (removed.has((attributes(el.tag).PartName ?? "").replace(/^\//, "").toLowerCase()))
      ctEdits.push({ at: el.start, end: el.end, text: "" });
  }
  const xmlDefault = findElements(ctXml, cp + "Default", ctRoot.contentStart, ctRoot.contentEnd).some(
    (el) => (attributes(el.tag).Extension ?? "").toLowerCase() === "xml",
  );
  const overrides = added
    .filter((a) => a.name.endsWith(".xml"))
    .map((a) =>
      a.name.includes("itemProps")
        ? `<${cp}Override PartName="/${a.name}" ContentType="${CT_CUSTOM_XML_PROPS}"/>`
        : xmlDefault
          ? ""
          : `<${cp}Override PartName="/${a.name}" ContentType="application/xml"/>`,
    )
    .join("");
  if (overrides) ctEdits.push(insertAtEnd(ctRoot, cp + "Types", overrides));
  if (ctEdits.length > 0) changed.set("[content_types].xml", applyEdits(ctXml, ctEdits));

  const stamp = wb.entry(wb.workbookPath)!;
  const out: ZipEntry[] = [];
  for (const e of wb.entries) {
    const key = e.name.toLowerCase();
    if (removed.has(key)) continue;
    const text = changed.get(key);
    if (text === undefined) {
      out.push(e);
      continue;
    }
    const ne = makeEntry(e.name, encoder.encode(text), e.modTime, e.modDate);
    out.push({ ...ne, nameBytes: e.nameBytes, flags: (ne.flags & ~0x800) | (e.flags & 0x800) });
  }
  for (const a of added) out.push(makeEntry(a.name, encoder.encode(a.text), stamp.modTime, stamp.modDate));
  return writeZip(out);
}
