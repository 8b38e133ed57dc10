import { createOfficeHost } from "../../../src/hosts/office";
import { firstChunkRows, nextChunkRows } from "../../../src/hosts/office/readSheet";
import { FakeExcel, fakeFromGrids } from "../../fakes/excel";

test("values come with their number formats, so 0.706 shown as 70.6 % is told from 70.6", async () => {
  const fake = fakeFromGrids([
    {
      name: "Andelar",
      values: [
        ["Enhet", "Andel"],
        ["A", 0.706],
        ["B", 70.6],
      ],
      formats: [[], [null, "0.0%"], [null, "0.0"]],
    },
  ]);
  const grid = await createOfficeHost(fake.run).readSheet("Andelar");
  expect(grid.values).toEqual([
    ["Enhet", "Andel"],
    ["A", 0.706],
    ["B", 70.6],
  ]);
  expect(grid.formats).toEqual([
    ["General", "General"],
    ["General", "0.0%"],
    ["General", "0.0"],
  ]);
});

test("the grid starts at the used range's top-left, also when the sheet name needs quotes; empty cells are null", async () => {
  const fake = fakeFromGrids([
    {
      name: "Q1 '24!",
      values: [
        ["Klinik", null, "Antal"],
        [null, null, 5],
      ],
      origin: { row: 4, col: 2 },
    },
  ]);
  const grid = await createOfficeHost(fake.run).readSheet("Q1 '24!");
  expect(grid.origin).toEqual({ row: 4, col: 2 });
  expect(grid.values).toEqual([
    ["Klinik", null, "Antal"],
    [null, null, 5],
  ]);
});

test("an empty sheet is an empty grid, read in one sync", async () => {
  const fake = new FakeExcel();
  fake.data.addSheet("Tom");
  const grid = await createOfficeHost(fake.run).readSheet("Tom");
  expect(grid.values).toEqual([]);
  expect(fake.syncCount).toBe(1);
});

test("progress is reported per chunk, from 0 to all rows", async () => {
  const values = Array.from({ length: 2500 }, (_, i) => [`rad ${i}`, i]);
  const fake = fakeFromGrids([{ name: "Rader", values }]);
  const seen: [number, number][] = [];
  await createOfficeHost(fake.run).readSheet("Rader", (done, total) => seen.push([done, total]));
  // 2 columns: a first chunk of 1 000 rows, then the other 1 500 (≈ 30 kB) in one more.
  expect(seen).toEqual([
    [0, 2500],
    [1000, 2500],
    [2500, 2500],
  ]);
});

test("chunk sizes: a small first chunk from the column count, then from the bytes per row seen", () => {
  expect(firstChunkRows(9)).toBe(1000);
  // 200 columns: 4 000 000 / 4 / (200 × 64) = 78 rows
  expect(firstChunkRows(200)).toBe(78);
  // 200 bytes a row: 4 000 000 / 1.5 / 200 = 13 333 rows
  expect(nextChunkRows(200)).toBe(13333);
});

test("rows much longer than the first chunk's: the over-limit response is retried in halves, not failed", async () => {
  // 1 000 short rows, then 2 000 rows of 3 000 characters: estimated from the short ones, the second
  // chunk would be ~ 6 MB; the fake rejects it and the gateway halves until it fits.
  const values = [...Array.from({ length: 1000 }, () => ["x"]), ...Array.from({ length: 2000 }, () => ["y".repeat(3000)])];
  const fake = fakeFromGrids([{ name: "Långa", values }]);
  const grid = await createOfficeHost(fake.run).readSheet("Långa");
  expect(grid.values).toEqual(values);
  expect(fake.syncs.some((s) => s.failed)).toBe(true);
  expect(fake.syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= 5 * 1024 * 1024)).toBe(true);
});

test("listSheets gives names, hidden state and markers in two syncs", async () => {
  const fake = fakeFromGrids([
    { name: "Data", values: [["a"]] },
    { name: "Dold", values: [] },
    { name: "Vårdgaranti", values: [] },
  ]);
  fake.data.sheet("Dold")!.visibility = "VeryHidden";
  fake.data
    .sheet("Vårdgaranti")!
    .names.set("_malkoll_marker", { name: "_Malkoll_Marker", formula: '="malkoll:careGuarantee"', visible: false });
  // A marker-like name with someone else's value is not ours.
  fake.data.sheet("Data")!.names.set("_malkoll_marker", { name: "_Malkoll_Marker", formula: '="annat"', visible: false });
  expect(await createOfficeHost(fake.run).listSheets()).toEqual([
    { name: "Data", hidden: false },
    { name: "Dold", hidden: true },
    { name: "Vårdgaranti", hidden: false, marker: "malkoll:careGuarantee" },
  ]);
  expect(fake.syncCount).toBe(2);
});
