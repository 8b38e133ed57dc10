import { formatCount } from "../format";
import type { Lang } from "../../model/lang";

/** Every word the preview page itself shows (the pane inside it has its own texts), Swedish first. */
const sv = {
  banner: "Målkoll i webbläsaren",
  intro:
    "Samma aktivitetsfönster och samma beräkning som i Excel, här på en arbetsbok i webbläsarens minne. Ändra kolumner och inställningar, tryck Beräkna och ladda ned arbetsboken med flikarna.",
  privacy: "Filen lämnar aldrig din dator: ingenting laddas upp, allt räknas här i webbläsaren.",
  workbookTitle: "Arbetsbok",
  current: (name: string, sample: boolean) => (sample ? `${name} (exempelarbetsboken)` : name),
  none: "Ingen arbetsbok öppen.",
  loadingSample: "Hämtar exempelarbetsboken …",
  open: "Öppna en egen arbetsbok (.xlsx) eller CSV-fil …",
  openSample: "Öppna exempelarbetsboken igen",
  drop: "… eller dra en .xlsx- eller .csv-fil hit.",
  dropNow: "Släpp filen för att öppna den.",
  openFailedTitle: "Filen kunde inte öppnas",
  openFailed: (name: string, why: string) => `${name}: ${why}`,
  keptPrevious: (name: string) => `${name} är fortfarande öppen.`,
  sampleFailed: "Exempelarbetsboken kunde inte hämtas. Öppna en egen arbetsbok i stället.",
  tabsTitle: "Flikarna Målkoll skrev",
  tabsEmpty: "Tryck Beräkna måluppfyllelse så visas flikarna här, med samma färger som i Excel.",
  stale: "Inställningarna har ändrats sedan flikarna skrevs. Tryck Beräkna måluppfyllelse igen för att uppdatera dem.",
  download: "Ladda ned arbetsboken (.xlsx)",
  downloadHint: "Arbetsboken med flikarna, som den skulle se ut i Excel.",
  tabsLabel: "Flikar",
  tableLabel: (tab: string) => `Fliken ${tab}`,
  truncated: (shown: number, total: number) =>
    `Visar de första ${formatCount(shown, "sv")} av ${formatCount(total, "sv")} raderna; hela fliken finns i arbetsboken du laddar ned.`,
  language: "Language: English",
};

export type PreviewTexts = typeof sv;

const en: PreviewTexts = {
  banner: "Målkoll in the browser",
  intro:
    "The same task pane and the same computation as in Excel, here on a workbook held in the browser's memory. Change columns and settings, press Compute and download the workbook with the tabs.",
  privacy: "The file never leaves your computer: nothing is uploaded, everything is computed here in the browser.",
  workbookTitle: "Workbook",
  current: (name: string, sample: boolean) => (sample ? `${name} (the sample workbook)` : name),
  none: "No workbook open.",
  loadingSample: "Fetching the sample workbook …",
  open: "Open your own workbook (.xlsx) or CSV file …",
  openSample: "Open the sample workbook again",
  drop: "… or drag an .xlsx or .csv file here.",
  dropNow: "Drop the file to open it.",
  openFailedTitle: "The file could not be opened",
  openFailed: (name: string, why: string) => `${name}: ${why}`,
  keptPrevious: (name: string) => `${name} is still open.`,
  sampleFailed: "The sample workbook could not be fetched. Open your own workbook instead.",
  tabsTitle: "The tabs Målkoll wrote",
  tabsEmpty: "Press Compute compliance and the tabs appear here, in the same colours as in Excel.",
  stale: "The settings have changed since the tabs were written. Press Compute compliance again to update them.",
  download: "Download the workbook (.xlsx)",
  downloadHint: "The workbook with the tabs, as it would look in Excel.",
  tabsLabel: "Tabs",
  tableLabel: (tab: string) => `Tab ${tab}`,
  truncated: (shown: number, total: number) =>
    `Showing the first ${formatCount(shown, "en")} of ${formatCount(total, "en")} rows; the whole tab is in the workbook you download.`,
  language: "Språk: svenska",
};

export const PREVIEW_TEXT: Record<Lang, PreviewTexts> = { sv, en };
