// Seeding the fake: from in-memory grids (what a host reads), or from an .xlsx through ExcelJS
// (values, number formats, dates as serial numbers, formulas with their cached results, sheet
// visibility, sheet-scoped defined names such as Målkoll's markers, tables, and Custom XML parts).
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { SheetGrid } from "../../../src/model/cells";
import { FakeExcel, parseAddress } from "./api";
import { type StoredValue, WorkbookData } from "./store";
import { DAYS_1900_TO_1904 } from "../../../src/model/days";

const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/** One sheet per grid, cells placed at the grid's origin; null cells stay empty. */
export function fakeFromGrids(grids: readonly SheetGrid[]): FakeExcel {
  const data = new WorkbookData();
  for (const g of grids) {
    const sheet = data.addSheet(g.name);
    const o = g.origin ?? { row: 0, col: 0 };
    g.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = g.formats?.[i]?.[j] ?? undefined;
        if (v !== null && v !== "") sheet.putRaw(o.row + i, o.col + j, v, f);
        else if (f) sheet.setFormat(o.row + i, o.col + j, f);
      }),
    );
  }
  return new FakeExcel(data);
}

type ExcelJsValue = ExcelJS.CellValue;

/** A cell's value as Excel holds it; a date as a serial of the workbook's system (1904: 1,462 days smaller). */
function storedOf(v: ExcelJsValue, date1904 = false): StoredValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EPOCH_1899_12_30) / 86400000 - (date1904 ? DAYS_1900_TO_1904 : 0);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return String(v.error);
    if ("result" in v) return storedOf((v as { result?: ExcelJsValue }).result ?? null, date1904);
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return undefined;
}

/** The package's defined names (sheetIndex -1: workbook scope) and Custom XML parts, which ExcelJS does not model. */
function packageExtras(bytes: Uint8Array): {
  names: { sheetIndex: number; name: string; formula: string; hidden: boolean }[];
  customXml: string[];
} {
  const files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" || /^customXml\/item\d+\.xml$/i.test(f.name) });
  const wb = files["xl/workbook.xml"] ? strFromU8(files["xl/workbook.xml"]) : "";
  const names = [...wb.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].flatMap((m) => {
    const attr = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(m[1])?.[1];
    const local = attr("localSheetId");
    const unescape = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&");
    return [
      {
        sheetIndex: local === undefined ? -1 : Number(local),
        name: unescape(attr("name") ?? ""),
        formula: "=" + unescape(m[2]),
        hidden: attr("hidden") === "1" || attr("hidden") === "true",
      },
    ];
  });
  const customXml = Object.keys(files)
    .filter((k) => k.startsWith("customXml/"))
    .sort()
    .map((k) => strFromU8(files[k]));
  return { names, customXml };
}

export async function fakeFromXlsx(bytes: Uint8Array): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const data = new WorkbookData();
  // ExcelJS reads a 1904 workbook's dates as Dates (it knows the system); Excel holds them as 1904 serials.
  data.date1904 = wb.properties.date1904 === true;
  // ExcelJS's worksheets are in workbook order (its orderNo), which localSheetId indexes.
  const sheets = [...wb.worksheets].sort(
    (a, b) => (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo,
  );
  for (const ws of sheets) {
    const sheet = data.addSheet(ws.name);
    sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = storedOf(cell.value, data.date1904);
        const fmt = cell.numFmt || undefined;
        const formula = cell.formula ? `=${cell.formula}` : undefined;
        if (v !== undefined || fmt !== undefined) sheet.putRaw(r - 1, c - 1, v, fmt, formula);
      });
    });
    // ExcelJS 4.4 keeps a table it read in table.table (its model).
    for (const t of ws.getTables() as unknown as {
      table: { name: string; tableRef: string; columns: { name: string }[]; style?: { theme?: string } };
    }[]) {
      const { name, tableRef, columns, style } = t.table;
      sheet.tables.push({
        id: data.newId(),
        name,
        rect: parseAddress(tableRef),
        style: style?.theme ?? "",
        columns: columns.map((c) => c.name),
      });
    }
    (ws.columns ?? []).forEach((col, c) => {
      // ExcelJS reports widths in characters; the fake keeps points, as Office.js does.
      if (col && col.width !== undefined && (col as { customWidth?: boolean }).customWidth !== false)
        sheet.columnWidths.set(c, Math.round(col.width * 7) * 0.75);
    });
  }
  const extras = packageExtras(bytes);
  for (const n of extras.names) {
    const scope = n.sheetIndex < 0 ? data : data.sheets[n.sheetIndex];
    if (scope) scope.names.set(n.name.toLowerCase(), { name: n.name, formula: n.formula, visible: !n.hidden });
  }
  for (const xml of extras.customXml) data.customXml.push({ id: data.newId(), xml });
  return new FakeExcel(data);
}
