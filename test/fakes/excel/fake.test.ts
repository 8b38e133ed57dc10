import { FakeExcel, FakeExcelError, fakeFromGrids } from "./index";

const oneSheet = () =>
  fakeFromGrids([
    {
      name: "Data",
      values: [
        ["Enhet", "Antal"],
        ["A", 3],
      ],
    },
  ]);

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return (e as FakeExcelError).code;
  }
  return "no error";
};

test("a property not loaded, or loaded but not yet synced, throws PropertyNotLoaded", async () => {
  const fake = oneSheet();
  await fake.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(range.values).toEqual([
      ["Enhet", "Antal"],
      ["A", 3],
    ]);
    expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

test("every sync is counted, and Excel.run flushes what is still queued (one more sync)", async () => {
  const fake = oneSheet();
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Data").getRange("C1").values = [["x"]];
  });
  expect(fake.syncCount).toBe(3);
  expect(fake.data.sheet("Data")!.value(0, 2)).toBe("x");
});

test("writes are queued: nothing changes in the workbook before the sync", async () => {
  const fake = oneSheet();
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["Ny"]];
    expect(fake.data.sheet("Data")!.value(0, 0)).toBe("Enhet");
    await ctx.sync();
    expect(fake.data.sheet("Data")!.value(0, 0)).toBe("Ny");
  });
});

test("a request over 5 MB is rejected, and so is a response over 5 MB", async () => {
  const fake = oneSheet();
  // 60 000 rows × 1 cell of 100 characters ≈ 6.2 MB of JSON.
  const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
  const write = fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Data").getRange("D1:D60000").values = big;
    await ctx.sync();
  });
  expect(await codeOf(write)).toBe("RequestPayloadSizeLimitExceeded");
  expect(fake.data.sheet("Data")!.value(0, 3)).toBeUndefined();

  const seeded = fakeFromGrids([{ name: "Big", values: big }]);
  const read = seeded.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Big").getRange("A1:A60000").load("values");
    await ctx.sync();
  });
  expect(await codeOf(read)).toBe("ResponsePayloadSizeLimitExceeded");
  expect(seeded.syncs[0].responseBytes).toBeGreaterThan(5 * 1024 * 1024);
});

test("text written into values is read like typing: '=' makes a formula unless the cell is formatted as text", async () => {
  const fake = new FakeExcel();
  fake.data.addSheet("S");
  await fake.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("S");
    s.getRange("B1").numberFormat = [["@"]];
    s.getRange("A1:F1").values = [["=x", "=x", "-5", "2024-01-31", "+a", "TRUE"]];
    await ctx.sync();
  });
  const s = fake.data.sheet("S")!;
  expect([s.formula(0, 0), s.value(0, 0)]).toEqual(["=x", "#NAME?"]);
  expect([s.formula(0, 1), s.value(0, 1)]).toEqual([undefined, "=x"]);
  expect(s.value(0, 2)).toBe(-5);
  expect(s.value(0, 3)).toBe(45322); // 2024-01-31 as a 1900-system serial
  expect(s.formula(0, 4)).toBe("=+a");
  expect(s.value(0, 5)).toBe(true);
});

test("getItem of a missing sheet fails at sync; getItemOrNullObject reports isNullObject after it", async () => {
  const fake = oneSheet();
  await fake.run(async (ctx) => {
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Saknas");
    const found = ctx.workbook.worksheets.getItemOrNullObject("data");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect([missing.isNullObject, found.isNullObject]).toEqual([true, false]);
  });
  const strict = fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Saknas").load("name");
    await ctx.sync();
  });
  expect(await codeOf(strict)).toBe("ItemNotFound");
});

test("sheet names are unique ignoring case, as in Excel", async () => {
  const fake = oneSheet();
  const add = fake.run(async (ctx) => {
    ctx.workbook.worksheets.add("DATA");
    await ctx.sync();
  });
  expect(await codeOf(add)).toBe("ItemAlreadyExists");
});

