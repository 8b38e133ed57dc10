import ExcelJS from "exceljs";
import { openWorkbook, XlsxError } from "../../../src/hosts/xlsx/read";
import { isDateFormat } from "../../../src/hosts/xlsx/styles";
import { excelBytes, handXlsx, sheetXml, zipParts } from "./helpers";

const JAN31 = Date.UTC(2024, 0, 31);
const NBSP = "\u00a0";
const MINUS = "\u2212";

async function exceljsFixture(date1904 = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Väntande");
  ws.getCell("A1").value = "Väntetider januari 2024";
  ws.getRow(4).values = ["Enhet", "Remissdatum", "Besök", "Andel", "Klar", "Fel", "Rik", "Formel", "Antal"];
  ws.getRow(5).values = [
    "Kirurgi Öst",
    new Date(JAN31),
    new Date(Date.UTC(2024, 1, 29, 12, 0, 0)),
    0.875,
    true,
    { error: "#N/A" } as ExcelJS.CellErrorValue,
    { richText: [{ text: "Rik " }, { font: { bold: true }, text: "text" }, { text: " – åäö" }] },
    { formula: 'A5&"!"', result: "Kirurgi Öst!" } as ExcelJS.CellFormulaValue,
    1234.5,
  ];
  ws.getCell("B5").numFmt = "yyyy-mm-dd";
  ws.getCell("C5").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("D5").numFmt = "0.0%";
  ws.getRow(6).values = ["Ortopedi & Hand <Väst>", new Date(JAN31), null, 0.5, false, { error: "#DIV/0!" } as ExcelJS.CellErrorValue];
  ws.getCell("B6").numFmt = "mm-dd-yy"; // ExcelJS writes the built-in id 14
  ws.getCell("D6").numFmt = "0%"; // built-in id 9
  ws.getCell("A7").value = `Psykiatri${NBSP}Nord "BUP" 'x'`;
  ws.getCell("I7").value = `${MINUS}5`;
  ws.getCell("L9").value = 42; // sparse: far right and below
  const other = wb.addWorksheet("Data från C3");
  other.getCell("C3").value = "hörn";
  other.getCell("E4").value = 7;
  const hidden = wb.addWorksheet("Dold");
  hidden.state = "hidden";
  hidden.getCell("A1").value = 1;
  return excelBytes(wb);
}

