import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { readSettingsPart, SETTINGS_NAMESPACE, SettingsPartError, withSettingsPart } from "../../../src/hosts/xlsx/settingsPart";
import { settingsToXml } from "../../../src/hosts/ooxml/settingsXml";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { excelBytes, handXlsx, sheetXml, zipParts } from "./helpers";
import { planNotes } from "../../helpers/plans";

const DOC = {
  version: 1,
  measures: { firstVisit: { limitDays: 60, target: 0.9 } },
  sheets: { "Uttag <jan> & feb": { kind: "waitingList" } },
};

async function plainWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Väntande").addRow(["Klinik", "Beslutsdatum"]);
  return excelBytes(wb);
}

test("a workbook without settings reads as null", async () => {
  expect(readSettingsPart(openWorkbook(await plainWorkbook()))).toBeNull();
});

test("settings added to a package read back as the same JSON, & and < included", async () => {
  const bytes = withSettingsPart(openWorkbook(await plainWorkbook()), DOC, { itemId: "{11111111-2222-4333-8444-555555555555}" });
  expect(readSettingsPart(openWorkbook(bytes))).toEqual(DOC);
});

test("the part is where Excel keeps Custom XML: item, itemProps with the GUID, its rels, a workbook relationship, content types", async () => {
  const bytes = withSettingsPart(openWorkbook(await plainWorkbook()), DOC, { itemId: "{11111111-2222-4333-8444-555555555555}" });
  const files = unzipSync(bytes);
  const text = (n: string) => strFromU8(files[n]);
  expect(text("customXml/item1.xml")).toContain(`<settings xmlns="${SETTINGS_NAMESPACE}">`);
  expect(text("customXml/item1.xml")).toContain("Uttag &lt;jan&gt; &amp; feb");
  expect(text("customXml/itemProps1.xml")).toContain('ds:itemID="{11111111-2222-4333-8444-555555555555}"');
  expect(text("customXml/_rels/item1.xml.rels")).toContain(
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"',
  );
  expect(text("xl/_rels/workbook.xml.rels")).toMatch(
    /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/customXml" Target="..\/customXml\/item1.xml"/,
  );
  expect(text("[Content_Types].xml")).toContain(
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
  );
  // ExcelJS (an independent reader) still opens it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(wb.getWorksheet("Väntande")!.getCell("A1").value).toBe("Klinik");
});

test("every other part is kept byte for byte; only the workbook rels and content types change", async () => {
  const input = await plainWorkbook();
  const before = unzipSync(input);
  const after = unzipSync(withSettingsPart(openWorkbook(input), DOC));
  const changed = Object.keys(before).filter((k) => Buffer.compare(Buffer.from(before[k]), Buffer.from(after[k])) !== 0);
  expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]);
  expect(
    Object.keys(after)
      .filter((k) => !(k in before))
      .sort(),
  ).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
});

