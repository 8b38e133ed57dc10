import type { Lang } from "../../model/lang";
import type { SettingsProblem } from "../workbook";

/** Every word the CLI prints itself (the summary lines reuse the tabs' own words), Swedish first. */
const sv = {
  fileMissing: (path: string) => `Filen finns inte: ${path}`,
  notWorkbook: (path: string) => `Inte en Excel-arbetsbok (.xlsx) eller CSV-fil (.csv): ${path}`,
  badDate: (value: string) => `Ogiltigt datum för --date: "${value}" (ange ÅÅÅÅ-MM-DD).`,
  configMissing: (path: string) => `Inställningsfilen finns inte: ${path}`,
  configNotJson: (path: string, why: string) => `Inställningsfilen ${path} är inte giltig JSON: ${why}`,
  configInvalid: (path: string, why: string) => `Fel i ${path}: ${why}`,
  previousMissing: (path: string) => `Filen för --previous finns inte: ${path}`,
  previousNoDate: (path: string) => `Föregående period (${path}) har inget mätdatum: inga datum i underlaget och ingen flik Historik.`,
  storedSettings: (p: SettingsProblem) =>
    p.kind === "unreadable"
      ? `Inställningarna i arbetsboken är skadade: ${p.detail}`
      : `Fel i inställningarna som sparats i arbetsboken: ${p.detail}`,
  nothing: "Inget kunde beräknas. Blad som lästes:",
  unconfirmed: (n: number) =>
    `${n === 1 ? "1 blad läses" : `${n} blad läses`} på en gissning och beräknas inte förrän gissningen är bekräftad (inga siffror skrevs):`,
  confirmWith:
    "Stämmer det? Bekräfta i fönstret i Excel, eller spara detta i en fil och kör igen med --config <fil> (ändra det som inte stämmer):",
  rejected: (n: string, tab: string) => `${n} rader avvisade – se fliken "${tab}".`,
  flagged: (n: string, tab: string) => `${n} rader flaggade vid datakontrollen (räknas, men bör kontrolleras) – se fliken "${tab}".`,
  renamed: (wanted: string, got: string) => `Bladet "${wanted}" finns redan och är inte Målkolls; skrev "${got}" i stället.`,
  wrote: (tabs: string, file: string) => `Skrev ${tabs} till ${file}`,
  deckWritten: (file: string) => `Presentationen skrevs till ${file}`,
};

export type CliTexts = typeof sv;

const en: CliTexts = {
  fileMissing: (path: string) => `No such file: ${path}`,
  notWorkbook: (path: string) => `Not an Excel workbook (.xlsx) or CSV file (.csv): ${path}`,
  badDate: (value: string) => `Invalid date for --date: "${value}" (use YYYY-MM-DD).`,
  configMissing: (path: string) => `No such settings file: ${path}`,
  configNotJson: (path: string, why: string) => `The settings file ${path} is not valid JSON: ${why}`,
  configInvalid: (path: string, why: string) => `Error in ${path}: ${why}`,
  previousMissing: (path: string) => `No such file for --previous: ${path}`,
  previousNoDate: (path: string) => `The previous period (${path}) has no measurement date: no dates in its data and no history tab.`,
  storedSettings: (p: SettingsProblem) =>
    p.kind === "unreadable"
      ? `The settings stored in the workbook are damaged: ${p.detail}`
      : `Error in the settings stored in the workbook: ${p.detail}`,
  nothing: "Nothing could be computed. Sheets read:",
  unconfirmed: (n: number) =>
    `${n === 1 ? "1 sheet is" : `${n} sheets are`} read on a guess and not computed until the guess is confirmed (no figures were written):`,
  confirmWith:
    "Is that right? Confirm it in the pane in Excel, or save this in a file and run again with --config <file> (change what is wrong):",
  rejected: (n: string, tab: string) => `${n} rows rejected – see the "${tab}" tab.`,
  flagged: (n: string, tab: string) => `${n} rows flagged by the data check (counted, but worth a look) – see the "${tab}" tab.`,
  renamed: (wanted: string, got: string) => `A sheet "${wanted}" exists and is not Målkoll's; wrote "${got}" instead.`,
  wrote: (tabs: string, file: string) => `Wrote ${tabs} to ${file}`,
  deckWritten: (file: string) => `The presentation was written to ${file}`,
};

export const CLI_TEXT: Record<Lang, CliTexts> = { sv, en };