describe("openWorkbook / readSheet on an ExcelJS workbook", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await exceljsFixture();
  });

  it("lists the sheets in order with hidden state and no marker", () => {
    const wb = openWorkbook(bytes);
    expect(wb.date1904).toBe(false);
    expect(wb.sheets.map((s) => [s.name, s.hidden, s.marker, s.kind])).toEqual([
      ["Väntande", false, undefined, "worksheet"],
      ["Data från C3", false, undefined, "worksheet"],
      ["Dold", true, undefined, "worksheet"],
    ]);
    expect(wb.sheets[0].path).toBe("xl/worksheets/sheet1.xml");
  });

  it("reads values, shapes and formats exactly", () => {
    const g = openWorkbook(bytes).readSheet("Väntande");
    expect(g.name).toBe("Väntande");
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values).toHaveLength(9); // rows 1..9
    for (const row of g.values) expect(row).toHaveLength(12); // A..L
    expect(g.values[0][0]).toBe("Väntetider januari 2024");
    expect(g.values[1].every((v) => v === null)).toBe(true);
    expect(g.values[2].every((v) => v === null)).toBe(true);
    expect(g.values[3].slice(0, 9)).toEqual(["Enhet", "Remissdatum", "Besök", "Andel", "Klar", "Fel", "Rik", "Formel", "Antal"]);
    expect(g.values[4].slice(0, 9)).toEqual(["Kirurgi Öst", 45322, 45351.5, 0.875, true, "#N/A", "Rik text – åäö", "Kirurgi Öst!", 1234.5]);
    expect(g.values[5].slice(0, 6)).toEqual(["Ortopedi & Hand <Väst>", 45322, null, 0.5, false, "#DIV/0!"]);
    expect(g.values[6][0]).toBe(`Psykiatri${NBSP}Nord "BUP" 'x'`);
    expect(g.values[6][8]).toBe(`${MINUS}5`);
    expect(g.values[8][11]).toBe(42);
    expect(g.values[7].every((v) => v === null)).toBe(true);

    const f = g.formats!;
    expect(f[4][1]).toBe("yyyy-mm-dd");
    expect(f[4][2]).toBe("yyyy-mm-dd hh:mm");
    expect(f[4][3]).toBe("0.0%");
    expect(f[5][1]).toBe("yyyy-mm-dd"); // built-in 14
    expect(f[5][3]).toBe("0%"); // built-in 9
    expect(f[4][0]).toBeUndefined(); // General
    expect(f[4][8]).toBeUndefined();
    expect(f).toHaveLength(g.values.length);
    expect(f[4]).toHaveLength(12);
  });

  it("gives the top-left of the used cells as origin", () => {
    const g = openWorkbook(bytes).readSheet("Data från C3");
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(g.values).toEqual([
      ["hörn", null, null],
      [null, null, 7],
    ]);
  });

  it("finds a sheet case-insensitively and rejects an unknown one", () => {
    const wb = openWorkbook(bytes);
    expect(wb.readSheet("dold").values).toEqual([[1]]);
    expect(() => wb.readSheet("Finns inte")).toThrow(/finns inte/);
  });

  it("readSheetAsync, the CLI's and the preview's way, reads every tab as readSheet does, in both date systems", async () => {
    for (const date1904 of [false, true]) {
      const wb = openWorkbook(await exceljsFixture(date1904));
      for (const s of wb.sheets) {
        const grid = await wb.readSheetAsync(s.name);
        expect(grid).toEqual(wb.readSheet(s.name));
        expect(grid.date1904).toBe(date1904 ? true : undefined);
      }
      expect((await wb.readSheetAsync("Väntande")).values[4].slice(0, 4)).toEqual(["Kirurgi Öst", 45322, 45351.5, 0.875]);
      await expect(wb.readSheetAsync("Finns inte")).rejects.toThrow(/finns inte/);
    }
  });
});

describe("the 1904 date system", () => {
  it("converts date-formatted numbers to 1900 serials and leaves other numbers alone", async () => {
    const bytes = await exceljsFixture(true);
    const wb = openWorkbook(bytes);
    expect(wb.date1904).toBe(true);
    const g = wb.readSheet("Väntande");
    expect(g.values[4][1]).toBe(45322);
    expect(g.values[4][2]).toBe(45351.5);
    expect(g.values[5][1]).toBe(45322);
    expect(g.values[4][3]).toBe(0.875);
    expect(g.values[4][8]).toBe(1234.5);
    expect(g.values[8][11]).toBe(42);
  });
});

