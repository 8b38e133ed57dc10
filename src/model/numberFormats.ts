// What a cell's number format says about its number: whether it shows a calendar date. One rule
// for every adapter that reads or writes cells and for ingest, so that they agree on which numbers
// are dates (a 1904 workbook's dates are converted by exactly one of them; see cells.ts).

/**
 * True when a format code shows a calendar date (year, month or day), so that its numbers are day
 * serials. Pure time formats ("h:mm", "[h]:mm:ss") are not dates: they hold durations or times of day.
 */
export function isDateFormat(code: string | null | undefined): boolean {
  if (!code) return false;
  // Only the first section (positive numbers) decides.
  const s = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0];
  if (/^general$/i.test(s.trim())) return false;
  if (/[yd]/i.test(s)) return true;
  // "m" is minutes next to h or s, else month.
  return /m/i.test(s) && !/[hs]/i.test(s);
}
