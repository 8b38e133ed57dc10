import { type Cell, type SheetGrid, columnLetter } from "../model/cells";
import type { AggregateRecord, AssignmentRecord, IndicatorRecord, Issue, PatientRecord } from "./records";
import type { Basis, MeasureId } from "../model/measures";
import type { SheetKind } from "../model/sheets";
import type { StatusRating } from "../model/ratings";
import { findPlanHeader, ASSIGNMENT_RULES, INDICATOR_RULES, type PlanSheetKind } from "./indicatorColumns";
import { readPlanRows } from "./planSheet";
import { errorColumn, issueAt, usedColumns } from "./issues";
import type { Field } from "../model/sheets";
import type { SheetSettings } from "../model/settings";
import {
  type ColumnMap,
  PATIENT_FIELDS,
  applyMappingOverrides,
  findHeaderRow,
  mapColumnsWith,
  unitColumn,
  unitNameColumn,
} from "./columns";
import { namedMeasure, withGuesses } from "./guesses";
import { titleMeasurementDate } from "./titleDate";
import { type DaySerial, isoFromSerial, serialFromYmd } from "../model/days";
import { type Parsed } from "../model/parsed";
import type { ReasonCode } from "../model/reasons";
import type { MeasureFrom, SheetNote } from "../model/sheetNotes";
import { cellText, isBlank, isErrorValue, isSuppressed } from "./parse/text";
import { normalizeHeader } from "./parse/headers";
import { parseNumber } from "./parse/numbers";
import { parseShare } from "./parse/shares";
import { dateAt, measurementDateAt } from "./dateSystem";
import { parseContactStatus, parseExceptionCode, parseGuarantee, parsePhase } from "./parse/codes";
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
  /** The measurement date the title rows above the header give, if any. */
  titleDate: DaySerial | null;
  /** A code table's HSA id → unit name pairs, in its order. */
  unitNames: [string, string][];
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

const noRecords = () => ({
  patients: [],
  aggregates: [],
  indicators: [],
  goals: [],
  assignments: [],
  headingRows: 0,
  unitNames: [],
  titleDate: null,
});

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
  const resolved = resolveHeader(grid, found.index, found.map, settings);
  const { headers, headerRow, problem } = resolved;
  if (problem) return unrecognised(grid, problem, headerRow, resolved.columns);
  const title = values
    .slice(0, found.index)
    .flat()
    .filter((c): c is string => typeof c === "string")
    .join(" ");
  const guessed = withGuesses(grid, headers, resolved.map, settings);
  const map = guessed.map;
  const guesses = guessed.guesses;
  const { columns, columnLetters } = columnNames(grid, headers, map);

  const unitCol = unitColumn(map);
  const isPatient = PATIENT_FIELDS.some((f) => map[f] !== undefined);
  const isAggregate = AGGREGATE_FIELDS.some((f) => map[f] !== undefined);
  if (!settings?.kind && !isPatient && !isAggregate && map.unitId !== undefined && unitNameColumn(map) !== undefined) {
    return ingestUnitNames(grid, found.index, map, headerRow, columns, columnLetters);
  }
  let kind: SheetKind =
    settings?.kind ??
    (isPatient ? (map.visit !== undefined ? "completedList" : "waitingList") : isAggregate ? "unitAggregate" : "unrecognised");
  if (unitCol === undefined) kind = "unrecognised";
  if (kind === "unrecognised") {
    return unrecognised(grid, { code: unitCol === undefined ? "noUnitColumn" : "noDataColumns", headerRow }, headerRow, columns);
  }
  const uncalculated = uncalculatedNote(grid, found.index, map, headerRow);
  if (uncalculated) return unrecognised(grid, uncalculated, headerRow, columns);

  // The measure: SKR's phase or a contact-type column per row; else the settings, the sheet's name or its title.
  const named = settings?.measure ? null : namedMeasure(grid.name, title);
  const sheetMeasure = settings?.measure ?? named?.measure ?? null;
  const measureFrom: MeasureFrom =
    map.phase !== undefined ? "phase" : map.measure !== undefined ? "column" : settings?.measure ? "settings" : "sheetName";
  if (map.phase === undefined && map.measure === undefined && !settings?.measure) {
    if (!named) guesses.push({ target: "measure", measure: "firstVisit", why: "assumed", text: grid.name });
    else if (!named.certain) guesses.push({ target: "measure", measure: named.measure, why: "looseName", text: named.text });
  }
  if (guesses.length) {
    const blocked = unrecognised(grid, { code: "needsConfirmation", headerRow, guesses }, headerRow, columns);
    return { ...blocked, kind, columnLetters };
  }

  const ctx: RowContext = {
    grid,
    headers,
    map,
    unitCol: unitCol!,
    nameCol: unitNameColumn(map),
    sheetMeasure: sheetMeasure ?? "firstVisit",
    textCols: usedColumns({
      unitId: map.unitId,
      specialty: map.specialty,
      profession: map.profession,
      contactId: map.contactId,
      municipality: map.municipality,
    }),
    issues: [],
    excluded: new Map(),
    units: new Map(),
  };
  const basis: Basis =
    kind === "unitAggregate"
      ? (settings?.basis ?? aggregateBasis(`${grid.name} ${title} ${headers.map((h) => cellText(h)).join(" ")}`, ctx.sheetMeasure))
      : kind === "completedList"
        ? "completed"
        : "waiting";
  const note: SheetNote =
    kind === "unitAggregate"
      ? { code: "unitAggregate", basis, measureFrom }
      : { code: "patientList", basis, measureFrom, ...(map.contactStatus !== undefined ? { basisFrom: "status" as const } : {}) };
  const out: IngestedSheet = {
    sheet: grid.name,
    kind,
    note,
    headerRow,
    columns,
    columnLetters,
    ...noRecords(),
    titleDate: title ? titleMeasurementDate(title) : null,
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
  const problem: SheetNote | null = missing.length ? { code: "missingMappedColumns", headers: missing, headerRow } : null;
  return { headers, map, headerRow, ...columnNames(grid, headers, map), problem };
}

