import { type Cell, type SheetGrid, columnLetter } from "../model/cells";
import type { Issue } from "./records";
import type { ReasonCode } from "../model/reasons";
import { cellText, isErrorValue } from "./parse/text";

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

/** The columns of a (partial) column map, each once, in sheet order. */
export function usedColumns(map: Readonly<Partial<Record<string, number>>>): number[] {
  const cols: number[] = [];
  for (const c of Object.values(map)) if (c !== undefined && !cols.includes(c)) cols.push(c);
  return cols.sort((a, b) => a - b);
}

/** The first of `cols` whose cell in the row holds an Excel error value (#REF!, #N/A …), or -1. */
export function errorColumn(row: readonly Cell[], cols: readonly number[]): number {
  for (let k = 0; k < cols.length; k++) if (isErrorValue(row[cols[k]] ?? null)) return cols[k];
  return -1;
}
