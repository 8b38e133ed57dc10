import ExcelJS from "exceljs";
import { isCsvInput, isInputName, openInput } from "../../src/app/input";
import { CsvError } from "../../src/hosts/csv/errors";
import { XlsxError } from "../../src/hosts/xlsx/errors";
import { cp1252, utf8 } from "../helpers/csv";

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Väntande").addRow(["Enhet", "Beslutsdatum"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const refusal = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("no refusal");
};

describe("openInput", () => {
  test("a .csv file (any case of the extension) is one sheet named after the file, its cells as text", async () => {
    for (const name of ["januari.csv", "/data/januari.CSV", "C:\\data\\januari.Csv"]) {
      const host = openInput(cp1252("Enhet;lkf\r\nVårdcentral Åmål;0180\r\n"), name);
      expect(await host.listSheets()).toEqual([{ name: "januari", hidden: false }]);
      expect((await host.readSheet("januari")).values).toEqual([
        ["Enhet", "lkf"],
        ["Vårdcentral Åmål", "0180"],
      ]);
    }
  });

  test("a .txt file that is text is read as CSV too", async () => {
    expect(await openInput(utf8("Enhet\tAndel\nHud\t70,6\n"), "export.txt").listSheets()).toEqual([{ name: "export", hidden: false }]);
  });

  test("the file host's bytes are a workbook (for the download and the CLI's --out)", async () => {
    const host = openInput(utf8("Enhet;Andel\nHud;1\n"), "x.csv");
    expect(Array.from(host.bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 3, 4]);
  });

  test("a workbook is opened as the workbook it is, also under a .csv name", async () => {
    const bytes = await xlsx();
    expect(isCsvInput(bytes, "januari.csv")).toBe(false);
    expect(await openInput(bytes, "januari.csv").listSheets()).toEqual([{ name: "Väntande", hidden: false }]);
    expect(await openInput(bytes, "januari.xlsx").listSheets()).toEqual([{ name: "Väntande", hidden: false }]);
  });

  test("a text file named .xlsx is refused by the .xlsx reader, as before", () => {
    expect(refusal(() => openInput(utf8("Enhet;Andel\n"), "januari.xlsx"))).toBeInstanceOf(XlsxError);
  });

  test("a CSV file that cannot be read gives its line in the language asked for", () => {
    const sv = refusal(() => openInput(new Uint8Array(0), "tom.csv"));
    expect(sv).toBeInstanceOf(CsvError);
    expect(sv.message).toBe("Filen är tom: den har inga celler att läsa.");
    const en = refusal(() => openInput(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "bild.csv", { lang: "en" }));
    expect(en).toMatchObject({ name: "CsvError", code: "notText" });
    expect(en.message).toMatch(/^The file cannot be read as CSV: it is not text/);
  });
});

test("isInputName: the CLI's and the preview's file names", () => {
  expect(["a.xlsx", "a.XLSM", "a.csv", "a.TXT"].map(isInputName)).toEqual([true, true, true, true]);
  expect(["a.xls", "a.ods", "a.csv.gz", "a"].map(isInputName)).toEqual([false, false, false, false]);
});
