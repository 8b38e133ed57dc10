// Writes SheetPlans into the open workbook. Every operation of every plan is queued, then synced
// once; only when the queued payload would exceed the budget (a Datakontroll tab listing 100 000
// rejected rows) is it split into several requests. So a whole write costs
//   2 syncs (tabs and markers) + ceil-ish(payload / budget) requests — 1 for normal reports.
// A plan's tables cost no sync of their own: the second sync also loads every tab's tables and the
// workbook's names, the old tables on our tab are deleted in the request that clears it, and the new
// ones are added after the cells they cover, in the same request. Charts likewise: the second sync
// loads every tab's charts, our tab's old charts are deleted in the request that clears it (a re-run
// replaces them, never adds to them), the new ones are added after the tab's cells (writeCharts.ts).
import type { Cell } from "../../model/cells";
import type { Block, FontStyle, SheetPlan } from "../../report/plan";
import { chooseSheetName, type ExistingSheet } from "../../report/sheetNames";
import type { WrittenTab } from "../port";
import { MARKER_NAME, quoteFormulaString } from "../ooxml/marker";
import { prepareTables, uniqueTableName } from "../ooxml/tableRules";
import { columnsAddress, rangeAddress } from "./address";
import { prepareCharts, type PreparedChart } from "../ooxml/chartRules";
import { inDateSystem } from "../ooxml/dateSystem";
import { queueDateSystem } from "./dateSystem";
import { type ReferenceCells, withReferenceCells } from "./referenceCells";
import { applyChart, chartBytes } from "./writeCharts";
import type { Chart, RequestContext, Table, Worksheet } from "./excelApi";
import { jsonBytes, PAYLOAD_BUDGET } from "./payload";
import { listSheetsForWriting } from "./sheetList";
import { textFormatRectangles } from "./textCells";

type Rect = [number, number, number, number];

/** One queued change to a tab. Ranges are 0-based inclusive rectangles. */
export type Op =
  | { kind: "numberFormat"; rect: Rect; format: string }
  | { kind: "values"; rect: Rect; values: Cell[][] }
  | { kind: "fill"; rect: Rect; color: string }
  | { kind: "font"; rect: Rect; font: FontStyle }
  | { kind: "columnWidth"; first: number; last: number; points: number }
  | { kind: "freeze"; rows: number; columns: number }
  /** An Excel table over cells already written, its header row holding the column names. */
  | { kind: "table"; rect: Rect; name: string; style: string }
  /** A native chart over cells already written, its target line over the cells under it (referenceCells.ts). */
  | { kind: "chart"; chart: PreparedChart; lines?: ReferenceCells };

/** Per-command overhead in a request (object paths, property names) on top of its data. */
const OP_OVERHEAD = 200;
/** 2D arrays are cut into row slices of at most this many bytes, so requests pack well. */
const MAX_OP_BYTES = PAYLOAD_BUDGET / 4;
const MAX_TEXT = 32767;

/**
 * Column width in Excel's character units, as the plan and the .xlsx `width` attribute hold it
 * (padding included) → points, which Office.js's columnWidth takes: 7 pixels per character in the
 * default Calibri 11 (ECMA-376 §18.3.1.13), 0.75 pt per pixel. The default column, 9.140625, is 48 pt.
 */
export function charsToPoints(width: number): number {
  return Math.round(Math.min(width, 255) * 7) * 0.75;
}

/** A cell as sent: text cut at Excel's 32 767 characters; a non-finite number as Excel's #NUM!. */
function sendable(v: Cell | undefined): Cell {
  if (v === undefined) return null;
  if (typeof v === "number" && !Number.isFinite(v)) return "#NUM!";
  if (typeof v === "string" && v.length > MAX_TEXT) return v.slice(0, MAX_TEXT);
  return v;
}

function validRect(b: Block<unknown>): Rect | null {
  const r = b.range;
  if (!Array.isArray(r) || r.length !== 4 || !r.every((n) => Number.isInteger(n) && n >= 0)) return null;
  return r[2] < r[0] || r[3] < r[1] ? null : [r[0], r[1], r[2], r[3]];
}

