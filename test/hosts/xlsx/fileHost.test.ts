// The preview's HostPort over an in-memory .xlsx (no browser needed): the same reader and writer
// as the CLI, so the pane in the preview computes and writes what the CLI does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFileHost } from "../../../src/hosts/xlsx/fileHost";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { readSettingsPart } from "../../../src/hosts/xlsx/settingsPart";
import { MESSAGES, XlsxError } from "../../../src/hosts/xlsx/errors";
import { loadWorkbook, computeAndWrite } from "../../../src/app/runReport";
import { runPipeline } from "../../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/model/settings";
import type { SheetPlan } from "../../../src/report/plan";

const SAMPLE = new Uint8Array(readFileSync(join(__dirname, "..", "..", "..", "assets", "sample.xlsx")));
const DATE = "2024-01-31";

test("a file that is not an .xlsx is refused at once, with the CLI's message", () => {
  expect(() => createFileHost(new TextEncoder().encode("hej"))).toThrow(new XlsxError("notXlsx", MESSAGES.notXlsx));
});

test("lists the sample's sheets, reads them as the CLI does, and finds its stored settings (the region's name)", async () => {
  const host = createFileHost(SAMPLE);
  const wb = openWorkbook(SAMPLE);
  expect(await host.listSheets()).toEqual(wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden })));
  const seen: [number, number][] = [];
  expect(await host.readSheet("Väntande", (done, total) => seen.push([done, total]))).toEqual(wb.readSheet("Väntande"));
  expect(seen).toEqual([[6004, 6004]]); // one call: the whole sheet is in memory
  expect(await host.loadSettings()).toEqual({ version: 1, regionName: "Region Exempelland" });
});

test("writes the CLI's tabs, reports them with the new package, and lists them as Målkoll's own afterwards", async () => {
  const events: { plans: SheetPlan[]; bytes: Uint8Array }[] = [];
  const host = createFileHost(SAMPLE, { written: (plans, _tabs, bytes) => events.push({ plans, bytes }) });
  const loaded = await loadWorkbook(host);
  const outcome = await computeAndWrite(host, loaded.grids, loaded.settings, { date: DATE, lang: "sv" });

  const wb = openWorkbook(SAMPLE);
  const cli = runPipeline(
    wb.sheets.map((s) => wb.readSheet(s.name)),
    DEFAULT_SETTINGS,
    { date: DATE, lang: "sv" },
  );
  expect(outcome.results).toEqual(cli.results);
  expect(events).toHaveLength(1);
  expect(events[0].plans).toEqual(cli.plans);
  expect(events[0].bytes).toBe(host.bytes);
  const listed = await host.listSheets();
  expect(listed.filter((s) => s.marker).map((s) => s.name)).toEqual(outcome.written.map((w) => w.sheetName));
  // Run again: our tabs are replaced in place, never duplicated.
  const again = await computeAndWrite(host, (await loadWorkbook(host)).grids, loaded.settings, { date: DATE, lang: "sv" });
  expect(again.written.every((w) => w.replaced)).toBe(true);
  expect((await host.listSheets()).length).toBe(listed.length);
});

test("saved settings go into the package's Custom XML part, where the CLI reads them", async () => {
  let saved = 0;
  const host = createFileHost(SAMPLE, { settingsSaved: () => saved++ });
  const doc = { version: 1, sheets: { Väntande: { columns: { unit: "Sjukhus" } } } };
  await host.saveSettings(doc);
  await host.saveSettings({ ...doc, rollUp: "worst" });
  expect(saved).toBe(2);
  expect(await host.loadSettings()).toEqual({ ...doc, rollUp: "worst" });
  expect(readSettingsPart(openWorkbook(host.bytes))).toEqual({ ...doc, rollUp: "worst" });
});

test("activating a tab tells the page; a tab that does not exist is an error", async () => {
  const shown: string[] = [];
  const host = createFileHost(SAMPLE, { activated: (name) => shown.push(name) });
  await host.activate("Väntande");
  await expect(host.activate("Finns inte")).rejects.toThrow('Bladet "Finns inte" finns inte i arbetsboken.');
  expect(shown).toEqual(["Väntande"]);
});
