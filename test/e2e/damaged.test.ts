// The CLI on workbooks that break the package rules or hold what no cell should (issue 14): the
// exit code, and one line on stderr that says what is wrong; or the exact rejected rows and figures.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import type { Results } from "../../src/domain/results";
import { day } from "./fixtures";

const dir = mkdtempSync(join(tmpdir(), "malkoll-damaged-"));
const CORRUPT =
  "Filen är skadad eller ofullständig och kan inte läsas som en Excel-arbetsbok (.xlsx). Öppna den i Excel, spara en ny kopia och försök igen.";

async function waitingList(edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"]);
  ws.addRow(["Ögon", "Förstabesök", day("2024-01-02"), null, "JA"]);
  ws.addRow(["Ögon", "Förstabesök", day("2023-06-01"), null, "JA"]);
  ws.addRow(["Hud", "Förstabesök", day("2024-01-10"), null, "JA"]);
  ws.addRow(["Hud", "Förstabesök", day("2023-12-01"), null, "JA"]);
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  edit?.(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Runs `malkoll report` on the bytes in-process, and says how long it took. */
async function run(name: string, bytes: Uint8Array) {
  const input = join(dir, `${name}.xlsx`);
  const json = join(dir, `${name}.json`);
  writeFileSync(input, bytes);
  const out: string[] = [];
  const err: string[] = [];
  const began = performance.now();
  const code = await main(
    ["node", "malkoll", "report", input, "--date", "2024-01-31", "--out", join(dir, `${name}-ut.xlsx`), "--json", json],
    {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    },
  );
  const ms = performance.now() - began;
  const results = (): Results => JSON.parse(readFileSync(json, "utf8")) as Results;
  return { code, out, err, ms, results };
}

test("no [Content_Types].xml: exit 1 and one line, where it ended in the writer's stack trace", async () => {
  const parts = unzipSync(await waitingList());
  delete parts["[Content_Types].xml"];
  const r = await run("utan-innehallstyper", zipSync(parts));
  expect(r).toMatchObject({ code: 1, out: [], err: [`malkoll: ${CORRUPT} ([Content_Types].xml saknas)`] });
  expect(r.ms).toBeLessThan(2000);
});

test("two sheets with one name: exit 1 and one line, where the first was read twice", async () => {
  const parts = unzipSync(await waitingList((_, wb) => wb.addWorksheet("Andra").addRow(["Klinik"])));
  parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"]).replace('name="Andra"', 'name="väntande"'));
  const r = await run("samma-namn", zipSync(parts));
  expect(r).toMatchObject({ code: 1, out: [], err: [`malkoll: ${CORRUPT} (två blad har samma namn: "Väntande" och "väntande")`] });
  expect(r.ms).toBeLessThan(2000);
});

test("#REF! in the unit column: one rejected row with its cell and value, the other rows computed exactly", async () => {
  const r = await run(
    "ref",
    await waitingList((ws) => {
      ws.getCell("A3").value = { error: "#REF!" };
    }),
  );
  expect(r.code).toBe(0);
  expect(r.err).toEqual([]);
  expect(r.out).toContain('1 rad avvisad – se fliken "Datakontroll".');
  const res = r.results();
  expect(res.issues).toEqual([
    {
      sheet: "Väntande",
      row: 3,
      column: "Klinik",
      cell: "A3",
      value: "#REF!",
      reason: "Felvärde i cellen (ett formelfel som #REF! eller #N/A)",
    },
  ]);
  expect(res.careGuarantee[0].units.map((u) => [u.unit, u.total, u.withinLimit, u.share])).toEqual([
    ["Hud", 2, 2, 1],
    ["Ögon", 1, 1, 1],
  ]);
  expect(res.careGuarantee[0].region).toMatchObject({ total: 3, withinLimit: 3, share: 1 });
  expect(r.ms).toBeLessThan(5000);
});

test("a column of formulas without cached values: exit 1 and the sheet's note, not 'Startdatum saknas' on every row", async () => {
  const r = await run(
    "formler",
    await waitingList((ws) => {
      for (let row = 2; row <= 5; row++) ws.getCell(`C${row}`).value = { formula: `DATE(2024,1,${row})` } as ExcelJS.CellFormulaValue;
    }),
  );
  expect(r).toMatchObject({
    code: 1,
    out: [],
    err: [
      "malkoll: Inget kunde beräknas. Blad som lästes:",
      '  - "Väntande": Formler utan beräknade värden: räkna om och spara i Excel först (kolumn C).',
    ],
  });
  expect(r.results().issues).toEqual([]);
  expect(r.ms).toBeLessThan(5000);
});
