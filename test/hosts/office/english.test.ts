import { readFileSync } from "node:fs";
import { runReport, type RunOutcome } from "../../../src/app/runReport";
import { createOfficeHost } from "../../../src/hosts/office";
import type { XlsxWorkbook } from "../../../src/hosts/xlsx/read";
import { TEXT } from "../../../src/report/i18n";
import { type FakeExcel, fakeFromXlsx } from "../../fakes/excel";
import { runCli, snapshotSheets, tabDifferences } from "./helpers";

// The bundled sample through the add-in in an English Office, on the strict fake (which refuses a
// sheet named "History" as Excel does): every tab is written, in English, the same as the CLI's.
const SAMPLE = new Uint8Array(readFileSync("assets/sample.xlsx"));
let fake: FakeExcel;
let outcome: RunOutcome;
let cli: XlsxWorkbook;
let sourceNames: string[];
let sourcesBefore: unknown[];

beforeAll(async () => {
  fake = await fakeFromXlsx(SAMPLE);
  sourceNames = fake.data.sheets.map((s) => s.name);
  sourcesBefore = snapshotSheets(fake, sourceNames);
  outcome = await runReport(createOfficeHost(fake.run), { date: "2024-01-31", lang: "en" });
  cli = (await runCli(SAMPLE, "--date", "2024-01-31", "--lang", "en")).wb;
});

test("all five tabs are written, under their English names, after the source sheets", () => {
  const en = TEXT.en;
  const tabs = [en.careGuaranteeTab, en.goalsTab, en.assignmentsTab, en.historyTab, en.dataCheckTab];
  expect(tabs).toEqual(["Care guarantee", "Goal fulfilment", "Assignments", "Run history", "Data check"]);
  expect(outcome.written.map((w) => w.sheetName)).toEqual(tabs);
  expect(fake.data.sheets.map((s) => s.name)).toEqual([...sourceNames, ...tabs]);
});

test("every English tab equals the CLI's English tab, value and number format, cell for cell", () => {
  expect(cli.sheets.filter((s) => s.marker).map((s) => s.name)).toEqual(outcome.written.map((w) => w.sheetName));
  for (const w of outcome.written)
    expect([w.sheetName, tabDifferences(fake, w.sheetName, cli.readSheet(w.sheetName))]).toEqual([w.sheetName, []]);
});

test("the English tabs speak English: titles and headers", () => {
  const a1 = (name: string) => fake.data.sheet(name)!.value(0, 0);
  expect(a1("Care guarantee")).toBe("Care guarantee – compliance per unit");
  expect(a1("Data check")).toBe("Data check – rows that could not be used");
  expect(a1("Run history")).toBe("History – goal fulfilment over time");
});

test("the English data check gives English reasons and notes", () => {
  const dc = fake.data.sheet("Data check")!;
  const used = dc.usedRange(true)!;
  const texts = new Set<string>();
  for (let r = used.r0; r <= used.r1; r++) for (let c = used.c0; c <= used.c1; c++) texts.add(String(dc.value(r, c) ?? ""));
  for (const words of ["Invalid date", "Unit missing", "PvV (patient chose to wait)", "Patient list (waiting), contact type per row."])
    expect([words, texts.has(words)]).toEqual([words, true]);
  expect([...texts].filter((t) => /Ogiltigt|saknas|Patientlista/.test(t))).toEqual([]);
});

test("a second English run replaces its own tabs (found by marker) and adds none", async () => {
  const again = await runReport(createOfficeHost(fake.run), { date: "2024-01-31", lang: "en" });
  expect(again.written.map((w) => [w.sheetName, w.replaced])).toEqual(outcome.written.map((w) => [w.sheetName, true]));
  expect(fake.data.sheets).toHaveLength(sourceNames.length + 5);
});

test("source sheets are unchanged, every cell", () => {
  expect(snapshotSheets(fake, sourceNames)).toEqual(sourcesBefore);
});
