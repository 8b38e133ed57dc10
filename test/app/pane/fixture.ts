import type { Cell, SheetGrid } from "../../../src/model/cells";
import { d, grid } from "../../helpers/grids";

/**
 * A waiting list measured on 2024-01-31, with two unit columns (Klinik wins detection; Mottagning is
 * the finer one a user may pick). 90-day limit: 2023-11-02 is day 90 (within), 2023-11-01 day 91.
 *
 *   Förstabesök: rows 2–7 valid, within: 2024-01-10, 2023-11-02, 2024-01-02, 2023-12-20, 2023-12-01
 *                = 5; over: 2023-11-01 → region 5/6 = 83,3 % → 0.833 of target 1.0 → yellow
 *   Operation:   2024-01-15 within, 2023-06-01 over → 1/2 = 50,0 % → red
 *   Row 10 has no date ("inte ett datum") → 1 rejected row.
 */
export const MEASURED = "2024-01-31";

const row = (klinik: string, mottagning: string, typ: string, start: string): Cell[] => [
  klinik,
  mottagning,
  typ,
  /^\d{4}-/.test(start) ? d(start) : start,
];

export const waiting: SheetGrid = grid("Väntande", [
  ["Klinik", "Mottagning", "Kontakttyp", "Beslutsdatum"],
  row("Ögon", "Ögon Syd", "Förstabesök", "2024-01-10"),
  row("Ögon", "Ögon Syd", "Förstabesök", "2023-11-02"),
  row("Ögon", "Ögon Norr", "Förstabesök", "2023-11-01"),
  row("Hud", "Hud Öst", "Förstabesök", "2024-01-02"),
  row("Hud", "Hud Öst", "Förstabesök", "2023-12-20"),
  row("Hud", "Hud Väst", "Förstabesök", "2023-12-01"),
  row("Ögon", "Ögon Syd", "Operation", "2024-01-15"),
  row("Hud", "Hud Öst", "Operation", "2023-06-01"),
  row("Hud", "Hud Öst", "Förstabesök", "inte ett datum"),
]);

/** A sheet Målkoll does not recognise: shown as such, never read as data. */
export const notes: SheetGrid = grid("Anteckningar", [["Att göra"], ["Ring IT om behörigheter"]]);

export const NBSP = "\u00a0";

/**
 * Two goals from an indicator sheet. Tillgänglighet: A 0,9 of 0,9 (100 % → green), B 50 of 100
 * (50 % → red); Kvalitet: C 100 of 100 (green). Committee rule: mixed → yellow, all green → green.
 * Worst indicator: Tillgänglighet red, Kvalitet green.
 */
export const indicators: SheetGrid = grid("Indikatorer", [
  ["Mål", "Indikator", "Målvärde", "Utfall"],
  ["Tillgänglighet", "Indikator A", 0.9, 0.9],
  ["Tillgänglighet", "Indikator B", 100, 50],
  ["Kvalitet", "Indikator C", 100, 100],
]);

/**
 * A waiting list without a contact-type column, whose name says "kontakter": its measure is a loose
 * guess (same-day contact) until the user confirms one. Two units waiting since 2024-01-29 and 2024-01-20.
 */
export const contacts: SheetGrid = grid("Väntande kontakter", [
  ["Enhet", "Beslutsdatum"],
  ["Vårdcentral Norr", d("2024-01-29")],
  ["Vårdcentral Söder", d("2024-01-20")],
]);