/** Field → the header text and the column letter of the column used. */
function columnNames(grid: SheetGrid, headers: readonly Cell[], map: ColumnMap) {
  const columns: Partial<Record<Field, string>> = {};
  const columnLetters: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(map) as [Field, number][]) {
    columns[field] = cellText(headers[col] ?? null);
    columnLetters[field] = columnLetter((grid.origin?.col ?? 0) + col);
  }
  return { columns, columnLetters };
}

/**
 * Formulas saved without their values in the columns the map reads, below the header row: the
 * sheet is not computed (each such cell would read as empty, "Startdatum saknas" on every row).
 */
function uncalculatedNote(grid: SheetGrid, index: number, map: ColumnMap, headerRow: number): SheetNote | null {
  const found = grid.uncalculated;
  if (!found?.length) return null;
  const origin = grid.origin ?? { row: 0, col: 0 };
  const used = usedColumns(map);
  const columns = found.filter((u) => u.lastRow > origin.row + index && used.includes(u.col - origin.col)).map((u) => columnLetter(u.col));
  return columns.length ? { code: "uncalculated", headerRow, columns } : null;
}

/** A code table: HSA id → the unit's name, for workbooks whose lists carry only ids (DOMAIN.md §3). */
function ingestUnitNames(
  grid: SheetGrid,
  index: number,
  map: ColumnMap,
  headerRow: number,
  columns: Partial<Record<Field, string>>,
  columnLetters: Partial<Record<Field, string>>,
): IngestedSheet {
  const uncalculated = uncalculatedNote(grid, index, map, headerRow);
  if (uncalculated) return unrecognised(grid, uncalculated, headerRow, columns);
  const idCol = map.unitId!;
  const nameCol = unitNameColumn(map)!;
  const unitNames: [string, string][] = [];
  const issues: Issue[] = [];
  let rowsRead = 0;
  for (let i = index + 1; i < grid.values.length; i++) {
    const row = grid.values[i];
    if (!row || rowIsBlank(row)) continue;
    rowsRead++;
    const id = cellText(row[idCol] ?? null).trim();
    const name = cellText(row[nameCol] ?? null).trim();
    const bad = errorColumn(row, [idCol, nameCol]);
    if (bad >= 0) issues.push(issueAt(grid, grid.values[index], i, bad, row[bad], "errorValue"));
    else if (id === "") issues.push(issueAt(grid, grid.values[index], i, idCol, row[idCol], "missingUnit"));
    else if (name === "") issues.push(issueAt(grid, grid.values[index], i, nameCol, row[nameCol], "missingUnit"));
    else unitNames.push([id, name]);
  }
  return {
    sheet: grid.name,
    kind: "unitNames",
    note: { code: "unitNames", count: unitNames.length },
    headerRow,
    columns,
    columnLetters,
    ...noRecords(),
    unitNames,
    rowsRead,
    excluded: new Map(),
    issues,
  };
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
  const uncalculated = uncalculatedNote(grid, index, map, headerRow);
  if (uncalculated) return unrecognised(grid, uncalculated, headerRow, columns);
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
    unitNames: [],
    titleDate: null,
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
  /** The column rejected when a row names no unit: its name column, else its id column. */
  unitCol: number;
  nameCol: number | undefined;
  sheetMeasure: MeasureId;
  /** The columns a patient row keeps as text, unparsed: where an error value must be looked for. */
  textCols: number[];
  issues: Issue[];
  excluded: Map<ReasonCode, number>;
  /** Cell text → trimmed unit, or null for a summary row: a million rows carry a few dozen units. */
  units: Map<string, string | null>;
}

function reject(ctx: RowContext, i: number, col: number, value: Cell | undefined, reason: ReasonCode): null {
  // Every cell parser refuses an error value (#REF!, #N/A …); the reason is then the error, not the
  // parser's "invalid date": found here, where a row fails, so that the rows that parse pay nothing.
  ctx.issues.push(issueAt(ctx.grid, ctx.headers, i, col, value, isErrorValue(value ?? null) ? "errorValue" : reason));
  return null;
}

