// A strict in-memory Excel behind the API subset of src/hosts/office/excelApi.ts, with Office.js's
// request semantics:
// - every call on a proxy is queued; nothing touches the workbook until context.sync();
// - a property can be read only after load() and a sync (else PropertyNotLoaded, as in Excel);
// - objects from getItem() are resolved at sync in queue order (ItemNotFound then), those from
//   …OrNullObject() report isNullObject after the sync;
// - each sync is one request: its size (JSON of the data sent) and its response's size (JSON of the
//   data loaded) are measured, and either over the limit (5 MB, as Excel on the web) fails the sync.
import type * as X from "../../../src/hosts/office/excelApi";
import { DAYS_1900_TO_1904 } from "../../../src/model/days";
import { FakeExcelError, propertyNotLoaded } from "./errors";
import {
  MAX_COLS,
  MAX_ROWS,
  type AxisData,
  type ChartData,
  type CustomXmlData,
  type FontData,
  type NameData,
  type Rect,
  type SeriesData,
  type SheetData,
  type TableData,
  WorkbookData,
  serialOf,
} from "./store";

/** What one sync sent and received. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Queued commands (loads, gets, sets, method calls). */
  commands: number;
  /** Commands that changed the workbook. */
  writes: number;
  calculationSuspended: boolean;
  /** Properties loaded, as "Class.property" (e.g. "FakeRange.values"). */
  loads: string[];
  failed: boolean;
}

interface Exec {
  responseBytes: number;
  writes: number;
  calculationSuspended: boolean;
  loads: string[];
  /** Applied only when the whole request succeeds: loaded values become readable. */
  commits: (() => void)[];
}

interface Command {
  bytes: number;
  run(exec: Exec): void;
}

/** Per-command overhead of a request (object path, method name) on top of its arguments. */
const COMMAND_BYTES = 40;
export const jsonSize = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");

export class FakeContext implements X.RequestContext {
  private queue: Command[] = [];
  closed = false;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this, () => excel.data);
    this.application = new FakeApplication(this, () => excel.data);
  }

  enqueue(bytes: number, run: (exec: Exec) => void): void {
    if (this.closed) throw new FakeExcelError("InvalidRequestContext", "The object was used after its Excel.run finished.");
    this.queue.push({ bytes: COMMAND_BYTES + bytes, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * A picture asked for (Range.getImage, Chart.getImage): base64 of "PNG " and what it shows,
   * settled at sync; where the platform has no pictures (`FakeExcel.pictures` false) the sync fails
   * as Excel's does.
   */
  image<T>(describe: (t: T) => string, target: () => T): X.ClientResult<string> {
    const result = new FakeClientResult<string>();
    this.enqueue(0, (exec) => {
      if (!this.excel.pictures)
        throw new FakeExcelError(
          "ApiNotFound",
          "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
        );
      const png = Buffer.from(`PNG ${describe(target())}`).toString("base64");
      exec.responseBytes += jsonSize(png);
      exec.loads.push("image");
      exec.commits.push(() => result.settle(png));
    });
    return result;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeExcelError("InvalidRequestContext", "context.sync() after Excel.run finished.");
    const commands = this.queue;
    this.queue = [];
    const exec: Exec = { responseBytes: 0, writes: 0, calculationSuspended: false, loads: [], commits: [] };
    const record: SyncRecord = {
      requestBytes: commands.reduce((n, c) => n + c.bytes, 0),
      responseBytes: 0,
      commands: commands.length,
      writes: 0,
      calculationSuspended: false,
      loads: exec.loads,
      failed: true,
    };
    this.excel.syncs.push(record);
    await Promise.resolve(); // a round trip: the caller's code runs on before the answer
    if (record.requestBytes > this.excel.limitBytes) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`,
      );
    }
    try {
      for (const c of commands) c.run(exec);
    } finally {
      record.writes = exec.writes;
      record.calculationSuspended = exec.calculationSuspended;
      record.responseBytes = exec.responseBytes;
    }
    if (exec.responseBytes > this.excel.limitBytes) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${exec.responseBytes} bytes) has exceeded the limit.`,
      );
    }
    for (const commit of exec.commits) commit();
    record.failed = false;
  }
}

/** The client side of one Excel object: queues commands, holds what was loaded. */
abstract class ClientProxy<T> {
  private bound: { target: T | null } | undefined;
  private nullKnown: boolean;
  private isNull = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    opts: { bound?: T; orNull?: boolean; what?: string } = {},
  ) {
    this.nullKnown = !opts.orNull;
    if (opts.bound !== undefined) this.bound = { target: opts.bound };
    else if (opts.what !== undefined) {
      // A method's result: resolved in queue order, at sync.
      const orNull = opts.orNull === true;
      ctx.enqueue(0, (exec) => {
        const t = this.resolver();
        if (t === null && !orNull) throw new FakeExcelError("ItemNotFound", `${opts.what} was not found.`);
        this.bound = { target: t };
        if (orNull) exec.commits.push(() => ((this.nullKnown = true), (this.isNull = t === null)));
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw propertyNotLoaded("isNullObject");
    return this.isNull;
  }

  /** The Excel object, while a request is processed. */
  protected target(): T {
    if (!this.bound) this.bound = { target: this.resolver() };
    if (this.bound.target === null) throw new FakeExcelError("InvalidObjectPath", "The object is a null object; it cannot be used.");
    return this.bound.target;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Scalar properties load() accepts, and how to read each from the Excel object. */
  protected abstract readonly readers: Record<string, (t: T) => unknown>;

  protected queueLoad(names?: string | string[]): void {
    const props = parseProps(names, Object.keys(this.readers), this.constructor.name);
    this.ctx.enqueue(jsonSize(props), (exec) => {
      if (this.bound?.target === null || (this.bound === undefined && this.resolver() === null)) return; // a null object loads nothing
      const t = this.target();
      const snap: Record<string, unknown> = {};
      for (const p of props) snap[p] = this.readers[p](t);
      exec.responseBytes += jsonSize(snap);
      exec.loads.push(...props.map((p) => `${this.constructor.name}.${p}`));
      exec.commits.push(() => {
        for (const p of props) this.loaded.set(p, snap[p]);
      });
    });
  }

  protected queueSet(name: string, value: unknown, apply: (t: T) => void): void {
    this.ctx.enqueue(jsonSize({ [name]: value }), (exec) => {
      apply(this.target());
      exec.writes++;
    });
  }

  protected queueCall(name: string, args: unknown[], apply: (t: T) => void, write = true): void {
    this.ctx.enqueue(jsonSize({ [name]: args }), (exec) => {
      apply(this.target());
      if (write) exec.writes++;
    });
  }
}

function parseProps(names: string | string[] | undefined, allowed: string[], what: string): string[] {
  const list = names === undefined ? allowed : (Array.isArray(names) ? names : names.split(",")).map((s) => s.trim()).filter(Boolean);
  for (const p of list)
    if (!allowed.includes(p)) throw new FakeExcelError("InvalidArgument", `${what} has no loadable property '${p}' in this fake.`);
  return list;
}

/** "items/name,items/visibility" → ["name", "visibility"]; "items" → every scalar property. */
function parseItemProps(names: string | string[] | undefined, allowed: string[], what: string): string[] {
  const list = names === undefined ? ["items"] : (Array.isArray(names) ? names : names.split(",")).map((s) => s.trim()).filter(Boolean);
  const props: string[] = [];
  for (const p of list) {
    if (p === "items") props.push(...allowed);
    else if (p.startsWith("items/")) props.push(p.slice(6));
    else throw new FakeExcelError("InvalidArgument", `${what}.load: use "items/<property>", not '${p}'.`);
  }
  return parseProps([...new Set(props)], allowed, what);
}

// ---------------------------------------------------------------------------------------------------
// Workbook, application

export class FakeApplication extends ClientProxy<WorkbookData> implements X.Application {
  protected readonly readers = {};
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(0, (exec) => {
      exec.calculationSuspended = true;
    });
  }
}

export class FakeWorkbook extends ClientProxy<WorkbookData> implements X.Workbook {
  protected readonly readers = {};
  get functions(): FakeFunctions {
    return new FakeFunctions(this.ctx, () => this.target());
  }
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.ctx, () => this.target());
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.ctx, () => this.target());
  }
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.ctx, () => this.target());
  }
}

