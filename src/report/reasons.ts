import type { Lang } from "../model/lang";
import type { ReasonCode } from "../model/reasons";
import type { MeasureFrom, SheetNote, SheetNoteCode } from "../model/sheetNotes";
import type { ColumnGuessWhy, Guess, MeasureGuessWhy } from "../model/mapping";
import { TEXT } from "./i18n";
import { FIELD_NAMES } from "./fieldNames";

// The words for ingest's and domain's codes: why a row was rejected or set aside, how a sheet was
// recognised, and the group of rows that do not name one. The Swedish words are the ones the tabs
// have always shown; a test checks that every code has words in every language.

const REASONS: Record<Lang, Record<ReasonCode, string>> = {
  sv: {
    errorValue: "Felvärde i cellen (ett formelfel som #REF! eller #N/A)",
    missingValue: "Värde saknas",
    invalidNumber: "Ogiltigt tal",
    suppressed: "Undertryckt värde",
    invalidShare: "Ogiltig andel",
    negativeShare: "Negativ andel",
    shareOver100: "Andel över 100 %",
    missingDate: "Datum saknas",
    invalidDate: "Ogiltigt datum",
    dateOutOfRange: "Datum utanför rimligt intervall",
    unknownExceptionCode: "Okänd avvikelsekod",
    unknownGuarantee: "Okänd vårdgarantimarkering",
    missingUnit: "Enhet saknas",
    missingContactType: "Kontakttyp saknas",
    unknownContactType: "Okänd kontakttyp",
    missingStart: "Startdatum saknas",
    missingWaitDays: "Väntetid saknas",
    visitBeforeStart: "Besöksdatum före startdatum",
    invalidWaitDays: "Ogiltig väntetid (dagar)",
    invalidCount: "Ogiltigt antal",
    missingCounts: "Antal och andel saknas",
    withinOverTotal: "Fler inom gränsen än totalt",
    missingPhase: "Fas saknas",
    unknownPhase: "Okänd fas (1 förstabesök, 2 operation/åtgärd, 4 återbesök)",
    missingContactStatus: "Status saknas (väntande/genomförd)",
    unknownContactStatus: "Okänd status (väntande/genomförd)",
    placeholderDate: "Datum ej ifyllt (före 2010-01-01)",
    missingVisit: "Genomförd utan besöksdatum",
    returnVisit: "Återbesök (fas 4, omfattas inte av vårdgarantin)",
    summaryRow: "Summeringsrad (räknas inte som enhet)",
    suppressedFigures: "Undertryckt värde (färre än 5), räknas inte som noll",
    notANumber: "Värdet är inte ett tal",
    invalidThreshold: "Ogiltig gräns (ange t.ex. 90 %)",
    unknownDirection: "Okänd riktning (ange Högre är bättre eller Lägre är bättre)",
    missingIndicator: "Indikator saknas",
    invalidImproveBy: "Förbättringsmålet är inte ett tal",
    missingTarget: "Målvärde saknas",
    negativeTarget: "Negativt målvärde kan inte bedömas som andel av målet",
    zeroTargetHigher: "Målvärde 0 med högre är bättre: andel av målet kan inte beräknas",
    yellowAboveGreen: "Gul gräns över grön gräns",
    missingAssignment: "Uppdrag saknas",
    missingStatus: "Status saknas",
    unknownStatus: "Okänd status (lägg till den i inställningarna)",
    notCovered: "Omfattas inte av vårdgarantin",
    guaranteeMissing: "Vårdgaranti saknas (tom markering)",
    outsidePeriod: "Genomförd utanför perioden",
    exceptionPvV: "PvV (patientvald väntan)",
    exceptionMoV: "MoV (medicinskt orsakad väntan)",
    exceptionSoV: "SoV (särskilda skäl)",
    startAfterMeasured: "Startdatum efter mätdatum",
    historyInvalidDate: "Historik: ogiltigt mätdatum",
    historyUnknownMeasure: "Historik: okänt mått",
    historyUnknownBasis: "Historik: okänd grund",
    historyMissingUnit: "Historik: enhet saknas",
    historyNotANumber: "Historik: inte ett tal",
    historyMissingIndicator: "Historik: indikator saknas",
  },
  en: {
    errorValue: "Error value in the cell (a formula error such as #REF! or #N/A)",
    missingValue: "Value missing",
    invalidNumber: "Invalid number",
    suppressed: "Suppressed value",
    invalidShare: "Invalid share",
    negativeShare: "Negative share",
    shareOver100: "Share over 100 %",
    missingDate: "Date missing",
    invalidDate: "Invalid date",
    dateOutOfRange: "Date outside a plausible range",
    unknownExceptionCode: "Unknown exception code",
    unknownGuarantee: "Unknown care-guarantee flag",
    missingUnit: "Unit missing",
    missingContactType: "Contact type missing",
    unknownContactType: "Unknown contact type",
    missingStart: "Start date missing",
    missingWaitDays: "Waiting time missing",
    visitBeforeStart: "Visit date before start date",
    invalidWaitDays: "Invalid waiting time (days)",
    invalidCount: "Invalid count",
    missingCounts: "Count and share missing",
    withinOverTotal: "More within the limit than in total",
    missingPhase: "Phase missing",
    unknownPhase: "Unknown phase (1 first visit, 2 operation/treatment, 4 return visit)",
    missingContactStatus: "Status missing (waiting/completed)",
    unknownContactStatus: "Unknown status (waiting/completed)",
    placeholderDate: "Date not filled in (before 2010-01-01)",
    missingVisit: "Completed without a visit date",
    returnVisit: "Return visit (phase 4, not covered by the care guarantee)",
    summaryRow: "Summary row (not counted as a unit)",
    suppressedFigures: "Suppressed value (fewer than 5), not counted as zero",
    notANumber: "The value is not a number",
    invalidThreshold: "Invalid threshold (write e.g. 90 %)",
    unknownDirection: "Unknown direction (write Higher is better or Lower is better)",
    missingIndicator: "Indicator missing",
    invalidImproveBy: "The improvement target is not a number",
    missingTarget: "Target missing",
    negativeTarget: "A negative target cannot be assessed as a share of the target",
    zeroTargetHigher: "Target 0 with higher is better: the share of the target cannot be computed",
    yellowAboveGreen: "Yellow threshold above green threshold",
    missingAssignment: "Assignment missing",
    missingStatus: "Status missing",
    unknownStatus: "Unknown status (add it in the settings)",
    notCovered: "Not covered by the care guarantee",
    guaranteeMissing: "Care-guarantee flag missing (blank)",
    outsidePeriod: "Completed outside the period",
    exceptionPvV: "PvV (patient chose to wait)",
    exceptionMoV: "MoV (medically caused wait)",
    exceptionSoV: "SoV (special reasons)",
    startAfterMeasured: "Start date after the measurement date",
    historyInvalidDate: "History: invalid measurement date",
    historyUnknownMeasure: "History: unknown measure",
    historyUnknownBasis: "History: unknown basis",
    historyMissingUnit: "History: unit missing",
    historyNotANumber: "History: not a number",
    historyMissingIndicator: "History: indicator missing",
  },
};

