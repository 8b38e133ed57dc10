import type { SheetGrid } from "../model/cells";
import type { Issue, PatientRecord } from "../ingest/records";
import { type IngestedSheet, ingestSheet } from "../ingest/sheet";
import { HEADER_SEARCH_ROWS } from "../ingest/columns";
import { isoFromSerial, serialFromIso } from "../model/days";
import type { Settings } from "../model/settings";
import type { ReasonCode } from "../model/reasons";
import type { SheetNote } from "../model/sheetNotes";
import type { Guess } from "../model/mapping";
import type { History, Results, SourceSummary } from "../domain/results";
import { EMPTY_HISTORY, historyOf, mergeHistory, previousDate, previousOutcomes, regionTrend, withPrevious } from "../domain/history";
import { computeCareGuarantee } from "../domain/careGuarantee";
import { computeGoals, rateAssignment } from "../domain/goals";
import { resolveMeasurementDate } from "../domain/measurementDate";
import { checkDataQuality } from "../domain/dataQuality";
import type { SheetPlan } from "../report/plan";
import { type Lang } from "../model/lang";
import { summaryPlans } from "../report/summaryPlans";
import { parseHistory } from "../report/historyTab";

export type { Lang };

export interface RunOptions {
  /** Measurement date "YYYY-MM-DD"; else a measurement-date column, else the month end of the newest date. */
  date?: string;
  lang: Lang;
  /** Earlier runs' figures (the workbook's Historik tab, --previous): the previous period and the trend. */
  past?: Past;
}

/** Earlier runs' figures as read from a history tab, and the rows of it that could not be read. */
export interface Past {
  history: History;
  issues: Issue[];
}
export const NO_PAST: Past = { history: EMPTY_HISTORY, issues: [] };

/** ingest → domain → report, pure: the same engine for the add-in, the CLI and the preview. */
export function runPipeline(grids: SheetGrid[], settings: Settings, opts: RunOptions): { results: Results; plans: SheetPlan[] } {
  const results = computeResults(grids, settings, opts.date, opts.past);
  return { results, plans: summaryPlans(results, settings, opts.lang) };
}

export function computeResults(
  grids: SheetGrid[],
  settings: Settings,
  date?: string,
  { history: past, issues: pastIssues }: Past = NO_PAST,
): Results {
  const given = date === undefined ? null : serialFromIso(date);
  if (date !== undefined && given === null) throw new RangeError(`Ogiltigt mätdatum "${date}": ange ÅÅÅÅ-MM-DD.`);
  const sheets = grids.map((g) => ingestSheet(g, settings.sheets[g.name], settings.assignmentStatus));
  // concat, not flatMap: flatMap copies a million-row array element by element (~0.2 s).
  const patients: PatientRecord[] = ([] as PatientRecord[]).concat(...sheets.map((s) => s.patients));
  const measured = resolveMeasurementDate(
    given,
    patients,
    sheets.flatMap((s) => (s.titleDate === null ? [] : [s.titleDate])),
  );
  // No date at all means no row has a start or visit date: only given waits, which need none.
  const cg = computeCareGuarantee(
    patients,
    sheets.flatMap((s) => s.aggregates),
    measured?.date ?? Infinity,
    settings,
    new Map(sheets.flatMap((s) => s.unitNames)),
  );

  // Fold each patient row's fate back into its sheet's counts: read = used + excluded + rejected.
  // Patients are in sheet order (concat above), so each sheet owns one contiguous run of fates.
  const used = new Map<string, number>();
  const domainIssues = new Map<string, Issue[]>();
  let k = 0;
  for (const sheet of sheets) {
    let n =
      sheet.aggregates.filter((a) => !a.suppressed).length +
      sheet.indicators.length +
      sheet.headingRows +
      sheet.assignments.length +
      sheet.unitNames.length;
    const rejected: Issue[] = [];
    for (const end = k + sheet.patients.length; k < end; k++) {
      const fate = cg.fates[k];
      if (fate.kind === "used") n++;
      else if (fate.kind === "excluded") sheet.excluded.set(fate.reason, (sheet.excluded.get(fate.reason) ?? 0) + 1);
      else rejected.push(issueAt(sheet, patients[k], fate.field, fate.reason));
    }
    used.set(sheet.sheet, n);
    domainIssues.set(sheet.sheet, rejected);
  }

  // The previous period: the latest earlier date in the history, per measure and for the indicators.
  const iso = measured ? isoFromSerial(measured.date) : null;
  const measures = iso ? withPrevious(cg.measures, past.care, iso) : cg.measures;
  const goals = computeGoals(
    sheets.flatMap((s) => s.goals.map((goal) => ({ sheet: s.sheet, goal }))),
    sheets.flatMap((s) => s.indicators),
    settings,
    iso ? previousOutcomes(past.indicators, iso) : undefined,
  );
  const history = iso ? mergeHistory(past, historyOf(iso, measures, goals.indicators)) : past;
  const previous = iso ? previousDate([...past.care, ...past.indicators], iso) : null;
  const assignments = sheets.flatMap((s) => s.assignments).map((a) => rateAssignment(a, measured?.date ?? null));

  const issues: Issue[] = [...pastIssues];
  const exclusions = new Map<ReasonCode, number>();
  const sources: SourceSummary[] = sheets.map((s) => {
    const sheetIssues = [...s.issues, ...(domainIssues.get(s.sheet) ?? [])].sort((a, b) => a.row - b.row);
    issues.push(...sheetIssues);
    let excluded = 0;
    for (const [reason, n] of s.excluded) {
      excluded += n;
      exclusions.set(reason, (exclusions.get(reason) ?? 0) + n);
    }
    return {
      sheet: s.sheet,
      kind: s.kind,
      note: s.note,
      columns: s.columns as Record<string, string>,
      headerRow: s.headerRow,
      rowsRead: s.rowsRead,
      rowsUsed: used.get(s.sheet) ?? 0,
      rowsExcluded: excluded,
      rowsRejected: new Set(sheetIssues.map((i) => i.row)).size,
    };
  });
  const byName = new Map(sheets.map((s) => [s.sheet, s]));
  const dataQuality = checkDataQuality(
    patients,
    issues,
    (sheet, field) => ({ header: byName.get(sheet)?.columns[field] ?? field, letter: byName.get(sheet)?.columnLetters[field] ?? "" }),
    settings.homeCounties,
  );
  return {
    measurementDate: measured ? isoFromSerial(measured.date) : null,
    measurementDateSource: measured?.source ?? null,
    careGuarantee: measures,
    dataQuality,
    indicators: goals.indicators,
    goals: goals.goals,
    assignments,
    sources,
    previousDate: previous,
    history,
    trend: iso ? regionTrend(history.care, iso) : [],
    exclusions: [...exclusions].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    issues,
  };
}

