import { type Cell, type SheetGrid, columnLetter } from "../model/cells";
import type { Issue } from "./records";
import type { ReasonCode } from "../model/reasons";
import { cellText } from "./parse/text";

/** An Issue for a cell of a sheet's row i (0-based in values), as Excel shows it: row, column header, cell. */
export function issueAt(
  grid: SheetGrid,
  headers: readonly Cell[],
  i: number,
  col: number,
  value: Cell | undefined,
  reason: ReasonCode,
): Issue {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const row = origin.row + i + 1;
  return {
    sheet: grid.name,
    row,
    column: cellText(headers[col] ?? null) || columnLetter(origin.col + col),
    cell: `${columnLetter(origin.col + col)}${row}`,
    value: cellText(value ?? null),
    reason,
  };
}
