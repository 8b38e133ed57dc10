// The Office.js host adapter: the only code in Målkoll that calls Excel.run.
//
// Requirement set: ExcelApi 1.7 (put it in the manifest's <Requirements>). Per API:
//   1.7  WorksheetFreezePanes (freezeAt/freezeRows/freezeColumns/unfreeze), NamedItem.formula
//        (reading our tab marker), RangeFormat.useStandardWidth (resetting widths of a replaced tab)
//   1.6  Application.suspendApiCalculationUntilNextSync (no recalculation while writing)
//   1.5  Workbook.customXmlParts (the settings document, where the CLI finds it too)
//   1.4  Worksheet.names (sheet-scoped marker names), NamedItemCollection.add / getItemOrNullObject,
//        WorksheetCollection.getItemOrNullObject, Worksheet.getUsedRangeOrNullObject
//   1.3  TableCollection.add with a Range (a bare address string, 1.1, would land on the active sheet)
//   1.2  getUsedRange(valuesOnly), RangeFormat.columnWidth
//   1.1  Worksheet.tables, Table.name/style/delete, Workbook.names and NamedItemCollection.load
// Excel 2016 and later (Windows, Mac), Excel on the web and on iPad all have 1.7.
//
// Sync budget (a test asserts it exactly):
//   listSheets 2 · readSheet 1 + chunks · loadSettings 1 (none stored) or 2 · saveSettings 2 ·
//   writePlans 2 + write requests (1 unless the payload exceeds the 4 MB budget) · activate 1.
//   A plan's tables add no sync: the second writePlans sync also loads every tab's tables and the
//   names, old tables on our tab are deleted in the request that clears it, new ones added in the
//   request that writes their cells.
import type { HostPort } from "../port";
import type { ExcelRunner } from "./excelApi";
import { readUsedCells } from "./readSheet";
import { realExcelRun } from "./realExcel";
import { loadSettingsPart, saveSettingsPart } from "./settings";
import { listSheets } from "./sheetList";
import { writeAllPlans } from "./writePlans";

export type { ExcelRunner } from "./excelApi";
export { PAYLOAD_BUDGET } from "./payload";

/** The host port on Office.js; `run` is the host's Excel.run, or a fake in tests. */
export function createOfficeHost(run: ExcelRunner = realExcelRun): HostPort {
  return {
    listSheets: () => run(async (context) => (await listSheets(context)).map(({ name, marker, hidden }) => (marker ? { name, marker, hidden } : { name, hidden }))),
    readSheet: (name, onRows) => run((context) => readUsedCells(context, name, onRows)),
    loadSettings: () => run((context) => loadSettingsPart(context)),
    saveSettings: (doc) => run((context) => saveSettingsPart(context, doc)),
    writePlans: (plans) => run((context) => writeAllPlans(context, plans)),
    activate: (sheetName) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheetName).activate();
        await context.sync();
      }),
  };
}
