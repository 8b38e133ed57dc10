// The preview page in Debian's Chromium: the task pane and pipeline on the bundled sample in a
// plain browser, checked against the CLI on the same workbook.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FileChooser, Page } from "playwright-core";
import type { MeasureResult, Results } from "../../src/domain/results";
import { measureHeading, withRegionPlaced } from "../../src/report/careGuaranteeTab";
import { formatInteger, formatPercent } from "../../src/report/format";
import { TEXT } from "../../src/report/i18n";
import { RATING_FILL } from "../../src/report/style";
import { MESSAGES } from "../../src/hosts/xlsx/errors";
import { CSV_MESSAGES } from "../../src/hosts/csv/errors";
import { EXTRACT_ROWS, cp1252, toCsv } from "../helpers/csv";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { readSettingsPart } from "../../src/hosts/xlsx/settingsPart";
import { formatShare } from "../../src/app/format";
import { PANE_TEXT } from "../../src/app/texts/pane";
import { artifact, describeInBrowser, useBrowser, type Guarded } from "./harness";
import {
  DATE,
  SAMPLE,
  careGuaranteeTable,
  cliRun,
  dateField,
  openPreview,
  renderedTabs,
  runButton,
  runOnPage,
  sheetItem,
  tabTo,
  type RenderedTab,
} from "./previewPage";

const t = TEXT.sv;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The figures of one measure's table as the tab shows them, from the CLI's JSON. */
function expectMeasureTable(tab: RenderedTab, m: MeasureResult, from: number): number {
  const heading = tab.find(measureHeading(m, t), 0, from);
  const header = tab.find(t.unit, 0, heading);
  const cols = tab.row(header);
  const col = (label: string) => {
    const c = cols.indexOf(label);
    if (c < 0) throw new Error(`No column "${label}" in ${m.measure}'s table: ${cols.join(" | ")}`);
    return c;
  };
  const c = {
    total: col(m.basis === "waiting" ? t.waiting : t.completed),
    within: col(t.within(m.limitDays)),
    share: col(t.shareWithin(m.limitDays)),
    over: col(t.over(m.limitDays)),
    over365: col(t.over365),
    median: col(t.median),
    rating: col(t.ratingHeader),
  };
  const count = (n: number | null) => (n === null ? "" : formatInteger(n));
  const rows = withRegionPlaced(m.units, m.region);
  rows.forEach(({ row, isRegion }, k) => {
    const r = header + 1 + k;
    const shown = {
      unit: tab.text(r, 0),
      total: tab.text(r, c.total),
      within: tab.text(r, c.within),
      share: tab.text(r, c.share),
      over: tab.text(r, c.over),
      over365: tab.text(r, c.over365),
      median: tab.text(r, c.median),
      rating: tab.text(r, c.rating),
      fill: tab.at(r, c.share).fill,
      bold: tab.at(r, 0).bold,
    };
    expect(shown).toEqual({
      unit: isRegion ? t.region : row.unit,
      total: count(row.total),
      within: count(row.withinLimit),
      // 0.665 → "66,5 %", as Swedish Excel shows 0.0% (no-break space before %).
      share: row.share === null ? "" : formatPercent(row.share),
      over: count(row.overLimit),
      over365: count(row.over365),
      // Format "0": 96.5 days → "97", as Excel rounds.
      median: row.medianWait === null ? "" : String(Math.round(row.medianWait)),
      rating: row.suppressed ? t.suppressed : t.rating[row.rating],
      fill: RATING_FILL[row.rating],
      bold: isRegion,
    });
  });
  return header + rows.length;
}

