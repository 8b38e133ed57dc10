import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress, Stage } from "../../runReport";
import type { PaneTexts } from "../../texts/pane";

const STAGES: Stage[] = ["reading", "computing", "writing"];

/** Overall progress over the three stages, each a third of the bar. */
export const overallFraction = (p: Progress): number => (STAGES.indexOf(p.stage) + Math.min(Math.max(p.fraction, 0), 1)) / STAGES.length;

/** The progress bar by stage: "Läser blad: Uttag jan", "Beräknar", "Skriver flikar". */
export function RunProgress({ progress, texts }: { progress: Progress; texts: PaneTexts }) {
  const label = texts.stage[progress.stage] + (progress.detail ? `: ${progress.detail}` : "");
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={overallFraction(progress)} max={1} aria-label={label} aria-valuetext={label} />
    </Field>
  );
}