/** What a worksheet function computed: its value, or the error Excel gives instead. */
interface FunctionValue {
  value: number | null;
  error: string | null;
}

/** Excel's worksheet functions (ExcelApi 1.2), computed at sync; only those the gateway uses. */
export class FakeFunctions extends ClientProxy<WorkbookData> implements X.Functions {
  protected readonly readers = {};
  /** DATE(year, month, day) in the workbook's date system: #NUM! before its first day, as in Excel. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, () => {
      if (![year, month, day].every(Number.isInteger)) return { value: null, error: "#VALUE!" };
      const serial = serialOf(year, month, day) - (this.target().date1904 ? DAYS_1900_TO_1904 : 0);
      return serial < 0 ? { value: null, error: "#NUM!" } : { value: serial, error: null };
    });
  }
}

const FUNCTION_READERS: Record<string, (r: FunctionValue) => unknown> = { value: (r) => r.value, error: (r) => r.error };

export class FakeFunctionResult extends ClientProxy<FunctionValue> implements X.FunctionResult<number> {
  protected readonly readers = FUNCTION_READERS;
  get value(): number {
    return this.prop("value");
  }
  get error(): string {
    return this.prop("error");
  }
  load(names?: string | string[]): FakeFunctionResult {
    this.queueLoad(names);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheets

const SHEET_READERS: Record<string, (s: SheetData) => unknown> = {
  id: (s) => s.id,
  name: (s) => s.name,
  visibility: (s) => s.visibility,
};

export class FakeWorksheetCollection extends ClientProxy<WorkbookData> implements X.WorksheetCollection {
  protected readonly readers = {};
  get items(): FakeWorksheet[] {
    return this.prop<FakeWorksheet[]>("items");
  }
  load(names?: string | string[]): FakeWorksheetCollection {
    const props = parseItemProps(names, [...Object.keys(SHEET_READERS), "position"], "WorksheetCollection");
    this.ctx.enqueue(jsonSize(props), (exec) => {
      const wb = this.target();
      const snaps = wb.sheets.map((s, i) => Object.fromEntries(props.map((p) => [p, p === "position" ? i : SHEET_READERS[p](s)])));
      exec.responseBytes += jsonSize(snaps);
      exec.loads.push(...props.map((p) => `FakeWorksheet.${p}`));
      const sheets = [...wb.sheets];
      exec.commits.push(() =>
        this.loaded.set(
          "items",
          sheets.map((s, i) => FakeWorksheet.loadedFrom(this.ctx, s, snaps[i])),
        ),
      );
    });
    return this;
  }
  add(name?: string): FakeWorksheet {
    const holder: { sheet?: SheetData } = {};
    this.queueCall("add", [name], (wb) => (holder.sheet = wb.addSheet(name)));
    return new FakeWorksheet(this.ctx, () => holder.sheet ?? null, { what: "The new worksheet" });
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet(key) ?? this.target().sheets.find((s) => s.id === key) ?? null, {
      what: `The worksheet "${key}"`,
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet(key) ?? this.target().sheets.find((s) => s.id === key) ?? null, {
      what: `The worksheet "${key}"`,
      orNull: true,
    });
  }
}

export class FakeWorksheet extends ClientProxy<SheetData> implements X.Worksheet {
  protected readonly readers = { ...SHEET_READERS, position: (s: SheetData) => this.ctx.excel.data.sheets.indexOf(s) };

  static loadedFrom(ctx: FakeContext, sheet: SheetData, snap: Record<string, unknown>): FakeWorksheet {
    const w = new FakeWorksheet(ctx, () => sheet, { bound: sheet });
    for (const [k, v] of Object.entries(snap)) w.loaded.set(k, v);
    return w;
  }

  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, (s) => {
      this.ctx.excel.data.checkNewName(v, s);
      s.name = v;
    });
  }
  get visibility(): X.SheetVisibility {
    return this.prop("visibility");
  }
  set visibility(v: X.SheetVisibility) {
    this.queueSet("visibility", v, (s) => (s.visibility = v));
  }
  get position(): number {
    return this.prop("position");
  }
  set position(v: number) {
    this.queueSet("position", v, (s) => {
      const list = this.ctx.excel.data.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
    });
  }
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.ctx, () => this.target());
  }
  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.ctx, () => this.target());
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, () => this.target());
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, () => this.target());
  }
  load(names?: string | string[]): FakeWorksheet {
    this.queueLoad(names);
    return this;
  }
  activate(): void {
    this.queueCall(
      "activate",
      [],
      (s) => {
        if (s.visibility !== "Visible") throw new FakeExcelError("InvalidOperation", "A hidden sheet cannot be activated.");
        this.ctx.excel.data.activeSheetId = s.id;
      },
      false,
    );
  }
  delete(): void {
    this.queueCall("delete", [], (s) => {
      const data = this.ctx.excel.data;
      if (data.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      data.sheets.splice(data.sheets.indexOf(s), 1);
    });
  }
  getRange(address?: string): FakeRange {
    const rect = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseAddress(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), rect }));
  }
  /** ExcelApi 1.3. */
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    const ok =
      [row, column, rowCount, columnCount].every(Number.isInteger) &&
      row >= 0 &&
      column >= 0 &&
      rowCount > 0 &&
      columnCount > 0 &&
      row + rowCount <= MAX_ROWS &&
      column + columnCount <= MAX_COLS;
    if (!ok)
      throw new FakeExcelError(
        "InvalidArgument",
        `getRangeByIndexes(${row}, ${column}, ${rowCount}, ${columnCount}) is outside the sheet.`,
      );
    const rect = { r0: row, c0: column, r1: row + rowCount - 1, c1: column + columnCount - 1 };
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), rect }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRange(valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      { what: "The used range", orNull: true },
    );
  }
}

