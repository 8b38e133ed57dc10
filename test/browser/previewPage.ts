// Driving the preview page and reading what it rendered, for the browser tests.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { Results } from "../../src/domain/results";

export const SAMPLE = join(__dirname, "..", "..", "assets", "sample.xlsx");
export const DATE = "2024-01-31";

/** A rendered cell: its text, its fill ("RRGGBB") and whether it is bold. */
export interface RenderedCell {
  text: string;
  fill: string | null;
  bold: boolean;
}

/** A rendered summary tab, cells by their sheet address (row and column from 0). */
export class RenderedTab {
  constructor(
    readonly sheet: string,
    readonly marker: string,
    private readonly cells: Map<string, RenderedCell>,
    readonly rows: number,
  ) {}

  at(row: number, col: number): RenderedCell {
    return this.cells.get(`${row},${col}`) ?? { text: "", fill: null, bold: false };
  }
  text(row: number, col: number): string {
    return this.at(row, col).text;
  }
  /** The texts of one row, column by column (a cell spanning columns counts in its first). */
  row(row: number): string[] {
    const out: string[] = [];
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(",").map(Number);
      if (r === row) out[c] = cell.text;
    }
    return Array.from(out, (x) => x ?? "");
  }
  /** The first row at or after `from` whose cell in `col` has exactly `text`. */
  find(text: string, col = 0, from = 0): number {
    for (let r = from; r < this.rows; r++) if (this.text(r, col) === text) return r;
    throw new Error(`"${text}" is not in column ${col} of the rendered tab ${this.sheet} (from row ${from + 1})`);
  }
}

/** Every summary tab the page rendered (shown or not), in tab order. */
export async function renderedTabs(page: Page): Promise<RenderedTab[]> {
  const raw = await page.$$eval("table[data-marker]", (tables) =>
    tables.map((table) => ({
      sheet: table.getAttribute("data-sheet") ?? "",
      marker: table.getAttribute("data-marker") ?? "",
      cells: Array.from(table.querySelectorAll<HTMLTableCellElement>("td[data-cell]"), (td) => ({
        addr: td.dataset.cell!,
        text: td.textContent ?? "",
        fill: td.dataset.fill ?? null,
        bold: Number(getComputedStyle(td).fontWeight) >= 600,
      })),
    })),
  );
  return raw.map((t) => {
    const cells = new Map<string, RenderedCell>();
    let rows = 0;
    for (const c of t.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.addr)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(m[2]) - 1;
      rows = Math.max(rows, row + 1);
      cells.set(`${row},${col}`, { text: c.text, fill: c.fill, bold: c.bold });
    }
    return new RenderedTab(t.sheet, t.marker, cells, rows);
  });
}

/** Open the preview and wait until the pane lists the sample's sheets. */
export async function openPreview(page: Page, origin: string, query = ""): Promise<void> {
  await page.goto(`${origin}/preview.html${query}`);
  await sheetItem(page, "Väntande").waitFor();
}

export const sheetItem = (page: Page, sheet: string): Locator => page.getByRole("listitem", { name: sheet, exact: true });
export const runButton = (page: Page): Locator => page.getByRole("button", { name: "Beräkna måluppfyllelse" });
export const dateField = (page: Page): Locator => page.getByRole("textbox", { name: /Mätdatum/ });
export const careGuaranteeTable = (page: Page): Locator => page.locator('table[data-marker="malkoll:careGuarantee"]');

/** Type the measurement date, press the pane's one button, and wait for the rendered tabs. */
export async function runOnPage(page: Page, date = DATE): Promise<void> {
  await dateField(page).fill(date);
  await runButton(page).click();
  await page.getByRole("region", { name: "Resultat" }).waitFor();
  await careGuaranteeTable(page).waitFor({ state: "attached" });
}

/** The CLI on a workbook, in-process, with the JSON results and the output workbook's path. */
export async function cliRun(input: string, opts: { config?: unknown } = {}): Promise<{ results: Results; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), "malkoll-browser-"));
  const out = join(dir, "ut.xlsx");
  const json = join(dir, "ut.json");
  const args = ["node", "malkoll", "report", input, "--date", DATE, "--out", out, "--json", json];
  if (opts.config !== undefined) {
    const config = join(dir, "config.json");
    writeFileSync(config, JSON.stringify(opts.config));
    args.push("--config", config);
  }
  const said: string[] = [];
  const code = await main(args, { out: (l) => said.push(l), err: (l) => said.push(l) });
  if (code !== 0) throw new Error(`The CLI exited with ${code}:\n${said.join("\n")}`);
  return { results: JSON.parse(readFileSync(json, "utf8")) as Results, out };
}

/** Press Tab until `target` has the focus (at most `max` presses): the keyboard's way there. */
export async function tabTo(page: Page, target: Locator, max = 120, key = "Tab"): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error("tabTo: no such element");
  for (let k = 0; k < max; k++) {
    await page.keyboard.press(key);
    if (await handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  throw new Error(`tabTo: ${max} × ${key} never reached the element`);
}
