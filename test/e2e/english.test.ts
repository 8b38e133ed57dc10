import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { Results } from "../../src/domain/results";
import { openWorkbook } from "../../src/hosts/xlsx/read";

// `--lang en` on the bundled sample, as a new user tries it: the run goes to the end, in English.
const dir = mkdtempSync(join(tmpdir(), "malkoll-en-"));
const out = join(dir, "sample-en.xlsx");
const json = join(dir, "sample-en.json");
let run: { code: number; out: string[]; err: string[] };
let results: Results;

beforeAll(async () => {
  const said = { out: [] as string[], err: [] as string[] };
  const code = await main(
    ["node", "malkoll", "report", "assets/sample.xlsx", "--lang", "en", "--date", "2024-01-31", "--out", out, "--json", json],
    {
      out: (l) => said.out.push(l),
      err: (l) => said.err.push(l),
    },
  );
  run = { code, ...said };
  results = JSON.parse(readFileSync(json, "utf8")) as Results;
});

test("the run ends well: exit 0, nothing on stderr", () => {
  expect(run).toMatchObject({ code: 0, err: [] });
});

test("the terminal summary is English, with English numbers", () => {
  // The sample's region rows on 2024-01-31, as the Swedish run prints them ("66,5 % (3 795 väntande)").
  expect(run.out.slice(0, 3)).toEqual([
    "First visit – share of waiting within 90 days (excl. PvV/MoV): 66.5% (3,795 waiting) – Not met",
    "Operation/treatment – share of waiting within 90 days (excl. PvV/MoV): 42.7% (1,821 waiting) – Not met",
    "Medical assessment – share of completed within 3 days (excl. PvV): 78.1% (6,841 completed) – Not met",
  ]);
  expect(run.out).toContain("Goal fulfilment: 4 goals (10 indicators) – 1 green, 3 yellow, 0 red, 0 not assessed");
  expect(run.out).toContain("Assignments: 6 – 2 green, 1 yellow, 2 red, 1 grey");
  expect(run.out).toContain('6 rows rejected – see the "Data check" tab.');
  expect(run.out[run.out.length - 1]).toBe(
    `Wrote "Care guarantee", "Goal fulfilment", "Assignments", "Run history", "Data check" to ${out}`,
  );
});

test("the workbook gets the five English tabs, each carrying Målkoll's marker", () => {
  const wb = openWorkbook(new Uint8Array(readFileSync(out)));
  expect(wb.sheets.filter((s) => s.marker).map((s) => [s.name, s.marker])).toEqual([
    ["Care guarantee", "malkoll:careGuarantee"],
    ["Goal fulfilment", "malkoll:goals"],
    ["Assignments", "malkoll:assignments"],
    ["Run history", "malkoll:history"],
    ["Data check", "malkoll:dataCheck"],
  ]);
  expect(wb.readSheet("Data check").values[0][0]).toBe("Data check – rows that could not be used");
});

test("the JSON's reasons, exclusions and sheet notes are English words", () => {
  // The sample's deliberately broken rows (scripts/make-sample.ts), one of each kind.
  expect(results.issues.map((i) => [i.sheet, i.cell, i.reason])).toEqual(
    expect.arrayContaining([
      ["Väntande", "G17", "Invalid date"],
      ["Väntande", "H456", "Unknown exception code"],
      ["Väntande", "C789", "Unit missing"],
    ]),
  );
  expect(results.issues.every((i) => /^[A-Z][a-z]/.test(i.reason) && !/[åäö]/.test(i.reason))).toBe(true);
  expect(results.exclusions.map((e) => e.reason)).toEqual(
    expect.arrayContaining(["PvV (patient chose to wait)", "MoV (medically caused wait)", "Not covered by the care guarantee"]),
  );
  expect(results.sources.map((s) => s.note)).toEqual(
    expect.arrayContaining(["Patient list (waiting), contact type per row.", "Indicators (4 goals, 10 indicators).", "Assignments (6)."]),
  );
});

test("the data check tab lists the rejected rows with English reasons and English sheet notes", () => {
  const tab = openWorkbook(new Uint8Array(readFileSync(out))).readSheet("Data check");
  const rows = tab.values.map((r) => r.map((c) => (c === null ? "" : String(c))));
  expect(rows).toContainEqual(["Väntande", "17", expect.any(String), "G17", expect.any(String), "Invalid date", "", ""]);
  expect(rows.some((r) => r[0] === "Väntande" && r[7] === "Patient list (waiting), contact type per row.")).toBe(true);
  expect(rows.some((r) => r[0] === "PvV (patient chose to wait)" && r[1] === "Excluded by rule")).toBe(true);
});

test("the English tabs' notes and headlines write numbers the English way", () => {
  const tab = openWorkbook(new Uint8Array(readFileSync(out))).readSheet("Care guarantee");
  const lines = tab.values.map((r) => r[0]).filter((c): c is string => typeof c === "string");
  expect(lines).toEqual(expect.arrayContaining(["Share within 90 days: 66.5%", "Total waiting (excl. PvV/MoV): 3,795"]));
  expect(lines.filter((l) => /\d,\d %|\u00a0%/.test(l))).toEqual([]);
});

test("the figures are the Swedish run's: the language changes words, not numbers", async () => {
  const svJson = join(dir, "sample-sv.json");
  expect(
    await main(
      ["node", "malkoll", "report", "assets/sample.xlsx", "--date", "2024-01-31", "--out", join(dir, "sv.xlsx"), "--json", svJson],
      { out: () => {}, err: () => {} },
    ),
  ).toBe(0);
  const sv = JSON.parse(readFileSync(svJson, "utf8")) as Results;
  expect(results.careGuarantee).toEqual(sv.careGuarantee);
  expect(results.indicators).toEqual(sv.indicators);
  expect(results.sources.map((s) => [s.sheet, s.rowsRead, s.rowsUsed, s.rowsExcluded, s.rowsRejected])).toEqual(
    sv.sources.map((s) => [s.sheet, s.rowsRead, s.rowsUsed, s.rowsExcluded, s.rowsRejected]),
  );
});

test("the English output read back as --previous gives the previous period", async () => {
  const said: string[] = [];
  const code = await main(
    [
      "node",
      "malkoll",
      "report",
      "assets/sample.xlsx",
      "--lang",
      "en",
      "--date",
      "2024-02-29",
      "--previous",
      out,
      "--out",
      join(dir, "feb.xlsx"),
      "--json",
      join(dir, "feb.json"),
    ],
    { out: (l) => said.push(l), err: (l) => said.push(l) },
  );
  expect([code, said.filter((l) => l.startsWith("malkoll:"))]).toEqual([0, []]);
  const feb = JSON.parse(readFileSync(join(dir, "feb.json"), "utf8")) as Results;
  expect(feb.previousDate).toBe("2024-01-31");
});
