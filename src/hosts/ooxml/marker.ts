// How Målkoll knows a tab is its own: a hidden sheet-scoped defined name `_Malkoll_Marker` holding
// the plan's marker as a formula string, `="malkoll:careGuarantee"`. The .xlsx adapter writes it
// into workbook.xml and the Office adapter through Worksheet.names, so a tab written by the CLI is
// recognised in Excel and the other way round.

/** The name of the defined name that marks Målkoll's own tabs. */
export const MARKER_NAME = "_Malkoll_Marker";

/** `"malkoll:x"` → `malkoll:x` (a quoted formula string constant, doubled quotes inside), else null. */
export function unquoteFormulaString(value: string): string | null {
  const v = value.trim().replace(/^=/, "");
  if (v.length < 2 || v[0] !== '"' || v[v.length - 1] !== '"') return null;
  const inner = v.slice(1, -1);
  if (inner.replace(/""/g, "").includes('"')) return null;
  return inner.replace(/""/g, '"');
}

/** Quotes a string as a formula string constant. */
export function quoteFormulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The marker a defined name's formula holds, when it is one of Målkoll's ("malkoll:…"), else null. */
export function markerOf(formula: string): string | null {
  const m = unquoteFormulaString(formula);
  return m !== null && m.startsWith("malkoll:") ? m : null;
}
