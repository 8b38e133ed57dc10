import type { Cell } from "../model/cells";
import type { Direction } from "../model/ratings";
import { type Parsed } from "../model/parsed";
import { isBlank, isSuppressed } from "./parse/text";
import { normalizeHeader } from "./parse/headers";
import { parseNumber } from "./parse/numbers";

/**
 * A target or outcome as it came: its value, whether it is a percentage (then `value` is a
 * fraction, 0.84 for "84 %"), and how many decimals it was written with, so the summary tab can
 * show it the same way.
 */
export interface IndicatorValue {
  value: number;
  percent: boolean;
  decimals: number;
}

/** A cell that says "not measured this period": grey, never zero. */
export const NOT_MEASURED = "notMeasured" as const;

/** "Ej mätt", "Mäts vid årsrapport", "Redovisas i årsbokslutet", "Inget utfall", "Saknas", "n/a" … */
const RE_NOT_MEASURED =
  /^(ej|inte) (matt|matbar|matbart|aktuell|aktuellt|tillganglig|tillgangligt|redovisad|redovisat)\b|^(mats|matts|redovisas|rapporteras|foljs upp|folj upp) (ej|inte|vid|i|till|efter|under)\b|^(inget|ingen) (utfall|matning|uppgift|data)\b|^(utfall|uppgift|data) saknas$|^saknas$|^n ?a$|^not measured$|^ej mat$/;

function decimalsOfFormat(format: string): number {
  const m = /0[.,](0+)/.exec(format);
  return m ? m[1].length : 0;
}

function decimalsOfNumber(v: number): number {
  for (let d = 0; d <= 4; d++) if (Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) < 1e-9) return d;
  return 4;
}

/**
 * Parse an indicator value: a number (a "%" number format makes it a fraction), or Swedish text
 * ("84 %", "2,6", "10,23 %", "1 000", "70,6 procent"). Blank, a dash and the words of
 * RE_NOT_MEASURED are "not measured".
 */
export function parseIndicatorValue(cell: Cell, format?: string | null): Parsed<IndicatorValue | typeof NOT_MEASURED> {
  if (cell === null || isBlank(cell) || isSuppressed(cell)) return { ok: true, value: NOT_MEASURED };
  if (typeof cell === "boolean") return { ok: false, reason: "notANumber" };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, reason: "notANumber" };
    const percent = format != null && format.includes("%");
    const decimals =
      format && /0[.,]0/.test(format) ? decimalsOfFormat(format) : Math.min(decimalsOfNumber(percent ? cell * 100 : cell), 2);
    return { ok: true, value: { value: cell, percent, decimals } };
  }
  const text = cell.trim();
  const norm = normalizeHeader(text);
  if (RE_NOT_MEASURED.test(norm)) return { ok: true, value: NOT_MEASURED };
  const m = /^(.*?)\s*(%|procent)$/i.exec(text);
  const body = m ? m[1] : text;
  const n = parseNumber(body);
  if (!n.ok) return { ok: false, reason: "notANumber" };
  const dec = /[.,](\d+)$/.exec(body.replace(/\s/g, ""));
  const decimals = dec && !/^\d{1,3}([ .\u00a0\u202f]\d{3})+$/.test(body.trim()) ? dec[1].length : 0;
  return { ok: true, value: m ? { value: n.value / 100, percent: true, decimals } : { value: n.value, percent: false, decimals } };
}

/**
 * Put a row's values on one scale. Targets and outcomes are compared as a ratio, so "84" against
 * "95 %" must both be fractions: when any value of the row (or its unit of measure) is a
 * percentage, a plain number above 1 is read as percentage points.
 */
export function onOneScale(values: (IndicatorValue | null)[], unitSaysPercent: boolean): (IndicatorValue | null)[] {
  const percentRow = unitSaysPercent || values.some((v) => v?.percent);
  if (!percentRow) return values;
  return values.map((v) =>
    v === null || v.percent
      ? v
      : { value: Math.abs(v.value) > 1 || unitSaysPercent ? v.value / 100 : v.value, percent: true, decimals: v.decimals },
  );
}

/** A unit of measure ("%", "procent", "andel", "Andel (%)") that makes plain numbers percentage points. */
export const unitSaysPercent = (unit: string | null): boolean =>
  unit !== null && (/%/.test(unit) || /^(procent|andel|percent|share)\b/.test(normalizeHeader(unit)));

/** A threshold on achievement: "90 %", 0.9, or 90 (points) → 0.9. */
export function parseThreshold(cell: Cell, format?: string | null): Parsed<number | null> {
  const p = parseIndicatorValue(cell, format);
  if (!p.ok) return { ok: false, reason: "invalidThreshold" };
  if (p.value === NOT_MEASURED) return { ok: true, value: null };
  const { value, percent } = p.value;
  const v = percent || value <= 1.5 ? value : value / 100;
  if (v < 0) return { ok: false, reason: "invalidThreshold" };
  return { ok: true, value: v };
}

/** "Högre är bättre", "↑", "higher" … → higher; "Lägre är bättre", "↓", "lower" … → lower. */
export function parseDirection(cell: Cell): Parsed<Direction | null> {
  if (cell === null || isBlank(cell)) return { ok: true, value: null };
  const raw = String(cell).trim();
  if (/^[↑⬆▲+]$/.test(raw)) return { ok: true, value: "higher" };
  if (/^[↓⬇▼−-]$/.test(raw)) return { ok: true, value: "lower" };
  const t = normalizeHeader(raw);
  if (/^(hogre|hog|higher|high|okning|oka|okande|stigande|max|storre|mer)\b/.test(t)) return { ok: true, value: "higher" };
  if (/^(lagre|lag|lower|low|minskning|minska|minskande|sjunkande|min|mindre)\b/.test(t)) return { ok: true, value: "lower" };
  return { ok: false, reason: "unknownDirection" };
}

/**
 * "Reach X or improve by Y points" written in the target cell: "82 % eller +5 procentenheter",
 * "82 % el. 5 %-enheter". Returns the target text and the improvement, else null.
 */
export function splitOrImprove(cell: Cell): { target: string; improveBy: string } | null {
  if (typeof cell !== "string") return null;
  const m =
    /^(.+?)\s+(?:eller|el\.?|or)\s+(?:förbättring|förbättra|ökning|öka|improve(?:ment)?)?\s*(?:med|by)?\s*[+]?\s*([\d\s.,\u00a0\u202f]+)\s*(?:%-?enheter|procentenheter|p\.?e\.?|pp|points?|%)?\s*$/i.exec(
      cell.trim(),
    );
  return m ? { target: m[1], improveBy: m[2].trim() } : null;
}
