// Sheets whose reading rests on guesses (DOMAIN.md §3): what would be used, and the settings that
// confirm it — the same document the pane saves when the user presses "Bekräfta".
import type { SheetGrid } from "../model/cells";
import type { Settings, SheetSettings } from "../model/settings";
import { detectSheets, type SheetDetection } from "./pipeline";

/** The sheets that are not computed until their guesses are confirmed. */
export function unconfirmedSheets(grids: SheetGrid[], settings: Settings): SheetDetection[] {
  return detectSheets(grids, settings).filter((s) => s.guesses.length > 0);
}

/** A settings document (for --config, or to store) that confirms every guess as it stands. */
export function confirmingSettings(sheets: readonly SheetDetection[]): { sheets: Record<string, SheetSettings> } {
  const out: Record<string, SheetSettings> = {};
  for (const s of sheets) {
    const doc: SheetSettings = {};
    for (const g of s.guesses) {
      if (g.target === "measure") doc.measure = g.measure;
      else doc.columns = { ...doc.columns, [g.field]: g.header };
    }
    out[s.sheet] = doc;
  }
  return { sheets: out };
}