function exclude(ctx: RowContext, reason: ReasonCode): null {
  ctx.excluded.set(reason, (ctx.excluded.get(reason) ?? 0) + 1);
  return null;
}

/** The unit's name, or its id where the row has no name; null after rejecting or excluding the row. */
function unitOf(ctx: RowContext, row: readonly Cell[], i: number): string | null {
  let col = ctx.nameCol;
  let cell = col === undefined ? null : (row[col] ?? null);
  if (isBlank(cell) && ctx.map.unitId !== undefined) cell = row[(col = ctx.map.unitId)] ?? null;
  if (isBlank(cell)) return reject(ctx, i, ctx.unitCol, cell, "missingUnit");
  const raw = String(cell);
  let unit = ctx.units.get(raw);
  if (unit === undefined) {
    // A unit's text is not parsed: an error value is looked for here, once per distinct text.
    if (isErrorValue(cell)) return reject(ctx, i, col!, cell, "errorValue");
    const trimmed = raw.trim();
    unit = SUMMARY_ROW.test(normalizeHeader(trimmed)) ? null : trimmed;
    ctx.units.set(raw, unit);
  }
  return unit ?? exclude(ctx, "summaryRow");
}

/** The measure: SKR's phase (a return visit is excluded), a contact-type text, or the sheet's own. */
function measureOf(ctx: RowContext, row: readonly Cell[], i: number): MeasureId | null {
  const phaseCol = ctx.map.phase;
  if (phaseCol !== undefined) {
    const cell = row[phaseCol] ?? null;
    if (isBlank(cell)) return reject(ctx, i, phaseCol, cell, "missingPhase");
    const p = parsePhase(cell);
    if (!p.ok) return reject(ctx, i, phaseCol, cell, p.reason);
    return p.value === "returnVisit" ? exclude(ctx, "returnVisit") : p.value;
  }
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
  // Rows set aside by rule (a summary row, a return visit) stay so; an error value in a text kept as
  // it is rejects the row (the parsed columns' errors are told apart by reject).
  if (ctx.textCols.length) {
    const bad = errorColumn(row, ctx.textCols);
    if (bad >= 0) return reject(ctx, i, bad, row[bad], "errorValue");
  }
  // The hot path of a million-row list: the model's columns cost nothing where a sheet lacks them.
  const statusCol = map.contactStatus;
  const basis = statusCol === undefined ? undefined : optional(ctx, row, i, statusCol, parseContactStatus);
  if (basis === REJECTED) return null;
  if (basis === undefined && statusCol !== undefined) return reject(ctx, i, statusCol, row[statusCol], "missingContactStatus");
  // Dates by the workbook's date system (a plain number in a 1904 workbook is a 1904 serial).
  const grid = ctx.grid;
  const start = optional(ctx, row, i, map.start, dateAt(grid, i, map.start));
  if (start === REJECTED) return null;
  if (start !== undefined && start < FILLED_FROM) return placeholder(ctx, row, i, map.start!, start);
  // A waiting row's visit is empty by definition: SKR's status wins over a stray date.
  const visit = basis === "waiting" ? undefined : optional(ctx, row, i, map.visit, dateAt(grid, i, map.visit));
  if (visit === REJECTED) return null;
  if (visit !== undefined && visit < FILLED_FROM) return placeholder(ctx, row, i, map.visit!, visit);
  if (basis === "completed" && visit === undefined) {
    const col = map.visit ?? map.contactStatus!;
    return reject(ctx, i, col, row[col], "missingVisit");
  }
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
  const measured = optional(ctx, row, i, map.measured, measurementDateAt(grid, i, map.measured));
  if (measured === REJECTED) return null;
  return {
    sheet: ctx.grid.name,
    row: (ctx.grid.origin?.row ?? 0) + i + 1,
    unit,
    unitId: map.unitId === undefined ? null : text(row, map.unitId),
    measure,
    basis: basis ?? null,
    start: start ?? null,
    visit: visit ?? null,
    givenWaitDays: givenWaitDays ?? null,
    code: code ?? null,
    // Where the sheet has the flag, a blank one is "vårdgaranti saknas" (DOMAIN.md §1); without the column every row counts.
    covered: map.guarantee === undefined ? true : (covered ?? null),
    specialty: ctx.unitCol !== map.specialty ? text(row, map.specialty) : null,
    profession: text(row, map.profession),
    measured: measured ?? null,
    contactId: map.contactId === undefined ? null : text(row, map.contactId),
    municipality: map.municipality === undefined ? null : text(row, map.municipality),
  };
}

/** Dates before 2010 are placeholders ("1900-01-01"): not filled in, never a 40,000-day wait (DOMAIN.md §1). */
export const FILLED_FROM: DaySerial = serialFromYmd(2010, 1, 1);

/** A placeholder date, shown as the date it is (`serial`, in either date system) when the cell is a number. */
const placeholder = (ctx: RowContext, row: readonly Cell[], i: number, col: number, serial: DaySerial): null =>
  reject(ctx, i, col, typeof row[col] === "number" ? isoFromSerial(serial) : row[col], "placeholderDate");

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
