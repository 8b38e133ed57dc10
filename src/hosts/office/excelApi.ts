// The subset of the Excel JavaScript API the gateway uses, with the names and shapes of
// @types/office-js (realExcel.ts checks at compile time that the real Excel.run fits). The gateway
// is typed against this, so the strict in-memory fake in test/fakes/excel can stand in for Excel.
//
// Requirement sets per member are noted where they go beyond ExcelApi 1.1; index.ts sums them up.

/** A value that a method returns once the request has been synced (`getXml()` etc.). */
export interface ClientResult<T> {
  readonly value: T;
}

export interface ClientObject {
  /** Set by the sync after a `…OrNullObject` call; true when there was nothing to get. */
  readonly isNullObject: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  /** Sends every queued command and load as one request; loaded properties are readable afterwards. */
  sync(): Promise<unknown>;
}

export interface Application extends ClientObject {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
}

export interface Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  /** Workbook-scoped names (ExcelApi 1.1). */
  readonly names: NamedItemCollection;
  /** ExcelApi 1.5. */
  readonly customXmlParts: CustomXmlPartCollection;
  /** Excel's worksheet functions, computed by the host. ExcelApi 1.2. */
  readonly functions: Functions;
}

export interface Functions {
  /** DATE(year, month, day): the day's serial in the workbook's own date system. ExcelApi 1.2. */
  date(year: number, month: number, day: number): FunctionResult<number>;
}

/** A worksheet function's result: readable after load("value") and a sync. ExcelApi 1.2. */
export interface FunctionResult<T> {
  /** The result; not set when the function failed ("#NUM!"…, see `error`). */
  readonly value: T;
  readonly error: string;
  load(propertyNames?: string | string[]): FunctionResult<T>;
}

export interface WorksheetCollection extends ClientObject {
  readonly items: Worksheet[];
  load(propertyNames?: string | string[]): WorksheetCollection;
  add(name?: string): Worksheet;
  getItem(key: string): Worksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): Worksheet;
}

export interface Worksheet extends ClientObject {
  name: string;
  visibility: SheetVisibility;
  position: number;
  /** Names scoped to this sheet. ExcelApi 1.4. */
  readonly names: NamedItemCollection;
  /** ExcelApi 1.7. */
  readonly freezePanes: WorksheetFreezePanes;
  /** The sheet's tables (ListObjects). ExcelApi 1.1. */
  readonly tables: TableCollection;
  /** The sheet's charts. ExcelApi 1.1. */
  readonly charts: ChartCollection;
  load(propertyNames?: string | string[]): Worksheet;
  activate(): void;
  /** The whole sheet without an address. */
  getRange(address?: string): Range;
  /** ExcelApi 1.4 (valuesOnly: 1.2). A null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
}

export interface WorksheetFreezePanes {
  /** ExcelApi 1.7: freezes the rows above and columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: Range | string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  unfreeze(): void;
}

export interface Range extends ClientObject {
  /** e.g. "'Medicinsk bedömning'!B3:K200". */
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Raw values; writing a string that starts with "=" (or "+"/"-"/"@" …) makes a formula. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  values: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  numberFormat: any[][];
  readonly format: RangeFormat;
  load(propertyNames?: string | string[]): Range;
  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void;
}

export interface RangeFormat {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  /** Points (not characters). ExcelApi 1.2. */
  columnWidth: number;
  /** ExcelApi 1.7. */
  useStandardWidth: boolean;
}

export interface RangeFill {
  /** "#RRGGBB". */
  color: string;
}

export interface RangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface TableCollection {
  readonly items: Table[];
  load(propertyNames?: string | string[]): TableCollection;
  /**
   * A table over the range, its first row the header when `hasHeaders`: the header cells' text
   * become the column names (Excel renames empty and repeated ones in the cells). Fails when the
   * range overlaps another table. A Range needs ExcelApi 1.3; a string address without a sheet
   * name (1.1) would land on the active sheet, whichever collection it is called on.
   */
  add(address: Range | string, hasHeaders: boolean): Table;
}

export interface Table extends ClientObject {
  /** Unique in the workbook ignoring case, among tables and defined names. ExcelApi 1.1. */
  name: string;
  /** A built-in table style, e.g. "TableStyleLight9". ExcelApi 1.1. */
  style: string;
  load(propertyNames?: string | string[]): Table;
  /** Deletes the table and the cells' data. ExcelApi 1.1. */
  delete(): void;
  /** ExcelApi 1.1. */
  getRange(): Range;
}

export type ChartKind = "BarClustered" | "BarStacked" | "ColumnClustered" | "ColumnStacked" | "Pie" | "Line" | "LineMarkers";

export interface ChartCollection {
  readonly items: Chart[];
  load(propertyNames?: string | string[]): ChartCollection;
  /** A chart over the range, one series per column (seriesBy "Columns"). ExcelApi 1.1. */
  add(type: ChartKind, sourceData: Range, seriesBy?: "Auto" | "Columns" | "Rows"): Chart;
}

