import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { createFileHost } from "../hosts/xlsx/fileHost";
import { XlsxError } from "../hosts/xlsx/errors";
import { CsvError } from "../hosts/csv/errors";
import type { HostPort, HostSheet } from "../hosts/port";
import { renderDeck } from "../hosts/slides";
import type { Settings } from "../model/settings";
import { readSettings } from "../model/settingsDoc";
import { serialFromIso } from "../model/days";
import type { Lang } from "../model/lang";
import { computeAndWrite } from "../app/runReport";
import { isInputName, openInput } from "../app/input";
import { PreviousWithoutDate, pastWithEarlier, readPast, readSheets, readStoredSettings, userSheets } from "../app/workbook";
import { CLI_TEXT, type CliTexts } from "../app/texts/cli";
import type { Past } from "../app/pipeline";
import { measureHeading } from "../report/careGuaranteeTab";
import { TEXT } from "../report/i18n";
import { resultsForJson } from "../report/json";
import { guessText, noteText } from "../report/reasons";
import { confirmingSettings, unconfirmedSheets } from "../app/confirmations";
import { flagged } from "../app/resultCounts";
import { formatCount, formatShare } from "../app/format";
import { computedAnything } from "../domain/results";
import { countRatings } from "../domain/goals";

/** Exit codes of the CLI contract: 0 done, 1 nothing could be computed or read, 2 usage error. */
export const EXIT = { ok: 0, nothingComputed: 1, usage: 2 } as const;

class UsageError extends Error {}

interface ReportOptions {
  out?: string;
  json?: string;
  date?: string;
  config?: string;
  previous?: string;
  pptx?: string;
  lang: Lang;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = { out: (l) => process.stdout.write(l + "\n"), err: (l) => process.stderr.write(l + "\n") };

/** `malkoll report <input.xlsx> …`: read the workbook, compute, write the summary tabs and the JSON. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("malkoll")
    .description("Målkoll: vårdgaranti och måluppfyllelse från Excel-underlag / care-guarantee compliance from Excel extracts")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command("report")
    .description("Beräkna och skriv sammanställningsflikar i en kopia av arbetsboken")
    .argument("<input.xlsx>", "arbetsbok med väntetidsunderlag")
    .option("--out <output.xlsx>", "var arbetsboken med flikarna skrivs (standard: <indata>-malkoll.xlsx)")
    .option("--json <file|->", "skriv resultaten som JSON till en fil, eller - för standard ut")
    .option("--date <YYYY-MM-DD>", "mätdatum (standard: kolumn för mätdatum, annars sista dagen i månaden för senaste datum)")
    .option(
      "--previous <earlier.xlsx>",
      "föregående period: en tidigare utdata från Målkoll (fliken Historik) eller förra periodens underlag",
    )
    .option("--config <settings.json>", "inställningar (gränser, undantag, mål, kolumner)")
    .option("--pptx <file>", "skriv också flikarnas tabeller och diagram som en PowerPoint-presentation (16:9)")
    .addOption(new Option("--lang <lang>", "språk på flikarna").choices(["sv", "en"]).default("sv"))
    .action(async (input: string, opts: ReportOptions) => {
      code = await report(input, opts, io);
    });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      io.err(`malkoll: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof XlsxError || e instanceof CsvError) {
      io.err(`malkoll: ${e.message}`);
      return EXIT.nothingComputed;
    }
    throw e;
  }
}

/**
 * Settings in layers: the defaults, then the document the add-in stored in the workbook (read as
 * the pane reads it), then --config. So the CLI computes what the add-in computed on the same file,
 * and a file can still override it for one run. Unlike the pane, a damaged stored document stops
 * the run: a run in a script must not quietly compute on the defaults.
 */
async function cliSettings(host: HostPort, configPath: string | undefined, t: CliTexts): Promise<Settings> {
  const stored = await readStoredSettings(host);
  if (stored.problem) throw new UsageError(t.storedSettings(stored.problem));
  if (!configPath) return stored.settings;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(configPath, "utf8"));
  } catch (e) {
    throw new UsageError(t.configNotJson(configPath, (e as Error).message));
  }
  const parsed = readSettings(doc, stored.settings);
  if (!parsed.ok) throw new UsageError(t.configInvalid(configPath, parsed.reason));
  return parsed.value;
}

