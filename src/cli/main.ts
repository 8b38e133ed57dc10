import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { openWorkbook, type XlsxWorkbook } from "../hosts/xlsx/read";
import { readSettingsPart } from "../hosts/xlsx/settingsPart";
import { writeSummaryTabs } from "../hosts/xlsx/write";
import { XlsxError } from "../hosts/xlsx/errors";
import { DEFAULT_SETTINGS, type Settings } from "../model/settings";
import { readSettings } from "../model/settingsDoc";
import { serialFromIso } from "../model/days";
import { computeResults, pastFrom, runPipeline, type Past } from "../app/pipeline";
import { type Lang } from "../model/lang";
import { HISTORY_MARKER } from "../report/historyTab";
import { measureHeading } from "../report/careGuaranteeTab";
import { TEXT } from "../report/i18n";
import { formatInteger, formatPercent } from "../report/format";
import { computedAnything } from "../domain/results";
import { countRatings } from "../domain/goals";
import { renderDeck } from "../hosts/slides";


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
    .option("--previous <earlier.xlsx>", "föregående period: en tidigare utdata från Målkoll (fliken Historik) eller förra periodens underlag")
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
    if (e instanceof XlsxError) {
      io.err(`malkoll: ${e.message}`);
      return EXIT.nothingComputed;
    }
    throw e;
  }
}

/**
 * Settings in layers: the defaults, then the document the add-in stored in the workbook, then
 * --config. So the CLI computes what the add-in computed on the same file, and a file can still
 * override it for one run.
 */
function loadSettings(configPath: string | undefined, wb: XlsxWorkbook): Settings {
  let settings = DEFAULT_SETTINGS;
  let stored: unknown;
  try {
    stored = readSettingsPart(wb);
  } catch (e) {
    throw new UsageError(`Inställningarna i arbetsboken är skadade: ${(e as Error).message}`);
  }
  if (stored !== null) {
    const parsed = readSettings(stored, settings);
    if (!parsed.ok) throw new UsageError(`Fel i inställningarna som sparats i arbetsboken: ${parsed.reason}`);
    settings = parsed.value;
  }
  if (!configPath) return settings;
  if (!existsSync(configPath)) throw new UsageError(`Inställningsfilen finns inte: ${configPath}`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(configPath, "utf8"));
  } catch (e) {
    throw new UsageError(`Inställningsfilen ${configPath} är inte giltig JSON: ${(e as Error).message}`);
  }
  const parsed = readSettings(doc, settings);
  if (!parsed.ok) throw new UsageError(`Fel i ${configPath}: ${parsed.reason}`);
  return parsed.value;
}

async function report(input: string, opts: ReportOptions, io: Io): Promise<number> {
  if (!existsSync(input)) throw new UsageError(`Filen finns inte: ${input}`);
  if (![".xlsx", ".xlsm"].includes(extname(input).toLowerCase())) throw new UsageError(`Inte en Excel-arbetsbok (.xlsx): ${input}`);
  if (opts.date !== undefined && serialFromIso(opts.date) === null) throw new UsageError(`Ogiltigt datum för --date: "${opts.date}" (ange ÅÅÅÅ-MM-DD).`);
  if (opts.config && !existsSync(opts.config)) throw new UsageError(`Inställningsfilen finns inte: ${opts.config}`);
  const say = opts.json === "-" ? io.err : io.out;
  const t = TEXT[opts.lang];

  if (opts.previous && !existsSync(opts.previous)) throw new UsageError(`Filen för --previous finns inte: ${opts.previous}`);
  const wb = openWorkbook(readFileSync(input));
  const settings = loadSettings(opts.config, wb);
  // Målkoll's own tabs from an earlier run are output, not input; its Historik tab is the past.
  const grids = wb.sheets.filter((s) => !s.marker).map((s) => wb.readSheet(s.name));
  const past = readPast(wb, opts.previous, settings);
  const { results, plans } = runPipeline(grids, settings, { date: opts.date, lang: opts.lang, past });
  if (opts.json) {
    const text = JSON.stringify(results, null, 2);
    if (opts.json === "-") io.out(text);
    else writeFile(opts.json, text + "\n");
  }
  if (!computedAnything(results)) {
    io.err(`malkoll: ${t.cliNothing}`);
    for (const s of results.sources) io.err(`  - "${s.sheet}": ${s.note}`);
    return EXIT.nothingComputed;
  }

  const out = opts.out ?? join(dirname(input), `${basename(input, extname(input))}-malkoll.xlsx`);
  const { bytes, written } = writeSummaryTabs(wb, plans);
  writeFile(out, bytes);
  for (const m of results.careGuarantee) {
    const r = m.region;
    const share = r.share === null ? "–" : formatPercent(r.share);
    say(`${measureHeading(m, t)}: ${share} (${formatInteger(r.total ?? 0)} ${(m.basis === "waiting" ? t.waiting : t.completed).toLowerCase()}) – ${t.rating[r.rating]}`);
  }
  if (results.goals.length) say(t.goalsSummary(results.goals.length, results.indicators.length, countRatings(results.goals.map((g) => g.rating))));
  if (results.assignments.length) say(t.assignmentsSummary(results.assignments.length, countRatings(results.assignments.map((a) => a.rating))));
  const rejected = results.sources.reduce((n, s) => n + s.rowsRejected, 0);
  if (rejected > 0) say(t.cliRejected(formatInteger(rejected), written.find((w) => w.planName === t.dataCheckTab)?.sheetName ?? t.dataCheckTab));
  for (const w of written.filter((w) => w.renamedBecauseTaken && !w.replaced)) {
    say(t.cliRenamed(w.planName, w.sheetName));
  }
  say(t.cliWrote(written.map((w) => `"${w.sheetName}"`).join(", "), resolve(out)));
  if (opts.pptx) {
    writeFile(opts.pptx, await renderDeck(plans, results, { lang: opts.lang, regionName: settings.regionName, workbookName: basename(input) }));
    say(`${opts.lang === "sv" ? "Presentationen skrevs till" : "The presentation was written to"} ${resolve(opts.pptx)}`);
  }
  return EXIT.ok;
}

const historyTabs = (wb: XlsxWorkbook) => wb.sheets.filter((s) => s.marker === HISTORY_MARKER).map((s) => wb.readSheet(s.name));

/**
 * The past: an earlier workbook (--previous) — its Historik tab when Målkoll wrote one, else its
 * own sheets computed with the same settings — then this workbook's own Historik tab.
 */
function readPast(wb: XlsxWorkbook, previousPath: string | undefined, settings: Settings): Past {
  if (!previousPath) return pastFrom(historyTabs(wb));
  const earlier = openWorkbook(readFileSync(previousPath));
  const tabs = historyTabs(earlier);
  if (tabs.length) return pastFrom([...tabs, ...historyTabs(wb)]);
  const then = computeResults(earlier.sheets.filter((s) => !s.marker).map((s) => earlier.readSheet(s.name)), settings);
  if (!then.measurementDate) throw new UsageError(`Föregående period (${previousPath}) har inget mätdatum: inga datum i underlaget och ingen flik Historik.`);
  return pastFrom(historyTabs(wb), [then]);
}

function writeFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, data);
}
