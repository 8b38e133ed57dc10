// Text that Excel would not keep as text. Writing a string into Range.values is like typing it:
// "=x", "+x", "-x" and "@x" become formulas, "-5" or "12" numbers, "2024-01-31" a date, "TRUE" a
// boolean, "#N/A" an error. Such cells get the number format "@" (Text) before their value is
// written, which makes Excel store the string as it is. The test is deliberately broad (any digit,
// whatever the locale would parse): an unneeded "@" on a text cell changes nothing the user sees.
import type { Cell } from "../../model/cells";

const RISKY_START = /^[=+\-@#]/;
const DIGIT = /\d/;
const BOOLEAN_WORD = /^\s*(true|false|sant|falskt)\s*$/i;

/** True when Excel might turn this text into a formula, number, date, boolean or error. */
export function needsTextFormat(text: string): boolean {
  return RISKY_START.test(text) || DIGIT.test(text) || BOOLEAN_WORD.test(text);
}

/** Rectangles [r0, c0, r1, c1] covering exactly the cells that need "@": row runs, merged downwards when equal. */
export function textFormatRectangles(cells: readonly (readonly Cell[])[]): [number, number, number, number][] {
  const done: [number, number, number, number][] = [];
  // Open rectangles by column span "c0:c1", extended while the next row has the same run.
  let open = new Map<string, [number, number, number, number]>();
  for (let r = 0; r <= cells.length; r++) {
    const row = r < cells.length ? cells[r] : [];
    const next = new Map<string, [number, number, number, number]>();
    for (let c = 0; c < row.length;) {
      if (!isRisky(row[c])) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < row.length && isRisky(row[e + 1])) e++;
      const key = `${c}:${e}`;
      const rect = open.get(key);
      if (rect) {
        rect[2] = r;
        open.delete(key);
        next.set(key, rect);
      } else next.set(key, [r, c, r, e]);
      c = e + 1;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  return done.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const isRisky = (v: Cell | undefined): boolean => typeof v === "string" && needsTextFormat(v);
