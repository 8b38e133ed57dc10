import { runReport, type RunOutcome } from "../../../src/app/runReport";
import { createOfficeHost, PAYLOAD_BUDGET } from "../../../src/hosts/office";
import type { Cell, SheetGrid } from "../../../src/model/cells";
import { strToU8, unzipSync, zipSync } from "fflate";
import { columnLetter } from "../../../src/model/cells";
import { StyleBook } from "../../../src/hosts/xlsx/stylesWrite";
import { escapeText } from "../../../src/hosts/ooxml/xml";
import { DATE_COLUMN, DATE_FORMAT, patientGrid } from "../../../scripts/synthetic";
import { type FakeExcel, fakeFromGrids } from "../../fakes/excel";
import { handXlsx, sheetXml } from "../xlsx/helpers";
import { readChunkSyncs, runCli, tabDifferences } from "./helpers";

// Generated workbooks (scripts/synthetic.ts, the bench's generator), seeded straight into the fake.
const DATE = "2024-01-31";
const SEED = 424242;
const opts = { date: DATE, lang: "sv" as const };
// Building and reading 200 000 rows takes a few seconds alone, more on a loaded two-core machine;
// speed is measured by the benchmark (npm run bench), not here.
jest.setTimeout(120_000);

/**
 * The same grid as an .xlsx for the CLI: sheet XML written directly (inline strings, dates as
 * serials with a date style) and stored uncompressed, since deflating 200 000 rows alone would
 * take longer than the rest of the test.
 */
function xlsxOf(grid: SheetGrid): Uint8Array {
  const styles = new StyleBook(undefined);
  const dateStyle = styles.xfFor({ numFmt: DATE_FORMAT });
  const rows: string[] = [];
  grid.values.forEach((row, r) => {
    let xml = `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      if (v === null) return;
      const ref = `${columnLetter(c)}${r + 1}`;
      if (typeof v === "number") xml += `<c r="${ref}"${c === DATE_COLUMN && r > 0 ? ` s="${dateStyle}"` : ""}><v>${v}</v></c>`;
      else xml += `<c r="${ref}" t="inlineStr"><is><t>${escapeText(String(v))}</t></is></c>`;
    });
    rows.push(xml + "</row>");
  });
  const files = unzipSync(handXlsx({ sheets: [{ name: grid.name, xml: sheetXml("") }], styles: styles.result()! }));
  const parts: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { ...files };
  parts["xl/worksheets/sheet1.xml"] = [strToU8(sheetXml(rows.join(""))), { level: 0 }];
  return zipSync(parts);
}

async function run(grid: SheetGrid): Promise<{ fake: FakeExcel; outcome: RunOutcome }> {
  const fake = fakeFromGrids([grid]);
  const outcome = await runReport(createOfficeHost(fake.run), opts);
  return { fake, outcome };
}

/** Syncs beyond reading cells: settings 1, sheet list 2, each sheet's used range 1, the write 2 + 1. */
const overhead = (fake: FakeExcel, sheets: number) => fake.syncCount - readChunkSyncs(fake) - sheets;

const grid200k = patientGrid(200_000, SEED, DATE);

describe("200 000 generated rows", () => {
  const grid = grid200k;
  let fake: FakeExcel;
  let outcome: RunOutcome;
  beforeAll(async () => {
    ({ fake, outcome } = await run(grid));
  });

  test("the tabs equal the CLI's on the same rows, cell for cell", async () => {
    const cli = await runCli(xlsxOf(grid), "--date", DATE);
    expect(outcome.written.map((w) => w.sheetName)).toEqual(cli.wb.sheets.filter((s) => s.marker).map((s) => s.name));
    for (const w of outcome.written)
      expect([w.sheetName, tabDifferences(fake, w.sheetName, cli.wb.readSheet(w.sheetName))]).toEqual([w.sheetName, []]);
    // Fills as planned (the sample test compares them with the CLI's through ExcelJS).
    const vg = outcome.plans.find((p) => p.name === "Vårdgaranti")!;
    const sheet = fake.data.sheet("Vårdgaranti")!;
    for (const f of vg.fills) expect(sheet.fill(f.range[2], f.range[3])).toBe(`#${f.value.toUpperCase()}`);
  }, 60_000);

  test("reads in chunks of megabytes, never a request or response over 4 MB, and 7 syncs besides the chunks", () => {
    const chunks = fake.syncs.filter((s) => s.loads.includes("FakeRange.values"));
    const bytes = chunks.reduce((n, s) => n + s.responseBytes, 0);
    // After the first chunk (1 000 rows), each chunk aims at 4 MB / 1.5 ≈ 2.7 MB.
    expect(chunks.length).toBeLessThanOrEqual(2 + Math.ceil(bytes / (PAYLOAD_BUDGET / 1.5)));
    expect(chunks.slice(1, -1).every((s) => s.responseBytes > 2_000_000)).toBe(true);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    expect(overhead(fake, 1)).toBe(6);
    // eslint-disable-next-line no-console
    console.log(
      `200k rows: ${fake.syncCount} syncs (${chunks.length} read chunks, ${bytes} B read), largest request ${fake.maxRequestBytes} B, largest response ${fake.maxResponseBytes} B`,
    );
  });

  test("the source sheet is unchanged, every cell", () => {
    const sheet = fake.data.sheet("Väntande")!;
    expect(sheet.usedRange(false)).toEqual({ r0: 0, c0: 0, r1: 200_000, c1: 8 });
    let diffs = 0;
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if ((sheet.value(r, c) ?? null) !== v || sheet.format(r, c) !== (grid.formats![r][c] ?? "General")) diffs++;
      }),
    );
    expect(diffs).toBe(0);
    expect([sheet.formulas.size, sheet.fills.size, sheet.fonts.size, sheet.columnWidths.size, sheet.freeze, sheet.names.size]).toEqual([
      0,
      0,
      0,
      0,
      null,
      0,
    ]);
  });
});

