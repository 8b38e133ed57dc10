// The CLI on workbooks from Excel for Mac (the 1904 date system, DOMAIN.md §3), hand-counted in
// test/helpers/date1904.ts: the same 20 patients give the same figures in a 1900 workbook and in
// 1904 ones with formatted or plain-number dates; the tabs written into a 1904 workbook hold 1904
// serials; and a 1904 workbook finds the previous month, month after month.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import type { Results } from "../../src/domain/results";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { isDateFormat } from "../../src/model/numberFormats";
import { columnLetter } from "../../src/model/cells";
import { type DateMode, FEBRUARY, JANUARY, monthWorkbook, serial1900 } from "../helpers/date1904";

const dir = mkdtempSync(join(tmpdir(), "malkoll-1904-"));
const MODES: DateMode[] = ["1900", "1904", "1904plain"];
const ASSIGNMENTS: [string, string, string][] = [["Införa e-remiss", "Klar", "2024-01-15"]];
const JAN31 = serial1900("2024-01-31");
const FEB29 = serial1900("2024-02-29");
const path = (name: string) => join(dir, name);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "malkoll", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const json = (name: string): Results => JSON.parse(readFileSync(path(name), "utf8"));

/** [cell, number as stored] of every date-formatted number on a tab, from the output's own sheet XML. */
function storedDates(bytes: Uint8Array, tab: string): [string, number][] {
  const wb = openWorkbook(bytes);
  const sheet = wb.sheets.find((s) => s.name === tab)!;
  const grid = wb.readSheet(tab);
  const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === sheet.path })[sheet.path]);
  const out: [string, number][] = [];
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== "number" || !isDateFormat(grid.formats?.[i]?.[j])) return;
      const ref = `${columnLetter((grid.origin?.col ?? 0) + j)}${(grid.origin?.row ?? 0) + i + 1}`;
      const m = new RegExp(`<c r="${ref}"[^>]*><v>([^<]*)</v>`).exec(xml);
      out.push([ref, Number(m?.[1])]);
    }),
  );
  return out;
}

let started = 0;
beforeAll(async () => {
  started = Date.now();
  for (const mode of MODES) {
    writeFileSync(path(`jan-${mode}.xlsx`), await monthWorkbook(JANUARY, mode, ASSIGNMENTS));
    writeFileSync(path(`feb-${mode}.xlsx`), await monthWorkbook(FEBRUARY, mode));
    const jan = await cli("report", path(`jan-${mode}.xlsx`), "--out", path(`jan-${mode}-out.xlsx`), "--json", path(`jan-${mode}.json`));
    expect(jan).toMatchObject({ code: 0, err: "" });
    const feb = await cli(
      "report",
      path(`feb-${mode}.xlsx`),
      "--out",
      path(`feb-${mode}-out.xlsx`),
      "--json",
      path(`feb-${mode}.json`),
      "--previous",
      path(`jan-${mode}-out.xlsx`),
    );
    expect(feb).toMatchObject({ code: 0, err: "" });
  }
}, 60_000);

describe("January: the same patients, the same figures in either date system", () => {
  test.each(MODES)("%s: measured 2024-01-31, 55 %, median 65 days; Ögon 70 % (55), Hud 40 % (150, 2 over 365)", (mode) => {
    const r = json(`jan-${mode}.json`);
    expect([r.measurementDate, r.measurementDateSource]).toEqual(["2024-01-31", json("jan-1900.json").measurementDateSource]);
    const cg = r.careGuarantee[0];
    expect(cg.region).toMatchObject({ total: 20, withinLimit: 11, share: 0.55, medianWait: 65, overLimit: 9, over365: 2 });
    const unit = (n: string) => cg.units.find((u) => u.unit === n)!;
    expect(unit("Ögon")).toMatchObject({ total: 10, share: 0.7, medianWait: 55, over365: 0 });
    expect(unit("Hud")).toMatchObject({ total: 10, share: 0.4, medianWait: 150, over365: 2 });
    expect(r.issues).toEqual([]);
    expect(r.assignments.map((a) => [a.assignment, a.endDate])).toEqual([["Införa e-remiss", "2024-01-15"]]);
  });

  test("the 1904 runs' results are the 1900 run's, key for key", () => {
    const base = json("jan-1900.json");
    for (const mode of ["1904", "1904plain"]) {
      const r = json(`jan-${mode}.json`);
      expect(r.careGuarantee).toEqual(base.careGuarantee);
      expect(r.assignments).toEqual(base.assignments);
      expect(r.history).toEqual(base.history);
    }
  });

  test("a given --date: plain 1904 dates wait 55 %, not 0 % (4 years and a day too long)", async () => {
    const r = await cli("report", path("jan-1904plain.xlsx"), "--out", path("jan-date.xlsx"), "--json", "-", "--date", "2024-01-31");
    expect(r.code).toBe(0);
    const cg = (JSON.parse(r.out) as Results).careGuarantee[0];
    expect([cg.region.share, cg.region.medianWait, cg.region.over365]).toEqual([0.55, 65, 2]);
  });
});

