import type { Cell, SheetGrid } from "../../src/model/cells";
import { serialFromIso } from "../../src/model/days";

/** An ISO date as Excel hands it over: a 1900-system day serial. */
export const d = (iso: string): number => {
  const s = serialFromIso(iso);
  if (s === null) throw new Error(`bad date in fixture: ${iso}`);
  return s;
};

export const grid = (name: string, values: Cell[][], formats?: (string | null)[][]): SheetGrid => ({ name, values, formats });

/** A waiting list: header then rows of [unit, contact type, decision date, code, guarantee]. */
export function waitingList(rows: [string, string, string | number, Cell?, Cell?][], name = "Väntande"): SheetGrid {
  return grid(name, [
    ["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"],
    ...rows.map(
      // A blank guarantee flag is "vårdgaranti saknas" (DOMAIN.md §1): rows are covered unless a test says otherwise.
      ([unit, type, start, code, flag]) =>
        [unit, type, typeof start === "string" ? d(start) : start, code ?? null, flag === undefined ? "JA" : flag] as Cell[],
    ),
  ]);
}

/** n identical rows: handy for hand-computed counts (90 of 100 within…). */
export const times = <T>(n: number, row: T): T[] => Array.from({ length: n }, () => row);
