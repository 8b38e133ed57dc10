/** @jest-environment jsdom */
// Structural checks the XSD cannot make (the XSD check itself runs in .ci/run with xmllint).
// jsdom's DOMParser reads the XML; nothing here reads ../shared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXCEL_API_VERSION, RUN_FUNCTION } from "../../src/app/requirements";

const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (local: string): Element[] => Array.from(doc.getElementsByTagNameNS("*", local));
const one = (local: string): Element => {
  const found = all(local);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0];
};
/** A direct child of <OfficeApp> (Description and SourceLocation also occur inside VersionOverrides). */
const top = (local: string): Element => {
  const found = Array.from(doc.documentElement.children).find((e) => e.localName === local);
  if (!found) throw new Error(`no <${local}> under <OfficeApp>`);
  return found;
};
const resource = (id: string): Element | undefined => all("Resources")[0].querySelector(`[id="${id}"]`) ?? undefined;
const stringOf = (resid: string | null): string => resource(resid ?? "")?.getAttribute("DefaultValue") ?? "";

test("the manifest is well-formed XML", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
});

test("a task pane add-in for workbooks that may write the document, Swedish by default", () => {
  expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one("Id").textContent).toBe("472e9bf4-4568-4f45-ab35-418ce1045af1"); // stable: Office keys settings and trust on it
  expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  expect(one("DefaultLocale").textContent).toBe("sv-SE");
});

test("it requires the ExcelApi set the code checks for", () => {
  const set = all("Set").find((s) => s.getAttribute("Name") === "ExcelApi");
  expect(set?.getAttribute("MinVersion")).toBe(EXCEL_API_VERSION);
});

test("every id is unique", () => {
  const ids = Array.from(doc.querySelectorAll("[id]")).map((e) => e.getAttribute("id"));
  expect(ids.length).toBeGreaterThan(10);
  expect(new Set(ids).size).toBe(ids.length);
});

test("every resid points at a resource that exists", () => {
  const resids = Array.from(doc.querySelectorAll("[resid]")).map((e) => e.getAttribute("resid") ?? "");
  expect(resids.length).toBeGreaterThan(10);
  for (const id of resids) expect({ id, found: resource(id) !== undefined }).toEqual({ id, found: true });
});

test("every resource id is used, and short enough for Office (≤ 32 characters)", () => {
  const used = new Set(Array.from(doc.querySelectorAll("[resid]")).map((e) => e.getAttribute("resid")));
  for (const r of Array.from(all("Resources")[0].querySelectorAll("[id]"))) {
    expect({ id: r.id, used: used.has(r.id) }).toEqual({ id: r.id, used: true });
    expect(r.id.length).toBeLessThanOrEqual(32);
  }
});

test("every URL is https", () => {
  const urls = [
    ...all("IconUrl"),
    ...all("HighResolutionIconUrl"),
    ...all("SupportUrl"),
    ...all("SourceLocation"),
    ...all("Image"),
    ...all("Url"),
  ]
    .map((e) => e.getAttribute("DefaultValue"))
    .filter((u): u is string => u !== null);
  expect(urls.length).toBeGreaterThan(6);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test("every icon it names is in assets/ with the size it claims", () => {
  const images = all("Image").filter((e) => e.getAttribute("DefaultValue"));
  const icons = [...images, one("IconUrl"), one("HighResolutionIconUrl")].map((e) => e.getAttribute("DefaultValue") ?? "");
  for (const url of icons) {
    const [, file, size] = /\/assets\/(icon-(\d+)\.png)$/.exec(url) ?? [];
    expect(file).toBeDefined();
    const png = readFileSync(join(ROOT, "assets", file));
    // PNG IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
  }
  for (const size of [16, 32, 64, 80, 128])
    expect(
      readFileSync(join(ROOT, "assets", `icon-${size}.png`))
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
});

test("a Målkoll group on the Home tab holds Beräkna (runs the command) and Öppna Målkoll (opens the pane)", () => {
  const tab = one("OfficeTab");
  expect(tab.getAttribute("id")).toBe("TabHome");
  const group = tab.querySelector("Group");
  expect(stringOf(group?.querySelector(":scope > Label")?.getAttribute("resid") ?? null)).toBe("Målkoll");
  const buttons = Array.from(group?.querySelectorAll("Control") ?? []).map((c) => ({
    label: stringOf(c.querySelector(":scope > Label")?.getAttribute("resid") ?? null),
    action: c.querySelector("Action")?.getAttribute("xsi:type"),
  }));
  expect(buttons).toEqual([
    { label: "Beräkna", action: "ExecuteFunction" },
    { label: "Öppna Målkoll", action: "ShowTaskpane" },
  ]);
  expect(one("FunctionName").textContent).toBe(RUN_FUNCTION);
  expect(stringOf(one("FunctionFile").getAttribute("resid"))).toMatch(/\/commands\.html$/);
  expect(stringOf(one("TaskpaneId").nextElementSibling?.getAttribute("resid") ?? null)).toMatch(/\/taskpane\.html$/);
  expect(top("DefaultSettings").firstElementChild?.getAttribute("DefaultValue")).toMatch(/\/taskpane\.html$/);
});

test("every user-visible string has an en-US override", () => {
  const texts = [top("DisplayName"), top("Description"), ...all("String")];
  expect(texts.length).toBeGreaterThan(8);
  for (const t of texts) {
    const en = Array.from(t.children).find((c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US");
    const name = t.getAttribute("id") ?? t.localName;
    expect({ name, english: Boolean(en?.getAttribute("Value")) }).toEqual({ name, english: true });
  }
});

test("short strings fit Office's 125 and long strings its 250 characters", () => {
  const check = (group: string, max: number) => {
    for (const s of Array.from(all(group)[0].children)) {
      for (const v of [s.getAttribute("DefaultValue"), ...Array.from(s.children).map((o) => o.getAttribute("Value"))])
        expect((v ?? "").length).toBeLessThanOrEqual(max);
    }
  };
  check("ShortStrings", 125);
  check("LongStrings", 250);
});
