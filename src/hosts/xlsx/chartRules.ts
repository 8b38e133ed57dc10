// How both host adapters draw a plan's charts, so the CLI's file and the add-in's workbook get the
// same chart: which specs are drawable, the value axis bounds, and the cells behind a reference line.
// Pure functions; the DrawingML is in chartPart.ts, the Office.js calls in ../office/writeCharts.ts.
//
// The target as a reference line. A horizontal bar chart has its categories vertical, so the
// line must be vertical at x = target. Excel's usual trick, an XY-scatter series with error bars,
// does not survive LibreOffice, which swaps the axes of the whole diagram for horizontal bars,
// scatter series included. What Excel, PowerPoint and LibreOffice all draw alike is a second bar
// group on secondary axes (hidden, scaled as the primary ones), stacked, with no gap between the
// categories: an invisible segment from the axis start up to the target and a thin segment in the
// line's colour after it. Stacked over every category without gaps, the thin segments make one line
// from the top of the plot to the bottom, and the series named "Mål 90 %" gives the legend its entry.
// For column and line charts a line series at the target across the categories does it.
//
// Those series need cells (LibreOffice draws no series from literal values, c:numLit, and Office.js
// sets series values only from a Range): two short columns placed under the chart itself, where
// the chart hides them — a header, then one row per category.
import type { Cell } from "../../ingest/cells";
import type { Block, CellRange, ChartSpec, FontStyle, SheetPlan } from "../../report/plan";

/** The reference line's width as a share of the value axis span (2–3 pixels on a slide-sized chart). */
export const REFERENCE_LINE_WIDTH = 0.005;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** A chart as the adapters draw it: a drawable spec, the value axis bounds, the reference line's cells. */
export interface PreparedChart {
  spec: ChartSpec;
  /** Value axis bounds in effect (both set when there is a reference line). */
  bounds: { min?: number; max?: number };
  /**
   * The reference line's series. Horizontal bars: `lead` (invisible, up to the line) and `line`
   * (the thin segment), stacked on secondary axes. Other kinds: `line` only, the target per category.
   */
  reference?: { label: string; color: string; lead?: CellRange; line: CellRange };
}

const isRange = (r: unknown): r is CellRange =>
  Array.isArray(r) && r.length === 4 && r.every((x) => Number.isInteger(x) && x >= 0) && r[2] >= r[0] && r[3] >= r[1] && r[3] < MAX_COLS && r[2] < MAX_ROWS;

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

export const isHorizontal = (spec: ChartSpec): boolean => spec.kind === "bar" || spec.kind === "stackedBar";

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

/** The value axis bounds: the plan's; with a reference line both ends fixed, missing ones from the data. */
function valueBounds(spec: ChartSpec, cells: readonly (readonly Cell[])[]): { min?: number; max?: number } {
  const min = spec.valueAxis?.min;
  const max = spec.valueAxis?.max;
  if (!spec.referenceLine || (min !== undefined && max !== undefined)) return { min, max };
  const data = spec.series.flatMap((s) => rangeCells(cells, s.values)).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const hi = Math.max(spec.referenceLine.value, ...data);
  const lo = Math.min(0, spec.referenceLine.value, ...data);
  return { min: min ?? lo, max: max ?? (hi > 0 ? hi * 1.1 : 1) };
}

const NOTE_FONT: FontStyle = { size: 8, color: "808080" };

/**
 * The plan's drawable charts prepared, and the plan with the reference lines' cells added (the cell
 * grid grown to hold them, rows kept rectangular). Both adapters write the returned plan.
 */
export function prepareCharts(plan: SheetPlan, referenceHeader = "Mållinje (diagramdata)"): { plan: SheetPlan; charts: PreparedChart[] } {
  const specs = (plan.charts ?? []).filter(drawableChart);
  const oldCells = plan.cells ?? [];
  const extra: { r: number; c: number; v: Cell }[] = [];
  const formats: Block<string>[] = [];
  const fonts: Block<FontStyle>[] = [];
  const charts = specs.map((spec): PreparedChart => {
    const bounds = valueBounds(spec, oldCells);
    const ref = spec.referenceLine;
    if (!ref || typeof ref.value !== "number" || !Number.isFinite(ref.value) || spec.kind === "pie") return { spec, bounds };
    const color = /^[0-9A-Fa-f]{6}$/.test(ref.color ?? "") ? ref.color.toUpperCase() : "C00000";
    const n = categoryCount(spec);
    const [r0, c0] = [spec.anchor[0] + 1, spec.anchor[1]];
    const r1 = Math.min(MAX_ROWS - 1, r0 + n);
    extra.push({ r: r0, c: c0, v: referenceHeader });
    fonts.push({ range: [r0, c0, r1, c0 + 1], value: NOTE_FONT });
    if (isHorizontal(spec)) {
      // Bars grow from where the category axis crosses: 0, or the minimum when that is above 0.
      const width = ((bounds.max ?? 1) - (bounds.min ?? 0)) * REFERENCE_LINE_WIDTH;
      const base = bounds.min !== undefined && bounds.min > 0 ? bounds.min : 0;
      const lead = Math.round((ref.value - width / 2 - base) * 1e9) / 1e9;
      for (let i = 1; i <= n && r0 + i < MAX_ROWS; i++) extra.push({ r: r0 + i, c: c0, v: lead }, { r: r0 + i, c: c0 + 1, v: width });
      formats.push({ range: [r0 + 1, c0, r1, c0 + 1], value: "0.0000" });
      return { spec, bounds, reference: { label: ref.label, color, lead: [r0 + 1, c0, r1, c0], line: [r0 + 1, c0 + 1, r1, c0 + 1] } };
    }
    for (let i = 1; i <= n && r0 + i < MAX_ROWS; i++) extra.push({ r: r0 + i, c: c0, v: ref.value });
    const fmt = spec.valueAxis?.format;
    if (fmt) formats.push({ range: [r0 + 1, c0, r1, c0], value: fmt });
    return { spec, bounds, reference: { label: ref.label, color, line: [r0 + 1, c0, r1, c0] } };
  });
  if (extra.length === 0) return { plan, charts };
  const height = Math.max(oldCells.length, ...extra.map((e) => e.r + 1));
  const width = Math.max(oldCells.reduce((m, row) => Math.max(m, row.length), 0), ...extra.map((e) => e.c + 1));
  const cells: Cell[][] = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => oldCells[r]?.[c] ?? null));
  for (const e of extra) cells[e.r][e.c] = e.v;
  return {
    plan: { ...plan, cells, numberFormats: [...(plan.numberFormats ?? []), ...formats], fonts: [...(plan.fonts ?? []), ...fonts] },
    charts,
  };
}
