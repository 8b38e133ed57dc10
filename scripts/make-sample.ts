/**
 * Writes assets/sample.xlsx: a fictional region's January 2024 extract ("Region Exempelland").
 * Deterministic: the same bytes on every run (seeded rows, fixed document dates, fixed zip times).
 *
 *   npm run sample
 *
 * Sheets:
 *   "Väntande"            patient-level waiting list, title rows above the header (header on row 4),
 *                         6000 rows, with a few broken and a few unusual-but-valid rows at fixed places
 *                         (BROKEN_ROWS / UNUSUAL_ROWS below; the tests rely on those row numbers).
 *   "Medicinsk bedömning" per-unit aggregate for primary care (header on row 3), some rows suppressed.
 *   "Mål och indikatorer" the committee's goals and indicators (header on row 3), goals written once above
 *                         their indicators, both directions, values as numbers and Swedish text, some not
 *                         measured, one "reach X or improve by Y" target, one broken outcome (INDICATOR_ROWS).
 *   "Nämndens uppdrag"    assignments with status and end date (ASSIGNMENT_ROWS).
 *   "Info"                free text, not data.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../src/hosts/xlsx/read";
import { withSettingsPart } from "../src/hosts/xlsx/settingsPart";
import { unzipSync, zipSync, type Zippable } from "fflate";
import {
  DATE_FORMAT,
  PATIENT_HEADERS,
  REGION,
  UNITS,
  expectedFigures,
  isoToSerial,
  mulberry32,
  patientRows,
  regionVersusMean,
  serialToDate,
  type PatientRow,
} from "./synthetic";

export const MEASUREMENT_DATE = "2024-01-31";
export const SEED = 20240131;
export const PATIENT_COUNT = 6000;
/** Sheet row of the "Väntande" header; data starts on the row below. */
export const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;

const OUT = path.resolve(__dirname, "..", "assets", "sample.xlsx");
/** A fixed Custom XML item id, so the file is byte-identical between runs. */
const SETTINGS_ITEM_ID = "{3F2504E0-4F89-41D3-9A0C-0305E82C3301}";
/** Fixed document and zip times, so the file is byte-identical between runs. */
const DOC_TIME = new Date(Date.UTC(2024, 1, 1, 7, 0, 0));
const ZIP_TIME = new Date(2024, 1, 1, 8, 0, 0);

type Col = (typeof PATIENT_HEADERS)[number];

/** A deliberate fault or oddity at a fixed sheet row of "Väntande": the column and the cell value written. */
interface Special {
  row: number;
  column: Col;
  value: string | Date | null;
  note: string;
}

/** Rows that must be reported on the Datakontroll tab and left out of every figure. */
export const BROKEN_ROWS: readonly Special[] = [
  { row: 17, column: "Beslutsdatum", value: "2024-02-30", note: "Beslutsdatum as text, an impossible date (30 February)" },
  {
    row: 123,
    column: "Beslutsdatum",
    value: serialToDate(isoToSerial("2024-02-15")),
    note: "Beslutsdatum 2024-02-15 (a real date cell) after the measurement date 2024-01-31",
  },
  { row: 456, column: "Avvikelsekod", value: "X9", note: 'unknown Avvikelsekod "X9"' },
  { row: 789, column: "Klinik", value: null, note: "empty Klinik (Sjukhus and Verksamhetsområde still filled)" },
  { row: 1234, column: "Vårdgaranti", value: "kanske", note: 'Vårdgaranti "kanske" (neither JA nor NEJ)' },
];

/** Valid rows written in an unusual way: they must be read and counted. */
export const UNUSUAL_ROWS: readonly Special[] = [
  {
    row: 2001,
    column: "Beslutsdatum",
    value: "15 jan 2024",
    note: 'Beslutsdatum as Swedish text "15 jan 2024" = 2024-01-15, wait 16 days',
  },
  {
    row: 3002,
    column: "Beslutsdatum",
    value: "2023-11-02",
    note: 'Beslutsdatum as ISO text "2023-11-02", wait exactly 90 days (within the limit)',
  },
  {
    row: 4003,
    column: "Avvikelsekod",
    value: "Patientvald väntan",
    note: 'Avvikelsekod spelled out "Patientvald väntan" = PvV (excluded)',
  },
];

