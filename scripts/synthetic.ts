/**
 * Seeded synthetic data for "Region Exempelland", a fictional region: patient-level waiting-list rows
 * shaped like a regional extract (DOMAIN.md §1, §3). Shared by `scripts/make-sample.ts` (the sample
 * workbook) and `bench/bench.ts` (the in-memory and end-to-end benchmarks).
 *
 * Everything here is invented. Löpnummer are running ids ("P000123"), never personal identity numbers,
 * and no row carries a name.
 */
import type { Cell, SheetGrid } from "../src/model/cells";
import { isoFromSerial, serialFromIso } from "../src/model/days";

// ---------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a tiny 32-bit seeded PRNG; returns floats in [0, 1). Same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------
// Dates as Excel 1900-system serials (days since 1899-12-30; 2024-01-31 is 45322)

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/** "YYYY-MM-DD" → Excel 1900 serial. */
export function isoToSerial(iso: string): number {
  const s = serialFromIso(iso);
  if (s === null) throw new Error(`not an ISO date: ${iso}`);
  return s;
}

/** Excel 1900 serial → a Date at UTC midnight (what ExcelJS writes back as the same serial; every date here is after 1900-03-01). */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH_1899_12_30 + serial * MS_PER_DAY);
}

/** Excel 1900 serial → "YYYY-MM-DD". */
export const serialToIso = (serial: number): string => isoFromSerial(serial);

function toSerial(d: string | number | Date): number {
  if (typeof d === "number") return d;
  if (typeof d === "string") return isoToSerial(d);
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - EPOCH_1899_12_30) / MS_PER_DAY);
}

// ---------------------------------------------------------------------------------------------------
// The region

export const REGION = "Region Exempelland";

export interface UnitSpec {
  /** Clinic name, as the "Klinik" column carries it. */
  klinik: string;
  sjukhus: string;
  /** Specialty ("Verksamhetsområde"). */
  verksamhetsomrade: string;
  /** Relative queue size. */
  weight: number;
  /** Target share of first-visit waiters within 90 days. */
  firstVisitWithin90: number;
  /** Target share of operation/treatment waiters within 90 days. */
  treatmentWithin90: number;
  /** Fraction of the unit's rows that are "Operation/åtgärd" (the rest are "Förstabesök"). */
  treatmentFraction: number;
  /** Fraction of rows with Yrkeskategori "Läkare" (the rest "Övriga"). */
  doctorFraction: number;
}

const CS = "Centralsjukhuset";
const LS = "Länssjukhuset";
const NL = "Norrby lasarett";

/**
 * 25 specialised-care units. Queues are uneven on purpose: the two largest (orthopaedics and
 * dermatology) have the lowest shares, so the pooled region share (≈ 66 % for first visits) is well
 * below the unweighted mean of the units (≈ 75 %), as in DOMAIN.md §1.
 */