export interface Chart extends ClientObject {
  name: string;
  /** Points. ExcelApi 1.1. */
  top: number;
  left: number;
  width: number;
  height: number;
  readonly title: ChartTitle;
  readonly legend: ChartLegend;
  readonly axes: ChartAxes;
  readonly series: ChartSeriesCollection;
  load(propertyNames?: string | string[]): Chart;
  /** ExcelApi 1.1. */
  delete(): void;
  /** Top-left corner at the cell. ExcelApi 1.1. */
  setPosition(startCell: Range | string, endCell?: Range | string): void;
}

export interface ChartTitle {
  text: string;
  visible: boolean;
}

export interface ChartLegend {
  visible: boolean;
  position: "Top" | "Bottom" | "Left" | "Right" | "Corner" | "Custom" | "Invalid";
  /** ExcelApi 1.7. */
  readonly legendEntries: ChartLegendEntryCollection;
}

export interface ChartLegendEntryCollection {
  /** The entry at the index, in series order. ExcelApi 1.7. */
  getItemAt(index: number): ChartLegendEntry;
}

export interface ChartLegendEntry {
  /** ExcelApi 1.7. */
  visible: boolean;
}

export interface ChartAxes {
  readonly categoryAxis: ChartAxis;
  readonly valueAxis: ChartAxis;
  /** ExcelApi 1.7. */
  getItem(type: "Category" | "Value", group?: "Primary" | "Secondary"): ChartAxis;
}

export interface ChartAxis {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  minimum: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  maximum: any;
  /** ExcelApi 1.8. */
  numberFormat: string;
  /** Categories from the far end: the first at the top of horizontal bars. ExcelApi 1.7. */
  reversePlotOrder: boolean;
  /** Where the other axis crosses this one. ExcelApi 1.8. */
  position: "Automatic" | "Maximum" | "Minimum" | "Custom";
  /** ExcelApi 1.7. */
  visible: boolean;
}

export interface ChartSeriesCollection {
  /** ExcelApi 1.1. */
  getItemAt(index: number): ChartSeries;
  /** ExcelApi 1.7. */
  add(name?: string, index?: number): ChartSeries;
}

export interface ChartSeries {
  /** ExcelApi 1.1. */
  name: string;
  /** A ChartKind; Excel reads back any of its chart types. ExcelApi 1.7. */
  chartType: string;
  /** ExcelApi 1.8. */
  axisGroup: "Primary" | "Secondary";
  /** ExcelApi 1.7. */
  gapWidth: number;
  /** ExcelApi 1.8. */
  overlap: number;
  readonly format: ChartSeriesFormat;
  readonly points: ChartPointsCollection;
  /** ExcelApi 1.7. */
  setValues(sourceData: Range): void;
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: Range): void;
}

export interface ChartSeriesFormat {
  readonly fill: ChartFill;
  readonly line: ChartLineFormat;
}

export interface ChartFill {
  /** "#RRGGBB". ExcelApi 1.1. */
  setSolidColor(color: string): void;
  /** No fill. ExcelApi 1.1. */
  clear(): void;
}

export interface ChartLineFormat {
  /** "#RRGGBB". ExcelApi 1.1. */
  color: string;
}

export interface ChartPointsCollection {
  /** Throws when the index is past the series' last point. ExcelApi 1.1. */
  getItemAt(index: number): ChartPoint;
}

export interface ChartPoint {
  readonly format: { readonly fill: ChartFill };
}

export interface NamedItemCollection {
  readonly items: NamedItem[];
  /** ExcelApi 1.1 (`items/name`). */
  load(propertyNames?: string | string[]): NamedItemCollection;
  /** ExcelApi 1.4; `reference` may be a formula such as `="malkoll:careGuarantee"`. */
  add(name: string, reference: Range | string, comment?: string): NamedItem;
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): NamedItem;
}

export interface NamedItem extends ClientObject {
  readonly name: string;
  /** ExcelApi 1.7. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formula: any;
  visible: boolean;
  load(propertyNames?: string | string[]): NamedItem;
}

export interface CustomXmlPartCollection {
  add(xml: string): CustomXmlPart;
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection;
}

export interface CustomXmlPartScopedCollection {
  readonly items: CustomXmlPart[];
  load(propertyNames?: string | string[]): CustomXmlPartScopedCollection;
}

export interface CustomXmlPart extends ClientObject {
  readonly id: string;
  readonly namespaceUri: string;
  delete(): void;
  getXml(): ClientResult<string>;
}

/** `Excel.run`'s one-argument form, over this subset. */
export type ExcelRunner = <T>(batch: (context: RequestContext) => Promise<T>) => Promise<T>;

/** The few members pictures.ts uses (Range.getImage, Chart.getImage), so a fake can stand in for Excel in tests. */
export interface PictureContext {
  readonly workbook: { readonly worksheets: { getItem(name: string): PictureSheet } };
  sync(): Promise<unknown>;
}
export interface PictureSheet {
  /** ExcelApi 1.3. */
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): { getImage(): { readonly value: string } };
  readonly charts: {
    getItemAt(index: number): { getImage(width?: number, height?: number, fittingMode?: "Fit"): { readonly value: string } };
  };
}
export type PictureRunner = <T>(batch: (context: PictureContext) => Promise<T>) => Promise<T>;
