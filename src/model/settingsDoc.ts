import { MEASURES, type MeasureId } from "./measures";
import { type SheetKind } from "./sheets";
import type { Parsed } from "./parsed";
import {
  COMPLETED_PERIODS,
  type CompletedPeriod,
  DEFAULT_SETTINGS,
  ROLL_UP_RULES,
  type IndicatorSettings,
  type RollUpRule,
  type Settings,
  type SheetSettings,
} from "./settings";
import type { StatusRating } from "./ratings";

const KINDS: readonly (SheetKind | "ignore")[] = [
  "waitingList",
  "completedList",
  "unitAggregate",
  "indicatorList",
  "assignmentList",
  "unitNames",
  "unrecognised",
  "ignore",
];
const STATUS_RATINGS: readonly StatusRating[] = ["green", "yellow", "red", "grey", "greyUntilEnd"];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Read a settings document (from --config or the workbook) over a base: every key is optional,
 * unknown keys and wrong values are errors that name the key, so a typo never silently does nothing.
 * The errors are still Swedish sentences, not reason codes.
 */
export function readSettings(doc: unknown, base: Settings = DEFAULT_SETTINGS): Parsed<Settings, string> {
  if (!isObject(doc)) return { ok: false, reason: "Inställningarna måste vara ett JSON-objekt." };
  const errors: string[] = [];
  const s: Settings = structuredClone(base);
  for (const key of Object.keys(doc)) {
    const v = doc[key];
    switch (key) {
      case "version":
        if (v !== 1) errors.push(`version: ${JSON.stringify(v)} stöds inte (endast 1).`);
        break;
      case "measures":
        if (!isObject(v)) {
          errors.push("measures: ska vara ett objekt.");
          break;
        }
        for (const [id, m] of Object.entries(v)) {
          if (!MEASURES.includes(id as MeasureId) || !isObject(m)) {
            errors.push(`measures.${id}: okänt mått.`);
            continue;
          }
          const target = s.measures[id as MeasureId];
          for (const [k, x] of Object.entries(m)) {
            if (k === "limitDays" && Number.isInteger(x) && (x as number) >= 0) target.limitDays = x as number;
            else if (k === "target" && typeof x === "number" && x >= 0 && x <= 1) target.target = x;
            else errors.push(`measures.${id}.${k}: ogiltigt värde ${JSON.stringify(x)} (limitDays: heltal ≥ 0, target: andel 0–1).`);
          }
        }
        break;
      case "exclusions":
        if (!isObject(v)) {
          errors.push("exclusions: ska vara ett objekt.");
          break;
        }
        for (const [basis, codes] of Object.entries(v)) {
          if ((basis !== "waiting" && basis !== "completed") || !isObject(codes)) {
            errors.push(`exclusions.${basis}: okänd grund.`);
            continue;
          }
          for (const [code, on] of Object.entries(codes)) {
            if ((code === "PvV" || code === "MoV" || code === "SoV") && typeof on === "boolean") s.exclusions[basis][code] = on;
            else errors.push(`exclusions.${basis}.${code}: ska vara PvV, MoV eller SoV med true/false.`);
          }
        }
        break;
      case "thresholds": {
        const g = isObject(v) && v.green !== undefined ? v.green : s.thresholds.green;
        const y = isObject(v) && v.yellow !== undefined ? v.yellow : s.thresholds.yellow;
        if (!isObject(v) || typeof g !== "number" || typeof y !== "number" || y < 0 || g < y)
          errors.push("thresholds: green och yellow ska vara tal med green ≥ yellow ≥ 0.");
        else s.thresholds = { green: g, yellow: y };
        break;
      }
      case "requireGuarantee":
      case "showMeanOfUnits":
        if (typeof v === "boolean") s[key] = v;
        else errors.push(`${key}: ska vara true eller false.`);
        break;
      case "sheets":
        if (!isObject(v)) {
          errors.push("sheets: ska vara ett objekt.");
          break;
        }
        for (const [name, sheet] of Object.entries(v)) {
          const parsed = readSheetSettings(name, sheet, errors);
          if (parsed) s.sheets[name] = parsed;
        }
        break;
      case "regionName":
        if (v === null || (typeof v === "string" && v.trim() !== "")) s.regionName = v === null ? null : v.trim();
        else errors.push("regionName: ska vara en text (regionens namn) eller null.");
        break;
      case "buckets":
        if (
          Array.isArray(v) &&
          v.length >= 1 &&
          v.length <= 12 &&
          v.every((b, k) => Number.isInteger(b) && b >= 0 && (k === 0 || b > v[k - 1]))
        )
          s.buckets = v as number[];
        else errors.push("buckets: ska vara 1–12 växande heltal (övre gränser i dagar), t.ex. [30, 60, 90, 120, 180].");
        break;
      case "completedPeriod":
        if (COMPLETED_PERIODS.includes(v as CompletedPeriod)) s.completedPeriod = v as CompletedPeriod;
        else errors.push(`completedPeriod: ska vara ${COMPLETED_PERIODS.join(", ")}.`);
        break;
      case "unitNames":
        if (isObject(v) && Object.values(v).every((n) => typeof n === "string" && n.trim() !== ""))
          s.unitNames = Object.fromEntries(Object.entries(v).map(([id, n]) => [id.trim(), (n as string).trim()]));
        else errors.push("unitNames: ska vara enhetens id → namn (text).");
        break;
      case "homeCounties":
        if (Array.isArray(v) && v.every((c) => typeof c === "string" && /^\d{2}$/.test(c))) s.homeCounties = v as string[];
        else errors.push('homeCounties: ska vara en lista med länskoder, t.ex. ["14"].');
        break;
      case "rollUp":
        if (ROLL_UP_RULES.includes(v as RollUpRule)) s.rollUp = v as RollUpRule;
        else errors.push(`rollUp: ska vara ${ROLL_UP_RULES.join(", ")}.`);
        break;
      case "assignmentStatus":
        if (!isObject(v)) {
          errors.push("assignmentStatus: ska vara status → färg.");
          break;
        }
        // The user's words come on top of the defaults, so adding one status keeps the others.
        for (const [status, colour] of Object.entries(v)) {
          if (STATUS_RATINGS.includes(colour as StatusRating)) s.assignmentStatus[status] = colour as StatusRating;
          else errors.push(`assignmentStatus.${status}: ska vara ${STATUS_RATINGS.join(", ")}.`);
        }
        break;
      case "indicators":
        if (!isObject(v)) {
          errors.push("indicators: ska vara indikator → inställningar.");
          break;
        }
        for (const [name, ind] of Object.entries(v)) {
          const parsed = readIndicatorSettings(name, ind, errors);
          if (parsed) s.indicators[name] = parsed;
        }
        break;
      default:
        errors.push(`${key}: okänd inställning.`);
    }
  }
  return errors.length ? { ok: false, reason: errors.join(" ") } : { ok: true, value: s };
}

