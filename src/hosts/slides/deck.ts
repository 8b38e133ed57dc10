import PptxGenJS from "pptxgenjs";
import { unzipSync, zipSync } from "fflate";
import type { Results } from "../../domain/results";
import type { HostWords, SheetPlan } from "../../report/plan";
import { deckTitle } from "../../report/deckTexts";
import { CT_USER_SHAPES, REL_USER_SHAPES, userShapesXml } from "../ooxml/userShapes";
import { type ChartSlide, type DeckOptions, type SlideLayout, type TableCell, type TableSlide, SLIDE, planSlides } from "./layout";

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
  // deckLayout's two parts, the slides taken plan by plan: a chart's target line is named in its plan's words.
  const title = deckTitle(results, opts.regionName, opts.workbookName, opts.lang);
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_16x9";
  pptx.title = title.title;
  pptx.company = "Målkoll";
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  const first = pptx.addSlide();
  first.addText(title.title, {
    x: SLIDE.margin,
    y: 1.6,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: 1,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: TEXT_COLOR,
  });
  first.addText(title.lines.join("\n"), {
    x: SLIDE.margin,
    y: 2.7,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: 1,
    fontFace: FONT,
    fontSize: 18,
    color: NOTE_COLOR,
    valign: "top",
  });

  // The target line of each chart (in pptxgenjs's chart order), put into its chart part afterwards.
  const lines: (string | undefined)[] = [];
  for (const plan of plans) for (const s of planSlides(plan)) addSlide(pptx, s, opts.lang, lines, plan.words);
  const out = await pptx.write({ outputType: "uint8array" });
  const parts = unzipSync(out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer));
  addUserShapes(parts, lines);
  // pptxgenjs stores its parts uncompressed for every output type but a Node stream (3.5 MB for
  // the sample); deflating them again keeps the same parts in the same order at a tenth the size.
  return zipSync(parts, { level: 6 });
}

/**
 * Each chart's target line as user shapes inside the chart (../xlsx/chartPart.ts writes the same
 * for the .xlsx), so the line moves, scales and copies with the chart. pptxgenjs writes charts as
 * ppt/charts/chartN.xml in the order they were added, each related to its embedded workbook by
 * rId1, and has no user shapes of its own.
 */
function addUserShapes(parts: Record<string, Uint8Array>, lines: readonly (string | undefined)[]): void {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let overrides = "";
  lines.forEach((xml, i) => {
    const chart = `ppt/charts/chart${i + 1}.xml`;
    const rels = `ppt/charts/_rels/chart${i + 1}.xml.rels`;
    if (xml === undefined || !parts[chart] || !parts[rels]) return;
    const drawing = `ppt/drawings/drawing${i + 1}.xml`;
    parts[drawing] = enc.encode(xml);
    parts[rels] = enc.encode(
      dec
        .decode(parts[rels])
        .replace(
          "</Relationships>",
          `<Relationship Id="rIdMalkollLine" Type="${REL_USER_SHAPES}" Target="../drawings/drawing${i + 1}.xml"/></Relationships>`,
        ),
    );
    parts[chart] = enc.encode(dec.decode(parts[chart]).replace("</c:chartSpace>", '<c:userShapes r:id="rIdMalkollLine"/></c:chartSpace>'));
    overrides += `<Override PartName="/${drawing}" ContentType="${CT_USER_SHAPES}"/>`;
  });
  const ct = "[Content_Types].xml";
  if (overrides && parts[ct]) parts[ct] = enc.encode(dec.decode(parts[ct]).replace("</Types>", `${overrides}</Types>`));
}

function addSlide(pptx: PptxGenJS, s: SlideLayout, lang: DeckOptions["lang"], lines: (string | undefined)[], words: HostWords): void {
  const slide = pptx.addSlide();
  slide.addText(s.title, {
    x: SLIDE.margin,
    y: SLIDE.titleTop,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: SLIDE.titleHeight,
    fontFace: FONT,
    fontSize: 20,
    bold: true,
    color: TEXT_COLOR,
    fit: "shrink",
    valign: "middle",
  });
  slide.addText(s.footnote, {
    x: SLIDE.margin,
    y: SLIDE.footTop,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: SLIDE.footHeight,
    fontFace: FONT,
    fontSize: 8,
    color: NOTE_COLOR,
    valign: "top",
  });
  if (s.kind === "table") addTable(slide, s);
  else lines.push(addChart(pptx, slide, s, lang, words));
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
  slide.addTable(rows, {
    x: SLIDE.margin,
    y: SLIDE.bodyTop,
    w: s.colWidths.reduce((a, b) => a + b, 0),
    colW: s.colWidths,
    autoPage: false,
  });
}

/** The plot area as fractions of the chart frame, fixed when a reference line is drawn in it. */
const PLOT = { x: 0.32, y: 0.06, w: 0.6, h: 0.86 };

/** Adds the chart; returns its target line as a user-shapes part, if it has one. */
function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, s: ChartSlide, lang: DeckOptions["lang"], words: HostWords): string | undefined {
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
  if (!line) return undefined;
  const color = /^[0-9A-Fa-f]{6}$/.test(line.color) ? line.color.toUpperCase() : "C00000";
  return userShapesXml(
    {
      spec: { kind: s.chart, size: { width: frame.w * 72, height: frame.h * 72 } },
      bounds: { min: axis.min ?? 0, max: axis.max },
      reference: { value: line.value, label: line.label, color },
      plot: PLOT,
    },
    words.targetLine.name,
  );
}
