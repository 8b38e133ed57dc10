// The workbook's tabs with Målkoll's markers, in two syncs whatever the number of tabs.
import type { HostSheet } from "../port";
import { MARKER_NAME, markerOf } from "../ooxml/marker";
import type { Chart, RequestContext, Table, Worksheet } from "./excelApi";

export interface ListedSheet extends HostSheet {
  /** The proxy, for writing into the tab in the same Excel.run. */
  sheet: Worksheet;
}

/** What writing needs besides the tabs: each tab's tables, and every name a table name must avoid. */
export interface ListedForWriting {
  sheets: (ListedSheet & { tables: Table[]; charts: Chart[] })[];
  /** Every defined name in the workbook, workbook and sheet scope (a table name may not be one). */
  definedNames: string[];
}

/**
 * Names, visibility and markers. The marker is the sheet-scoped defined name `_Malkoll_Marker`
 * holding `="malkoll:…"`, exactly as the .xlsx adapter writes it, so a tab written by the CLI is
 * recognised in Excel and the other way round. All markers are queued, then fetched in one sync.
 */
export async function listSheets(context: RequestContext): Promise<ListedSheet[]> {
  return (await list(context, false)).sheets;
}

/**
 * The same two syncs, the second also loading every tab's tables and charts (their names, and
 * proxies to delete those on our tabs before they are refilled) and every defined name: table names are
 * unique in the workbook among tables and names alike.
 */
export async function listSheetsForWriting(context: RequestContext): Promise<ListedForWriting> {
  return list(context, true);
}

async function list(context: RequestContext, forWriting: boolean): Promise<ListedForWriting> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = worksheets.items;
  const names = sheets.map((s) => s.names.getItemOrNullObject(MARKER_NAME).load("formula"));
  const tables = forWriting ? sheets.map((s) => s.tables.load("items/name")) : [];
  const charts = forWriting ? sheets.map((s) => s.charts.load("items/name")) : [];
  const sheetNames = forWriting ? sheets.map((s) => s.names.load("items/name")) : [];
  const bookNames = forWriting ? context.workbook.names.load("items/name") : null;
  await context.sync();
  const listed = sheets.map((sheet, i) => {
    const entry: ListedSheet & { tables: Table[]; charts: Chart[] } = {
      name: sheet.name,
      hidden: sheet.visibility !== "Visible",
      sheet,
      tables: forWriting ? tables[i].items : [],
      charts: forWriting ? charts[i].items : [],
    };
    const marker = names[i].isNullObject ? null : markerOf(String(names[i].formula ?? ""));
    if (marker !== null) entry.marker = marker;
    return entry;
  });
  const definedNames = [...sheetNames.flatMap((n) => n.items.map((x) => x.name)), ...(bookNames ? bookNames.items.map((x) => x.name) : [])];
  return { sheets: listed, definedNames };
}
