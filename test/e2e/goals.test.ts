import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { RATING_FILL } from "../../src/report/style";
import type { Results } from "../../src/domain/results";

/**
 * A committee's plan, tertial 1 2024, hand-rated (thresholds 100 / 80, the committee's roll-up):
 *   Tillgänglighet (written once above its indicators)
 *     Kontakt samma dag            95 % (cell 0.95, "0%")  84 % (text)   → 88,4 %  yellow
 *     Medicinsk bedömning 3 dagar  "85 %"                  0.74 ("0%")   → 87,1 %  yellow
 *     Förstabesök inom 90 dagar    "100 %"                 "55 %"        → 55 %    red
 *     BUP första bedömning 30 d    "90 %"                  "12 %"        → 13,3 %  red      goal: yellow (0/2/2/0)
 *   Kompetensförsörjning
 *     Inhyrd personal, andel       "2,0 %"  "2,6 %" Lägre är bättre     → 76,9 %  red
 *     Sjukfrånvaro                 "6 %"    "Mäts vid årsrapport"       → grey              goal: red (0/0/1/1)
 *   Patientsäkerhet
 *     Antal vårdskador             "1 000"  "1 250" Lägre              → 80 %    yellow
 *     Trycksår                     0        4                          → rejected (target 0, higher is better)
 *                                                                                            goal: yellow (0/1/0/0)
 *   Ekonomi (a heading only)                                                                 goal: grey
 * Assignments on 2024-04-30: Klar → green, Försenad → red, Ej påbörjad ending 2024-03-31 → red,
 * Ej påbörjad ending 2024-12-31 → grey, "Vilande" → rejected (unknown status).
 */
async function planWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Mål 2024");
  ws.addRow(["Uppföljning av nämndens mål, tertial 1 2024"]);
  ws.addRow(["Målområde", "Indikator", "Målvärde", "Utfall", "Riktning", "Kommentar"]);
  const rows: (string | number | null)[][] = [
    ["Tillgänglighet", "Kontakt samma dag", 0.95, "84 %", null, null],
    [null, "Medicinsk bedömning inom 3 dagar", "85 %", 0.74, null, null],
    [null, "Förstabesök inom 90 dagar", "100 %", "55 %", null, null],
    [null, "BUP första bedömning inom 30 dagar", "90 %", "12 %", null, null],
    ["Kompetensförsörjning", "Inhyrd personal, andel av egen personalkostnad", "2,0 %", "2,6 %", "Lägre är bättre", null],
    [null, "Sjukfrånvaro", "6 %", "Mäts vid årsrapport", "Lägre är bättre", null],
    ["Patientsäkerhet", "Antal vårdskador", "1 000", "1 250", "Lägre är bättre", null],
    [null, "Trycksår", 0, 4, null, null],
    ["Ekonomi", null, null, null, null, null],
  ];
  rows.forEach((r) => ws.addRow(r));
  ws.getCell("C3").numFmt = "0%";
  ws.getCell("D4").numFmt = "0%";
  const up = wb.addWorksheet("Uppdrag");
  up.addRow(["Uppdrag", "Status", "Slutdatum", "Kommentar"]);
  up.addRow(["Ta fram handlingsplan för tillgänglighet", "Klar", new Date("2024-02-29T00:00:00Z"), null]);
  up.addRow(["Införa digitala vårdbesök", "Försenad", new Date("2024-06-30T00:00:00Z"), "Upphandling pågår"]);
  up.addRow(["Utreda närakut", "Ej påbörjad", new Date("2024-03-31T00:00:00Z"), null]);
  up.addRow(["Översyn av remissflöden", "Ej påbörjad", new Date("2024-12-31T00:00:00Z"), null]);
  up.addRow(["Samverkan med kommunerna", "Vilande", null, null]);
  up.getColumn(3).numFmt = "yyyy-mm-dd";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const dir = mkdtempSync(join(tmpdir(), "malkoll-goals-"));
const input = join(dir, "plan.xlsx");
const output = join(dir, "plan-malkoll.xlsx");
let results: Results;
let said: string;

beforeAll(async () => {
  writeFileSync(input, await planWorkbook());
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "malkoll", "report", input, "--out", output, "--json", join(dir, "plan.json"), "--date", "2024-04-30"], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  expect({ code, err }).toEqual({ code: 0, err: [] });
  said = out.join("\n");
  results = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
});

