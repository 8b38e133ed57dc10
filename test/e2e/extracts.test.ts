// Målkoll end to end on two fictional February 2026 extracts (test/fixtures/extracts/build.ts):
// SKR's information model and a Västra Götaland warehouse variant. The built CLI runs as a user runs
// it, without --date (the measurement date must come from matperiod / period_årmånad), and its JSON
// must give exactly the figures of the independent reference calculation (reference.ts), which
// are written out below as tables and checked by hand in test/fixtures/extracts/reference.test.ts.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildExtracts, skrExtract, vgrExtract, type Extract } from "../fixtures/extracts/build";
import {
  referenceAccounting,
  referenceFigures,
  referenceIssues,
  referenceDataQuality,
  type ReferenceFigure,
} from "../fixtures/extracts/reference";

const ROOT = join(__dirname, "../..");

/** The JSON's parts this test reads (unitId, allCount and allMedian are the figures the extracts need). */
interface UnitJson {
  unit: string;
  unitId?: string | null;
  total: number | null;
  withinLimit: number | null;
  share: number | null;
  allCount?: number | null;
  allMedian?: number | null;
  medianWait: number | null;
}
interface ResultsJson {
  measurementDate: string | null;
  measurementDateSource: string | null;
  careGuarantee: { measure: string; basis: string; units: UnitJson[]; region: UnitJson }[];
  sources: { sheet: string; rowsRead: number; rowsUsed: number; rowsExcluded: number; rowsRejected: number }[];
  issues: { sheet: string; row: number; column: string; cell: string; value: string; reason: string }[];
  dataQuality: { check: string; count: number; homeCounties?: string[]; rows: { row: number; value: string }[] }[];
}

// ─── The expected figures (the reference's, as a table) ────────────────────────────────────────

type Row = [
  ReferenceFigure["measure"],
  ReferenceFigure["basis"],
  string,
  string | null,
  number,
  number | null,
  number,
  number,
  number | null,
  number | null,
];
const table = (rows: Row[]): ReferenceFigure[] =>
  rows.map(([measure, basis, unit, unitId, allCount, allMedian, total, withinLimit, share, medianWait]) => ({
    measure,
    basis,
    unit,
    unitId,
    allCount,
    allMedian,
    total,
    withinLimit,
    share,
    medianWait,
  }));

const SU = "Sahlgrenska Universitetssjukhuset";
const SAS = "Södra Älvsborgs sjukhus";
const SKAS = "Skaraborgs sjukhus";
const E1 = "SE2321000131-E000000000001";
const E2 = "SE2321000131-E000000000002";
const E3 = "SE2321000131-E000000000003";

// prettier-ignore
const SKR_FIGURES = table([
  // measure     basis        unit      unitId  allCount allMedian total within share    medianWait
  ["firstVisit", "waiting",   SU,       E1,     11,      91,       7,    4,     4 / 7,   90],
  ["firstVisit", "waiting",   SAS,      E2,     5,       90,       4,    2,     2 / 4,   90.5],
  ["firstVisit", "waiting",   SKAS,     E3,     3,       50,       2,    1,     1 / 2,   185],
  ["firstVisit", "waiting",   "Region", null,   19,      90,       13,   7,     7 / 13,  90],
  ["firstVisit", "completed", SU,       E1,     8,       52.5,     5,    3,     3 / 5,   90],
  ["firstVisit", "completed", SAS,      E2,     3,       90,       3,    2,     2 / 3,   90],
  ["firstVisit", "completed", SKAS,     E3,     2,       75.5,     2,    1,     1 / 2,   75.5],
  ["firstVisit", "completed", "Region", null,   13,      64,       10,   6,     6 / 10,  90],
  ["treatment",  "waiting",   SU,       E1,     5,       70,       3,    2,     2 / 3,   80],
  ["treatment",  "waiting",   SAS,      E2,     5,       60,       3,    2,     2 / 3,   60],
  ["treatment",  "waiting",   SKAS,     E3,     3,       90,       3,    2,     2 / 3,   90],
  ["treatment",  "waiting",   "Region", null,   13,      70,       9,    6,     6 / 9,   80],
  ["treatment",  "completed", SU,       E1,     3,       124,      2,    1,     1 / 2,   93.5],
  ["treatment",  "completed", SAS,      E2,     1,       88,       1,    1,     1,       88],
  ["treatment",  "completed", SKAS,     E3,     1,       56,       0,    0,     null,    null],
  ["treatment",  "completed", "Region", null,   5,       88,       3,    2,     2 / 3,   88],
]);

