// The fake workbook's data: what Excel would hold, with Excel's rules for what a write does.
// The API proxies (api.ts) read and change it only while a request is being processed at sync().
import { DAYS_1900_TO_1904, serialFromYmd } from "../../../src/model/days";
import { FakeExcelError } from "./errors";

/** A stored cell value; an empty cell has none. Error values are stored as their text ("#N/A"). */
export type StoredValue = string | number | boolean;

export interface FontData {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB" */
  color?: string;
}

interface Row {
  values: (StoredValue | undefined)[];
  formats: (string | undefined)[];
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
const key = (r: number, c: number) => r * MAX_COLS + c;

/** A rectangle, 0-based inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface NameData {
  name: string;
  formula: string;
  visible: boolean;
}

/** An Excel table (ListObject) on a sheet. */
export interface TableData {
  id: string;
  name: string;
  /** Header row first; at least one data row. */
  rect: Rect;
  style: string;
  /** The column names, equal to the header cells' text. */
  columns: string[];
}

/** A series of a chart: where its data comes from, how it is drawn. */
export interface SeriesData {
  name: string;
  /** The chart type of this series (a combination chart mixes them). */
  chartType: string;
  axisGroup: "Primary" | "Secondary";
  /** The ranges, as "Sheet!A1:A5" addresses; the number of points is the values' cell count. */
  values: { sheet: SheetData; rect: Rect } | null;
  categories: { sheet: SheetData; rect: Rect } | null;
  /** "#RRGGBB", "none" (cleared), or unset (automatic). */
  fill?: string;
  line?: string;
  gapWidth?: number;
  overlap?: number;
  /** Per point index. */
  pointFills: Map<number, string>;
}

export interface AxisData {
  minimum?: number;
  maximum?: number;
  numberFormat?: string;
  reversePlotOrder: boolean;
  position: string;
  visible: boolean;
}

/** A chart on a sheet. */
export interface ChartData {
  id: string;
  name: string;
  type: string;
  title: string;
  /** `hidden`: the series indexes whose legend entries are hidden. */
  legend: { visible: boolean; position: string; hidden: Set<number> };
  top: number;
  left: number;
  width: number;
  height: number;
  series: SeriesData[];
  /** "Category/Primary", "Value/Secondary" … */
  axes: Map<string, AxisData>;
}

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);
const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/** Excel's 1900-system serial of a calendar date. */
export const serialOf = (y: number, m: number, d: number): number => serialFromYmd(y, m, d);

export class SheetData {
  private rows: (Row | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  readonly fills = new Map<number, string>();
  readonly fonts = new Map<number, FontData>();
  /** Points, per 0-based column; absent = standard width. */
  readonly columnWidths = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  /** Sheet-scoped defined names, by lower-cased name. */
  readonly names = new Map<string, NameData>();
  /** Excel tables on this sheet, in the order they were added. */
  readonly tables: TableData[] = [];
  /** Charts on this sheet, in the order they were added. */
  readonly charts: ChartData[] = [];
  /** Its workbook's date system (WorkbookData.date1904): a date typed as text becomes a serial of it. */
  in1904: () => boolean = () => false;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  private row(r: number, create: true): Row;
  private row(r: number, create: false): Row | undefined;
  private row(r: number, create: boolean): Row | undefined {
    let row = this.rows[r];
    if (!row && create) this.rows[r] = row = { values: [], formats: [] };
    return row;
  }

  value(r: number, c: number): StoredValue | undefined {
    return this.rows[r]?.values[c];
  }
  format(r: number, c: number): string {
    return this.rows[r]?.formats[c] ?? "General";
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas.get(key(r, c));
  }
  fill(r: number, c: number): string | undefined {
    return this.fills.get(key(r, c));
  }
  font(r: number, c: number): FontData | undefined {
    return this.fonts.get(key(r, c));
  }

  /** Seeding: a value as it is stored, no interpretation. */
  putRaw(r: number, c: number, value: StoredValue | undefined, format?: string, formula?: string): void {
    const row = this.row(r, true);
    row.values[c] = value;
    if (format !== undefined && format !== "General") row.formats[c] = format;
    if (formula !== undefined) this.formulas.set(key(r, c), formula);
  }

  setFormat(r: number, c: number, format: string): void {
    const row = this.row(r, true);
    row.formats[c] = format === "General" ? undefined : format;
  }

  /**
   * A value written through Range.values, interpreted as Excel does when text is typed: unless the
   * cell is formatted as Text ("@"), "=…", "@…" and non-numeric "+…"/"-…" become formulas (the fake
   * does not evaluate them: their value reads "#NAME?"), numbers and percentages numbers, valid ISO
   * dates date serials (with a date format), TRUE/FALSE booleans, "#N/A" and friends errors. null leaves
   * the cell unchanged and "" empties it, as in Office.js.
   */
  write(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    const k = key(r, c);
    this.formulas.delete(k);
    const row = this.row(r, true);
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new FakeExcelError("InvalidArgument", `Not a finite number: ${v}`);
      row.values[c] = v;
      return;
    }
    if (typeof v === "boolean") {
      row.values[c] = v;
      return;
    }
    if (typeof v !== "string")
      throw new FakeExcelError("InvalidArgument", `A cell value must be a string, number or boolean, not ${typeof v}.`);
    if (v === "") {
      row.values[c] = undefined;
      return;
    }
    if (row.formats[c] === "@") {
      row.values[c] = v;
      return;
    }
    const first = v[0];
    if (first === "=" || first === "@" || ((first === "+" || first === "-") && !NUMBER.test(v) && !PERCENT.test(v))) {
      this.formulas.set(k, first === "=" ? v : "=" + v);
      row.values[c] = "#NAME?";
      return;
    }
    if (NUMBER.test(v)) {
      row.values[c] = Number(v);
      return;
    }
    if (PERCENT.test(v)) {
      row.values[c] = Number(v.replace("%", "")) / 100;
      if (row.formats[c] === undefined) row.formats[c] = "0%";
      return;
    }
    const d = ISO_DATE.exec(v);
    if (d && new Date(Date.UTC(+d[1], +d[2] - 1, +d[3])).getUTCDate() === +d[3]) {
      row.values[c] = serialOf(+d[1], +d[2], +d[3]) - (this.in1904() ? DAYS_1900_TO_1904 : 0);
      if (row.formats[c] === undefined) row.formats[c] = "yyyy-mm-dd";
      return;
    }
    if (/^\s*(true|false)\s*$/i.test(v)) {
      row.values[c] = v.trim().toLowerCase() === "true";
      return;
    }
    row.values[c] = ERRORS.has(v.trim().toUpperCase()) ? v.trim().toUpperCase() : v;
  }

