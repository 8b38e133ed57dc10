// A plan's charts as native Excel charts, queued in the request that writes the tab's cells, so a
// copy into PowerPoint stays an editable chart. The same charts as the .xlsx writer's
// (../xlsx/chartPart.ts): series over the plan's cells, a colour per point, the value axis bounds
// and format, horizontal bars with the first category at the top, the target line from the cells
// under the chart (a stacked bar group on the secondary axes; referenceCells.ts says why), title,
// place and size.
import type { ChartSpec } from "../../report/plan";
import { hasLegend, isHorizontal, type PreparedChart } from "../ooxml/chartRules";
import { rangeAddress } from "./address";
import type { ChartKind, ChartSeries, Worksheet } from "./excelApi";
import { jsonBytes } from "./payload";
import type { ReferenceCells } from "./referenceCells";

const TYPE: Record<ChartSpec["kind"], ChartKind> = {
  bar: "BarClustered",
  stackedBar: "BarStacked",
  column: "ColumnClustered",
  pie: "Pie",
  line: "LineMarkers",
};
/** Series the plan leaves uncoloured: Office's default accents, as in the .xlsx. */
const PALETTE = ["5B9BD5", "ED7D31", "A5A5A5", "FFC000", "4472C4", "70AD47"];
const HEX = /^[0-9A-Fa-f]{6}$/;
const color = (hex: string) => `#${hex.toUpperCase()}`;

/** Estimated request bytes of one chart: its texts and colours, and the commands per series and point. */
export function chartBytes(chart: PreparedChart, overhead: number): number {
  const points = chart.spec.series.reduce((n, s) => n + (s.pointColors?.length ?? 0), 0);
  return (
    overhead * (12 + 6 * chart.spec.series.length + points + (chart.reference ? 12 : 0)) +
    jsonBytes(chart.spec.title) +
    jsonBytes(chart.spec.series.map((s) => s.name))
  );
}

/** Queues one chart on the sheet (no sync). `supports("1.8")` enables the axis format, axis crossing and target line. */
export function applyChart(
  sheet: Worksheet,
  chart: PreparedChart,
  lines: ReferenceCells | undefined,
  supports: (version: string) => boolean,
): void {
  const { spec, bounds } = chart;
  // Only a host with ExcelApi 1.8 gets the line's cells (writePlans.ts), so `lines` implies 1.8.
  const reference = chart.reference && lines ? { ...chart.reference, ...lines } : undefined;
  const range = (r: readonly [number, number, number, number]) => sheet.getRange(rangeAddress(r[0], r[1], r[2], r[3]));
  const has18 = supports("1.8");
  const c = sheet.charts.add(TYPE[spec.kind], range(spec.series[0].values), "Columns");
  const categories = range(spec.categories);
  spec.series.forEach((s, k) => {
    let series: ChartSeries;
    if (k === 0) series = c.series.getItemAt(0);
    else {
      series = c.series.add(s.name);
      series.setValues(range(s.values));
    }
    series.name = s.name;
    series.setXAxisValues(categories);
    const hex = s.color && HEX.test(s.color) ? s.color : spec.kind === "pie" ? undefined : PALETTE[k % PALETTE.length];
    if (hex && spec.kind === "line") series.format.line.color = color(hex);
    else if (hex) series.format.fill.setSolidColor(color(hex));
    (s.pointColors ?? []).forEach((p, i) => HEX.test(p) && series.points.getItemAt(i).format.fill.setSolidColor(color(p)));
  });
  c.title.text = spec.title;
  const legend = hasLegend(spec) || reference !== undefined;
  c.legend.visible = legend;
  if (legend) {
    c.legend.position = "Bottom";
    // As in the .xlsx: no entry for a series coloured per point (it has no one colour to show).
    spec.series.forEach((s, k) => {
      if (s.pointColors?.length) c.legend.legendEntries.getItemAt(k).visible = false;
    });
  }
  if (spec.kind !== "pie") {
    const value = c.axes.valueAxis;
    if (bounds.min !== undefined) value.minimum = bounds.min;
    if (bounds.max !== undefined) value.maximum = bounds.max;
    if (has18 && spec.valueAxis?.format) value.numberFormat = spec.valueAxis.format;
    if (isHorizontal(spec)) {
      // The first category (the lowest share) at the top, and the value axis kept at the bottom.
      c.axes.categoryAxis.reversePlotOrder = true;
      if (has18) c.axes.categoryAxis.position = "Maximum";
    }
  }
  if (reference?.lead) {
    const add = (name: string, r: readonly [number, number, number, number]) => {
      const s = c.series.add(name);
      s.setValues(range(r));
      s.setXAxisValues(categories);
      s.chartType = "BarStacked";
      s.axisGroup = "Secondary";
      s.gapWidth = 0;
      s.overlap = 100;
      return s;
    };
    add("", reference.lead).format.fill.clear();
    // Legend entries follow the series: the invisible lead's comes right after the plan's series.
    c.legend.legendEntries.getItemAt(spec.series.length).visible = false;
    add(reference.label, reference.line).format.fill.setSolidColor(color(reference.color));
    const value2 = c.axes.getItem("Value", "Secondary");
    if (bounds.min !== undefined) value2.minimum = bounds.min;
    if (bounds.max !== undefined) value2.maximum = bounds.max;
    value2.visible = false;
    const category2 = c.axes.getItem("Category", "Secondary");
    category2.reversePlotOrder = true;
    category2.visible = false;
  } else if (reference) {
    const s = c.series.add(reference.label);
    s.setValues(range(reference.line));
    s.setXAxisValues(categories);
    s.chartType = "Line";
    s.format.line.color = color(reference.color);
  }
  c.setPosition(sheet.getRange(rangeAddress(spec.anchor[0], spec.anchor[1], spec.anchor[0], spec.anchor[1])));
  c.width = spec.size.width;
  c.height = spec.size.height;
}