const MOL = "Ögonkliniken Mölndal";
const BOR = "Ögonmottagningen Borås";
const UDD = "Ögonmottagningen Uddevalla";

// prettier-ignore
const VGR_FIGURES = table([
  // measure     basis        unit      unitId  allCount allMedian total within share    medianWait
  ["firstVisit", "waiting",   MOL,      null,   9,       90,       5,    3,     3 / 5,   90],
  ["firstVisit", "waiting",   BOR,      null,   3,       75,       3,    2,     2 / 3,   75],
  ["firstVisit", "waiting",   UDD,      null,   2,       82.5,     2,    1,     1 / 2,   82.5],
  ["firstVisit", "waiting",   "Region", null,   14,      82.5,     10,   6,     6 / 10,  82.5],
  ["firstVisit", "completed", MOL,      null,   8,       88.5,     5,    3,     3 / 5,   90],
  ["firstVisit", "completed", BOR,      null,   3,       79,       3,    2,     2 / 3,   79],
  ["firstVisit", "completed", "Region", null,   11,      87,       8,    5,     5 / 8,   88.5],
  ["treatment",  "waiting",   MOL,      null,   5,       89,       4,    2,     2 / 4,   90.5],
  ["treatment",  "waiting",   BOR,      null,   4,       67.5,     2,    1,     1 / 2,   80],
  ["treatment",  "waiting",   UDD,      null,   1,       90,       1,    1,     1,       90],
  ["treatment",  "waiting",   "Region", null,   10,      89.5,     7,    4,     4 / 7,   90],
  ["treatment",  "completed", MOL,      null,   3,       90,       3,    2,     2 / 3,   90],
  ["treatment",  "completed", BOR,      null,   2,       112.5,    1,    1,     1,       30],
  ["treatment",  "completed", "Region", null,   5,       90,       4,    3,     3 / 4,   76.5],
]);

// ─── Running the built CLI ─────────────────────────────────────────────────────────────────────

const dir = mkdtempSync(join(tmpdir(), "malkoll-extracts-e2e-"));
const runs = new Map<string, { status: number | null; stderr: string; json: ResultsJson | null }>();

beforeAll(async () => {
  const paths = await buildExtracts(dir);
  // The built CLI in plain Node, as a user runs it (npm install builds it; build again to be current).
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
  for (const [name, input] of [
    ["skr", paths.skr],
    ["vgr", paths.vgr],
  ]) {
    const out = join(dir, `${name}.json`);
    const r = spawnSync(process.execPath, [join(ROOT, "bin/malkoll.js"), "report", input, "--json", out], { cwd: ROOT, encoding: "utf8" });
    runs.set(name, {
      status: r.status,
      stderr: r.stderr,
      json: existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as ResultsJson) : null,
    });
  }
}, 300_000);

/** The run's JSON, or a failure that says what the CLI said. */
function results(name: string): ResultsJson {
  const run = runs.get(name)!;
  if (!run.json) throw new Error(`the CLI wrote no JSON for ${name} (exit ${run.status}):\n${run.stderr}`);
  return run.json;
}

function unitOf(json: ResultsJson, f: ReferenceFigure): UnitJson {
  const m = json.careGuarantee.find((c) => c.measure === f.measure && c.basis === f.basis);
  if (!m)
    throw new Error(
      `no careGuarantee entry ${f.measure}/${f.basis}; there are ${json.careGuarantee.map((c) => `${c.measure}/${c.basis}`).join(", ")}`,
    );
  const u = f.unit === "Region" ? m.region : m.units.find((x) => x.unit === f.unit);
  if (!u) throw new Error(`no unit "${f.unit}" in ${f.measure}/${f.basis}; there are ${m.units.map((x) => `"${x.unit}"`).join(", ")}`);
  return u;
}

// ─── The checks ────────────────────────────────────────────────────────────────────────────────

