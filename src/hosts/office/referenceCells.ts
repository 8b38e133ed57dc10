// The target line of the add-in's charts. Office.js cannot put a shape inside a chart (the .xlsx
// writer's c:userShapes, ../xlsx/chartRules.ts), so the gateway draws the line from series:
//
// - horizontal bars: a second bar group on secondary axes (hidden, scaled as the primary ones),
//   stacked, with no gap between the categories: an invisible segment from the axis start up to
//   the target and a thin segment in the line's colour after it. Stacked over every category
//   without gaps, the thin segments make one line from the top of the plot to the bottom, and the
//   series named "Mål 90 %" gives the legend its entry. Excel draws each axis group with its own
//   gap width and stacking, as in its bullet and Gantt charts;
// - column and line charts: a line series at the target across the categories.
//
// Office.js sets series values only from a Range, so those series need cells: two short columns
// placed under the chart itself, where the chart hides them — a header, then one row per category.
import type { Cell } from "../../model/cells";
import type { Block, CellRange, FontStyle, SheetPlan } from "../../report/plan";
import { categoryCount, isHorizontal, type PreparedChart } from "../ooxml/chartRules";

/** The reference line's width as a share of the value axis span (2–3 pixels on a slide-sized chart). */
export const REFERENCE_LINE_WIDTH = 0.005;
const MAX_ROWS = 1048576;
const NOTE_FONT: FontStyle = { size: 8, color: "808080" };

/** The cells behind one chart's reference line: `lead` (invisible, up to the line) and `line`; vertical kinds `line` only. */
export interface ReferenceCells {
  lead?: CellRange;
  line: CellRange;
}

/**
 * The plan with the reference lines' cells added under their charts (the grid grown to hold them,
 * rows kept rectangular, each under the plan's header for them), and each chart's ranges
 * (undefined for a chart without a line).
 */
export function withReferenceCells(
  plan: SheetPlan,
  charts: readonly PreparedChart[],
): { plan: SheetPlan; cells: (ReferenceCells | undefined)[] } {
  const header = plan.words.targetLine.dataHeader;
  const oldCells = plan.cells ?? [];
  const extra: { r: number; c: number; v: Cell }[] = [];
  const formats: Block<string>[] = [];
  const fonts: Block<FontStyle>[] = [];
  const cells = charts.map((chart): ReferenceCells | undefined => {
    const { spec, bounds, reference: ref } = chart;
    if (!ref) return undefined;
    const n = categoryCount(spec);
    const [r0, c0] = [spec.anchor[0] + 1, spec.anchor[1]];
    const r1 = Math.min(MAX_ROWS - 1, r0 + n);
    extra.push({ r: r0, c: c0, v: header });
    fonts.push({ range: [r0, c0, r1, c0 + 1], value: NOTE_FONT });
    if (isHorizontal(spec)) {
      // Bars grow from where the category axis crosses: 0, or the minimum when that is above 0.
      const width = ((bounds.max ?? 1) - (bounds.min ?? 0)) * REFERENCE_LINE_WIDTH;
      const base = bounds.min !== undefined && bounds.min > 0 ? bounds.min : 0;
      const lead = Math.round((ref.value - width / 2 - base) * 1e9) / 1e9;
      for (let i = 1; i <= n && r0 + i < MAX_ROWS; i++) extra.push({ r: r0 + i, c: c0, v: lead }, { r: r0 + i, c: c0 + 1, v: width });
      formats.push({ range: [r0 + 1, c0, r1, c0 + 1], value: "0.0000" });
      return { lead: [r0 + 1, c0, r1, c0], line: [r0 + 1, c0 + 1, r1, c0 + 1] };
    }
    for (let i = 1; i <= n && r0 + i < MAX_ROWS; i++) extra.push({ r: r0 + i, c: c0, v: ref.value });
    const fmt = spec.valueAxis?.format;
    if (fmt) formats.push({ range: [r0 + 1, c0, r1, c0], value: fmt });
    return { line: [r0 + 1, c0, r1, c0] };
  });
  if (extra.length === 0) return { plan, cells };
  const height = Math.max(oldCells.length, ...extra.map((e) => e.r + 1));
  const width = Math.max(
    oldCells.reduce((m, row) => Math.max(m, row.length), 0),
    ...extra.map((e) => e.c + 1),
  );
  const grid: Cell[][] = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => oldCells[r]?.[c] ?? null));
  for (const e of extra) grid[e.r][e.c] = e.v;
  return {
    plan: { ...plan, cells: grid, numberFormats: [...(plan.numberFormats ?? []), ...formats], fonts: [...(plan.fonts ?? []), ...fonts] },
    cells,
  };
}