  clear(rect: Rect, what: "All" | "Formats" | "Contents"): void {
    const r1 = Math.min(rect.r1, this.rows.length - 1);
    for (let r = rect.r0; r <= r1; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const c1 = Math.min(rect.c1, Math.max(row.values.length, row.formats.length) - 1);
      for (let c = rect.c0; c <= c1; c++) {
        if (what !== "Formats") {
          row.values[c] = undefined;
          this.formulas.delete(key(r, c));
        }
        if (what !== "Contents") row.formats[c] = undefined;
      }
    }
    if (what !== "Contents") {
      for (const m of [this.fills, this.fonts] as Map<number, unknown>[]) {
        for (const k of [...m.keys()]) {
          const r = Math.floor(k / MAX_COLS);
          const c = k % MAX_COLS;
          if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) m.delete(k);
        }
      }
    }
  }

  setFill(rect: Rect, color: string): void {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) this.fills.set(key(r, c), color);
  }

  setFont(rect: Rect, prop: keyof FontData, value: unknown): void {
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const f = { ...(this.fonts.get(key(r, c)) ?? {}), [prop]: value };
        this.fonts.set(key(r, c), f);
      }
    }
  }

  /** The used range: cells with a value (valuesOnly), or also with a format, fill or font. Null when empty. */
  usedRange(valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    const see = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.values.forEach((v, c) => v !== undefined && see(r, c));
      if (!valuesOnly) row.formats.forEach((f, c) => f !== undefined && see(r, c));
    });
    if (!valuesOnly)
      for (const m of [this.fills, this.fonts] as Map<number, unknown>[])
        for (const k of m.keys()) see(Math.floor(k / MAX_COLS), k % MAX_COLS);
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Everything a user could see in the sheet, canonical (cells listed by position), for before/after comparisons. */
  snapshot(): unknown {
    const cells: [number, number, StoredValue | null, string | null][] = [];
    this.rows.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < Math.max(row.values.length, row.formats.length); c++) {
        if (row.values[c] !== undefined || row.formats[c] !== undefined) cells.push([r, c, row.values[c] ?? null, row.formats[c] ?? null]);
      }
    });
    const sorted = <V>(m: Map<number, V>) => [...m].sort((a, b) => a[0] - b[0]);
    return JSON.parse(
      JSON.stringify({
        name: this.name,
        visibility: this.visibility,
        cells,
        formulas: sorted(this.formulas),
        fills: sorted(this.fills),
        fonts: sorted(this.fonts),
        columnWidths: sorted(this.columnWidths),
        freeze: this.freeze,
        names: [...this.names.values()],
        // A table's id differs from run to run in Excel too; what a user sees is the rest.
        tables: this.tables.map(({ name, rect, style, columns }) => ({ name, rect, style, columns })),
      }),
    );
  }
}

export interface CustomXmlData {
  id: string;
  xml: string;
}

