// Excel's rules for tables (ListObjects), shared by both host adapters so the CLI's file and the
// add-in's workbook get the same table: the same column names in the same header cells, the same
// name, the same style. Pure functions; the XML of a table part is in tablePart.ts.
import type { Cell } from "../../model/cells";
import type { SheetPlan, TableSpec } from "../../report/plan";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Excel's limit for a table name and for a column name. */
const MAX_NAME = 255;

type Rect = [number, number, number, number];

/** A table as both adapters write it. */
export interface PreparedTable {
  /** The plan's name made valid (not yet made unique in the workbook). */
  name: string;
  /** 0-based inclusive; at least a header row and one data row. */
  range: Rect;
  /** One per column, equal to the header cells' text, unique ignoring case, never empty. */
  columns: string[];
  style: string;
}

/**
 * Excel's built-in table styles (Light1–21, Medium1–28, Dark1–11). A custom style would have to be
 * defined in the workbook's styles part first; plans only ask for built-in ones.
 */
const BUILT_IN_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export function isBuiltInTableStyle(style: string): boolean {
  return BUILT_IN_STYLE.test(style);
}

/**
 * A name Excel would read as a cell or R1C1 reference ("A1", "XFD1048576", "R2C3", "R", "c") and so
 * refuses for a table or defined name.
 */
export function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name);
}

/**
 * A valid table name from the plan's: letters, digits, "_" and "." (anything else becomes "_"),
 * starting with a letter or "_", at most 255 characters, not a cell reference (then "_" goes first).
 */
export function validTableName(wanted: string): string {
  let name = Array.from(wanted.normalize("NFC"))
    .map((ch) => (/[\p{L}\p{N}_.]/u.test(ch) ? ch : "_"))
    .join("");
  if (name === "") name = "Tabell";
  if (!/^[\p{L}_]/u.test(name) || looksLikeReference(name)) name = "_" + name;
  return Array.from(name).slice(0, MAX_NAME).join("");
}

/**
 * The name itself when no table or defined name in the workbook has it (Excel compares names
 * ignoring case), else the first free "Name2", "Name3" … ("Malkoll_Historik2"), or "Name_2" where
 * "Name2" would read as a cell reference.
 * `taken` holds lower-cased names.
 */
export function uniqueTableName(name: string, taken: ReadonlySet<string>): string {
  const free = (n: string) => !taken.has(n.toLowerCase()) && !looksLikeReference(n);
  if (free(name)) return name;
  for (let n = 2; ; n++) {
    // "AB" + "2" would be the cell AB2 (and so would every number): then "AB_2".
    const withSuffix = (suffix: string) =>
      Array.from(name)
        .slice(0, MAX_NAME - suffix.length)
        .join("") + suffix;
    let candidate = withSuffix(String(n));
    if (looksLikeReference(candidate)) candidate = withSuffix(`_${n}`);
    if (free(candidate)) return candidate;
  }
}

/** A header cell's text as a column name: line breaks and other control characters become spaces. */
function headerText(v: Cell | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  // eslint-disable-next-line no-control-regex
  return Array.from(s.replace(/[\u0000-\u001F\u007F]/g, " "))
    .slice(0, MAX_NAME)
    .join("");
}

/**
 * Column names as Excel makes them from a header row: an empty header becomes "KolumnN" (N its
 * position in the table, as Swedish Excel names it), a repeated one gets "2", "3" … appended
 * ("Andel", "Andel2"), comparing ignoring case. Excel demands that the header cells hold exactly these.
 */
export function columnNames(header: readonly (Cell | undefined)[]): string[] {
  const taken = new Set<string>();
  return header.map((cell, i) => {
    let base = headerText(cell);
    if (base.trim() === "") base = `Kolumn${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = String(n);
      name =
        Array.from(base)
          .slice(0, MAX_NAME - suffix.length)
          .join("") + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function checkRange(spec: TableSpec): Rect {
  const r = spec.range;
  if (
    !Array.isArray(r) ||
    r.length !== 4 ||
    !r.every((n) => Number.isInteger(n) && n >= 0) ||
    r[2] < r[0] ||
    r[3] < r[1] ||
    r[3] >= MAX_COLS ||
    r[2] >= MAX_ROWS
  ) {
    throw new Error(`Tabellen "${spec.name}" har ett ogiltigt område: ${JSON.stringify(r)}`);
  }
  // A table is a header row and at least one data row (Excel adds an empty one to a header alone).
  return [r[0], r[1], Math.min(MAX_ROWS - 1, Math.max(r[2], r[0] + 1)), r[3]];
}

const overlaps = (a: Rect, b: Rect) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The plan's tables checked and prepared, and the plan with each table's header cells set to its
 * column names (the cell grid grown to cover every table, rows kept rectangular). Throws on a range
 * that is not a rectangle on the sheet, on two tables that overlap, and on a style that is not built in.
 */
export function prepareTables(plan: SheetPlan): { plan: SheetPlan; tables: PreparedTable[] } {
  const specs = plan.tables ?? [];
  if (specs.length === 0) return { plan, tables: [] };
  const tables: PreparedTable[] = [];
  for (const spec of specs) {
    const range = checkRange(spec);
    if (typeof spec.style !== "string" || !isBuiltInTableStyle(spec.style))
      throw new Error(`Tabellen "${spec.name}" har ett okänt tabellformat: "${spec.style}"`);
    const other = tables.find((t) => overlaps(t.range, range));
    if (other) throw new Error(`Tabellerna "${other.name}" och "${spec.name}" överlappar.`);
    const cells = plan.cells ?? [];
    const header = Array.from({ length: range[3] - range[1] + 1 }, (_, i) => cells[range[0]]?.[range[1] + i]);
    tables.push({ name: validTableName(String(spec.name ?? "")), range, columns: columnNames(header), style: spec.style });
  }
  // Header cells hold the column names; every other cell stays as planned.
  const oldCells = plan.cells ?? [];
  const height = Math.max(oldCells.length, ...tables.map((t) => t.range[0] + 1));
  const width = Math.max(
    oldCells.reduce((m, row) => Math.max(m, row.length), 0),
    ...tables.map((t) => t.range[3] + 1),
  );
  const cells: Cell[][] = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => oldCells[r]?.[c] ?? null));
  for (const t of tables) t.columns.forEach((name, i) => (cells[t.range[0]][t.range[1] + i] = name));
  return { plan: { ...plan, cells }, tables };
}
