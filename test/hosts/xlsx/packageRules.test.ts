// The package rules the reader enforces (issue 14): what OOXML forbids or requires, refused with a
// one-line message that says what is wrong, in Swedish and in English, and soon on any input.
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { openWorkbook, XlsxError } from "../../../src/hosts/xlsx/read";
import { declaresDtd } from "../../../src/hosts/xlsx/package";
import { excelBytes } from "./helpers";

const CORRUPT_SV =
  "Filen är skadad eller ofullständig och kan inte läsas som en Excel-arbetsbok (.xlsx). Öppna den i Excel, spara en ny kopia och försök igen.";
const CORRUPT_EN =
  "The file is damaged or incomplete and cannot be read as an Excel workbook (.xlsx). Open it in Excel, save a new copy and try again.";

/** A waiting list as Excel would have it, with `rows` rows: shared strings, a date style. */
async function waitingList(rows = 4, extraSheet?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Väntande");
  ws.addRow(["Klinik", "Kontakttyp", "Beslutsdatum"]);
  for (let i = 0; i < rows; i++) ws.addRow([i % 2 ? "Hud" : "Ögon", "Förstabesök", new Date(Date.UTC(2024, 0, 1 + (i % 28)))]);
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  if (extraSheet) wb.addWorksheet(extraSheet).getCell("A1").value = "annat";
  return excelBytes(wb);
}

function patched(bytes: Uint8Array, edit: (parts: Record<string, Uint8Array>, text: (name: string) => string) => void): Uint8Array {
  const parts = unzipSync(bytes);
  edit(parts, (name) => strFromU8(parts[name]));
  return zipSync(parts);
}

/** The XlsxError that opening (and reading every sheet of) the bytes throws, and how long that took. */
function refusal(bytes: Uint8Array): { error: XlsxError; ms: number } {
  const started = performance.now();
  try {
    const wb = openWorkbook(bytes);
    for (const s of wb.sheets) wb.readSheet(s.name);
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    return { error: e, ms: performance.now() - started };
  }
  throw new Error("the workbook was read without an error");
}

function expectCorrupt(bytes: Uint8Array, sv: string, en: string): void {
  const { error, ms } = refusal(bytes);
  expect(error.code).toBe("corrupt");
  expect(error.message).toBe(`${CORRUPT_SV} (${sv})`);
  expect(error.english).toBe(`${CORRUPT_EN} (${en})`);
  expect(error.message).not.toMatch(/\n/);
  expect(ms).toBeLessThan(1000);
}

describe("sheet names", () => {
  test("two sheets with one name: refused, instead of reading the first twice and the second never", async () => {
    const bytes = patched(await waitingList(4, "Andra"), (p, t) => {
      p["xl/workbook.xml"] = strToU8(t("xl/workbook.xml").replace('name="Andra"', 'name="Väntande"'));
    });
    expectCorrupt(bytes, 'två blad heter "Väntande"', 'two sheets are named "Väntande"');
  });

  test("names that differ only in case are one name to Excel", async () => {
    const bytes = patched(await waitingList(4, "Andra"), (p, t) => {
      p["xl/workbook.xml"] = strToU8(t("xl/workbook.xml").replace('name="Andra"', 'name="VÄNTANDE"'));
    });
    expectCorrupt(bytes, 'två blad har samma namn: "Väntande" och "VÄNTANDE"', 'two sheets have the same name: "Väntande" and "VÄNTANDE"');
  });

  test("different names open as before", async () => {
    expect(openWorkbook(await waitingList(4, "Andra")).sheets.map((s) => s.name)).toEqual(["Väntande", "Andra"]);
  });
});

