// The package's content types as the writer needs them: a package without them is refused when it
// is opened, and a macro-enabled workbook (.xlsm) keeps its kind and its macros through a write.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { isMacroEnabled, packageProblem, workbookContentType, CT_WORKBOOK } from "../../../src/hosts/xlsx/contentTypes";
import { createFileHost } from "../../../src/hosts/xlsx/fileHost";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { XlsxError } from "../../../src/hosts/xlsx/errors";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { carePlan } from "../../helpers/plans";
import { CT_MACRO_WORKBOOK, vbaProjectBytes, withMacros } from "../../helpers/xlsm";
import { excelBytes, loadExcel, zipParts } from "./helpers";

async function plainXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Data").addRow(["Enhet", "Antal"]);
  return excelBytes(wb);
}

function without(bytes: Uint8Array, part: string): Uint8Array {
  const parts: Record<string, Uint8Array> = unzipSync(bytes);
  delete parts[part];
  return zipParts(parts);
}

test("a plain workbook is not macro-enabled; its workbook part's type comes from its Override", async () => {
  const wb = openWorkbook(await plainXlsx());
  expect(workbookContentType(wb)).toBe(CT_WORKBOOK);
  expect(isMacroEnabled(wb)).toBe(false);
  expect(packageProblem(wb)).toBeNull();
});

test("an .xlsm is macro-enabled, also when only a Default names the workbook part's type", async () => {
  const xlsm = withMacros(await plainXlsx());
  expect(isMacroEnabled(openWorkbook(xlsm))).toBe(true);
  const parts = unzipSync(xlsm);
  const ct = strFromU8(parts["[Content_Types].xml"])
    .replace(/<Override PartName="\/xl\/workbook.xml"[^>]*\/>/, "")
    .replace('<Default Extension="xml" ContentType="application/xml"/>', `<Default Extension="xml" ContentType="${CT_MACRO_WORKBOOK}"/>`);
  expect(isMacroEnabled(openWorkbook(zipParts({ ...parts, "[Content_Types].xml": ct })))).toBe(true);
});

test("a package without [Content_Types].xml or the workbook's relationships is refused when it is opened", async () => {
  const xlsx = await plainXlsx();
  const noTypes = without(xlsx, "[Content_Types].xml");
  // The reader itself refuses it (package rules); the file host says the same.
  expect(() => openWorkbook(noTypes)).toThrow(/\(\[Content_Types\]\.xml saknas\)$/);
  expect(packageProblem(openWorkbook(without(xlsx, "xl/_rels/workbook.xml.rels")))).toBe("xl/_rels/workbook.xml.rels saknas");
  expect(() => createFileHost(noTypes)).toThrow(XlsxError);
  expect(() => createFileHost(noTypes)).toThrow(/skadad.*\(\[Content_Types\]\.xml saknas\)$/);
  expect(() => createFileHost(without(xlsx, "xl/_rels/workbook.xml.rels"))).toThrow(/xl\/_rels\/workbook\.xml\.rels saknas/);
});

test("writing tabs into an .xlsm keeps the macro-enabled type, the VBA project byte for byte and its relationship", async () => {
  const vba = vbaProjectBytes();
  const input = withMacros(await plainXlsx(), vba);
  const host = createFileHost(input);
  expect(host.macroEnabled).toBe(true);
  await host.writePlans([carePlan()]);
  const out = host.bytes;
  expect(host.macroEnabled).toBe(true);

  const wbIn = openWorkbook(input);
  const wbOut = openWorkbook(out);
  expect(workbookContentType(wbOut)).toBe(CT_MACRO_WORKBOOK);
  // The part is copied with its raw compressed bytes, not re-deflated.
  expect(wbOut.entry("xl/vbaProject.bin")!.raw).toEqual(wbIn.entry("xl/vbaProject.bin")!.raw);
  expect(unzipSync(out)["xl/vbaProject.bin"]).toEqual(vba);
  expect(wbOut.workbookRels.find((r) => r.type.endsWith("/vbaProject"))?.part).toBe("xl/vbaProject.bin");
  expect(strFromU8(unzipSync(out)["[Content_Types].xml"])).toContain(
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
  );
  expect(wbOut.sheets.map((s) => s.name)).toEqual(["Data", "Vårdgaranti"]);
  expect((await loadExcel(out)).worksheets.map((w) => w.name)).toEqual(["Data", "Vårdgaranti"]);
});

test("writeSummaryTabs itself refuses a package without the workbook's relationships with the reader's error, not a bare Error", async () => {
  const wb = openWorkbook(without(await plainXlsx(), "xl/_rels/workbook.xml.rels"));
  expect(() => writeSummaryTabs(wb, [carePlan()])).toThrow(XlsxError);
});
