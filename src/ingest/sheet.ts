import { type Cell, type SheetGrid, columnLetter } from "../model/cells";
import type { AggregateRecord, AssignmentRecord, IndicatorRecord, Issue, PatientRecord } from "./records";
import type { Basis, MeasureId } from "../model/measures";
import type { SheetKind } from "../model/sheets";
import type { StatusRating } from "../model/ratings";
import { findPlanHeader, ASSIGNMENT_RULES, INDICATOR_RULES, type PlanSheetKind } from "./indicatorColumns";
import { readPlanRows } from "./planSheet";
import { issueAt } from "./issues";
import type { Field } from "../model/sheets";
import type { SheetSettings } from "../model/settings";
import { type ColumnMap, applyMappingOverrides, findHeaderRow, mapColumnsWith, unitColumn } from "./columns";
import { type Parsed } from "../model/parsed";
import type { ReasonCode } from "../model/reasons";
import type { MeasureFrom, SheetNote } from "../model/sheetNotes";
import { cellText, isBlank, isSuppressed } from "./parse/text";
import { normalizeHeader } from "./parse/headers";
import { parseNumber } from "./parse/numbers";
import { parseShare } from "./parse/shares";
import { parseDate } from "./parse/dates";
import { parseExceptionCode, parseGuarantee } from "./parse/codes";
import { parseContactType } from "./parse/contactTypes";

/** What ingest made of one sheet: records, rows it set aside, and every rejected row as an Issue. */
export interface IngestedSheet {
  sheet: string;
  kind: SheetKind;
  /** How the sheet was recognised, or why it was not (report/reasons.ts has the words). */
  note: SheetNote;
  /** 1-based header row as Excel shows it. */
  headerRow: number | null;
  /** Field → the header text of the column used. */
  columns: Partial<Record<Field, string>>;
  /** Field → the sheet column letter of the column used. */
  columnLetters: Partial<Record<Field, string>>;
  patients: PatientRecord[];
  aggregates: AggregateRecord[];
  indicators: IndicatorRecord[];
  /** Goals of an indicator sheet in its order, including goals with no indicator. */
  goals: string[];
  assignments: AssignmentRecord[];
  /** Rows used without becoming a record of their own (a goal written as a heading row). */
  headingRows: number;
  /** Non-blank rows below the header. */
  rowsRead: number;
  /** Rows set aside by rule already at ingest (summary rows), per reason. */
  excluded: Map<ReasonCode, number>;
  issues: Issue[];
}

/** A region's own total row in an extract: counting it as a unit would count everyone twice. */
const SUMMARY_ROW = /^(totalt|total|summa|sum|region|hela regionen|samtliga|alla enheter|riket)\b/;

const AGGREGATE_FIELDS: Field[] = [
  "total",
  "withinLimit",
  "share",
  "bucket0_30",
  "bucket31_60",
  "bucket61_90",
  "bucket91_180",
  "bucket181_365",
  "bucketOver365",
];
const BUCKET_FIELDS: Field[] = ["bucket0_30", "bucket31_60", "bucket61_90", "bucket91_180", "bucket181_365", "bucketOver365"];

/** Measures clocked on completed contacts by default (DOMAIN.md §1); the rest on waiting patients. */
export const COMPLETED_BY_DEFAULT: readonly MeasureId[] = ["primaryContact", "primaryAssessment", "bupFirst", "bupTreatment"];

const noRecords = () => ({ patients: [], aggregates: [], indicators: [], goals: [], assignments: [], headingRows: 0 });

function unrecognised(
  grid: SheetGrid,
  note: SheetNote,
  headerRow: number | null = null,
  columns: Partial<Record<Field, string>> = {},
): IngestedSheet {
  return {
    sheet: grid.name,
    kind: "unrecognised",
    note,
    headerRow,
    columns,
    columnLetters: {},
    ...noRecords(),
    rowsRead: 0,
    excluded: new Map(),
    issues: [],
  };
}

