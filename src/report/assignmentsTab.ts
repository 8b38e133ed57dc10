import type { Results } from "../domain/results";
import type { Settings } from "../model/settings";
import type { Rating } from "../model/ratings";
import { serialFromIso } from "../model/days";
import { PlanBuilder } from "./planBuilder";
import type { SheetPlan } from "./plan";
import { RATING_FILL } from "./style";
import { NUMBER_FORMATS } from "./format";
import { ratingLegend, sourcesFootnote, tabTitle } from "./houseStyle";
import { TEXT, type Texts } from "./i18n";
import { type Lang } from "../model/lang";
import { slideNotes } from "./deckTexts";

export const ASSIGNMENTS_MARKER = "malkoll:assignments";

/** The "Uppdrag" tab: each assignment with its status, end date and colour, in the sheet's order. */
export function assignmentsPlan(results: Results, settings: Settings, lang: Lang): SheetPlan {
  const t = TEXT[lang];
  const notes = slideNotes(results, t.assignmentsTab, lang);
  const b = new PlanBuilder(notes, notes.footnote(results.sources.filter((s) => s.kind === "assignmentList").map((s) => s.sheet)));
  tabTitle(b, t.assignmentsTitle, results, t);
  // Owner and comment only when the sheet has them: an empty column is noise on a slide.
  const extras = (
    [
      ["owner", t.owner, 20],
      ["comment", t.comment, 48],
    ] as const
  ).filter(([k]) => results.assignments.some((a) => a[k] !== null));
  b.table(
    [
      { header: t.assignment, width: 48 },
      { header: t.status, width: 26 },
      { header: t.endDate, format: NUMBER_FORMATS.date, width: 12 },
      { header: t.colour, width: 14 },
      ...extras.map(([, header, width]) => ({ header, width })),
    ],
    // End dates as Excel dates (serials with a date format), so the tab sorts and filters by date.
    results.assignments.map((a) => [
      a.assignment,
      a.status,
      a.endDate === null ? null : serialFromIso(a.endDate),
      t.colourNames[a.rating],
      ...extras.map(([k]) => a[k]),
    ]),
    results.assignments.map((a) => ({ fills: { 3: RATING_FILL[a.rating] } })),
  );
  b.blank();
  ratingLegend(b, t.statusLegend, statusWords(settings, t));
  b.blank();
  sourcesFootnote(
    b,
    results.sources.filter((s) => s.kind === "assignmentList"),
    t,
    lang,
  );
  return b.build(t.assignmentsTab, ASSIGNMENTS_MARKER);
}

/** The status mapping in words: "Grönt: Avslutad, Genomförd, …". */
function statusWords(settings: Settings, t: Texts): Record<Rating, string> {
  const names = (r: Rating | "greyUntilEnd") =>
    Object.entries(settings.assignmentStatus)
      .filter(([, v]) => v === r)
      .map(([k]) => k)
      .join(", ");
  const line = (r: Rating) => `${t.colourNames[r]}: ${names(r) || "–"}`;
  const untilEnd = names("greyUntilEnd");
  return {
    green: line("green"),
    yellow: line("yellow"),
    red: line("red"),
    grey: untilEnd ? t.greyUntilEnd(untilEnd) : line("grey"),
  };
}
