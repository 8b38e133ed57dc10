import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { columnNames, prepareTables, uniqueTableName, validTableName } from "../../../src/hosts/ooxml/tableRules";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { readZip } from "../../../src/hosts/xlsx/zip";
import { excelBytes, handXlsx, loadExcel, sheetXml, unzipAll } from "./helpers";
import { historyPlan } from "../../helpers/plans";

const CHANGED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** A user's workbook from ExcelJS: a data sheet, optionally with the user's own table named `tableName`. */
async function userWorkbook(tableName?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  data.getCell("A1").value = "Enhet";
  data.getCell("A2").value = "Ögon";
  if (tableName)
    data.addTable({
      name: tableName,
      ref: "C1",
      headerRow: true,
      columns: [{ name: "Kod" }, { name: "Namn" }],
      rows: [
        [1, "Ögon"],
        [2, "Kirurgi"],
      ],
    });
  return excelBytes(wb);
}

interface TableInfo {
  name: string;
  ref: string;
  columns: string[];
  style: string | undefined;
  headerRow: boolean;
}

/** The tables of a sheet as ExcelJS reads them back. */
function tablesOf(ws: ExcelJS.Worksheet): TableInfo[] {
  // ExcelJS 4.4 keeps what it read in table.table (its model).
  return (
    ws.getTables() as unknown as {
      table: { name: string; tableRef: string; columns: { name: string }[]; style?: { theme?: string }; headerRow: boolean };
    }[]
  ).map(({ table }) => ({
    name: table.name,
    ref: table.tableRef,
    columns: table.columns.map((c) => c.name),
    style: table.style?.theme,
    headerRow: table.headerRow,
  }));
}

const tableParts = (parts: Record<string, Uint8Array>) =>
  Object.keys(parts)
    .filter((k) => /^xl\/tables\/[^/]+\.xml$/.test(k))
    .sort();
