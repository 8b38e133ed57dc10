// Reading a workbook through any host, one way for the pane, the ribbon, the preview and the CLI:
// the stored settings, the user's sheets (never Målkoll's own tabs, which are output) and the
// past from Målkoll's own Historik tab.
import type { SheetGrid } from "../model/cells";
import { DEFAULT_SETTINGS, type Settings } from "../model/settings";
import { readSettings } from "../model/settingsDoc";
import { HISTORY_MARKER } from "../report/historyTab";
import type { HostPort, HostSheet } from "../hosts/port";
import { computeResults, type Past, pastFrom } from "./pipeline";
import { type OnProgress, yieldToHost } from "./progress";

/** Why the settings stored in the workbook could not be used. */
export type SettingsProblem =
  /** The stored part could not be read at all (damaged): `detail` is the reader's message. */
  | { kind: "unreadable"; detail: string }
  /** It was read, but a key or a value is wrong: `detail` names them. */
  | { kind: "invalid"; detail: string };

/** The stored settings over `base`; on a problem, `base` itself and what was wrong. */
export async function readStoredSettings(
  host: HostPort,
  base: Settings = DEFAULT_SETTINGS,
): Promise<{ settings: Settings; problem: SettingsProblem | null }> {
  let doc: unknown;
  try {
    doc = await host.loadSettings();
  } catch (e) {
    return { settings: base, problem: { kind: "unreadable", detail: (e as Error).message } };
  }
  if (doc === null) return { settings: base, problem: null };
  const parsed = readSettings(doc, base);
  return parsed.ok ? { settings: parsed.value, problem: null } : { settings: base, problem: { kind: "invalid", detail: parsed.reason } };
}

/** The user's sheets: every tab but Målkoll's own (a summary tab from an earlier run is output, not input). */
export const userSheets = (sheets: readonly HostSheet[]): HostSheet[] => sheets.filter((s) => !s.marker);

/** Målkoll's own history tabs, where earlier runs' figures are. */
export const historySheets = (sheets: readonly HostSheet[]): HostSheet[] => sheets.filter((s) => s.marker === HISTORY_MARKER);

/** Read the given sheets in order, reporting progress per sheet and giving the host a turn between them. */
export async function readSheets(host: HostPort, sheets: readonly HostSheet[], onProgress: OnProgress = () => {}): Promise<SheetGrid[]> {
  const grids: SheetGrid[] = [];
  for (const [k, s] of sheets.entries()) {
    onProgress({ stage: "reading", fraction: k / sheets.length, detail: s.name });
    grids.push(
      await host.readSheet(s.name, (done, total) =>
        onProgress({ stage: "reading", fraction: (k + (total ? done / total : 1)) / sheets.length, detail: s.name }),
      ),
    );
    await yieldToHost();
  }
  return grids;
}

/** The workbook's own past: the figures on its Historik tab(s). */
export async function readPast(host: HostPort, sheets: readonly HostSheet[]): Promise<Past> {
  return pastFrom(await Promise.all(historySheets(sheets).map((s) => host.readSheet(s.name))));
}

/** An earlier workbook without a history tab whose data has no date: no previous period can come of it. */
export class PreviousWithoutDate extends Error {
  override name = "PreviousWithoutDate";
}

/**
 * The past with an earlier workbook (the CLI's --previous): its Historik tab when Målkoll wrote one,
 * else its own sheets computed with the same settings; then this workbook's own Historik tab.
 */
export async function pastWithEarlier(earlier: HostPort, host: HostPort, sheets: readonly HostSheet[], settings: Settings): Promise<Past> {
  const own = await Promise.all(historySheets(sheets).map((s) => host.readSheet(s.name)));
  const earlierSheets = await earlier.listSheets();
  const earlierTabs = await Promise.all(historySheets(earlierSheets).map((s) => earlier.readSheet(s.name)));
  if (earlierTabs.length) return pastFrom([...earlierTabs, ...own]);
  const then = computeResults(await readSheets(earlier, userSheets(earlierSheets)), settings);
  if (!then.measurementDate)
    throw new PreviousWithoutDate("The earlier workbook has no measurement date: no dates in its data and no history tab.");
  return pastFrom(own, [then]);
}
