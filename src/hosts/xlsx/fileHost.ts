// The HostPort over an .xlsx file held in memory: what the preview page runs the task pane on
// instead of Excel. The same reader and writer as the CLI, so the preview computes, names and
// writes exactly what the CLI does on the same file. No DOM and no I/O: the page hands it bytes
// and takes bytes back (for download); nothing here can send the workbook anywhere.
import type { SheetGrid } from "../../model/cells";
import type { SheetPlan } from "../../report/plan";
import type { HostPort, HostSheet, WrittenTab } from "../port";
import { isMacroEnabled, packageProblem } from "./contentTypes";
import { corrupt } from "./errors";
import { openWorkbook, type XlsxWorkbook } from "./read";
import { readSettingsPart, withSettingsPart } from "./settingsPart";
import { writeSummaryTabs } from "./write";

/** What the page wants to hear about, to show the tabs, offer the download and switch tabs. */
export interface FileHostEvents {
  /** The summary tabs were written: the plans as planned, where each went, the new package. */
  written?(plans: SheetPlan[], tabs: WrittenTab[], bytes: Uint8Array): void;
  /** The settings document was stored in the package (e.g. a column mapping changed). */
  settingsSaved?(bytes: Uint8Array): void;
  /** The pane asked to show a tab (the "Visa Datakontroll" link). */
  activated?(sheetName: string): void;
}

export interface FileHost extends HostPort {
  /** The workbook as it is now: the input, plus the stored settings and the tabs written so far. */
  readonly bytes: Uint8Array;
  /** A macro-enabled workbook (.xlsm, its macros kept as they are): its output must be an .xlsm too. */
  readonly macroEnabled: boolean;
}

/** "{8-4-4-4-12}" from getRandomValues, which (unlike randomUUID) also works on a plain-http page. */
function datastoreItemId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

/**
 * Opens the workbook at once, so a file that is not an .xlsx (or is corrupt, or encrypted, or lacks
 * the content types or relationships the writer needs) throws XlsxError here, with the CLI's
 * message, before any pane is shown for it and before any work is done on it. Like Excel, the
 * workbook then changes as the pane works: saving settings stores them in the package, writing
 * adds (or replaces) the summary tabs, and the next listSheets sees them with their markers.
 */
export function createFileHost(input: Uint8Array, events: FileHostEvents = {}): FileHost {
  let bytes = input;
  let wb: XlsxWorkbook = openWorkbook(bytes);
  const problem = packageProblem(wb);
  if (problem) throw corrupt(problem);
  const replace = (next: Uint8Array) => {
    bytes = next;
    wb = openWorkbook(next);
  };

  return {
    get bytes() {
      return bytes;
    },
    get macroEnabled() {
      return isMacroEnabled(wb);
    },
    async listSheets(): Promise<HostSheet[]> {
      return wb.sheets.map((s) => (s.marker ? { name: s.name, marker: s.marker, hidden: s.hidden } : { name: s.name, hidden: s.hidden }));
    },
    async readSheet(name: string, onRows?: (done: number, total: number) => void): Promise<SheetGrid> {
      const grid = await wb.readSheetAsync(name);
      onRows?.(grid.values.length, grid.values.length);
      return grid;
    },
    async loadSettings(): Promise<unknown | null> {
      return readSettingsPart(wb);
    },
    async saveSettings(doc: unknown): Promise<void> {
      replace(withSettingsPart(wb, doc, { itemId: datastoreItemId() }));
      events.settingsSaved?.(bytes);
    },
    async writePlans(plans: SheetPlan[]): Promise<WrittenTab[]> {
      const out = writeSummaryTabs(wb, plans);
      replace(out.bytes);
      events.written?.(plans, out.written, bytes);
      return out.written;
    },
    async activate(sheetName: string): Promise<void> {
      if (!wb.sheets.some((s) => s.name === sheetName)) throw new Error(`Bladet "${sheetName}" finns inte i arbetsboken.`);
      events.activated?.(sheetName);
    },
  };
}
