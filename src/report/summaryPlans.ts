import type { Results } from "../domain/results";
import type { Settings } from "../model/settings";
import type { SheetPlan } from "./plan";
import type { Lang } from "../model/lang";
import { careGuaranteePlan } from "./careGuaranteeTab";
import { dataCheckPlan } from "./dataCheckTab";
import { goalsPlan } from "./goalsTab";
import { assignmentsPlan } from "./assignmentsTab";
import { historyPlan } from "./historyTab";

export type { Lang };

/** Every summary tab of a run that has something to show, in the order they appear in the workbook. */
export function summaryPlans(results: Results, settings: Settings, lang: Lang): SheetPlan[] {
  return [
    ...(results.careGuarantee.length ? [careGuaranteePlan(results, settings, lang)] : []),
    ...(results.goals.length ? [goalsPlan(results, settings, lang)] : []),
    ...(results.assignments.length ? [assignmentsPlan(results, settings, lang)] : []),
    ...(results.history.care.length + results.history.indicators.length ? [historyPlan(results, lang)] : []),
    dataCheckPlan(results, lang),
  ];
}
