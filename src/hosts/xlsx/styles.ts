// Number formats of an .xlsx workbook as the reader needs them: one format code per cellXfs index.
import { isDateFormat } from "../../model/numberFormats";
import { attributes, findElement, findElements, rootPrefix, stripComments } from "../ooxml/xml";

/**
 * Built-in number formats (ECMA-376 §18.8.30) that a workbook may use without declaring them.
 * The locale-dependent date formats are given as ISO-style codes, since only "is it a date" and
 * roughly how it looks matter downstream. Locale currency formats (5–8, 42, 44) read as General.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy-mm-dd",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy-mm-dd hh:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  // East Asian locales' built-in dates and times (27–36, 50–58, 71–81): all dates as far as we care.
  27: "yyyy-mm-dd",
  28: "yyyy-mm-dd",
  29: "yyyy-mm-dd",
  30: "yyyy-mm-dd",
  31: "yyyy-mm-dd",
  32: "h:mm:ss",
  33: "h:mm:ss",
  34: "h:mm:ss",
  35: "h:mm:ss",
  36: "yyyy-mm-dd",
  50: "yyyy-mm-dd",
  51: "yyyy-mm-dd",
  52: "yyyy-mm-dd",
  53: "yyyy-mm-dd",
  54: "yyyy-mm-dd",
  55: "yyyy-mm-dd",
  56: "yyyy-mm-dd",
  57: "yyyy-mm-dd",
  58: "yyyy-mm-dd",
  71: "yyyy-mm-dd",
  72: "yyyy-mm-dd",
  73: "d-mmm-yy",
  74: "d-mmm",
  75: "mmm-yy",
  76: "h:mm",
  77: "h:mm:ss",
  78: "yyyy-mm-dd hh:mm",
  79: "mm:ss",
  80: "[h]:mm:ss",
  81: "mm:ss.0",
};

/** Whether a format shows a date: the one rule (model/numberFormats.ts), re-exported for the reader's callers. */
export { isDateFormat };

export interface ReadStyles {
  /** Format code per cellXfs index; undefined for General. */
  formats: (string | undefined)[];
  /** Whether that format shows a date (day serials, shifted for 1904 workbooks). */
  isDate: boolean[];
}

/** Reads numFmts and cellXfs from styles.xml text (undefined when the workbook has no styles part). */
export function readStyles(xmlText: string | undefined): ReadStyles {
  if (!xmlText) return { formats: [], isDate: [] };
  const xml = stripComments(xmlText);
  const p = rootPrefix(xml, "styleSheet") ?? "";
  const custom = new Map<number, string>();
  const numFmts = findElement(xml, p + "numFmts");
  if (numFmts) {
    for (const el of findElements(xml, p + "numFmt", numFmts.contentStart, numFmts.contentEnd)) {
      const a = attributes(el.tag);
      const id = Number(a.numFmtId);
      if (Number.isInteger(id) && a.formatCode !== undefined) custom.set(id, a.formatCode);
    }
  }
  const formats: (string | undefined)[] = [];
  const isDate: boolean[] = [];
  const cellXfs = findElement(xml, p + "cellXfs");
  if (cellXfs) {
    for (const el of findElements(xml, p + "xf", cellXfs.contentStart, cellXfs.contentEnd)) {
      const id = Number(attributes(el.tag).numFmtId ?? 0);
      let code: string | undefined = custom.get(id) ?? BUILTIN_FORMATS[id];
      if (code !== undefined && /^general$/i.test(code)) code = undefined;
      formats.push(code);
      isDate.push(isDateFormat(code));
    }
  }
  return { formats, isDate };
}
