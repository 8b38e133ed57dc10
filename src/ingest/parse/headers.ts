// Header texts as matching keys: the column rules (columns.ts) and the code words compare these.

const RE_SPECIAL_LETTERS = /[øæßłđœ]/g;
const SPECIAL_LETTERS: Record<string, string> = { ø: "o", æ: "ae", ß: "ss", ł: "l", đ: "d", œ: "oe" };
const RE_COMBINING_MARKS = /[\u0300-\u036f]/g;
const RE_NON_ALNUM_RUN = /[^\p{L}\p{N}]+/gu;

/**
 * Lowercase, å/ä→a, ö→o, é→e, other diacritics removed, every run of non-alphanumerics → one
 * space, trimmed: "Väntat (dagar)" → "vantat dagar", "PvV/MoV" → "pvv mov", "beslut_datum" →
 * "beslut datum". Note that "(%)" disappears: pass the raw header to `parseShare`.
 */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(RE_SPECIAL_LETTERS, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize("NFD")
    .replace(RE_COMBINING_MARKS, "")
    .replace(RE_NON_ALNUM_RUN, " ")
    .trim();
}
