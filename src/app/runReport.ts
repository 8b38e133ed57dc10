import type { SheetGrid } from "../model/cells";
import type { Lang } from "../model/lang";
import type { Settings } from "../model/settings";
import { computedAnything, type Results } from "../domain/results";
import type { SheetPlan } from "../report/plan";
import type { HostPort, HostSheet, WrittenTab } from "../hosts/port";
import { type Past, runPipeline } from "./pipeline";
import { type OnProgress, yieldToHost } from "./progress";
import { readPast, readSheets, readStoredSettings, userSheets } from "./workbook";
import { PANE_TEXT } from "./texts/pane";

export type { OnProgress, Progress, Stage } from "./progress";
export { yieldToHost };

export interface LoadedWorkbook {
  sheets: HostSheet[];
  /** The user's sheets (not Målkoll's own tabs), read once and kept for re-computing. */
  grids: SheetGrid[];
  settings: Settings;
  /** Earlier runs' figures from Målkoll's own Historik tab: the previous period and the trend. */
  past: Past;
  /** Why the stored settings could not be used (then the defaults are), in the pane's language. */
  settingsProblem: string | null;
}

/**
 * Read the stored settings and every user sheet, reporting progress per sheet. A damaged settings
 * part must not lock the user out: the run uses the defaults and says so.
 */
export async function loadWorkbook(host: HostPort, onProgress: OnProgress = () => {}, lang: Lang = "sv"): Promise<LoadedWorkbook> {
  const { settings, problem } = await readStoredSettings(host);
  const sheets = await host.listSheets();
  const grids = await readSheets(host, userSheets(sheets), onProgress);
  const past = await readPast(host, sheets);
  onProgress({ stage: "reading", fraction: 1 });
  return { sheets, grids, settings, past, settingsProblem: problem ? PANE_TEXT[lang].settingsProblem(problem) : null };
}

export interface RunOutcome {
  results: Results;
  plans: SheetPlan[];
  written: WrittenTab[];
}

/** Compute on sheets already read and write the summary tabs (none when nothing could be computed). */
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
export async function runReport(
  host: HostPort,
  opts: { date?: string; lang: Lang },
  onProgress: OnProgress = () => {},
): Promise<RunOutcome & { settingsProblem: string | null }> {
  const loaded = await loadWorkbook(host, onProgress, opts.lang);
  const outcome = await computeAndWrite(host, loaded.grids, loaded.settings, { ...opts, past: loaded.past }, onProgress);
  return { ...outcome, settingsProblem: loaded.settingsProblem };
}
