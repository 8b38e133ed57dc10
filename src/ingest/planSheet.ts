import type { Cell, SheetGrid } from "../model/cells";
import { errorColumn, issueAt, usedColumns } from "./issues";
import type { AssignmentRecord, IndicatorRecord, Issue } from "./records";
import type { StatusRating } from "../model/ratings";
import type { Field } from "../model/sheets";
import type { ColumnMap } from "./columns";
import type { PlanSheetKind } from "./indicatorColumns";
import { type Parsed } from "../model/parsed";
import type { ReasonCode } from "../model/reasons";
import { cellText, isBlank, isErrorValue } from "./parse/text";
import { normalizeHeader } from "./parse/headers";
import { dateAt } from "./dateSystem";
import {
  type IndicatorValue,
  NOT_MEASURED,
  onOneScale,
  parseDirection,
  parseIndicatorValue,
  parseThreshold,
  splitOrImprove,
  unitSaysPercent,
} from "./indicatorValues";

/** What ingest made of an indicator or assignment sheet. */
export interface PlanRows {
  indicators: IndicatorRecord[];
  /** Goals in the sheet's order, also those written as a heading row with no indicator yet. */
  goals: string[];
  assignments: AssignmentRecord[];
  rowsRead: number;
  /** Goal heading rows: used (they name the goal of the rows below) but not indicators. */
  headingRows: number;
  issues: Issue[];
}

interface Ctx {
  grid: SheetGrid;
  headers: readonly Cell[];
  map: ColumnMap;
  issues: Issue[];
}

function reject(ctx: Ctx, i: number, col: number, reason: ReasonCode): null {
  ctx.issues.push(issueAt(ctx.grid, ctx.headers, i, col, ctx.grid.values[i]?.[col], reason));
  return null;
}

const textAt = (row: readonly Cell[], col: number | undefined): string | null => {
  if (col === undefined) return null;
  const c = row[col] ?? null;
  return c === null || isBlank(c) ? null : cellText(c).trim();
};

const REJECTED = Symbol("rejected");

function field<T>(
  ctx: Ctx,
  row: readonly Cell[],
  i: number,
  f: Field,
  parse: (c: Cell, format?: string | null) => Parsed<T>,
): T | undefined | typeof REJECTED {
  const col = ctx.map[f];
  if (col === undefined) return undefined;
  const p = parse(row[col] ?? null, ctx.grid.formats?.[i]?.[col]);
  if (p.ok) return p.value;
  reject(ctx, i, col, p.reason);
  return REJECTED;
}

/** Parse the rows of a recognised indicator or assignment sheet. Never throws on data. */
export function readPlanRows(
  grid: SheetGrid,
  kind: PlanSheetKind,
  headerIndex: number,
  map: ColumnMap,
  statuses: Record<string, StatusRating>,
): PlanRows {
  const ctx: Ctx = { grid, headers: grid.values[headerIndex], map, issues: [] };
  const out: PlanRows = { indicators: [], goals: [], assignments: [], rowsRead: 0, headingRows: 0, issues: ctx.issues };
  const statusByKey = new Map(Object.entries(statuses).map(([k, v]) => [normalizeHeader(k), v]));
  const used = usedColumns(map);
  let goal: string | null = null;
  for (let i = headerIndex + 1; i < grid.values.length; i++) {
    const row = grid.values[i];
    if (!row || row.every((c) => isBlank(c ?? null))) continue;
    out.rowsRead++;
    // An error value (#REF!, #N/A …) in any column read rejects the row: it is no name, number or status.
    const bad = errorColumn(row, used);
    if (kind === "assignmentList") {
      if (bad >= 0) {
        reject(ctx, i, bad, "errorValue");
        continue;
      }
      const a = assignmentRow(ctx, row, i, statusByKey);
      if (a) out.assignments.push(a);
      continue;
    }
    const written = map.goal === undefined || isErrorValue(row[map.goal] ?? null) ? null : textAt(row, map.goal);
    if (written !== null) goal = written;
    const current = goal ?? grid.name;
    if (!out.goals.includes(current)) out.goals.push(current);
    if (bad >= 0) {
      reject(ctx, i, bad, "errorValue");
      continue;
    }
    const indicator = textAt(row, map.indicator);
    const hasValues = [map.target, map.outcome].some((c) => c !== undefined && !isBlank(row[c] ?? null));
    if (indicator === null) {
      // A goal written once as a heading above its indicators.
      if (written !== null && !hasValues) out.headingRows++;
      else reject(ctx, i, map.indicator!, "missingIndicator");
      continue;
    }
    const rec = indicatorRow(ctx, row, i, current, indicator);
    if (rec) out.indicators.push(rec);
  }
  return out;
}

