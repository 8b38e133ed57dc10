// The gateway in a 1904 workbook (Excel for Mac): the strict fake holds every date as a 1904 serial
// and answers DATE() in that system, as Excel does. The gateway reads the grid as the .xlsx reader
// does (date-formatted numbers as 1900 serials, the grid marked date1904) and writes the plans'
// dates back as 1904 serials, in the same syncs as before.
import { createOfficeHost } from "../../../src/hosts/office";
import { runReport } from "../../../src/app/runReport";
import type { SheetPlan } from "../../../src/report/plan";
import type { SheetGrid } from "../../../src/model/cells";
import { isDateFormat } from "../../../src/model/numberFormats";
import { FakeExcel, fakeFromGrids, fakeFromXlsx } from "../../fakes/excel";
import { FEBRUARY, JANUARY, monthRows, monthWorkbook, serial1900 } from "../../helpers/date1904";
import { planNotes } from "../../helpers/plans";
import { runCli, tabDifferences } from "./helpers";

const JAN31 = serial1900("2024-01-31");

function fake1904(): FakeExcel {
  const fake = fakeFromGrids([
    {
      name: "Väntande",
      values: [
        ["Klinik", "Beslutsdatum", "Inläst"],
        ["Ögon", JAN31 - 1462, JAN31 - 1462],
      ],
      formats: [[], [null, "yyyy-mm-dd", "0"]],
    },
  ]);
  fake.data.date1904 = true;
  return fake;
}

/** A grid of a 1904 workbook as the workbook stores it: date-formatted numbers as 1904 serials. */
function asStored(grid: SheetGrid): SheetGrid {
  const values = grid.values.map((row, i) =>
    row.map((v, j) => (typeof v === "number" && isDateFormat(grid.formats?.[i]?.[j]) ? v - 1462 : v)),
  );
  return { ...grid, values };
}

function historyPlan(): SheetPlan {
  return {
    name: "Historik",
    marker: "malkoll:history",
    cells: [
      ["Mätdatum", "Andel"],
      [JAN31, 0.55],
    ],
    numberFormats: [
      { range: [1, 0, 1, 0], value: "yyyy-mm-dd" },
      { range: [1, 1, 1, 1], value: "0.0%" },
    ],
    fills: [],
    fonts: [],
    columnWidths: [12, 10],
    charts: [],
    ...planNotes("Historik"),
  };
}

describe("the fake answers DATE() in the workbook's system, strictly", () => {
  test("DATE(1904,1,1) is 0 in a 1904 workbook, 1462 in a 1900 one; unloaded, it throws", async () => {
    for (const [date1904, want] of [
      [true, 0],
      [false, 1462],
    ] as const) {
      const fake = new FakeExcel();
      fake.data.date1904 = date1904;
      const got = await fake.run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1);
        expect(() => r.value).toThrow(/not available/);
        r.load("value");
        await context.sync();
        return r.value;
      });
      expect(got).toBe(want);
    }
  });
});

describe("reading", () => {
  test("a date-formatted number becomes its 1900 serial, a plain one stays a 1904 serial, the grid says 1904", async () => {
    const fake = fake1904();
    const grid = await createOfficeHost(fake.run).readSheet("Väntande");
    expect(grid.date1904).toBe(true);
    expect(grid.values[1]).toEqual(["Ögon", JAN31, JAN31 - 1462]);
    // Used range and date system in one sync, the cells in the next: as in a 1900 workbook.
    expect(fake.syncCount).toBe(2);
  });

  test("a 1900 workbook: values as they are, no flag", async () => {
    const fake = fake1904();
    fake.data.date1904 = false;
    const grid = await createOfficeHost(fake.run).readSheet("Väntande");
    expect(grid.date1904).toBeUndefined();
    expect(grid.values[1]).toEqual(["Ögon", JAN31 - 1462, JAN31 - 1462]);
  });
});

describe("writing", () => {
  test("a plan's dates land as 1904 serials; shares untouched; 3 syncs as before", async () => {
    const fake = fake1904();
    await createOfficeHost(fake.run).writePlans([historyPlan()]);
    const sheet = fake.data.sheet("Historik")!;
    expect([sheet.value(1, 0), sheet.format(1, 0), sheet.value(1, 1)]).toEqual([JAN31 - 1462, "yyyy-mm-dd", 0.55]);
    expect(fake.syncCount).toBe(3);
  });

  test("into a 1900 workbook: 1900 serials", async () => {
    const fake = fake1904();
    fake.data.date1904 = false;
    await createOfficeHost(fake.run).writePlans([historyPlan()]);
    expect(fake.data.sheet("Historik")!.value(1, 0)).toBe(JAN31);
  });
});

describe("a 1904 workbook through the add-in, month after month", () => {
  test("January: the CLI's figures and tabs; February in the same workbook finds January on its own Historik tab", async () => {
    const bytes = await monthWorkbook(JANUARY, "1904plain");
    const fake = await fakeFromXlsx(bytes);
    expect(fake.data.date1904).toBe(true);
    const jan = await runReport(createOfficeHost(fake.run), { lang: "sv" });
    const cg = jan.results.careGuarantee[0];
    expect([jan.results.measurementDate, cg.region.share, cg.region.medianWait, cg.region.over365]).toEqual(["2024-01-31", 0.55, 65, 2]);

    // The same tabs as the CLI writes into the same 1904 file, cell for cell as stored: the CLI's
    // reader gives date-formatted cells as 1900 serials, so those are compared 1,462 days smaller.
    const cli = await runCli(bytes);
    for (const w of jan.written) {
      const stored = asStored(cli.wb.readSheet(w.sheetName));
      expect([w.sheetName, tabDifferences(fake, w.sheetName, stored)]).toEqual([w.sheetName, []]);
    }
    const hist = fake.data.sheet("Historik")!;
    const dates: number[] = [];
    for (let r = 0; r < 60; r++)
      for (let c = 0; c < 10; c++)
        if (hist.format(r, c) === "yyyy-mm-dd" && typeof hist.value(r, c) === "number") dates.push(hist.value(r, c) as number);
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set([JAN31 - 1462]));

    // Next month: the user pastes February's extract (plain 1904 serials) over January's.
    const src = fake.data.sheet("Väntande")!;
    monthRows(FEBRUARY).forEach(([unit, type, start], k) => {
      src.putRaw(k + 1, 0, unit);
      src.putRaw(k + 1, 1, type);
      src.putRaw(k + 1, 2, serial1900(start) - 1462);
    });
    const feb = await runReport(createOfficeHost(fake.run), { lang: "sv" });
    const m = feb.results.careGuarantee[0];
    expect(feb.results.measurementDate).toBe("2024-02-29");
    expect(feb.results.previousDate).toBe("2024-01-31");
    expect(m.region.share).toBe(0.7);
    expect(m.region.change!.sharePoints).toBeCloseTo(15, 9);
    expect(m.region.change).toMatchObject({ total: 0, overLimit: -3, over365: -1 });
  });
});
