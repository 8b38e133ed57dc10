import fc from "fast-check";
import { CsvError, detectDelimiter, readCsv, sheetNameForFile } from "../../../src/hosts/csv/read";
import { sheetNameProblem } from "../../../src/report/sheetNames";
import { cp1252, toCsv, utf8 } from "../../helpers/csv";

/** The one-line error a file gets, or null when it reads. */
function refusal(bytes: Uint8Array): CsvError | null {
  try {
    readCsv(bytes, "extrakt.csv");
    return null;
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
}

describe("encodings", () => {
  test("';' and Windows-1252 without a BOM, as Swedish Excel saves it: every letter decodes exactly", () => {
    const text = "Enhet;Specialitet;Not\r\nVårdcentral Åmål;Öron-näsa-hals;väntar – 3 dagar\r\nÄldrevård Ängelholm;Hud;é€\r\n";
    const bytes = cp1252(text);
    expect(bytes.length).toBe(text.length); // one byte a character: not UTF-8
    expect(readCsv(bytes, "extrakt.csv").values).toEqual([
      ["Enhet", "Specialitet", "Not"],
      ["Vårdcentral Åmål", "Öron-näsa-hals", "väntar – 3 dagar"],
      ["Äldrevård Ängelholm", "Hud", "é€"],
    ]);
  });

  test("every Windows-1252 character of 0x80–0x9F (“–”, “’”, “€” …) decodes as Windows-1252, not as a Latin-1 control", () => {
    const high = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    expect(readCsv(cp1252(`Not;${high}\n`), "x.csv").values).toEqual([["Not", high]]);
  });

  test("',' and UTF-8 with a BOM: the BOM is not part of the first cell", () => {
    const grid = readCsv(utf8("Enhet,Kontakttyp\nVårdcentral Åmål,Förstabesök\n", true), "extrakt.csv");
    expect(grid.values).toEqual([
      ["Enhet", "Kontakttyp"],
      ["Vårdcentral Åmål", "Förstabesök"],
    ]);
    expect((grid.values[0][0] as string).charCodeAt(0)).toBe("E".charCodeAt(0));
  });

  test("UTF-8 without a BOM is read as UTF-8, not as Windows-1252 mojibake", () => {
    expect(readCsv(utf8("Enhet;Specialitet\nVårdcentral Åmål;Öron-näsa-hals\n"), "x.csv").values).toEqual([
      ["Enhet", "Specialitet"],
      ["Vårdcentral Åmål", "Öron-näsa-hals"],
    ]);
  });

  test("pure ASCII (valid in both encodings) reads the same either way", () => {
    expect(readCsv(utf8("Enhet;Andel\nHud;70,6\n"), "x.csv").values).toEqual([
      ["Enhet", "Andel"],
      ["Hud", "70,6"],
    ]);
  });

  test("UTF-16 with a BOM and tabs, as Excel's 'Unicode-text' saves it", () => {
    const text = "Enhet\tKontakttyp\r\nVårdcentral Åmål\tFörstabesök\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i); // all below U+0100
    expect(readCsv(bytes, "x.txt").values).toEqual([
      ["Enhet", "Kontakttyp"],
      ["Vårdcentral Åmål", "Förstabesök"],
    ]);
  });
});

describe("fields and records", () => {
  test("quoted fields hold delimiters, doubled quotes and line breaks", () => {
    const text = 'Enhet;Not;Kod\r\n"Hud; allergi";"sa ""vänta"", 2 dgr";"rad 1\r\nrad 2"\r\n"";x;"a\nb"\r\n';
    expect(readCsv(cp1252(text), "x.csv").values).toEqual([
      ["Enhet", "Not", "Kod"],
      ["Hud; allergi", 'sa "vänta", 2 dgr', "rad 1\r\nrad 2"],
      [null, "x", "a\nb"],
    ]);
  });

  test("CRLF and LF give the same sheet", () => {
    const rows = [
      ["Enhet", "Beslutsdatum"],
      ["Ögon", "2024-01-15"],
      ["Hud", "2024-01-02"],
    ];
    expect(readCsv(utf8(toCsv(rows, ";", "\r\n")), "x.csv").values).toEqual(rows);
    expect(readCsv(utf8(toCsv(rows, ";", "\n")), "x.csv").values).toEqual(rows);
    expect(readCsv(utf8(toCsv(rows, ";", "\n", false)), "x.csv").values).toEqual(rows);
  });

  test("blank lines inside stay empty rows (row N of the file is row N of the sheet); those at the end go", () => {
    expect(readCsv(utf8("Väntetider januari 2024\n\nEnhet;Andel\n\nHud;1\n\n\n"), "x.csv").values).toEqual([
      ["Väntetider januari 2024"],
      [null],
      ["Enhet", "Andel"],
      [null],
      ["Hud", "1"],
    ]);
  });

  test("every field stays the text it is: codes, ids, decimal commas and dates are not numbers", () => {
    const grid = readCsv(
      utf8("lkf;hsaid_vardenhet;Andel;Beslutsdatum;Antal;Flagga\n0180;SE2321000230-13K;70,6;2024-01-15;013;TRUE\n"),
      "x.csv",
    );
    expect(grid.values[1]).toEqual(["0180", "SE2321000230-13K", "70,6", "2024-01-15", "013", "TRUE"]);
    expect(grid.values.flat().every((v) => typeof v === "string")).toBe(true);
  });

  test("white space is kept as written, empty fields are null", () => {
    expect(readCsv(utf8("a; b ;;\n"), "x.csv").values).toEqual([["a", " b ", null, null]]);
  });

  test("ragged rows are just shorter or longer", () => {
    expect(readCsv(utf8("a;b;c\nd\ne;f;g;h\n"), "x.csv").values).toEqual([["a", "b", "c"], ["d"], ["e", "f", "g", "h"]]);
  });

  test("an unclosed quote makes the rest of the file one field, as in Excel, and is no crash", () => {
    expect(readCsv(utf8('a;"b\nc;d\n'), "x.csv").values).toEqual([["a", "b\nc;d\n"]]);
  });
});

describe("files that are not CSV give one clear line", () => {
  const oneLine = (e: CsvError | null) => {
    expect(e).toBeInstanceOf(CsvError);
    expect(e!.message).not.toMatch(/\n/);
    expect(e!.message.length).toBeGreaterThan(20);
    return e!;
  };

  test("an empty file, one with only a BOM, or only line breaks and empty fields", () => {
    for (const bytes of [new Uint8Array(0), utf8("", true), utf8("\r\n\r\n"), utf8(";;\n;\n")])
      expect(oneLine(refusal(bytes)).code).toBe("empty");
    expect(refusal(new Uint8Array(0))!.message).toBe("Filen är tom: den har inga celler att läsa.");
  });

  test("binary data: a PNG, an old .xls (an OLE file), random bytes with NULs", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    for (const bytes of [png, ole, noise]) expect(oneLine(refusal(bytes)).code).toBe("notText");
  });

  test("text with many control characters is not text either", () => {
    const bytes = utf8("a;b\n" + "\u0001\u0002\u0003".repeat(10));
    expect(oneLine(refusal(bytes)).code).toBe("notText");
  });
});

