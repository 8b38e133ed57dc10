import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { RATING_FILL } from "../../src/report/style";
import type { Results } from "../../src/domain/results";
import { fixtureWorkbook } from "./fixtures";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { withSettingsPart } from "../../src/hosts/xlsx/settingsPart";

const dir = mkdtempSync(join(tmpdir(), "malkoll-e2e-"));
const input = join(dir, "januari.xlsx");

/** Run the CLI in-process and collect what it says. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "malkoll", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Parts the writer may change, and then only by adding entries. */
const GROWING_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

let results: Results;
let firstRun: { code: number; out: string; err: string };
const out1 = join(dir, "ut1.xlsx");
const out2 = join(dir, "ut2.xlsx");

beforeAll(async () => {
  writeFileSync(input, await fixtureWorkbook());
  firstRun = await cli("report", input, "--out", out1, "--json", join(dir, "ut1.json"), "--date", "2024-01-31");
  expect(firstRun).toMatchObject({ code: 0, err: "" });
  results = JSON.parse(readFileSync(join(dir, "ut1.json"), "utf8"));
});

describe("the CLI on a fixture workbook", () => {
  test("computes the hand-counted shares and writes them to the JSON", () => {
    const m = results.careGuarantee[0];
    expect(m).toMatchObject({ measure: "firstVisit", basis: "waiting", limitDays: 90 });
    expect(m.units.map((u) => [u.unit, u.total, u.withinLimit, u.share, u.rating])).toEqual([
      ["Hud", 4, 1, 0.25, "red"],
      ["Ögon", 4, 3, 0.75, "red"],
      ["=Kirurgi", 2, 2, 1, "green"],
    ]);
    expect(m.region).toMatchObject({ total: 10, withinLimit: 6, share: 0.6, overLimit: 4, over365: 1, rating: "red" });
    expect(results.sources.find((s) => s.sheet === "Väntande")).toMatchObject({
      rowsRead: 12,
      rowsUsed: 10,
      rowsExcluded: 1,
      rowsRejected: 1,
      headerRow: 3,
    });
    expect(results.issues).toEqual([
      { sheet: "Väntande", row: 15, column: "Beslutsdatum", cell: "C15", value: "2024-02-30", reason: expect.any(String) },
    ]);
  });

  test("keeps the user's own Vårdgaranti sheet and writes Vårdgaranti (2), saying so", async () => {
    const wb = await load(out1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Väntande", "Vårdgaranti", "Vårdgaranti (2)", "Historik", "Datakontroll"]);
    expect(wb.getWorksheet("Vårdgaranti")!.getCell("A1").value).toBe("Min egen analys – rör inte");
    expect(firstRun.out).toContain('Bladet "Vårdgaranti" finns redan och är inte Målkolls; skrev "Vårdgaranti (2)" i stället.');
  });

  test("the summary tab's values and fills equal the JSON", async () => {
    const ws = (await load(out1)).getWorksheet("Vårdgaranti (2)")!;
    const m = results.careGuarantee[0];
    const rowsByUnit = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === "string") rowsByUnit.set(a, row);
    });
    for (const u of [...m.units, { ...m.region, unit: "Hela regionen" }]) {
      const row = rowsByUnit.get(u.unit)!;
      expect(row).toBeDefined();
      expect([2, 3, 4, 5, 6].map((c) => row.getCell(c).value)).toEqual([u.total, u.withinLimit, u.share, u.overLimit, u.over365]);
      expect(row.getCell(4).numFmt).toBe("0.0%");
      expect((row.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${RATING_FILL[u.rating]}`);
    }
    expect(rowsByUnit.get("Hela regionen")!.getCell(1).font?.bold).toBe(true);
  });

  test("text that looks like a formula is written as text", async () => {
    const cell = (await load(out1))
      .getWorksheet("Vårdgaranti (2)")!
      .getColumn(1)
      .values.find((v) => typeof v === "string" && v.startsWith("="));
    expect(cell).toBe("=Kirurgi");
  });

  test("every part of the input is kept byte for byte; the sheet list, rels, content types and styles only gain entries", () => {
    const before = unzipSync(readFileSync(input));
    const after = unzipSync(readFileSync(out1));
    expect(Object.keys(before).length).toBeGreaterThan(5);
    for (const [name, bytes] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if (GROWING_PARTS.includes(name)) continue;
      expect(Buffer.from(after[name]).equals(Buffer.from(bytes))).toBe(true);
    }
    const elements = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}\\b[^>]*>`, "g")) ?? [];
    const grows = (name: string, tag: string) => {
      const was = elements(strFromU8(before[name]), tag);
      const is = elements(strFromU8(after[name]), tag);
      expect(is.length).toBeGreaterThan(was.length - (tag === "xf" || tag === "font" || tag === "fill" ? 1 : 0));
      for (const e of was) expect(is).toContain(e);
    };
    grows("xl/workbook.xml", "sheet");
    grows("xl/_rels/workbook.xml.rels", "Relationship");
    grows("[Content_Types].xml", "Override");
    grows("xl/styles.xml", "xf");
    // The hand-made chart survives with its drawing.
    expect(strFromU8(after["xl/charts/chart1.xml"])).toContain("'Väntande'!$E$4:$E$8");
  });

  test("a second run on its own output replaces its tabs and gives identical tabs and results", async () => {
    const r = await cli("report", out1, "--out", out2, "--json", join(dir, "ut2.json"), "--date", "2024-01-31");
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "ut2.json"), "utf8"))).toEqual(results);
    const [a, b] = [await load(out1), await load(out2)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const name of ["Vårdgaranti (2)", "Datakontroll", "Vårdgaranti"]) {
      const values = (wb: ExcelJS.Workbook) => wb.getWorksheet(name)!.getSheetValues();
      expect(values(b)).toEqual(values(a));
    }
  });
});

