// The sheet scanner reads its XML a piece at a time: whatever the cuts, the grid is the one the
// whole text gives, and a character split between two inflated pieces is decoded whole.
import { strToU8, unzipSync, zipSync } from "fflate";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { scanSheet, SheetScanner, type SheetContext } from "../../../src/hosts/xlsx/sheetXml";
import { PIECE, setNativeInflate } from "../../../src/hosts/xlsx/zip";
import { handXlsx, sheetXml } from "./helpers";
import { partText, sampleBytes } from "./hostile";
import { readSharedStrings } from "../../../src/hosts/xlsx/sharedStrings";

const ctx: SheetContext = {
  sharedStrings: () => ["Enhet", "Rik text"],
  formats: [undefined, "yyyy-mm-dd"],
  isDate: [false, true],
  date1904: false,
};

const inPieces = (xml: string, cuts: number[]) => piecesWith(ctx, xml, cuts);

function piecesWith(context: SheetContext, xml: string, cuts: number[]) {
  const s = new SheetScanner("S", context);
  let at = 0;
  for (const cut of [...cuts, xml.length]) {
    if (cut <= at) continue;
    if (!s.push(xml.slice(at, cut))) break;
    at = cut;
  }
  return s.finish();
}

const SMALL = [
  sheetXml(
    `<row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c></row>` +
      `<row><c r="B3" t="inlineStr"><is><t>=SUM(A1)</t></is></c><c t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c>` +
      `<c t="d"><v>2024-01-31T00:00:00Z</v></c><c t="e"><v>#REF!</v></c></row><!-- a comment <c r="Z9"><v>9</v></c> -->` +
      `<row><c s="1"><v>45322</v></c><c t="b"><v>0</v></c><c t="str"><f>B2</f><v>A &amp; B</v></c><c s="1"/><c t="n"><v>-1.5E-3</v></c>` +
      `<c r="H4"><v>1</v><extLst><ext uri="x"><y:z xmlns:y="u"/></ext></extLst></c></row>` +
      `<row r="7" spans="1:3"/><row r="8"><c r="C8"><f>1/0</f><v></v></c><c r="D8"><v>åäö €</v></c></row>`,
  ),
  sheetXml(`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Prefix</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row>`, "x"),
];

describe("the sheet scanner in pieces", () => {
  it("reads hand-written sheets the same cut at every position, into two pieces and into single characters", () => {
    for (const xml of SMALL) {
      const whole = scanSheet("S", xml, ctx);
      expect(whole.values.length).toBeGreaterThan(0);
      for (let cut = 0; cut <= xml.length; cut++) expect([cut, inPieces(xml, [cut])]).toEqual([cut, whole]);
      expect(
        inPieces(
          xml,
          Array.from({ length: xml.length }, (_, i) => i),
        ),
      ).toEqual(whole);
      expect(
        inPieces(
          xml,
          Array.from({ length: xml.length / 7 }, (_, i) => 7 * i),
        ),
      ).toEqual(whole);
    }
  });

  it("reads the sample's 1.9 MB sheet the same in pieces of 13 characters, 1 K, 64 K and at random cuts", () => {
    const xml = partText(sampleBytes(), "xl/worksheets/sheet1.xml");
    // The sample's own shared strings: an index out of range is a damaged file (package rules).
    const sample: SheetContext = { ...ctx, sharedStrings: () => readSharedStrings(partText(sampleBytes(), "xl/sharedStrings.xml")) };
    const inPieces = (text: string, cuts: number[]) => piecesWith(sample, text, cuts);
    const whole = scanSheet("S", xml, sample);
    expect(whole.values.length).toBe(6004);
    for (const size of [13, 1024, 65536]) {
      const cuts = Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => i * size);
      expect([size, inPieces(xml, cuts)]).toEqual([size, whole]);
    }
    let x = 12345;
    const random = Array.from({ length: 400 }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) % xml.length).sort((a, b) => a - b);
    expect(inPieces(xml, random)).toEqual(whole);
  });

  it("holds a long element across pieces in linear time and refuses one past 64 M characters", () => {
    // A 3 MB inline string (ten times Excel's cell limit) arriving 1 000 characters at a time.
    const long = "x".repeat(3_000_000);
    const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`);
    const t0 = performance.now();
    const g = inPieces(
      xml,
      Array.from({ length: xml.length / 1000 }, (_, i) => i * 1000),
    );
    expect(g.values[0][0]).toBe(long);
    expect(performance.now() - t0).toBeLessThan(5000);
    const s = new SheetScanner("S", ctx);
    s.push(sheetXml("").replace("</sheetData></worksheet>", "<c><v>"));
    const chunk = "1".repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 80; i++) s.push(chunk);
    }).toThrow(/ett element i bladet "S" är längre än 64 miljoner tecken/);
  });

  it("refuses XML that ends inside an element or before </sheetData>, and reads a sheet without cells", () => {
    const xml = SMALL[0];
    const end = xml.indexOf("</sheetData>");
    expect(() => scanSheet("S", xml.slice(0, end - 3), ctx)).toThrow(/slutar mitt i ett element/);
    expect(() => scanSheet("S", xml.slice(0, end), ctx)).toThrow(/slutar före <\/sheetData>/);
    expect(() => scanSheet("S", xml.slice(0, xml.indexOf("<sheetData")), ctx)).toThrow(/slutar innan dess celler/);
    expect(scanSheet("S", sheetXml(""), ctx).values).toEqual([]);
    expect(scanSheet("S", `<worksheet xmlns="x"><sheetData/></worksheet>`, ctx).values).toEqual([]);
    expect(scanSheet("S", `<worksheet xmlns="x"><sheetPr/></worksheet>`, ctx).values).toEqual([]);
  });
});

describe("readSheetXml's pieces", () => {
  it("decodes a character split between two pieces whole, deflated (zlib and fflate) and stored", () => {
    const text = "å€😀";
    for (const native of [true, false]) {
      setNativeInflate(native);
      try {
        for (let back = 1; back <= 6; back++) {
          // Put the text so that the 1 MiB piece boundary falls inside or just around it.
          const head = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>`).replace(/<\/t>.*$/, "");
          const bytesBefore = strToU8(head).length;
          const pad = "p".repeat(PIECE - back - bytesBefore);
          const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${pad}${text}</t></is></c><c r="B1"><v>1</v></c></row>`);
          const deflated = handXlsx({ sheets: [{ name: "U", xml }] });
          for (const bytes of [deflated, zipSync(unzipSync(deflated), { level: 0 })]) {
            const g = openWorkbook(bytes).readSheet("U");
            expect([native, back, g.values[0][0] === pad + text, g.values[0][1]]).toEqual([native, back, true, 1]);
          }
        }
      } finally {
        setNativeInflate(true);
      }
    }
  });

  it("reads a UTF-16 sheet and a UTF-8 one with a byte-order mark", () => {
    const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Öl – 😀</t></is></c></row>`);
    const le = new Uint8Array(2 + xml.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      le[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(xml)]);
    for (const sheet of [le, bom]) {
      const bytes = handXlsx({ sheets: [{ name: "U", xml: "" }] });
      const parts = unzipSync(bytes);
      parts["xl/worksheets/sheet1.xml"] = sheet;
      expect(openWorkbook(zipSync(parts)).readSheet("U").values).toEqual([["Öl – 😀"]]);
    }
  });
});

