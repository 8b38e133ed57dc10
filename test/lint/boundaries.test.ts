// The import-boundary check (.dependency-cruiser.cjs, `npm run lint:deps` in .ci/run) on small trees
// laid out like src/: an import against the direction of dependencies, or a cycle, must fail it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = join(__dirname, "../..");
const DEPCRUISE = join(ROOT, "node_modules/.bin/depcruise");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Cruise a tree of files (path → source) with the project's own configuration; the violations found. */
function violations(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), "malkoll-deps-"));
  try {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", strict: true } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    let out: string;
    try {
      out = execFileSync(DEPCRUISE, ["src", "--config", join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "json"], {
        cwd: dir,
        encoding: "utf8",
      });
    } catch (e) {
      // depcruise exits non-zero when it finds violations; the report is still on stdout.
      out = (e as { stdout: string }).stdout;
    }
    return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rules = (vs: Violation[]) => vs.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

test("imports down the pipeline pass: ingest → model, domain → ingest's types, report → domain, app → hosts, an entry point → app", () => {
  expect(
    violations({
      "src/model/cells.ts": "export type Cell = string | number | boolean | null;\n",
      "src/ingest/records.ts": 'import type { Cell } from "../model/cells";\nexport interface PatientRecord { unit: Cell }\n',
      "src/domain/care.ts":
        'import type { PatientRecord } from "../ingest/records";\nexport const count = (rows: PatientRecord[]) => rows.length;\n',
      "src/report/tab.ts": 'import { count } from "../domain/care";\nexport const plan = () => count([]);\n',
      "src/hosts/port.ts": 'import type { Cell } from "../model/cells";\nexport interface HostPort { read(): Cell[][] }\n',
      "src/app/run.ts":
        'import type { HostPort } from "../hosts/port";\nimport { plan } from "../report/tab";\nexport const run = (h: HostPort) => [h, plan()];\n',
      "src/cli/main.ts": 'import { run } from "../app/run";\nexport const main = () => run;\n',
    }),
  ).toEqual([]);
});

test("an ingest → domain import fails the check", () => {
  expect(
    rules(
      violations({
        "src/domain/rating.ts": 'export type Rating = "green" | "red";\n',
        "src/ingest/records.ts": 'import type { Rating } from "../domain/rating";\nexport interface Row { rating: Rating }\n',
      }),
    ),
  ).toEqual(["ingest-only-model: src/ingest/records.ts → src/domain/rating.ts"]);
});

test("a cycle fails the check, even inside one layer", () => {
  expect(
    rules(
      violations({
        "src/domain/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
        "src/domain/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
      }),
    ),
  ).toEqual(["no-cycles: src/domain/a.ts → src/domain/b.ts"]);
});

test("domain may read ingest's types but not call it", () => {
  expect(
    rules(
      violations({
        "src/ingest/parse.ts": "export const parse = (x: string) => x.trim();\n",
        "src/domain/care.ts": 'import { parse } from "../ingest/parse";\nexport const f = () => parse(" a ");\n',
      }),
    ),
  ).toEqual(["domain-reads-ingest-types: src/domain/care.ts → src/ingest/parse.ts"]);
});

test("one adapter importing another, and an entry point importing another, fail the check", () => {
  expect(
    rules(
      violations({
        "src/hosts/xlsx/chartRules.ts": "export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;\n",
        "src/hosts/office/writeCharts.ts": 'import { round4 } from "../xlsx/chartRules";\nexport const w = round4;\n',
        "src/taskpane/texts.ts": 'export const close = "Stäng";\n',
        "src/commands/dialog.ts": 'import { close } from "../taskpane/texts";\nexport const d = close;\n',
      }),
    ),
  ).toEqual([
    "adapters-apart: src/hosts/office/writeCharts.ts → src/hosts/xlsx/chartRules.ts",
    "entry-points-apart: src/commands/dialog.ts → src/taskpane/texts.ts",
  ]);
});

test("the pure pipeline may not reach for a package or Node's file system", () => {
  expect(
    rules(
      violations({
        "src/report/save.ts": 'import { writeFileSync } from "node:fs";\nexport const save = () => writeFileSync("x", "y");\n',
      }),
    ),
  ).toEqual(["pure-pipeline: src/report/save.ts → fs"]);
});

test("Målkoll's own src passes the check", () => {
  const out = execFileSync(DEPCRUISE, ["src", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(rules((JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations)).toEqual([]);
});
