// The Office.js host adapter: with pictures.ts, the only code in Målkoll that calls Excel.run
// (both through realExcel.ts).
//
// Requirement set: ExcelApi 1.7 (put it in the manifest's <Requirements>). Per API:
//   1.7  WorksheetFreezePanes (freezeAt/freezeRows/freezeColumns/unfreeze), NamedItem.formula
//        (reading our tab marker), RangeFormat.useStandardWidth (resetting widths of a replaced tab)
//   1.6  Application.suspendApiCalculationUntilNextSync (no recalculation while writing)
//   1.5  Workbook.customXmlParts (the settings document, where the CLI finds it too)
//   1.4  Worksheet.names (sheet-scoped marker names), NamedItemCollection.add / getItemOrNullObject,
//        WorksheetCollection.getItemOrNullObject, Worksheet.getUsedRangeOrNullObject
//   1.3  TableCollection.add with a Range (a bare address string, 1.1, would land on the active sheet)
//   1.2  getUsedRange(valuesOnly), RangeFormat.columnWidth, Workbook.functions (DATE(1904,1,1) tells
//        a 1904 workbook: dateSystem.ts; Workbook.use1904DateSystem is in Office.js's preview only)
//   1.7  Charts: ChartSeriesCollection.add, ChartSeries.setValues/setXAxisValues/chartType/gapWidth,
//        ChartAxis.reversePlotOrder/visible, ChartAxes.getItem
//   1.1  Worksheet.tables, Table.name/style/delete, Workbook.names and NamedItemCollection.load;
//        Worksheet.charts, ChartCollection.add/load, Chart.delete/setPosition/width/height/title/
//        legend, ChartSeries.name, points.getItemAt, ChartFill.setSolidColor/clear, ChartAxis.minimum/maximum
// Used only where the host reports ExcelApi 1.8 (Office.context.requirements; Excel 2019, 365, web):
//   ChartAxis.numberFormat (without it the value axis takes the cells' format, "0.0%" for "0%"),
//   ChartAxis.position (the value axis at the bottom of reversed horizontal bars; without it at the
//   top), ChartSeries.axisGroup/overlap (the target line; without 1.8 there is none in Excel: the
//   stacked bar group that draws it must sit on the secondary axes).
// Excel 2016 and later (Windows, Mac), Excel on the web and on iPad all have 1.7.
//
// Sync budget (a test asserts it exactly):
//   listSheets 2 · readSheet 1 + chunks · loadSettings 1 (none stored) or 2 · saveSettings 2 ·
//   writePlans 2 + write requests (1 unless the payload exceeds the 4 MB budget) · activate 1.
//   The workbook's date system rides on readSheet's first sync and on writePlans' first.
//   A plan's tables and charts add no sync: the second writePlans sync also loads every tab's tables,
//   charts and the names; old tables and charts on our tab are deleted in the request that clears
//   it, new ones added in the request that writes their cells.
import type { HostPort } from "../port";
import type { ExcelRunner } from "./excelApi";
import { readUsedCells } from "./readSheet";
import { realApiSupport, realExcelRun } from "./realExcel";
import { loadSettingsPart, saveSettingsPart } from "./settings";
import { listSheets } from "./sheetList";
import { writeAllPlans, type ApiSupport } from "./writePlans";

export type { ExcelRunner } from "./excelApi";
export { PAYLOAD_BUDGET } from "./payload";

/**
 * The host port on Office.js; `run` is the host's Excel.run, or a fake in tests; `supports` tells
 * which ExcelApi sets beyond 1.7 the host has (charts use 1.8 where it is there).
 */
export function createOfficeHost(run: ExcelRunner = realExcelRun, supports: ApiSupport = realApiSupport): HostPort {
  return {
    listSheets: () =>
      run(async (context) =>
        (await listSheets(context)).map(({ name, marker, hidden }) => (marker ? { name, marker, hidden } : { name, hidden })),
      ),
    readSheet: (name, onRows) => run((context) => readUsedCells(context, name, onRows)),
    loadSettings: () => run((context) => loadSettingsPart(context)),
    saveSettings: (doc) => run((context) => saveSettingsPart(context, doc)),
    writePlans: (plans) => run((context) => writeAllPlans(context, plans, supports)),
    activate: (sheetName) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheetName).activate();
        await context.sync();
      }),
  };
}