describe("the grid of a sheet with far cells", () => {
  const cell = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
  const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

  it("lays out a table that starts far right (every row kept by its cells) as before", () => {
    const g = scanSheet("S", sheetXml(row(3, cell("BZ3", 1), cell("CA3", 2)) + row(4, cell("CB4", 3))), ctx);
    expect(g.origin).toEqual({ row: 2, col: 77 });
    expect(g.values).toEqual([
      [1, 2, null],
      [null, null, 3],
    ]);
    expect(g.formats).toEqual([
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
  });

  it("keeps a row with a cell at XFD beside the table's cells, and rows out of order and repeated", () => {
    const g = scanSheet(
      "S",
      sheetXml(
        row(2, cell("A2", 2), cell("B2", 3)) +
          row(1, cell("A1", 1), cell("XFD1", 9)) +
          row(2, cell("XFD2", 8)) +
          row(900000, cell("B900000", 5)),
      ),
      ctx,
    );
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values.length).toBe(900000);
    expect(Object.keys(g.values)).toEqual(["0", "1", "899999"]);
    // The table is two columns wide; the cells at XFD are at their own index, with nothing between.
    expect([g.values[0][0], g.values[0][1], g.values[0][16383], Object.keys(g.values[0]).length]).toEqual([1, null, 9, 3]);
    expect([g.values[1][0], g.values[1][1], g.values[1][16383], Object.keys(g.values[1]).length]).toEqual([2, 3, 8, 3]);
    expect(g.values[899999]).toEqual([null, 5]);
    expect(g.values[500000]).toBeUndefined();
  });

  it("lays out a sheet with many cells and one far stray whole when the rectangle is small enough", () => {
    // 200 rows × 20 columns and a stray at Z5000: 5 000 × 26 slots, under the 4 M laid out whole.
    let data = "";
    for (let r = 1; r <= 200; r++)
      data += row(r, ...Array.from({ length: 20 }, (_, j) => cell(`${String.fromCharCode(65 + j)}${r}`, r * j)));
    const g = scanSheet("S", sheetXml(data + row(5000, cell("Z5000", 1))), ctx);
    expect(g.values.length).toBe(5000);
    expect(g.values.every((r) => Array.isArray(r) && r.length === 26)).toBe(true);
    expect(g.values[4999][25]).toBe(1);
  });
});
