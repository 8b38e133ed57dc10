// How both host adapters draw a plan's charts, so the CLI's file and the add-in's workbook get the
// same chart: which specs are drawable, the value axis bounds, and where the plot area sits when a
// reference line is drawn over it. Pure functions; the DrawingML is in chartPart.ts, the Office.js
// calls in ../office/writeCharts.ts.
//
// The target as a reference line. A horizontal bar chart has its categories vertical, so the line
// must be vertical at x = target, which no series type draws in every program: an XY-scatter series
// is swapped with the rest of the diagram by LibreOffice, and a stacked bar group on secondary axes
// (what the Office.js gateway uses, ../office/referenceCells.ts) is stacked onto the bars by
// LibreOffice. The .xlsx therefore draws the line as a user shape inside the chart (c:userShapes,
// a dashed connector with its label, anchored in fractions of the chart) over a plot area whose
// inner rectangle is fixed (c:manualLayout): Excel and LibreOffice place both alike, the line moves
// and scales with the chart, and no helper cells are needed.
import type { Cell } from "../../model/cells";
import type { CellRange, ChartSpec } from "../../report/plan";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** A rectangle as fractions of the chart's frame (0–1 from the top left). */
export interface FrameRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A chart as the adapters draw it: a drawable spec, the value axis bounds, the reference line. */
export interface PreparedChart {
  spec: ChartSpec;
  /** Value axis bounds in effect (both set when there is a reference line). */
  bounds: { min?: number; max?: number };
  /** The reference line (not on pies), its colour checked. */
  reference?: { value: number; label: string; color: string };
  /** With a reference line: the inner plot area (without axis labels), fixed so the line can be placed over it. */
  plot?: FrameRect;
}

const isRange = (r: unknown): r is CellRange =>
  Array.isArray(r) &&
  r.length === 4 &&
  r.every((x) => Number.isInteger(x) && x >= 0) &&
  r[2] >= r[0] &&
  r[3] >= r[1] &&
  r[3] < MAX_COLS &&
  r[2] < MAX_ROWS;

/** A chart spec a host can draw: ranges inside the sheet, at least one series, a place and a size. */
export function drawableChart(spec: ChartSpec): boolean {
  return (
    !!spec &&
    ["bar", "column", "stackedBar", "pie", "line"].includes(spec.kind) &&
    isRange(spec.categories) &&
    Array.isArray(spec.series) &&
    spec.series.length > 0 &&
    spec.series.every((s) => isRange(s.values)) &&
    Array.isArray(spec.anchor) &&
    spec.anchor.length === 2 &&
    spec.anchor.every((x) => Number.isInteger(x) && x >= 0 && x < MAX_ROWS) &&
    spec.anchor[1] < MAX_COLS - 2 &&
    spec.size?.width > 0 &&
    spec.size?.height > 0
  );
}

export const isHorizontal = (spec: Pick<ChartSpec, "kind">): boolean => spec.kind === "bar" || spec.kind === "stackedBar";

/** The cells of a range in reading order (a chart's ranges are one column or one row). */
export function rangeCells(cells: readonly (readonly Cell[])[], r: CellRange): Cell[] {
  const out: Cell[] = [];
  for (let i = r[0]; i <= r[2]; i++) for (let j = r[1]; j <= r[3]; j++) out.push(cells[i]?.[j] ?? null);
  return out;
}

export function categoryCount(spec: ChartSpec): number {
  const r = spec.categories;
  return (r[2] - r[0] + 1) * (r[3] - r[1] + 1);
}

/** Whether the chart shows a legend: pies, and charts with more than one series. */
export const hasLegend = (spec: ChartSpec): boolean => spec.kind === "pie" || spec.series.length > 1;

/** The value axis bounds: the plan's; with a reference line both ends fixed, missing ones from the data. */
function valueBounds(spec: ChartSpec, cells: readonly (readonly Cell[])[]): { min?: number; max?: number } {
  const min = spec.valueAxis?.min;
  const max = spec.valueAxis?.max;
  if (!spec.referenceLine || (min !== undefined && max !== undefined)) return { min, max };
  const data = spec.series
    .flatMap((s) => rangeCells(cells, s.values))
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const hi = Math.max(spec.referenceLine.value, ...data);
  const lo = Math.min(0, spec.referenceLine.value, ...data);
  return { min: min ?? lo, max: max ?? (hi > 0 ? hi * 1.1 : 1) };
}

