// Shared by the gateway tests: the CLI run in-process, and cell-for-cell comparison of a tab the
// gateway wrote into the fake with the tab the CLI wrote into an .xlsx.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { main } from "../../../src/cli/main";
import type { Cell, SheetGrid } from "../../../src/model/cells";
import { columnLetter } from "../../../src/model/cells";
import { openWorkbook, type XlsxWorkbook } from "../../../src/hosts/xlsx/read";
import type { FakeExcel } from "../../fakes/excel";

/** Runs `malkoll report` on the bytes and returns the output workbook. */
export async function runCli(input: Uint8Array, ...args: string[]): Promise<{ bytes: Uint8Array; wb: XlsxWorkbook; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), "malkoll-office-"));
  const inPath = join(dir, "in.xlsx");
  const outPath = join(dir, "out.xlsx");
  writeFileSync(inPath, input);
  const err: string[] = [];
  const code = await main(["node", "malkoll", "report", inPath, "--out", outPath, ...args], { out: () => {}, err: (l) => err.push(l) });
  if (code !== 0) throw new Error(`CLI exit ${code}: ${err.join("\n")}`);
  const bytes = new Uint8Array(readFileSync(outPath));
  return { bytes, wb: openWorkbook(bytes), err: err.join("\n") };
}

const normFormat = (f: string | null | undefined) => (f === null || f === undefined || f === "General" ? "General" : f);

/**
 * Differences between a tab in the fake and the CLI's tab (values and number formats), as
 * "B7: …" lines; empty when equal. A text cell may carry "@" in Excel: the gateway formats text
 * that Excel would otherwise reinterpret as Text, which changes nothing the user sees.
 */
export function tabDifferences(fake: FakeExcel, sheetName: string, cli: SheetGrid): string[] {
  const sheet = fake.data.sheet(sheetName);
  if (!sheet) return [`no sheet "${sheetName}" in the fake`];
  const out: string[] = [];
  const o = cli.origin ?? { row: 0, col: 0 };
  const rows = cli.values.length;
  const cols = cli.values.reduce((m, r) => Math.max(m, r.length), 0);
  const used = sheet.usedRange(true);
  const cliExtent = rows === 0 ? null : { r0: o.row, c0: o.col, r1: o.row + rows - 1, c1: o.col + cols - 1 };
  if (used && cliExtent && JSON.stringify(used) !== JSON.stringify(cliExtent))
    out.push(`used range ${JSON.stringify(used)} ≠ CLI ${JSON.stringify(cliExtent)}`);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = o.row + i;
      const c = o.col + j;
      // An empty text and an empty cell look alike in Excel, and Office.js reads both as "".
      const want: Cell = cli.values[i][j] === "" ? null : (cli.values[i][j] ?? null);
      const got: Cell = sheet.value(r, c) ?? null;
      const ref = `${columnLetter(c)}${r + 1}`;
      if (got !== want)
        out.push(
          `${ref}: value ${JSON.stringify(got)} ≠ CLI ${JSON.stringify(want)}${sheet.formula(r, c) ? ` (a formula: ${sheet.formula(r, c)})` : ""}`,
        );
      // The reader reports no format for an empty cell (styleDifferences checks those through ExcelJS).
      const wf = normFormat(cli.formats?.[i]?.[j]);
      const gf = normFormat(sheet.format(r, c));
      if (want !== null && gf !== wf && !(gf === "@" && typeof want === "string")) out.push(`${ref}: format ${gf} ≠ CLI ${wf}`);
      if (sheet.formula(r, c) !== undefined) out.push(`${ref}: became a formula ${sheet.formula(r, c)}`);
    }
  }
  return out;
}

/** Number formats of every cell (empty ones too), fill colours, bold, column widths and frozen panes of the fake's tab against ExcelJS's reading of the CLI's. */
export function styleDifferences(fake: FakeExcel, sheetName: string, ws: ExcelJS.Worksheet): string[] {
  const sheet = fake.data.sheet(sheetName)!;
  const out: string[] = [];
  const used = sheet.usedRange(false);
  const lastRow = Math.max(ws.rowCount, used ? used.r1 + 1 : 0);
  const lastCol = Math.max(ws.columnCount, used ? used.c1 + 1 : 0);
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < lastCol; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      const fill =
        cell.fill?.type === "pattern" && cell.fill.pattern === "solid"
          ? `#${(cell.fill.fgColor?.argb ?? "").slice(-6).toUpperCase()}`
          : undefined;
      const ref = `${columnLetter(c)}${r + 1}`;
      if (sheet.fill(r, c) !== fill) out.push(`${ref}: fill ${sheet.fill(r, c)} ≠ CLI ${fill}`);
      const numFmt = normFormat(cell.numFmt);
      const gf = normFormat(sheet.format(r, c));
      if (gf !== numFmt && !(gf === "@" && typeof cell.value === "string")) out.push(`${ref}: format ${gf} ≠ CLI ${numFmt}`);
      if ((sheet.font(r, c)?.bold ?? false) !== (cell.font?.bold ?? false))
        out.push(`${ref}: bold ${sheet.font(r, c)?.bold} ≠ CLI ${cell.font?.bold}`);
    }
  }
  for (let c = 0; c < lastCol; c++) {
    const w = ws.getColumn(c + 1).width;
    const want = w === undefined ? undefined : Math.round(w * 7) * 0.75;
    if (sheet.columnWidths.get(c) !== want)
      out.push(`column ${columnLetter(c)}: width ${sheet.columnWidths.get(c)} pt ≠ CLI ${want} pt (${w} characters)`);
  }
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const frozen = view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null;
  if (JSON.stringify(sheet.freeze) !== JSON.stringify(frozen))
    out.push(`panes ${JSON.stringify(sheet.freeze)} ≠ CLI ${JSON.stringify(frozen)}`);
  return out;
}

/** Every sheet's full content, for "source sheets are unchanged". */
export function snapshotSheets(fake: FakeExcel, names: readonly string[]): unknown[] {
  return names.map((n) => fake.data.sheet(n)!.snapshot());
}

/** Syncs that read cell values (the read chunks). */
export const readChunkSyncs = (fake: FakeExcel) => fake.syncs.filter((s) => s.loads.includes("FakeRange.values")).length;