const overlaps = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const BUILT_IN_TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export class WorkbookData {
  readonly sheets: SheetData[] = [];
  /** Workbook-scoped defined names, by lower-cased name. */
  readonly names = new Map<string, NameData>();
  readonly customXml: CustomXmlData[] = [];
  /**
   * Excel for Mac's 1904 date system: every date in the cells is a 1904 serial (1,462 days smaller),
   * DATE() answers in it, and text typed as a date becomes one.
   */
  date1904 = false;
  activeSheetId: string | null = null;
  private nextId = 1;

  newId(): string {
    return `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
  }

  sheet(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Excel's rules for a new sheet name: 1–31 characters, none of \ / ? * : [ ], no leading or trailing ', unique ignoring case. */
  checkNewName(name: string, except?: SheetData): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[\\/?*:[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw new FakeExcelError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    const same = this.sheet(name);
    if (same && same !== except) throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  /** Every table in the workbook. */
  allTables(): { sheet: SheetData; table: TableData }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  /**
   * Excel's rules for a table name: a letter, "_" or "\" first, then letters, digits, "_", "." or "\";
   * at most 255 characters; not a cell reference ("A1", "R1C1", "R", "C"); unique in the workbook
   * ignoring case among tables and defined names of any scope.
   */
  checkTableName(name: string, except?: TableData): void {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 255 ||
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[Rr]\d*[Cc]?\d*$/.test(name) ||
      /^[Cc]\d*$/.test(name)
    ) {
      throw new FakeExcelError("InvalidArgument", `The table name "${name}" is not valid.`);
    }
    const lower = name.toLowerCase();
    const table = this.allTables().find(({ table: t }) => t !== except && t.name.toLowerCase() === lower);
    const definedName = this.names.has(lower) || this.sheets.some((s) => s.names.has(lower));
    if (table || definedName) throw new FakeExcelError("ItemAlreadyExists", `A table or name "${name}" already exists.`);
  }

  /**
   * TableCollection.add with headers, as Excel does it: fails over another table; the header cells'
   * text becomes the column names, an empty one "ColumnN" and a repeated one "Name2", written back
   * into the header cells as text; a header row alone gets an empty data row; named "TableN".
   */
  addTable(sheet: SheetData, rect: Rect, hasHeaders: boolean): TableData {
    if (!hasHeaders) throw new FakeExcelError("InvalidArgument", "This fake adds tables with headers only.");
    const r: Rect = { ...rect, r1: Math.max(rect.r1, rect.r0 + 1) };
    if (r.r1 >= MAX_ROWS) throw new FakeExcelError("InvalidArgument", "The table does not fit on the sheet.");
    if (sheet.tables.some((t) => overlaps(t.rect, r))) throw new FakeExcelError("InvalidArgument", "A table can't overlap another table.");
    const taken = new Set<string>();
    const columns: string[] = [];
    for (let c = r.c0; c <= r.c1; c++) {
      const v = sheet.value(r.r0, c);
      const base = v === undefined || String(v).trim() === "" ? `Column${c - r.c0 + 1}` : String(v);
      let name = base;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
      taken.add(name.toLowerCase());
      columns.push(name);
      if (v !== name) {
        sheet.formulas.delete(key(r.r0, c));
        sheet.putRaw(r.r0, c, name);
      }
    }
    let n = this.allTables().length + 1;
    while (this.allTables().some(({ table }) => table.name.toLowerCase() === `table${n}`)) n++;
    const table: TableData = { id: this.newId(), name: `Table${n}`, rect: r, style: "TableStyleMedium2", columns };
    sheet.tables.push(table);
    return table;
  }

  setTableStyle(table: TableData, style: string): void {
    if (!BUILT_IN_TABLE_STYLE.test(style)) throw new FakeExcelError("InvalidArgument", `"${style}" is not a table style in this workbook.`);
    table.style = style;
  }

  /** Table.delete: the table goes, and so does what its cells held (as ListObject.Delete). */
  deleteTable(table: TableData): void {
    for (const sheet of this.sheets) {
      const i = sheet.tables.indexOf(table);
      if (i < 0) continue;
      sheet.tables.splice(i, 1);
      sheet.clear(table.rect, "All");
      return;
    }
    throw new FakeExcelError("ItemNotFound", "The table was deleted.");
  }

  addSheet(name?: string): SheetData {
    let n = this.sheets.length + 1;
    while (name === undefined && this.sheet(`Sheet${n}`)) n++;
    const chosen = name ?? `Sheet${n}`;
    this.checkNewName(chosen);
    const s = new SheetData(this.newId(), chosen);
    s.in1904 = () => this.date1904;
    this.sheets.push(s);
    if (this.activeSheetId === null) this.activeSheetId = s.id;
    return s;
  }
}