/** Cuts rows r0..r1 into slices whose estimated size stays under MAX_OP_BYTES. */
function rowSlices(r0: number, r1: number, rowBytes: (r: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let start = r0;
  let bytes = 0;
  for (let r = r0; r <= r1; r++) {
    const b = rowBytes(r);
    if (r > start && bytes + b > MAX_OP_BYTES) {
      out.push([start, r - 1]);
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  out.push([start, r1]);
  return out;
}

/** A format over a rectangle, as 2D arrays (Range.numberFormat takes one entry per cell), sliced by rows. */
function formatOps(rect: Rect, format: string): Op[] {
  const rowBytes = (rect[3] - rect[1] + 1) * (jsonBytes(format) + 1) + 2;
  return rowSlices(rect[0], rect[2], () => rowBytes).map(([a, b]) => ({
    kind: "numberFormat" as const,
    rect: [a, rect[1], b, rect[3]],
    format,
  }));
}

/**
 * The operations of one plan, in the order they must apply: number formats, then "@" on text Excel
 * would reinterpret (before the values, so the values land as text), values, fills, fonts, widths, panes.
 */
export function planOps(plan: SheetPlan): Op[] {
  const ops: Op[] = [];
  for (const b of plan.numberFormats ?? []) {
    const rect = validRect(b);
    if (rect && typeof b.value === "string") ops.push(...formatOps(rect, b.value));
  }
  const cells = plan.cells ?? [];
  for (const rect of textFormatRectangles(cells)) ops.push(...formatOps(rect, "@"));

  const width = cells.reduce((m, row) => Math.max(m, row.length), 0);
  if (cells.length > 0 && width > 0) {
    const rows = cells.map((row) => Array.from({ length: width }, (_, c) => sendable(row[c])));
    for (const [a, b] of rowSlices(0, rows.length - 1, (r) => jsonBytes(rows[r]) + 1)) {
      ops.push({ kind: "values", rect: [a, 0, b, width - 1], values: rows.slice(a, b + 1) });
    }
  }
  for (const b of plan.fills ?? []) {
    const rect = validRect(b);
    if (rect && /^[0-9A-Fa-f]{6}$/.test(b.value)) ops.push({ kind: "fill", rect, color: b.value });
  }
  for (const b of plan.fonts ?? []) {
    const rect = validRect(b);
    if (rect && b.value) ops.push({ kind: "font", rect, font: b.value });
  }
  const widths = plan.columnWidths ?? [];
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    const w = widths[i];
    if (typeof w === "number" && Number.isFinite(w) && w > 0)
      ops.push({ kind: "columnWidth", first: i, last: j, points: charsToPoints(w) });
    i = j + 1;
  }
  const rows = Math.max(0, Math.floor(plan.freeze?.rows ?? 0));
  const columns = Math.max(0, Math.floor(plan.freeze?.columns ?? 0));
  if (rows > 0 || columns > 0) ops.push({ kind: "freeze", rows, columns });
  return ops;
}

/** Estimated request bytes of one operation: its data as JSON plus the command's own overhead. */
export function opBytes(op: Op): number {
  switch (op.kind) {
    case "numberFormat":
      return OP_OVERHEAD + (op.rect[2] - op.rect[0] + 1) * ((op.rect[3] - op.rect[1] + 1) * (jsonBytes(op.format) + 1) + 2);
    case "values":
      return OP_OVERHEAD + jsonBytes(op.values);
    case "font":
      return OP_OVERHEAD * 4;
    case "table":
      return OP_OVERHEAD * 4 + jsonBytes(op.name) + jsonBytes(op.style);
    case "chart":
      return chartBytes(op.chart, OP_OVERHEAD);
    default:
      return OP_OVERHEAD;
  }
}

/** Where one plan goes. */
interface TabTarget {
  plan: SheetPlan;
  written: WrittenTab;
  /** Our tab from an earlier run, to clear and refill in place; null: add a new tab. */
  existing: Worksheet | null;
  /** The tables on that tab, deleted before it is refilled. */
  oldTables: Table[];
  /** The charts on that tab, deleted before it is refilled. */
  oldCharts: Chart[];
}

/** A unit of packing: setting up a tab (add or clear), or one operation on it. */
type Step = { tab: number; op: Op | "setup"; bytes: number };

/** Greedy packing in order: a request is closed when the next step would take it over the budget. */
export function packSteps<T extends { bytes: number }>(steps: readonly T[], budget = PAYLOAD_BUDGET): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const s of steps) {
    if (current.length > 0 && bytes + s.bytes > budget) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(s);
    bytes += s.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** What the host supports beyond the manifest's ExcelApi 1.7 ("1.8" …). */
export type ApiSupport = (version: string) => boolean;

function applyOp(sheet: Worksheet, op: Op, supports: ApiSupport): void {
  switch (op.kind) {
    case "numberFormat": {
      const [r0, c0, r1, c1] = op.rect;
      const row = new Array<string>(c1 - c0 + 1).fill(op.format);
      sheet.getRange(rangeAddress(r0, c0, r1, c1)).numberFormat = Array.from({ length: r1 - r0 + 1 }, () => row);
      return;
    }
    case "values":
      sheet.getRange(rangeAddress(...op.rect)).values = op.values;
      return;
    case "fill":
      sheet.getRange(rangeAddress(...op.rect)).format.fill.color = `#${op.color.toUpperCase()}`;
      return;
    case "font": {
      const font = sheet.getRange(rangeAddress(...op.rect)).format.font;
      if (op.font.bold !== undefined) font.bold = op.font.bold;
      if (op.font.italic !== undefined) font.italic = op.font.italic;
      if (op.font.size !== undefined) font.size = op.font.size;
      if (op.font.color !== undefined) font.color = `#${op.font.color.toUpperCase()}`;
      return;
    }
    case "columnWidth":
      sheet.getRange(columnsAddress(op.first, op.last)).format.columnWidth = op.points;
      return;
    case "freeze":
      if (op.rows > 0 && op.columns > 0) sheet.freezePanes.freezeAt(rangeAddress(0, 0, op.rows - 1, op.columns - 1));
      else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
      else sheet.freezePanes.freezeColumns(op.columns);
      return;
    case "table": {
      // A Range, not an address string: a bare address would put the table on the active sheet.
      const table = sheet.tables.add(sheet.getRange(rangeAddress(...op.rect)), true);
      table.name = op.name;
      table.style = op.style;
      return;
    }
    case "chart":
      applyChart(sheet, op.chart, op.lines, supports);
      return;
  }
}

/**
 * Our own tab is cleared and refilled in place rather than deleted and re-added: deleting a sheet
 * turns every formula elsewhere that points into it into #REF!, while the CLI (which swaps the
 * sheet part under the same name) keeps such references working. Clearing keeps them, the tab's
 * position and visibility, and the marker name; tables, contents, formats, widths and panes go
 * (clearing a sheet leaves its tables, which the new ones could not overlap).
 */
function setUpTab(context: RequestContext, target: TabTarget): Worksheet {
  if (target.existing) {
    const sheet = target.existing;
    for (const chart of target.oldCharts) chart.delete();
    for (const table of target.oldTables) table.delete();
    sheet.getRange().clear("All");
    sheet.getRange().format.useStandardWidth = true;
    sheet.freezePanes.unfreeze();
    return sheet;
  }
  const sheet = context.workbook.worksheets.add(target.written.sheetName);
  sheet.names.add(MARKER_NAME, `=${quoteFormulaString(target.plan.marker)}`).visible = false;
  return sheet;
}

/** Chooses each plan's tab (never a sheet Målkoll did not create), then writes all plans. */
export async function writeAllPlans(
  context: RequestContext,
  plans: readonly SheetPlan[],
  supports: ApiSupport = () => false,
): Promise<WrittenTab[]> {
  // The date system rides on the listing's first sync: a 1904 workbook gets its dates as 1904 serials.
  const system = queueDateSystem(context);
  const { sheets: listed, definedNames } = await listSheetsForWriting(context);
  const date1904 = system();
  const existing: (ExistingSheet & { sheet: Worksheet | null; tables: Table[]; charts: Chart[] })[] = listed.map((s) => ({
    name: s.name,
    marker: s.marker,
    sheet: s.sheet,
    tables: s.tables,
    charts: s.charts,
  }));
  const targets: TabTarget[] = [];
  for (const plan of plans) {
    const choice = chooseSheetName(
      existing.map((s) => (s.marker ? { name: s.name, marker: s.marker } : { name: s.name })),
      plan.name,
      plan.marker,
    );
    const ours = choice.replaces === null ? undefined : existing.find((s) => s.name === choice.replaces);
    const written: WrittenTab = {
      planName: plan.name,
      sheetName: choice.name,
      replaced: choice.replaces !== null,
      renamedBecauseTaken: choice.renamedBecauseTaken,
    };
    // Two plans with one marker in a single call: the second overwrites the first's new tab.
    const index = ours && ours.sheet === null ? targets.findIndex((t) => t.written.sheetName === ours.name) : -1;
    if (index >= 0) {
      targets[index] = { ...targets[index], plan };
      continue;
    }
    targets.push({ plan, written, existing: ours?.sheet ?? null, oldTables: ours?.tables ?? [], oldCharts: ours?.charts ?? [] });
    if (!ours) existing.push({ name: choice.name, marker: plan.marker, sheet: null, tables: [], charts: [] });
  }

  // Tables: checked before anything is written; names unique among the tables that stay and every
  // defined name, in plan order as the .xlsx writer does, so the add-in and the CLI agree.
  const replaced = new Set(targets.flatMap((t) => t.oldTables));
  const taken = new Set(
    [...listed.flatMap((s) => s.tables.filter((t) => !replaced.has(t)).map((t) => t.name)), ...definedNames].map((n) => n.toLowerCase()),
  );
  const opsOf = targets.map((t) => {
    // The target lines' cells only where the host can draw them (ExcelApi 1.8: secondary axes);
    // otherwise the tab's cells are exactly the .xlsx writer's.
    const dated = inDateSystem(t.plan, date1904);
    const charts = prepareCharts(dated);
    const { plan: withLines, cells: lines } = supports("1.8") ? withReferenceCells(dated, charts) : { plan: dated, cells: [] };
    const { plan, tables } = prepareTables(withLines);
    const ops = planOps(plan);
    for (const table of tables) {
      const name = uniqueTableName(table.name, taken);
      taken.add(name.toLowerCase());
      ops.push({ kind: "table", rect: table.range, name, style: table.style });
    }
    charts.forEach((chart, k) => ops.push({ kind: "chart", chart, lines: lines[k] }));
    return ops;
  });

  const steps: Step[] = [];
  targets.forEach((t, tab) => {
    steps.push({ tab, op: "setup", bytes: OP_OVERHEAD * 4 });
    for (const op of opsOf[tab]) steps.push({ tab, op, bytes: opBytes(op) });
  });
  const sheets: Worksheet[] = [];
  for (const request of packSteps(steps)) {
    // Nothing in the workbook recalculates while our cells land; lasts until this request's sync.
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of request) {
      if (step.op === "setup") sheets[step.tab] = setUpTab(context, targets[step.tab]);
      else applyOp(sheets[step.tab], step.op, supports);
    }
    // One sync per packed request: more than one only when the payload passes the 4 MB budget.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return plans.map((plan) => targets.find((t) => t.plan === plan)?.written ?? writtenFor(targets, plan));
}

/** A plan that a later plan with the same marker overwrote: it went to the same tab. */
function writtenFor(targets: readonly TabTarget[], plan: SheetPlan): WrittenTab {
  const t = targets.find((x) => x.plan.marker === plan.marker)!;
  return { ...t.written, planName: plan.name };
}
