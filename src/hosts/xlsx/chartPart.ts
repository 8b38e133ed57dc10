// A plan's ChartSpecs as native DrawingML charts (ECMA-376 Part 1 §21.2): one chart part
// (xl/charts/chartN.xml, c:chartSpace) per chart and one drawing part (xl/drawings/drawingN.xml)
// per tab anchoring them.
//
// Hand-written: ExcelJS writes no charts, and no JavaScript library writes native charts into an
// existing package byte for byte (write.ts keeps every input part as it is). The XML holds exactly
// the elements Excel itself writes for these charts, in the schema's order, with srgbClr colours
// (LibreOffice does not resolve theme colours in chart parts) and cached values beside every
// formula (LibreOffice and PowerPoint draw from the caches until the data is recalculated).
//
// The reference line is a user shape over a fixed plot area: see chartRules.ts.
import type { Cell } from "../../model/cells";
import { columnLetter } from "../../model/cells";
import type { Block, CellRange, ChartSpec } from "../../report/plan";
import { type FrameRect, hasLegend, isHorizontal, rangeCells, referenceGeometry, type PreparedChart } from "../ooxml/chartRules";
import { NS_A, NS_C, num, solidFill } from "../ooxml/drawingml";
import { escapeAttr, escapeText } from "../ooxml/xml";

export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** English Metric Units per point. */
export const EMU_PER_POINT = 12700;
/** Colours for series the plan leaves uncoloured: Office's default accents, as Excel would pick them. */
const PALETTE = ["5B9BD5", "ED7D31", "A5A5A5", "FFC000", "4472C4", "70AD47"];
const HEX = /^[0-9A-Fa-f]{6}$/;

/** A sheet name quoted for a formula: always quoted, a quote inside doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Vårdgaranti'!$A$5:$A$30` for a 0-based inclusive range of the tab. */
export function rangeFormula(sheetName: string, r: CellRange): string {
  const a = `$${columnLetter(r[1])}$${r[0] + 1}`;
  const b = `$${columnLetter(r[3])}$${r[2] + 1}`;
  return `${quoteSheetName(sheetName)}!${a === b ? a : `${a}:${b}`}`;
}

/** The number format the plan gives a cell (later blocks win), or undefined. */
function formatAt(blocks: readonly Block<string>[], row: number, col: number): string | undefined {
  let f: string | undefined;
  for (const b of blocks) if (row >= b.range[0] && row <= b.range[2] && col >= b.range[1] && col <= b.range[3]) f = b.value;
  return f;
}

const fillSpPr = (hex: string) => `<c:spPr>${solidFill(hex)}<a:ln><a:noFill/></a:ln></c:spPr>`;
const lineSpPr = (hex: string) => `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(hex)}<a:round/></a:ln></c:spPr>`;

/** What the chart's text looks like: one size, a dark grey, as on the committee's slides. */
const TEXT_PR = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">${solidFill("404040")}</a:defRPr></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>`;

