import type { Cell } from "../model/cells";
import type { Field } from "../model/sheets";
import { normalizeHeader } from "./parse/headers";

/**
 * Header synonyms per field, written normalised (lower case, no diacritics, one space between words:
 * see normalizeHeader). `exact` names are tried on every column before any `contains` pattern, and
 * fields are tried in this order, so "Andel inom 90 dagar" is a share before it can be a count
 * "inom 90 dagar", and "Klinik" wins the unit over "Verksamhetsområde" (which then is the specialty).
 * Sources: DOMAIN.md §3, SKR's waiting-time information model, regions' published extracts.
 */
export interface FieldRule {
  field: Field;
  exact: string[];
  contains?: RegExp;
}

const RULES: FieldRule[] = [
  {
    field: "share",
    exact: ["andel", "share", "maluppfyllelse", "andel inom vardgarantin"],
    contains: /^(andel|share|procent)\b|\bandel\b|%|\bprocent\b/,
  },
  {
    field: "waitDays",
    exact: [
      "vantat dagar",
      "vantetid",
      "vantetid dagar",
      "vantedagar",
      "antal dagar",
      "dagar",
      "wait days",
      "waiting days",
      "days waited",
      "vantat",
    ],
    contains: /^vantat\b|^vantetid\b|\bvantedagar\b/,
  },
  {
    field: "withinLimit",
    exact: ["inom", "inom vardgarantin", "inom vardgaranti", "within", "within limit", "antal inom"],
    contains: /\binom \d+ dagar\b|^inom\b|^antal inom\b|^within\b/,
  },
  { field: "bucket0_30", exact: ["0 30", "0 30 dagar", "vantat 0 30 dagar"] },
  { field: "bucket31_60", exact: ["31 60", "31 60 dagar", "vantat 31 60 dagar"] },
  { field: "bucket61_90", exact: ["61 90", "61 90 dagar", "vantat 61 90 dagar"] },
  { field: "bucket91_180", exact: ["91 180", "91 180 dagar", "vantat 91 180 dagar"] },
  { field: "bucket181_365", exact: ["181 365", "181 365 dagar", "vantat 181 365 dagar"] },
  {
    field: "bucketOver365",
    exact: ["365", "366", "over 365", "over 365 dagar", "mer an 365 dagar", "366 dagar", "365 dagar", "vantat over 365 dagar", "over 1 ar"],
    contains: /^(over|mer an) 365\b/,
  },
  {
    field: "total",
    exact: [
      "antal",
      "totalt",
      "totalt antal",
      "antal vantande",
      "totalt vantande",
      "antal genomforda",
      "genomforda",
      "vantande",
      "antal kontakter",
      "antal besok",
      "antal patienter",
      "total",
      "count",
      "n",
    ],
    contains: /^(antal|totalt)\b/,
  },
  {
    field: "unit",
    exact: [
      "klinik",
      "enhet",
      "basenhet",
      "vardenhet",
      "vardcentral",
      "mottagning",
      "enhetsnamn",
      "vardenhetsnamn",
      "klinik enhet",
      "hsa namn",
      "unit",
      "clinic",
      "verksamhet",
      "vardenhet namn",
      "hsaid vardenhet namn",
      // Västra Götaland's warehouse
      "vardenhet1 namn",
      "enhet namn",
      "klinik namn",
    ],
    contains: /^(klinik|enhet|basenhet|vardenhet|vardcentral|mottagning)\b/,
  },
  {
    field: "unitId",
    exact: [
      "hsaid vardenhet",
      "hsa id",
      "hsaid",
      "hsa id vardenhet",
      "vardenhet hsaid",
      "vardenhet1 hsaid",
      "vardenhet1 id",
      "enhetskod",
      "enhets id",
      "enhetsid",
      "vardenhet id",
      "unit id",
    ],
  },
  { field: "hospital", exact: ["sjukhus", "sjukhusnamn", "sjukhus namn", "hospital"] },
  {
    field: "specialty",
    exact: ["verksamhetsomrade", "specialitet", "mvo", "mvo kod", "mvo namn", "medicinskt verksamhetsomrade", "specialty"],
    contains: /^verksamhetsomrade\b|^specialitet\b/,
  },
  { field: "profession", exact: ["yrkeskategori", "yrkesgrupp", "yrke", "profession", "professional category"] },
  {
    field: "measure",
    exact: ["kontakttyp", "besokstyp", "typ", "typ av kontakt", "vardgarantityp", "matt", "atgardstyp", "contact type", "measure"],
    contains: /^kontakttyp\b/,
  },
  // SKR's model: the phase decides the measure, the status the basis; vardkontakttyp is only the
  // contact's form (visit, telephone, remote) and never the measure (DOMAIN.md §3).
  { field: "phase", exact: ["fas", "vardfas"] },
  { field: "contactStatus", exact: ["status", "vantestatus", "kontaktstatus"] },
  { field: "contactForm", exact: ["vardkontakttyp", "kontaktform", "vardkontaktform"] },
  { field: "contactId", exact: ["vardkontakt id", "kontakt id", "kontaktid", "vardkontaktid", "contact id", "besok id", "besoksid"] },
  { field: "municipality", exact: ["lkf", "hemkommun", "folkbokforingskommun", "kommunkod", "kommun kod"] },
  {
    field: "measured",
    exact: [
      "matdatum",
      "uttagsdatum",
      "matdag",
      "datum for matning",
      "measurement date",
      "matperiod",
      "mat period",
      "matmanad",
      "period armanad",
      "period ar manad",
      "rapportperiod",
    ],
  },
  // SKR's start_datum is the visit or operation; the wait starts at beslut_datum (or remiss_datum).
  {
    field: "visit",
    exact: [
      "start datum",
      "besoksdatum",
      "besok datum",
      "genomford datum",
      "genomforandedatum",
      "operationsdatum",
      "atgardsdatum",
      "utford datum",
      "visit date",
      "kontakt genomford",
      "startaktivitet",
      "start aktivitet",
    ],
  },
  {
    field: "start",
    exact: [
      "beslut datum",
      "beslutsdatum",
      "beslutaktivitet",
      "beslut aktivitet",
      "kontaktdatum",
      "datum for beslut",
      "vantar sedan",
      "vantetidsstart",
      "decision date",
      "start date",
    ],
  },
  // Earlier events than the decision: kept, and never the start where a decision date exists.
  { field: "referral", exact: ["remissdatum", "remiss datum", "remiss skickad", "referral date"] },
  { field: "arrival", exact: ["ankomstdatum", "ankomst datum", "remiss ankomstdatum", "arrival date"] },
  {
    field: "code",
    exact: [
      "avvikelsekod",
      "pvv mov",
      "pvv mov sov",
      "pvv",
      "avvikelse",
      "orsakskod",
      "undantag",
      "vantetidsundantag",
      "exception code",
      "exception",
    ],
  },
  {
    field: "guarantee",
    exact: [
      "vardgaranti",
      "omfattas av vardgaranti",
      "omfattas av vardgarantin",
      "vg",
      "vg flagga",
      "vardgaranti flagga",
      "guarantee",
      "vardgaranti ja nej",
    ],
  },
];