const attr = (xml: string, name: string) => new RegExp(`<table\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

describe("a plan's table in the .xlsx", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let excel: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await userWorkbook();
    output = writeSummaryTabs(openWorkbook(input), [historyPlan()]).bytes;
    excel = await loadExcel(output);
  });

  it("reads back with ExcelJS as a table: name, ref, header row, column names, style", () => {
    expect(tablesOf(excel.getWorksheet("Historik")!)).toEqual([
      { name: "Malkoll_Historik", ref: "A2:D5", columns: ["Datum", "Mått", "Enhet", "Andel"], style: "TableStyleLight9", headerRow: true },
    ]);
  });

  it("keeps the cells, formats and the title row outside the table", () => {
    const ws = excel.getWorksheet("Historik")!;
    expect(ws.getCell("A1").value).toBe("Historik – vårdgaranti");
    expect(["A2", "B2", "C2", "D2"].map((a) => ws.getCell(a).value)).toEqual(["Datum", "Mått", "Enhet", "Andel"]);
    expect(ws.getCell("D3").value).toBe(0.706);
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
  });

  it("writes the table part, the sheet's rels with a table relationship, <tableParts> last, the content type", () => {
    const parts = unzipAll(output);
    expect(tableParts(parts)).toEqual(["xl/tables/table1.xml"]);
    const table = strFromU8(parts["xl/tables/table1.xml"]);
    expect(table).toContain(
      '<autoFilter ref="A2:D5"/><tableColumns count="4"><tableColumn id="1" name="Datum"/><tableColumn id="2" name="Mått"/>',
    );
    expect(table).toContain(
      '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
    );
    const sheetPath = "xl/worksheets/sheet2.xml";
    expect(strFromU8(parts[sheetPath])).toMatch(
      /<pageMargins [^>]*\/><tableParts count="1"><tablePart r:id="rId1"\/><\/tableParts><\/worksheet>$/,
    );
    expect(strFromU8(parts["xl/worksheets/_rels/sheet2.xml.rels"])).toContain(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>',
    );
    expect(strFromU8(parts["[Content_Types].xml"])).toContain(`<Override PartName="/xl/tables/table1.xml" ContentType="${CT_TABLE}"/>`);
  });

  it("copies every part of the input but the four it edits byte for byte, raw compressed bytes too, and only adds parts", async () => {
    // A user's workbook with a table of its own: its table part and the sheet's rels are kept as they are.
    const withTable = await userWorkbook("Koder");
    const out = writeSummaryTabs(openWorkbook(withTable), [historyPlan()]).bytes;
    const after = new Map(readZip(out).map((e) => [e.name, e]));
    for (const e of readZip(withTable)) {
      if (CHANGED.includes(e.name)) continue;
      const o = after.get(e.name);
      expect([e.name, o?.crc32, o !== undefined && bytesEqual(o.raw, e.raw)]).toEqual([e.name, e.crc32, true]);
    }
    const added = [...after.keys()].filter((n) => !readZip(withTable).some((e) => e.name === n));
    expect(added.sort()).toEqual(["xl/tables/table2.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/sheet2.xml"]);
  });

  it("a second run over the output replaces the table: one table part, same name, no orphan rels or content types", async () => {
    const second = writeSummaryTabs(openWorkbook(output), [historyPlan()]);
    expect(second.written[0]).toMatchObject({ sheetName: "Historik", replaced: true });
    const parts = unzipAll(second.bytes);
    expect(tableParts(parts)).toEqual(["xl/tables/table1.xml"]);
    const ct = strFromU8(parts["[Content_Types].xml"]);
    expect(ct.match(/\/xl\/tables\//g)).toHaveLength(1);
    const rels = Object.keys(parts).filter((k) => /_rels\/sheet\d+\.xml\.rels$/.test(k));
    expect(rels).toEqual(["xl/worksheets/_rels/sheet2.xml.rels"]);
    const back = await loadExcel(second.bytes);
    expect(tablesOf(back.getWorksheet("Historik")!).map((t) => [t.name, t.ref])).toEqual([["Malkoll_Historik", "A2:D5"]]);
  });

  it("a later run that writes the tab without a table leaves no table part behind", () => {
    const second = writeSummaryTabs(openWorkbook(output), [historyPlan({ tables: [] })]);
    const parts = unzipAll(second.bytes);
    expect(tableParts(parts)).toEqual([]);
    expect(strFromU8(parts["[Content_Types].xml"])).not.toContain("/xl/tables/");
    expect(strFromU8(parts["xl/worksheets/sheet2.xml"])).not.toContain("tableParts");
  });
});

describe("table names and ids in a workbook that has tables", () => {
  it("the user's table keeps its name and part; ours is suffixed and takes a free part and id", async () => {
    const input = await userWorkbook("Malkoll_Historik");
    const before = unzipAll(input);
    expect(tableParts(before)).toEqual(["xl/tables/table1.xml"]);
    const { bytes } = writeSummaryTabs(openWorkbook(input), [historyPlan()]);
    const after = unzipAll(bytes);
    expect(bytesEqual(after["xl/tables/table1.xml"], before["xl/tables/table1.xml"])).toBe(true);
    expect(tableParts(after)).toEqual(["xl/tables/table1.xml", "xl/tables/table2.xml"]);
    const ids = tableParts(after).map((p) => attr(strFromU8(after[p]), "id"));
    expect(new Set(ids).size).toBe(2);
    const excel = await loadExcel(bytes);
    expect(tablesOf(excel.getWorksheet("Data")!).map((t) => t.name)).toEqual(["Malkoll_Historik"]);
    expect(tablesOf(excel.getWorksheet("Historik")!).map((t) => t.name)).toEqual(["Malkoll_Historik2"]);
  });

  it("the suffixed name is stable over runs: the second run does not make it Malkoll_Historik3", () => {
    const first = writeSummaryTabs(openWorkbook(handXlsxWithTable("MALKOLL_HISTORIK")), [historyPlan()]).bytes;
    const second = writeSummaryTabs(openWorkbook(first), [historyPlan()]).bytes;
    const parts = unzipAll(second);
    const names = tableParts(parts).map((p) => attr(strFromU8(parts[p]), "name"));
    // the user's name differs from ours only in case: Excel compares names ignoring case
    expect(names.sort()).toEqual(["MALKOLL_HISTORIK", "Malkoll_Historik2"]);
  });

  it("a defined name the user has counts as taken too", () => {
    const input = handXlsx({
      sheets: [{ name: "Data", xml: sheetXml("") }],
      definedNames: '<definedNames><definedName name="Malkoll_Historik">Data!$A$1</definedName></definedNames>',
    });
    const parts = unzipAll(writeSummaryTabs(openWorkbook(input), [historyPlan()]).bytes);
    expect(attr(strFromU8(parts["xl/tables/table1.xml"]), "name")).toBe("Malkoll_Historik2");
  });

  it("two tables with one name in a run: the second is suffixed", () => {
    const plans = [historyPlan(), historyPlan({ name: "Historik indikatorer", marker: "malkoll:historyIndicators" })];
    const parts = unzipAll(writeSummaryTabs(openWorkbook(handXlsx({ sheets: [{ name: "Data", xml: sheetXml("") }] })), plans).bytes);
    expect(tableParts(parts).map((p) => [attr(strFromU8(parts[p]), "id"), attr(strFromU8(parts[p]), "name")])).toEqual([
      ["1", "Malkoll_Historik"],
      ["2", "Malkoll_Historik2"],
    ]);
  });
});

/** A hand-made package whose sheet "Data" has a table part named `name` (id 7) at xl/tables/table1.xml. */
function handXlsxWithTable(name: string): Uint8Array {
  const parts = unzipSync(
    handXlsx({
      sheets: [
        {
          name: "Data",
          xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Kod</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>'),
        },
      ],
    }),
  );
  parts["xl/worksheets/sheet1.xml"] = strToU8(
    strFromU8(parts["xl/worksheets/sheet1.xml"]).replace(
      "</worksheet>",
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
    ),
  );
  parts["xl/worksheets/_rels/sheet1.xml.rels"] = strToU8(
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
  );
  parts["xl/tables/table1.xml"] = strToU8(
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="7" name="${name}" displayName="${name}" ref="A1:A2"><autoFilter ref="A1:A2"/><tableColumns count="1"><tableColumn id="1" name="Kod"/></tableColumns></table>`,
  );
  parts["[Content_Types].xml"] = strToU8(
    strFromU8(parts["[Content_Types].xml"]).replace(
      "</Types>",
      `<Override PartName="/xl/tables/table1.xml" ContentType="${CT_TABLE}"/></Types>`,
    ),
  );
  return zipSync(parts);
}