export const UNITS: readonly UnitSpec[] = [
  {
    klinik: "Ortopedi Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Ortopedi",
    weight: 15,
    firstVisitWithin90: 0.47,
    treatmentWithin90: 0.3,
    treatmentFraction: 0.45,
    doctorFraction: 0.85,
  },
  {
    klinik: "Hudkliniken Länssjukhuset",
    sjukhus: LS,
    verksamhetsomrade: "Hud",
    weight: 13,
    firstVisitWithin90: 0.5,
    treatmentWithin90: 0.45,
    treatmentFraction: 0.2,
    doctorFraction: 0.8,
  },
  {
    klinik: "Ögonkliniken",
    sjukhus: CS,
    verksamhetsomrade: "Ögon",
    weight: 7,
    firstVisitWithin90: 0.6,
    treatmentWithin90: 0.4,
    treatmentFraction: 0.4,
    doctorFraction: 0.7,
  },
  {
    klinik: "Hörselvården Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Hörsel",
    weight: 6,
    firstVisitWithin90: 0.58,
    treatmentWithin90: 0.35,
    treatmentFraction: 0.3,
    doctorFraction: 0.15,
  },
  {
    klinik: "Kirurgkliniken Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Kirurgi",
    weight: 5,
    firstVisitWithin90: 0.72,
    treatmentWithin90: 0.5,
    treatmentFraction: 0.45,
    doctorFraction: 0.9,
  },
  {
    klinik: "Ortopedi Länssjukhuset",
    sjukhus: LS,
    verksamhetsomrade: "Ortopedi",
    weight: 4,
    firstVisitWithin90: 0.64,
    treatmentWithin90: 0.4,
    treatmentFraction: 0.45,
    doctorFraction: 0.85,
  },
  {
    klinik: "Öron-näsa-hals Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Öron-näsa-hals",
    weight: 3.5,
    firstVisitWithin90: 0.74,
    treatmentWithin90: 0.5,
    treatmentFraction: 0.35,
    doctorFraction: 0.85,
  },
  {
    klinik: "Urologen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Urologi",
    weight: 3.5,
    firstVisitWithin90: 0.68,
    treatmentWithin90: 0.45,
    treatmentFraction: 0.4,
    doctorFraction: 0.9,
  },
  {
    klinik: "Kirurgkliniken Länssjukhuset",
    sjukhus: LS,
    verksamhetsomrade: "Kirurgi",
    weight: 3,
    firstVisitWithin90: 0.76,
    treatmentWithin90: 0.55,
    treatmentFraction: 0.45,
    doctorFraction: 0.9,
  },
  {
    klinik: "Kvinnokliniken Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Kvinnosjukvård",
    weight: 3,
    firstVisitWithin90: 0.84,
    treatmentWithin90: 0.6,
    treatmentFraction: 0.3,
    doctorFraction: 0.75,
  },
  {
    klinik: "Hjärtmottagningen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Hjärtsjukvård",
    weight: 2.5,
    firstVisitWithin90: 0.82,
    treatmentWithin90: 0.6,
    treatmentFraction: 0.2,
    doctorFraction: 0.9,
  },
  {
    klinik: "Neurologen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Neurologi",
    weight: 2.5,
    firstVisitWithin90: 0.7,
    treatmentWithin90: 0.6,
    treatmentFraction: 0.1,
    doctorFraction: 0.9,
  },
  {
    klinik: "Medicinkliniken Länssjukhuset",
    sjukhus: LS,
    verksamhetsomrade: "Internmedicin",
    weight: 2,
    firstVisitWithin90: 0.86,
    treatmentWithin90: 0.7,
    treatmentFraction: 0.1,
    doctorFraction: 0.9,
  },
  {
    klinik: "Reumatologen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Reumatologi",
    weight: 1.5,
    firstVisitWithin90: 0.88,
    treatmentWithin90: 0.75,
    treatmentFraction: 0.05,
    doctorFraction: 0.85,
  },
  {
    klinik: "Endokrinologen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Endokrinologi",
    weight: 1.5,
    firstVisitWithin90: 0.87,
    treatmentWithin90: 0.75,
    treatmentFraction: 0.05,
    doctorFraction: 0.85,
  },
  {
    klinik: "Lungmottagningen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Lungmedicin",
    weight: 1.5,
    firstVisitWithin90: 0.9,
    treatmentWithin90: 0.75,
    treatmentFraction: 0.1,
    doctorFraction: 0.85,
  },
  {
    klinik: "Handkirurgen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Handkirurgi",
    weight: 1.5,
    firstVisitWithin90: 0.66,
    treatmentWithin90: 0.45,
    treatmentFraction: 0.5,
    doctorFraction: 0.8,
  },
  {
    klinik: "Plastikkirurgen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Plastikkirurgi",
    weight: 1.5,
    firstVisitWithin90: 0.72,
    treatmentWithin90: 0.45,
    treatmentFraction: 0.5,
    doctorFraction: 0.9,
  },
  {
    klinik: "Kärlkirurgen Centralsjukhuset",
    sjukhus: CS,
    verksamhetsomrade: "Kärlkirurgi",
    weight: 1,
    firstVisitWithin90: 0.85,
    treatmentWithin90: 0.65,
    treatmentFraction: 0.4,
    doctorFraction: 0.95,
  },
  {
    klinik: "Smärtmottagningen Länssjukhuset",
    sjukhus: LS,
    verksamhetsomrade: "Smärtlindring",
    weight: 1,
    firstVisitWithin90: 0.8,
    treatmentWithin90: 0.6,
    treatmentFraction: 0.2,
    doctorFraction: 0.6,
  },
  {
    klinik: "Ögonmottagningen Norrby lasarett",
    sjukhus: NL,
    verksamhetsomrade: "Ögon",
    weight: 1.5,
    firstVisitWithin90: 0.8,
    treatmentWithin90: 0.55,
    treatmentFraction: 0.35,
    doctorFraction: 0.7,
  },
  {
    klinik: "Hudmottagningen Norrby lasarett",
    sjukhus: NL,
    verksamhetsomrade: "Hud",
    weight: 1.5,
    firstVisitWithin90: 0.78,
    treatmentWithin90: 0.6,
    treatmentFraction: 0.2,
    doctorFraction: 0.8,
  },
  {
    klinik: "Kirurgmottagningen Norrby lasarett",
    sjukhus: NL,
    verksamhetsomrade: "Kirurgi",
    weight: 1.5,
    firstVisitWithin90: 0.92,
    treatmentWithin90: 0.7,
    treatmentFraction: 0.4,
    doctorFraction: 0.9,
  },
  {
    klinik: "Medicinmottagningen Norrby lasarett",
    sjukhus: NL,
    verksamhetsomrade: "Internmedicin",
    weight: 1,
    firstVisitWithin90: 0.94,
    treatmentWithin90: 0.8,
    treatmentFraction: 0.1,
    doctorFraction: 0.9,
  },
  {
    klinik: "Barn- och ungdomskliniken Länssjukhuset",
    sjukhus: LS,
    verksamhetsomrade: "Barn- och ungdomsmedicin",
    weight: 1.5,
    firstVisitWithin90: 0.9,
    treatmentWithin90: 0.7,
    treatmentFraction: 0.15,
    doctorFraction: 0.8,
  },
];

