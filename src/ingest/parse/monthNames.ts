// Month names as extracts and reports write them ("jan 2024", "Mars 2019", "January 31, 2024").

/** Swedish month names and abbreviations (index 0 = January); the first entry is the full name. */
export const SWEDISH_MONTHS: readonly (readonly string[])[] = [
  ["januari", "jan"],
  ["februari", "feb"],
  ["mars", "mar"],
  ["april", "apr"],
  ["maj"],
  ["juni", "jun"],
  ["juli", "jul"],
  ["augusti", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "okt"],
  ["november", "nov"],
  ["december", "dec"],
];

const ENGLISH_MONTHS: readonly (readonly string[])[] = [
  ["january", "jan"],
  ["february", "feb"],
  ["march", "mar"],
  ["april", "apr"],
  ["may"],
  ["june", "jun"],
  ["july", "jul"],
  ["august", "aug"],
  ["september", "sep", "sept"],
  ["october", "oct"],
  ["november", "nov"],
  ["december", "dec"],
];

const MONTH_BY_NAME = new Map<string, number>();
for (const table of [SWEDISH_MONTHS, ENGLISH_MONTHS]) {
  table.forEach((names, i) => {
    for (const n of names) MONTH_BY_NAME.set(n, i + 1);
  });
}

/**
 * Month number 1–12 for a Swedish or English month name or abbreviation, case-insensitive,
 * with an optional trailing "." ("jan.", "Mars", "OKT", "May"); null when unknown.
 */
export function monthFromName(name: string): number | null {
  let n = name.trim();
  if (n.length === 0 || n.length > 10) return null;
  if (n.charCodeAt(n.length - 1) === 46) n = n.slice(0, -1);
  return MONTH_BY_NAME.get(n.toLowerCase()) ?? null;
}