const argb = (cell: ExcelJS.Cell) => ((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? "").slice(-6).toUpperCase();

describe("the CLI on a plan with indicators and assignments", () => {
  test("rates every indicator as computed by hand, in the sheet's order", () => {
    expect(
      results.indicators.map((i) => [
        i.goal,
        i.indicator,
        i.direction,
        i.achievement === null ? null : Math.round(i.achievement * 1000) / 10,
        i.rating,
      ]),
    ).toEqual([
      ["Tillgänglighet", "Kontakt samma dag", "higher", 88.4, "yellow"],
      ["Tillgänglighet", "Medicinsk bedömning inom 3 dagar", "higher", 87.1, "yellow"],
      ["Tillgänglighet", "Förstabesök inom 90 dagar", "higher", 55, "red"],
      ["Tillgänglighet", "BUP första bedömning inom 30 dagar", "higher", 13.3, "red"],
      ["Kompetensförsörjning", "Inhyrd personal, andel av egen personalkostnad", "lower", 76.9, "red"],
      ["Kompetensförsörjning", "Sjukfrånvaro", "lower", null, "grey"],
      ["Patientsäkerhet", "Antal vårdskador", "lower", 80, "yellow"],
    ]);
    expect(results.indicators[0]).toMatchObject({ target: 0.95, outcome: 0.84 });
  });

  test("rolls goals up by the committee's rule with counts per colour", () => {
    expect(results.goals.map((g) => [g.goal, g.rating, g.counts])).toEqual([
      ["Tillgänglighet", "yellow", { green: 0, yellow: 2, red: 2, grey: 0 }],
      ["Kompetensförsörjning", "red", { green: 0, yellow: 0, red: 1, grey: 1 }],
      ["Patientsäkerhet", "yellow", { green: 0, yellow: 1, red: 0, grey: 0 }],
      ["Ekonomi", "grey", { green: 0, yellow: 0, red: 0, grey: 0 }],
    ]);
  });

  test("colours assignments on the measurement date, rejecting the unknown status", () => {
    expect(results.assignments.map((a) => [a.status, a.endDate, a.rating])).toEqual([
      ["Klar", "2024-02-29", "green"],
      ["Försenad", "2024-06-30", "red"],
      ["Ej påbörjad", "2024-03-31", "red"],
      ["Ej påbörjad", "2024-12-31", "grey"],
    ]);
    expect(results.issues.map((i) => [i.sheet, i.cell, i.value])).toEqual([
      ["Mål 2024", "C10", "0"],
      ["Uppdrag", "B6", "Vilande"],
    ]);
  });

  test("lists both sheets in sources with balanced row counts", () => {
    expect(results.sources.map((s) => [s.sheet, s.kind, s.headerRow, s.rowsRead, s.rowsUsed, s.rowsExcluded, s.rowsRejected])).toEqual([
      ["Mål 2024", "indicatorList", 2, 9, 8, 0, 1],
      ["Uppdrag", "assignmentList", 1, 5, 4, 0, 1],
    ]);
    expect(said).toContain("Måluppfyllelse: 4 mål (7 indikatorer) – 0 gröna, 2 gula, 1 röda, 1 ej bedömda");
    expect(said).toContain("Uppdrag: 4 st – 1 gröna, 0 gula, 2 röda, 1 grå");
  });

  test("the Måluppfyllelse tab shows goals then their indicators in the source's order, with rating fills", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Mål 2024", "Uppdrag", "Måluppfyllelse", "Uppdrag (2)", "Historik", "Datakontroll"]);
    const ws = wb.getWorksheet("Måluppfyllelse")!;
    const header = ws.getRow(4);
    expect(header.getCell(1).value).toBe("Mål");
    const ratingCol = (header.values as unknown[]).indexOf("Bedömning");
    const rows: [unknown, unknown, unknown, string][] = [];
    for (let r = 5; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(ratingCol).value === null) break;
      rows.push([row.getCell(1).value, row.getCell(2).value, row.getCell(ratingCol).value, argb(row.getCell(ratingCol))]);
    }
    const fill = RATING_FILL;
    expect(rows).toEqual([
      ["Tillgänglighet", null, "Målet uppfylls delvis", fill.yellow],
      [null, "Kontakt samma dag", "Uppfylls delvis", fill.yellow],
      [null, "Medicinsk bedömning inom 3 dagar", "Uppfylls delvis", fill.yellow],
      [null, "Förstabesök inom 90 dagar", "Uppfylls inte", fill.red],
      [null, "BUP första bedömning inom 30 dagar", "Uppfylls inte", fill.red],
      ["Kompetensförsörjning", null, "Målet uppfylls inte", fill.red],
      [null, "Inhyrd personal, andel av egen personalkostnad", "Uppfylls inte", fill.red],
      [null, "Sjukfrånvaro", "Ej mätt", fill.grey],
      ["Patientsäkerhet", null, "Målet uppfylls delvis", fill.yellow],
      [null, "Antal vårdskador", "Uppfylls delvis", fill.yellow],
      ["Ekonomi", null, "Ej bedömt", fill.grey],
    ]);
    // Values as they came: percentages as fractions shown "0%", counts with thousands.
    expect(ws.getCell("D6").value).toBe(0.95);
    expect(ws.getCell("D6").numFmt).toBe("0%");
    expect(ws.getCell("E6").value).toBe(0.84);
    expect(ws.getCell("D14").value).toBe(1000);
    expect(ws.getCell("D14").numFmt).toBe("#,##0");
    expect(ws.getCell("F11").value).toBeCloseTo(2.0 / 2.6, 12);
    // The goal row's counts per colour: green, yellow, red, not measured.
    expect([8, 9, 10, 11].map((c) => ws.getRow(5).getCell(c).value)).toEqual([0, 2, 2, 0]);
  });

  test("the Uppdrag tab keeps the user's sheet and lists assignments with dates and fills", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet("Uppdrag (2)")!;
    const rows = [5, 6, 7, 8].map((r) => ws.getRow(r));
    expect(rows.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(4).value, argb(r.getCell(4))])).toEqual([
      ["Ta fram handlingsplan för tillgänglighet", "Klar", "Grönt", RATING_FILL.green],
      ["Införa digitala vårdbesök", "Försenad", "Rött", RATING_FILL.red],
      ["Utreda närakut", "Ej påbörjad", "Rött", RATING_FILL.red],
      ["Översyn av remissflöden", "Ej påbörjad", "Grått", RATING_FILL.grey],
    ]);
    expect((rows[0].getCell(3).value as Date).toISOString().slice(0, 10)).toBe("2024-02-29");
  });
});