// ---------------------------------------------------------------------------------------------------
// Rows

export type Kontakttyp = "Förstabesök" | "Operation/åtgärd";
export type Yrkeskategori = "Läkare" | "Övriga";

/** One patient still waiting on the measurement date, as a regional extract lists it. */
export interface PatientRow {
  /** A fictional running id, "P000001" …; never a personal identity number. */
  lopnummer: string;
  sjukhus: string;
  klinik: string;
  verksamhetsomrade: string;
  kontakttyp: Kontakttyp;
  yrkeskategori: Yrkeskategori;
  /** Decision date (start of the wait) as an Excel 1900 serial, 0–~600 days before the measurement date. */
  beslutsdatum: number;
  /** "" (none, ~95 %), "PvV" (~3 %) or "MoV" (~2 %). */
  avvikelsekod: "" | "PvV" | "MoV";
  /** "JA" (covered, ~99 %) or "NEJ" (~1 %). */
  vardgaranti: "JA" | "NEJ";
}

/** The header of the "Väntande" sheet, in column order. */
export const PATIENT_HEADERS = [
  "Löpnummer",
  "Sjukhus",
  "Klinik",
  "Verksamhetsområde",
  "Kontakttyp",
  "Yrkeskategori",
  "Beslutsdatum",
  "Avvikelsekod",
  "Vårdgaranti",
] as const;
/** 0-based column of Beslutsdatum in PATIENT_HEADERS. */
export const DATE_COLUMN = 6;
export const DATE_FORMAT = "yyyy-mm-dd";

/** The longest wait generated, in days. */
export const MAX_WAIT_DAYS = 600;

const CUMULATIVE_WEIGHTS: number[] = (() => {
  const total = UNITS.reduce((s, u) => s + u.weight, 0);
  let acc = 0;
  return UNITS.map((u) => (acc += u.weight / total));
})();

function pickUnit(r: number): UnitSpec {
  for (let i = 0; i < CUMULATIVE_WEIGHTS.length; i++) if (r < CUMULATIVE_WEIGHTS[i]) return UNITS[i];
  return UNITS[UNITS.length - 1];
}

/** Löpnummer for the 1-based row number i: "P000123" (at least 6 digits). */
export function lopnummer(i: number): string {
  return "P" + String(i).padStart(6, "0");
}

/** A streaming row source: call `next()` n times to get the same rows as `patientRows(n, seed, date)`. */
export function patientRowSource(seed: number, measurementDate: string | number | Date): { next(): PatientRow } {
  const rng = mulberry32(seed);
  const measured = toSerial(measurementDate);
  let i = 0;
  return {
    next(): PatientRow {
      i++;
      const unit = pickUnit(rng());
      const treatment = rng() < unit.treatmentFraction;
      const share = treatment ? unit.treatmentWithin90 : unit.firstVisitWithin90;
      // Within the limit: 0..90 days, uniform. Over it: 91..600, skewed towards the shorter waits.
      const wait = rng() < share ? Math.floor(rng() * 91) : 91 + Math.floor(Math.pow(rng(), 1.8) * (MAX_WAIT_DAYS - 90));
      const c = rng();
      const avvikelsekod = c < 0.03 ? "PvV" : c < 0.05 ? "MoV" : "";
      return {
        lopnummer: lopnummer(i),
        sjukhus: unit.sjukhus,
        klinik: unit.klinik,
        verksamhetsomrade: unit.verksamhetsomrade,
        kontakttyp: treatment ? "Operation/åtgärd" : "Förstabesök",
        yrkeskategori: rng() < unit.doctorFraction ? "Läkare" : "Övriga",
        beslutsdatum: measured - wait,
        avvikelsekod,
        vardgaranti: rng() < 0.01 ? "NEJ" : "JA",
      };
    },
  };
}

