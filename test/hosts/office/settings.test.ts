import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createOfficeHost } from "../../../src/hosts/office";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { readSettingsPart, SETTINGS_NAMESPACE, withSettingsPart } from "../../../src/hosts/xlsx/settingsPart";
import { fixtureWorkbook } from "../../e2e/fixtures";
import { fakeFromXlsx } from "../../fakes/excel";

// The settings document as the task pane saves it (column mapping for a sheet, a stricter limit).
const DOC = {
  version: 1,
  measures: { firstVisit: { limitDays: 60 } },
  sheets: { Väntande: { kind: "waitingList", columns: { unit: "Klinik" } } },
};

test("no settings stored: loadSettings gives null, in one sync", async () => {
  const fake = await fakeFromXlsx(await fixtureWorkbook());
  expect(await createOfficeHost(fake.run).loadSettings()).toBeNull();
  expect(fake.syncCount).toBe(1);
});

test("loadSettings reads back what saveSettings wrote; saving twice keeps one part", async () => {
  const fake = await fakeFromXlsx(await fixtureWorkbook());
  const host = createOfficeHost(fake.run);
  await host.saveSettings({ version: 1 });
  await host.saveSettings(DOC);
  expect(await host.loadSettings()).toEqual(DOC);
  expect(fake.data.customXml).toHaveLength(1);
  // save 2 + save 2 + load 2
  expect(fake.syncCount).toBe(6);
});

test("settings saved by the add-in are read by the CLI: Excel's part, stored as customXml/item1.xml, parses to the same JSON", async () => {
  const input = await fixtureWorkbook();
  const fake = await fakeFromXlsx(input);
  await createOfficeHost(fake.run).saveSettings(DOC);
  const [part] = fake.data.customXml;
  // Save the workbook as Excel would: the part's XML verbatim as a Custom XML item. Build the
  // package with withSettingsPart, then put Excel's XML in the item's place.
  const files = unzipSync(withSettingsPart(openWorkbook(input), { placeholder: true }));
  expect(strFromU8(files["customXml/item1.xml"])).toContain(SETTINGS_NAMESPACE);
  files["customXml/item1.xml"] = strToU8(part.xml);
  expect(readSettingsPart(openWorkbook(zipSync(files)))).toEqual(DOC);
  // And the file format is the add-in's format: the same element around the same JSON.
  expect(strFromU8(unzipSync(withSettingsPart(openWorkbook(input), DOC))["customXml/item1.xml"])).toContain(part.xml);
});

test("settings stored in a file (by the CLI's writer) are loaded by the add-in", async () => {
  const file = withSettingsPart(openWorkbook(await fixtureWorkbook()), DOC);
  const fake = await fakeFromXlsx(file);
  expect(await createOfficeHost(fake.run).loadSettings()).toEqual(DOC);
});

test("a value that is not JSON is refused before the workbook is touched", async () => {
  const fake = await fakeFromXlsx(await fixtureWorkbook());
  await expect(createOfficeHost(fake.run).saveSettings(undefined)).rejects.toThrow(TypeError);
  expect(fake.syncCount).toBe(0);
});
