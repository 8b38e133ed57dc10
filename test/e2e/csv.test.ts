// `malkoll report extrakt.csv`: a patient-level extract as the data warehouse exports it, once as
// an .xlsx, as ";" + Windows-1252 (Swedish Excel's "CSV (semikolonavgränsad)") and as "," + UTF-8
// with a BOM. The three files have the same name in different folders, so even the sheet names
// match: the results must be the same, and the CSV's output workbook holds the CSV's cells
// unchanged plus the summary tabs. Run with the built CLI, as a user runs it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { ResultsJson } from "../../src/report/json";
import { EXTRACT_ROWS as ROWS, cp1252, toCsv, utf8 } from "../helpers/csv";
import { ensureBuiltCli, runBuiltCli } from "../helpers/builtCli";

const dir = mkdtempSync(join(tmpdir(), "malkoll-csv-"));
const file = (folder: string, name: string) => {
  mkdirSync(join(dir, folder), { recursive: true });
  return join(dir, folder, name);
};
const inputs = {
  xlsx: file("xlsx", "extrakt.xlsx"),
  semicolon: file("semikolon-1252", "extrakt.csv"),
  comma: file("komma-utf8", "extrakt.csv"),
};
type Kind = keyof typeof inputs;
const json = (kind: Kind, lang = "sv") => join(dir, `${kind}-${lang}.json`);
const runs = {} as Record<Kind, ReturnType<typeof runBuiltCli>>;
const results = {} as Record<Kind, ResultsJson>;

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A sheet's cells as ExcelJS reads them, row by row from A1, empty cells null. */
function cells(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const values: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c - 1] = (cell.value ?? null) as string | number | null;
    });
    out[r - 1] = Array.from(values, (v) => v ?? null);
  });
  return out;
}

/** Padded to the widest row with nulls, as a sheet is. */
const rectangular = (rows: (string | number | null)[][]) => {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
};

beforeAll(async () => {
  ensureBuiltCli();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("extrakt");
  for (const row of ROWS) ws.addRow(row); // strings only: dates as text, as in the CSV
  await wb.xlsx.writeFile(inputs.xlsx);
  writeFileSync(inputs.semicolon, cp1252(toCsv(ROWS, ";", "\r\n")));
  writeFileSync(inputs.comma, utf8(toCsv(ROWS, ",", "\n"), true));
  for (const kind of Object.keys(inputs) as Kind[]) {
    runs[kind] = runBuiltCli("report", inputs[kind], "--date", "2024-01-31", "--json", json(kind));
    results[kind] = JSON.parse(readFileSync(json(kind), "utf8")) as ResultsJson;
  }
}, 120_000);