export class FakeFreezePanes extends ClientProxy<SheetData> implements X.WorksheetFreezePanes {
  protected readonly readers = {};
  freezeAt(frozenRange: X.Range | string): void {
    const rect = typeof frozenRange === "string" ? parseAddress(frozenRange) : null;
    this.queueCall("freezeAt", [typeof frozenRange === "string" ? frozenRange : "<range>"], (s) => {
      const r = rect ?? (frozenRange as FakeRange).rectAtSync();
      s.freeze = { rows: r.r1 + 1, columns: r.c1 + 1 };
    });
  }
  freezeRows(count = 1): void {
    this.queueCall("freezeRows", [count], (s) => (s.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.queueCall("freezeColumns", [count], (s) => (s.freeze = { rows: 0, columns: count }));
  }
  unfreeze(): void {
    this.queueCall("unfreeze", [], (s) => (s.freeze = null));
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: SheetData;
  rect: Rect;
}

const LETTERS = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B3", "A1:C9", "A:C", "2:5" (no sheet part) → a rectangle. */
export function parseAddress(address: string): Rect {
  if (address.includes("!")) throw new FakeExcelError("InvalidArgument", `This fake takes addresses without a sheet: "${address}"`);
  const [a, b = a] = address.split(":");
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d+)$/;
  let rect: Rect;
  if (cols.test(a) && cols.test(b)) rect = { r0: 0, r1: MAX_ROWS - 1, c0: colIndex(cols.exec(a)![1]), c1: colIndex(cols.exec(b)![1]) };
  else if (rows.test(a) && rows.test(b)) rect = { r0: +rows.exec(a)![1] - 1, r1: +rows.exec(b)![1] - 1, c0: 0, c1: MAX_COLS - 1 };
  else {
    const m1 = LETTERS.exec(a);
    const m2 = LETTERS.exec(b);
    if (!m1 || !m2) throw new FakeExcelError("InvalidArgument", `Not an address: "${address}"`);
    rect = { r0: +m1[2] - 1, c0: colIndex(m1[1]), r1: +m2[2] - 1, c1: colIndex(m2[1]) };
  }
  const norm = {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (norm.r0 < 0 || norm.c0 < 0 || norm.r1 >= MAX_ROWS || norm.c1 >= MAX_COLS)
    throw new FakeExcelError("InvalidArgument", `Outside the sheet: "${address}"`);
  return norm;
}

/** Excel's address text: the sheet name quoted when it is not a plain word. */
export function addressOf(t: RangeTarget): string {
  const n = t.sheet.name;
  const sheet = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n) ? n : `'${n.replace(/'/g, "''")}'`;
  const { r0, c0, r1, c1 } = t.rect;
  const a = `${colLetters(c0)}${r0 + 1}`;
  return `${sheet}!${r0 === r1 && c0 === c1 ? a : `${a}:${colLetters(c1)}${r1 + 1}`}`;
}

const MAX_LOAD_CELLS = 5_000_000;
function cellsOf(t: RangeTarget, read: (s: SheetData, r: number, c: number) => unknown): unknown[][] {
  const { r0, c0, r1, c1 } = t.rect;
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_LOAD_CELLS) throw new FakeExcelError("GeneralException", "The range is too large to load.");
  const out: unknown[][] = new Array(r1 - r0 + 1);
  for (let r = r0; r <= r1; r++) {
    const row = new Array(c1 - c0 + 1);
    for (let c = c0; c <= c1; c++) row[c - c0] = read(t.sheet, r, c);
    out[r - r0] = row;
  }
  return out;
}

/** A 2D array must have exactly the range's shape (Office.js rejects anything else). */
function checkShape(t: RangeTarget, v: unknown, what: string): unknown[][] {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  if (!Array.isArray(v) || v.length !== rows || !v.every((row) => Array.isArray(row) && row.length === cols)) {
    throw new FakeExcelError("InvalidArgument", `${what}: the input array does not match the size of the range (${rows}×${cols}).`);
  }
  return v as unknown[][];
}

const RANGE_READERS: Record<string, (t: RangeTarget) => unknown> = {
  address: addressOf,
  rowCount: (t) => t.rect.r1 - t.rect.r0 + 1,
  columnCount: (t) => t.rect.c1 - t.rect.c0 + 1,
  values: (t) => cellsOf(t, (s, r, c) => s.value(r, c) ?? ""),
  numberFormat: (t) => cellsOf(t, (s, r, c) => s.format(r, c)),
  formulas: (t) => cellsOf(t, (s, r, c) => s.formula(r, c) ?? s.value(r, c) ?? ""),
};

export class FakeRange extends ClientProxy<RangeTarget> implements X.Range {
  protected readonly readers = RANGE_READERS;
  /** ExcelApi 1.7: a PNG of the range, base64 (here a stand-in naming the range). */
  getImage(): X.ClientResult<string> {
    return this.ctx.image(
      (t) => `range ${addressOf(t)}`,
      () => this.target(),
    );
  }
  rectAtSync(): Rect {
    return this.target().rect;
  }
  targetAtSync(): RangeTarget {
    return this.target();
  }
  get address(): string {
    return this.prop("address");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    this.queueSet("values", v, (t) => {
      const rows = checkShape(t, v, "values");
      rows.forEach((row, i) => row.forEach((x, j) => t.sheet.write(t.rect.r0 + i, t.rect.c0 + j, x)));
    });
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.queueSet("numberFormat", v, (t) => {
      const rows = checkShape(t, v, "numberFormat");
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null || x === undefined) return;
          if (typeof x !== "string") throw new FakeExcelError("InvalidArgument", "A number format must be a string.");
          t.sheet.setFormat(t.rect.r0 + i, t.rect.c0 + j, x);
        }),
      );
    });
  }
  /** Not in the gateway's subset: for tests that look at what Excel holds. */
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, () => this.target());
  }
  load(names?: string | string[]): FakeRange {
    this.queueLoad(names);
    return this;
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.queueCall("clear", [applyTo], (t) => {
      if (applyTo === "All" || applyTo === "Formats" || applyTo === "Contents") t.sheet.clear(t.rect, applyTo);
    });
  }
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;

