import { FIELD_NAMES } from "../../report/fieldNames";
import type { RollUpRule } from "../../model/settings";
import type { Stage } from "../progress";
import type { SettingsProblem } from "../workbook";
import type { Lang } from "../../model/lang";

export type { Lang };

/** Every word the task pane and the ribbon command show, Swedish first. */
const sv = {
  title: "Målkoll",
  loading: "Läser arbetsboken …",
  sheetsTitle: "Blad i arbetsboken",
  noSheets: "Arbetsboken har inga blad att läsa.",
  noHeader: "ingen rubrikrad hittades",
  ignoredSheet: "används inte",
  columnFor: (field: string, sheet: string) => `Kolumn för ${field} på bladet ${sheet}`,
  field: FIELD_NAMES.sv,
  // One line per sheet; its columns and their dropdowns open on demand.
  sheetRows: (n: number, shown: string) => (n === 1 ? "1 rad" : `${shown} rader`),
  allCertain: "alla kolumner säkra",
  toConfirm: (n: number) => (n === 1 ? "1 gissning att bekräfta" : `${n} gissningar att bekräfta`),
  showColumns: "Visa kolumner",
  columnsFromRow: (n: number) => `Kolumnerna hittades på rubrikrad ${n}.`,
  guessesFor: (sheet: string) => `Gissningar att bekräfta på bladet ${sheet}`,
  guess: "Gissning",
  confirm: "Bekräfta",
  measureFor: (sheet: string) => `Mått för bladet ${sheet}`,
  guessedColumn: "Gissad kolumn: bekräfta den ovan eller välj en annan.",
  notComputed: (n: number) => `${n} blad beräknas inte förrän gissningarna är bekräftade.`,
  dateLabel: "Mätdatum",
  dateHint: "Tomt: mätdatumkolumnen, annars sista dagen i månaden för det senaste datumet.",
  dateInvalid: "Skriv datumet som ÅÅÅÅ-MM-DD, eller lämna fältet tomt.",
  settingsTitle: "Inställningar",
  limitsTitle: "Gränser och mål",
  limitDays: (m: string) => `${m}: gräns (dagar)`,
  targetPct: (m: string) => `${m}: mål (%)`,
  thresholdsTitle: "Färggränser (andel av målet)",
  green: "Grön från (%)",
  yellow: "Gul från (%)",
  exclusionsTitle: "Undantag som exkluderas",
  waiting: "Väntande",
  completed: "Genomförda",
  requireGuarantee: "Räkna bara rader som omfattas av vårdgarantin",
  showMeanOfUnits: "Visa medelvärdet av enheternas andelar (som jämförelse)",
  rollupTitle: "Sammanvägning av mål",
  rollupRule: {
    committee: "Nämndens regel",
    worst: "Sämsta indikatorn",
    shareGreen: "Andel gröna",
    meanAchievement: "Medeluppfyllelse",
  } as Record<RollUpRule, string>,
  deckTitle: "Presentation",
  regionName: "Regionens namn (rubrik på första bilden)",
  regionNamePlaceholder: "t.ex. Region Exempelland",
  invalidNumber: "Ogiltigt värde: ange ett tal.",
  saveFailed: "Inställningarna kunde inte sparas i arbetsboken. Kontrollera att arbetsboken inte är skrivskyddad och försök igen.",
  run: "Beräkna måluppfyllelse",
  stage: { reading: "Läser blad", computing: "Beräknar", writing: "Skriver flikar" } as Record<Stage, string>,
  resultTitle: "Resultat",
  measuredOn: (date: string) => `Mätdatum ${date}`,
  regionShare: "Regionens andel inom gränsen",
  basis: { waiting: "väntande", completed: "genomförda" },
  goalsTitle: "Mål per färg",
  noGoals: "Inga mål i underlaget.",
  rejected: (n: number, shown: string) => (n === 1 ? "1 rad kunde inte användas." : `${shown} rader kunde inte användas.`),
  flagged: (n: number, shown: string) =>
    n === 1
      ? "1 rad flaggad vid datakontrollen (räknas, men bör kontrolleras)."
      : `${shown} rader flaggade vid datakontrollen (räknas, men bör kontrolleras).`,
  unconfirmedSheets: (sheets: string) => `Beräknades inte, gissningar att bekräfta i fönstret: ${sheets}.`,
  noRejected: "Alla rader kunde användas.",
  showDataCheck: "Visa Datakontroll",
  written: (tabs: string) => `Skrivet till ${tabs}.`,
  nothingComputed:
    "Inget kunde beräknas: inget blad kändes igen som en väntelista, en lista över genomförda kontakter eller en sammanställning per enhet. Kontrollera bladens kolumner ovan.",
  errorTitle: "Det gick inte",
  notInOffice: "Öppna Målkoll från fliken Start i Excel (Öppna Målkoll). Sidan fungerar bara inuti Excel.",
  tryPreview: "Vill du se Målkoll räkna utan Excel?",
  previewLink: "Öppna förhandsvisningen i webbläsaren",
  unsupported: (v: string) =>
    `Den här versionen av Excel saknar funktioner som Målkoll behöver (ExcelApi ${v}). Uppdatera Excel eller använd Excel på webben.`,
  // The ribbon command's dialog
  doneTitle: "Målkoll är klar",
  failedTitle: "Målkoll kunde inte beräkna",
  doneSummary: (measures: number, rejected: number) =>
    `${measures} mått beräknade; ${rejected} ${rejected === 1 ? "rad" : "rader"} kunde inte användas (se Datakontroll).`,
  close: "Stäng",
  settingsProblem: (p: SettingsProblem) =>
    p.kind === "unreadable"
      ? `De sparade inställningarna kunde inte läsas (${p.detail}); standardinställningarna gäller tills du sparar nya.`
      : `De sparade inställningarna kunde inte användas (${p.detail}); standardinställningarna gäller.`,
};

