// The settings document as a Custom XML part: the one format the add-in (customXmlParts, through
// Office.js) and the .xlsx adapter (customXml/itemN.xml in the package) both read and write, so
// settings saved in Excel are the settings the CLI uses. Pure string code: no zip, no Office.js,
// so the task pane can import it without the package reader.
import { attributes, decodeEntities, escapeText, findElement, rootPrefix, stripComments } from "./xml";

/** Versioned by namespace: a future incompatible format gets a new one, and old readers ignore it. */
export const SETTINGS_NAMESPACE = "urn:malkoll:settings:1";

/** The document could not be read back (the part is ours, but its content is not valid JSON). */
export class SettingsPartError extends Error {
  override name = "SettingsPartError";
}

/** `<settings xmlns="urn:malkoll:settings:1">{JSON, XML-escaped}</settings>`, without an XML declaration. */
export function settingsToXml(doc: unknown): string {
  const json = JSON.stringify(doc);
  if (json === undefined) throw new TypeError("Inställningarna går inte att spara som JSON.");
  // JSON.stringify escapes control characters and lone surrogates, so only &, < and > need escaping.
  return `<settings xmlns="${SETTINGS_NAMESPACE}">${escapeText(json)}</settings>`;
}

/** The namespace URI of the document element (what Excel reports as a part's namespaceUri), or "". */
export function rootNamespace(xmlText: string): string {
  const xml = stripComments(xmlText);
  const m = /<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(xml);
  if (!m) return "";
  const el = findElement(xml, (m[1] ?? "") + m[2]);
  if (!el) return "";
  const a = attributes(el.tag);
  return (m[1] ? a[`xmlns:${m[1].slice(0, -1)}`] : a.xmlns) ?? "";
}

/**
 * The settings document in a part's XML: null when the part is not Målkoll's settings (another
 * namespace or root), the parsed JSON otherwise. Throws SettingsPartError when it is ours but broken.
 */
export function settingsFromXml(xmlText: string): { doc: unknown } | null {
  if (rootNamespace(xmlText) !== SETTINGS_NAMESPACE) return null;
  const xml = stripComments(xmlText);
  const prefix = rootPrefix(xml, "settings");
  const el = prefix === null ? null : findElement(xml, prefix + "settings");
  if (!el) return null;
  const text = contentText(xml.slice(el.contentStart, el.contentEnd));
  try {
    return { doc: JSON.parse(text) };
  } catch (e) {
    throw new SettingsPartError(`Inställningarna som sparats i arbetsboken går inte att läsa (ogiltig JSON: ${(e as Error).message}).`);
  }
}

/** Text content: entities resolved, CDATA taken literally (other writers may use it). No OOXML `_xHHHH_` decoding: this is plain XML. */
function contentText(raw: string): string {
  let out = "";
  let p = 0;
  for (let i = raw.indexOf("<![CDATA[", p); i >= 0; i = raw.indexOf("<![CDATA[", p)) {
    const end = raw.indexOf("]]>", i + 9);
    if (end < 0) break;
    out += decodeEntities(raw.slice(p, i)) + raw.slice(i + 9, end);
    p = end + 3;
  }
  return out + decodeEntities(raw.slice(p));
}