/** Every figure of the Vårdgaranti, Måluppfyllelse, Uppdrag and Datakontroll tabs against the JSON. */
function expectTabsShow(tabs: RenderedTab[], results: Results): void {
  const byMarker = (marker: string) => {
    const tab = tabs.find((x) => x.marker === marker);
    if (!tab) throw new Error(`No rendered tab ${marker}; rendered: ${tabs.map((x) => x.marker).join(", ")}`);
    return tab;
  };
  const cg = byMarker("malkoll:careGuarantee");
  let at = 0;
  for (const m of results.careGuarantee) at = expectMeasureTable(cg, m, at);

  const goals = byMarker("malkoll:goals");
  const gHeader = goals.find(t.goal);
  const gCols = goals.row(gHeader);
  const ratingCol = gCols.indexOf(t.ratingHeader);
  const achievementCol = gCols.indexOf(t.achievement);
  for (const g of results.goals) {
    const r = goals.find(g.goal, 0, gHeader);
    expect([g.goal, goals.at(r, ratingCol).fill]).toEqual([g.goal, RATING_FILL[g.rating]]);
  }
  for (const i of results.indicators) {
    let r = gHeader + 1;
    while (r < goals.rows && !goals.text(r, 1).startsWith(i.indicator)) r++;
    expect(r).toBeLessThan(goals.rows);
    // Format "0%": the achievement 0.7996 → "80 %", rated on the unrounded value.
    expect([i.indicator, goals.text(r, achievementCol), goals.at(r, ratingCol).fill]).toEqual([
      i.indicator,
      i.achievement === null ? "" : formatPercent(i.achievement, 0),
      RATING_FILL[i.rating],
    ]);
  }

  const assignments = byMarker("malkoll:assignments");
  const aHeader = assignments.find(t.assignment);
  for (const a of results.assignments) {
    const r = assignments.find(a.assignment, 0, aHeader);
    expect([a.assignment, assignments.text(r, 1), assignments.text(r, 2), assignments.at(r, 3).fill]).toEqual([
      a.assignment,
      a.status,
      a.endDate ?? "",
      RATING_FILL[a.rating],
    ]);
  }

  const check = byMarker("malkoll:dataCheck");
  const dHeader = check.find(t.sheet);
  const dCols = check.row(dHeader);
  for (const s of results.sources) {
    const r = check.find(s.sheet, 0, dHeader);
    const shown = [t.read, t.used, t.excluded, t.rejected].map((h) => check.text(r, dCols.indexOf(h)));
    expect([s.sheet, ...shown]).toEqual([s.sheet, ...[s.rowsRead, s.rowsUsed, s.rowsExcluded, s.rowsRejected].map(formatInteger)]);
  }
}

/** The summary tabs' names in the CLI's output workbook, in order. */
const summaryTabNames = (xlsx: string) =>
  openWorkbook(readFileSync(xlsx))
    .sheets.filter((s) => s.marker)
    .map((s) => s.name);

async function worksheetValues(ws: ExcelJS.Worksheet): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : (v ?? null)));
  });
  return Array.from(rows, (r) => r ?? []);
}