test("a values array must have the range's shape", async () => {
  const fake = oneSheet();
  const write = fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [["a"]];
    await ctx.sync();
  });
  expect(await codeOf(write)).toBe("InvalidArgument");
});

describe("tables, as Excel keeps them", () => {
  const twoSheets = () =>
    fakeFromGrids([
      {
        name: "Data",
        values: [
          ["Enhet", "Antal"],
          ["A", 3],
        ],
      },
      {
        name: "Mer",
        values: [
          ["Andel", "andel", null],
          [1, 2, 3],
        ],
      },
    ]);
  const addOn = (fake: FakeExcel, sheet: string, address: string, name?: string) =>
    fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const t = ws.tables.add(ws.getRange(address), true);
      if (name !== undefined) t.name = name;
      await ctx.sync();
    });

  test("the header cells become the column names; empty and repeated ones are renamed in the cells", async () => {
    const fake = twoSheets();
    await addOn(fake, "Mer", "A1:C2");
    const [{ table }] = fake.data.allTables();
    expect(table).toMatchObject({ name: "Table1", columns: ["Andel", "andel2", "Column3"], style: "TableStyleMedium2" });
    expect([0, 1, 2].map((c) => fake.data.sheet("Mer")!.value(0, c))).toEqual(["Andel", "andel2", "Column3"]);
  });

  test("a table may not overlap another", async () => {
    const fake = twoSheets();
    await addOn(fake, "Data", "A1:B2");
    expect(await codeOf(addOn(fake, "Data", "B2:C3"))).toBe("InvalidArgument");
    expect(await codeOf(addOn(fake, "Data", "C1:D2"))).toBe("no error");
  });

  test("names are unique in the workbook ignoring case, among tables and defined names, and valid", async () => {
    // A failed request keeps what ran before the failure (the table is added, its naming fails): a fresh workbook per try.
    const withHistorik = async () => {
      const fake = twoSheets();
      await addOn(fake, "Data", "A1:B2", "Historik");
      fake.data.sheet("Mer")!.names.set("lokal", { name: "Lokal", formula: "=1", visible: true });
      return fake;
    };
    expect(await codeOf(addOn(await withHistorik(), "Mer", "A1:C2", "HISTORIK"))).toBe("ItemAlreadyExists");
    expect(await codeOf(addOn(await withHistorik(), "Mer", "A1:C2", "lokal"))).toBe("ItemAlreadyExists");
    expect(await codeOf(addOn(await withHistorik(), "Mer", "A1:C2", "Historik2"))).toBe("no error");
    for (const bad of ["Min tabell", "A1", "R1C1", "1abc", "c"])
      expect([bad, await codeOf(addOn(await withHistorik(), "Mer", "A1:C2", bad))]).toEqual([bad, "InvalidArgument"]);
  });

  test("a bare address puts the table on the active sheet, whichever sheet's collection adds it", async () => {
    const fake = twoSheets();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Mer").tables.add("A1:B2", true);
      await ctx.sync();
    });
    expect(fake.data.allTables().map(({ sheet }) => sheet.name)).toEqual(["Data"]);
  });

  test("clearing the sheet keeps the table; deleting it clears its cells; items need a load", async () => {
    const fake = twoSheets();
    await addOn(fake, "Data", "A1:B2", "T");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange().clear("All");
      const tables = ws.tables;
      expect(() => tables.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      tables.load("items/name");
      await ctx.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["T"]);
      fake.data.sheet("Data")!.putRaw(1, 0, "kvar");
      tables.items[0].delete();
      await ctx.sync();
    });
    expect(fake.data.allTables()).toEqual([]);
    expect(fake.data.sheet("Data")!.value(1, 0)).toBeUndefined();
  });

  test("only built-in styles", async () => {
    const set = (style: string) =>
      twoSheets().run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Data");
        ws.tables.add(ws.getRange("A1:B2"), true).style = style;
        await ctx.sync();
      });
    expect(await codeOf(set("Min stil"))).toBe("InvalidArgument");
    expect(await codeOf(set("TableStyleDark11"))).toBe("no error");
  });
});
