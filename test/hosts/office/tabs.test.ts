import { runReport } from "../../../src/app/runReport";
import { createOfficeHost } from "../../../src/hosts/office";
import { fixtureWorkbook } from "../../e2e/fixtures";
import { type FakeExcel, fakeFromGrids, fakeFromXlsx } from "../../fakes/excel";
import { readChunkSyncs, runCli, snapshotSheets, tabDifferences } from "./helpers";

// The e2e fixture: a "Väntande" sheet whose units include "=Kirurgi" (text that must not become a
// formula), and the user's own sheet named "Vårdgaranti".
const opts = { date: "2024-01-31", lang: "sv" as const };
let input: Uint8Array;
beforeAll(async () => {
  input = await fixtureWorkbook();
});

const cellsWith = (fake: FakeExcel, sheet: string, text: string) => {
  const s = fake.data.sheet(sheet)!;
  const used = s.usedRange(true)!;
  const hits: { value: unknown; formula: string | undefined }[] = [];
  for (let r = used.r0; r <= used.r1; r++)
    for (let c = used.c0; c <= used.c1; c++)
      if (s.value(r, c) === text || s.formula(r, c)?.includes(text.slice(1))) hits.push({ value: s.value(r, c), formula: s.formula(r, c) });
  return hits;
};

test("the user's own 'Vårdgaranti' survives untouched and ours goes to 'Vårdgaranti (2)'", async () => {
  const fake = await fakeFromXlsx(input);
  const before = snapshotSheets(fake, ["Väntande", "Vårdgaranti"]);
  const { written } = await runReport(createOfficeHost(fake.run), opts);
  expect(written.find((w) => w.planName === "Vårdgaranti")).toEqual({
    planName: "Vårdgaranti",
    sheetName: "Vårdgaranti (2)",
    replaced: false,
    renamedBecauseTaken: true,
  });
  expect(snapshotSheets(fake, ["Väntande", "Vårdgaranti"])).toEqual(before);
  expect(fake.data.sheet("Vårdgaranti")!.value(0, 0)).toBe("Min egen analys – rör inte");
});

test("a unit named '=Kirurgi' is written as text, not as a formula", async () => {
  const fake = await fakeFromXlsx(input);
  await runReport(createOfficeHost(fake.run), opts);
  expect(cellsWith(fake, "Vårdgaranti (2)", "=Kirurgi")).toEqual([{ value: "=Kirurgi", formula: undefined }]);
});

test("the tabs equal the CLI's for the fixture too", async () => {
  const fake = await fakeFromXlsx(input);
  const { written } = await runReport(createOfficeHost(fake.run), opts);
  const cli = await runCli(input, "--date", "2024-01-31");
  for (const w of written)
    expect([w.sheetName, tabDifferences(fake, w.sheetName, cli.wb.readSheet(w.sheetName))]).toEqual([w.sheetName, []]);
});

test("a second run replaces our tabs in place: no duplicates, same tabs, same content, same write syncs", async () => {
  const fake = await fakeFromXlsx(input);
  const host = createOfficeHost(fake.run);
  const first = await runReport(host, opts);
  const names = fake.data.sheets.map((s) => s.name);
  const ids = fake.data.sheets.map((s) => s.id);
  const content = snapshotSheets(fake, names);
  const firstSyncs = fake.syncCount;
  const firstChunks = readChunkSyncs(fake);
  fake.resetStats();

  const second = await runReport(host, opts);
  expect(second.written.map((w) => [w.sheetName, w.replaced])).toEqual(first.written.map((w) => [w.sheetName, true]));
  expect(fake.data.sheets.map((s) => s.name)).toEqual(names);
  // Cleared and refilled, not deleted and re-added (formulas pointing into the tab keep working).
  expect(fake.data.sheets.map((s) => s.id)).toEqual(ids);
  expect(snapshotSheets(fake, names)).toEqual(content);
  // The second run also reads its own Historik tab back (used range 1 + one chunk); writing costs the same.
  expect(fake.data.sheet("Historik")).toBeDefined();
  expect(readChunkSyncs(fake)).toBe(firstChunks + 1);
  expect(fake.syncCount).toBe(firstSyncs + 2);
});

test("replacing our tab clears what an earlier run (or the user) left in it: far cells, fills, widths, panes", async () => {
  const fake = fakeFromGrids([
    {
      name: "Väntande",
      values: [
        ["Klinik", "Kontakttyp", "Beslutsdatum", "Vårdgaranti"],
        ["Ögon", "Förstabesök", 45300, "JA"],
      ],
      formats: [[], [null, null, "yyyy-mm-dd", null]],
    },
    { name: "Gammal", values: [] },
  ]);
  const old = fake.data.sheet("Gammal")!;
  old.names.set("_malkoll_marker", { name: "_Malkoll_Marker", formula: '="malkoll:careGuarantee"', visible: false });
  old.putRaw(998, 25, "kvar från förra körningen");
  old.setFill({ r0: 500, c0: 20, r1: 500, c1: 20 }, "#FF0000");
  old.columnWidths.set(30, 200);
  old.freeze = { rows: 40, columns: 0 };
  old.visibility = "Hidden";

  const { written } = await runReport(createOfficeHost(fake.run), opts);
  expect(written[0]).toEqual({ planName: "Vårdgaranti", sheetName: "Gammal", replaced: true, renamedBecauseTaken: true });
  expect(old.value(998, 25)).toBeUndefined();
  expect(old.fill(500, 20)).toBeUndefined();
  expect(old.columnWidths.has(30)).toBe(false);
  expect(old.freeze?.rows).not.toBe(40);
  expect(old.value(0, 0)).toEqual(expect.any(String));
  // The user hid the tab; replacing it keeps it hidden, as the CLI does.
  expect(old.visibility).toBe("Hidden");
});

test("tabs the CLI wrote are recognised by their markers and replaced by the add-in", async () => {
  const cli = await runCli(input, "--date", "2024-01-31");
  const fake = await fakeFromXlsx(cli.bytes);
  const host = createOfficeHost(fake.run);
  const listed = await host.listSheets();
  expect(listed.filter((s) => s.marker).map((s) => s.name)).toEqual(cli.wb.sheets.filter((s) => s.marker).map((s) => s.name));
  const { written } = await runReport(host, opts);
  expect(written.every((w) => w.replaced)).toBe(true);
  expect(fake.data.sheets.map((s) => s.name)).toEqual(cli.wb.sheets.map((s) => s.name));
});

test("activate shows the tab", async () => {
  const fake = await fakeFromXlsx(input);
  await createOfficeHost(fake.run).activate("Vårdgaranti");
  expect(fake.data.activeSheetId).toBe(fake.data.sheet("Vårdgaranti")!.id);
  expect(fake.syncCount).toBe(1);
});
