import { Caption1, Dropdown, Field, Option, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetDetection } from "../../pipeline";
import type { Field as FieldId } from "../../../model/sheets";
import { TEXT } from "../../../report/i18n";
import { noteText } from "../../../report/reasons";
import type { Lang } from "../../../model/lang";
import type { PaneTexts } from "../../texts/pane";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Fluent's Dropdown asks for 250 px by default; at 320 px the pane needs it to shrink.
  dropdown: { minWidth: 0, width: "100%" },
});

export interface SheetListProps {
  detections: SheetDetection[];
  texts: PaneTexts;
  lang: Lang;
  disabled?: boolean;
  /** The user picked another column for a field: the App saves it in settings.sheets[sheet].columns. */
  onColumnChange(sheet: string, field: FieldId, header: string): void;
}

/** The sheets found, each with its kind and the column mapped to each field, every mapping changeable. */
export function SheetList({ detections, texts, lang, disabled, onColumnChange }: SheetListProps) {
  const s = useStyles();
  if (detections.length === 0) return <Caption1>{texts.noSheets}</Caption1>;
  return (
    <ul className={s.list} aria-label={texts.sheetsTitle}>
      {detections.map((d) => (
        <li key={d.sheet} className={s.sheet} aria-label={d.sheet}>
          <Subtitle2 as="h3">{d.sheet}</Subtitle2>
          <Caption1>
            {TEXT[lang].kinds[d.kind] ?? d.kind} · {d.headerRow === null ? texts.noHeader : texts.headerRow(d.headerRow)}
          </Caption1>
          {d.kind === "unrecognised" ? <Caption1>{noteText(d.note, lang)}</Caption1> : null}
          {(Object.entries(d.columns) as [FieldId, string][]).map(([field, header]) => (
            <Field key={field} label={texts.field[field] ?? field}>
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
        </li>
      ))}
    </ul>
  );
}

/** Two columns with the same header would be two options with one value: keep the first. */
const unique = (xs: string[]): string[] => [...new Set(xs)];
