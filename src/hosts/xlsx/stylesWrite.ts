// Adds the cell styles of Målkoll's tabs to an existing styles.xml without disturbing it: existing
// numFmts, fonts, fills and cellXfs keep their positions (so every existing `s="…"` stays valid),
// new ones are appended and the `count` attributes updated. An entry identical (as text) to one
// already there is reused instead, so re-running on Målkoll's own output does not grow the file.
import { corrupt } from "./errors";
import type { FontStyle } from "../../report/plan";
import { attributes, elementAt, escapeAttr, findElement, findElements, findStartTag, rootPrefix, type ElementSpan } from "../ooxml/xml";

export interface CellStyle {
  numFmt?: string;
  /** "RRGGBB" solid fill. */
  fill?: string;
  font?: FontStyle;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A styles.xml for a package that has none (Excel's own minimum). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** Built-in formats that mean the same in every locale, by code. (14, the short date, varies: never used.) */
const BUILTIN_IDS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

/** The order of the sections of a styleSheet that we may touch (CT_Stylesheet). */
const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type Section = (typeof SECTIONS)[number];
const CHILD: Record<Section, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
};

/** CT_Font children in the order Excel writes them. */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

function normalize(xml: string): string {
  return xml.replace(/>\s+</g, "><").trim();
}

function validColor(c: string | undefined): string | undefined {
  if (typeof c !== "string") return undefined;
  const s = c.trim().replace(/^#/, "");
  if (/^[0-9A-Fa-f]{6}$/.test(s)) return "FF" + s.toUpperCase();
  if (/^[0-9A-Fa-f]{8}$/.test(s)) return s.toUpperCase();
  return undefined;
}

interface SectionState {
  span: ElementSpan | null;
  /** Normalized text of each existing child. */
  existing: string[];
  added: string[];
}

export class StyleBook {
  private readonly xml: string;
  private readonly p: string;
  private readonly sections: Record<Section, SectionState>;
  private readonly baseFontChildren: { local: string; xml: string }[];
  private readonly usedFmtIds = new Set<number>();
  private readonly fmtIdByCode = new Map<string, number>();
  private readonly xfByKey = new Map<string, number>();
  private readonly index = { font: new Map<string, number>(), fill: new Map<string, number>(), xf: new Map<string, number>() };
  /** True when the package had no styles part and this one is new. */
  readonly created: boolean;

  constructor(stylesXml: string | undefined) {
    this.created = stylesXml === undefined;
    this.xml = stylesXml ?? MINIMAL_STYLES;
    const p = rootPrefix(this.xml, "styleSheet");
    if (p === null) throw corrupt("xl/styles.xml saknar styleSheet", "xl/styles.xml has no styleSheet element");
    this.p = p;
    const sections = {} as Record<Section, SectionState>;
    for (const name of SECTIONS) {
      const span = findElement(this.xml, p + name);
      const existing = span
        ? findElements(this.xml, p + CHILD[name], span.contentStart, span.contentEnd).map((e) => normalize(this.xml.slice(e.start, e.end)))
        : [];
      sections[name] = { span, existing, added: [] };
    }
    this.sections = sections;

    for (const t of sections.numFmts.existing) {
      const a = attributes(t);
      const id = Number(a.numFmtId);
      if (!Number.isInteger(id)) continue;
      this.usedFmtIds.add(id);
      if (a.formatCode !== undefined && !this.fmtIdByCode.has(a.formatCode)) this.fmtIdByCode.set(a.formatCode, id);
    }
    sections.fonts.existing.forEach((t, i) => this.index.font.has(t) || this.index.font.set(t, i));
    sections.fills.existing.forEach((t, i) => this.index.fill.has(t) || this.index.fill.set(t, i));
    sections.cellXfs.existing.forEach((t, i) => this.index.xf.has(t) || this.index.xf.set(t, i));

    // The workbook's default font is fonts[0]; our fonts are it with changes.
    const base = sections.fonts.existing[0] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
    this.baseFontChildren = fontChildren(base, p);
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_IDS) return BUILTIN_IDS[code];
    const known = this.fmtIdByCode.get(code);
    if (known !== undefined) return known;
    let id = 164;
    for (const used of this.usedFmtIds) if (used >= id) id = used + 1;
    this.usedFmtIds.add(id);
    this.fmtIdByCode.set(code, id);
    this.sections.numFmts.added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private add(section: "fonts" | "fills" | "cellXfs", map: Map<string, number>, xml: string): number {
    const known = map.get(xml);
    if (known !== undefined) return known;
    const s = this.sections[section];
    const i = s.existing.length + s.added.length;
    s.added.push(xml);
    map.set(xml, i);
    return i;
  }

  private fontId(f: FontStyle): number {
    const p = this.p;
    const children = new Map<string, string>();
    const extra: string[] = [];
    for (const c of this.baseFontChildren) {
      if (FONT_ORDER.includes(c.local)) children.set(c.local, c.xml);
      else extra.push(c.xml);
    }
    if (f.bold === true) children.set("b", `<${p}b/>`);
    else if (f.bold === false) children.delete("b");
    if (f.italic === true) children.set("i", `<${p}i/>`);
    else if (f.italic === false) children.delete("i");
    if (typeof f.size === "number" && Number.isFinite(f.size) && f.size > 0) children.set("sz", `<${p}sz val="${f.size}"/>`);
    const color = validColor(f.color);
    if (color) children.set("color", `<${p}color rgb="${color}"/>`);
    const body =
      FONT_ORDER.filter((k) => children.has(k))
        .map((k) => children.get(k)!)
        .join("") + extra.join("");
    return this.add("fonts", this.index.font, normalize(`<${p}font>${body}</${p}font>`));
  }

  private fillId(rgb: string): number {
    const p = this.p;
    const xml = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    return this.add("fills", this.index.fill, xml);
  }

  /** The cellXfs index for a style; 0 (the workbook's default) for no style. */
  xfFor(style: CellStyle): number {
    const numFmt = style.numFmt && style.numFmt !== "General" ? style.numFmt : undefined;
    const fill = validColor(style.fill);
    const font = style.font && Object.values(style.font).some((v) => v !== undefined) ? style.font : undefined;
    if (!numFmt && !fill && !font) return 0;
    const key = JSON.stringify([numFmt ?? null, fill ?? null, font ? [font.bold, font.italic, font.size, font.color] : null]);
    const known = this.xfByKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = numFmt ? this.numFmtId(numFmt) : 0;
    const fontId = font ? this.fontId(font) : 0;
    const fillId = fill ? this.fillId(fill) : 0;
    let xf = `<${this.p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
    if (numFmt) xf += ' applyNumberFormat="1"';
    if (font) xf += ' applyFont="1"';
    if (fill) xf += ' applyFill="1"';
    xf += "/>";
    const i = this.add("cellXfs", this.index.xf, xf);
    this.xfByKey.set(key, i);
    return i;
  }

  /** The new styles.xml text, or null when nothing was added (and the part existed). */
  result(): string | null {
    const touched = SECTIONS.filter((s) => this.sections[s].added.length > 0);
    if (touched.length === 0 && !this.created) return null;
    const xml = this.xml;
    const p = this.p;
    const edits: { at: number; end: number; text: string }[] = [];
    for (const name of touched) {
      const s = this.sections[name];
      const count = s.existing.length + s.added.length;
      const added = s.added.join("");
      if (s.span) {
        const tag = s.span.tag;
        const selfClosing = s.span.contentStart === s.span.end;
        let newTag = /\scount\s*=\s*["'][^"']*["']/.test(tag)
          ? tag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1$2${count}$2`)
          : tag.replace(/^(<[^\s/>]+)/, `$1 count="${count}"`);
        if (selfClosing) {
          newTag = newTag.replace(/\s*\/>$/, ">");
          edits.push({ at: s.span.start, end: s.span.end, text: `${newTag}${added}</${p}${name}>` });
        } else {
          edits.push({ at: s.span.start, end: s.span.contentStart, text: newTag });
          edits.push({ at: s.span.contentEnd, end: s.span.contentEnd, text: added });
        }
      } else {
        // Insert the section after the last present section that precedes it, else first in the styleSheet.
        const order = SECTIONS.indexOf(name);
        let at = -1;
        for (let k = order - 1; k >= 0 && at < 0; k--) {
          const prev = this.sections[SECTIONS[k]].span;
          if (prev) at = prev.end;
        }
        if (at < 0) {
          const root = findStartTag(xml, p + "styleSheet", 0);
          const rootEl = elementAt(xml, p + "styleSheet", root);
          at = rootEl ? rootEl.contentStart : xml.indexOf(">", root) + 1;
        }
        edits.push({ at, end: at, text: `<${p}${name} count="${count}">${added}</${p}${name}>` });
      }
    }
    edits.sort((a, b) => b.at - a.at || b.end - a.end);
    let out = xml;
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }
}

/** The child elements of a `<font>` element's text, with their local names. */
function fontChildren(fontXml: string, p: string): { local: string; xml: string }[] {
  const open = fontXml.indexOf(">");
  const close = fontXml.lastIndexOf("</");
  if (open < 0 || fontXml.charCodeAt(open - 1) === 47 || close < open) return [];
  const body = fontXml.slice(open + 1, close);
  const out: { local: string; xml: string }[] = [];
  const re = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\2\s*>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const local = m[2];
    // Children with another prefix than the styleSheet's are kept as extras.
    out.push({ local: (m[1] ?? "") === p ? local : `${m[1] ?? ""}${local}`, xml: m[0] });
  }
  return out;
}