describe("header cells and column names", () => {
  it("repeated and empty headers become unique names, and the header cells hold exactly those names", async () => {
    const plan = historyPlan({
      cells: [["Titel"], ["Andel", "andel", null, 2024, "Rad\nbrytning"], [0.5, 0.6, 1, 2, 3]],
      numberFormats: [],
      tables: [{ name: "Malkoll_Historik", range: [1, 0, 2, 4], style: "TableStyleMedium2" }],
    });
    const excel = await loadExcel(writeSummaryTabs(openWorkbook(await userWorkbook()), [plan]).bytes);
    const ws = excel.getWorksheet("Historik")!;
    const names = ["Andel", "andel2", "Kolumn3", "2024", "Rad brytning"];
    expect(tablesOf(ws)[0].columns).toEqual(names);
    expect(["A2", "B2", "C2", "D2", "E2"].map((a) => ws.getCell(a).value)).toEqual(names);
  });

  it("a header alone gets one empty data row, as Excel makes it", () => {
    const plan = historyPlan({
      cells: [["Titel"], ["Datum", "Andel"]],
      numberFormats: [],
      tables: [{ name: "Malkoll_Historik", range: [1, 0, 1, 1], style: "TableStyleLight9" }],
    });
    const parts = unzipAll(writeSummaryTabs(openWorkbook(handXlsx({ sheets: [{ name: "Data", xml: sheetXml("") }] })), [plan]).bytes);
    expect(attr(strFromU8(parts["xl/tables/table1.xml"]), "ref")).toBe("A2:B3");
  });

  it("a table wider than the planned cells gets its header cells written", () => {
    const { plan, tables } = prepareTables(
      historyPlan({ cells: [["Titel"]], tables: [{ name: "T", range: [2, 1, 3, 2], style: "TableStyleLight1" }] }),
    );
    expect(plan.cells).toEqual([
      ["Titel", null, null],
      [null, null, null],
      [null, "Kolumn1", "Kolumn2"],
    ]);
    expect(tables[0]).toMatchObject({ name: "T", range: [2, 1, 3, 2], columns: ["Kolumn1", "Kolumn2"] });
  });

  it("rejects overlapping tables, a range off the sheet and a style that is not built in", () => {
    expect(() =>
      prepareTables(
        historyPlan({
          tables: [
            { name: "A_", range: [1, 0, 4, 1], style: "TableStyleLight9" },
            { name: "B_", range: [3, 1, 5, 2], style: "TableStyleLight9" },
          ],
        }),
      ),
    ).toThrow(/överlappar/);
    expect(() => prepareTables(historyPlan({ tables: [{ name: "A_", range: [1, 0, 4, 16384], style: "TableStyleLight9" }] }))).toThrow(
      /ogiltigt område/,
    );
    expect(() => prepareTables(historyPlan({ tables: [{ name: "A_", range: [1, 0, 4, 1], style: "TableStyleLight22" }] }))).toThrow(
      /tabellformat/,
    );
  });
});

describe("table name rules", () => {
  it("names become valid: no spaces or signs, never a cell reference, never starting with a digit", () => {
    expect(validTableName("Malkoll_Historik")).toBe("Malkoll_Historik");
    expect(validTableName("Min tabell-2024")).toBe("Min_tabell_2024");
    expect(validTableName("Öppet.läge")).toBe("Öppet.läge");
    expect(["A1", "XFD1048576", "R1C1", "r", "C", "2024"].map(validTableName)).toEqual([
      "_A1",
      "_XFD1048576",
      "_R1C1",
      "_r",
      "_C",
      "_2024",
    ]);
  });

  it("a taken name gets the first free number, comparing ignoring case, skipping cell references", () => {
    expect(uniqueTableName("Malkoll_Historik", new Set(["malkoll_historik", "malkoll_historik2"]))).toBe("Malkoll_Historik3");
    expect(uniqueTableName("Malkoll_Historik", new Set(["annan"]))).toBe("Malkoll_Historik");
    // "AB" + "2" would be the cell AB2, and so would every number after it
    expect(uniqueTableName("AB", new Set(["ab"]))).toBe("AB_2");
    expect(uniqueTableName("AB_", new Set(["ab_"]))).toBe("AB_2");
  });

  it("column names: 255 characters at most, suffixes kept inside the limit", () => {
    const long = "x".repeat(300);
    const names = columnNames([long, long]);
    expect(names.map((n) => n.length)).toEqual([255, 255]);
    expect(names[1].endsWith("2")).toBe(true);
  });
});