/** Primary-care centres of the "Medicinsk bedömning" sheet; `suppressed` is the marker written instead of figures. */
const CENTRES: readonly { name: string; suppressed?: string }[] = [
  { name: "Vårdcentralen Norra" },
  { name: "Vårdcentralen Södra" },
  { name: "Vårdcentralen Östra" },
  { name: "Vårdcentralen Västra" },
  { name: "Vårdcentralen Centrum" },
  { name: "Vårdcentralen Fjällby", suppressed: ".." },
  { name: "Vårdcentralen Ängen" },
  { name: "Vårdcentralen Björkhagen" },
  { name: "Vårdcentralen Sjöstaden" },
  { name: "Vårdcentralen Lillby", suppressed: "x" },
  { name: "Vårdcentralen Åby" },
  { name: "Vårdcentralen Hamnen" },
  { name: "Vårdcentralen Strandvik" },
  { name: "Vårdcentralen Ekbacka", suppressed: "–" },
  { name: "Vårdcentralen Skogsbacken" },
];
const ASSESSMENT_HEADER_ROW = 3;

const colIndex = (c: Col): number => PATIENT_HEADERS.indexOf(c);

function patientCellValues(r: PatientRow): (string | Date | null)[] {
  return [
    r.lopnummer,
    r.sjukhus,
    r.klinik,
    r.verksamhetsomrade,
    r.kontakttyp,
    r.yrkeskategori,
    serialToDate(r.beslutsdatum),
    r.avvikelsekod || null,
    r.vardgaranti,
  ];
}

/** The generated rows with the special rows made clean first (no code, covered), so each special row has exactly one oddity. */
function sampleRows(): PatientRow[] {
  const rows = patientRows(PATIENT_COUNT, SEED, MEASUREMENT_DATE);
  for (const s of [...BROKEN_ROWS, ...UNUSUAL_ROWS]) {
    const r = rows[s.row - FIRST_DATA_ROW];
    r.avvikelsekod = "";
    r.vardgaranti = "JA";
  }
  return rows;
}