const PLAN_KINDS: readonly SheetKind[] = ["indicatorList", "assignmentList"];

/** Read one sheet: find its header, map its columns, classify it and parse its rows. Never throws on data. */
export function ingestSheet(
  grid: SheetGrid,
  settings: SheetSettings | undefined,
  statuses: Record<string, StatusRating> = {},
): IngestedSheet {
  if (settings?.kind === "ignore") return unrecognised(grid, { code: "ignored" });
  const values = grid.values;
  // A plan's indicators or assignments, unless the settings say the sheet is waiting-time data.
  if (!settings?.kind || PLAN_KINDS.includes(settings.kind)) {
    const plan = findPlanHeader(values);
    const forced = settings?.kind as PlanSheetKind | undefined;
    if (plan && (!forced || forced === plan.kind)) return ingestPlanSheet(grid, plan.kind, plan.index, plan.map, settings, statuses);
    if (forced) {
      // The user named the kind: take the first row that has the named columns, else say why not.
      const rules = forced === "indicatorList" ? INDICATOR_RULES : ASSIGNMENT_RULES;
      const at = values.slice(0, 30).findIndex((r) => r && Object.keys(mapColumnsWith(r, rules)).length >= 2);
      if (at >= 0) return ingestPlanSheet(grid, forced, at, mapColumnsWith(values[at], rules), settings, statuses);
      return unrecognised(grid, { code: forced === "indicatorList" ? "noIndicatorHeader" : "noAssignmentHeader" });
    }
  }
  const found = findHeaderRow(values);
  if (!found) return unrecognised(grid, { code: "noHeader" });
  const { headers, map, headerRow, columns, columnLetters, problem } = resolveHeader(grid, found.index, found.map, settings);
  if (problem) return unrecognised(grid, problem, headerRow, columns);

  const unitCol = unitColumn(map);
  const isPatient = map.start !== undefined || map.visit !== undefined || map.waitDays !== undefined;
  const isAggregate = AGGREGATE_FIELDS.some((f) => map[f] !== undefined);
  let kind: SheetKind =
    settings?.kind ??
    (isPatient ? (map.visit !== undefined ? "completedList" : "waitingList") : isAggregate ? "unitAggregate" : "unrecognised");
  if (unitCol === undefined) kind = "unrecognised";
  if (kind === "unrecognised") {
    return unrecognised(grid, { code: unitCol === undefined ? "noUnitColumn" : "noDataColumns", headerRow }, headerRow, columns);
  }

  const title = values
    .slice(0, found.index)
    .flat()
    .filter((c): c is string => typeof c === "string")
    .join(" ");
  const sheetMeasure = settings?.measure ?? parseContactType(grid.name) ?? (title ? parseContactType(title) : null);
  const ctx: RowContext = {
    grid,
    headers,
    map,
    unitCol: unitCol!,
    sheetMeasure: sheetMeasure ?? "firstVisit",
    issues: [],
    excluded: new Map(),
    units: new Map(),
  };
  // A measure from the settings says "sheet name" too: the note has always said so.
  const measureFrom: MeasureFrom = map.measure !== undefined ? "column" : sheetMeasure ? "sheetName" : "assumed";
  const basis: Basis =
    kind === "unitAggregate"
      ? (settings?.basis ?? aggregateBasis(`${grid.name} ${title} ${headers.map((h) => cellText(h)).join(" ")}`, ctx.sheetMeasure))
      : kind === "completedList"
        ? "completed"
        : "waiting";
  const note: SheetNote = { code: kind === "unitAggregate" ? "unitAggregate" : "patientList", basis, measureFrom };
  const out: IngestedSheet = {
    sheet: grid.name,
    kind,
    note,
    headerRow,
    columns,
    columnLetters,
    patients: [],
    aggregates: [],
    indicators: [],
    goals: [],
    assignments: [],
    headingRows: 0,
    rowsRead: 0,
    excluded: ctx.excluded,
    issues: ctx.issues,
  };

  if (kind === "unitAggregate") {
    for (let i = found.index + 1; i < values.length; i++) {
      const row = values[i];
      if (!row || row.every(isBlank)) continue;
      out.rowsRead++;
      const rec = aggregateRow(ctx, row, i, basis);
      if (rec) out.aggregates.push(rec);
    }
  } else {
    for (let i = found.index + 1; i < values.length; i++) {
      const row = values[i];
      if (!row || rowIsBlank(row)) continue;
      out.rowsRead++;
      const rec = patientRow(ctx, row, i);
      if (rec) out.patients.push(rec);
    }
  }
  return out;
}