describe("the tabs written into a 1904 workbook hold 1904 serials", () => {
  test("the output is still a 1904 workbook; Historik's and Uppdrag's dates are 1462 smaller than in the 1900 output", () => {
    const mac = new Uint8Array(readFileSync(path("jan-1904plain-out.xlsx")));
    const win = new Uint8Array(readFileSync(path("jan-1900-out.xlsx")));
    expect(openWorkbook(mac).date1904).toBe(true);
    expect(openWorkbook(win).date1904).toBe(false);
    for (const tab of ["Historik", "Uppdrag"]) {
      const m = storedDates(mac, tab);
      const w = storedDates(win, tab);
      expect(m.length).toBeGreaterThan(0);
      expect(m.map(([ref]) => ref)).toEqual(w.map(([ref]) => ref));
      expect(m.map(([, v]) => v)).toEqual(w.map(([, v]) => v - 1462));
    }
    expect(new Set(storedDates(mac, "Historik").map(([, v]) => v))).toEqual(new Set([JAN31 - 1462]));
    expect(storedDates(mac, "Uppdrag").map(([, v]) => v)).toEqual([serial1900("2024-01-15") - 1462]);
  });

  test("Excel (ExcelJS, an independent reader) shows them as 2024-01-31 and 2024-01-15", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path("jan-1904plain-out.xlsx"));
    const dates = (tab: string) => {
      const out: string[] = [];
      wb.getWorksheet(tab)!.eachRow((row) => row.eachCell((c) => c.value instanceof Date && out.push(c.value.toISOString().slice(0, 10))));
      return [...new Set(out)];
    };
    expect(dates("Historik")).toEqual(["2024-01-31"]);
    expect(dates("Uppdrag")).toEqual(["2024-01-15"]);
  });

  test("the Historik trend chart's cached dates are 1904 serials in a chart that says date1904", () => {
    const parts = unzipSync(new Uint8Array(readFileSync(path("feb-1904-out.xlsx"))));
    const charts = Object.keys(parts)
      .filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))
      .map((k) => strFromU8(parts[k]));
    const trend = charts.find((x) => x.includes(`<c:v>${JAN31 - 1462}</c:v>`));
    expect(trend).toBeDefined();
    expect(trend).toContain(`<c:v>${FEB29 - 1462}</c:v>`);
    for (const c of charts) expect(c).toContain('<c:date1904 val="1"/>');
  });
});

describe("February with --previous January's output: the previous period is found", () => {
  test.each(MODES)("%s: previous 2024-01-31, region 70 % (+15 points), Ögon +10, Hud +20", (mode) => {
    const r = json(`feb-${mode}.json`);
    expect([r.measurementDate, r.previousDate]).toEqual(["2024-02-29", "2024-01-31"]);
    const m = r.careGuarantee[0];
    expect(m.region.share).toBe(0.7);
    expect(m.region.change!.sharePoints).toBeCloseTo(15, 9);
    expect(m.region.change).toMatchObject({ total: 0, overLimit: -3, over365: -1 });
    const unit = (n: string) => m.units.find((u) => u.unit === n)!;
    expect(unit("Ögon").previous).toMatchObject({ share: 0.7, total: 10 });
    expect(unit("Ögon").change!.sharePoints).toBeCloseTo(10, 9);
    expect(unit("Hud").previous).toMatchObject({ share: 0.4, total: 10, over365: 2 });
    expect(unit("Hud").change!.sharePoints).toBeCloseTo(20, 9);
    expect([...new Set(r.history.care.map((h) => h.date))]).toEqual(["2024-01-31", "2024-02-29"]);
  });

  test("February's Historik tab holds both months as 1904 serials", () => {
    const stored = storedDates(new Uint8Array(readFileSync(path("feb-1904plain-out.xlsx"))), "Historik").map(([, v]) => v);
    expect(new Set(stored)).toEqual(new Set([JAN31 - 1462, FEB29 - 1462]));
  });

  test("February again on its own 1904 output: its own Historik tab gives January, and the history does not grow", async () => {
    const r = await cli("report", path("feb-1904plain-out.xlsx"), "--out", path("feb-again.xlsx"), "--json", "-");
    expect(r.code).toBe(0);
    const again = JSON.parse(r.out) as Results;
    const feb = json("feb-1904plain.json");
    expect(again.previousDate).toBe("2024-01-31");
    expect(again.history.care.length).toBe(feb.history.care.length);
    expect(again.careGuarantee[0].region.change).toEqual(feb.careGuarantee[0].region.change);
  });

  test("across systems: a 1904 February with a 1900 January's output, and the other way round", async () => {
    for (const [febMode, janMode] of [
      ["1904plain", "1900"],
      ["1900", "1904plain"],
    ]) {
      const r = await cli(
        "report",
        path(`feb-${febMode}.xlsx`),
        "--out",
        path(`x-${febMode}.xlsx`),
        "--json",
        "-",
        "--previous",
        path(`jan-${janMode}-out.xlsx`),
      );
      const res = JSON.parse(r.out) as Results;
      expect([febMode, res.previousDate, res.careGuarantee[0].region.change]).toEqual([
        febMode,
        "2024-01-31",
        json("feb-1900.json").careGuarantee[0].region.change,
      ]);
    }
  });

  test("in English too: the History tab of a 1904 workbook is read back", async () => {
    const janEn = path("jan-en.xlsx");
    expect((await cli("report", path("jan-1904plain.xlsx"), "--out", janEn, "--lang", "en")).code).toBe(0);
    const r = await cli(
      "report",
      path("feb-1904plain.xlsx"),
      "--out",
      path("feb-en.xlsx"),
      "--json",
      "-",
      "--lang",
      "en",
      "--previous",
      janEn,
    );
    const res = JSON.parse(r.out) as Results;
    expect(res.previousDate).toBe("2024-01-31");
    expect(res.careGuarantee[0].region.change!.sharePoints).toBeCloseTo(15, 9);
  });

  test("both months, all three systems, in well under a minute", () => {
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
