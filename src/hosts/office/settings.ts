// The settings document in a Custom XML part (ExcelApi 1.5), the same part the .xlsx adapter reads.
import { SETTINGS_NAMESPACE, settingsFromXml, settingsToXml } from "../ooxml/settingsXml";
import type { RequestContext } from "./excelApi";

/** The stored document, or null. Two syncs when a part exists (find it, fetch its XML), one when not. */
export async function loadSettingsPart(context: RequestContext): Promise<unknown | null> {
  const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
  await context.sync();
  if (parts.items.length === 0) return null;
  const xml = parts.items[0].getXml();
  await context.sync();
  // A ClientResult, read after the sync above (the rule expects a load() on it).
  // eslint-disable-next-line office-addins/load-object-before-read
  return settingsFromXml(xml.value)?.doc ?? null;
}

/** Replaces every part in our namespace with one holding `doc`: two syncs. */
export async function saveSettingsPart(context: RequestContext, doc: unknown): Promise<void> {
  const xml = settingsToXml(doc); // fails before touching the workbook if doc is not JSON
  const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
  await context.sync();
  for (const p of parts.items) p.delete();
  context.workbook.customXmlParts.add(xml);
  await context.sync();
}