/** A reason in words: "Ogiltigt datum", "Invalid date". */
export const reasonText = (code: ReasonCode, lang: Lang): string => REASONS[lang][code];

/** One function per note code, each given its own case of the union. */
type NoteWords = { [C in SheetNoteCode]: (note: Extract<SheetNote, { code: C }>) => string };

const SV_MEASURE_FROM: Record<MeasureFrom, string> = {
  column: "kontakttyp per rad",
  phase: "mått från fas per rad",
  sheetName: "mått från bladets namn/rubrik",
  settings: "mått från inställningarna",
};
const EN_MEASURE_FROM: Record<MeasureFrom, string> = {
  column: "contact type per row",
  phase: "measure from the phase (fas) per row",
  sheetName: "measure from the sheet's name/title",
  settings: "measure from the settings",
};
const quoted = (headers: string[]) => headers.map((h) => `"${h}"`).join(", ");
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const NOTES: Record<Lang, NoteWords> = {
  sv: {
    patientList: (n) =>
      `Patientlista (${n.basisFrom === "status" ? "väntande och genomförda enligt status per rad" : n.basis === "completed" ? "genomförda, väntande där besöksdatum saknas" : "väntande"}), ${SV_MEASURE_FROM[n.measureFrom]}.`,
    unitAggregate: (n) =>
      `Sammanställning per enhet (${n.basis === "waiting" ? "väntande" : "genomförda"}), ${SV_MEASURE_FROM[n.measureFrom]}.`,
    indicators: (n) => `Indikatorer (${n.goals} mål, ${n.indicators} indikatorer).`,
    assignments: (n) => `Uppdrag (${n.count} st).`,
    unitNames: (n) => `Kodtabell med enheternas namn (${n.count} enheter).`,
    ignored: () => "Bladet hoppas över enligt inställningarna.",
    noHeader: () => "Ingen rubrikrad med enhet och datum, väntetid eller antal hittades bland de första raderna.",
    noIndicatorHeader: () => "Ingen rubrikrad med indikator och målvärde eller utfall hittades.",
    noAssignmentHeader: () => "Ingen rubrikrad med uppdrag och status hittades.",
    noUnitColumn: (n) => `Rubrikraden på rad ${n.headerRow} har ingen kolumn för enhet (t.ex. Enhet, Klinik, Vårdenhet).`,
    noDataColumns: (n) => `Rubrikraden på rad ${n.headerRow} har varken datum, väntetid eller antal.`,
    noIndicatorColumns: (n) => `Rubrikraden på rad ${n.headerRow} saknar kolumn för indikator och målvärde/utfall.`,
    noAssignmentColumns: (n) => `Rubrikraden på rad ${n.headerRow} saknar kolumn för uppdrag och status.`,
    missingMappedColumns: (n) => `Kolumnen ${quoted(n.headers)} från inställningarna finns inte i rubrikraden (rad ${n.headerRow}).`,
    uncalculated: (n) =>
      `Formler utan beräknade värden: räkna om och spara i Excel först (${n.columns.length === 1 ? "kolumn" : "kolumnerna"} ${n.columns.join(", ")}).`,
    needsConfirmation: (n) => `Beräknas inte förrän du bekräftar: ${n.guesses.map((g) => guessText(g, "sv")).join("; ")}.`,
  },
  en: {
    patientList: (n) =>
      `Patient list (${n.basisFrom === "status" ? "waiting and completed by the status per row" : n.basis === "completed" ? "completed, waiting where the visit date is missing" : "waiting"}), ${EN_MEASURE_FROM[n.measureFrom]}.`,
    unitAggregate: (n) => `Per-unit aggregate (${n.basis === "waiting" ? "waiting" : "completed"}), ${EN_MEASURE_FROM[n.measureFrom]}.`,
    indicators: (n) => `Indicators (${plural(n.goals, "goal", "goals")}, ${plural(n.indicators, "indicator", "indicators")}).`,
    assignments: (n) => `Assignments (${n.count}).`,
    unitNames: (n) => `Code table of unit names (${plural(n.count, "unit", "units")}).`,
    ignored: () => "The sheet is skipped, as the settings say.",
    noHeader: () => "No header row with a unit and dates, waiting times or counts was found among the first rows.",
    noIndicatorHeader: () => "No header row with an indicator and a target or outcome was found.",
    noAssignmentHeader: () => "No header row with an assignment and a status was found.",
    noUnitColumn: (n) => `The header row on row ${n.headerRow} has no column for the unit (e.g. Enhet, Klinik, Vårdenhet, Unit).`,
    noDataColumns: (n) => `The header row on row ${n.headerRow} has neither dates, waiting times nor counts.`,
    noIndicatorColumns: (n) => `The header row on row ${n.headerRow} has no column for the indicator and the target/outcome.`,
    noAssignmentColumns: (n) => `The header row on row ${n.headerRow} has no column for the assignment and the status.`,
    missingMappedColumns: (n) =>
      `${n.headers.length === 1 ? "The column" : "The columns"} ${quoted(n.headers)} from the settings ${n.headers.length === 1 ? "is" : "are"} not in the header row (row ${n.headerRow}).`,
    uncalculated: (n) =>
      `Formulas without calculated values: recalculate and save in Excel first (${n.columns.length === 1 ? "column" : "columns"} ${n.columns.join(", ")}).`,
    needsConfirmation: (n) => `Not computed until you confirm: ${n.guesses.map((g) => guessText(g, "en")).join("; ")}.`,
  },
};