/** The decision date wins the start over other start names (kontaktdatum) wherever both exist. */
const START_PREFERENCE = ["beslut datum", "beslutsdatum", "beslutaktivitet", "datum for beslut", "decision date"];

/** A header's key without spaces: the XSD's PascalCase names ("BeslutAktivitet") meet the snake_case ones. */
const joined = (key: string): string => key.replace(/ /g, "");
const JOINED_EXACT = new Map<FieldRule, Set<string>>();
function exactNames(rule: FieldRule): Set<string> {
  let set = JOINED_EXACT.get(rule);
  if (!set) JOINED_EXACT.set(rule, (set = new Set(rule.exact.map(joined))));
  return set;
}

export type ColumnMap = Partial<Record<Field, number>>;

/** A header's matching key; "%" survives normalisation as the word "procent" ("Andel (%)"). */
function headerKey(h: Cell | undefined): string {
  if (h === null || h === undefined || typeof h === "boolean") return "";
  const text = String(h);
  const key = normalizeHeader(text);
  return text.includes("%") ? `${key} procent`.trim() : key;
}

/** Map header cells to fields: each column to at most one field, each field to its best column. */
export function mapColumns(headers: readonly Cell[]): ColumnMap {
  return mapColumnsWith(headers, RULES);
}

/** The matching shared by every kind of sheet: rules in order, exact names before patterns. */
export function mapColumnsWith(headers: readonly Cell[], rules: readonly FieldRule[]): ColumnMap {
  const names = headers.map(headerKey);
  const keys = names.map(joined);
  const map: ColumnMap = {};
  const taken = new Set<number>();
  for (const rule of rules) {
    let found = -1;
    if (rule.field === "start") found = keys.findIndex((n, c) => !taken.has(c) && START_PREFERENCE.some((p) => joined(p) === n));
    if (found < 0) {
      const exact = exactNames(rule);
      found = keys.findIndex((n, c) => n !== "" && !taken.has(c) && exact.has(n));
    }
    if (found < 0 && rule.contains) found = names.findIndex((n, c) => n !== "" && !taken.has(c) && rule.contains!.test(n));
    if (found >= 0) {
      map[rule.field] = found;
      taken.add(found);
    }
  }
  return map;
}

