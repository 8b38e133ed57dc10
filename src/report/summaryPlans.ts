import type { Results } from "../domain/results";
import type { Settings } from "../domain/settings";
import type { SheetPlan } from "./plan";
import type { Lang } from "./i18n";
import { careGuaranteePlan } from "./careGuaranteeTab";
import { dataCheckPlan } from "./dataCheckTab";

export type { Lang };

/** Every summary tab of a run, in the order they appear in the workbook. */
export function summaryPlans(results: Results, settings: Settings, lang: Lang): SheetPlan[] {
  return [careGuaranteePlan(results, settings, lang), dataCheckPlan(results, lang)];
}
