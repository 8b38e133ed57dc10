import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { runReport, type RunOutcome } from "../../../src/app/runReport";
import { createOfficeHost, PAYLOAD_BUDGET } from "../../../src/hosts/office";
import type { XlsxWorkbook } from "../../../src/hosts/xlsx/read";
import { type FakeExcel, fakeFromXlsx } from "../../fakes/excel";
import { readChunkSyncs, runCli, snapshotSheets, styleDifferences, tabDifferences } from "./helpers";

// The bundled sample through the add-in (the gateway on the fake) and through the CLI: the tabs
// must be the same, cell for cell.
const SAMPLE = new Uint8Array(readFileSync("assets/sample.xlsx"));
let fake: FakeExcel;
let outcome: RunOutcome;
let cli: XlsxWorkbook;
let cliExcel: ExcelJS.Workbook;
let sourceNames: string[];
let sourcesBefore: unknown[];

beforeAll(async () => {
  fake = await fakeFromXlsx(SAMPLE);
  sourceNames = fake.data.sheets.map((s) => s.name);
  sourcesBefore = snapshotSheets(fake, sourceNames);
  outcome = await runReport(createOfficeHost(fake.run), { date: "2024-01-31", lang: "sv" });
  const run = await runCli(SAMPLE, "--date", "2024-01-31");
  cli = run.wb;
  cliExcel = new ExcelJS.Workbook();
  await cliExcel.xlsx.load(Buffer.from(run.bytes) as unknown as ExcelJS.Buffer);
});

test("the add-in writes the tabs the CLI writes, under the same names, after the source sheets", () => {
  const cliTabs = cli.sheets.filter((s) => s.marker).map((s) => [s.name, s.marker]);
  expect(cliTabs.length).toBeGreaterThanOrEqual(2);
  expect(outcome.written.map((w) => [w.sheetName, outcome.plans.find((p) => p.name === w.planName)!.marker])).toEqual(cliTabs);
  expect(fake.data.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
});

test("every written tab equals the CLI's, value and number format, cell for cell", () => {
  for (const w of outcome.written)
    expect([w.sheetName, tabDifferences(fake, w.sheetName, cli.readSheet(w.sheetName))]).toEqual([w.sheetName, []]);
});

test("number formats of empty cells too, fills (the share cells' rating colours), bold, column widths and panes equal the CLI's", () => {
  for (const w of outcome.written) {
    expect([w.sheetName, styleDifferences(fake, w.sheetName, cliExcel.getWorksheet(w.sheetName)!)]).toEqual([w.sheetName, []]);
  }
  // The comparison covers rating colours: the Vårdgaranti tab has filled share cells.
  const vg = fake.data.sheet("Vårdgaranti")!;
  expect(vg.fills.size).toBeGreaterThan(10);
});

test("our tabs carry the same hidden marker name as the CLI's", () => {
  for (const s of cli.sheets.filter((x) => x.marker)) {
    expect(fake.data.sheet(s.name)!.names.get("_malkoll_marker")).toEqual({
      name: "_Malkoll_Marker",
      formula: `="${s.marker}"`,
      visible: false,
    });
  }
});

test("source sheets are unchanged, every cell", () => {
  expect(snapshotSheets(fake, sourceNames)).toEqual(sourcesBefore);
});

test("a full run costs 7 syncs plus one per sheet read plus one per read chunk, and stays under 4 MB", () => {
  // loadSettings 2 (the sample stores its settings: find the part, then its XML) + listSheets 2 +
  // per sheet (used range 1 + chunks) + writePlans (2 + 1 request)
  const sheets = sourceNames.length;
  const chunks = readChunkSyncs(fake);
  // A sheet of at most 1 000 used rows is one chunk; Väntande's 6 004 rows are a first chunk of
  // 1 000 and one more of 5 004 (≈ 1 MB, well under the budget).
  const rows = sourceNames.map((n) => fake.data.sheet(n)!.usedRange(true)!).map((u) => u.r1 - u.r0 + 1);
  expect(rows[0]).toBe(6004);
  expect(chunks).toBe(rows.reduce((n, r) => n + (r <= 1000 ? 1 : 2), 0));
  expect(fake.syncCount).toBe(7 + sheets + chunks);
  expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
  expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
  // Calculation is suspended in the request that writes the tabs.
  expect(fake.syncs.filter((s) => s.writes > 0).every((s) => s.calculationSuspended)).toBe(true);
  // eslint-disable-next-line no-console
  console.log(`sample: ${fake.syncCount} syncs, largest request ${fake.maxRequestBytes} B, largest response ${fake.maxResponseBytes} B`);
});
