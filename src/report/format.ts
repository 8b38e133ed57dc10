/** Swedish number text for notes and headlines: U+00A0 between thousands, decimal comma, U+2212 minus. */
const NBSP = "\u00a0";
const MINUS = "\u2212";

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 13929 → "13 929" (no-break space), −206 → "−206". */
export function formatInteger(n: number): string {
  const r = Math.round(n);
  return (r < 0 ? MINUS : "") + group(String(Math.abs(r)));
}

/** 2.6 → "2,6", 1000 → "1 000" (no-break space), with the given decimals. */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, dec] = fixed.split(".");
  return `${n < 0 && Number(fixed) !== 0 ? MINUS : ""}${group(int)}${dec ? `,${dec}` : ""}`;
}

/** 0.706 → "70,6 %" (one decimal by default, no-break space before %). */
export function formatPercent(fraction: number, decimals = 1): string {
  const v = fraction * 100;
  const fixed = Math.abs(v).toFixed(decimals);
  const [int, dec] = fixed.split(".");
  const negative = v < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS : ""}${group(int)}${dec ? `,${dec}` : ""}${NBSP}%`;
}

/** Excel number formats; Excel shows them with the user's own separators ("70,6 %" in Swedish Excel). */
export const NUMBER_FORMATS = {
  share: "0.0%",
  count: "#,##0",
  days: "0",
  date: "yyyy-mm-dd",
} as const;

/** Show an indicator's values as the sheet wrote them: "84 %", "10,23 %", "2,6", "1 000". */
export function valueFormat(percent: boolean, decimals: number): string {
  const d = Math.max(0, Math.min(decimals, 4));
  const frac = d > 0 ? "." + "0".repeat(d) : "";
  return percent ? `0${frac}%` : `#,##0${frac}`;
}