describe("hand-written sheet XML", () => {
  const styles =
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="[$-41D]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;dagar&quot;\\ 0"/></numFmts>` +
    `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="20"/></cellXfs></styleSheet>`;
  const sst =
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">` +
    `<si><t>Enhet</t></si>` +
    `<si><r><rPr><b/></rPr><t xml:space="preserve">Rik </t></r><r><t>t&#229;xt</t></r><rPh sb="0" eb="1"><t>FONETISK</t></rPh></si>` +
    `<si><t xml:space="preserve">  blanksteg  </t></si>` +
    `<si><t>rad1_x000D__x000A_rad2 _x005F_x0041_ &#x2212;3</t></si>` +
    `<si/>` +
    `</sst>`;

  it("reads inline strings, cells and rows without r, ISO dates, errors, entities and escapes", () => {
    const data =
      `<row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="s"><v>4</v></c></row>` +
      `<row><c r="B3" t="inlineStr"><is><t>=SUM(A1)</t></is></c><c t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c>` +
      `<c t="d"><v>2024-01-31T00:00:00Z</v></c><c t="d" s="1"><v>1900-02-28</v></c><c t="e"><v>#REF!</v></c></row>` +
      `<row><c s="1"><v>45322</v></c><c s="2"><v>12</v></c><c s="3"><v>0.1234</v></c><c s="4"><v>0.5</v></c><c t="b"><v>0</v></c>` +
      `<c t="str"><f>B2</f><v>A &amp; B &lt;&gt; &quot;&apos;</v></c><c s="1"/><c t="n"><v>-1.5E-3</v></c></row>` +
      `<row r="7"><c r="C7"><f>1/0</f><v></v></c></row>`;
    const bytes = handXlsx({ sheets: [{ name: "Blad1", xml: sheetXml(data) }], sharedStrings: sst, styles });
    const g = openWorkbook(bytes).readSheet("Blad1");
    expect(g.origin).toEqual({ row: 1, col: 0 });
    expect(g.values).toEqual([
      [null, "Enhet", "Rik tåxt", "  blanksteg  ", "rad1\r\nrad2 _x0041_ \u22123", "", null, null],
      [null, "=SUM(A1)", "inline", 45322, 59, "#REF!", null, null],
      [45322, 12, 0.1234, 0.5, false, `A & B <> "'`, null, -0.0015],
    ]);
    const f = g.formats!;
    expect(f[1][3]).toBe("yyyy-mm-dd"); // t="d" without a date style
    expect(f[1][4]).toBe("[$-41D]d\\ mmmm\\ yyyy;@");
    expect(f[2][0]).toBe("[$-41D]d\\ mmmm\\ yyyy;@");
    expect(f[2][1]).toBe('"dagar"\\ 0');
    expect(f[2][2]).toBe("0.00%");
    expect(f[2][3]).toBe("h:mm");
    expect(f[2][7]).toBeUndefined();
  });

  it("orders rows written out of order, merges a repeated row and shifts formats with the origin", () => {
    const data =
      `<row r="5"><c r="C5" s="3"><v>0.5</v></c><c r="D5" s="1"><v>45000</v></c></row>` +
      `<row r="3"><c r="C3" s="3"><v>0.25</v></c><c r="D3" s="1"><v>45001</v></c></row>` +
      `<row r="4"><c r="C4" s="3"><v>0.75</v></c><c r="D4"><v>7</v></c></row>` +
      `<row r="3"><c r="E3" t="inlineStr"><is><t>sent</t></is></c></row>`;
    const g = openWorkbook(handXlsx({ sheets: [{ name: "O", xml: sheetXml(data) }], styles })).readSheet("O");
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(g.values).toEqual([
      [0.25, 45001, "sent"],
      [0.75, 7, null],
      [0.5, 45000, null],
    ]);
    expect(g.formats).toEqual([
      ["0.00%", "[$-41D]d\\ mmmm\\ yyyy;@", undefined],
      ["0.00%", undefined, undefined],
      ["0.00%", "[$-41D]d\\ mmmm\\ yyyy;@", undefined],
    ]);
  });

  it("reads a workbook whose parts use a namespace prefix", () => {
    const data = `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Prefix</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row>`;
    const bytes = handXlsx({ sheets: [{ name: "P", xml: sheetXml(data, "x") }] });
    expect(openWorkbook(bytes).readSheet("P").values).toEqual([["Prefix", 3]]);
  });

  it("returns an empty grid for an empty sheet", () => {
    const bytes = handXlsx({
      sheets: [
        { name: "Tom", xml: sheetXml("") },
        { name: "Tom2", xml: sheetXml(`<row r="3"><c r="A3" s="0"/></row>`) },
      ],
    });
    const wb = openWorkbook(bytes);
    expect(wb.readSheet("Tom").values).toEqual([]);
    expect(wb.readSheet("Tom2").values).toEqual([]);
  });

  it("adds 1462 only to date-formatted numbers in a 1904 workbook, not to ISO dates or times", () => {
    const data = `<row r="1"><c r="A1" s="1"><v>43860</v></c><c r="B1" s="2"><v>43860</v></c><c r="C1" t="d"><v>2024-01-31</v></c><c r="D1" s="4"><v>0.25</v></c></row>`;
    const bytes = handXlsx({ sheets: [{ name: "B", xml: sheetXml(data) }], styles, workbookPr: '<workbookPr date1904="true"/>' });
    const wb = openWorkbook(bytes);
    expect(wb.date1904).toBe(true);
    expect(wb.readSheet("B").values).toEqual([[45322, 43860, 45322, 0.25]]);
  });

  it("reads Målkoll's marker from the workbook's defined names", () => {
    const dn =
      `<definedNames><definedName name="Annat">Blad1!$A$1</definedName>` +
      `<definedName name="_Malkoll_Marker" localSheetId="1" hidden="1">&quot;malkoll:careGuarantee&quot;</definedName>` +
      `<definedName name="_Malkoll_Marker" localSheetId="2" hidden="1">"inte:vår"</definedName></definedNames>`;
    const bytes = handXlsx({
      sheets: [
        { name: "Blad1", xml: sheetXml("") },
        { name: "Vårdgaranti", xml: sheetXml("") },
        { name: "X", xml: sheetXml(""), state: "veryHidden" },
      ],
      definedNames: dn,
    });
    const wb = openWorkbook(bytes);
    expect(wb.sheets.map((s) => s.marker)).toEqual([undefined, "malkoll:careGuarantee", undefined]);
    expect(wb.sheets.map((s) => s.hidden)).toEqual([false, false, true]);
  });
});

