// What ingest is only guessing about a care-guarantee sheet (DOMAIN.md §3, "No silent guesses"):
// a start date taken from a referral or arrival date, a unit taken from a code column, a measure
// from a loose match in the sheet's name or title, or none at all. A mapping saved in the settings
// is certain, so a confirmed guess is never asked again.
import { type Cell, type SheetGrid, columnLetter } from "../model/cells";
import type { Guess } from "../model/mapping";
import type { MeasureId } from "../model/measures";
import type { SheetSettings } from "../model/settings";
import { type ColumnMap, unitCodeColumn, unitColumn } from "./columns";
import { normalizeHeader } from "./parse/headers";
import { parseContactType } from "./parse/contactTypes";
import { cellText } from "./parse/text";

/** The map with the guessed columns filled in, and the guesses that need confirming. */
export function withGuesses(
  grid: SheetGrid,
  headers: readonly Cell[],
  detected: ColumnMap,
  settings: SheetSettings | undefined,
): { map: ColumnMap; guesses: Guess[] } {
  const map: ColumnMap = { ...detected };
  const guesses: Guess[] = [];
  const letter = (col: number) => columnLetter((grid.origin?.col ?? 0) + col);
  if (map.start === undefined && !settings?.columns?.start) {
    const col = map.referral ?? map.arrival;
    if (col !== undefined) {
      map.start = col;
      const why = col === map.referral ? "referralDate" : "arrivalDate";
      guesses.push({ target: "column", field: "start", header: cellText(headers[col] ?? null), column: letter(col), why });
    }
  }
  if (unitColumn(map) === undefined && !settings?.columns?.unit) {
    const col = unitCodeColumn(headers, map);
    if (col >= 0) {
      map.unit = col;
      guesses.push({ target: "column", field: "unit", header: cellText(headers[col] ?? null), column: letter(col), why: "codeColumn" });
    }
  }
  return { map, guesses };
}

/**
 * Each measure's full names (normalised): one of them in a sheet's name or title names the measure
 * for certain. Anything looser ("Väntande kontakter" → contact) is only a guess.
 */
const FULL_NAMES: Record<MeasureId, string[]> = {
  firstVisit: ["forstabesok", "forsta besok", "nybesok", "first visit", "first visits"],
  treatment: ["operation atgard", "operationer atgarder", "operation", "operationer", "atgard", "atgarder", "treatment", "treatments"],
  primaryContact: ["kontakt samma dag", "same day contact"],
  primaryAssessment: ["medicinsk bedomning", "medical assessment"],
  bupFirst: ["bup forsta bedomning", "forsta bedomning bup"],
  bupTreatment: ["bup fordjupad utredning", "bup fordjupad utredning behandling", "bup behandling", "bup utredning behandling"],
};

function fullNameIn(text: string): MeasureId | null {
  const n = ` ${normalizeHeader(text)} `;
  const hits = (Object.keys(FULL_NAMES) as MeasureId[]).filter((m) => FULL_NAMES[m].some((name) => n.includes(` ${name} `)));
  // "BUP första bedömning" also holds "första bedömning"…: the BUP names are the longer, more specific ones.
  const bup = hits.filter((m) => m === "bupFirst" || m === "bupTreatment");
  const found = bup.length ? bup : hits;
  return found.length === 1 ? found[0] : null;
}

/** The measure a sheet's name or title names: certain for a full name, else a loose match; null when none. */
export function namedMeasure(name: string, title: string): { measure: MeasureId; certain: boolean; text: string } | null {
  for (const text of [name, title]) {
    const m = text ? fullNameIn(text) : null;
    if (m) return { measure: m, certain: true, text };
  }
  for (const text of [name, title]) {
    const m = text ? parseContactType(text) : null;
    if (m) return { measure: m, certain: false, text };
  }
  return null;
}
