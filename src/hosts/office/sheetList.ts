// The workbook's tabs with Målkoll's markers, in two syncs whatever the number of tabs.
import type { HostSheet } from "../port";
import { MARKER_NAME, unquoteFormulaString } from "../xlsx/package";
import type { RequestContext, Worksheet } from "./excelApi";

export interface ListedSheet extends HostSheet {
  /** The proxy, for writing into the tab in the same Excel.run. */
  sheet: Worksheet;
}

/**
 * Names, visibility and markers. The marker is the sheet-scoped defined name `_Malkoll_Marker`
 * holding `="malkoll:…"`, exactly as the .xlsx adapter writes it, so a tab written by the CLI is
 * recognised in Excel and the other way round. All markers are queued, then fetched in one sync.
 */
export async function listSheets(context: RequestContext): Promise<ListedSheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = worksheets.items;
  const names = sheets.map((s) => s.names.getItemOrNullObject(MARKER_NAME).load("formula"));
  await context.sync();
  return sheets.map((sheet, i) => {
    const listed: ListedSheet = { name: sheet.name, hidden: sheet.visibility !== "Visible", sheet };
    const marker = names[i].isNullObject ? null : unquoteFormulaString(String(names[i].formula ?? ""));
    if (marker !== null && marker.startsWith("malkoll:")) listed.marker = marker;
    return listed;
  });
}
