import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { Results } from "../../src/domain/results";

// A guessed reading is refused by the CLI (exit 1, with what it would use and the --config snippet
// that confirms it), and accepted once confirmed (DOMAIN.md §3, "No silent guesses").
const dir = mkdtempSync(join(tmpdir(), "malkoll-guess-"));
const input = join(dir, "lista.xlsx");

async function cli(args: string[]) {
  const said = { out: [] as string[], err: [] as string[] };
  const code = await main(["node", "malkoll", "report", input, "--date", "2024-01-31", ...args], {
    out: (l) => said.out.push(l),
    err: (l) => said.err.push(l),
  });
  return { code, ...said };
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  // "kontakter" loosely suggests same-day contact; the only date is a referral date.
  const ws = wb.addWorksheet("Väntande kontakter");
  ws.addRow(["Enhet", "Remissdatum", "Vårdgaranti"]);
  ws.addRow(["Hud", new Date(Date.UTC(2024, 0, 1)), "JA"]); // 30 days to 2024-01-31
  ws.addRow(["Hud", new Date(Date.UTC(2023, 9, 1)), "JA"]); // 122 days
  writeFileSync(input, Buffer.from(await wb.xlsx.writeBuffer()));
});

test("a guessed measure and start: exit 1, no figure, the guesses and the snippet on stderr", async () => {
  const run = await cli(["--out", join(dir, "out.xlsx"), "--json", join(dir, "out.json")]);
  expect(run.code).toBe(1);
  expect(run.out).toEqual([]);
  expect(run.err[0]).toBe("malkoll: 1 blad läses på en gissning och beräknas inte förrän gissningen är bekräftad (inga siffror skrevs):");
  expect(run.err[1]).toBe(
    '  - "Väntande kontakter": Startdatum = "Remissdatum" (kolumn B: remissdatum, beslutsdatum saknas); ' +
      'mått "Kontakt samma dag" (gissat från bladets namn eller rubrik)',
  );
  const snippet = JSON.parse(run.err.slice(3).join("\n"));
  expect(snippet).toEqual({ sheets: { "Väntande kontakter": { columns: { start: "Remissdatum" }, measure: "primaryContact" } } });
});

test("in English too", async () => {
  const run = await cli(["--lang", "en", "--out", join(dir, "out-en.xlsx")]);
  expect(run.code).toBe(1);
  expect(run.err[1]).toBe(
    '  - "Väntande kontakter": Start date = "Remissdatum" (column B: the referral date, the decision date is missing); ' +
      'measure "Same-day contact" (guessed from the sheet\'s name or title)',
  );
});

test("confirmed (here with the measure corrected to first visit), the same file runs to the end", async () => {
  const config = join(dir, "bekräftat.json");
  writeFileSync(config, JSON.stringify({ sheets: { "Väntande kontakter": { columns: { start: "Remissdatum" }, measure: "firstVisit" } } }));
  const json = join(dir, "ok.json");
  const run = await cli(["--config", config, "--out", join(dir, "ok.xlsx"), "--json", json]);
  expect(run.code).toBe(0);
  const r = JSON.parse(readFileSync(json, "utf8")) as Results;
  const m = r.careGuarantee.find((x) => x.measure === "firstVisit" && x.basis === "waiting")!;
  expect(m.region).toMatchObject({ total: 2, withinLimit: 1, share: 0.5 });
});
