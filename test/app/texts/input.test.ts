// The .xlsx reader's refusals in the run's language: Swedish as the reader says them, English here.
import { xlsxErrorText } from "../../../src/app/texts/input";
import { corrupt, MESSAGES, XlsxError } from "../../../src/hosts/xlsx/errors";

test("Swedish is the reader's own sentence", () => {
  const e = corrupt("zip-arkivet är avkortat");
  expect(xlsxErrorText(e, "sv")).toBe(e.message);
});

test("every refusal of the reader has an English sentence, without Swedish letters", () => {
  for (const [key, message] of Object.entries(MESSAGES)) {
    const code = key === "encrypted" ? "encrypted" : key === "corrupt" ? "corrupt" : "notXlsx";
    const en = xlsxErrorText(new XlsxError(code, message), "en");
    expect(en).not.toBe(message);
    expect(en).not.toMatch(/[åäöÅÄÖ]/);
  }
});

test("a damaged file's detail is translated when it is one of the reader's own, and kept as written otherwise", () => {
  expect(xlsxErrorText(corrupt("zip-arkivets slutpost saknas, filen är troligen avkortad"), "en")).toMatch(
    /^The file is damaged or incomplete .* \(the zip archive's end record is missing, the file is probably truncated\)$/,
  );
  expect(xlsxErrorText(corrupt("[Content_Types].xml saknas"), "en")).toMatch(/ \(\[Content_Types\]\.xml is missing\)$/);
  expect(xlsxErrorText(corrupt('bladet "Väntande" går inte att tolka'), "en")).toMatch(/ \(the sheet "Väntande" cannot be read\)$/);
  expect(xlsxErrorText(corrupt("något nytt"), "en")).toMatch(/ \(något nytt\)$/);
});