/** n patient rows waiting on `measurementDate` ("YYYY-MM-DD", a serial or a Date); deterministic per seed. */
export function patientRows(n: number, seed: number, measurementDate: string | number | Date): PatientRow[] {
  const src = patientRowSource(seed, measurementDate);
  const out: PatientRow[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = src.next();
  return out;
}

/** A row as sheet cells in PATIENT_HEADERS order (Beslutsdatum as a serial; blank code as null). */
export function patientRowCells(r: PatientRow): Cell[] {
  return [
    r.lopnummer,
    r.sjukhus,
    r.klinik,
    r.verksamhetsomrade,
    r.kontakttyp,
    r.yrkeskategori,
    r.beslutsdatum,
    r.avvikelsekod || null,
    r.vardgaranti,
  ];
}

/**
 * The same rows as `patientRows` as one in-memory sheet: header row first, then n rows; dates as
 * Excel 1900 serials with a "yyyy-mm-dd" format (one shared format row, so 1M rows stay cheap).
 */
export function patientGrid(n: number, seed: number, measurementDate: string | number | Date, name = "Väntande"): SheetGrid {
  const src = patientRowSource(seed, measurementDate);
  const values: Cell[][] = new Array(n + 1);
  const formats: (string | null)[][] = new Array(n + 1);
  values[0] = [...PATIENT_HEADERS];
  formats[0] = PATIENT_HEADERS.map(() => null);
  const rowFormats: (string | null)[] = PATIENT_HEADERS.map((_, j) => (j === DATE_COLUMN ? DATE_FORMAT : null));
  for (let k = 1; k <= n; k++) {
    values[k] = patientRowCells(src.next());
    formats[k] = rowFormats;
  }
  return { name, values, formats, origin: { row: 0, col: 0 } };
}

// ---------------------------------------------------------------------------------------------------
// Expected figures, computed straight from rows (for cross-checks in the sample script and the bench)

export interface UnitFigures {
  klinik: string;
  kontakttyp: Kontakttyp;
  /** Waiting, excluding PvV/MoV and rows not covered by the guarantee (DEFAULT_SETTINGS). */
  total: number;
  within90: number;
  over90: number;
  over365: number;
}

/** Per unit × contact type, with DOMAIN.md's defaults: PvV and MoV out, NEJ out, within = wait <= 90. */
export function expectedFigures(rows: Iterable<PatientRow>, measurementDate: string | number | Date): Map<string, UnitFigures> {
  const measured = toSerial(measurementDate);
  const out = new Map<string, UnitFigures>();
  for (const r of rows) {
    if (r.avvikelsekod !== "" || r.vardgaranti !== "JA") continue;
    const key = r.klinik + "\t" + r.kontakttyp;
    let f = out.get(key);
    if (!f) out.set(key, (f = { klinik: r.klinik, kontakttyp: r.kontakttyp, total: 0, within90: 0, over90: 0, over365: 0 }));
    const wait = measured - r.beslutsdatum;
    f.total++;
    if (wait <= 90) f.within90++;
    else f.over90++;
    if (wait > 365) f.over365++;
  }
  return out;
}

/** Region share (pooled over patients) and the unweighted mean of unit shares, for one contact type. */
export function regionVersusMean(
  figs: Map<string, UnitFigures>,
  kontakttyp: Kontakttyp,
): { region: number; meanOfUnits: number; units: number; total: number; within: number } {
  let total = 0,
    within = 0,
    sum = 0,
    units = 0;
  for (const f of figs.values()) {
    if (f.kontakttyp !== kontakttyp || f.total === 0) continue;
    total += f.total;
    within += f.within90;
    sum += f.within90 / f.total;
    units++;
  }
  return { region: within / total, meanOfUnits: sum / units, units, total, within };
}
