import { Badge, Body1, Caption1, Link, Subtitle2, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import type { RunOutcome } from "../../runReport";
import type { Rating } from "../../../model/ratings";
import { TEXT } from "../../../report/i18n";
import { formatCount, formatShare } from "../../format";
import { flagged, unconfirmed } from "../../resultCounts";
import type { Lang } from "../../../model/lang";
import type { PaneTexts } from "../../texts/pane";

const RATINGS: Rating[] = ["green", "yellow", "red", "grey"];
/** The tabs' colours as Fluent badge colours; the badge also says the rating in words. */
const BADGE_COLOR: Record<Rating, BadgeProps["color"]> = { green: "success", yellow: "warning", red: "danger", grey: "informative" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  measure: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  label: { flexBasis: "100%" },
  share: { fontWeight: tokens.fontWeightSemibold },
  goals: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
});

export const RatingBadge = ({ rating, lang }: { rating: Rating; lang: Lang }) => (
  <Badge appearance="filled" color={BADGE_COLOR[rating]} data-rating={rating}>
    {TEXT[lang].rating[rating]}
  </Badge>
);

export interface ResultViewProps {
  outcome: RunOutcome;
  lang: Lang;
  texts: PaneTexts;
  /** Show the Datakontroll tab (the sheet name it was written under). */
  onShowDataCheck(sheetName: string): void;
}

/** Each measure's region share with its rating, goals per colour, and the rejected rows. */
export function ResultView({ outcome, lang, texts, onShowDataCheck }: ResultViewProps) {
  const s = useStyles();
  const { results, written } = outcome;
  const tabs = TEXT[lang];
  const rejected = results.sources.reduce((n, src) => n + src.rowsRejected, 0);
  const flaggedRows = flagged(results);
  const unconfirmedSheets = unconfirmed(results);
  const dataCheck = written.find((w) => w.planName === tabs.dataCheckTab)?.sheetName ?? tabs.dataCheckTab;
  const goalCounts = RATINGS.map((r) => ({ rating: r, count: results.goals.filter((g) => g.rating === r).length }));

  return (
    <section className={s.root} aria-label={texts.resultTitle}>
      <Subtitle2 as="h2">{texts.resultTitle}</Subtitle2>
      {results.measurementDate ? <Caption1>{texts.measuredOn(results.measurementDate)}</Caption1> : null}
      <ul className={s.list} aria-label={texts.regionShare}>
        {results.careGuarantee.map((m) => {
          const label = `${tabs.measure[m.measure]} (${texts.basis[m.basis]})`;
          return (
            <li key={`${m.measure}/${m.basis}`} className={s.measure} aria-label={label}>
              <Body1 className={s.label}>{label}</Body1>
              <span className={s.share}>{m.region.share === null ? "–" : formatShare(m.region.share, lang)}</span>
              <RatingBadge rating={m.region.rating} lang={lang} />
            </li>
          );
        })}
      </ul>
      <Subtitle2 as="h3">{texts.goalsTitle}</Subtitle2>
      {results.goals.length === 0 ? (
        <Caption1>{texts.noGoals}</Caption1>
      ) : (
        <ul className={s.goals} aria-label={texts.goalsTitle}>
          {goalCounts.map(({ rating, count }) => (
            <li key={rating} aria-label={`${TEXT[lang].rating[rating]}: ${count}`}>
              <Badge appearance="tint" color={BADGE_COLOR[rating]} data-rating={rating}>
                {count} {TEXT[lang].rating[rating].toLocaleLowerCase(lang)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <Body1>
        {rejected === 0 ? texts.noRejected : texts.rejected(rejected, formatCount(rejected, lang))}{" "}
        <Link as="button" onClick={() => onShowDataCheck(dataCheck)}>
          {texts.showDataCheck}
        </Link>
      </Body1>
      {flaggedRows ? <Body1>{texts.flagged(flaggedRows, formatCount(flaggedRows, lang))}</Body1> : null}
      {unconfirmedSheets.length ? <Body1>{texts.unconfirmedSheets(unconfirmedSheets.map((s) => `"${s}"`).join(", "))}</Body1> : null}
      {written.length ? <Caption1>{texts.written(written.map((w) => `"${w.sheetName}"`).join(", "))}</Caption1> : null}
    </section>
  );
}