function indicatorRow(ctx: Ctx, row: readonly Cell[], i: number, goal: string, indicator: string): IndicatorRecord | null {
  const { map } = ctx;
  // "82 % eller +5 procentenheter" in the target cell: the target and an improvement in one.
  const split = map.target !== undefined ? splitOrImprove(row[map.target] ?? null) : null;
  const value = (f: Field) => field(ctx, row, i, f, (c, fmt) => parseIndicatorValue(f === "target" && split ? split.target : c, fmt));
  const target = value("target");
  const outcome = value("outcome");
  const previous = value("previousOutcome");
  const improve = split
    ? parseIndicatorValue(split.improveBy)
    : map.improveBy !== undefined
      ? parseIndicatorValue(row[map.improveBy] ?? null, ctx.grid.formats?.[i]?.[map.improveBy])
      : undefined;
  if (improve && !improve.ok) return reject(ctx, i, (split ? map.target : map.improveBy)!, "invalidImproveBy");
  const direction = field(ctx, row, i, "direction", parseDirection);
  const greenFrom = field(ctx, row, i, "greenFrom", parseThreshold);
  const yellowFrom = field(ctx, row, i, "yellowFrom", parseThreshold);
  if ([target, outcome, previous, direction, greenFrom, yellowFrom].includes(REJECTED)) return null;

  const unitOfMeasure = textAt(row, map.unitOfMeasure);
  const measured = (v: IndicatorValue | typeof NOT_MEASURED | undefined | typeof REJECTED) =>
    v === undefined || v === NOT_MEASURED || v === REJECTED ? null : v;
  const improveValue = improve?.ok && improve.value !== NOT_MEASURED ? improve.value : null;
  const [t, o, p, imp] = onOneScale(
    [measured(target), measured(outcome), measured(previous), improveValue],
    unitSaysPercent(unitOfMeasure) || /%|procent/i.test(cellText(ctx.headers[map.outcome ?? -1] ?? null)),
  );
  const dir = direction === undefined || direction === REJECTED ? null : direction;

  if (o !== null && t === null) return reject(ctx, i, map.target ?? map.outcome!, "missingTarget");
  if (t !== null && t.value < 0) return reject(ctx, i, map.target!, "negativeTarget");
  // A share of a zero target is no number: outcome / 0. Lower-is-better targets of 0 are fine.
  if (t !== null && t.value === 0 && dir !== "lower") return reject(ctx, i, map.target!, "zeroTargetHigher");
  const g = greenFrom === undefined || greenFrom === REJECTED ? null : greenFrom;
  const y = yellowFrom === undefined || yellowFrom === REJECTED ? null : yellowFrom;
  if (g !== null && y !== null && y > g) return reject(ctx, i, map.yellowFrom!, "yellowAboveGreen");
  return {
    sheet: ctx.grid.name,
    row: (ctx.grid.origin?.row ?? 0) + i + 1,
    goal,
    indicator,
    target: t,
    outcome: o,
    previous: p,
    improveBy: imp === null ? null : Math.abs(imp.value),
    direction: dir,
    greenFrom: g,
    yellowFrom: y,
    period: textAt(row, map.period),
    unitOfMeasure,
    comment: textAt(row, map.comment),
    owner: textAt(row, map.owner),
  };
}

function assignmentRow(ctx: Ctx, row: readonly Cell[], i: number, statuses: Map<string, StatusRating>): AssignmentRecord | null {
  const { map } = ctx;
  const assignment = textAt(row, map.assignment);
  if (assignment === null) return reject(ctx, i, map.assignment!, "missingAssignment");
  const status = textAt(row, map.status);
  if (status === null) return reject(ctx, i, map.status!, "missingStatus");
  const statusRating = statuses.get(normalizeHeader(status));
  if (statusRating === undefined) return reject(ctx, i, map.status!, "unknownStatus");
  let endDate: number | null = null;
  if (map.endDate !== undefined && !isBlank(row[map.endDate] ?? null)) {
    const d = dateAt(ctx.grid, i, map.endDate)(row[map.endDate] ?? null);
    if (!d.ok) return reject(ctx, i, map.endDate, d.reason);
    endDate = d.value;
  }
  return {
    sheet: ctx.grid.name,
    row: (ctx.grid.origin?.row ?? 0) + i + 1,
    assignment,
    status,
    statusRating,
    endDate,
    comment: textAt(row, map.comment),
    owner: textAt(row, map.owner),
  };
}
