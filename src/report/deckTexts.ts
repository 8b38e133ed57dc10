import type { Results } from "../domain/results";
import type { Lang } from "../model/lang";
import type { Footnote, HostWords } from "./plan";
import type { SlideWords } from "./planBuilder";
import { periodName } from "./houseStyle";
import { TEXT } from "./i18n";

/**
 * The words of the slides (title slide, footnotes, continued tables) and of what a host draws
 * itself beside a tab (a chart's target line), Swedish first. Apart from i18n.ts, whose words are
 * the tabs' own.
 */
const sv = {
  deck: "Målkoll",
  followUp: "Målkoll – uppföljning",
  measured: "Mätdatum",
  noDate: "Mätdatum saknas",
  source: "Källa",
  tab: "flik",
  continued: "(forts.)",
  rowsLeftOut: (tab: string) => `Listan med varje avvisad rad finns på fliken ${tab} i arbetsboken.`,
  noValue: "utan värde",
  targetLine: "Mållinje",
  targetLineData: "Mållinje (diagramdata)",
};

export type DeckTexts = typeof sv;

const en: DeckTexts = {
  deck: "Målkoll",
  followUp: "Målkoll – follow-up",
  measured: "Measured",
  noDate: "No measurement date",
  source: "Source",
  tab: "tab",
  continued: "(cont.)",
  rowsLeftOut: (tab: string) => `The list of every rejected row is on the ${tab} tab of the workbook.`,
  noValue: "no value",
  targetLine: "Target line",
  targetLineData: "Target line (chart data)",
};

export const DECK_TEXT: Record<Lang, DeckTexts> = { sv, en };

const measuredWords = (results: Results, w: DeckTexts) => (results.measurementDate ? `${w.measured} ${results.measurementDate}` : w.noDate);

/**
 * The title slide: the region's name, else the workbook's (without .xlsx), else "Målkoll"; under
 * it the period and the measurement date.
 */
export function deckTitle(
  results: Results,
  regionName: string | null | undefined,
  workbookName: string | undefined,
  lang: Lang,
): { title: string; lines: string[] } {
  const w = DECK_TEXT[lang];
  const period = periodName(results, TEXT[lang]);
  const title = regionName?.trim() || (workbookName ? workbookName.replace(/\.xls[xm]$/i, "") : w.deck);
  return { title, lines: [period ? `${w.followUp} ${period}` : w.followUp, measuredWords(results, w)] };
}

/** The words a host adds of its own around a tab's content. */
export function hostWords(lang: Lang): HostWords {
  const w = DECK_TEXT[lang];
  return { noValue: w.noValue, targetLine: { name: w.targetLine, dataHeader: w.targetLineData } };
}

/** What a tab builder needs to say how its tables go on slides: their footnotes and titles, and the host's words. */
export interface SlideNotes extends SlideWords {
  /** Figures from these sheets, with these exclusion codes left out, and a further line. */
  footnote(sources: readonly string[], codes?: readonly string[], extra?: string | null): Footnote;
  /** The line saying where the data check's full list of rejected rows is (it stays off the slides). */
  rowsLeftOut: string;
}

/** The slide notes of tab `tab` (the plan's name) for this run. */
export function slideNotes(results: Results, tab: string, lang: Lang): SlideNotes {
  const w = DECK_TEXT[lang];
  const t = TEXT[lang];
  return {
    footnote(sources, codes = [], extra = null) {
      // No exclusions: the footnote says nothing rather than "inga undantag exkluderade".
      const exclusions = codes.length ? t.exclusive([...codes]) : null;
      const parts = [
        `${w.source}: ${sources.length ? sources.join(", ") : "–"} (${w.tab} ${tab})`,
        measuredWords(results, w),
        ...(exclusions ? [exclusions] : []),
        ...(extra ? [extra] : []),
      ];
      return { sources: [...sources], exclusions, extra, text: parts.join(" · ") };
    },
    slide: (title) => ({ title, continued: `${title} ${w.continued}` }),
    rowsLeftOut: w.rowsLeftOut(tab),
    words: hostWords(lang),
  };
}
