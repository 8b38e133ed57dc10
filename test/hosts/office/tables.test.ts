import ExcelJS from "exceljs";
import { createOfficeHost } from "../../../src/hosts/office";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { type FakeExcel, fakeFromGrids, fakeFromXlsx } from "../../fakes/excel";
import { historyPlan } from "../../helpers/plans";

const dataSheet = () => fakeFromGrids([{ name: "Data", values: [["Enhet"], ["Ögon"]] }]);

/** Every table in the fake: sheet, name, rectangle, style, column names. */
const tablesIn = (fake: FakeExcel) =>
  fake.data
    .allTables()
    .map(({ sheet, table }) => ({ sheet: sheet.name, name: table.name, rect: table.rect, style: table.style, columns: table.columns }));

const headerCells = (fake: FakeExcel, sheet: string, row: number, cols: number) =>
  Array.from({ length: cols }, (_, c) => fake.data.sheet(sheet)!.value(row, c));

/** A user's workbook with a table of their own named `name` on "Data". */
async function userWorkbookWithTable(name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.addTable({
    name,
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Kod" }, { name: "Namn" }],
    rows: [
      [1, "Ögon"],
      [2, "Kirurgi"],
    ],
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("the gateway writes the plan's table on our tab: name, range, style, header cells as column names; 3 syncs", async () => {
  const fake = dataSheet();
  await createOfficeHost(fake.run).writePlans([historyPlan()]);
  // The active sheet is "Data": the table still goes on our tab (it is added with a Range, not a bare address).
  expect(tablesIn(fake)).toEqual([
    {
      sheet: "Historik",
      name: "Malkoll_Historik",
      rect: { r0: 1, c0: 0, r1: 4, c1: 3 },
      style: "TableStyleLight9",
      columns: ["Datum", "Mått", "Enhet", "Andel"],
    },
  ]);
  expect(headerCells(fake, "Historik", 1, 4)).toEqual(["Datum", "Mått", "Enhet", "Andel"]);
  expect(fake.data.sheet("Historik")!.value(2, 3)).toBe(0.706);
  // tabs and markers 2 (the second also loads tables and names) + one request with cells and table
  expect(fake.syncCount).toBe(3);
  expect(fake.syncs[1].loads).toEqual(expect.arrayContaining(["FakeTable.name", "FakeNamedItem.name"]));
  expect(fake.syncs[2].failed).toBe(false);
});

test("a second run deletes the old table and adds the new one in the same syncs: one table, same name", async () => {
  const fake = dataSheet();
  const host = createOfficeHost(fake.run);
  await host.writePlans([historyPlan()]);
  const id = fake.data.sheet("Historik")!.id;
  fake.resetStats();
  const more = historyPlan();
  more.cells = [...more.cells, [45380, "Förstabesök", "Ögon", 0.74]];
  more.tables = [{ name: "Malkoll_Historik", range: [1, 0, 5, 3], style: "TableStyleLight9" }];
  const written = await host.writePlans([more]);
  expect(written[0]).toMatchObject({ sheetName: "Historik", replaced: true });
  expect(fake.data.sheet("Historik")!.id).toBe(id);
  expect(tablesIn(fake).map((t) => [t.name, t.rect])).toEqual([["Malkoll_Historik", { r0: 1, c0: 0, r1: 5, c1: 3 }]]);
  expect(fake.syncCount).toBe(3);
});

test("a later plan without a table leaves no table on our tab", async () => {
  const fake = dataSheet();
  const host = createOfficeHost(fake.run);
  await host.writePlans([historyPlan()]);
  await host.writePlans([historyPlan({ tables: [] })]);
  expect(tablesIn(fake)).toEqual([]);
  expect(fake.data.sheet("Historik")!.value(1, 0)).toBe("Datum");
});

test("a user's table with the name keeps it; ours is suffixed, and stays so on the next run", async () => {
  const fake = await fakeFromXlsx(await userWorkbookWithTable("malkoll_historik"));
  expect(tablesIn(fake).map((t) => [t.sheet, t.name])).toEqual([["Data", "malkoll_historik"]]);
  const host = createOfficeHost(fake.run);
  await host.writePlans([historyPlan()]);
  await host.writePlans([historyPlan()]);
  expect(tablesIn(fake).map((t) => [t.sheet, t.name])).toEqual([
    ["Data", "malkoll_historik"],
    ["Historik", "Malkoll_Historik2"],
  ]);
});

test("a workbook name with the table's name counts as taken", async () => {
  const fake = dataSheet();
  fake.data.names.set("malkoll_historik", { name: "Malkoll_Historik", formula: "=Data!$A$1", visible: true });
  await createOfficeHost(fake.run).writePlans([historyPlan()]);
  expect(tablesIn(fake).map((t) => t.name)).toEqual(["Malkoll_Historik2"]);
});

test("repeated, empty and numeric headers: the cells get the unique names, so Excel renames nothing", async () => {
  const plan = historyPlan({
    cells: [["Titel"], ["Andel", "andel", null, 2024], [0.5, 0.6, 1, 2]],
    numberFormats: [],
    tables: [{ name: "Malkoll_Historik", range: [1, 0, 2, 3], style: "TableStyleMedium2" }],
  });
  const fake = dataSheet();
  await createOfficeHost(fake.run).writePlans([plan]);
  // Excel itself would have made "Column3" of the empty header (the fake does so too): ours is "Kolumn3".
  expect(tablesIn(fake)[0].columns).toEqual(["Andel", "andel2", "Kolumn3", "2024"]);
  expect(headerCells(fake, "Historik", 1, 4)).toEqual(["Andel", "andel2", "Kolumn3", "2024"]);
  expect(fake.data.sheet("Historik")!.formulas.size).toBe(0);
});

test("the add-in's table equals the CLI's: name, range, columns, style", async () => {
  const input = await userWorkbookWithTable("Malkoll_Historik");
  const cli = await new ExcelJS.Workbook().xlsx.load(
    Buffer.from(writeSummaryTabs(openWorkbook(input), [historyPlan()]).bytes) as unknown as ExcelJS.Buffer,
  );
  const cliTables = (
    cli.getWorksheet("Historik")!.getTables() as unknown as {
      table: { name: string; tableRef: string; columns: { name: string }[]; style: { theme: string } };
    }[]
  ).map(({ table }) => ({ name: table.name, ref: table.tableRef, columns: table.columns.map((c) => c.name), style: table.style.theme }));
  const fake = await fakeFromXlsx(input);
  await createOfficeHost(fake.run).writePlans([historyPlan()]);
  const ours = tablesIn(fake)
    .filter((t) => t.sheet === "Historik")
    .map((t) => ({ name: t.name, ref: "A2:D5", columns: t.columns, style: t.style, rect: t.rect }));
  expect(ours).toEqual([{ ...cliTables[0], rect: { r0: 1, c0: 0, r1: 4, c1: 3 } }]);
  expect(cliTables[0].name).toBe("Malkoll_Historik2");
});

test("a tab the CLI wrote with its table is replaced by the add-in: the CLI's table is deleted, not doubled", async () => {
  const input = await userWorkbookWithTable("Koder");
  const cliBytes = writeSummaryTabs(openWorkbook(input), [historyPlan()]).bytes;
  const fake = await fakeFromXlsx(cliBytes);
  expect(tablesIn(fake).map((t) => [t.sheet, t.name])).toEqual([
    ["Data", "Koder"],
    ["Historik", "Malkoll_Historik"],
  ]);
  const written = await createOfficeHost(fake.run).writePlans([historyPlan()]);
  expect(written[0]).toMatchObject({ sheetName: "Historik", replaced: true });
  expect(tablesIn(fake).map((t) => [t.sheet, t.name])).toEqual([
    ["Data", "Koder"],
    ["Historik", "Malkoll_Historik"],
  ]);
  expect(fake.syncCount).toBe(3);
});

test("a plan with overlapping tables is refused before anything is written", async () => {
  const fake = dataSheet();
  const bad = historyPlan({
    tables: [
      { name: "A_", range: [1, 0, 4, 1], style: "TableStyleLight9" },
      { name: "B_", range: [3, 1, 4, 3], style: "TableStyleLight9" },
    ],
  });
  await expect(createOfficeHost(fake.run).writePlans([bad])).rejects.toThrow(/överlappar/);
  expect(fake.data.sheet("Historik")).toBeUndefined();
  expect(fake.syncs.every((s) => s.writes === 0)).toBe(true);
});
