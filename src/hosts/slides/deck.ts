import PptxGenJS from "pptxgenjs";
import { unzipSync, zipSync } from "fflate";
import type { Results } from "../../domain/results";
import type { SheetPlan } from "../../report/plan";
import { type ChartSlide, type DeckOptions, type SlideLayout, type TableCell, type TableSlide, SLIDE, deckLayout } from "./layout";

export type { DeckOptions };

const FONT = "Calibri";
const TEXT_COLOR = "262626";
const NOTE_COLOR = "595959";
const TABLE_BORDER = { type: "solid" as const, pt: 0.5, color: "BFBFBF" };

/**
 * The summary tabs as a 16:9 PowerPoint deck: a title slide, one slide per table (long tables
 * continued on the next), one per chart as a native, editable chart, each with a footnote. Pure
 * (plans and results in, bytes out), so the CLI, the pane and the preview share it.
 */
export async function renderDeck(plans: readonly SheetPlan[], results: Results, opts: DeckOptions): Promise<Uint8Array> {
  const layout = deckLayout(plans, results, opts);
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_16x9";
  pptx.title = layout.title.title;
  pptx.company = "Målkoll";
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  const first = pptx.addSlide();
  first.addText(layout.title.title, { x: SLIDE.margin, y: 1.6, w: SLIDE.width - 2 * SLIDE.margin, h: 1, fontFace: FONT, fontSize: 36, bold: true, color: TEXT_COLOR });
  first.addText(layout.title.lines.join("\n"), { x: SLIDE.margin, y: 2.7, w: SLIDE.width - 2 * SLIDE.margin, h: 1, fontFace: FONT, fontSize: 18, color: NOTE_COLOR, valign: "top" });

  for (const s of layout.slides) addSlide(pptx, s, opts.lang);
  const out = await pptx.write({ outputType: "uint8array" });
  // pptxgenjs stores its parts uncompressed for every output type but a Node stream (3.5 MB for
  // the sample); deflating them again keeps the same parts in the same order at a tenth the size.
  return zipSync(unzipSync(out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer)), { level: 6 });
}

function addSlide(pptx: PptxGenJS, s: SlideLayout, lang: DeckOptions["lang"]): void {
  const slide = pptx.addSlide();
  slide.addText(s.title, { x: SLIDE.margin, y: SLIDE.titleTop, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.titleHeight, fontFace: FONT, fontSize: 20, bold: true, color: TEXT_COLOR, fit: "shrink", valign: "middle" });
  slide.addText(s.footnote, { x: SLIDE.margin, y: SLIDE.footTop, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.footHeight, fontFace: FONT, fontSize: 8, color: NOTE_COLOR, valign: "top" });
  if (s.kind === "table") addTable(slide, s);
  else addChart(pptx, slide, s, lang);
}

function tableCell(c: TableCell, fontSize: number): PptxGenJS.TableCell {
  return {
    text: c.text,
    options: {
      fontFace: FONT,
      fontSize,
      color: c.color ?? TEXT_COLOR,
      bold: c.bold ?? false,
      italic: c.italic ?? false,
      align: c.align,
      valign: "middle",
      margin: [0.03, 0.05, 0.03, 0.05],
      border: [TABLE_BORDER, TABLE_BORDER, TABLE_BORDER, TABLE_BORDER],
      ...(c.fill ? { fill: { color: c.fill } } : {}),
    },
  };
}

function addTable(slide: PptxGenJS.Slide, s: TableSlide): void {
  const rows = [s.header, ...s.rows].map((cells) => cells.map((c) => tableCell(c, s.fontSize)));
  slide.addTable(rows, { x: SLIDE.margin, y: SLIDE.bodyTop, w: s.colWidths.reduce((a, b) => a + b, 0), colW: s.colWidths, autoPage: false });
}