describeInBrowser("the preview page", () => {
  const session = useBrowser();
  let sample: { results: Results; out: string };
  beforeAll(async () => {
    sample = await cliRun(SAMPLE);
  }, 600_000);
  jest.setTimeout(90_000);

  /** The latest test's page, for a test that looks at its requests. */
  let g: Guarded | null = null;
  const newPage = async (opts?: { width?: number }): Promise<Page> => (g = await session.open(opts)).page;

  test("opens on the sample with its sheets detected, runs in one click, and shows the CLI's figures", async () => {
    const page = await newPage();
    const started = Date.now();
    await openPreview(page, session.origin);
    const sheetsShown = Date.now() - started;
    // The first screen: every sheet of the sample with its kind, as the pane shows it in Excel.
    expect(await page.getByTestId("workbook-name").textContent()).toBe("sample.xlsx (exempelarbetsboken)");
    for (const s of sample.results.sources) await sheetItem(page, s.sheet).waitFor();
    // One line per sheet; the columns fold out on demand.
    const rows = sample.results.sources.find((s) => s.sheet === "Väntande")!.rowsRead;
    expect(await sheetItem(page, "Väntande").textContent()).toContain(
      `Väntande (patientnivå) · ${formatInteger(rows)} rader · alla kolumner säkra`,
    );
    const unit = page.getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" });
    expect(await unit.count()).toBe(0);
    await showColumns(page, "Väntande");
    expect(await sheetItem(page, "Väntande").textContent()).toContain("Kolumnerna hittades på rubrikrad 4.");
    expect(await unit.textContent()).toBe("Klinik");

    const clicked = Date.now();
    await runOnPage(page);
    const rendered = Date.now();
    const timing = {
      pageLoadToSheetsMs: sheetsShown,
      clickToRenderedMs: rendered - clicked,
      pageLoadToRenderedResultMs: rendered - started,
    };
    // eslint-disable-next-line no-console -- the measured timings are printed for the stop note
    console.log(
      `Preview on the sample: page load → sheets shown ${timing.pageLoadToSheetsMs} ms; ` +
        `click → rendered tabs ${timing.clickToRenderedMs} ms; page load → rendered result ${timing.pageLoadToRenderedResultMs} ms (including the date typed and the click).`,
    );
    writeFileSync(artifact("preview-timing.json"), JSON.stringify(timing, null, 2) + "\n");

    const tabs = await renderedTabs(page);
    expect(tabs.map((x) => x.sheet)).toEqual(summaryTabNames(sample.out));
    // One tab per summary tab, named as in the workbook.
    expect(await page.getByRole("tab").count()).toBe(tabs.length);
    for (const name of summaryTabNames(sample.out)) await page.getByRole("tab", { name, exact: true }).waitFor();
    expectTabsShow(tabs, sample.results);
    // The pane's own result: each measure's region share and rating, as in Excel.
    for (const m of sample.results.careGuarantee) {
      const item = page.getByRole("listitem", { name: `${t.measure[m.measure]} (${PANE_TEXT.sv.basis[m.basis]})`, exact: true });
      expect(await item.textContent()).toBe(
        `${t.measure[m.measure]} (${PANE_TEXT.sv.basis[m.basis]})${formatShare(m.region.share!, "sv")}${t.rating[m.region.rating]}`,
      );
    }
    await page.screenshot({ path: artifact("preview-result.png"), fullPage: true });
    // The only requests: the page, its scripts and the sample, all from its own origin.
    expect(g!.requests.some((u) => u.endsWith("/assets/sample.xlsx"))).toBe(true);
  });

  test("a column mapping changed in the pane changes the result, as the CLI computes it with that mapping", async () => {
    const page = await newPage();
    await openPreview(page, session.origin);
    await runOnPage(page);
    await showColumns(page, "Väntande");
    const unit = page.getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" });
    await unit.click();
    await page.getByRole("option", { name: "Sjukhus", exact: true }).click();
    expect(await unit.textContent()).toBe("Sjukhus");
    // The tabs drawn so far no longer match the settings: the page says so until the next run.
    await page.getByText("Inställningarna har ändrats sedan flikarna skrevs.", { exact: false }).waitFor();

    await runButton(page).click();
    await page.getByText("Inställningarna har ändrats", { exact: false }).waitFor({ state: "detached" });
    const bySjukhus = await cliRun(SAMPLE, { config: { version: 1, sheets: { Väntande: { columns: { unit: "Sjukhus" } } } } });
    const first = bySjukhus.results.careGuarantee[0];
    // Units are now the hospitals, not the clinics.
    expect(first.units.map((u) => u.unit).sort()).not.toEqual(sample.results.careGuarantee[0].units.map((u) => u.unit).sort());
    expectTabsShow(await renderedTabs(page), bySjukhus.results);

    // The mapping is stored in the workbook, where the CLI and Excel read it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned arbetsboken (.xlsx)" }).click(),
    ]);
    const stored = readSettingsPart(openWorkbook(readFileSync(await download.path())));
    expect(stored).toMatchObject({ sheets: { Väntande: { columns: { unit: "Sjukhus" } } } });
  });

  test("a file that is not a workbook, or a damaged one, is refused with a clear message and the sample stays open", async () => {
    const page = await newPage();
    await openPreview(page, session.origin);
    const input = page.locator('input[type="file"]');
    const alert = page.getByRole("alert");

    await input.setInputFiles({ name: "anteckningar.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from("Det här är ingen arbetsbok.\n") });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `Filen kunde inte öppnasanteckningar.xlsx: ${MESSAGES.notXlsx} sample.xlsx är fortfarande öppen.`,
    );

    const sampleBytes = readFileSync(SAMPLE);
    await input.setInputFiles({ name: "avbruten.xlsx", mimeType: XLSX_MIME, buffer: sampleBytes.subarray(0, sampleBytes.length >> 1) });
    await page.getByText("avbruten.xlsx:", { exact: false }).waitFor();
    expect(await alert.textContent()).toContain(`avbruten.xlsx: ${MESSAGES.corrupt}`);
    expect(await page.getByTestId("workbook-name").textContent()).toBe("sample.xlsx (exempelarbetsboken)");
    await sheetItem(page, "Väntande").waitFor();

    // A whole package whose first sheet's compressed data is damaged opens; reading that sheet
    // fails, and the pane says so in the reader's words (not as an "unexpected error").
    const damaged = new Uint8Array(sampleBytes);
    const wb = openWorkbook(damaged);
    wb.entry(wb.sheets[0].path)!.raw.fill(0xff, 20, 400); // a view into `damaged`
    await input.setInputFiles({ name: "skadad.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from(damaged) });
    await page.getByText("Det gick inte", { exact: true }).waitFor();
    expect(await page.getByRole("alert").textContent()).toBe(
      `Det gick inte${MESSAGES.corrupt} (xl/worksheets/sheet1.xml går inte att packa upp)`,
    );
  });

  test("the downloaded workbook holds the CLI's tabs with the CLI's values (read with ExcelJS)", async () => {
    const page = await newPage();
    await openPreview(page, session.origin);
    await runOnPage(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned arbetsboken (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("sample-malkoll.xlsx");
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(await download.path());
    const want = new ExcelJS.Workbook();
    await want.xlsx.readFile(sample.out);
    expect(got.worksheets.map((w) => w.name)).toEqual(want.worksheets.map((w) => w.name));
    for (const name of summaryTabNames(sample.out)) {
      expect([name, await worksheetValues(got.getWorksheet(name)!)]).toEqual([name, await worksheetValues(want.getWorksheet(name)!)]);
    }
    // The sources are the sample's, unchanged.
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(SAMPLE);
    for (const ws of input.worksheets)
      expect([ws.name, await worksheetValues(got.getWorksheet(ws.name)!)]).toEqual([ws.name, await worksheetValues(ws)]);
  });

  test("a CSV file (';', Windows-1252) opens as one sheet named after it, computes as the CLI does, and downloads as .xlsx", async () => {
    const dir = mkdtempSync(join(tmpdir(), "malkoll-browser-csv-"));
    const csv = join(dir, "extrakt.csv");
    writeFileSync(csv, cp1252(toCsv(EXTRACT_ROWS, ";")));
    const cli = await cliRun(csv);
    const page = await newPage();
    await openPreview(page, session.origin);
    const input = page.locator('input[type="file"]');
    expect(await input.getAttribute("accept")).toContain(".csv");
    const alert = page.getByRole("alert");

    // An empty CSV file is refused in one line, and the sample stays open.
    await input.setInputFiles({ name: "tom.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(`Filen kunde inte öppnastom.csv: ${CSV_MESSAGES.empty} sample.xlsx är fortfarande öppen.`);

    await input.setInputFiles({ name: "extrakt.csv", mimeType: "text/csv", buffer: readFileSync(csv) });
    await page.getByText("extrakt.csv", { exact: true }).waitFor();
    await sheetItem(page, "extrakt").waitFor();
    await runOnPage(page);
    // The tabs the CLI writes for it (no goals in a patient list), and its care-guarantee figures.
    const tabs = await renderedTabs(page);
    expect(tabs.map((x) => x.sheet)).toEqual(summaryTabNames(cli.out));
    let at = 0;
    for (const m of cli.results.careGuarantee)
      at = expectMeasureTable(
        tabs.find((x) => x.marker === "malkoll:careGuarantee")!,
        m,
        at,
      );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned arbetsboken (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("extrakt-malkoll.xlsx");
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(await download.path());
    const want = new ExcelJS.Workbook();
    await want.xlsx.readFile(cli.out);
    expect(got.worksheets.map((w) => w.name)).toEqual(want.worksheets.map((w) => w.name));
    expect(got.worksheets[0].name).toBe("extrakt");
    for (const ws of want.worksheets)
      expect([ws.name, await worksheetValues(got.getWorksheet(ws.name)!)]).toEqual([ws.name, await worksheetValues(ws)]);
  });

  test("the whole flow works by keyboard alone", async () => {
    const page = await newPage();
    // Listening from the start makes Playwright intercept the system's file dialog before any key
    // is pressed (waitForEvent at the moment of the key press can lose that race).
    const choosers: FileChooser[] = [];
    page.on("filechooser", (c) => choosers.push(c));
    await openPreview(page, session.origin);
    await page.locator("body").focus();

    // Change a mapping: Tab to the sheet's columns, open them with Enter, Tab to the dropdown, open
    // it, pick "Sjukhus" by type-ahead, Enter.
    const toggle = sheetItem(page, "Väntande").getByRole("button", { name: "Visa kolumner" });
    await tabTo(page, toggle);
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const unit = page.getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" });
    await tabTo(page, unit);
    await page.keyboard.press("Enter");
    await page.getByRole("option", { name: "Sjukhus", exact: true }).waitFor();
    await page.keyboard.type("Sjuk"); // type-ahead moves to the option
    await page.keyboard.press("Enter");
    expect(await unit.textContent()).toBe("Sjukhus");

    // The date, then the one button.
    await tabTo(page, dateField(page));
    await page.keyboard.type(DATE);
    await tabTo(page, runButton(page));
    await page.keyboard.press("Enter");
    await careGuaranteeTable(page).waitFor({ state: "attached" });

    // The pane's link shows the Datakontroll tab, and moves the focus there.
    await tabTo(page, page.getByRole("button", { name: "Visa Datakontroll" }));
    await page.keyboard.press("Enter");
    const dataCheckTab = page.getByRole("tab", { name: "Datakontroll" });
    await expectFocused(page, dataCheckTab);
    expect(await dataCheckTab.getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('table[data-marker="malkoll:dataCheck"]').isVisible()).toBe(true);
    // Arrow keys move between tabs, as in any tab list.
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "Vårdgaranti" }).getAttribute("aria-selected")).toBe("true");
    expect(await careGuaranteeTable(page).isVisible()).toBe(true);

    // Download with Enter; and open another workbook from the keyboard (the system's file dialog).
    await tabTo(page, page.getByRole("button", { name: "Ladda ned arbetsboken (.xlsx)" }), 120, "Shift+Tab");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("sample-malkoll.xlsx");
    await tabTo(page, page.getByRole("button", { name: /Öppna en egen arbetsbok/ }), 120, "Shift+Tab");
    await page.keyboard.press("Enter");
    for (let k = 0; k < 100 && choosers.length === 0; k++) await page.waitForTimeout(100);
    expect(choosers).toHaveLength(1);
    const chooser = choosers[0];
    await chooser.setFiles({ name: "januari.xlsx", mimeType: XLSX_MIME, buffer: readFileSync(SAMPLE) });
    await page.getByText("januari.xlsx", { exact: true }).waitFor();
    await sheetItem(page, "Väntande").waitFor();
  });

  test("at 320 px wide nothing scrolls sideways, before and after a run", async () => {
    const page = await newPage({ width: 320 });
    await openPreview(page, session.origin);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    // The sheets are one line each, their dropdowns folded away: the button is within two screens
    // from the top of the page (on the sample it was below 23 dropdowns, 3.5 screens of 800 px down).
    expect(await page.getByRole("combobox").count()).toBe(0);
    const top = await runButton(page).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(2 * (await page.evaluate(() => window.innerHeight)));
    await page.screenshot({ path: artifact("preview-320-initial.png") });
    await runOnPage(page);
    expect(await overflow()).toBe(0);
    await page.getByRole("region", { name: "Flikarna Målkoll skrev" }).scrollIntoViewIfNeeded();
    await page.getByRole("tab", { name: "Vårdgaranti" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact("preview-320-result.png") });
  });
});

/** Open a sheet's column mapping (its dropdowns are folded away unless the sheet has guesses). */
async function showColumns(page: Page, sheet: string): Promise<void> {
  const toggle = sheetItem(page, sheet).getByRole("button", { name: "Visa kolumner" });
  await toggle.click();
  expect(await toggle.getAttribute("aria-expanded")).toBe("true");
}

async function expectFocused(page: Page, target: ReturnType<Page["getByRole"]>): Promise<void> {
  await page.waitForFunction((el) => el === document.activeElement, await target.elementHandle(), { timeout: 5_000 });
}
