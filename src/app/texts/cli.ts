import type { Lang } from "../../model/lang";
import type { SettingsProblem } from "../workbook";

/** Every word the CLI prints itself (the summary lines reuse the tabs' own words), Swedish first. */
const sv = {
  fileMissing: (path: string) => `Filen finns inte: ${path}`,
  notWorkbook: (path: string) => `Inte en Excel-arbetsbok (.xlsx, .xlsm) eller CSV-fil (.csv): ${path}`,
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
  rejected: (n: number, shown: string, tab: string) => `${shown} ${n === 1 ? "rad avvisad" : "rader avvisade"} – se fliken "${tab}".`,
  flagged: (n: number, shown: string, tab: string) =>
    `${shown} ${n === 1 ? "rad flaggad" : "rader flaggade"} vid datakontrollen (räknas, men bör kontrolleras) – se fliken "${tab}".`,
  renamed: (wanted: string, got: string) => `Bladet "${wanted}" finns redan och är inte Målkolls; skrev "${got}" i stället.`,
  wrote: (tabs: string, file: string) => `Skrev ${tabs} till ${file}`,
  deckWritten: (file: string) => `Presentationen skrevs till ${file}`,
  // Files and folders (src/cli/files.ts): each refusal is one line, exit 2, before anything is written.
  inputIsFolder: (path: string) => `Indata är en mapp, inte en arbetsbok eller CSV-fil: ${path}`,
  optionIsFolder: (option: string, path: string) => `${option} pekar på en mapp, inte en fil: ${path}`,
  outIsFolder: (option: string, path: string, example: string | null) =>
    `${option} pekar på en mapp, inte en fil: ${path}${example ? ` (ange ett filnamn, t.ex. ${example})` : ""}`,
  notRegularFile: (option: string, path: string) => `${option} pekar inte på en vanlig fil: ${path}`,
  cannotRead: (path: string, why: string) => `Filen kan inte läsas: ${path} (${why})`,
  notAFolder: (option: string, path: string, file: string) => `${option} ${path}: ${file} är en fil, inte en mapp.`,
  cannotWriteIn: (option: string, folder: string, why: string) => `Kan inte skriva ${option} i mappen ${folder} (${why}).`,
  samePath: (a: string, b: string, path: string) => `${a} och ${b} är samma fil: ${path} (ange olika filer).`,
  outIsInput: (option: string, input: string | null, path: string) =>
    `${option} är samma fil som ${input ?? "indata"}: ${path}. Målkoll skriver aldrig över det som läses – välj ett annat namn.`,
  notOurs: (option: string, path: string) =>
    `${path} finns redan och är inte skriven av Målkoll, så den skrivs inte över (${option}). Ta bort den eller välj ett annat namn.`,
  outExtension: (path: string, macroEnabled: boolean) =>
    macroEnabled
      ? `Indata är en makroaktiverad arbetsbok, så --out måste sluta på .xlsm (en .xlsx med makron öppnar Excel inte): ${path}`
      : `Utdata är en Excel-arbetsbok, så --out måste sluta på .xlsx (Excel öppnar inte en fil vars ändelse inte stämmer med innehållet): ${path}`,
  writeFailed: (option: string, path: string, why: string) => `Kunde inte skriva ${option} ${path} (${why}); filen lämnades orörd.`,
  previousUnreadable: (path: string, why: string) => `--previous ${path}: ${why}`,
  fileProblem: (why: string, path: string | null) => `Ett fel i filsystemet: ${why}${path ? ` (${path})` : ""}`,
  why: {
    EACCES: "ingen behörighet",
    EPERM: "åtgärden tillåts inte; är filen öppen i ett annat program?",
    EBUSY: "filen används av ett annat program; stäng den i Excel",
    EROFS: "skrivskyddat filsystem",
    ENOSPC: "disken är full",
    EDQUOT: "diskkvoten är slut",
    ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    EISDIR: "det är en mapp",
    ENOENT: "finns inte",
    ENAMETOOLONG: "namnet är för långt",
    EIO: "läs- eller skrivfel på disken",
  } as Record<string, string>,
};

export type CliTexts = typeof sv;

const en: CliTexts = {
  fileMissing: (path: string) => `No such file: ${path}`,
  notWorkbook: (path: string) => `Not an Excel workbook (.xlsx, .xlsm) or CSV file (.csv): ${path}`,
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
  rejected: (n: number, shown: string, tab: string) => `${shown} ${n === 1 ? "row" : "rows"} rejected – see the "${tab}" tab.`,
  flagged: (n: number, shown: string, tab: string) =>
    `${shown} ${n === 1 ? "row" : "rows"} flagged by the data check (counted, but worth a look) – see the "${tab}" tab.`,
  renamed: (wanted: string, got: string) => `A sheet "${wanted}" exists and is not Målkoll's; wrote "${got}" instead.`,
  wrote: (tabs: string, file: string) => `Wrote ${tabs} to ${file}`,
  deckWritten: (file: string) => `The presentation was written to ${file}`,
  inputIsFolder: (path: string) => `The input is a folder, not a workbook or CSV file: ${path}`,
  optionIsFolder: (option: string, path: string) => `${option} names a folder, not a file: ${path}`,
  outIsFolder: (option: string, path: string, example: string | null) =>
    `${option} names a folder, not a file: ${path}${example ? ` (give a file name, e.g. ${example})` : ""}`,
  notRegularFile: (option: string, path: string) => `${option} does not name a regular file: ${path}`,
  cannotRead: (path: string, why: string) => `Cannot read the file: ${path} (${why})`,
  notAFolder: (option: string, path: string, file: string) => `${option} ${path}: ${file} is a file, not a folder.`,
  cannotWriteIn: (option: string, folder: string, why: string) => `Cannot write ${option} in the folder ${folder} (${why}).`,
  samePath: (a: string, b: string, path: string) => `${a} and ${b} are the same file: ${path} (give different files).`,
  outIsInput: (option: string, input: string | null, path: string) =>
    `${option} is the same file as ${input ?? "the input"}: ${path}. Målkoll never overwrites what it reads – choose another name.`,
  notOurs: (option: string, path: string) =>
    `${path} exists and was not written by Målkoll, so it is not overwritten (${option}). Remove it or choose another name.`,
  outExtension: (path: string, macroEnabled: boolean) =>
    macroEnabled
      ? `The input is a macro-enabled workbook, so --out must end in .xlsm (Excel refuses an .xlsx that holds macros): ${path}`
      : `The output is an Excel workbook, so --out must end in .xlsx (Excel refuses a file whose extension does not match its content): ${path}`,
  writeFailed: (option: string, path: string, why: string) => `Could not write ${option} ${path} (${why}); the file was left as it was.`,
  previousUnreadable: (path: string, why: string) => `--previous ${path}: ${why}`,
  fileProblem: (why: string, path: string | null) => `A file system error: ${why}${path ? ` (${path})` : ""}`,
  why: {
    EACCES: "permission denied",
    EPERM: "not permitted; is the file open in another program?",
    EBUSY: "the file is in use by another program; close it in Excel",
    EROFS: "read-only file system",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    ENOTDIR: "part of the path is a file, not a folder",
    EISDIR: "it is a folder",
    ENOENT: "no such file or folder",
    ENAMETOOLONG: "the name is too long",
    EIO: "a read or write error on the disk",
  },
};

export const CLI_TEXT: Record<Lang, CliTexts> = { sv, en };