/** The header row with the user's column choices applied: fields → header texts and column letters. */
export function resolveHeader(grid: SheetGrid, index: number, detected: ColumnMap, settings: SheetSettings | undefined) {
  const headers = grid.values[index];
  const { map, missing } = applyMappingOverrides(headers, detected, settings?.columns);
  const headerRow = (grid.origin?.row ?? 0) + index + 1;
  const columns: Partial<Record<Field, string>> = {};
  const columnLetters: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(map) as [Field, number][]) {
    columns[field] = cellText(headers[col] ?? null);
    columnLetters[field] = columnLetter((grid.origin?.col ?? 0) + col);
  }
  const problem: SheetNote | null = missing.length ? { code: "missingMappedColumns", headers: missing, headerRow } : null;
  return { headers, map, headerRow, columns, columnLetters, problem };
}

function ingestPlanSheet(
  grid: SheetGrid,
  kind: PlanSheetKind,
  index: number,
  detected: ColumnMap,
  settings: SheetSettings | undefined,
  statuses: Record<string, StatusRating>,
): IngestedSheet {
  const { map, headerRow, columns, columnLetters, problem } = resolveHeader(grid, index, detected, settings);
  if (problem) return unrecognised(grid, problem, headerRow, columns);
  const needed: Field[] = kind === "indicatorList" ? ["indicator"] : ["assignment", "status"];
  const lacking = needed.filter((f) => map[f] === undefined);
  if (lacking.length || (kind === "indicatorList" && map.target === undefined && map.outcome === undefined)) {
    return unrecognised(
      grid,
      { code: kind === "indicatorList" ? "noIndicatorColumns" : "noAssignmentColumns", headerRow },
      headerRow,
      columns,
    );
  }
  const rows = readPlanRows(grid, kind, index, map, statuses);
  const note: SheetNote =
    kind === "indicatorList"
      ? { code: "indicators", goals: rows.goals.length, indicators: rows.indicators.length }
      : { code: "assignments", count: rows.assignments.length };
  return {
    sheet: grid.name,
    kind,
    note,
    headerRow,
    columns,
    columnLetters,
    patients: [],
    aggregates: [],
    indicators: rows.indicators,
    goals: rows.goals,
    assignments: rows.assignments,
    headingRows: rows.headingRows,
    rowsRead: rows.rowsRead,
    excluded: new Map(),
    issues: rows.issues,
  };
}

function rowIsBlank(row: readonly Cell[]): boolean {
  for (let j = 0; j < row.length; j++) if (!isBlank(row[j] ?? null)) return false;
  return true;
}

/** The basis of an aggregate: its own words ("väntande", "genomförda") decide, else the measure's default. */
function aggregateBasis(text: string, measure: MeasureId): Basis {
  const t = normalizeHeader(text);
  if (/\bgenomford/.test(t)) return "completed";
  if (/\bvantande\b/.test(t)) return "waiting";
  return COMPLETED_BY_DEFAULT.includes(measure) ? "completed" : "waiting";
}

interface RowContext {
  grid: SheetGrid;
  headers: readonly Cell[];
  map: ColumnMap;
  unitCol: number;
  sheetMeasure: MeasureId;
  issues: Issue[];
  excluded: Map<ReasonCode, number>;
  /** Cell text → trimmed unit, or null for a summary row: a million rows carry a few dozen units. */
  units: Map<string, string | null>;
}

