import type { Results } from "../domain/results";
import type { Cell } from "../model/cells";
import { PlanBuilder } from "./planBuilder";
import type { SheetPlan } from "./plan";
import { FONT } from "./style";
import { NUMBER_FORMATS } from "./format";
import { TEXT, type Texts } from "./i18n";
import { type Lang } from "../model/lang";
import { measuredLine } from "./houseStyle";
import { slideNotes } from "./deckTexts";
import type { ReasonCode } from "../model/reasons";
import { noteText, reasonText } from "./reasons";

export const DATA_CHECK_MARKER = "malkoll:dataCheck";

/** Excel's last row is 1,048,576; past this many rejected rows the tab says how many it left out. */
export const MAX_LISTED_ISSUES = 1_000_000;

/** The "Datakontroll" tab: row counts per source sheet, counts per reason, and every rejected row. */
export function dataCheckPlan(results: Results, lang: Lang): SheetPlan {
  const t = TEXT[lang];
  const notes = slideNotes(results, t.dataCheckTab, lang);
  // Every source sheet; the slides say where the full list of rejected rows is, which they leave out.
  const sheets = results.sources.map((s) => s.sheet);
  const b = new PlanBuilder(notes, notes.footnote(sheets, [], notes.rowsLeftOut));
  b.title(t.dataCheckTitle);
  b.line(measuredLine(results, t));
  b.blank();
  b.table(
    [
      { header: t.sheet, width: 26 },
      { header: t.kind, width: 26 },
      { header: t.headerRow, format: NUMBER_FORMATS.days, width: 10 },
      { header: t.read, format: NUMBER_FORMATS.count, width: 10 },
      { header: t.used, format: NUMBER_FORMATS.count, width: 10 },
      { header: t.excluded, format: NUMBER_FORMATS.count, width: 12 },
      { header: t.rejected, format: NUMBER_FORMATS.count, width: 30 },
      { header: t.comment, width: 60 },
    ],
    results.sources.map((s) => [
      s.sheet,
      t.kinds[s.kind],
      s.headerRow,
      s.rowsRead,
      s.rowsUsed,
      s.rowsExcluded,
      s.rowsRejected,
      noteText(s.note, lang),
    ]),
  );
  b.blank();

  const rejectedByReason = new Map<ReasonCode, number>();
  for (const i of results.issues) rejectedByReason.set(i.reason, (rejectedByReason.get(i.reason) ?? 0) + 1);
  b.line(t.reasonsTitle, FONT.heading);
  b.table(
    [{ header: t.reason }, { header: t.treatment }, { header: t.count, format: NUMBER_FORMATS.count }],
    [
      ...results.exclusions.map((e) => [reasonText(e.reason, lang), t.excludedByRule, e.count]),
      ...[...rejectedByReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => [reasonText(reason, lang), t.rejectedRow, n]),
    ],
  );
  b.blank();

  qualitySection(b, results, t);

  // The list itself stays on the tab: its footnote need not say where it is.
  b.from(notes.footnote(sheets));
  b.line(t.rowsTitle, FONT.heading);
  if (results.issues.length === 0) b.line(t.noRejected);
  const shown = results.issues.slice(0, MAX_LISTED_ISSUES);
  if (shown.length < results.issues.length)
    b.line(t.truncated(t.num.integer(shown.length), t.num.integer(results.issues.length)), FONT.note);
  if (shown.length)
    rowsTable(
      b,
      t,
      t.reason,
      shown.map((i) => [i.sheet, i.row, i.column, i.cell, i.value, reasonText(i.reason, lang)]),
    );
  // Flagged rows after the rejected ones, within what one sheet can hold.
  const flagged = results.dataQuality
    .flatMap((q) => q.rows.map((r) => ({ ...r, check: q.check })))
    .slice(0, MAX_LISTED_ISSUES - shown.length);
  if (flagged.length) {
    b.blank();
    b.line(t.flaggedTitle, FONT.heading);
    rowsTable(
      b,
      t,
      t.check,
      flagged.map((f) => [f.sheet, f.row, f.column, f.cell, f.value, t.qualityChecks[f.check]]),
    );
  }
  return b.build(t.dataCheckTab, DATA_CHECK_MARKER);
}

/** Rows as the user finds them in Excel: sheet, row, column, cell, value, and why (off the slides: the list stays in the workbook). */
function rowsTable(b: PlanBuilder, t: Texts, why: string, rows: Cell[][]): void {
  b.table(
    [
      { header: t.sheet },
      { header: t.row, format: NUMBER_FORMATS.days },
      { header: t.column },
      { header: t.cell },
      { header: t.value },
      { header: why },
    ],
    rows,
    [],
    { onSlides: false },
  );
}

/** The reference's checks, each a count: rejected rows are in the list below, flagged ones counted and listed last. */
function qualitySection(b: PlanBuilder, results: Results, t: Texts): void {
  if (!results.dataQuality.length) return;
  b.line(t.qualityTitle, FONT.heading);
  b.table(
    [{ header: t.check }, { header: t.count, format: NUMBER_FORMATS.count }, { header: t.treatment }],
    results.dataQuality.map((q) => [
      q.homeCounties ? `${t.qualityChecks[q.check]} (${t.homeCounties(q.homeCounties.join(", "))})` : t.qualityChecks[q.check],
      q.count,
      q.count === 0 ? t.qualityOk : q.treatment === "rejected" ? t.qualityRejected : t.qualityFlagged,
    ]),
  );
  b.blank();
}