function titleXml(title: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="sv-SE" sz="1400" b="1">${solidFill("262626")}</a:rPr><a:t>${escapeText(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
  );
}

export interface ChartContext {
  /** The tab's final name, for the formulas. */
  sheetName: string;
  cells: readonly (readonly Cell[])[];
  numberFormats: readonly Block<string>[];
  /** The workbook's date system, which the chart's cached dates (the Historik trend's categories) follow. */
  date1904?: boolean;
}

/** Categories as c:strRef (text) or, when every one is a number (dates), c:numRef with the cells' format. */
function categoriesXml(spec: ChartSpec, ctx: ChartContext): { xml: string; numFmt?: string } {
  const values = rangeCells(ctx.cells, spec.categories);
  const f = `<c:f>${escapeText(rangeFormula(ctx.sheetName, spec.categories))}</c:f>`;
  if (values.length > 0 && values.every((v) => typeof v === "number" && Number.isFinite(v))) {
    const fmt = formatAt(ctx.numberFormats, spec.categories[0], spec.categories[1]) ?? "General";
    const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${num(v as number)}</c:v></c:pt>`).join("");
    return {
      xml: `<c:cat><c:numRef>${f}<c:numCache><c:formatCode>${escapeText(fmt)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef></c:cat>`,
      numFmt: fmt,
    };
  }
  const pts = values
    .map((v, i) =>
      v === null || v === ""
        ? ""
        : `<c:pt idx="${i}"><c:v>${escapeText(typeof v === "boolean" ? (v ? "SANT" : "FALSKT") : String(v))}</c:v></c:pt>`,
    )
    .join("");
  return { xml: `<c:cat><c:strRef>${f}<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef></c:cat>` };
}

function valuesXml(range: CellRange, ctx: ChartContext): string {
  const values = rangeCells(ctx.cells, range);
  const fmt = formatAt(ctx.numberFormats, range[0], range[1]) ?? "General";
  // A cell that holds no number (a dash for "no data") is left out of the cache: a gap in the chart.
  const pts = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>` : ""))
    .join("");
  return `<c:val><c:numRef><c:f>${escapeText(rangeFormula(ctx.sheetName, range))}</c:f><c:numCache><c:formatCode>${escapeText(fmt)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef></c:val>`;
}

const serTx = (name: string) => `<c:tx><c:v>${escapeText(name)}</c:v></c:tx>`;

function pointColors(spec: ChartSpec["series"][number], kind: ChartSpec["kind"]): string {
  const extra = kind === "pie" ? '<c:bubble3D val="0"/>' : "";
  return (spec.pointColors ?? [])
    .map((hex, i) =>
      HEX.test(hex)
        ? `<c:dPt><c:idx val="${i}"/>${kind === "pie" ? "" : '<c:invertIfNegative val="0"/>'}${extra}${fillSpPr(hex)}</c:dPt>`
        : "",
    )
    .join("");
}

function scaling(reverse: boolean, bounds: { min?: number; max?: number } = {}): string {
  return (
    `<c:scaling><c:orientation val="${reverse ? "maxMin" : "minMax"}"/>` +
    (bounds.max !== undefined ? `<c:max val="${num(bounds.max)}"/>` : "") +
    (bounds.min !== undefined ? `<c:min val="${num(bounds.min)}"/>` : "") +
    "</c:scaling>"
  );
}

const AXIS_LINE = `<c:spPr><a:ln w="9525">${solidFill("BFBFBF")}</a:ln></c:spPr>`;
const GRIDLINES = `<c:majorGridlines><c:spPr><a:ln w="9525">${solidFill("E0E0E0")}</a:ln></c:spPr></c:majorGridlines>`;

function catAx(id: number, cross: number, pos: string, opts: { reverse: boolean; numFmt?: string }): string {
  return (
    `<c:catAx><c:axId val="${id}"/>${scaling(opts.reverse)}<c:delete val="0"/><c:axPos val="${pos}"/>` +
    (opts.numFmt ? `<c:numFmt formatCode="${escapeAttr(opts.numFmt)}" sourceLinked="1"/>` : "") +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${TEXT_PR}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** `crosses`: "max" puts the value axis at the far end of its category axis (the bottom, when the categories run top down). */
function valAx(
  id: number,
  cross: number,
  pos: string,
  opts: { bounds: { min?: number; max?: number }; format?: string; crosses: "autoZero" | "max" },
): string {
  return (
    `<c:valAx><c:axId val="${id}"/>${scaling(false, opts.bounds)}<c:delete val="0"/><c:axPos val="${pos}"/>${GRIDLINES}` +
    `<c:numFmt formatCode="${escapeAttr(opts.format ?? "General")}" sourceLinked="${opts.format ? 0 : 1}"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${TEXT_PR}` +
    `<c:crossAx val="${cross}"/><c:crosses val="${opts.crosses}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** The chart part of one ChartSpec; `userShapesRelId` when its reference line is drawn in a user-shapes part. */
export function chartPartXml(chart: PreparedChart, ctx: ChartContext, userShapesRelId?: string): string {
  const { spec, bounds } = chart;
  const cat = categoriesXml(spec, ctx);
  const horizontal = isHorizontal(spec);
  const parts: string[] = [];
  const deleted: number[] = [];

  const seriesXml = spec.series.map((s, i) => {
    const color = s.color && HEX.test(s.color) ? s.color : spec.kind === "pie" ? undefined : PALETTE[i % PALETTE.length];
    const head = `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${serTx(s.name)}`;
    if (spec.kind === "line") {
      return `${head}${lineSpPr(color!)}<c:marker><c:symbol val="circle"/><c:size val="5"/>${`<c:spPr>${solidFill(color!)}<a:ln><a:noFill/></a:ln></c:spPr>`}</c:marker>${cat.xml}${valuesXml(s.values, ctx)}<c:smooth val="0"/></c:ser>`;
    }
    if (spec.kind === "pie") {
      return `${head}${color ? fillSpPr(color) : ""}${pointColors(s, "pie")}${cat.xml}${valuesXml(s.values, ctx)}</c:ser>`;
    }
    // A bar series coloured per point shows no single colour worth a legend entry.
    if (s.pointColors?.length) deleted.push(i);
    return `${head}${fillSpPr(color!)}<c:invertIfNegative val="0"/>${pointColors(s, spec.kind)}${cat.xml}${valuesXml(s.values, ctx)}</c:ser>`;
  });

  if (spec.kind === "pie") {
    parts.push(`<c:pieChart><c:varyColors val="1"/>${seriesXml.join("")}<c:firstSliceAng val="0"/></c:pieChart>`);
  } else if (spec.kind === "line") {
    parts.push(
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml.join("")}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>`,
    );
  } else {
    const stacked = spec.kind === "stackedBar";
    parts.push(
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${seriesXml.join("")}` +
        `<c:gapWidth val="${stacked ? 60 : 50}"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="1"/><c:axId val="2"/></c:barChart>`,
    );
  }

  if (spec.kind !== "pie") {
    // Horizontal bars list the categories top down in table order (the lowest share first):
    // the category axis runs max to min, and the value axis crosses it at its far end, the bottom.
    parts.push(catAx(1, 2, horizontal ? "l" : "b", { reverse: horizontal, numFmt: cat.numFmt }));
    parts.push(valAx(2, 1, horizontal ? "b" : "l", { bounds, format: spec.valueAxis?.format, crosses: horizontal ? "max" : "autoZero" }));
  }

  const legendXml = hasLegend(spec)
    ? `<c:legend><c:legendPos val="b"/>${deleted.map((i) => `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>`).join("")}<c:overlay val="0"/>${TEXT_PR}</c:legend>`
    : "";
  const shapes = userShapesRelId && referenceGeometry(chart) ? `<c:userShapes r:id="${escapeAttr(userShapesRelId)}"/>` : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:date1904 val="${ctx.date1904 ? 1 : 0}"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(spec.title)}<c:plotArea>${layoutXml(shapes ? chart.plot : undefined)}${parts.join("")}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `${legendXml}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solidFill("FFFFFF")}<a:ln w="9525">${solidFill("D9D9D9")}</a:ln></c:spPr>${TEXT_PR}${shapes}` +
    "</c:chartSpace>"
  );
}

/** The plot area's inner rectangle fixed (as Excel writes it when the plot area is resized by hand), or automatic. */
function layoutXml(plot: FrameRect | undefined): string {
  if (!plot) return "<c:layout/>";
  return (
    '<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>' +
    `<c:x val="${num(plot.x)}"/><c:y val="${num(plot.y)}"/><c:w val="${num(plot.w)}"/><c:h val="${num(plot.h)}"/></c:manualLayout></c:layout>`
  );
}

/** One chart's place on the tab, and its relationship id in the drawing's rels. */
export interface ChartAnchor {
  row: number;
  col: number;
  /** Points. */
  width: number;
  height: number;
  relId: string;
  name: string;
}

/**
 * The drawing part of a tab: one oneCellAnchor per chart, at the plan's anchor cell, sized in EMU
 * from the plan's points (a twoCellAnchor would have to guess row heights Excel computes on load).
 */
export function drawingPartXml(anchors: readonly ChartAnchor[]): string {
  const body = anchors
    .map((a, i) => {
      const cx = Math.round(Math.max(1, a.width) * EMU_PER_POINT);
      const cy = Math.round(Math.max(1, a.height) * EMU_PER_POINT);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${a.relId}"/></a:graphicData></a:graphic>` +
        "</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>"
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${body}</xdr:wsDr>`;
}