function reject(ctx: RowContext, i: number, col: number, value: Cell | undefined, reason: ReasonCode): null {
  ctx.issues.push(issueAt(ctx.grid, ctx.headers, i, col, value, reason));
  return null;
}

function exclude(ctx: RowContext, reason: ReasonCode): null {
  ctx.excluded.set(reason, (ctx.excluded.get(reason) ?? 0) + 1);
  return null;
}

/** The unit's name, or its HSA id where the name cell is empty; null after rejecting or excluding the row. */
function unitOf(ctx: RowContext, row: readonly Cell[], i: number): string | null {
  let cell = row[ctx.unitCol] ?? null;
  if (isBlank(cell) && ctx.map.unitId !== undefined && ctx.map.unitId !== ctx.unitCol) cell = row[ctx.map.unitId] ?? null;
  if (isBlank(cell)) return reject(ctx, i, ctx.unitCol, cell, "missingUnit");
  const raw = String(cell);
  let unit = ctx.units.get(raw);
  if (unit === undefined) {
    const trimmed = raw.trim();
    unit = SUMMARY_ROW.test(normalizeHeader(trimmed)) ? null : trimmed;
    ctx.units.set(raw, unit);
  }
  return unit ?? exclude(ctx, "summaryRow");
}

function measureOf(ctx: RowContext, row: readonly Cell[], i: number): MeasureId | null {
  const col = ctx.map.measure;
  if (col === undefined) return ctx.sheetMeasure;
  const cell = row[col] ?? null;
  if (isBlank(cell)) return reject(ctx, i, col, cell, "missingContactType");
  return parseContactType(cell) ?? reject(ctx, i, col, cell, "unknownContactType");
}

/** Marks a row already rejected with an Issue. */
const REJECTED: unique symbol = Symbol("rejected");

/** Parse an optional column: undefined when the column or the value is absent. */
function optional<T>(
  ctx: RowContext,
  row: readonly Cell[],
  i: number,
  col: number | undefined,
  parse: (c: Cell) => Parsed<T>,
): T | undefined | typeof REJECTED {
  if (col === undefined) return undefined;
  const cell = row[col] ?? null;
  if (isBlank(cell)) return undefined;
  const p = parse(cell);
  if (p.ok) return p.value;
  reject(ctx, i, col, cell, p.reason);
  return REJECTED;
}

const text = (row: readonly Cell[], col: number | undefined): string | null => {
  if (col === undefined) return null;
  const c = row[col];
  if (c === null || c === undefined) return null;
  // Most cells are already trimmed words: take them as they are, without a scan or a copy.
  if (
    typeof c === "string" &&
    c.length > 0 &&
    c.charCodeAt(0) > 32 &&
    c.charCodeAt(c.length - 1) > 32 &&
    c.charCodeAt(0) < 0xa0 &&
    c.charCodeAt(c.length - 1) < 0xa0
  )
    return c;
  return isBlank(c) ? null : String(c).trim();
};

function patientRow(ctx: RowContext, row: readonly Cell[], i: number): PatientRecord | null {
  const { map } = ctx;
  const unit = unitOf(ctx, row, i);
  if (unit === null) return null;
  const measure = measureOf(ctx, row, i);
  if (measure === null) return null;
  const start = optional(ctx, row, i, map.start, dateOf);
  if (start === REJECTED) return null;
  const visit = optional(ctx, row, i, map.visit, dateOf);
  if (visit === REJECTED) return null;
  const givenWaitDays = optional(ctx, row, i, map.waitDays, parseWaitDays);
  if (givenWaitDays === REJECTED) return null;
  if (start === undefined && givenWaitDays === undefined) {
    const col = map.start ?? map.waitDays!;
    return reject(ctx, i, col, row[col], map.start !== undefined ? "missingStart" : "missingWaitDays");
  }
  if (start !== undefined && visit !== undefined && visit < start) return reject(ctx, i, map.visit!, row[map.visit!], "visitBeforeStart");
  const code = optional(ctx, row, i, map.code, parseExceptionCode);
  if (code === REJECTED) return null;
  const covered = optional(ctx, row, i, map.guarantee, parseGuarantee);
  if (covered === REJECTED) return null;
  const measured = optional(ctx, row, i, map.measured, dateOf);
  if (measured === REJECTED) return null;
  return {
    sheet: ctx.grid.name,
    row: (ctx.grid.origin?.row ?? 0) + i + 1,
    unit,
    measure,
    start: start ?? null,
    visit: visit ?? null,
    givenWaitDays: givenWaitDays ?? null,
    code: code ?? null,
    covered: covered ?? true,
    specialty: ctx.unitCol !== map.specialty ? text(row, map.specialty) : null,
    profession: text(row, map.profession),
    measured: measured ?? null,
  };
}

