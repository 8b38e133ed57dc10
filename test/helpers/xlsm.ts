// A macro-enabled workbook (.xlsm) for the tests: ExcelJS cannot write macros, so an ExcelJS .xlsx
// gets what Excel adds when it saves one: a VBA project part (xl/vbaProject.bin, here bytes that only
// have to come back unchanged), the workbook's relationship to it, its content type, and the
// workbook part's macro-enabled content type.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const CT_MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const CT_PLAIN_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

/** Stand-in bytes for a VBA project: an OLE signature and a run that compresses, then noise that does not. */
export function vbaProjectBytes(): Uint8Array {
  const b = new Uint8Array(6000);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let x = 12345;
  for (let i = 3000; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** The .xlsx as an .xlsm holding `vba` as its VBA project. */
export function withMacros(xlsx: Uint8Array, vba: Uint8Array = vbaProjectBytes()): Uint8Array {
  const parts: Record<string, Uint8Array> = unzipSync(xlsx);
  const ct = strFromU8(parts["[Content_Types].xml"]);
  if (!ct.includes(CT_PLAIN_WORKBOOK)) throw new Error("no plain workbook content type to replace");
  parts["[Content_Types].xml"] = strToU8(
    ct
      .replace(CT_PLAIN_WORKBOOK, CT_MACRO_WORKBOOK)
      .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  parts["xl/_rels/workbook.xml.rels"] = strToU8(
    rels.replace("</Relationships>", `<Relationship Id="rIdVba1" Type="${REL_VBA}" Target="vbaProject.bin"/></Relationships>`),
  );
  parts["xl/vbaProject.bin"] = vba;
  return zipSync(parts);
}
