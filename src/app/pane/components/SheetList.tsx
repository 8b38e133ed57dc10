import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SheetDetection } from "../../pipeline";
import type { Field as FieldId } from "../../../model/sheets";
import type { Guess } from "../../../model/mapping";
import { MEASURES, type MeasureId } from "../../../model/measures";
import { TEXT } from "../../../report/i18n";
import { guessText, noteText } from "../../../report/reasons";
import type { Lang } from "../../../model/lang";
import { formatCount } from "../../format";
import type { PaneTexts } from "../../texts/pane";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // The sheet's one line: its name, then kind · rows · certainty, wrapping where the pane is narrow.
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, margin: 0 },
  name: { margin: 0 },
  toConfirm: { color: tokens.colorStatusWarningForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  // The guesses stand out: the warning colours, as Fluent's warning MessageBar has them.
  guesses: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    listStyleType: "none",
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  guess: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  guessWords: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalXS },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  // Fluent's Dropdown asks for 250 px by default; at 320 px the pane needs it to shrink.
  dropdown: { minWidth: 0, width: "100%" },
});

export interface SheetListProps {
  detections: SheetDetection[];
  texts: PaneTexts;
  lang: Lang;
  disabled?: boolean;
  /** The user picked (or confirmed) a column for a field: the App saves it in settings.sheets[sheet].columns. */
  onColumnChange(sheet: string, field: FieldId, header: string): void;
  /** The user confirmed a sheet's measure (the guessed one or another): the App saves it as settings.sheets[sheet].measure. */
  onMeasureChange(sheet: string, measure: MeasureId): void;
}

/**
 * The sheets found, one line each (kind, rows, and whether every column is certain). Guesses are
 * shown on the line with a button that confirms them (DOMAIN.md §3, "No silent guesses"); the
 * column mapping, every one changeable, opens on demand, and is open from the start on a guessed sheet.
 */
export function SheetList({ detections, texts, lang, disabled, onColumnChange, onMeasureChange }: SheetListProps) {
  const s = useStyles();
  if (detections.length === 0) return <Caption1>{texts.noSheets}</Caption1>;
  return (
    <ul className={s.list} aria-label={texts.sheetsTitle}>
      {detections.map((d) => (
        <SheetItem
          key={d.sheet}
          d={d}
          texts={texts}
          lang={lang}
          disabled={disabled}
          onColumnChange={onColumnChange}
          onMeasureChange={onMeasureChange}
        />
      ))}
    </ul>
  );
}

type ItemProps = Omit<SheetListProps, "detections"> & { d: SheetDetection };

function SheetItem({ d, texts, lang, disabled, onColumnChange, onMeasureChange }: ItemProps) {
  const s = useStyles();
  const guessed = d.guesses.length > 0;
  const fields = Object.entries(d.columns) as [FieldId, string][];
  const guessedFields = new Set(d.guesses.flatMap((g) => (g.target === "column" ? [g.field] : [])));
  const certainty = guessed ? (
    <span className={s.toConfirm}>{texts.toConfirm(d.guesses.length)}</span>
  ) : d.kind === "unrecognised" ? null : (
    texts.allCertain
  );
  return (
    <li className={s.sheet} aria-label={d.sheet}>
      <div className={s.line}>
        <Body1Strong as="h3" className={s.name}>
          {d.sheet}
        </Body1Strong>
        <Caption1>
          {TEXT[lang].kinds[d.kind] ?? d.kind} ·{" "}
          {d.headerRow === null ? texts.noHeader : texts.sheetRows(d.rows, formatCount(d.rows, lang))}
          {certainty ? <> · {certainty}</> : null}
        </Caption1>
      </div>
      {d.kind === "unrecognised" ? <Caption1 className={s.note}>{noteText(d.note, lang)}</Caption1> : null}
      {guessed ? (
        <ul className={s.guesses} aria-label={texts.guessesFor(d.sheet)}>
          {d.guesses.map((g) => (
            <GuessItem
              key={g.target === "column" ? `column:${g.field}:${g.header}` : `measure:${g.measure}`}
              sheet={d.sheet}
              guess={g}
              texts={texts}
              lang={lang}
              disabled={disabled}
              onColumnChange={onColumnChange}
              onMeasureChange={onMeasureChange}
            />
          ))}
        </ul>
      ) : null}
      {fields.length > 0 ? (
        <Accordion collapsible defaultOpenItems={guessed ? ["columns"] : []}>
          <AccordionItem value="columns">
            <AccordionHeader size="small">{texts.showColumns}</AccordionHeader>
            <AccordionPanel className={s.panel}>
              {d.headerRow === null ? null : <Caption1>{texts.columnsFromRow(d.headerRow)}</Caption1>}
              {fields.map(([field, header]) => (
                <Field
                  key={field}
                  label={texts.field[field] ?? field}
                  validationState={guessedFields.has(field) ? "warning" : "none"}
                  validationMessage={guessedFields.has(field) ? texts.guessedColumn : undefined}
                >
                  <Dropdown
                    className={s.dropdown}
                    aria-label={texts.columnFor(texts.field[field] ?? field, d.sheet)}
                    value={header}
                    selectedOptions={[header]}
                    disabled={disabled}
                    onOptionSelect={(_, data) => {
                      if (data.optionValue && data.optionValue !== header) onColumnChange(d.sheet, field, data.optionValue);
                    }}
                  >
                    {unique(d.headers.includes(header) ? d.headers : [header, ...d.headers]).map((h) => (
                      <Option key={h} value={h}>
                        {h}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              ))}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </li>
  );
}

type GuessProps = Omit<ItemProps, "d"> & { sheet: string; guess: Guess };

/** One guess in words, marked as one, with its Bekräfta button; a guessed measure can be changed first. */
function GuessItem({ sheet, guess, texts, lang, disabled, onColumnChange, onMeasureChange }: GuessProps) {
  const s = useStyles();
  const wordsId = useId();
  // The measure the Bekräfta button saves: the guessed one until the user picks another.
  const [measure, setMeasure] = useState<MeasureId>(guess.target === "measure" ? guess.measure : "firstVisit");
  const confirm = () => (guess.target === "column" ? onColumnChange(sheet, guess.field, guess.header) : onMeasureChange(sheet, measure));
  return (
    <li className={s.guess}>
      <span className={s.guessWords}>
        <Badge appearance="filled" color="warning" size="small">
          {texts.guess}
        </Badge>
        <Caption1 id={wordsId}>{guessText(guess, lang)}</Caption1>
      </span>
      {guess.target === "measure" ? (
        <Dropdown
          className={s.dropdown}
          aria-label={texts.measureFor(sheet)}
          value={TEXT[lang].measure[measure]}
          selectedOptions={[measure]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            if (data.optionValue) setMeasure(data.optionValue as MeasureId);
          }}
        >
          {MEASURES.map((m) => (
            <Option key={m} value={m}>
              {TEXT[lang].measure[m]}
            </Option>
          ))}
        </Dropdown>
      ) : null}
      <Button size="small" appearance="primary" aria-describedby={wordsId} disabled={disabled} onClick={confirm}>
        {texts.confirm}
      </Button>
    </li>
  );
}

/** Two columns with the same header would be two options with one value: keep the first. */
const unique = (xs: string[]): string[] => [...new Set(xs)];
