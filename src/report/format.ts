import type { Lang } from "../model/lang";

const NBSP = "\u00a0";
const MINUS = "\u2212";

/**
 * Number text for the tabs' notes and headlines, in the tab's language: Swedish with a no-break
 * space between thousands, a decimal comma and "70,6 %"; English with "13,929", "70.6%". Both
 * write minus as U+2212, as the committee's reports do.
 */
export interface NumberWords {
  /** 13929 → "13 929" / "13,929"; −206 → "−206". */
  integer(n: number): string;
  /** 2.6 → "2,6" / "2.6", 1000 → "1 000" / "1,000", with the given decimals. */
  number(n: number, decimals?: number): string;
  /** 0.706 → "70,6 %" / "70.6%" (one decimal by default). */
  percent(fraction: number, decimals?: number): string;
  /** A change in a count: "+211", "−206", "±0". */
  signedInteger(n: number): string;
  /** A change in share, given in percentage points: −1.94 → "−1,9 %-enheter" / "−1.9 percentage points". */
  points(points: number, unit: string, decimals?: number): string;
}

function numberWords(groupSep: string, decimalSep: string, percentSep: string): NumberWords {
  const group = (intDigits: string) => intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  const integer = (n: number) => {
    const r = Math.round(n);
    return (r < 0 ? MINUS : "") + group(String(Math.abs(r)));
  };
  return {
    integer,
    number(n, decimals = 0) {
      const [int, dec] = Math.abs(n).toFixed(decimals).split(".");
      return `${n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? MINUS : ""}${group(int)}${dec ? `${decimalSep}${dec}` : ""}`;
    },
    percent(fraction, decimals = 1) {
      const v = fraction * 100;
      const fixed = Math.abs(v).toFixed(decimals);
      const [int, dec] = fixed.split(".");
      const negative = v < 0 && Number(fixed) !== 0;
      return `${negative ? MINUS : ""}${group(int)}${dec ? `${decimalSep}${dec}` : ""}${percentSep}%`;
    },
    signedInteger(n) {
      const r = Math.round(n);
      return r === 0 ? "±0" : (r > 0 ? "+" : "") + integer(r);
    },
    points(points, unit, decimals = 1) {
      // Round half up on the decimal value (toFixed alone shows 3.65 as 3,6: 3.65 is 3.6499… in binary).
      const p = 10 ** decimals;
      const fixed = (Math.round(Math.abs(points) * p + 1e-9) / p).toFixed(decimals);
      const sign = Number(fixed) === 0 ? "±" : points > 0 ? "+" : MINUS;
      return `${sign}${fixed.replace(".", decimalSep)}${NBSP}${unit}`;
    },
  };
}

export const NUMBER_WORDS: Record<Lang, NumberWords> = { sv: numberWords(NBSP, ",", NBSP), en: numberWords(",", ".", "") };

const SV = NUMBER_WORDS.sv;
/** Swedish number text (as Swedish Excel shows numbers): "13 929", "−206". */
export const formatInteger = (n: number): string => SV.integer(n);
/** Swedish: 2.6 → "2,6", 1000 → "1 000" (no-break space), with the given decimals. */
export const formatNumber = (n: number, decimals = 0): string => SV.number(n, decimals);
/** Swedish: 0.706 → "70,6 %" (one decimal by default, no-break space before %). */
export const formatPercent = (fraction: number, decimals = 1): string => SV.percent(fraction, decimals);
/** Swedish: a change in a count as the committee writes it, "+211", "−206" (U+2212), "±0". */
export const formatSignedInteger = (n: number): string => SV.signedInteger(n);
/** Swedish: a change in share in percentage points, −1.94 → "−1,9 %-enheter", 0.04 → "±0,0 %-enheter". */
export const formatPoints = (points: number, unit = "%-enheter", decimals = 1): string => SV.points(points, unit, decimals);

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