// Text measures in points for the chart's 10-point labels, 14-point bold title and 9-point bold
// target label: generous averages for Calibri (Excel) and DejaVu Sans/Carlito (LibreOffice), so the
// longest unit name fits beside the fixed plot area in both.
const LABEL_CHAR = 5;
const TITLE_CHAR = 7.6;
const TITLE_LINE = 18;
const TARGET_CHAR = 5.4;
const TARGET_HEIGHT = 14;
const PAD = 8;

/** Fractions of a chart are written with four decimals (a tenth of a point on a slide-sized chart). */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The inner plot area of a chart with a reference line: room above for the title and the line's
 * label, beside for the category labels (horizontal bars: the longest unit name, at most half the
 * width), below for the value axis labels and the legend.
 */
export function plotArea(spec: ChartSpec, cells: readonly (readonly Cell[])[]): FrameRect {
  const { width: W, height: H } = spec.size;
  const titleLines = Math.max(1, Math.ceil((spec.title.length * TITLE_CHAR) / Math.max(1, W - 4 * PAD)));
  const top = PAD + titleLines * TITLE_LINE + (isHorizontal(spec) ? TARGET_HEIGHT + 4 : PAD);
  const legend = hasLegend(spec) ? 20 : 0;
  let left: number;
  let bottom: number;
  if (isHorizontal(spec)) {
    const longest = rangeCells(cells, spec.categories).reduce<number>((m, c) => Math.max(m, c === null ? 0 : String(c).length), 0);
    left = PAD + Math.min(W / 2, longest * LABEL_CHAR + PAD);
    bottom = PAD + 16 + legend;
  } else {
    left = PAD + 36;
    bottom = PAD + 22 + legend;
  }
  const right = 2 * PAD;
  return {
    x: round4(left / W),
    y: round4(top / H),
    w: round4(Math.max(0.1, (W - left - right) / W)),
    h: round4(Math.max(0.1, (H - top - bottom) / H)),
  };
}

/** What placing a reference line needs: the chart's kind and size, axis bounds, plot area and line. */
export type LinePlacement = Pick<PreparedChart, "bounds" | "reference" | "plot"> & { spec: Pick<ChartSpec, "kind" | "size"> };

/** Where a prepared chart's reference line and its label go, as fractions of the chart's frame. */
export function referenceGeometry(
  chart: LinePlacement,
): { from: [number, number]; to: [number, number]; label: FrameRect; align: "ctr" | "r" } | undefined {
  const { spec, plot, reference: ref, bounds } = chart;
  if (!plot || !ref || bounds.min === undefined || bounds.max === undefined || bounds.max <= bounds.min) return undefined;
  const { width: W, height: H } = spec.size;
  const at = Math.min(1, Math.max(0, (ref.value - bounds.min) / (bounds.max - bounds.min)));
  const labelW = (ref.label.length * TARGET_CHAR + 6) / W;
  const labelH = TARGET_HEIGHT / H;
  if (isHorizontal(spec)) {
    const x = round4(plot.x + plot.w * at);
    // Centred above the line, kept inside the frame.
    const lx = Math.min(1 - 4 / W - labelW, Math.max(plot.x, x - labelW / 2));
    return {
      from: [x, plot.y],
      to: [x, round4(plot.y + plot.h)],
      label: { x: round4(lx), y: round4(plot.y - labelH - 2 / H), w: round4(labelW), h: round4(labelH) },
      align: "ctr",
    };
  }
  const y = round4(plot.y + plot.h * (1 - at));
  return {
    from: [plot.x, y],
    to: [round4(plot.x + plot.w), y],
    label: { x: round4(plot.x + plot.w - labelW), y: round4(Math.max(0, y - labelH - 2 / H)), w: round4(labelW), h: round4(labelH) },
    align: "r",
  };
}

/** The plan's drawable charts, with their value axis bounds and, with a reference line, the fixed plot area. */
export function prepareCharts(plan: { charts?: ChartSpec[]; cells?: Cell[][] }): PreparedChart[] {
  const cells = plan.cells ?? [];
  return (plan.charts ?? []).filter(drawableChart).map((spec): PreparedChart => {
    const bounds = valueBounds(spec, cells);
    const ref = spec.referenceLine;
    if (!ref || typeof ref.value !== "number" || !Number.isFinite(ref.value) || spec.kind === "pie") return { spec, bounds };
    const color = /^[0-9A-Fa-f]{6}$/.test(ref.color ?? "") ? ref.color.toUpperCase() : "C00000";
    return { spec, bounds, reference: { value: ref.value, label: ref.label, color }, plot: plotArea(spec, cells) };
  });
}
