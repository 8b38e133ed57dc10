// A macro-enabled workbook in, a macro-enabled workbook out: the default name keeps .xlsm, the
// workbook part keeps its macro-enabled content type, the VBA project comes back byte for byte, and
// the output opens in the project's reader and in ExcelJS. An .xlsx --out for it is refused: Excel
// will not open an .xlsx that holds macros, and dropping them would change the user's workbook.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { workbookContentType } from "../../src/hosts/xlsx/contentTypes";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { fixtureWorkbook } from "../e2e/fixtures";
import { CT_MACRO_WORKBOOK, vbaProjectBytes, withMacros } from "../helpers/xlsm";
import { cli, freshDir, listing, oneLine } from "./helpers";

const DATE = ["--date", "2024-01-31"];
const vba = vbaProjectBytes();
let dir: string;
let input: string;
let inputBytes: Uint8Array;
let run: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  dir = freshDir("malkoll-xlsm-");
  input = join(dir, "januari.xlsm");
  inputBytes = withMacros(await fixtureWorkbook(), vba);
  writeFileSync(input, inputBytes);
  run = await cli(["report", input, ...DATE]);
});

const output = () => new Uint8Array(readFileSync(join(dir, "januari-malkoll.xlsm")));

test("the default output is <input>-malkoll.xlsm, and the run says so", () => {
  expect(run).toMatchObject({ code: 0, err: [] });
  expect(run.out[run.out.length - 1]).toMatch(/^Skrev .* till .*\/januari-malkoll\.xlsm$/);
  expect(Object.keys(listing(dir)).sort()).toEqual(["januari-malkoll.xlsm", "januari.xlsm"]);
});

test("the workbook part keeps the macro-enabled content type", () => {
  expect(workbookContentType(openWorkbook(output()))).toBe(CT_MACRO_WORKBOOK);
  expect(strFromU8(unzipSync(output())["[Content_Types].xml"])).toContain(
    `<Override PartName="/xl/workbook.xml" ContentType="${CT_MACRO_WORKBOOK}"/>`,
  );
});

test("the VBA project and its relationship are kept byte for byte", () => {
  const inWb = openWorkbook(inputBytes);
  const outWb = openWorkbook(output());
  expect(outWb.entry("xl/vbaProject.bin")!.raw).toEqual(inWb.entry("xl/vbaProject.bin")!.raw);
  expect(unzipSync(output())["xl/vbaProject.bin"]).toEqual(vba);
  expect(outWb.workbookRels.filter((r) => r.type.endsWith("/vbaProject"))).toEqual(
    inWb.workbookRels.filter((r) => r.type.endsWith("/vbaProject")),
  );
});

test("the output opens with the project's reader and with ExcelJS, the summary tabs in it", async () => {
  const wb = openWorkbook(output());
  expect(wb.sheets.filter((s) => s.marker).map((s) => s.name)).toEqual(["Vårdgaranti (2)", "Historik", "Datakontroll"]);
  expect(wb.readSheet("Vårdgaranti (2)").values.length).toBeGreaterThan(3);
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(Buffer.from(output()) as unknown as ExcelJS.Buffer);
  expect(excel.worksheets.map((w) => w.name)).toEqual(["Väntande", "Vårdgaranti", "Vårdgaranti (2)", "Historik", "Datakontroll"]);
});

test("a second run on the .xlsm replaces its own earlier output", async () => {
  expect(await cli(["report", input, ...DATE])).toMatchObject({ code: 0, err: [] });
  expect(unzipSync(output())["xl/vbaProject.bin"]).toEqual(vba);
});

test("--out x.xlsm is taken; --out x.xlsx is refused with one line, exit 2, nothing written", async () => {
  expect(await cli(["report", input, "--out", join(dir, "annan.XLSM"), ...DATE])).toMatchObject({ code: 0, err: [] });
  const before = listing(dir);
  for (const lang of ["sv", "en"]) {
    const r = await cli(["report", input, "--out", join(dir, "ut.xlsx"), ...DATE, "--lang", lang]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(
      lang === "sv"
        ? `Indata är en makroaktiverad arbetsbok, så --out måste sluta på .xlsm (en .xlsx med makron öppnar Excel inte): ${join(dir, "ut.xlsx")}`
        : `The input is a macro-enabled workbook, so --out must end in .xlsm (Excel refuses an .xlsx that holds macros): ${join(dir, "ut.xlsx")}`,
    );
  }
  expect(listing(dir)).toEqual(before);
});
