import type { SheetGrid } from "../model/cells";
import type { SheetPlan } from "../report/plan";

/** A tab as a host lists it: Målkoll's marker says it is one of our summary tabs (and which). */
export interface HostSheet {
  name: string;
  /** "malkoll:careGuarantee" etc. when Målkoll wrote the tab; undefined for the user's own sheets. */
  marker?: string;
  hidden: boolean;
}

/** Where a plan ended up: its own name, or "Name (2)" when a user's sheet had the name. */
export interface WrittenTab {
  planName: string;
  sheetName: string;
  /** Our tab from an earlier run (same marker) was replaced. */
  replaced: boolean;
  /** The tab does not have the plan's name because a sheet Målkoll did not create has it. */
  renamedBecauseTaken: boolean;
}

/**
 * The one small port every host adapter implements (Excel through Office.js, an .xlsx file in the
 * CLI and the preview). Adapters hold no domain logic: they read cells, store the settings
 * document, and write plans exactly as planned.
 */
export interface HostPort {
  listSheets(): Promise<HostSheet[]>;
  /** The sheet's used cells; `onRows(done, total)` reports progress while reading in chunks. */
  readSheet(name: string, onRows?: (done: number, total: number) => void): Promise<SheetGrid>;
  /** The settings document stored in the workbook (JSON value), or null when there is none. */
  loadSettings(): Promise<unknown | null>;
  saveSettings(doc: unknown): Promise<void>;
  /** Write every plan: replace Målkoll's own tabs by marker, never a sheet Målkoll did not create. */
  writePlans(plans: SheetPlan[]): Promise<WrittenTab[]>;
  /** Show a tab to the user (e.g. "Datakontroll" from the pane's link). */
  activate(sheetName: string): Promise<void>;
}