const dateOf = (c: Cell) => parseDate(c);

function parseWaitDays(c: Cell): Parsed<number> {
  const p = parseNumber(c);
  if (!p.ok) return p;
  if (p.value < 0 || !Number.isInteger(p.value)) return { ok: false, reason: "invalidWaitDays" };
  return p;
}

function parseCount(c: Cell): Parsed<number> {
  const p = parseNumber(c);
  if (!p.ok) return p;
  if (p.value < 0 || !Number.isInteger(p.value)) return { ok: false, reason: "invalidCount" };
  return p;
}

function aggregateRow(ctx: RowContext, row: readonly Cell[], i: number, basis: Basis): AggregateRecord | null {
  const { map } = ctx;
  const unit = unitOf(ctx, row, i);
  if (unit === null) return null;
  const measure = measureOf(ctx, row, i);
  if (measure === null) return null;
  let suppressed = false;
  let failed = false;
  const read = (field: Field): number | null => {
    const col = map[field];
    if (col === undefined) return null;
    const cell = row[col] ?? null;
    if (isBlank(cell)) return null;
    if (isSuppressed(cell)) {
      suppressed = true;
      return null;
    }
    const p = field === "share" ? parseShare(cell, ctx.grid.formats?.[i]?.[col], cellText(ctx.headers[col] ?? null)) : parseCount(cell);
    if (p.ok) return p.value;
    failed = true;
    reject(ctx, i, col, cell, p.reason);
    return null;
  };
  let total = read("total");
  let withinLimit = read("withinLimit");
  let share = read("share");
  const bucketValues = BUCKET_FIELDS.map(read);
  let over365 = read("over365") ?? bucketValues[5];
  if (failed) return null;
  const buckets = bucketValues.every((b): b is number => b !== null) ? bucketValues : null;
  if (total === null && buckets) total = buckets.reduce((a, b) => a + b, 0);
  if (suppressed) {
    exclude(ctx, "suppressedFigures");
    return {
      sheet: ctx.grid.name,
      row: (ctx.grid.origin?.row ?? 0) + i + 1,
      unit,
      measure,
      basis,
      total: null,
      withinLimit: null,
      share: null,
      buckets: null,
      over365: null,
      suppressed: true,
    };
  }
  if (total === null && withinLimit === null && share === null) {
    const col = map.total ?? map.share ?? map.withinLimit ?? ctx.unitCol;
    return reject(ctx, i, col, row[col], "missingCounts");
  }
  if (total !== null && withinLimit !== null && withinLimit > total)
    return reject(ctx, i, map.withinLimit!, row[map.withinLimit!], "withinOverTotal");
  if (withinLimit === null && total !== null && share !== null) withinLimit = Math.round(share * total);
  if (share === null && total !== null && withinLimit !== null && total > 0) share = withinLimit / total;
  if (total === null && withinLimit !== null && share !== null && share > 0) total = Math.round(withinLimit / share);
  if (over365 === undefined) over365 = null;
  return {
    sheet: ctx.grid.name,
    row: (ctx.grid.origin?.row ?? 0) + i + 1,
    unit,
    measure,
    basis,
    total,
    withinLimit,
    share,
    buckets,
    over365,
    suppressed: false,
  };
}