test("the CSV files really are what Excel and the warehouse write", () => {
  const semicolon = readFileSync(inputs.semicolon);
  expect(semicolon.includes(Buffer.from("Vårdcentral Åmål", "latin1"))).toBe(true); // one byte for "å"
  expect(semicolon.includes(Buffer.from("Vårdcentral Åmål", "utf8"))).toBe(false);
  expect(semicolon.toString("latin1")).toContain('"Kirurgi, Östra sjukhuset";Operation/åtgärd;2024-01-10;;;JA\r\n');
  const comma = readFileSync(inputs.comma);
  expect(Array.from(comma.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  expect(comma.toString("utf8")).toContain('"Kirurgi, Östra sjukhuset",Operation/åtgärd,2024-01-10,,,JA\n');
});

test("each run ends well: exit 0, nothing on stderr", () => {
  for (const kind of Object.keys(inputs) as Kind[]) {
    expect({ kind, status: runs[kind].status, stderr: runs[kind].stderr }).toEqual({ kind, status: 0, stderr: "" });
  }
});

test("the three files give the same care-guarantee results and the same issues", () => {
  expect(results.xlsx.careGuarantee.length).toBeGreaterThan(0);
  expect(results.xlsx.issues.length).toBeGreaterThan(0);
  for (const kind of ["semicolon", "comma"] as const) {
    expect(results[kind].careGuarantee).toEqual(results.xlsx.careGuarantee);
    expect(results[kind].issues).toEqual(results.xlsx.issues);
    expect(results[kind].sources).toEqual(results.xlsx.sources);
  }
});

test("the figures are the extract's, hand-counted for 2024-01-31 (90 days), its units' Swedish letters intact", () => {
  // Förstabesök: Åmål 16, 42, 152 days → 2/3; Öron-näsa-hals 29, 244 → 1/2 (the PvV row excluded);
  // Kirurgi's two are the impossible date (rejected) and MoV (excluded). Operation/åtgärd:
  // Öron-näsa-hals 91 → 0/1; Kirurgi 21, 183, 61 → 2/3.
  const byMeasure = new Map(results.semicolon.careGuarantee.map((m) => [m.measure, m]));
  expect([...byMeasure.keys()]).toEqual(["firstVisit", "treatment"]);
  const units = (measure: "firstVisit" | "treatment") => byMeasure.get(measure)!.units.map((u) => [u.unit, u.total, u.withinLimit]);
  expect(units("firstVisit")).toEqual([
    ["Öron-näsa-hals Ängelholm", 2, 1],
    ["Vårdcentral Åmål", 3, 2],
    // Kirurgi's only usable first visit is MoV: in the national count (allCount 1), not in the base.
    ["Kirurgi, Östra sjukhuset", 0, 0],
  ]);
  expect(units("treatment")).toEqual([
    ["Öron-näsa-hals Ängelholm", 1, 0],
    ["Kirurgi, Östra sjukhuset", 3, 2],
  ]);
  expect(byMeasure.get("firstVisit")!.region).toMatchObject({ total: 5, withinLimit: 3, share: 0.6 });
  expect(byMeasure.get("treatment")!.region).toMatchObject({ total: 4, withinLimit: 2, share: 0.5 });
  expect(results.semicolon.issues).toEqual([
    { sheet: "extrakt", row: 12, column: "Beslutsdatum", cell: "C12", value: "2024-02-30", reason: expect.any(String) },
  ]);
  expect(results.semicolon.sources[0]).toMatchObject({ sheet: "extrakt", rowsRead: 12, rowsUsed: 9, rowsExcluded: 2, rowsRejected: 1 });
});

test("the output of a CSV run is an .xlsx beside it: the CSV's sheet, its cells unchanged, and the summary tabs", async () => {
  const fromXlsx = await load(join(dir, "xlsx", "extrakt-malkoll.xlsx"));
  for (const folder of ["semikolon-1252", "komma-utf8"]) {
    const out = await load(join(dir, folder, "extrakt-malkoll.xlsx"));
    expect(out.worksheets.map((w) => w.name)).toEqual(fromXlsx.worksheets.map((w) => w.name));
    expect(out.worksheets[0].name).toBe("extrakt");
    expect(out.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Vårdgaranti", "Datakontroll"]));
    expect(cells(out.getWorksheet("extrakt")!)).toEqual(rectangular(ROWS));
    // Every cell is text, as written: no date or code was turned into a number.
    out.getWorksheet("extrakt")!.eachRow((row) => row.eachCell((c) => expect(typeof c.value).toBe("string")));
  }
  expect(runs.semicolon.stdout).toContain(join(dir, "semikolon-1252", "extrakt-malkoll.xlsx"));
});

test("--lang en on the CSV: English tabs and lines, the same figures", async () => {
  const out = join(dir, "en", "extrakt-en.xlsx");
  const r = runBuiltCli(
    "report",
    inputs.semicolon,
    "--lang",
    "en",
    "--date",
    "2024-01-31",
    "--out",
    out,
    "--json",
    json("semicolon", "en"),
  );
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
  const en = JSON.parse(readFileSync(json("semicolon", "en"), "utf8")) as ResultsJson;
  expect(en.careGuarantee).toEqual(results.semicolon.careGuarantee);
  expect(en.issues.map(({ reason: _reason, ...rest }) => rest)).toEqual(
    results.semicolon.issues.map(({ reason: _reason, ...rest }) => rest),
  );
  expect(r.stdout).toMatch(/^First visit – /m);
  expect(r.stdout).toContain(`Wrote "Care guarantee"`);
  expect((await load(out)).worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["extrakt", "Care guarantee", "Data check"]));
});

test("an empty or binary .csv exits 1 with one line, in the language asked for", () => {
  const empty = file("trasig", "tom.csv");
  writeFileSync(empty, new Uint8Array(0));
  const binary = file("trasig", "bild.csv");
  writeFileSync(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  const sv = runBuiltCli("report", empty);
  expect({ status: sv.status, stderr: sv.stderr }).toEqual({ status: 1, stderr: "malkoll: Filen är tom: den har inga celler att läsa.\n" });
  const en = runBuiltCli("report", binary, "--lang", "en");
  expect(en.status).toBe(1);
  expect(en.stderr).toMatch(/^malkoll: The file cannot be read as CSV: it is not text[^\n]*\n$/);
});