test("the sync count does not grow with units or rows beyond the read chunks: 2 000 rows, 20 000 rows over 4 000 units", async () => {
  const small = await run(patientGrid(2_000, SEED, DATE));
  // 2 000 rows + header: a first chunk of 1 000 rows, then the remaining 1 001.
  expect(readChunkSyncs(small.fake)).toBe(2);
  expect(small.fake.syncCount).toBe(6 + 1 + 2);

  const manyUnits = patientGrid(20_000, SEED, DATE);
  manyUnits.values.forEach((row, i) => i > 0 && (row[2] = `Enhet ${i % 4000}`));
  const many = await run(manyUnits);
  const tab = many.fake.data.sheet("Vårdgaranti")!;
  expect(tab.usedRange(true)!.r1).toBeGreaterThan(4000); // one row per unit (and measure)
  expect(overhead(many.fake, 1)).toBe(6);
  expect(overhead(small.fake, 1)).toBe(6);
});

test("a Datakontroll of 100 000 rejected rows is split into requests under 4 MB, all landing", async () => {
  // 200 000 rows, every other one with an impossible date: 100 000 rejected rows listed.
  const values = grid200k.values.map((row, i) => (i > 0 && i % 2 === 0 ? row.map((v, c) => (c === DATE_COLUMN ? "2024-02-30" : v)) : row));
  const grid = { ...grid200k, values };
  const { fake, outcome } = await run(grid);
  const plan = outcome.plans.find((p) => p.name === "Datakontroll")!;
  expect(plan.cells.length).toBeGreaterThan(100_000);
  const writes = fake.syncs.filter((s) => s.writes > 0);
  expect(writes.length).toBeGreaterThan(1);
  expect(writes.every((s) => s.requestBytes <= PAYLOAD_BUDGET && s.calculationSuspended)).toBe(true);
  // listSheets 2 + loadSettings 1 + used range 1 + chunks + sheet list/markers 2 + the write requests
  expect(fake.syncCount).toBe(6 + readChunkSyncs(fake) + writes.length);
  const sheet = fake.data.sheet("Datakontroll")!;
  let diffs = 0;
  plan.cells.forEach((row, r) =>
    row.forEach((v: Cell, c) => ((sheet.value(r, c) ?? null) !== (v === "" ? null : v) || sheet.formula(r, c) !== undefined) && diffs++),
  );
  expect(diffs).toBe(0);
  // eslint-disable-next-line no-console
  console.log(`Datakontroll with ${plan.cells.length} rows: ${writes.length} write requests, largest ${fake.maxRequestBytes} B`);
}, 60_000);
