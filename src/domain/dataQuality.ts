// The data-quality checks of the national reference (KCHD's DQ0–DQ6), as counts with their rows.
// Rows that cannot be used are already rejected with their reason; these checks group those
// reasons as the reference does and add what is counted but worth a look: a contact id twice, a
// unit id with two names, a patient from outside the region (flagged, never dropped).
import type { Issue, PatientRecord } from "../ingest/records";
import type { Field } from "../model/sheets";
import type { ReasonCode } from "../model/reasons";

export type QualityCheck =
  | "keyFieldsEmpty"
  | "codesOutsideCodeTable"
  | "negativeWaits"
  | "placeholderDates"
  | "duplicateContactId"
  | "unitIdTwoNames"
  | "outOfRegion";

/** A row that is counted but flagged: where it is and the value that raised the flag. */
export interface QualityFlag {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  value: string;
}

export interface QualityResult {
  check: QualityCheck;
  /** Rows the check found. */
  count: number;
  /** "rejected": the rows are on the rejected list with their reasons; "flagged": counted, listed here. */
  treatment: "rejected" | "flagged";
  rows: QualityFlag[];
  /** outOfRegion: the county codes taken as the region's own (settings, else the most common). */
  homeCounties?: string[];
}

const REJECTION_CHECKS: Record<Exclude<QualityCheck, "duplicateContactId" | "unitIdTwoNames" | "outOfRegion">, ReasonCode[]> = {
  keyFieldsEmpty: [
    "missingUnit",
    "missingStart",
    "missingWaitDays",
    "missingPhase",
    "missingContactStatus",
    "missingVisit",
    "missingContactType",
    "missingDate",
  ],
  codesOutsideCodeTable: ["unknownPhase", "unknownContactStatus", "unknownExceptionCode", "unknownGuarantee", "unknownContactType"],
  negativeWaits: ["visitBeforeStart", "startAfterMeasured"],
  placeholderDates: ["placeholderDate"],
};

/** Where a field's column is on a sheet: its header and letter. */
export type ColumnOf = (sheet: string, field: Field) => { header: string; letter: string };

export function checkDataQuality(
  patients: readonly PatientRecord[],
  issues: readonly Issue[],
  columnOf: ColumnOf,
  homeCounties: readonly string[],
): QualityResult[] {
  const out: QualityResult[] = [];
  for (const [check, reasons] of Object.entries(REJECTION_CHECKS) as [QualityCheck, ReasonCode[]][]) {
    out.push({ check, count: issues.filter((i) => reasons.includes(i.reason)).length, treatment: "rejected", rows: [] });
  }
  const flag = (p: PatientRecord, field: Field, value: string): QualityFlag => {
    const c = columnOf(p.sheet, field);
    return { sheet: p.sheet, row: p.row, column: c.header, cell: `${c.letter}${p.row}`, value };
  };

  // One pass over the rows (a million-row extract): ids, names and municipalities where the sheet has them.
  const byContact = new Map<string, PatientRecord[]>();
  const names = new Map<string, Map<string, PatientRecord[]>>();
  const known: PatientRecord[] = [];
  for (const p of patients) {
    if (p.contactId === null && p.unitId === null && p.municipality === null) continue;
    if (p.contactId !== null) {
      const same = byContact.get(p.contactId);
      if (same) same.push(p);
      else byContact.set(p.contactId, [p]);
    }
    if (p.unitId !== null && p.unit !== p.unitId) {
      let byName = names.get(p.unitId);
      if (!byName) names.set(p.unitId, (byName = new Map()));
      const same = byName.get(p.unit);
      if (same) same.push(p);
      else byName.set(p.unit, [p]);
    }
    if (p.municipality !== null && KNOWN_LKF.test(p.municipality)) known.push(p);
  }
  const twice = [...byContact.values()].filter((ps) => ps.length > 1).flat();
  out.push({
    check: "duplicateContactId",
    count: twice.length,
    treatment: "flagged",
    rows: twice.map((p) => flag(p, "contactId", p.contactId!)),
  });

  // A unit id with two names: the rows whose name is not the id's most common one.
  const odd: QualityFlag[] = [];
  for (const [id, byName] of names) {
    if (byName.size < 2) continue;
    const [, ...others] = [...byName].sort((a, b) => b[1].length - a[1].length);
    for (const [name, ps] of others) for (const p of ps) odd.push(flag(p, "unitId", `${id}: ${name}`));
  }
  out.push({ check: "unitIdTwoNames", count: odd.length, treatment: "flagged", rows: odd });

  // Out of region: a home municipality (LKF, LLKK) in another county. Unknown codes (0000, 9999) are not judged.
  if (known.length) {
    const home = homeCounties.length ? [...homeCounties] : [mostCommonCounty(known)];
    const away = known.filter((p) => !home.includes(p.municipality!.slice(0, 2)));
    out.push({
      check: "outOfRegion",
      count: away.length,
      treatment: "flagged",
      rows: away.map((p) => flag(p, "municipality", p.municipality!)),
      homeCounties: home,
    });
  }
  return out;
}

/** A home municipality as LLKK; 0000 and 9999 say it is unknown. */
const KNOWN_LKF = /^(?!0000|9999)\d{4}$/;

function mostCommonCounty(patients: readonly PatientRecord[]): string {
  const counts = new Map<string, number>();
  for (const p of patients) counts.set(p.municipality!.slice(0, 2), (counts.get(p.municipality!.slice(0, 2)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}
