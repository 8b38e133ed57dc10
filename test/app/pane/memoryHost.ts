import type { HostPort, HostSheet, WrittenTab } from "../../../src/hosts/port";
import type { SheetGrid } from "../../../src/model/cells";
import type { SheetPlan } from "../../../src/report/plan";
import { chooseSheetName } from "../../../src/report/sheetNames";

/**
 * A HostPort over grids in memory, for the pane's and the ribbon command's tests: it records what
 * the UI asked of the workbook (settings saved, plans written, tabs activated), can hold a write
 * open so a test sees the progress bar mid-run, and can fail on any method.
 */
export interface MemoryHost extends HostPort {
  saved: unknown[];
  written: SheetPlan[][];
  activated: string[];
  /** Make `method` reject with `error` (an Error, or an object with an Office error code). */
  failOn(method: keyof HostPort, error: unknown): void;
  /** The next writePlans waits until the returned function is called. */
  holdWrites(): () => void;
}

export function memoryHost(grids: SheetGrid[], storedSettings: unknown | null = null): MemoryHost {
  const tabs: HostSheet[] = grids.map((g) => ({ name: g.name, hidden: false }));
  // Written tabs become sheets like any other, so a second run can read its own Historik back.
  const sheets = new Map(grids.map((g) => [g.name, g]));
  const failures = new Map<keyof HostPort, unknown>();
  let settings = storedSettings;
  let hold: Promise<void> | null = null;
  const fail = async (method: keyof HostPort) => {
    if (failures.has(method)) throw failures.get(method);
  };

  const host: MemoryHost = {
    saved: [],
    written: [],
    activated: [],
    failOn: (method, error) => void failures.set(method, error),
    holdWrites() {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return release;
    },
    async listSheets() {
      await fail("listSheets");
      return tabs.map((t) => ({ ...t }));
    },
    async readSheet(name, onRows) {
      await fail("readSheet");
      const g = sheets.get(name);
      if (!g) throw new Error(`no sheet ${name}`);
      onRows?.(g.values.length, g.values.length);
      return structuredClone(g);
    },
    async loadSettings() {
      await fail("loadSettings");
      return structuredClone(settings);
    },
    async saveSettings(doc) {
      await fail("saveSettings");
      settings = structuredClone(doc);
      host.saved.push(structuredClone(doc));
    },
    async writePlans(plans) {
      await fail("writePlans");
      if (hold) await hold;
      hold = null;
      const out: WrittenTab[] = [];
      for (const plan of plans) {
        const at = chooseSheetName(tabs, plan.name, plan.marker);
        if (!at.replaces) tabs.push({ name: at.name, marker: plan.marker, hidden: false });
        sheets.set(at.name, { name: at.name, values: plan.cells });
        out.push({ planName: plan.name, sheetName: at.name, replaced: at.replaces !== null, renamedBecauseTaken: at.renamedBecauseTaken });
      }
      host.written.push(plans);
      return out;
    },
    async activate(name) {
      await fail("activate");
      if (!tabs.some((t) => t.name === name)) throw new Error(`no sheet ${name}`);
      host.activated.push(name);
    },
  };
  return host;
}
