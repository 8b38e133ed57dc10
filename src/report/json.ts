import type { Lang } from "../model/lang";
import type { Issue } from "../ingest/records";
import type { GroupShare, MeasureResult, Results, SourceSummary } from "../domain/results";
import { groupText, noteText, reasonText } from "./reasons";

/** T with the keys K as words. */
type Worded<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/** Results as the CLI's --json writes them: the same keys, with reasons, notes and groups in words. */
export type ResultsJson = Omit<Results, "careGuarantee" | "sources" | "exclusions" | "issues"> & {
  careGuarantee: (Omit<MeasureResult, "overLimitBy"> & {
    overLimitBy: { dimension: MeasureResult["overLimitBy"][number]["dimension"]; groups: Worded<GroupShare, "group">[] }[];
  })[];
  sources: Worded<SourceSummary, "note">[];
  exclusions: { reason: string; count: number }[];
  issues: Worded<Issue, "reason">[];
};

/**
 * The results with every code in words of the run's language (`issues[].reason`,
 * `exclusions[].reason`, `sources[].note`, and "(uppgift saknas)" for the group of rows that do
 * not say), for `JSON.stringify`. Keys keep their order, so the JSON reads as it always has.
 */
export function resultsForJson(results: Results, lang: Lang): ResultsJson {
  return {
    ...results,
    careGuarantee: results.careGuarantee.map((m) => ({
      ...m,
      overLimitBy: m.overLimitBy.map((by) => ({ ...by, groups: by.groups.map((g) => ({ ...g, group: groupText(g.group, lang) })) })),
    })),
    sources: results.sources.map((s) => ({ ...s, note: noteText(s.note, lang) })),
    exclusions: results.exclusions.map((e) => ({ ...e, reason: reasonText(e.reason, lang) })),
    issues: results.issues.map((i) => ({ ...i, reason: reasonText(i.reason, lang) })),
  };
}
