import { basename, dirname, extname, join, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { createFileHost } from "../hosts/xlsx/fileHost";
import { XlsxError } from "../hosts/xlsx/errors";
import { CsvError } from "../hosts/csv/errors";
import type { HostPort, HostSheet } from "../hosts/port";
import type { Settings } from "../model/settings";
import { readSettings } from "../model/settingsDoc";
import { serialFromIso } from "../model/days";
import type { Lang } from "../model/lang";
import { computeAndWrite } from "../app/runReport";
import { isInputName, openInput } from "../app/input";
import { PreviousWithoutDate, pastWithEarlier, readPast, readSheets, readStoredSettings, userSheets } from "../app/workbook";
import { CLI_TEXT, type CliTexts } from "../app/texts/cli";
import { xlsxErrorText } from "../app/texts/input";
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
import {
  checkInput,
  isFsError,
  nodeCliFs,
  planOutputs,
  readInput,
  UsageError,
  whyText,
  writeOutputs,
  type CliFs,
  type InputSpec,
  type OutputSpec,
} from "./files";

/**
 * Exit codes of the CLI contract: 0 done; 1 nothing could be computed (or a sheet waits for a
 * confirmation) or the input cannot be read as a workbook or CSV file; 2 the command cannot be
 * carried out as given: an option, a file or a folder (see files.ts), or a write that failed.
 */
export const EXIT = { ok: 0, nothingComputed: 1, usage: 2 } as const;

/** --previous could not be read as a workbook: the reader's line, saying which file it was. */
class PreviousUnreadable extends Error {
  constructor(
    readonly path: string,
    readonly error: XlsxError,
  ) {
    super(error.message);
  }
}

/** What `malkoll report --help` says after the options: where files go, and the exit codes. */
const HELP_AFTER = `
Filer:
  Indata, --previous och --config läses men ändras aldrig; ingen utdata får vara samma fil som dem
  eller som en annan utdata. --out, --json och --pptx skrivs till en tillfällig fil i samma mapp
  och byter namn till målet först när allt är skrivet: ett fel lämnar ingen halv fil. En mapp som
  saknas skapas. En fil som redan finns skrivs över bara om Målkoll skrev den (en tidigare utdata:
  en arbetsbok med Målkolls flikar, resultat-JSON, Målkolls presentation) eller om den är tom.
  En .xlsm ger en .xlsm med makrona orörda; --out måste sluta på .xlsm för en sådan, annars .xlsx.

Slutkoder:
  0  klart
  1  inget kunde beräknas, ett blad läses på en gissning som ska bekräftas, eller indata kan inte
     läsas (inte en arbetsbok, lösenordsskyddad, skadad; en tom CSV-fil)
  2  fel i kommandot: okänd flagga, ogiltigt datum eller inställningar, en fil som saknas eller är
     en mapp, en plats som inte går att skriva till, samma fil två gånger, en befintlig fil som
     Målkoll inte skrev, fel ändelse på --out, eller en skrivning som misslyckades

Files: the input, --previous and --config are never changed, and no output may be one of them or
another output. Outputs go to a temporary file beside the target, renamed when all are complete; a
missing folder is created; an existing file is replaced only if Målkoll wrote it or it is empty. An
.xlsm gives an .xlsm, its macros untouched (--out must end in .xlsm). Exit codes: 0 done; 1 nothing
computed, a guess to confirm, or an unreadable input; 2 an option, file or folder problem, or a
failed write. A refusal is one line "malkoll: …" on stderr.`;

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
  /** The file system (tests make a write fail with their own). */
  fs?: CliFs;
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
    .argument("<input.xlsx>", "arbetsbok med väntetidsunderlag (.xlsx, .xlsm) eller CSV-fil")
    .option(
      "--out <output.xlsx>",
      "var arbetsboken med flikarna skrivs (standard: <indata>-malkoll.xlsx, .xlsm för en arbetsbok med makron); skriver bara över Målkolls egen utdata",
    )
    .option("--json <file|->", "skriv resultaten som JSON till en fil, eller - för standard ut")
    .option("--date <YYYY-MM-DD>", "mätdatum (standard: kolumn för mätdatum, annars sista dagen i månaden för senaste datum)")
    .option(
      "--previous <earlier.xlsx>",
      "föregående period: en tidigare utdata från Målkoll (fliken Historik) eller förra periodens underlag",
    )
    .option("--config <settings.json>", "inställningar (gränser, undantag, mål, kolumner)")
    .option("--pptx <file>", "skriv också flikarnas tabeller och diagram som en PowerPoint-presentation (16:9)")
    .addOption(new Option("--lang <lang>", "språk på flikarna").choices(["sv", "en"]).default("sv"))
    .addHelpText("after", HELP_AFTER)
    .action(async (input: string, opts: ReportOptions) => {
      code = await reportWithErrors(input, opts, io);
    });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw e;
  }
}