describe.each([
  ["skr", "skr-modell.xlsx", skrExtract(), SKR_FIGURES],
  ["vgr", "vgr-variant.xlsx", vgrExtract(), VGR_FIGURES],
] as [string, string, Extract, ReferenceFigure[]][])("%s: %s", (name, _file, extract, figures) => {
  test("the table above is the reference calculation's", () => {
    expect(referenceFigures(extract)).toEqual(figures);
  });

  test("the CLI exits 0", () => {
    const run = runs.get(name)!;
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  });

  test("the measurement date is 2026-02-28, from the extract's own period column", () => {
    const json = results(name);
    expect([json.measurementDate, json.measurementDateSource]).toEqual(["2026-02-28", "column"]);
  });

  test("the measures are first visits and operations on both bases, and nothing else", () => {
    const expected = [...new Set(figures.map((f) => `${f.measure}/${f.basis}`))].sort();
    expect(
      results(name)
        .careGuarantee.map((m) => `${m.measure}/${m.basis}`)
        .sort(),
    ).toEqual(expected);
  });

  test.each(figures.map((f) => [`${f.measure}/${f.basis}`, f.unit, f] as const))("%s, %s", (_mb, _unit, f) => {
    const u = unitOf(results(name), f);
    expect({
      unitId: u.unitId ?? null,
      allCount: u.allCount,
      allMedian: u.allMedian,
      total: u.total,
      withinLimit: u.withinLimit,
      medianWait: u.medianWait,
    }).toEqual({
      unitId: f.unitId,
      allCount: f.allCount,
      allMedian: f.allMedian,
      total: f.total,
      withinLimit: f.withinLimit,
      medianWait: f.medianWait,
    });
    if (f.share === null) expect(u.share).toBeNull();
    else expect(u.share).toBeCloseTo(f.share, 12);
  });

  test("each table has exactly the units with rows in it: no specialty code (511) or HSA id as a unit", () => {
    const json = results(name);
    for (const mb of new Set(figures.map((f) => `${f.measure}/${f.basis}`))) {
      const m = json.careGuarantee.find((c) => `${c.measure}/${c.basis}` === mb);
      const expected = figures.filter((f) => `${f.measure}/${f.basis}` === mb && f.unit !== "Region").map((f) => f.unit);
      expect([mb, m?.units.map((u) => u.unit).sort()]).toEqual([mb, [...expected].sort()]);
    }
  });

  test("every sheet is accounted for: rows read, rows rejected, and the rest used or excluded", () => {
    const json = results(name);
    for (const a of referenceAccounting(extract)) {
      const s = json.sources.find((x) => x.sheet === a.sheet);
      const rejected = Object.values(a.rejected).reduce((n, k) => n + k, 0);
      expect([a.sheet, s?.rowsRead, s?.rowsRejected, s && s.rowsUsed + s.rowsExcluded]).toEqual([
        a.sheet,
        a.read,
        rejected,
        a.read - rejected,
      ]);
    }
  });

  test("the placeholder date, the unknown phase and the unknown status are issues, each with its sheet, row, column and value", () => {
    const expected = referenceIssues(extract).map((i) =>
      expect.objectContaining({
        sheet: i.sheet,
        row: i.row,
        column: i.column,
        // A date cell's text is Målkoll's to word: Excel's serial 1 as "1" or as the date it shows, 1900-01-01.
        value: i.excelSerial === undefined ? i.value : expect.stringMatching(new RegExp(`^(${i.value}|${i.excelSerial})$`)),
      }),
    );
    expect(results(name).issues).toEqual(expect.arrayContaining(expected));
  });

  test("the data-quality checks flag the duplicated contact id and the out-of-region patients, and count them", () => {
    const dq = referenceDataQuality(extract);
    const flagged = (check: string) => results(name).dataQuality.find((q) => q.check === check);
    const twice = flagged("duplicateContactId");
    // Every row of a duplicated id is flagged, none dropped.
    expect([...new Set(twice?.rows.map((r) => r.value) ?? [])]).toEqual(dq.duplicateIds);
    const away = flagged("outOfRegion");
    if (dq.outOfRegion.length === 0) expect(away?.count ?? 0).toBe(0);
    else {
      expect(away).toMatchObject({ count: dq.outOfRegion.length, homeCounties: ["14"] });
      expect(away!.rows.map((r) => [r.row, r.value])).toEqual(dq.outOfRegion.map((r) => [r.row, r.lkf]));
    }
  });
});
