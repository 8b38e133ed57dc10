import type { RunOutcome } from "./runReport";
import { computedAnything } from "../domain/results";
import { flagged, unconfirmed } from "./resultCounts";
import { TEXT } from "../report/i18n";
import { explainError } from "./errors";
import { formatCount, formatShare } from "./format";
import { type Lang } from "../model/lang";
import { PANE_TEXT } from "./texts/pane";

/** What the ribbon command tells the user when it is done: a title and a few plain lines. */
export interface CommandMessage {
  ok: boolean;
  title: string;
  lines: string[];
}

/** The outcome of a run as a message: each measure's region share and rating, and the rejected rows. */
export function outcomeMessage(outcome: RunOutcome & { settingsProblem: string | null }, lang: Lang): CommandMessage {
  const t = PANE_TEXT[lang];
  const { results } = outcome;
  const waiting = unconfirmed(results);
  const confirmLine = waiting.length ? [t.unconfirmedSheets(waiting.map((s) => `"${s}"`).join(", "))] : [];
  if (!computedAnything(results)) return { ok: false, title: t.failedTitle, lines: [t.nothingComputed, ...confirmLine] };
  const rejected = results.sources.reduce((n, s) => n + s.rowsRejected, 0);
  const measures = results.careGuarantee.map((m) => {
    const share = m.region.share === null ? "–" : formatShare(m.region.share, lang);
    return `${TEXT[lang].measure[m.measure]} (${t.basis[m.basis]}): ${share}, ${TEXT[lang].rating[m.region.rating].toLocaleLowerCase(lang)}`;
  });
  return {
    ok: true,
    title: t.doneTitle,
    lines: [
      t.doneSummary(results.careGuarantee.length, rejected),
      ...measures,
      ...(flagged(results) ? [t.flagged(flagged(results), formatCount(flagged(results), lang))] : []),
      ...(unconfirmed(results).length
        ? [
            t.unconfirmedSheets(
              unconfirmed(results)
                .map((s) => `"${s}"`)
                .join(", "),
            ),
          ]
        : []),
      ...(outcome.settingsProblem ? [outcome.settingsProblem] : []),
    ],
  };
}

/** A failed run as a message that says what to do. */
export const errorMessage = (err: unknown, lang: Lang): CommandMessage => ({
  ok: false,
  title: PANE_TEXT[lang].failedTitle,
  lines: [explainError(err, lang)],
});
