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

/** A change in a count as the committee writes it: "+211", "−206" (U+2212), "±0". */
export function formatSignedInteger(n: number): string {
  const r = Math.round(n);
  return r === 0 ? "±0" : (r > 0 ? "+" : "") + formatInteger(r);
}

/** A change in share, given in percentage points: −1.94 → "−1,9 %-enheter", 0.04 → "±0,0 %-enheter". */
export function formatPoints(points: number, unit = "%-enheter", decimals = 1): string {
  // Round half up on the decimal value (toFixed alone shows 3.65 as 3,6: 3.65 is 3.6499… in binary).
  const p = 10 ** decimals;
  const fixed = (Math.round(Math.abs(points) * p + 1e-9) / p).toFixed(decimals);
  const sign = Number(fixed) === 0 ? "±" : points > 0 ? "+" : MINUS;
  return `${sign}${fixed.replace(".", ",")}${NBSP}${unit}`;
}

/** Excel formats for signed changes, with U+2212 for minus and ± for no change, like the texts. */
export const CHANGE_FORMATS = {
  points: '+0.0;"\u2212"0.0;"±"0.0',
  count: '+#,##0;"\u2212"#,##0;"±"0',
} as const;

/** A signed change in a plain value with the given decimals: "+1 250", "−0,4", "±0". */
export function signedFormat(decimals: number): string {
  const frac = decimals > 0 ? "." + "0".repeat(Math.min(decimals, 4)) : "";
  return `+#,##0${frac};"\u2212"#,##0${frac};"±"0${frac}`;
}