/** An Issue for a row the domain rejected, pointing at the cell that caused it. */
function issueAt(sheet: IngestedSheet, p: PatientRecord, field: "start" | "visit", reason: ReasonCode): Issue {
  const value = p[field];
  return {
    sheet: p.sheet,
    row: p.row,
    column: sheet.columns[field] ?? field,
    cell: `${sheet.columnLetters[field] ?? ""}${p.row}`,
    value: value === null ? "" : isoFromSerial(value),
    reason,
  };
}

/** What the task pane shows before a run: each sheet's kind, header row and mapped columns. */
export interface SheetDetection {
  sheet: string;
  kind: IngestedSheet["kind"];
  /** report/reasons.ts `noteText` has its words. */
  note: SheetNote;
  headerRow: number | null;
  /** Field → the header text of the column used. */
  columns: IngestedSheet["columns"];
  /** Every header text of the header row, for choosing another column. */
  headers: string[];
  /** Non-blank rows below the header row (the whole sheet, not only the rows detection looked at). */
  rows: number;
  /** What the reading rests on that needs confirming; empty when every mapping is certain. */
  guesses: Guess[];
}

/** Detection only: header search and column mapping on the first rows, cheap on any sheet size. */
export function detectSheets(grids: SheetGrid[], settings: Settings): SheetDetection[] {
  return grids.map((g) => {
    const head: SheetGrid = { ...g, values: g.values.slice(0, HEADER_SEARCH_ROWS), formats: g.formats?.slice(0, HEADER_SEARCH_ROWS) };
    const s = ingestSheet(head, settings.sheets[g.name], settings.assignmentStatus);
    const at = s.headerRow === null ? -1 : s.headerRow - (g.origin?.row ?? 0) - 1;
    const headers = at < 0 ? [] : (g.values[at] ?? []).map((c) => (c === null ? "" : String(c).trim())).filter((h) => h !== "");
    let rows = 0;
    for (let i = at + 1; at >= 0 && i < g.values.length; i++) if (g.values[i]?.some((c) => c !== null && String(c).trim() !== "")) rows++;
    const guesses = s.note.code === "needsConfirmation" ? s.note.guesses : [];
    return { sheet: s.sheet, kind: s.kind, note: s.note, headerRow: s.headerRow, columns: s.columns, headers, rows, guesses };
  });
}

/**
 * Earlier runs' figures: other runs' results (the sheets of a --previous workbook without a
 * history tab), then history tabs in order; a later source wins on the same measurement date.
 */
export function pastFrom(historyGrids: readonly SheetGrid[], earlierRuns: readonly Results[] = []): Past {
  let history = EMPTY_HISTORY;
  const issues: Issue[] = [];
  for (const r of earlierRuns)
    if (r.measurementDate) history = mergeHistory(history, historyOf(r.measurementDate, r.careGuarantee, r.indicators));
  for (const g of historyGrids) {
    const parsed = parseHistory(g);
    history = mergeHistory(history, parsed.history);
    issues.push(...parsed.issues);
  }
  return { history, issues };
}
