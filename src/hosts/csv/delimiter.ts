// Which character separates the fields: ";" (Swedish Excel's list separator, since "," is the
// decimal comma), "," (most other exports) or a tab (Excel's "Unicode-text"). Counting characters
// alone misleads: a ";" file is full of decimal commas ("70,6"), and a "," file may have quoted
// fields full of ";". So each candidate splits the first records (quotes respected, as papaparse
// reads them) and is scored, in this order:
//   1. fewest stray quotes: a quote inside an unquoted field, or text right after a closing quote.
//      A well-formed file has none with its own delimiter, and a wrong candidate cannot split a
//      record without running into one (the only place its character can be is a quoted field,
//      which it then reads from the middle), so on any well-formed file the right one wins;
//   2. the largest share of records with the most common field count;
//   3. the larger field count;
//   4. the order below.
// A candidate that splits no record is none; with none at all (one column), ";".
export const DELIMITERS = [";", ",", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;
const QUOTE = 34;
const LF = 10;
const CR = 13;

interface Score {
  delimiter: Delimiter;
  stray: number;
  consistency: number;
  fields: number;
}

/** Field counts of the sample's non-blank records and its stray quotes, split at `delimiter`. */
function split(sample: string, cut: boolean, delimiter: Delimiter): { counts: number[]; stray: number } {
  const d = delimiter.charCodeAt(0);
  const n = sample.length;
  const counts: number[] = [];
  let stray = 0;
  let i = 0;
  while (i < n && counts.length < SAMPLE_RECORDS) {
    let fields = 1;
    let blank = true;
    let atStart = true;
    let inQuotes = false;
    let afterQuote = false;
    let recordStray = 0;
    for (; i < n; i++) {
      const c = sample.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          if (sample.charCodeAt(i + 1) === QUOTE) i++;
          else {
            inQuotes = false;
            afterQuote = true;
          }
        }
        continue;
      }
      if (c === d) {
        fields++;
        blank = false;
        atStart = true;
        afterQuote = false;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && sample.charCodeAt(i + 1) === LF) i++;
        i++;
        break;
      }
      blank = false;
      if (atStart && c === QUOTE) inQuotes = true;
      else if (c === QUOTE || afterQuote) recordStray++;
      atStart = false;
      afterQuote = false;
    }
    // A sample cut from a longer text may end inside a record: that one is not whole.
    if (cut && i >= n) break;
    if (blank) continue;
    counts.push(fields);
    stray += recordStray;
  }
  return { counts, stray };
}

function score(sample: string, cut: boolean, delimiter: Delimiter): Score | null {
  const { counts, stray } = split(sample, cut, delimiter);
  if (!counts.some((c) => c > 1)) return null;
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let fields = 0;
  let most = 0;
  for (const [c, k] of tally) if (k > most || (k === most && c > fields)) [fields, most] = [c, k];
  return { delimiter, stray, consistency: most / counts.length, fields };
}

function better(a: Score, b: Score): boolean {
  if (a.stray !== b.stray) return a.stray < b.stray;
  if (a.consistency !== b.consistency) return a.consistency > b.consistency;
  return a.fields > b.fields;
}

/** The delimiter of a CSV text, from its first records (deterministic: the same text always gives the same answer). */
export function detectDelimiter(text: string): Delimiter {
  const cut = text.length > SAMPLE_CHARS;
  const sample = cut ? text.slice(0, SAMPLE_CHARS) : text;
  let best: Score | null = null;
  for (const d of DELIMITERS) {
    const s = score(sample, cut, d);
    if (s && (!best || better(s, best))) best = s;
  }
  return best?.delimiter ?? ";";
}
