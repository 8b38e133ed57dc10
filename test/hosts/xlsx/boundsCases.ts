// The hostile files of bounds.test.ts, each read in this process (run by the test as a child with a
// hard time limit and a small heap, so a reader that hangs or balloons fails the test instead of
// the machine): `node -r ts-node/register/transpile-only boundsCases.ts [case…]`. Prints one JSON
// line per case: what openWorkbook + readSheet did, how long it took, how much heap it kept, and
// what the CLI's main() answered on the same file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";
import { openWorkbook, XlsxError } from "../../../src/hosts/xlsx/read";
import { setNativeInflate } from "../../../src/hosts/xlsx/zip";
import { fixtureWorkbook } from "../../e2e/fixtures";
import { sheetXml } from "./helpers";
import * as h from "./hostile";

export interface CaseResult {
  name: string;
  ms: number;
  /** Heap kept after the read (with the grid), in MB, against before it. */
  heapMb: number;
  read:
    | { ok: true; rows: number; keys: number; origin: { row: number; col: number }; widest: number }
    | { ok: false; code: string; message: string };
  cli: { code: number; err: string[]; json?: unknown };
}

const dir = mkdtempSync(join(tmpdir(), "malkoll-bounds-"));

/** 1 048 577 rows without r (one past the sheet's last), a cell each: cheap to build as a repeated deflate segment. */
function rowsPastTheEnd(): Uint8Array {
  const row = `<row><c><v>1</v></c></row>`;
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  const text = head + row.repeat(1048577) + `</sheetData></worksheet>`;
  return h.oneSheet(text);
}

/** The e2e fixture's waiting list with one stray value at XFD1048576. */
async function fixtureWithStray(): Promise<Uint8Array> {
  const bytes = await fixtureWorkbook();
  const xml = h.partText(bytes, "xl/worksheets/sheet1.xml");
  const stray = `<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>`;
  return h.withPart(bytes, "xl/worksheets/sheet1.xml", xml.replace("</sheetData>", stray));
}

const sampleXml = () => h.partText(h.sampleBytes(), "xl/worksheets/sheet1.xml");

export const CASES: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
  closingTag: h.endsInsideClosingTag,
  ...Object.fromEntries(h.insideTagOffsets(sampleXml()).map((at, i) => [`sampleCut${i}`, () => h.sampleSheetCut(at)])),
  stray: h.strayFarCell,
  strayInTable: fixtureWithStray,
  pastXfd: () => h.pastXfd("XFE1"),
  longRef: () => h.pastXfd("A".repeat(60) + "1"),
  rowPastMax: () => h.oneSheet(sheetXml(h.tableRows(3) + `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`)),
  cellPastMax: () => h.oneSheet(sheetXml(h.tableRows(3) + `<row><c r="A99999999999999999999"><v>1</v></c></row>`)),
  rowsPastTheEnd,
  bomb: () => h.emptyRowsBomb(3.5e9),
  bombLying: () => h.emptyRowsBomb(3.5e9, 10_000_000),
  bombLyingStreamed: () => h.emptyRowsBomb(3.5e9, 200_000_000),
  overAbsolute: () => h.fillerBomb(1.5 * 2 ** 30, 150),
};

async function run(name: string): Promise<CaseResult> {
  const bytes = await CASES[name]();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let read: CaseResult["read"];
  let keep: unknown;
  try {
    const wb = openWorkbook(bytes);
    const g = wb.readSheet(wb.sheets[0].name);
    keep = g;
    let widest = 0;
    for (const k in g.values) widest = Math.max(widest, g.values[k].length);
    read = { ok: true, rows: g.values.length, keys: Object.keys(g.values).length, origin: g.origin!, widest };
  } catch (e) {
    read = e instanceof XlsxError ? { ok: false, code: e.code, message: e.message } : { ok: false, code: "thrown", message: String(e) };
  }
  const ms = performance.now() - t0;
  gc?.();
  const heapMb = Math.round((process.memoryUsage().heapUsed - before) / 1048576);
  void keep;
  keep = undefined;

  const file = join(dir, `${name}.xlsx`);
  const jsonFile = join(dir, `${name}.json`);
  writeFileSync(file, bytes);
  const err: string[] = [];
  const code = await main(
    ["node", "malkoll", "report", file, "--out", join(dir, `${name}-ut.xlsx`), "--json", jsonFile, "--date", "2024-01-31"],
    {
      out: () => {},
      err: (l) => err.push(l),
    },
  );
  const cli: CaseResult["cli"] = { code, err };
  if (code === 0) cli.json = JSON.parse(readFileSync(jsonFile, "utf8"));
  return { name, ms, heapMb, read, cli };
}

async function runAll(names: string[]): Promise<void> {
  if (process.env.MALKOLL_NO_NATIVE_INFLATE) setNativeInflate(false);
  for (const name of names) process.stdout.write(JSON.stringify(await run(name)) + "\n");
}

if (require.main === module) {
  const names = process.argv.slice(2);
  runAll(names.length ? names : Object.keys(CASES)).catch((e) => {
    process.stderr.write(String(e?.stack ?? e) + "\n");
    process.exitCode = 1;
  });
}
