// CSV files as Excel and the data warehouses write them, for the CSV reader's tests.

// Written out rather than taken from TextDecoder, which in Node 20.18.3+ decodes 0x80–0x9F as Latin-1.
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const CP1252 = (() => {
  const m = new Map<string, number>();
  for (let b = 0; b < 256; b++) m.set(b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b), b);
  return m;
})();

/** The text in Windows-1252, as Swedish Excel saves "CSV (semikolonavgränsad)" (no BOM). */
export function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const b = CP1252.get(ch);
    if (b === undefined) throw new Error(`not in Windows-1252: ${JSON.stringify(ch)}`);
    return b;
  });
}

/** The text in UTF-8, with a byte-order mark when `bom` (as Excel's "CSV UTF-8" saves it). */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/**
 * A grid as CSV: fields joined by the delimiter, records by the line end; a field is quoted (its
 * quotes doubled) when it holds a quote, a line break or any of the delimiters ";", "," and tab,
 * so that the file is unambiguous whichever delimiter it has.
 */
export function toCsv(rows: readonly (readonly (string | null)[])[], delimiter: string, lineEnd = "\r\n", finalLineEnd = true): string {
  const field = (v: string | null) => {
    const s = v ?? "";
    return /[";,\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(delimiter)).join(lineEnd) + (finalLineEnd ? lineEnd : "");
}

/**
 * A patient-level extract as a data warehouse exports it, in miniature: fictional rows, no personal
 * data. An empty Besöksdatum means still waiting; dates are ISO text.
 */
export const EXTRACT_ROWS: (string | null)[][] = [
  ["Enhet", "Kontakttyp", "Beslutsdatum", "Besöksdatum", "Avvikelsekod", "Vårdgaranti"],
  ["Vårdcentral Åmål", "Förstabesök", "2024-01-15", null, null, "JA"],
  ["Vårdcentral Åmål", "Förstabesök", "2023-12-20", null, null, "JA"],
  ["Vårdcentral Åmål", "Förstabesök", "2023-09-01", null, null, "JA"],
  ["Öron-näsa-hals Ängelholm", "Förstabesök", "2024-01-02", null, null, "JA"],
  ["Öron-näsa-hals Ängelholm", "Förstabesök", "2023-06-01", null, null, "JA"],
  ["Öron-näsa-hals Ängelholm", "Förstabesök", "2023-10-15", null, "PvV", "JA"],
  ["Öron-näsa-hals Ängelholm", "Operation/åtgärd", "2023-11-01", null, null, "JA"],
  ["Kirurgi, Östra sjukhuset", "Operation/åtgärd", "2024-01-10", null, null, "JA"],
  ["Kirurgi, Östra sjukhuset", "Operation/åtgärd", "2023-08-01", null, null, "JA"],
  ["Kirurgi, Östra sjukhuset", "Operation/åtgärd", "2023-12-01", null, null, "JA"],
  ["Kirurgi, Östra sjukhuset", "Förstabesök", "2024-02-30", null, null, "JA"],
  ["Kirurgi, Östra sjukhuset", "Förstabesök", "2024-01-20", null, "MoV", "JA"],
];