test("saving again replaces the part (one part, the GUID kept) instead of adding a second", async () => {
  const once = withSettingsPart(openWorkbook(await plainWorkbook()), DOC, { itemId: "{11111111-2222-4333-8444-555555555555}" });
  const twice = withSettingsPart(openWorkbook(once), { version: 1, requireGuarantee: false });
  const files = unzipSync(twice);
  expect(
    Object.keys(files)
      .filter((k) => k.startsWith("customXml/"))
      .sort(),
  ).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
  expect(strFromU8(files["customXml/itemProps1.xml"])).toContain("{11111111-2222-4333-8444-555555555555}");
  expect(readSettingsPart(openWorkbook(twice))).toEqual({ version: 1, requireGuarantee: false });
  expect(strFromU8(files["xl/_rels/workbook.xml.rels"]).match(/customXml"/g)).toHaveLength(1);
});

test("another add-in's Custom XML part is left alone and not mistaken for ours", async () => {
  const other = '<?xml version="1.0"?><root xmlns="urn:someone:else"><settings>{"version": 2}</settings></root>';
  const base = await plainWorkbook();
  const withOther = zipParts({ ...Object.fromEntries(Object.entries(unzipSync(base))), "customXml/item1.xml": other });
  // Relate it from the workbook, as Excel does.
  const files = unzipSync(withOther);
  files["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
    strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  const wb = openWorkbook(zipParts(files));
  expect(readSettingsPart(wb)).toBeNull();
  const saved = unzipSync(withSettingsPart(wb, DOC));
  expect(strFromU8(saved["customXml/item1.xml"])).toBe(other);
  expect(strFromU8(saved["customXml/item2.xml"])).toContain(SETTINGS_NAMESPACE);
  expect(readSettingsPart(openWorkbook(withSettingsPart(wb, DOC)))).toEqual(DOC);
});

test("the settings part survives the CLI writing its tabs, and a prefixed root element reads too", () => {
  const prefixed = `<m:settings xmlns:m="${SETTINGS_NAMESPACE}"><![CDATA[{"version":1,"showMeanOfUnits":false}]]></m:settings>`;
  const wb = openWorkbook(handXlsx({ sheets: [{ name: "A", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] }));
  const files = unzipSync(withSettingsPart(wb, DOC));
  files["customXml/item1.xml"] = new TextEncoder().encode(prefixed);
  const withPrefixed = openWorkbook(zipParts(files));
  expect(readSettingsPart(withPrefixed)).toEqual({ version: 1, showMeanOfUnits: false });
  const plan = {
    name: "Vårdgaranti",
    marker: "malkoll:careGuarantee",
    cells: [["x"]],
    numberFormats: [],
    fills: [],
    fonts: [],
    columnWidths: [],
    charts: [],
    ...planNotes("Vårdgaranti"),
  };
  expect(readSettingsPart(openWorkbook(writeSummaryTabs(withPrefixed, [plan]).bytes))).toEqual({ version: 1, showMeanOfUnits: false });
});

test("a part of ours that is not valid JSON is an error that says so, not silently the defaults", () => {
  const wb = openWorkbook(handXlsx({ sheets: [{ name: "A", xml: sheetXml("") }] }));
  const files = unzipSync(withSettingsPart(wb, DOC));
  files["customXml/item1.xml"] = new TextEncoder().encode(`<settings xmlns="${SETTINGS_NAMESPACE}">{"version": 1,</settings>`);
  expect(() => readSettingsPart(openWorkbook(zipParts(files)))).toThrow(SettingsPartError);
});

test("the XML is the document's JSON, escaped", () => {
  expect(settingsToXml({ a: "<&>" })).toBe(`<settings xmlns="${SETTINGS_NAMESPACE}">{"a":"&lt;&amp;&gt;"}</settings>`);
});

test("two copies of our part (e.g. from two writers) become one on save", async () => {
  const files = unzipSync(withSettingsPart(openWorkbook(await plainWorkbook()), DOC));
  const enc = (s: string) => new TextEncoder().encode(s);
  files["customXml/item2.xml"] = files["customXml/item1.xml"];
  files["customXml/itemProps2.xml"] = files["customXml/itemProps1.xml"];
  files["customXml/_rels/item2.xml.rels"] = enc(strFromU8(files["customXml/_rels/item1.xml.rels"]).replace("itemProps1", "itemProps2"));
  files["xl/_rels/workbook.xml.rels"] = enc(
    strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item2.xml"/></Relationships>',
    ),
  );
  files["[Content_Types].xml"] = enc(
    strFromU8(files["[Content_Types].xml"]).replace(
      "</Types>",
      '<Override PartName="/customXml/itemProps2.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
    ),
  );
  const saved = unzipSync(withSettingsPart(openWorkbook(zipParts(files)), { version: 1 }));
  expect(
    Object.keys(saved)
      .filter((k) => k.startsWith("customXml/"))
      .sort(),
  ).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
  expect(strFromU8(saved["xl/_rels/workbook.xml.rels"])).not.toContain("item2.xml");
  expect(strFromU8(saved["[Content_Types].xml"])).not.toContain("itemProps2");
  expect(readSettingsPart(openWorkbook(zipParts(saved)))).toEqual({ version: 1 });
});