async function report(input: string, opts: ReportOptions, io: Io): Promise<number> {
  const t = CLI_TEXT[opts.lang];
  if (!existsSync(input)) throw new UsageError(t.fileMissing(input));
  if (!isInputName(input)) throw new UsageError(t.notWorkbook(input));
  if (opts.date !== undefined && serialFromIso(opts.date) === null) throw new UsageError(t.badDate(opts.date));
  if (opts.config && !existsSync(opts.config)) throw new UsageError(t.configMissing(opts.config));
  if (opts.previous && !existsSync(opts.previous)) throw new UsageError(t.previousMissing(opts.previous));
  const say = opts.json === "-" ? io.err : io.out;
  const words = TEXT[opts.lang];

  // The pane's reading, on the .xlsx adapter the preview uses: Målkoll's own tabs from an earlier
  // run are output, not input; its Historik tab is the past.
  const host = openInput(readFileSync(input), input, { lang: opts.lang });
  const sheets = await host.listSheets();
  const settings = await cliSettings(host, opts.config, t);
  const grids = await readSheets(host, userSheets(sheets));
  // No silent guesses: a sheet read on a guess stops the run until --config (or the pane) confirms it.
  const unconfirmed = unconfirmedSheets(grids, settings);
  if (unconfirmed.length) {
    io.err(`malkoll: ${t.unconfirmed(unconfirmed.length)}`);
    for (const s of unconfirmed) io.err(`  - "${s.sheet}": ${s.guesses.map((g) => guessText(g, opts.lang)).join("; ")}`);
    io.err(t.confirmWith);
    io.err(JSON.stringify(confirmingSettings(unconfirmed), null, 2));
    return EXIT.nothingComputed;
  }
  const past = opts.previous ? await previousPast(opts.previous, host, sheets, settings, t) : await readPast(host, sheets);
  const { results, plans, written } = await computeAndWrite(host, grids, settings, { date: opts.date, lang: opts.lang, past });
  if (opts.json) {
    const text = JSON.stringify(resultsForJson(results, opts.lang), null, 2);
    if (opts.json === "-") io.out(text);
    else writeFile(opts.json, text + "\n");
  }
  if (!computedAnything(results)) {
    io.err(`malkoll: ${t.nothing}`);
    for (const s of results.sources) io.err(`  - "${s.sheet}": ${noteText(s.note, opts.lang)}`);
    return EXIT.nothingComputed;
  }

  const out = opts.out ?? join(dirname(input), `${basename(input, extname(input))}-malkoll.xlsx`);
  writeFile(out, host.bytes);
  for (const m of results.careGuarantee) {
    const r = m.region;
    const share = r.share === null ? "–" : formatShare(r.share, opts.lang);
    say(
      `${measureHeading(m, words)}: ${share} (${formatCount(r.total ?? 0, opts.lang)} ${(m.basis === "waiting" ? words.waiting : words.completed).toLowerCase()}) – ${words.rating[r.rating]}`,
    );
  }
  if (results.goals.length)
    say(words.goalsSummary(results.goals.length, results.indicators.length, countRatings(results.goals.map((g) => g.rating))));
  if (results.assignments.length)
    say(words.assignmentsSummary(results.assignments.length, countRatings(results.assignments.map((a) => a.rating))));
  const rejected = results.sources.reduce((n, s) => n + s.rowsRejected, 0);
  if (rejected > 0)
    say(
      t.rejected(formatCount(rejected, opts.lang), written.find((w) => w.planName === words.dataCheckTab)?.sheetName ?? words.dataCheckTab),
    );
  const flaggedRows = flagged(results);
  if (flaggedRows > 0)
    say(
      t.flagged(
        formatCount(flaggedRows, opts.lang),
        written.find((w) => w.planName === words.dataCheckTab)?.sheetName ?? words.dataCheckTab,
      ),
    );
  for (const w of written.filter((w) => w.renamedBecauseTaken && !w.replaced)) say(t.renamed(w.planName, w.sheetName));
  say(t.wrote(written.map((w) => `"${w.sheetName}"`).join(", "), resolve(out)));
  if (opts.pptx) {
    writeFile(
      opts.pptx,
      await renderDeck(plans, results, { lang: opts.lang, regionName: settings.regionName, workbookName: basename(input) }),
    );
    say(t.deckWritten(resolve(opts.pptx)));
  }
  return EXIT.ok;
}

/** --previous: an earlier output of Målkoll (its Historik tab) or the previous period's own data. */
async function previousPast(path: string, host: HostPort, sheets: readonly HostSheet[], settings: Settings, t: CliTexts): Promise<Past> {
  try {
    return await pastWithEarlier(createFileHost(readFileSync(path)), host, sheets, settings);
  } catch (e) {
    if (e instanceof PreviousWithoutDate) throw new UsageError(t.previousNoDate(path));
    throw e;
  }
}

function writeFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, data);
}