/** A run, with every refusal and every file-system failure as one line `malkoll: …` in the run's language. */
async function reportWithErrors(input: string, opts: ReportOptions, io: Io): Promise<number> {
  const t = CLI_TEXT[opts.lang];
  const fail = (line: string, exit: number) => {
    io.err(`malkoll: ${line}`);
    return exit;
  };
  try {
    return await report(input, opts, io);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message, EXIT.usage);
    if (e instanceof XlsxError) return fail(xlsxErrorText(e, opts.lang), EXIT.nothingComputed);
    if (e instanceof PreviousUnreadable) return fail(t.previousUnreadable(e.path, xlsxErrorText(e.error, opts.lang)), EXIT.nothingComputed);
    if (e instanceof CsvError) return fail(e.message, EXIT.nothingComputed);
    // A file-system failure nothing above foresaw (files.ts checks and words the ones it knows).
    if (isFsError(e)) return fail(t.fileProblem(whyText(e, t), e.path ?? null), EXIT.usage);
    throw e;
  }
}

/**
 * Settings in layers: the defaults, then the document the add-in stored in the workbook (read as
 * the pane reads it), then --config. So the CLI computes what the add-in computed on the same file,
 * and a file can still override it for one run. Unlike the pane, a damaged stored document stops
 * the run: a run in a script must not quietly compute on the defaults.
 */
async function cliSettings(host: HostPort, configPath: string | undefined, t: CliTexts, fs: CliFs): Promise<Settings> {
  const stored = await readStoredSettings(host);
  if (stored.problem) throw new UsageError(t.storedSettings(stored.problem));
  if (!configPath) return stored.settings;
  let doc: unknown;
  try {
    doc = JSON.parse(readInput(configPath, t, fs).toString("utf8"));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(t.configNotJson(configPath, (e as Error).message));
  }
  const parsed = readSettings(doc, stored.settings);
  if (!parsed.ok) throw new UsageError(t.configInvalid(configPath, parsed.reason));
  return parsed.value;
}

