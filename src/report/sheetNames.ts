/** A sheet as a host sees it: its name and whether Målkoll's marker says it is ours (and which tab). */
export interface ExistingSheet {
  name: string;
  marker?: string;
}

const MAX_SHEET_NAME = 31;
const FORBIDDEN_CHARS = /[\\/?*:[\]]/;

/**
 * Excel's rules for a sheet name, or null when it keeps them: 1–31 characters, none of
 * \ / ? * : [ ], no apostrophe first or last, and not "History" in any case (Excel reserves it for
 * the change-tracking history sheet and refuses a tab of that name).
 */
export function sheetNameProblem(name: string): "empty" | "tooLong" | "forbiddenCharacter" | "apostrophe" | "reserved" | null {
  if (name.length === 0) return "empty";
  if (name.length > MAX_SHEET_NAME) return "tooLong";
  if (FORBIDDEN_CHARS.test(name)) return "forbiddenCharacter";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe";
  if (name.toLowerCase() === "history") return "reserved";
  return null;
}

/**
 * Where to write a summary tab: replace our own tab with the same marker, else take the wanted name,
 * else "Name (2)", "Name (3)"… so that a user's sheet is never overwritten. Excel compares sheet
 * names case-insensitively.
 */
export function chooseSheetName(
  existing: readonly ExistingSheet[],
  wanted: string,
  marker: string,
): { name: string; replaces: string | null; renamedBecauseTaken: boolean } {
  const ours = existing.find((s) => s.marker === marker);
  if (ours) return { name: ours.name, replaces: ours.name, renamedBecauseTaken: ours.name !== wanted };
  const taken = new Set(existing.map((s) => s.name.toLocaleLowerCase("sv")));
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!taken.has(base.toLocaleLowerCase("sv"))) return { name: base, replaces: null, renamedBecauseTaken: false };
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase("sv"))) return { name: candidate, replaces: null, renamedBecauseTaken: true };
  }
}