export type PaneTexts = typeof sv;

const en: PaneTexts = {
  title: "Målkoll",
  loading: "Reading the workbook …",
  sheetsTitle: "Sheets in the workbook",
  noSheets: "The workbook has no sheets to read.",
  noHeader: "no header row found",
  ignoredSheet: "not used",
  columnFor: (field: string, sheet: string) => `Column for ${field} on sheet ${sheet}`,
  field: FIELD_NAMES.en,
  sheetRows: (n: number, shown: string) => (n === 1 ? "1 row" : `${shown} rows`),
  allCertain: "all columns certain",
  toConfirm: (n: number) => (n === 1 ? "1 guess to confirm" : `${n} guesses to confirm`),
  showColumns: "Show columns",
  columnsFromRow: (n: number) => `The columns were found on header row ${n}.`,
  guessesFor: (sheet: string) => `Guesses to confirm on sheet ${sheet}`,
  guess: "Guess",
  confirm: "Confirm",
  measureFor: (sheet: string) => `Measure for sheet ${sheet}`,
  guessedColumn: "Guessed column: confirm it above or choose another.",
  notComputed: (n: number) =>
    n === 1
      ? "1 sheet is not computed until its guesses are confirmed."
      : `${n} sheets are not computed until their guesses are confirmed.`,
  dateLabel: "Measurement date",
  dateHint: "Empty: the measurement-date column, else the last day of the month of the newest date.",
  dateInvalid: "Write the date as YYYY-MM-DD, or leave the field empty.",
  settingsTitle: "Settings",
  limitsTitle: "Limits and targets",
  limitDays: (m: string) => `${m}: limit (days)`,
  targetPct: (m: string) => `${m}: target (%)`,
  thresholdsTitle: "Colour thresholds (share of target)",
  green: "Green from (%)",
  yellow: "Yellow from (%)",
  exclusionsTitle: "Exceptions excluded",
  waiting: "Waiting",
  completed: "Completed",
  requireGuarantee: "Count only rows covered by the care guarantee",
  showMeanOfUnits: "Show the mean of the units' shares (for comparison)",
  rollupTitle: "Goal roll-up",
  rollupRule: {
    committee: "Committee rule",
    worst: "Worst indicator",
    shareGreen: "Share green",
    meanAchievement: "Mean achievement",
  } as Record<RollUpRule, string>,
  deckTitle: "Presentation",
  regionName: "Region name (title of the first slide)",
  regionNamePlaceholder: "e.g. Region Exampleland",
  invalidNumber: "Invalid value: enter a number.",
  saveFailed: "The settings could not be saved in the workbook. Check that the workbook is not read-only and try again.",
  run: "Compute compliance",
  stage: { reading: "Reading sheets", computing: "Computing", writing: "Writing tabs" } as Record<Stage, string>,
  resultTitle: "Result",
  measuredOn: (date: string) => `Measurement date ${date}`,
  regionShare: "Region's share within the limit",
  basis: { waiting: "waiting", completed: "completed" },
  goalsTitle: "Goals by colour",
  noGoals: "No goals in the data.",
  rejected: (n: number, shown: string) => (n === 1 ? "1 row could not be used." : `${shown} rows could not be used.`),
  flagged: (n: number, shown: string) =>
    n === 1
      ? "1 row flagged by the data check (counted, but worth a look)."
      : `${shown} rows flagged by the data check (counted, but worth a look).`,
  unconfirmedSheets: (sheets: string) => `Not computed, guesses to confirm in the pane: ${sheets}.`,
  noRejected: "Every row could be used.",
  showDataCheck: "Show Data check",
  written: (tabs: string) => `Written to ${tabs}.`,
  nothingComputed:
    "Nothing could be computed: no sheet was recognised as a waiting list, a list of completed contacts or a per-unit aggregate. Check the sheets' columns above.",
  errorTitle: "It did not work",
  notInOffice: "Open Målkoll from the Home tab in Excel (Open Målkoll). This page works only inside Excel.",
  tryPreview: "Want to see Målkoll compute without Excel?",
  previewLink: "Open the preview in the browser",
  unsupported: (v: string) => `This version of Excel lacks features Målkoll needs (ExcelApi ${v}). Update Excel or use Excel on the web.`,
  doneTitle: "Målkoll is done",
  failedTitle: "Målkoll could not compute",
  doneSummary: (measures: number, rejected: number) =>
    `${measures} ${measures === 1 ? "measure" : "measures"} computed; ${rejected} ${rejected === 1 ? "row" : "rows"} could not be used (see Data check).`,
  close: "Close",
  settingsProblem: (p: SettingsProblem) =>
    p.kind === "unreadable"
      ? `The stored settings could not be read (${p.detail}); the default settings apply until you save new ones.`
      : `The stored settings could not be used (${p.detail}); the default settings apply.`,
};

export const PANE_TEXT: Record<Lang, PaneTexts> = { sv, en };