async function report(input: string, opts: ReportOptions, io: Io): Promise<number> {
  const t = CLI_TEXT[opts.lang];
  const fs = io.fs ?? nodeCliFs;
  // Every path and option is checked before anything is read, computed or written (files.ts).
  checkInput({ option: null, path: input }, t.fileMissing, t, fs);
  if (!isInputName(input)) throw new UsageError(t.notWorkbook(input));
  if (opts.date !== undefined && serialFromIso(opts.date) === null) throw new UsageError(t.badDate(opts.date));
  const inputs: InputSpec[] = [{ option: null, path: input }];
  if (opts.config) inputs.push({ option: "--config", path: opts.config });
  if (opts.previous) inputs.push({ option: "--previous", path: opts.previous });
  for (const i of inputs.slice(1)) checkInput(i, i.option === "--config" ? t.configMissing : t.previousMissing, t, fs);
  const say = opts.json === "-" ? io.err : io.out;
  const words = TEXT[opts.lang];

  // The pane's reading, on the .xlsx adapter the preview uses: Målkoll's own tabs from an earlier
  // run are output, not input; its Historik tab is the past.
  const host = openInput(readInput(input, t, fs), input, { lang: opts.lang });
  // The output is the input's kind: an .xlsm (macros kept) stays an .xlsm, Excel opens it by its extension.
  const ext = host.macroEnabled ? ".xlsm" : ".xlsx";
  if (opts.out !== undefined && !opts.out.toLowerCase().endsWith(ext)) throw new UsageError(t.outExtension(opts.out, host.macroEnabled));
  const defaultName = `${basename(input, extname(input))}-malkoll${ext}`;
  const out = opts.out ?? join(dirname(input), defaultName);
  const outputs: OutputSpec[] = [{ option: "--out", path: out, kind: "workbook", example: defaultName }];
  if (opts.json && opts.json !== "-") outputs.push({ option: "--json", path: opts.json, kind: "json" });
  if (opts.pptx) outputs.push({ option: "--pptx", path: opts.pptx, kind: "deck" });
  const [outFile, ...others] = planOutputs(outputs, inputs, t, fs);
  const jsonFile = others.find((o) => o.option === "--json");
  const deckFile = others.find((o) => o.option === "--pptx");

  const sheets = await host.listSheets();
  const settings = await cliSettings(host, opts.config, t, fs);
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
  const past = opts.previous ? await previousPast(opts.previous, host, sheets, settings, t, fs) : await readPast(host, sheets);
  const { results, plans, written } = await computeAndWrite(host, grids, settings, { date: opts.date, lang: opts.lang, past });
  const json = opts.json ? JSON.stringify(resultsForJson(results, opts.lang), null, 2) : "";
  if (!computedAnything(results)) {
    // The JSON still says what was read; no workbook is written.
    if (jsonFile) writeOutputs([{ output: jsonFile, data: json + "\n" }], t, fs);
    if (opts.json === "-") io.out(json);
    io.err(`malkoll: ${t.nothing}`);
    for (const s of results.sources) io.err(`  - "${s.sheet}": ${noteText(s.note, opts.lang)}`);
    return EXIT.nothingComputed;
  }

  // Every output complete in memory first, then all written at once: a failure leaves none half-written.
  const files: { output: typeof outFile; data: string | Uint8Array }[] = [];
  if (jsonFile) files.push({ output: jsonFile, data: json + "\n" });
  files.push({ output: outFile, data: host.bytes });
  if (deckFile)
    files.push({
      output: deckFile,
      // pptxgenjs only when a deck is asked for: a plain run starts without it (~60 ms).
      data: await (
        await import("../hosts/slides")
      ).renderDeck(plans, results, { lang: opts.lang, regionName: settings.regionName, workbookName: basename(input) }),
    });
  writeOutputs(files, t, fs);
  if (opts.json === "-") io.out(json);

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
  const dataCheck = written.find((w) => w.planName === words.dataCheckTab)?.sheetName ?? words.dataCheckTab;
  if (rejected > 0) say(t.rejected(rejected, formatCount(rejected, opts.lang), dataCheck));
  const flaggedRows = flagged(results);
  if (flaggedRows > 0) say(t.flagged(flaggedRows, formatCount(flaggedRows, opts.lang), dataCheck));
  for (const w of written.filter((w) => w.renamedBecauseTaken && !w.replaced)) say(t.renamed(w.planName, w.sheetName));
  say(t.wrote(written.map((w) => `"${w.sheetName}"`).join(", "), resolve(out)));
  if (opts.pptx) say(t.deckWritten(resolve(opts.pptx)));
  return EXIT.ok;
}

/** --previous: an earlier output of Målkoll (its Historik tab) or the previous period's own data. */
async function previousPast(
  path: string,
  host: HostPort,
  sheets: readonly HostSheet[],
  settings: Settings,
  t: CliTexts,
  fs: CliFs,
): Promise<Past> {
  try {
    return await pastWithEarlier(createFileHost(readInput(path, t, fs)), host, sheets, settings);
  } catch (e) {
    if (e instanceof PreviousWithoutDate) throw new UsageError(t.previousNoDate(path));
    if (e instanceof XlsxError) throw new PreviousUnreadable(path, e);
    throw e;
  }
}
