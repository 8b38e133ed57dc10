// Writing into a workbook in its own date system (DOMAIN.md §3), shared by both adapters so the
// CLI's file and the add-in's workbook hold the same numbers: a plan's dates are 1900-system serials
// (report knows nothing of workbooks), and a 1904 workbook (Excel for Mac's date1904) must get them
// 1,462 days smaller, or Excel shows them four years and a day late and the next run reads them so.
import type { Cell } from "../../model/cells";
import { DAYS_1900_TO_1904 } from "../../model/days";
import { isDateFormat } from "../../model/numberFormats";
import type { Block, SheetPlan } from "../../report/plan";

/** A block both writers apply: a string format over four non-negative integers, first ≤ last. */
function rectOf(b: Block<unknown>): [number, number, number, number] | null {
  const r = b.range;
  if (typeof b.value !== "string" || !Array.isArray(r) || r.length !== 4 || !r.every((n) => Number.isInteger(n) && n >= 0)) return null;
  return r[2] < r[0] || r[3] < r[1] ? null : [r[0], r[1], r[2], r[3]];
}

/**
 * The plan as a workbook in the given date system holds it: in a 1904 workbook every number
 * under a date format (the Historik tab's measurement dates, the Uppdrag tab's end dates) is
 * 1,462 days smaller; the formats decide, a later block over an earlier one, as the writers apply
 * them. In a 1900 workbook (or with no date on the tab) the plan itself is returned.
 */
export function inDateSystem(plan: SheetPlan, date1904: boolean): SheetPlan {
  if (!date1904) return plan;
  const blocks = (plan.numberFormats ?? []).map((b) => ({ rect: rectOf(b), date: isDateFormat(b.value) }));
  if (!blocks.some((b) => b.rect && b.date)) return plan;
  const cells = plan.cells ?? [];
  // Which cells end up under a date format: painted block by block, later ones on top.
  const marks: (boolean[] | undefined)[] = new Array(cells.length);
  for (const { rect, date } of blocks) {
    if (!rect) continue;
    for (let r = rect[0]; r <= Math.min(rect[2], cells.length - 1); r++) {
      const width = cells[r]?.length ?? 0;
      if (rect[1] >= width) continue;
      const row = (marks[r] ??= []);
      for (let c = rect[1]; c <= Math.min(rect[3], width - 1); c++) row[c] = date;
    }
  }
  const shifted: Cell[][] = cells.map((row, r) => {
    const m = marks[r];
    if (!m) return row;
    return row.map((v, c) => (m[c] === true && typeof v === "number" && Number.isFinite(v) ? v - DAYS_1900_TO_1904 : v));
  });
  return { ...plan, cells: shifted };
}
