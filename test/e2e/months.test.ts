import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { Results } from "../../src/domain/results";
import { day } from "./fixtures";

/**
 * Two monthly extracts, hand-counted (90-day limit, waiting):
 *   January (2024-01-31): Ögon 3 of 4 within (75 %), Hud 1 of 2 (50 %), Gamla 2 of 2 → region 6 of 8 = 75 %
 *   February (2024-02-29): Ögon 2 of 4 (50 %), Hud 3 of 3 (100 %), Nya 1 of 1 → region 6 of 8 = 75 %
 *   Ögon −25 points; Hud +50 points, +1 waiting; region ±0 points, ±0 waiting, over 90 ±0 (2 → 2).
 * January's plan: "Kontakt samma dag" 72 % against "82 % eller +5 procentenheter"; February 78 %.
 */
async function month(rows: [string, string][], outcome: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum"]);
  for (const [unit, start] of rows) ws.addRow([unit, "Förstabesök", day(start)]);
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  const plan = wb.addWorksheet("Mål");
  plan.addRow(["Mål", "Indikator", "Målvärde", "Utfall"]);
  plan.addRow(["Tillgänglighet", "Kontakt samma dag", "82 % eller +5 procentenheter", outcome]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const dir = mkdtempSync(join(tmpdir(), "malkoll-months-"));
const janIn = join(dir, "januari.xlsx");
const febIn = join(dir, "februari.xlsx");
const janOut = join(dir, "januari-malkoll.xlsx");
const febOut = join(dir, "februari-malkoll.xlsx");
let feb: Results;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "malkoll", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  writeFileSync(
    janIn,
    await month(
      [
        ["Ögon", "2024-01-10"],
        ["Ögon", "2024-01-10"],
        ["Ögon", "2024-01-10"],
        ["Ögon", "2023-09-01"],
        ["Hud", "2024-01-10"],
        ["Hud", "2023-09-01"],
        ["Gamla", "2024-01-10"],
        ["Gamla", "2024-01-10"],
      ],
      "72 %",
    ),
  );
  writeFileSync(
    febIn,
    await month(
      [
        ["Ögon", "2024-02-10"],
        ["Ögon", "2024-02-10"],
        ["Ögon", "2023-10-01"],
        ["Ögon", "2023-10-01"],
        ["Hud", "2024-02-10"],
        ["Hud", "2024-02-10"],
        ["Hud", "2024-02-10"],
        ["Nya", "2024-02-10"],
      ],
      "78 %",
    ),
  );
  expect(await cli("report", janIn, "--out", janOut, "--date", "2024-01-31")).toMatchObject({ code: 0, err: "" });
  const r = await cli("report", febIn, "--out", febOut, "--json", join(dir, "feb.json"), "--date", "2024-02-29", "--previous", janOut);
  expect(r).toMatchObject({ code: 0, err: "" });
  feb = JSON.parse(readFileSync(join(dir, "feb.json"), "utf8"));
});

const cellsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
};

describe("a second month with --previous pointing at the first run's output", () => {
  test("the JSON gives previous and change per unit and for the region", () => {
    const m = feb.careGuarantee[0];
    const unit = (n: string) => m.units.find((u) => u.unit === n)!;
    expect(feb.previousDate).toBe("2024-01-31");
    expect(unit("Ögon")).toMatchObject({
      share: 0.5,
      previous: { share: 0.75, total: 4, overLimit: 1, over365: 0 },
      change: { sharePoints: -25, total: 0, overLimit: 1, over365: 0 },
    });
    expect(unit("Hud")).toMatchObject({
      share: 1,
      previous: { share: 0.5, total: 2 },
      change: { sharePoints: 50, total: 1, overLimit: -1 },
    });
    expect(unit("Nya").previous).toBeUndefined();
    expect(m.goneUnits).toEqual([{ unit: "Gamla", previous: { share: 1, total: 2, overLimit: 0, over365: 0 } }]);
    expect(m.region).toMatchObject({ share: 0.75, change: { sharePoints: 0, total: 0, overLimit: 0, over365: 0 } });
  });

  test("the indicator's 'or improve by 5 points' is met against January: 78 ≥ 72 + 5", () => {
    expect(feb.indicators[0]).toMatchObject({ previousOutcome: 0.72, previousFrom: "history", trend: "up", rating: "green" });
  });

  test("the Vårdgaranti tab has the change columns and the headline; the Historik tab holds both months", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(febOut);
    const cg = cellsOf(wb.getWorksheet("Vårdgaranti")!);
    const header = cg.find((r) => r?.[0] === "Enhet")!;
    const col = header.indexOf("Förändring andel (%-enheter)");
    expect(cg.find((r) => r?.[0] === "Ögon")![col]).toBe(-25);
    expect(cg.find((r) => r?.[0] === "Nya")![col]).toBe("Ny");
    expect(cg.map((r) => r?.[0])).toContain("Andel inom 90 dagar: 75,0\u00a0% (±0,0\u00a0%-enheter sedan 2024-01-31)");

    const hist = wb.getWorksheet("Historik")!;
    const rows = cellsOf(hist);
    const h = rows.findIndex((r) => r?.[0] === "Mätdatum" && r?.[1] === "Mått");
    const end = rows.findIndex((r, i) => i > h && !r?.length);
    const body = rows.slice(h + 1, end);
    const key = (r: unknown[]) => `${(r[0] as Date).toISOString().slice(0, 10)} ${r[3]} ${r[6]}`;
    expect(body.map(key)).toEqual([
      "2024-01-31 Hud 0.5",
      "2024-01-31 Ögon 0.75",
      "2024-01-31 Gamla 1",
      "2024-01-31 Hela regionen 0.75",
      "2024-02-29 Ögon 0.5",
      "2024-02-29 Hud 1",
      "2024-02-29 Nya 1",
      "2024-02-29 Hela regionen 0.75",
    ]);
    // The indicators' own table below it: January's 72 % and February's 78 %.
    const i = rows.findIndex((r) => r?.[0] === "Mätdatum" && r?.[1] === "Mål");
    expect(rows.slice(i + 1, i + 3).map((r) => [r[2], r[4], r[6]])).toEqual([
      ["Kontakt samma dag", 0.72, "Uppfylls delvis"],
      ["Kontakt samma dag", 0.78, "Uppfylls helt"],
    ]);
  });

  test("running February again on its own output replaces February's rows: the history does not grow", async () => {
    const again = join(dir, "februari-igen.xlsx");
    const r = await cli("report", febOut, "--out", again, "--json", "-", "--date", "2024-02-29");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Results;
    expect(json.history.care.length).toBe(feb.history.care.length);
    expect(json.careGuarantee[0].region.change).toEqual(feb.careGuarantee[0].region.change);
  });

  test("--previous on a plain earlier extract (no Historik tab) computes that month from its sheets", async () => {
    const r = await cli("report", febIn, "--out", join(dir, "feb2.xlsx"), "--json", "-", "--date", "2024-02-29", "--previous", janIn);
    const json = JSON.parse(r.out) as Results;
    // The plain January extract has no --date: its measurement date is the month end of its newest date.
    expect(json.previousDate).toBe("2024-01-31");
    expect(json.careGuarantee[0].region.change).toEqual(feb.careGuarantee[0].region.change);
  });

  test("a missing --previous file is a usage error", async () => {
    const r = await cli("report", febIn, "--previous", join(dir, "finns-inte.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--previous");
  });
});