function readSheetSettings(name: string, v: unknown, errors: string[]): SheetSettings | null {
  if (!isObject(v)) {
    errors.push(`sheets.${name}: ska vara ett objekt.`);
    return null;
  }
  const out: SheetSettings = {};
  if (v.kind !== undefined) {
    if (KINDS.includes(v.kind as SheetKind)) out.kind = v.kind as SheetKind | "ignore";
    else errors.push(`sheets.${name}.kind: okänd typ ${JSON.stringify(v.kind)}.`);
  }
  if (v.measure !== undefined) {
    if (MEASURES.includes(v.measure as MeasureId)) out.measure = v.measure as MeasureId;
    else errors.push(`sheets.${name}.measure: okänt mått ${JSON.stringify(v.measure)}.`);
  }
  if (v.basis !== undefined) {
    if (v.basis === "waiting" || v.basis === "completed") out.basis = v.basis;
    else errors.push(`sheets.${name}.basis: ska vara waiting eller completed.`);
  }
  if (v.columns !== undefined) {
    if (isObject(v.columns) && Object.values(v.columns).every((c) => typeof c === "string"))
      out.columns = v.columns as SheetSettings["columns"];
    else errors.push(`sheets.${name}.columns: ska vara fält → kolumnrubrik (text).`);
  }
  return out;
}

function readIndicatorSettings(name: string, v: unknown, errors: string[]): IndicatorSettings | null {
  if (!isObject(v)) {
    errors.push(`indicators.${name}: ska vara ett objekt.`);
    return null;
  }
  const out: IndicatorSettings = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === "direction" && (x === "higher" || x === "lower")) out.direction = x;
    else if ((k === "green" || k === "yellow") && typeof x === "number" && x >= 0) out[k] = x;
    else errors.push(`indicators.${name}.${k}: ogiltigt värde ${JSON.stringify(x)} (direction: higher/lower, green/yellow: andel ≥ 0).`);
  }
  if (out.green !== undefined && out.yellow !== undefined && out.yellow > out.green)
    errors.push(`indicators.${name}: yellow ska vara ≤ green.`);
  return out;
}
