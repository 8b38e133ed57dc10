import type { SheetGrid } from "../model/cells";
import { DEFAULT_SETTINGS, type Settings } from "../model/settings";
import { readSettings } from "../model/settingsDoc";
import { computedAnything, type Results } from "../domain/results";
import type { SheetPlan } from "../report/plan";
import { type Lang } from "../model/lang";
import { type Past, pastFrom, runPipeline } from "./pipeline";
import { HISTORY_MARKER } from "../report/historyTab";
import type { HostPort, HostSheet, WrittenTab } from "../hosts/port";

/** The stages a user sees on the progress bar. */
export type Stage = "reading" | "computing" | "writing";
export interface Progress {
  stage: Stage;
  /** 0–1 within the stage. */
  fraction: number;
  /** e.g. the sheet being read. */
  detail?: string;
}
export type OnProgress = (p: Progress) => void;

export interface LoadedWorkbook {
  sheets: HostSheet[];
  /** The user's sheets (not Målkoll's own tabs), read once and kept for re-computing. */
  grids: SheetGrid[];
  settings: Settings;
  /** Earlier runs' figures from Målkoll's own Historik tab: the previous period and the trend. */
  past: Past;
  /** Why the stored settings could not be used (then the defaults are), in Swedish. */
  settingsProblem: string | null;
}

/** Give the host a turn (paint progress, keep Excel responsive) between chunks of work. */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Read the stored settings and every user sheet, reporting progress per sheet. */
export async function loadWorkbook(host: HostPort, onProgress: OnProgress = () => {}): Promise<LoadedWorkbook> {
  let settings = DEFAULT_SETTINGS;
  let settingsProblem: string | null = null;
  let doc: unknown = null;
  try {
    doc = await host.loadSettings();
  } catch (e) {
    // A damaged settings part must not lock the user out: run on the defaults and say so.
    settingsProblem = `De sparade inställningarna kunde inte läsas (${(e as Error).message}); standardinställningarna gäller tills du sparar nya.`;
  }
  if (doc !== null) {
    const parsed = readSettings(doc);
    if (parsed.ok) settings = parsed.value;
    else settingsProblem = `De sparade inställningarna kunde inte användas (${parsed.reason}); standardinställningarna gäller.`;
  }
  const sheets = await host.listSheets();
  const own = sheets.filter((s) => !s.marker);
  const historyTabs = sheets.filter((s) => s.marker === HISTORY_MARKER);
  const grids: SheetGrid[] = [];
  for (const [k, s] of own.entries()) {
    onProgress({ stage: "reading", fraction: k / own.length, detail: s.name });
    grids.push(await host.readSheet(s.name, (done, total) => onProgress({ stage: "reading", fraction: (k + (total ? done / total : 1)) / own.length, detail: s.name })));
    await yieldToHost();
  }
  const past = pastFrom(await Promise.all(historyTabs.map((s) => host.readSheet(s.name))));
  onProgress({ stage: "reading", fraction: 1 });
  return { sheets, grids, settings, past, settingsProblem };
}

export interface RunOutcome {
  results: Results;
  plans: SheetPlan[];
  written: WrittenTab[];
}

/** Compute on sheets already read and write the summary tabs. */
export async function computeAndWrite(
  host: HostPort,
  grids: SheetGrid[],
  settings: Settings,
  opts: { date?: string; lang: Lang; past?: Past },
  onProgress: OnProgress = () => {},
): Promise<RunOutcome> {
  onProgress({ stage: "computing", fraction: 0 });
  await yieldToHost();
  const { results, plans } = runPipeline(grids, settings, opts);
  onProgress({ stage: "computing", fraction: 1 });
  if (!computedAnything(results)) return { results, plans, written: [] };
  onProgress({ stage: "writing", fraction: 0 });
  const written = await host.writePlans(plans);
  onProgress({ stage: "writing", fraction: 1 });
  return { results, plans, written };
}

/** The one-click run (ribbon): saved settings, or detected defaults on a first run. */
export async function runReport(host: HostPort, opts: { date?: string; lang: Lang }, onProgress: OnProgress = () => {}): Promise<RunOutcome & { settingsProblem: string | null }> {
  const loaded = await loadWorkbook(host, onProgress);
  const outcome = await computeAndWrite(host, loaded.grids, loaded.settings, { ...opts, past: loaded.past }, onProgress);
  return { ...outcome, settingsProblem: loaded.settingsProblem };
}
