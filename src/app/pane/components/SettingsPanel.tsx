import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Checkbox,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ROLL_UP_RULES, type RollUpRule, type Settings } from "../../../model/settings";
import type { ExceptionCode } from "../../../model/measures";
import { MEASURES, type Basis } from "../../../model/measures";
import { TEXT } from "../../../report/i18n";
import type { Lang } from "../../../model/lang";
import type { PaneTexts } from "../../texts/pane";
import { NumberField } from "./NumberField";
import { TextField } from "./TextField";

const CODES: ExceptionCode[] = ["PvV", "MoV", "SoV"];
const BASES: Basis[] = ["waiting", "completed"];

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, border: "none", margin: 0, padding: 0 },
});

/** Shares are fractions in the settings and percentages on screen; round away float noise (0.925*100). */
const pct = (fraction: number): number => Math.round(fraction * 1e6) / 1e4;

export interface SettingsPanelProps {
  settings: Settings;
  lang: Lang;
  texts: PaneTexts;
  disabled?: boolean;
  /** Propose new settings; returns why they were refused (shown at the field), or null when saved. */
  onChange(next: Settings): string | null;
}

/** Limits, targets, thresholds, exclusions, the goal roll-up rule and the deck's title, folded away until wanted. */
export function SettingsPanel({ settings, lang, texts, disabled, onChange }: SettingsPanelProps) {
  const s = useStyles();
  const edit = (change: (draft: Settings) => void): string | null => {
    const draft = structuredClone(settings);
    change(draft);
    return onChange(draft);
  };
  const number = (label: string, value: number, set: (draft: Settings, v: number) => void) => (
    <NumberField
      key={label}
      label={label}
      value={value}
      lang={lang}
      disabled={disabled}
      invalidText={texts.invalidNumber}
      onCommit={(v) => edit((d) => set(d, v))}
    />
  );

  return (
    <Accordion collapsible multiple>
      <AccordionItem value="limits">
        <AccordionHeader as="h3">{texts.limitsTitle}</AccordionHeader>
        <AccordionPanel className={s.panel}>
          {MEASURES.map((m) => {
            const name = TEXT[lang].measure[m];
            return [
              number(texts.limitDays(name), settings.measures[m].limitDays, (d, v) => (d.measures[m].limitDays = v)),
              number(texts.targetPct(name), pct(settings.measures[m].target), (d, v) => (d.measures[m].target = v / 100)),
            ];
          })}
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="thresholds">
        <AccordionHeader as="h3">{texts.thresholdsTitle}</AccordionHeader>
        <AccordionPanel className={s.panel}>
          {number(texts.green, pct(settings.thresholds.green), (d, v) => (d.thresholds.green = v / 100))}
          {number(texts.yellow, pct(settings.thresholds.yellow), (d, v) => (d.thresholds.yellow = v / 100))}
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="exclusions">
        <AccordionHeader as="h3">{texts.exclusionsTitle}</AccordionHeader>
        <AccordionPanel className={s.panel}>
          {BASES.map((basis) => (
            <fieldset key={basis} className={s.group}>
              <legend>
                <Subtitle2>{basis === "waiting" ? texts.waiting : texts.completed}</Subtitle2>
              </legend>
              {CODES.map((code) => (
                <Checkbox
                  key={code}
                  label={code}
                  checked={settings.exclusions[basis][code]}
                  disabled={disabled}
                  onChange={(_, data) => edit((d) => (d.exclusions[basis][code] = data.checked === true))}
                />
              ))}
            </fieldset>
          ))}
          <Checkbox
            label={texts.requireGuarantee}
            checked={settings.requireGuarantee}
            disabled={disabled}
            onChange={(_, data) => edit((d) => (d.requireGuarantee = data.checked === true))}
          />
          <Checkbox
            label={texts.showMeanOfUnits}
            checked={settings.showMeanOfUnits}
            disabled={disabled}
            onChange={(_, data) => edit((d) => (d.showMeanOfUnits = data.checked === true))}
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="rollup">
        <AccordionHeader as="h3">{texts.rollupTitle}</AccordionHeader>
        <AccordionPanel className={s.panel}>
          <RadioGroup
            aria-label={texts.rollupTitle}
            value={settings.rollUp}
            disabled={disabled}
            onChange={(_, data) => edit((d) => (d.rollUp = data.value as RollUpRule))}
          >
            {ROLL_UP_RULES.map((rule) => (
              <Radio
                key={rule}
                value={rule}
                label={
                  <>
                    {texts.rollupRule[rule]}
                    <br />
                    <Caption1>{TEXT[lang].rollUpText[rule]}</Caption1>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="deck">
        <AccordionHeader as="h3">{texts.deckTitle}</AccordionHeader>
        <AccordionPanel className={s.panel}>
          <TextField
            label={texts.regionName}
            value={settings.regionName ?? ""}
            placeholder={texts.regionNamePlaceholder}
            disabled={disabled}
            onCommit={(v) => (v === (settings.regionName ?? "") ? null : edit((d) => (d.regionName = v === "" ? null : v)))}
          />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