test("--config settings change the limit: with 300 days Hud has 3 of 4 within", async () => {
  // Hud waits 29, 244, 214 and 426 days on 2024-01-31.
  const config = join(dir, "installningar.json");
  writeFileSync(config, JSON.stringify({ version: 1, measures: { firstVisit: { limitDays: 300 } } }));
  const r = await cli("report", input, "--out", join(dir, "ut300.xlsx"), "--json", "-", "--config", config, "--date", "2024-01-31");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as Results;
  expect(json.careGuarantee[0].units.find((u) => u.unit === "Hud")).toMatchObject({ withinLimit: 3, total: 4 });
  expect(json.careGuarantee[0].limitDays).toBe(300);
});

test("settings stored in the workbook (as the add-in saves them) are used, and --config goes on top of them", async () => {
  // Stored: 300-day limit, so Hud has 3 of 4 within; --config then sets the target to 50 %, keeping the limit.
  const stored = join(dir, "med-installningar.xlsx");
  writeFileSync(stored, withSettingsPart(openWorkbook(readFileSync(input)), { version: 1, measures: { firstVisit: { limitDays: 300 } } }));
  const r = await cli("report", stored, "--out", join(dir, "ut-stored.xlsx"), "--json", "-", "--date", "2024-01-31");
  const json = JSON.parse(r.out) as Results;
  expect(json.careGuarantee[0]).toMatchObject({ limitDays: 300, target: 1 });
  expect(json.careGuarantee[0].units.find((u) => u.unit === "Hud")).toMatchObject({ withinLimit: 3, total: 4, rating: "red" });

  const config = join(dir, "mal50.json");
  writeFileSync(config, JSON.stringify({ measures: { firstVisit: { target: 0.5 } } }));
  const both = JSON.parse(
    (await cli("report", stored, "--out", join(dir, "ut-both.xlsx"), "--json", "-", "--config", config, "--date", "2024-01-31")).out,
  ) as Results;
  // 75 % against a 50 % target is 150 % of target → green.
  expect(both.careGuarantee[0]).toMatchObject({ limitDays: 300, target: 0.5 });
  expect(both.careGuarantee[0].units.find((u) => u.unit === "Hud")).toMatchObject({ withinLimit: 3, rating: "green" });
});

describe("errors are one clear line with the contract's exit code", () => {
  test("a missing file is a usage error (2)", async () => {
    const r = await cli("report", join(dir, "finns-inte.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^malkoll: Filen finns inte: .*finns-inte\.xlsx$/);
  });

  test("a settings file with an unknown key is a usage error (2) naming the key", async () => {
    const config = join(dir, "fel.json");
    writeFileSync(config, JSON.stringify({ limits: {} }));
    const r = await cli("report", input, "--config", config);
    expect(r.code).toBe(2);
    expect(r.err).toContain("limits");
  });

  test("an unknown option is a usage error (2)", async () => {
    expect((await cli("report", input, "--bogus")).code).toBe(2);
  });

  test("a bad --date is a usage error (2)", async () => {
    const r = await cli("report", input, "--date", "2024-02-30");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--date");
  });

  test("a file that is not a workbook exits 1 with one line", async () => {
    const fake = join(dir, "text.xlsx");
    writeFileSync(fake, "Enhet;Antal\nA;1\n");
    const r = await cli("report", fake);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  test("a password-protected (encrypted) workbook exits 1 and says so", async () => {
    const ole = join(dir, "krypterad.xlsx");
    writeFileSync(ole, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await cli("report", ole);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/lösenord/i);
  });

  test("nothing to compute exits 1 and says which sheets were seen and why", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Anteckningar").addRow(["Inget underlag här"]);
    const path = join(dir, "tom.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await cli("report", path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"Anteckningar"');
  });
});

test("the installed launcher runs the main job on the bundled sample", () => {
  // bin/malkoll.js runs the build that `npm install` (prepare) makes: this is the README's first command.
  const r = spawnSync(
    process.execPath,
    ["bin/malkoll.js", "report", "assets/sample.xlsx", "--out", join(dir, "sample.xlsx"), "--json", "-", "--date", "2024-01-31"],
    { encoding: "utf8" },
  );
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout) as Results;
  expect(json.careGuarantee.map((m) => `${m.measure}/${m.basis}`)).toEqual([
    "firstVisit/waiting",
    "treatment/waiting",
    "primaryAssessment/completed",
  ]);
  expect(r.stderr).toContain("sample.xlsx");
});