/**
 * The column that names a row's unit: the unit's own name, else the hospital's name (sjukhusnamn).
 * Rows are grouped by the unit's id where there is one (unitIdColumn) and labelled with this name;
 * a specialty (mvo_kod "511") is never a unit (DOMAIN.md §3).
 */
export function unitNameColumn(map: ColumnMap): number | undefined {
  return map.unit ?? map.hospital;
}

/** A unit is known by its name or its id: a sheet with neither has no unit column. */
export function unitColumn(map: ColumnMap): number | undefined {
  return unitNameColumn(map) ?? map.unitId;
}

/** Code columns that can only be guessed to name the unit when no name or id column exists. */
const UNIT_CODE_HEADERS = ["sjukhuskod", "sjukhus kod", "klinikkod", "klinik kod", "vardenhetskod", "kod"];

/** The column of a unit code, for a guess: -1 when there is none. */
export function unitCodeColumn(headers: readonly Cell[], map: ColumnMap): number {
  const used = new Set(Object.values(map));
  return headers.map(headerKey).findIndex((n, c) => !used.has(c) && UNIT_CODE_HEADERS.includes(n));
}

export const PATIENT_FIELDS: readonly Field[] = ["start", "visit", "waitDays", "referral", "arrival"];
const AGGREGATE_FIELDS: Field[] = ["total", "withinLimit", "share", "bucket0_30", "bucketOver365"];

/** How much a row looks like a header: distinct known fields, with a unit and a measure column. */
function headerScore(map: ColumnMap): number {
  const fields = Object.keys(map) as Field[];
  const hasUnit = unitColumn(map) !== undefined;
  const hasData = fields.some((f) => PATIENT_FIELDS.includes(f) || AGGREGATE_FIELDS.includes(f));
  return fields.length + (hasUnit && hasData ? 10 : 0);
}

/** Title rows above the header are common: look for it among the first rows. */
export const HEADER_SEARCH_ROWS = 30;

export function findHeaderRow(values: readonly (readonly Cell[])[]): { index: number; map: ColumnMap } | null {
  let best: { index: number; map: ColumnMap; score: number } | null = null;
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < last; i++) {
    const row = values[i];
    if (!row || !row.some((c) => typeof c === "string" && c.trim() !== "")) continue;
    const map = mapColumns(row);
    const score = headerScore(map);
    if (score >= 2 && (!best || score > best.score)) best = { index: i, map, score };
  }
  return best && { index: best.index, map: best.map };
}

/** Apply the user's mapping (field → header text) over the detected one. */
export function applyMappingOverrides(
  headers: readonly Cell[],
  detected: ColumnMap,
  overrides: Partial<Record<Field, string>> | undefined,
): { map: ColumnMap; missing: string[] } {
  if (!overrides) return { map: detected, missing: [] };
  const map: ColumnMap = { ...detected };
  const missing: string[] = [];
  const wanted = headers.map(headerKey);
  for (const [field, header] of Object.entries(overrides) as [Field, string][]) {
    const col = wanted.indexOf(headerKey(header));
    if (col < 0) {
      missing.push(header);
      continue;
    }
    for (const f of Object.keys(map) as Field[]) if (map[f] === col) delete map[f];
    map[field] = col;
  }
  return { map, missing };
}