describe("a DTD in a part", () => {
  test("in workbook.xml", async () => {
    const bytes = patched(await waitingList(), (p, t) => {
      p["xl/workbook.xml"] = strToU8(t("xl/workbook.xml").replace("?>", '?>\n<!DOCTYPE workbook [ <!ENTITY x "y"> ]>'));
    });
    expectCorrupt(
      bytes,
      "xl/workbook.xml innehåller en DTD (<!DOCTYPE …>), vilket en .xlsx-fil inte får ha",
      "xl/workbook.xml contains a DTD (<!DOCTYPE …>), which an .xlsx file must not have",
    );
  });

  test("in sharedStrings.xml, where markup in an entity would shift every index after it", async () => {
    const bytes = patched(await waitingList(), (p, t) => {
      p["xl/sharedStrings.xml"] = strToU8(
        t("xl/sharedStrings.xml").replace("?>", '?><!DOCTYPE sst [ <!ENTITY e "<si><t>Skiftad</t></si>"> ]>'),
      );
    });
    expectCorrupt(
      bytes,
      "xl/sharedStrings.xml innehåller en DTD (<!DOCTYPE …>), vilket en .xlsx-fil inte får ha",
      "xl/sharedStrings.xml contains a DTD (<!DOCTYPE …>), which an .xlsx file must not have",
    );
  });

  test("an entity bomb in sharedStrings.xml is refused at once, never expanded", async () => {
    const lol = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join("");
    const bytes = patched(await waitingList(), (p, t) => {
      p["xl/sharedStrings.xml"] = strToU8(
        t("xl/sharedStrings.xml").replace("?>", `?><!-- a comment first --><!DOCTYPE sst [${lol}]>`).replace("<t>Hud</t>", "<t>&l9;</t>"),
      );
    });
    expect(refusal(bytes).error.message).toContain("xl/sharedStrings.xml innehåller en DTD");
  });

  test("in a sheet, in the relationships and in [Content_Types].xml", async () => {
    for (const part of ["xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "[Content_Types].xml"]) {
      const bytes = patched(await waitingList(), (p, t) => {
        p[part] = strToU8(t(part).replace("?>", "?>\r\n<!DOCTYPE x>"));
      });
      expect([part, refusal(bytes).error.message]).toEqual([
        part,
        `${CORRUPT_SV} (${part} innehåller en DTD (<!DOCTYPE …>), vilket en .xlsx-fil inte får ha)`,
      ]);
    }
  });

  test("only the prolog can declare one: text that mentions <!DOCTYPE in a cell is read as text", async () => {
    expect(declaresDtd('\ufeff<?xml version="1.0"?>\n<!-- x --><?pi y?>  <!doctype sst>')).toBe(true);
    expect(declaresDtd('<?xml version="1.0"?><sst><si><t>&lt;!DOCTYPE&gt;</t></si></sst>')).toBe(false);
    expect(declaresDtd("<!-- unterminated")).toBe(false);
    expect(declaresDtd("")).toBe(false);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("T").getCell("A1").value = "<!DOCTYPE html>";
    expect(openWorkbook(await excelBytes(wb)).readSheet("T").values).toEqual([["<!DOCTYPE html>"]]);
  });
});

describe("shared strings", () => {
  test("an index out of range is a damaged file, not a blank unit on every row", async () => {
    const bytes = patched(await waitingList(), (p, t) => {
      p["xl/worksheets/sheet1.xml"] = strToU8(t("xl/worksheets/sheet1.xml").replace(/(<c r="A3"[^>]*><v>)\d+(<\/v>)/, "$1999$2"));
    });
    const count = (strFromU8(unzipSync(bytes)["xl/sharedStrings.xml"]).match(/<si>/g) ?? []).length;
    expect(count).toBe(6);
    expectCorrupt(
      bytes,
      "en cell hänvisar till delad text nr 999, men arbetsboken har bara 6",
      "a cell refers to shared string no. 999, but the workbook has only 6",
    );
  });

  test("a shared string in a workbook that has none, and an index that is no number", async () => {
    const noTable = patched(await waitingList(), (p, t) => {
      delete p["xl/sharedStrings.xml"];
      p["xl/_rels/workbook.xml.rels"] = strToU8(t("xl/_rels/workbook.xml.rels").replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
    });
    expectCorrupt(
      noTable,
      "en cell hänvisar till delad text nr 0, men arbetsboken har inga delade texter",
      "a cell refers to shared string no. 0, but the workbook has no shared strings",
    );
    const notANumber = patched(await waitingList(), (p, t) => {
      p["xl/worksheets/sheet1.xml"] = strToU8(t("xl/worksheets/sheet1.xml").replace(/(<c r="A3"[^>]*><v>)\d+(<\/v>)/, "$1x$2"));
    });
    expect(refusal(notANumber).error.message).toContain(
      "(en cell hänvisar till delad text med ogiltigt nummer, men arbetsboken har bara 6)",
    );
  });

  test("a large sheet whose last cell is out of range is refused as soon as that cell is read", async () => {
    const bytes = patched(await waitingList(20_000), (p, t) => {
      p["xl/worksheets/sheet1.xml"] = strToU8(t("xl/worksheets/sheet1.xml").replace(/(<c r="A20001"[^>]*><v>)\d+(<\/v>)/, "$17$2"));
    });
    const { error, ms } = refusal(bytes);
    expect(error.message).toContain("delad text nr 7, men arbetsboken har bara 6");
    expect(ms).toBeLessThan(2000);
  });
});

describe("[Content_Types].xml", () => {
  test("a package without it is refused when opened, not with a stack trace from the writer", async () => {
    const bytes = patched(await waitingList(), (p) => {
      delete p["[Content_Types].xml"];
    });
    expectCorrupt(bytes, "[Content_Types].xml saknas", "[Content_Types].xml is missing");
  });

  test("an .ods still says what it is rather than that the content types are missing", () => {
    const ods = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") });
    expect(refusal(ods).error.message).toMatch(/OpenDocument/);
  });
});

test("the known messages carry their English; another text stays as it is", () => {
  const e = new XlsxError(
    "encrypted",
    "Filen är lösenordsskyddad (krypterad) och kan inte läsas. Spara en kopia utan lösenord och försök igen.",
  );
  expect(e.english).toBe("The file is password-protected (encrypted) and cannot be read. Save a copy without a password and try again.");
  expect(new XlsxError("corrupt", "något annat").english).toBe("något annat");
});
