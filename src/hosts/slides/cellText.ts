import type { Cell } from "../../model/cells";
import { isoFromSerial } from "../../model/days";
import { formatNumber, formatPercent } from "../../report/format";

/**
 * A cell as Swedish Excel shows it under the plan's number format: "70,6 %" for 0.0%, "1 234" for
 * #,##0 (no-break space), "97" for 0, "2024-03-31" for yyyy-mm-dd, a decimal comma elsewhere.
 * Only the formats the report writes are needed; anything else is shown as General.
 */
export function cellText(value: Cell, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const f = format ?? "General";
  const percent = /^0(?:\.(0+))?%$/.exec(f);
  if (percent) return formatPercent(value, percent[1]?.length ?? 0);
  const grouped = /^#,##0(?:\.(0+))?$/.exec(f);
  if (grouped) return formatNumber(excelRound(value, grouped[1]?.length ?? 0), grouped[1]?.length ?? 0);
  const plain = /^0(?:\.(0+))?$/.exec(f);
  if (plain) return formatNumber(excelRound(value, plain[1]?.length ?? 0), plain[1]?.length ?? 0).replace(/\u00a0/g, "");
  if (/^yyyy-mm-dd$/i.test(f)) return Number.isInteger(Math.floor(value)) ? isoFromSerial(Math.floor(value)) : String(value);
  return general(value);
}

/** Excel rounds halves away from zero (96.5 → 97, −96.5 → −97); toFixed alone does not always. */
function excelRound(v: number, decimals: number): number {
  const k = 10 ** decimals;
  return (Math.sign(v) * Math.round(Math.abs(v) * k + 1e-9)) / k;
}

/** General: up to ten significant digits, trailing zeros dropped, decimal comma, no grouping. */
function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return (v < 0 ? "\u2212" : "") + String(Math.abs(v));
  const text = String(Number(Math.abs(v).toPrecision(10)));
  return (v < 0 ? "\u2212" : "") + text.replace(".", ",");
}

/** The format, fill and font that apply to a cell: blocks in order, so a later block wins. */
export function blockAt<T>(
  blocks: readonly { range: [number, number, number, number]; value: T }[],
  row: number,
  col: number,
): T | undefined {
  let found: T | undefined;
  for (const b of blocks) {
    const [r0, c0, r1, c1] = b.range;
    if (row >= r0 && row <= r1 && col >= c0 && col <= c1) found = b.value;
  }
  return found;
}
