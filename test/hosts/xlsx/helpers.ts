// Fixture builders for the .xlsx adapter tests: ExcelJS (the independent writer/reader) and
// hand-assembled packages for what ExcelJS does not write (inline strings, cells without r, t="d" …).
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export async function excelBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function unzipText(bytes: Uint8Array, name: string): string {
  const f = unzipSync(bytes, { filter: (e) => e.name === name })[name];
  if (!f) throw new Error(`no ${name} in package`);
  return strFromU8(f);
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) z[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(z);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  xml: string;
  state?: string;
}

/** A minimal package from hand-written parts. */
export function handXlsx(opts: {
  sheets: HandSheet[];
  sharedStrings?: string;
  styles?: string;
  workbookExtra?: string;
  workbookPr?: string;
  definedNames?: string;
}): Uint8Array {
  const parts: Record<string, string> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  opts.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  });
  if (opts.sharedStrings !== undefined) {
    parts["xl/sharedStrings.xml"] = opts.sharedStrings;
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
    rels.push(`<Relationship Id="rId100" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (opts.styles !== undefined) {
    parts["xl/styles.xml"] = opts.styles;
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    );
    rels.push(`<Relationship Id="rId101" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.workbookPr ?? ""}<sheets>` +
    opts.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
      .join("") +
    `</sheets>${opts.definedNames ?? ""}${opts.workbookExtra ?? ""}</workbook>`;
  return zipParts(parts);
}

export function sheetXml(sheetData: string, prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>`;
}