describe("the delimiter", () => {
  test("';' wins over the decimal commas of a Swedish file", () => {
    expect(detectDelimiter("Enhet;Andel;Antal\nÖgon;70,6;12\nHud;3,5;1 204,5\n")).toBe(";");
  });

  test("',' wins over the ';' inside its quoted fields", () => {
    expect(detectDelimiter('Enhet,Not\nÖgon,"väntar; remiss"\nHud,"a;b;c;d"\n')).toBe(",");
    expect(detectDelimiter('x,"a;b"\n')).toBe(",");
    expect(detectDelimiter('x;"a,b"\n')).toBe(";");
  });

  test("a tab-separated file is read at its tabs", () => {
    expect(readCsv(utf8("Enhet\tAndel\nHud\t70,6\n"), "x.txt").values).toEqual([
      ["Enhet", "Andel"],
      ["Hud", "70,6"],
    ]);
  });

  test("one column (no delimiter at all) is one column", () => {
    expect(detectDelimiter("Enhet\nÖgon\n")).toBe(";");
    expect(readCsv(utf8("Enhet\nÖgon\n"), "x.csv").values).toEqual([["Enhet"], ["Ögon"]]);
  });

  test("a title row above the header does not decide it", () => {
    expect(detectDelimiter("Väntetider, januari 2024\n\nEnhet;Andel\nHud;1,5\nÖgon;2\n")).toBe(";");
  });

  test("is deterministic: the same text, the same answer, and a tie goes to ';' then ','", () => {
    const text = "a;b,c\nd;e,f\n";
    expect(new Set(Array.from({ length: 5 }, () => detectDelimiter(text)))).toEqual(new Set([";"]));
    expect(detectDelimiter("a,b\tc\n")).toBe(",");
  });

  test("only the first records are looked at, and a record cut at the sample's end is left out", () => {
    const head = "Enhet;Andel\n" + "Hud;70,6\n".repeat(10_000);
    expect(head.length).toBeGreaterThan(64 * 1024);
    expect(detectDelimiter(head + "x,y,z,w\n".repeat(10_000))).toBe(";");
  });
});