/** The plot area as fractions of the chart frame, fixed when a reference line is drawn over it. */
const PLOT = { x: 0.32, y: 0.06, w: 0.6, h: 0.86 };

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, s: ChartSlide, lang: DeckOptions["lang"]): void {
  const frame = { x: SLIDE.margin, y: SLIDE.bodyTop, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.bodyHeight };
  const horizontal = s.chart === "bar" || s.chart === "stackedBar";
  const type = s.chart === "pie" ? pptx.ChartType.pie : s.chart === "line" ? pptx.ChartType.line : pptx.ChartType.bar;
  const data = s.series.map((x) => ({ name: x.name, labels: s.categories, values: x.values }));
  const single = s.series.length === 1 ? s.series[0] : undefined;
  const colors = single?.pointColors ?? s.series.map((x) => x.color ?? "5B9BD5");
  const axis = s.valueAxis ?? {};
  const line = s.referenceLine && s.chart !== "pie" && s.chart !== "line" && axis.max !== undefined ? s.referenceLine : undefined;
  const options: Record<string, unknown> = {
    ...frame,
    fontFace: FONT,
    chartColors: colors,
    showLegend: s.series.length > 1 || s.chart === "pie",
    legendPos: "b",
    legendFontSize: 9,
    // Every unit named: 26 bars leave room for 7-point labels, not for 9.
    catAxisLabelFontSize: s.categories.length > 18 ? 7 : s.categories.length > 12 ? 8 : 9,
    catAxisLabelFrequency: 1,
    valAxisLabelFontSize: 9,
    showValue: s.chart !== "line",
    dataLabelFontSize: 8,
    lang: lang === "sv" ? "sv-SE" : "en-GB",
  };
  if (s.chart !== "pie") {
    if (axis.min !== undefined) options.valAxisMinVal = axis.min;
    if (axis.max !== undefined) options.valAxisMaxVal = axis.max;
    if (axis.format) options.valAxisLabelFormatCode = axis.format;
  }
  if (s.valueFormat) options.dataLabelFormatCode = s.valueFormat;
  if (s.chart === "bar" || s.chart === "column" || s.chart === "stackedBar") {
    options.barDir = horizontal ? "bar" : "col";
    options.barGapWidthPct = 60;
    if (s.chart === "stackedBar") {
      // Counts: whole steps on the axis, and no "0" label on a colour a goal has none of.
      options.barGrouping = "stacked";
      options.dataLabelPosition = "ctr";
      options.valAxisMajorUnit = 1;
      options.dataLabelFormatCode = "0;-0;;";
    } else options.dataLabelPosition = "outEnd";
  }
  // Horizontal bars list the categories top to bottom in the tab's order: the category axis runs
  // max to min, and the value axis then crosses at its maximum so that it stays at the bottom.
  if (horizontal) {
    options.catAxisOrientation = "maxMin";
    options.catAxisCrossesAt = "max";
    options.valAxisLabelPos = "nextTo";
  }
  if (s.chart === "line") {
    options.lineDataSymbol = "circle";
    options.lineDataSymbolSize = 7;
  }
  if (line) options.layout = PLOT;
  slide.addChart(type, data, options as PptxGenJS.IChartOpts);
  if (line) drawReferenceLine(slide, frame, horizontal, axis.min ?? 0, axis.max!, line);
}

/**
 * The target as a dashed line across the plot at its value. PowerPoint cannot combine horizontal
 * bars with a line series, so it is drawn over the chart's fixed plot area instead (the chart
 * stays editable; the line is a shape on the slide beside it).
 */
function drawReferenceLine(
  slide: PptxGenJS.Slide,
  frame: { x: number; y: number; w: number; h: number },
  horizontal: boolean,
  min: number,
  max: number,
  ref: NonNullable<ChartSlide["referenceLine"]>,
): void {
  const at = Math.min(1, Math.max(0, (ref.value - min) / (max - min)));
  const lineStyle = { color: ref.color, width: 1.5, dashType: "dash" as const };
  const label = { fontFace: FONT, fontSize: 9, color: ref.color, bold: true };
  if (horizontal) {
    const x = frame.x + frame.w * (PLOT.x + PLOT.w * at);
    const top = frame.y + frame.h * PLOT.y;
    slide.addShape("line", { x, y: top, w: 0, h: frame.h * PLOT.h, line: lineStyle });
    slide.addText(ref.label, { x: x - 1.5, y: top - 0.25, w: 1.5, h: 0.22, align: "right", ...label });
  } else {
    const y = frame.y + frame.h * (PLOT.y + PLOT.h * (1 - at));
    const left = frame.x + frame.w * PLOT.x;
    slide.addShape("line", { x: left, y, w: frame.w * PLOT.w, h: 0, line: lineStyle });
    slide.addText(ref.label, { x: left + frame.w * PLOT.w - 1.5, y: y - 0.24, w: 1.5, h: 0.22, align: "right", ...label });
  }
}