describe("errors", () => {
  const codeOf = (bytes: Uint8Array): string => {
    try {
      openWorkbook(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      expect((e as Error).message).not.toMatch(/\n/);
      return (e as XlsxError).code;
    }
    return "opened";
  };

  it("says notXlsx for a file that is not a zip", () => {
    expect(codeOf(new TextEncoder().encode("Enhet;Antal\nKirurgi;3\n"))).toBe("notXlsx");
    expect(codeOf(new Uint8Array(0))).toBe("notXlsx");
  });

  it("says encrypted for an OLE compound file (how Excel saves a password-protected .xlsx)", () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[1024 + 2 * i] = name.charCodeAt(i);
    expect(codeOf(ole)).toBe("encrypted");
    try {
      openWorkbook(ole);
    } catch (e) {
      expect((e as Error).message).toBe(
        "Filen är lösenordsskyddad (krypterad) och kan inte läsas. Spara en kopia utan lösenord och försök igen.",
      );
    }
    // A bare signature is also taken as encrypted.
    expect(codeOf(ole.slice(0, 512))).toBe("encrypted");
  });

  it("says notXlsx for an old binary .xls (OLE with a Workbook stream and no encryption)", () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "Workbook";
    for (let i = 0; i < name.length; i++) ole[1024 + 2 * i] = name.charCodeAt(i);
    expect(codeOf(ole)).toBe("notXlsx");
  });

  it("says corrupt for a truncated zip", async () => {
    const bytes = await exceljsFixture();
    expect(codeOf(bytes.slice(0, Math.floor(bytes.length / 2)))).toBe("corrupt");
    expect(codeOf(bytes.slice(0, bytes.length - 10))).toBe("corrupt");
  });

  it("says corrupt for a zip without a workbook, or with a broken workbook.xml", () => {
    expect(codeOf(zipParts({ "hej.txt": "hej" }))).toBe("corrupt");
    const broken = handXlsx({ sheets: [{ name: "A", xml: sheetXml("") }] });
    const { unzipSync, zipSync, strToU8 } = jest.requireActual("fflate") as typeof import("fflate");
    const parts = unzipSync(broken);
    parts["xl/workbook.xml"] = strToU8("<?xml version='1.0'?><nonsense");
    expect(codeOf(zipSync(parts))).toBe("corrupt");
  });

  it("says corrupt when a sheet's compressed data is damaged", async () => {
    const bytes = (await exceljsFixture()).slice();
    const wb = openWorkbook(bytes);
    const e = wb.entry("xl/worksheets/sheet1.xml")!;
    const at = e.raw.byteOffset - bytes.byteOffset;
    for (let i = 0; i < Math.min(64, e.raw.length); i++) bytes[at + i] ^= 0x5a;
    let err: unknown;
    try {
      openWorkbook(bytes).readSheet("Väntande");
    } catch (x) {
      err = x;
    }
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).code).toBe("corrupt");
  });
});

describe("helpers", () => {
  it("tells date formats from others", () => {
    for (const f of ["yyyy-mm-dd", "d/m/yy", "[$-41D]d mmmm yyyy;@", "mmm-yy", "dd", "yyyy-mm-dd hh:mm"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["0%", "0.0%", "General", "h:mm", "[h]:mm:ss", "mm:ss", '"dagar" 0', "0.00E+00", '#,##0 "st"', "@", "[Red]0.0"])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
});