/** A sheet's note in words: "Patientlista (väntande), kontakttyp per rad." */
export function noteText(note: SheetNote, lang: Lang): string {
  // TypeScript cannot narrow the lookup by the note's own code; NoteWords pairs them.
  return (NOTES[lang][note.code] as (n: SheetNote) => string)(note);
}

const MISSING_GROUP: Record<Lang, string> = { sv: "(uppgift saknas)", en: "(not given)" };

/** A specialty or professional category; null (the rows do not say) in words. */
export const groupText = (group: string | null, lang: Lang): string => group ?? MISSING_GROUP[lang];

const GUESS_WHY: Record<Lang, Record<ColumnGuessWhy | MeasureGuessWhy, string>> = {
  sv: {
    codeColumn: "en kodkolumn, ingen kolumn med enhetens namn eller HSA-id finns",
    referralDate: "remissdatum, beslutsdatum saknas",
    arrivalDate: "ankomstdatum, beslutsdatum saknas",
    looseName: "gissat från bladets namn eller rubrik",
    assumed: "inget anger måttet",
  },
  en: {
    codeColumn: "a code column, no column has the unit's name or HSA id",
    referralDate: "the referral date, the decision date is missing",
    arrivalDate: "the arrival date, the decision date is missing",
    looseName: "guessed from the sheet's name or title",
    assumed: "nothing names the measure",
  },
};

/** One guess in words: what would be used, and why it is only a guess. */
export function guessText(g: Guess, lang: Lang): string {
  const t = TEXT[lang];
  if (g.target === "measure") return `${t.measureWord} "${t.measure[g.measure]}" (${GUESS_WHY[lang][g.why]})`;
  return `${FIELD_NAMES[lang][g.field]} = "${g.header}" (${t.column.toLowerCase()} ${g.column}: ${GUESS_WHY[lang][g.why]})`;
}
