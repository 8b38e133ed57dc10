import type { Basis } from "./measures";
import type { Guess } from "./mapping";

/**
 * Where a patient list's or aggregate's measure came from: SKR's phase or a contact-type column per
 * row, the settings, or a full measure name in the sheet's name or title. Anything less certain is a
 * guess (model/mapping.ts) and the sheet waits for a confirmation.
 */
export type MeasureFrom = "column" | "phase" | "sheetName" | "settings";

/**
 * How ingest recognised a sheet, or why it did not: a code with the figures and names it needs,
 * turned into words by report/reasons.ts (`noteText`). Header rows are 1-based as Excel shows them.
 */
export type SheetNote =
  /** A patient list: basis "completed" when it has visit dates (rows without one are still waiting). */
  | { code: "patientList"; basis: Basis; measureFrom: MeasureFrom; basisFrom?: "status" }
  | { code: "unitAggregate"; basis: Basis; measureFrom: MeasureFrom }
  | { code: "indicators"; goals: number; indicators: number }
  | { code: "assignments"; count: number }
  /** A code table of units: HSA id → name. */
  | { code: "unitNames"; count: number }
  /** The settings say to skip the sheet. */
  | { code: "ignored" }
  /** No care-guarantee header (unit with dates, waits or counts) among the first rows. */
  | { code: "noHeader" }
  /** The settings call it an indicator or assignment sheet, but no row has those columns. */
  | { code: "noIndicatorHeader" }
  | { code: "noAssignmentHeader" }
  | { code: "noUnitColumn"; headerRow: number }
  /** A unit column, but neither dates, waits nor counts. */
  | { code: "noDataColumns"; headerRow: number }
  | { code: "noIndicatorColumns"; headerRow: number }
  | { code: "noAssignmentColumns"; headerRow: number }
  /** Columns the settings map a field to that the header row does not have, as the settings write them. */
  | { code: "missingMappedColumns"; headers: string[]; headerRow: number }
  /**
   * Columns the sheet is read from hold formulas saved without their calculated values (below the
   * header row): not computed, since every such cell would read as empty. Columns are sheet letters.
   */
  | { code: "uncalculated"; headerRow: number; columns: string[] }
  /** A care-guarantee sheet whose reading rests on guesses: not computed until they are confirmed. */
  | { code: "needsConfirmation"; headerRow: number; guesses: Guess[] };

export type SheetNoteCode = SheetNote["code"];