describe("the sheet's name is the file's", () => {
  test("without folder and extension", () => {
    expect(readCsv(utf8("a\n"), "/tmp/export/väntetider jan.csv").name).toBe("väntetider jan");
    expect(sheetNameForFile("C:\\Users\\a\\Extrakt.CSV")).toBe("Extrakt");
    expect(sheetNameForFile("extrakt.2024-01.csv")).toBe("extrakt.2024-01");
  });

  test("kept to Excel's rules: 31 characters, no \\ / ? * : [ ], no apostrophe at either end, not History", () => {
    expect(sheetNameForFile("väntetidsuttag specialiserad vård 2024-02-05.csv")).toBe("väntetidsuttag specialiserad vå");
    expect(sheetNameForFile("a[1]:b?.csv")).toBe("a_1__b_");
    expect(sheetNameForFile("'citat'.csv")).toBe("citat");
    expect(sheetNameForFile("History.csv")).toBe("History_");
    expect(sheetNameForFile(".csv")).toBe("Blad1");
    expect(sheetNameForFile("''.csv")).toBe("Blad1");
    expect(sheetNameForFile(`${"x".repeat(30)}😀.csv`)).toBe("x".repeat(30));
    for (const n of ["a".repeat(40) + ".csv", "*.csv", "'''.txt", "history.txt", "extrakt"])
      expect(sheetNameProblem(sheetNameForFile(n))).toBeNull();
  });
});

describe("property: any grid written as CSV reads back as the same grid", () => {
  // Characters that make CSV hard (delimiters, quotes, line breaks, Swedish letters) and any other
  // character except NUL and the C0 controls (binary, refused) and U+FEFF (a BOM when first).
  const char = fc.oneof(
    fc.constantFrom(";", ",", '"', "\n", "\r", "\r\n", "\t", " ", "a", "0", "Å", "ö", "€", "–"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => c.charCodeAt(0) >= 0x20 && c !== "\ufeff"),
  );
  const field = fc.string({ unit: char, maxLength: 6 });
  const grid = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

  test("either delimiter, CRLF or LF, with or without a BOM", () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(";", ","),
        fc.constantFrom("\r\n", "\n"),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, lineEnd, bom, last) => {
          const bytes = utf8(toCsv(rows, delimiter, lineEnd, last), bom);
          const expected = rows.map((r) => r.map((v) => (v === "" ? null : v)));
          while (expected.length > 0 && expected[expected.length - 1].every((v) => v === null)) expected.pop();
          if (expected.length === 0) expect(refusal(bytes)?.code).toBe("empty");
          else expect(readCsv(bytes, "x.csv").values).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