export class FakeRangeFormat extends ClientProxy<RangeTarget> implements X.RangeFormat {
  protected readonly readers = {};
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.ctx, () => this.target());
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.ctx, () => this.target());
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, (t) => {
      if (!(points >= 0)) throw new FakeExcelError("InvalidArgument", `Column width ${points}`);
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get useStandardWidth(): boolean {
    return this.prop("useStandardWidth");
  }
  set useStandardWidth(v: boolean) {
    this.queueSet("useStandardWidth", v, (t) => {
      if (!v) return;
      if (t.rect.c0 === 0 && t.rect.c1 === MAX_COLS - 1) t.sheet.columnWidths.clear();
      else for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.delete(c);
    });
  }
}

export class FakeRangeFill extends ClientProxy<RangeTarget> implements X.RangeFill {
  protected readonly readers = {};
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.queueSet("color", v, (t) => {
      if (!COLOR.test(v)) throw new FakeExcelError("InvalidArgument", `This fake takes "#RRGGBB" colours, not "${v}".`);
      t.sheet.setFill(t.rect, v.toUpperCase());
    });
  }
}

export class FakeRangeFont extends ClientProxy<RangeTarget> implements X.RangeFont {
  protected readonly readers = {};
  private setFont(prop: keyof FontData, v: unknown): void {
    this.queueSet(prop, v, (t) => {
      if (prop === "color" && !(typeof v === "string" && COLOR.test(v))) throw new FakeExcelError("InvalidArgument", `Font colour "${v}"`);
      t.sheet.setFont(t.rect, prop, prop === "color" ? (v as string).toUpperCase() : v);
    });
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(v: boolean) {
    this.setFont("bold", v);
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(v: boolean) {
    this.setFont("italic", v);
  }
  get size(): number {
    return this.prop("size");
  }
  set size(v: number) {
    this.setFont("size", v);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.setFont("color", v);
  }
}

// ---------------------------------------------------------------------------------------------------
// Names

/** A sheet's names or the workbook's: both hold them by lower-cased name. */
type NameScope = { names: Map<string, NameData> };
const NAME_READERS: Record<string, (n: NameData) => unknown> = {
  name: (n) => n.name,
  formula: (n) => n.formula,
  visible: (n) => n.visible,
};

export class FakeNamedItemCollection extends ClientProxy<NameScope> implements X.NamedItemCollection {
  protected readonly readers = {};
  get items(): FakeNamedItem[] {
    return this.prop("items");
  }
  load(names?: string | string[]): FakeNamedItemCollection {
    const props = parseItemProps(names, Object.keys(NAME_READERS), "NamedItemCollection");
    this.ctx.enqueue(jsonSize(props), (exec) => {
      const items = [...this.target().names.values()];
      const snaps = items.map((n) => Object.fromEntries(props.map((k) => [k, NAME_READERS[k](n)])));
      exec.responseBytes += jsonSize(snaps);
      exec.loads.push(...props.map((p) => `FakeNamedItem.${p}`));
      exec.commits.push(() =>
        this.loaded.set(
          "items",
          items.map((n, i) => FakeNamedItem.loadedFrom(this.ctx, n, snaps[i])),
        ),
      );
    });
    return this;
  }
  add(name: string, reference: X.Range | string, comment?: string): FakeNamedItem {
    const holder: { item?: NameData } = {};
    const formula = typeof reference === "string" ? reference : null;
    this.queueCall("add", [name, formula ?? "<range>", comment], (s) => {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) throw new FakeExcelError("InvalidArgument", `Not a valid name: "${name}"`);
      if (s.names.has(name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `The name "${name}" already exists in this scope.`);
      if (this.ctx.excel.data.allTables().some(({ table }) => table.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `A table is named "${name}".`);
      const f = formula ?? `=${addressOf((reference as FakeRange).targetAtSync())}`;
      holder.item = { name, formula: f.startsWith("=") ? f : `=${f}`, visible: true };
      s.names.set(name.toLowerCase(), holder.item);
    });
    return new FakeNamedItem(this.ctx, () => holder.item ?? null, { what: "The new name" });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.target().names.get(name.toLowerCase()) ?? null, {
      what: `The name "${name}"`,
      orNull: true,
    });
  }
}

export class FakeNamedItem extends ClientProxy<NameData> implements X.NamedItem {
  protected readonly readers = NAME_READERS;
  static loadedFrom(ctx: FakeContext, item: NameData, snap: Record<string, unknown>): FakeNamedItem {
    const n = new FakeNamedItem(ctx, () => item, { bound: item });
    for (const [k, v] of Object.entries(snap)) n.loaded.set(k, v);
    return n;
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.queueSet("formula", v, (n) => (n.formula = v));
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(v: boolean) {
    this.queueSet("visible", v, (n) => (n.visible = v));
  }
  load(names?: string | string[]): FakeNamedItem {
    this.queueLoad(names);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Tables

const TABLE_READERS: Record<string, (t: TableData) => unknown> = { id: (t) => t.id, name: (t) => t.name, style: (t) => t.style };

export class FakeTableCollection extends ClientProxy<SheetData> implements X.TableCollection {
  protected readonly readers = {};
  get items(): FakeTable[] {
    return this.prop("items");
  }
  load(names?: string | string[]): FakeTableCollection {
    const props = parseItemProps(names, Object.keys(TABLE_READERS), "TableCollection");
    this.ctx.enqueue(jsonSize(props), (exec) => {
      const tables = [...this.target().tables];
      const snaps = tables.map((t) => Object.fromEntries(props.map((k) => [k, TABLE_READERS[k](t)])));
      exec.responseBytes += jsonSize(snaps);
      exec.loads.push(...props.map((p) => `FakeTable.${p}`));
      exec.commits.push(() =>
        this.loaded.set(
          "items",
          tables.map((t, i) => FakeTable.loadedFrom(this.ctx, t, snaps[i])),
        ),
      );
    });
    return this;
  }
  /**
   * A Range puts the table on the range's sheet; a string address names its sheet ("Blad1!A1:C3")
   * or, as in Excel, means the active sheet, whichever sheet's collection it is called on.
   */
  add(address: X.Range | string, hasHeaders: boolean): FakeTable {
    const holder: { table?: TableData } = {};
    this.queueCall("add", [typeof address === "string" ? address : "<range>", hasHeaders], () => {
      const data = this.ctx.excel.data;
      let sheet: SheetData | undefined;
      let rect: Rect;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        const sheetName =
          bang < 0
            ? null
            : address
                .slice(0, bang)
                .replace(/^'(.*)'$/, "$1")
                .replace(/''/g, "'");
        sheet = sheetName === null ? data.sheets.find((x) => x.id === data.activeSheetId) : data.sheet(sheetName);
        if (!sheet) throw new FakeExcelError("ItemNotFound", `No sheet for the address "${address}".`);
        rect = parseAddress(address.slice(bang + 1));
      } else {
        const t = (address as FakeRange).targetAtSync();
        sheet = t.sheet;
        rect = t.rect;
      }
      if (rect.r1 - rect.r0 + 1 >= MAX_ROWS || rect.c1 - rect.c0 + 1 >= MAX_COLS)
        throw new FakeExcelError("InvalidArgument", "A table can't cover whole rows or columns in this fake.");
      holder.table = data.addTable(sheet, rect, hasHeaders);
    });
    return new FakeTable(this.ctx, () => holder.table ?? null, { what: "The new table" });
  }
}

export class FakeTable extends ClientProxy<TableData> implements X.Table {
  protected readonly readers = TABLE_READERS;
  static loadedFrom(ctx: FakeContext, table: TableData, snap: Record<string, unknown>): FakeTable {
    const t = new FakeTable(ctx, () => table, { bound: table });
    for (const [k, v] of Object.entries(snap)) t.loaded.set(k, v);
    return t;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, (t) => {
      this.ctx.excel.data.checkTableName(v, t);
      t.name = v;
    });
  }
  get style(): string {
    return this.prop("style");
  }
  set style(v: string) {
    this.queueSet("style", v, (t) => this.ctx.excel.data.setTableStyle(t, v));
  }
  load(names?: string | string[]): FakeTable {
    this.queueLoad(names);
    return this;
  }
  delete(): void {
    this.queueCall("delete", [], (t) => this.ctx.excel.data.deleteTable(t));
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const table = this.target();
      const sheet = this.ctx.excel.data.sheets.find((s) => s.tables.includes(table));
      if (!sheet) throw new FakeExcelError("ItemNotFound", "The table was deleted.");
      return { sheet, rect: table.rect };
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Charts
//
// Excel's rules as far as the gateway meets them: a chart is added over a range of its sheet, one
// series per column (the first column's text cells, when the rest are numbers, become categories);
// series added later have no data until setValues; a series has as many points as its values have
// cells and points.getItemAt past the last throws; colours are "#RRGGBB"; axis bounds are numbers
// with minimum < maximum; a series moved to the secondary axis group brings that group's axes.

const CHART_TYPES = new Set(["BarClustered", "BarStacked", "ColumnClustered", "ColumnStacked", "Pie", "Line", "LineMarkers"]);
const CHART_READERS: Record<string, (c: ChartData) => unknown> = {
  name: (c) => c.name,
  top: (c) => c.top,
  left: (c) => c.left,
  width: (c) => c.width,
  height: (c) => c.height,
};

/** A range's cells as one list: a chart's series and categories are one column or one row. */
function lineOf(t: RangeTarget, what: string): RangeTarget {
  if (t.rect.r0 !== t.rect.r1 && t.rect.c0 !== t.rect.c1)
    throw new FakeExcelError("InvalidArgument", `${what}: a series takes one row or one column.`);
  return t;
}
const cellCount = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

function checkColor(v: string): string {
  if (!COLOR.test(v)) throw new FakeExcelError("InvalidArgument", `This fake takes "#RRGGBB" colours, not "${v}".`);
  return v.toUpperCase();
}

export class FakeChartCollection extends ClientProxy<SheetData> implements X.ChartCollection {
  protected readonly readers = {};
  get items(): FakeChart[] {
    return this.prop("items");
  }
  load(names?: string | string[]): FakeChartCollection {
    const props = parseItemProps(names, Object.keys(CHART_READERS), "ChartCollection");
    this.ctx.enqueue(jsonSize(props), (exec) => {
      const charts = [...this.target().charts];
      const snaps = charts.map((c) => Object.fromEntries(props.map((k) => [k, CHART_READERS[k](c)])));
      exec.responseBytes += jsonSize(snaps);
      exec.loads.push(...props.map((p) => `FakeChart.${p}`));
      exec.commits.push(() =>
        this.loaded.set(
          "items",
          charts.map((c, i) => FakeChart.loadedFrom(this.ctx, c, snaps[i])),
        ),
      );
    });
    return this;
  }
  /** ExcelApi 1.1: the chart at the index, in the order the charts were added; past the last one the sync fails. */
  getItemAt(index: number): FakeChart {
    return new FakeChart(this.ctx, () => this.target().charts[index] ?? null, { what: `The chart at index ${index}` });
  }
  add(type: X.ChartKind, sourceData: X.Range, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChart {
    const holder: { chart?: ChartData } = {};
    this.queueCall("add", [type, "<range>", seriesBy], (sheet) => {
      if (!CHART_TYPES.has(type)) throw new FakeExcelError("InvalidArgument", `Chart type "${type}" is not in this fake.`);
      if (seriesBy !== "Columns") throw new FakeExcelError("InvalidArgument", 'This fake adds charts with seriesBy "Columns" only.');
      const t = (sourceData as FakeRange).targetAtSync();
      if (t.sheet !== sheet) throw new FakeExcelError("InvalidArgument", "This fake adds a chart over a range of its own sheet.");
      if (cellCount(t.rect) > 1_000_000) throw new FakeExcelError("InvalidArgument", "The source range is too large for a chart.");
      // The first column holds categories when it is text beside numbers (as Excel guesses).
      const { r0, r1, c0, c1 } = t.rect;
      const textFirst =
        c1 > c0 && Array.from({ length: r1 - r0 + 1 }, (_, i) => t.sheet.value(r0 + i, c0)).some((v) => typeof v === "string");
      const firstSeries = textFirst ? c0 + 1 : c0;
      const categories = textFirst ? { sheet: t.sheet, rect: { r0, r1, c0, c1: c0 } } : null;
      const series: SeriesData[] = [];
      for (let c = firstSeries; c <= c1; c++) {
        series.push({
          name: `Series${series.length + 1}`,
          chartType: type,
          axisGroup: "Primary",
          values: { sheet: t.sheet, rect: { r0, r1, c0: c, c1: c } },
          categories,
          pointFills: new Map(),
        });
      }
      const chart: ChartData = {
        id: this.ctx.excel.data.newId(),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        legend: { visible: true, position: "Right", hidden: new Set() },
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        series,
        axes: new Map(
          type === "Pie"
            ? []
            : [
                ["Category/Primary", { reversePlotOrder: false, position: "Automatic", visible: true }],
                ["Value/Primary", { reversePlotOrder: false, position: "Automatic", visible: true }],
              ],
        ),
      };
      sheet.charts.push(chart);
      holder.chart = chart;
    });
    return new FakeChart(this.ctx, () => holder.chart ?? null, { what: "The new chart" });
  }
}

export class FakeChart extends ClientProxy<ChartData> implements X.Chart {
  protected readonly readers = CHART_READERS;
  static loadedFrom(ctx: FakeContext, chart: ChartData, snap: Record<string, unknown>): FakeChart {
    const c = new FakeChart(ctx, () => chart, { bound: chart });
    for (const [k, v] of Object.entries(snap)) c.loaded.set(k, v);
    return c;
  }
  private setPoints(name: "top" | "left" | "width" | "height", v: number): void {
    this.queueSet(name, v, (c) => {
      if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) throw new FakeExcelError("InvalidArgument", `Chart ${name} ${v}`);
      c[name] = v;
    });
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, (c) => (c.name = v));
  }
  get top(): number {
    return this.prop("top");
  }
  set top(v: number) {
    this.setPoints("top", v);
  }
  get left(): number {
    return this.prop("left");
  }
  set left(v: number) {
    this.setPoints("left", v);
  }
  get width(): number {
    return this.prop("width");
  }
  set width(v: number) {
    this.setPoints("width", v);
  }
  get height(): number {
    return this.prop("height");
  }
  set height(v: number) {
    this.setPoints("height", v);
  }
  /** ExcelApi 1.2: a PNG of the chart, base64 (here a stand-in naming the chart). */
  getImage(width?: number, height?: number, fittingMode?: "Fit" | "FitAndCenter" | "Fill"): X.ClientResult<string> {
    void [width, height, fittingMode];
    return this.ctx.image(
      (c) => `chart ${c.title}`,
      () => this.target(),
    );
  }
  get title(): X.ChartTitle {
    const resolve = () => this.target();
    const queueSet = (name: string, v: unknown, apply: (c: ChartData) => void) => this.queueSet(`title.${name}`, v, apply);
    return {
      get text(): string {
        throw propertyNotLoaded("text");
      },
      set text(v: string) {
        queueSet("text", v, (c) => (c.title = v));
      },
      get visible(): boolean {
        throw propertyNotLoaded("visible");
      },
      set visible(v: boolean) {
        queueSet("visible", v, (c) => !v && (c.title = ""));
        void resolve;
      },
    };
  }
  get legend(): X.ChartLegend {
    const queueSet = (name: string, v: unknown, apply: (c: ChartData) => void) => this.queueSet(`legend.${name}`, v, apply);
    return {
      get visible(): boolean {
        throw propertyNotLoaded("visible");
      },
      set visible(v: boolean) {
        queueSet("visible", v, (c) => (c.legend.visible = v));
      },
      get position(): X.ChartLegend["position"] {
        throw propertyNotLoaded("position");
      },
      set position(v: X.ChartLegend["position"]) {
        queueSet("position", v, (c) => (c.legend.position = v));
      },
      legendEntries: {
        getItemAt: (index: number) => ({
          get visible(): boolean {
            throw propertyNotLoaded("visible");
          },
          set visible(v: boolean) {
            queueSet(`legendEntries.${index}.visible`, v, (c) => {
              // As in Excel: an entry exists per series; past the last one the call fails.
              if (!Number.isInteger(index) || index < 0 || index >= c.series.length)
                throw new FakeExcelError("InvalidArgument", `The legend has no entry at index ${index}.`);
              if (v) c.legend.hidden.delete(index);
              else c.legend.hidden.add(index);
            });
          },
        }),
      },
    };
  }
  get axes(): X.ChartAxes {
    const axis = (type: "Category" | "Value", group: "Primary" | "Secondary") =>
      new FakeChartAxis(this.ctx, () => {
        const a = this.target().axes.get(`${type}/${group}`);
        if (!a) throw new FakeExcelError("ItemNotFound", `The chart has no ${group.toLowerCase()} ${type.toLowerCase()} axis.`);
        return a;
      });
    return {
      categoryAxis: axis("Category", "Primary"),
      valueAxis: axis("Value", "Primary"),
      getItem: (type, group = "Primary") => axis(type, group),
    };
  }
  get series(): X.ChartSeriesCollection {
    return {
      getItemAt: (index: number) =>
        new FakeChartSeries(this.ctx, () => {
          const s = this.target().series[index];
          if (!s) throw new FakeExcelError("InvalidArgument", `The chart has no series at index ${index}.`);
          return s;
        }),
      add: (name?: string) => {
        const holder: { s?: SeriesData } = {};
        this.queueCall("series.add", [name], (c) => {
          holder.s = {
            name: name ?? `Series${c.series.length + 1}`,
            chartType: c.type,
            axisGroup: "Primary",
            values: null,
            categories: c.series[0]?.categories ?? null,
            pointFills: new Map(),
          };
          c.series.push(holder.s);
        });
        return new FakeChartSeries(this.ctx, () => holder.s ?? null, { what: "The new series" });
      },
    };
  }
  load(names?: string | string[]): FakeChart {
    this.queueLoad(names);
    return this;
  }
  delete(): void {
    this.queueCall("delete", [], (c) => {
      for (const sheet of this.ctx.excel.data.sheets) {
        const i = sheet.charts.indexOf(c);
        if (i >= 0) return void sheet.charts.splice(i, 1);
      }
      throw new FakeExcelError("ItemNotFound", "The chart was deleted.");
    });
  }
  setPosition(startCell: X.Range | string, endCell?: X.Range | string): void {
    this.queueCall(
      "setPosition",
      [typeof startCell === "string" ? startCell : "<range>", endCell === undefined ? null : "<range>"],
      (c) => {
        if (typeof startCell === "string" || endCell !== undefined)
          throw new FakeExcelError("InvalidArgument", "This fake positions charts at a Range, without an end cell.");
        const t = (startCell as FakeRange).targetAtSync();
        if (!t.sheet.charts.includes(c)) throw new FakeExcelError("InvalidArgument", "The cell is on another sheet than the chart.");
        // Points from the sheet's top-left: columns at their widths (standard 48 pt), rows at 15 pt.
        let left = 0;
        for (let col = 0; col < t.rect.c0; col++) left += t.sheet.columnWidths.get(col) ?? 48;
        c.left = left;
        c.top = t.rect.r0 * 15;
      },
    );
  }
}

const AXIS_READERS: Record<string, (a: AxisData) => unknown> = {
  minimum: (a) => a.minimum,
  maximum: (a) => a.maximum,
  reversePlotOrder: (a) => a.reversePlotOrder,
  visible: (a) => a.visible,
};

export class FakeChartAxis extends ClientProxy<AxisData> implements X.ChartAxis {
  protected readonly readers = AXIS_READERS;
  private setBound(name: "minimum" | "maximum", v: number): void {
    this.queueSet(name, v, (a) => {
      if (typeof v !== "number" || !Number.isFinite(v)) throw new FakeExcelError("InvalidArgument", `Axis ${name} ${v}`);
      const min = name === "minimum" ? v : a.minimum;
      const max = name === "maximum" ? v : a.maximum;
      if (min !== undefined && max !== undefined && !(min < max))
        throw new FakeExcelError("InvalidArgument", `Axis minimum ${min} must be below maximum ${max}.`);
      a[name] = v;
    });
  }
  get minimum(): number {
    return this.prop("minimum");
  }
  set minimum(v: number) {
    this.setBound("minimum", v);
  }
  get maximum(): number {
    return this.prop("maximum");
  }
  set maximum(v: number) {
    this.setBound("maximum", v);
  }
  get numberFormat(): string {
    return this.prop("numberFormat");
  }
  set numberFormat(v: string) {
    this.queueSet("numberFormat", v, (a) => (a.numberFormat = v));
  }
  get reversePlotOrder(): boolean {
    return this.prop("reversePlotOrder");
  }
  set reversePlotOrder(v: boolean) {
    this.queueSet("reversePlotOrder", v, (a) => (a.reversePlotOrder = v));
  }
  get position(): X.ChartAxis["position"] {
    return this.prop("position");
  }
  set position(v: X.ChartAxis["position"]) {
    this.queueSet("position", v, (a) => (a.position = v));
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(v: boolean) {
    this.queueSet("visible", v, (a) => (a.visible = v));
  }
}

export class FakeChartSeries extends ClientProxy<SeriesData> implements X.ChartSeries {
  protected readonly readers = { name: (s: SeriesData) => s.name };
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, (s) => (s.name = v));
  }
  get chartType(): string {
    return this.prop("chartType");
  }
  set chartType(v: string) {
    this.queueSet("chartType", v, (s) => {
      if (!CHART_TYPES.has(v)) throw new FakeExcelError("InvalidArgument", `Chart type "${v}" is not in this fake.`);
      s.chartType = v;
    });
  }
  get axisGroup(): "Primary" | "Secondary" {
    return this.prop("axisGroup");
  }
  set axisGroup(v: "Primary" | "Secondary") {
    this.queueSet("axisGroup", v, (s) => {
      s.axisGroup = v;
      const chart = this.ctx.excel.data.sheets.flatMap((sh) => sh.charts).find((c) => c.series.includes(s))!;
      for (const type of ["Category", "Value"])
        if (!chart.axes.has(`${type}/${v}`))
          chart.axes.set(`${type}/${v}`, { reversePlotOrder: false, position: "Automatic", visible: true });
    });
  }
  get gapWidth(): number {
    return this.prop("gapWidth");
  }
  set gapWidth(v: number) {
    this.queueSet("gapWidth", v, (s) => {
      if (!(Number.isInteger(v) && v >= 0 && v <= 500)) throw new FakeExcelError("InvalidArgument", `Gap width ${v}`);
      s.gapWidth = v;
    });
  }
  get overlap(): number {
    return this.prop("overlap");
  }
  set overlap(v: number) {
    this.queueSet("overlap", v, (s) => {
      if (!(Number.isInteger(v) && v >= -100 && v <= 100)) throw new FakeExcelError("InvalidArgument", `Overlap ${v}`);
      s.overlap = v;
    });
  }
  get format(): X.ChartSeriesFormat {
    const fill = (apply: (s: SeriesData, v: string) => void) => ({
      setSolidColor: (color: string) => this.queueCall("format.fill.setSolidColor", [color], (s) => apply(s, checkColor(color))),
      clear: () => this.queueCall("format.fill.clear", [], (s) => apply(s, "none")),
    });
    const queueSet = (v: string) => this.queueSet("format.line.color", v, (s) => (s.line = checkColor(v)));
    return {
      fill: fill((s, v) => (s.fill = v)),
      line: {
        get color(): string {
          throw propertyNotLoaded("color");
        },
        set color(v: string) {
          queueSet(v);
        },
      },
    };
  }
  get points(): X.ChartPointsCollection {
    return {
      getItemAt: (index: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              this.queueCall("points.getItemAt.format.fill.setSolidColor", [index, color], (s) => {
                const count = s.values ? cellCount(s.values.rect) : 0;
                if (!(Number.isInteger(index) && index >= 0 && index < count))
                  throw new FakeExcelError("InvalidArgument", `The series has no point ${index} (it has ${count}).`);
                s.pointFills.set(index, checkColor(color));
              }),
            clear: () => this.queueCall("points.getItemAt.format.fill.clear", [index], (s) => s.pointFills.set(index, "none")),
          },
        },
      }),
    };
  }
  setValues(sourceData: X.Range): void {
    this.queueCall("setValues", ["<range>"], (s) => (s.values = lineOf((sourceData as FakeRange).targetAtSync(), "setValues")));
  }
  setXAxisValues(sourceData: X.Range): void {
    this.queueCall(
      "setXAxisValues",
      ["<range>"],
      (s) => (s.categories = lineOf((sourceData as FakeRange).targetAtSync(), "setXAxisValues")),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Custom XML parts

/** The namespace of a part's document element, as Excel reports it in namespaceUri. */
export function xmlRootNamespace(xml: string): string {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "");
  const m = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*((?:\s+[^>]*?)?)\/?>/.exec(body);
  if (!m) return "";
  const attr = m[1] ? `xmlns:${m[1].slice(0, -1)}` : "xmlns";
  const a = new RegExp(`\\s${attr.replace(".", "\\.")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[2] ?? "");
  return a ? (a[2] ?? a[3] ?? "") : "";
}

const PART_READERS: Record<string, (p: CustomXmlData) => unknown> = { id: (p) => p.id, namespaceUri: (p) => xmlRootNamespace(p.xml) };

export class FakeCustomXmlPartCollection extends ClientProxy<WorkbookData> implements X.CustomXmlPartCollection {
  protected readonly readers = {};
  add(xml: string): FakeCustomXmlPart {
    const holder: { part?: CustomXmlData } = {};
    this.queueCall("add", [xml], (wb) => {
      if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<[A-Za-z_]/.test(xml) || !/>\s*$/.test(xml))
        throw new FakeExcelError("InvalidArgument", "The XML is not well-formed.");
      holder.part = { id: wb.newId(), xml };
      wb.customXml.push(holder.part);
    });
    return new FakeCustomXmlPart(this.ctx, () => holder.part ?? null, { what: "The new part" });
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.ctx, () => this.target(), namespaceUri);
  }
}

export class FakeCustomXmlPartScopedCollection extends ClientProxy<WorkbookData> implements X.CustomXmlPartScopedCollection {
  protected readonly readers = {};
  constructor(
    ctx: FakeContext,
    resolver: () => WorkbookData,
    private readonly ns: string,
  ) {
    super(ctx, resolver);
  }
  get items(): FakeCustomXmlPart[] {
    return this.prop("items");
  }
  load(names?: string | string[]): FakeCustomXmlPartScopedCollection {
    const props = parseItemProps(names, Object.keys(PART_READERS), "CustomXmlPartScopedCollection");
    this.ctx.enqueue(jsonSize(props), (exec) => {
      const parts = this.target().customXml.filter((p) => xmlRootNamespace(p.xml) === this.ns);
      const snaps = parts.map((p) => Object.fromEntries(props.map((k) => [k, PART_READERS[k](p)])));
      exec.responseBytes += jsonSize(snaps);
      exec.loads.push(...props.map((p) => `FakeCustomXmlPart.${p}`));
      exec.commits.push(() =>
        this.loaded.set(
          "items",
          parts.map((p, i) => FakeCustomXmlPart.loadedFrom(this.ctx, p, snaps[i])),
        ),
      );
    });
    return this;
  }
}

class FakeClientResult<T> implements X.ClientResult<T> {
  private ready = false;
  private v: T | undefined;
  get value(): T {
    if (!this.ready) throw propertyNotLoaded("value");
    return this.v as T;
  }
  settle(v: T): void {
    this.v = v;
    this.ready = true;
  }
}

export class FakeCustomXmlPart extends ClientProxy<CustomXmlData> implements X.CustomXmlPart {
  protected readonly readers = PART_READERS;
  static loadedFrom(ctx: FakeContext, part: CustomXmlData, snap: Record<string, unknown>): FakeCustomXmlPart {
    const p = new FakeCustomXmlPart(ctx, () => part, { bound: part });
    for (const [k, v] of Object.entries(snap)) p.loaded.set(k, v);
    return p;
  }
  get id(): string {
    return this.prop("id");
  }
  get namespaceUri(): string {
    return this.prop("namespaceUri");
  }
  load(names?: string | string[]): FakeCustomXmlPart {
    this.queueLoad(names);
    return this;
  }
  delete(): void {
    this.queueCall("delete", [], (p) => {
      const list = this.ctx.excel.data.customXml;
      const i = list.indexOf(p);
      if (i >= 0) list.splice(i, 1);
    });
  }
  getXml(): X.ClientResult<string> {
    const result = new FakeClientResult<string>();
    this.ctx.enqueue(0, (exec) => {
      const xml = this.target().xml;
      exec.responseBytes += jsonSize(xml);
      exec.loads.push("FakeCustomXmlPart.xml");
      exec.commits.push(() => result.settle(xml));
    });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------------
// Excel.run

/** Excel on the web rejects a request or response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  limitBytes = PAYLOAD_LIMIT;
  /** Whether Range.getImage and Chart.getImage work here (Excel on the web has lacked them). */
  pictures = true;

  constructor(readonly data: WorkbookData = new WorkbookData()) {}

  /** Excel.run: a fresh request context per batch; commands still queued at the end are synced, as Office.js does. */
  readonly run: X.ExcelRunner = async (batch) => {
    const ctx = new FakeContext(this);
    try {
      const result = await batch(ctx);
      if (ctx.pending > 0) await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  get syncCount(): number {
    return this.syncs.length;
  }
  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }
  get maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }
  resetStats(): void {
    this.syncs.length = 0;
  }
}