function addPatientSheet(wb: ExcelJS.Workbook, rows: PatientRow[]): void {
  const ws = wb.addWorksheet("Väntande", { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.getCell("A1").value = `Väntande till förstabesök och operation/åtgärd – ${REGION}, 31 januari 2024`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Källa: väntetidsuttag ur regionens vårddatalager 2024-02-05, alla väntande inklusive PvV/MoV. Fiktiva data.`;
  ws.getCell("A2").font = { italic: true };
  // Row 3 stays empty.
  const header = ws.getRow(HEADER_ROW);
  header.values = [...PATIENT_HEADERS];
  header.font = { bold: true };
  const widths = [11, 18, 38, 24, 18, 14, 13, 20, 12];
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));

  const specials = new Map<number, Special>();
  for (const s of [...BROKEN_ROWS, ...UNUSUAL_ROWS]) specials.set(s.row, s);

  rows.forEach((r, k) => {
    const rowNo = FIRST_DATA_ROW + k;
    const values = patientCellValues(r);
    const s = specials.get(rowNo);
    if (s) values[colIndex(s.column)] = s.value;
    const row = ws.getRow(rowNo);
    values.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });
}

interface CentreFigures {
  name: string;
  total: number | null;
  within: number | null;
  suppressed?: string;
}

function addAssessmentSheet(wb: ExcelJS.Workbook): CentreFigures[] {
  const ws = wb.addWorksheet("Medicinsk bedömning");
  ws.getCell("A1").value = "Medicinsk bedömning inom 3 dagar, primärvård, januari 2024";
  ws.getCell("A1").font = { bold: true, size: 14 };
  const header = ws.getRow(ASSESSMENT_HEADER_ROW);
  header.values = ["Vårdcentral", "Antal genomförda", "Inom 3 dagar", "Andel inom 3 dagar (%)"];
  header.font = { bold: true };
  [30, 18, 14, 24].forEach((w, j) => (ws.getColumn(j + 1).width = w));
  const rng = mulberry32(SEED + 3);
  const out: CentreFigures[] = [];
  CENTRES.forEach((c, k) => {
    const row = ws.getRow(ASSESSMENT_HEADER_ROW + 1 + k);
    row.getCell(1).value = c.name;
    if (c.suppressed) {
      for (let j = 2; j <= 4; j++) row.getCell(j).value = c.suppressed;
      out.push({ name: c.name, total: null, within: null, suppressed: c.suppressed });
      return;
    }
    const total = 120 + Math.floor(rng() * 900);
    const within = Math.round(total * (0.62 + rng() * 0.34));
    row.getCell(2).value = total;
    row.getCell(3).value = within;
    row.getCell(4).value = within / total;
    row.getCell(4).numFmt = "0.0%";
    out.push({ name: c.name, total, within });
  });
  return out;
}

/** Header row of "Mål och indikatorer"; the rows below, with the rating a reader computes by hand. */
export const INDICATOR_HEADER_ROW = 3;
export const INDICATOR_ROWS: readonly { cells: (string | number | null)[]; formats?: Record<number, string>; expected: string }[] = [
  {
    cells: ["Tillgänglighet", "Kontakt med vårdcentral samma dag", "Högre är bättre", 0.95, "84 %", 0.83, "%"],
    formats: { 3: "0%", 5: "0%" },
    expected: "84 / 95 = 88,4 % → yellow",
  },
  {
    cells: [null, "Medicinsk bedömning inom 3 dagar", "↑", "85 %", 0.781, "74 %", "%"],
    formats: { 4: "0.0%" },
    expected: "78,1 / 85 = 91,9 % → yellow",
  },
  { cells: [null, "Förstabesök inom 90 dagar", "↑", "100 %", "66,5 %", "68,4 %", "%"], expected: "66,5 % → red" },
  { cells: [null, "Väntande längre än 90 dagar", "Lägre är bättre", 800, "1 271", 1100, "antal"], expected: "800 / 1 271 = 62,9 % → red" },
  {
    cells: ["Patientsäkerhet", "Följsamhet till basala hygienrutiner", "↑", "100 %", "Mäts vid årsrapport", null, "%"],
    expected: "not measured → grey",
  },
  {
    cells: [null, "Vårdrelaterade infektioner per 1 000 vårddagar", "Lägre är bättre", "5,0", "4,6", "5,2", "antal"],
    expected: "5,0 / 4,6 = 108,7 % → green",
  },
  {
    cells: ["Kompetensförsörjning", "Inhyrd personal, andel av egen personalkostnad", "Lägre är bättre", "2,0 %", "2,6 %", "2,9 %", "%"],
    expected: "2,0 / 2,6 = 76,9 % → red",
  },
  { cells: [null, "Sjukfrånvaro", "Lägre är bättre", "6,0 %", "Ej mätt", "6,4 %", "%"], expected: "not measured → grey" },
  {
    cells: [null, "Medarbetare som rekommenderar sin arbetsplats", "↑", "82 % eller +5 procentenheter", "78 %", "72 %", "%"],
    expected: "78 / (72 + 5) = 101,3 % → green",
  },
  {
    cells: ["Ekonomi", "Kostnad per vårdkontakt, index (riket = 100)", "Lägre är bättre", 100, 104, 103, "index"],
    expected: "100 / 104 = 96,2 % → yellow",
  },
  { cells: [null, "Andel digitala vårdbesök", "↑", "30 %", "cirka 25 %", "22 %", "%"], expected: "rejected: outcome is not a number" },
];

function addIndicatorSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Mål och indikatorer");
  ws.getCell("A1").value = "Hälso- och sjukvårdsnämndens mål 2024 – uppföljning januari";
  ws.getCell("A1").font = { bold: true, size: 14 };
  const header = ws.getRow(INDICATOR_HEADER_ROW);
  header.values = ["Målområde", "Indikator", "Riktning", "Målvärde", "Utfall", "Föregående utfall", "Enhet"];
  header.font = { bold: true };
  [24, 48, 18, 28, 20, 18, 10].forEach((w, j) => (ws.getColumn(j + 1).width = w));
  INDICATOR_ROWS.forEach((r, k) => {
    const row = ws.getRow(INDICATOR_HEADER_ROW + 1 + k);
    r.cells.forEach((v, j) => (row.getCell(j + 1).value = v));
    for (const [j, f] of Object.entries(r.formats ?? {})) row.getCell(Number(j) + 1).numFmt = f;
  });
}

export const ASSIGNMENT_ROWS: readonly { cells: (string | Date | null)[]; expected: string }[] = [
  {
    cells: ["Ta fram en handlingsplan för ökad tillgänglighet", "HSF-staben", "Avslutad", serialToDate(isoToSerial("2023-12-31"))],
    expected: "green",
  },
  {
    cells: ["Införa digital första linje i primärvården", "Primärvården", "Pågående enligt plan", serialToDate(isoToSerial("2024-06-30"))],
    expected: "green",
  },
  {
    cells: ["Utreda gemensam operationsplanering", "Specialistvården", "Pågående med avvikelse", serialToDate(isoToSerial("2024-03-31"))],
    expected: "yellow",
  },
  { cells: ["Minska beroendet av inhyrd personal", "HR-staben", "Försenad", serialToDate(isoToSerial("2023-12-31"))], expected: "red" },
  {
    cells: ["Öppna närakut i Norrby", "Akutsjukvården", "Ej påbörjad", serialToDate(isoToSerial("2024-01-15"))],
    expected: "red (not started, end date passed)",
  },
  {
    cells: ["Översyn av remissflöden", "Specialistvården", "Ej påbörjad", serialToDate(isoToSerial("2024-09-30"))],
    expected: "grey (not started, end date ahead)",
  },
];

function addAssignmentSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Nämndens uppdrag");
  const header = ws.getRow(1);
  header.values = ["Uppdrag", "Ansvarig", "Status", "Slutdatum"];
  header.font = { bold: true };
  [50, 20, 24, 12].forEach((w, j) => (ws.getColumn(j + 1).width = w));
  ASSIGNMENT_ROWS.forEach((r, k) => (ws.getRow(2 + k).values = r.cells));
  ws.getColumn(4).numFmt = DATE_FORMAT;
}

function addInfoSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Info");
  const lines = [
    `${REGION} – månadsuttag januari 2024`,
    "",
    "Regionen är påhittad och alla data i den här arbetsboken är syntetiska.",
    "Bladet Väntande listar patienter som väntar på förstabesök eller operation/åtgärd den 31 januari 2024.",
    "Bladet Medicinsk bedömning visar genomförda medicinska bedömningar i primärvården under januari.",
    'Celler med "..", "x" eller "–" är undertryckta (färre än 5 kontakter).',
    "Bladen Mål och indikatorer och Nämndens uppdrag följer upp nämndens mål och uppdrag.",
    "Kontakt: Hälso- och sjukvårdsstaben, Region Exempelland.",
  ];
  lines.forEach((l, i) => (ws.getCell(i + 1, 1).value = l || null));
  ws.getColumn(1).width = 100;
}

/** Re-zip with fixed entry times: JSZip (inside ExcelJS) stamps every entry with the current time. */
function normaliseZip(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const z: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith("/")) continue; // folder entries: not needed in an .xlsx
    z[name] = [data, { level: 6, mtime: ZIP_TIME }];
  }
  return zipSync(z);
}

/** The figures a correct reading of the sample gives (default settings), printed for test writers. */
function printExpected(rows: PatientRow[], centres: CentreFigures[]): void {
  const broken = new Set(BROKEN_ROWS.map((s) => s.row));
  const usable: PatientRow[] = [];
  rows.forEach((r, k) => {
    const rowNo = FIRST_DATA_ROW + k;
    if (broken.has(rowNo)) return;
    const s = UNUSUAL_ROWS.find((u) => u.row === rowNo);
    if (s?.value === "15 jan 2024") usable.push({ ...r, beslutsdatum: isoToSerial("2024-01-15") });
    else if (s?.value === "2023-11-02") usable.push({ ...r, beslutsdatum: isoToSerial("2023-11-02") });
    else if (s?.value === "Patientvald väntan") usable.push({ ...r, avvikelsekod: "PvV" });
    else usable.push(r);
  });
  const figs = expectedFigures(usable, MEASUREMENT_DATE);
  const pct = (x: number) => (100 * x).toFixed(1) + " %";
  console.log(`Expected with default settings (PvV/MoV/NEJ out, ${BROKEN_ROWS.length} broken rows out):`);
  for (const kt of ["Förstabesök", "Operation/åtgärd"] as const) {
    const rv = regionVersusMean(figs, kt);
    console.log(
      `  ${kt.padEnd(17)} region ${rv.within}/${rv.total} = ${pct(rv.region)}; unweighted mean of ${rv.units} units ${pct(rv.meanOfUnits)}`,
    );
  }
  console.log("  per unit (Förstabesök total/within90/over90/over365 | Operation/åtgärd …):");
  for (const u of UNITS) {
    const a = figs.get(u.klinik + "\tFörstabesök");
    const b = figs.get(u.klinik + "\tOperation/åtgärd");
    const f = (x?: { total: number; within90: number; over90: number; over365: number }) =>
      x ? `${x.total}/${x.within90}/${x.over90}/${x.over365}` : "-";
    console.log(`    ${u.klinik.padEnd(40)} ${f(a).padEnd(18)} | ${f(b)}`);
  }
  const shown = centres.filter((c) => c.total !== null);
  const t = shown.reduce((s, c) => s + (c.total ?? 0), 0);
  const w = shown.reduce((s, c) => s + (c.within ?? 0), 0);
  console.log(
    `  Medicinsk bedömning: ${shown.length} centres with figures, pooled ${w}/${t} = ${pct(w / t)}; suppressed: ${centres
      .filter((c) => c.suppressed)
      .map((c) => `${c.name} "${c.suppressed}"`)
      .join(", ")}`,
  );
}

async function main(): Promise<void> {
  const rows = sampleRows();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Målkoll make-sample";
  wb.lastModifiedBy = "Målkoll make-sample";
  wb.created = DOC_TIME;
  wb.modified = DOC_TIME;
  addPatientSheet(wb, rows);
  const centres = addAssessmentSheet(wb);
  addIndicatorSheet(wb);
  addAssignmentSheet(wb);
  addInfoSheet(wb);
  const buf = normaliseZip(new Uint8Array(await wb.xlsx.writeBuffer()));
  // Målkoll's settings as the add-in saves them, holding only the region's name (the deck's title);
  // everything else stays at the defaults the tests' expected figures assume.
  const withSettings = withSettingsPart(openWorkbook(buf), { version: 1, regionName: REGION }, { itemId: SETTINGS_ITEM_ID });
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, withSettings);
  console.log(
    `wrote ${path.relative(process.cwd(), OUT)} (${fs.statSync(OUT).size} bytes): "Väntande" header row ${HEADER_ROW}, data rows ${FIRST_DATA_ROW}–${FIRST_DATA_ROW + PATIENT_COUNT - 1}, measurement date ${MEASUREMENT_DATE} (serial ${isoToSerial(MEASUREMENT_DATE)})`,
  );
  for (const s of BROKEN_ROWS) console.log(`  broken  Väntande!${s.row}: ${s.note}`);
  for (const s of UNUSUAL_ROWS) console.log(`  unusual Väntande!${s.row}: ${s.note}`);
  printExpected(rows, centres);
  INDICATOR_ROWS.forEach((r, k) =>
    console.log(`  indicator Mål och indikatorer!${INDICATOR_HEADER_ROW + 1 + k}: ${r.cells[1]}: ${r.expected}`),
  );
  ASSIGNMENT_ROWS.forEach((r, k) => console.log(`  assignment Nämndens uppdrag!${2 + k}: ${r.cells[0]}: ${r.expected}`));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
