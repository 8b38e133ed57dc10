import type { Cell } from "../model/cells";
import { type ColumnMap, type FieldRule, HEADER_SEARCH_ROWS, mapColumnsWith } from "./columns";

/**
 * Header synonyms of indicator sheets (a plan's goals, indicators, targets and outcomes) and
 * assignment sheets, normalised like the care-guarantee ones. Order matters: "Mål (värde)" is a
 * target before "Mål" can be the goal, and "Utfall föregående period" the previous outcome before
 * "Utfall" is this period's. In these sheets "Enhet" is the unit of measure, not a clinic.
 */
export const INDICATOR_RULES: FieldRule[] = [
  {
    field: "target",
    exact: ["malvarde", "mal varde", "malniva", "maltal", "mal niva", "malvarde ar", "target", "target value"],
    contains: /^malvarde\b|^malniva\b|^target\b/,
  },
  { field: "greenFrom", exact: ["gron fran", "gron from", "gront fran", "gron grans", "green from"], contains: /^gron\b/ },
  { field: "yellowFrom", exact: ["gul fran", "gul from", "gult fran", "gul grans", "yellow from"], contains: /^gul\b/ },
  {
    field: "previousOutcome",
    exact: [
      "foregaende utfall",
      "utfall foregaende period",
      "utfall foregaende ar",
      "utfall fg period",
      "utfall fg ar",
      "fg utfall",
      "tidigare utfall",
      "previous outcome",
      "previous",
    ],
    contains: /^(foregaende|tidigare|fg) (utfall|resultat|varde)\b|^(utfall|resultat) (foregaende|fg|tidigare)\b/,
  },
  {
    field: "outcome",
    exact: ["utfall", "resultat", "varde", "utfall period", "utfall i ar", "senaste utfall", "outcome", "result", "value"],
    contains: /^(utfall|resultat)\b/,
  },
  {
    field: "improveBy",
    exact: [
      "forbattring",
      "forbattringsmal",
      "eller forbattring",
      "alternativt mal",
      "okning procentenheter",
      "forbattring procentenheter",
      "improve by",
      "improvement",
    ],
    contains: /^(eller )?forbattring\b/,
  },
  {
    field: "indicator",
    exact: ["indikator", "indikatorer", "malindikator", "matt", "nyckeltal", "indicator", "kpi", "styrtal", "mattal"],
    contains: /^(indikator|nyckeltal|malindikator)\b/,
  },
  {
    field: "goal",
    exact: [
      "mal",
      "delmal",
      "malomrade",
      "mal delmal",
      "strategiskt mal",
      "overgripande mal",
      "verksamhetsmal",
      "malformulering",
      "goal",
      "objective",
    ],
    contains: /^(mal|delmal|malomrade|strategiskt mal|verksamhetsmal)\b/,
  },
  {
    field: "direction",
    exact: ["riktning", "onskad riktning", "malriktning", "direction", "hogre lagre ar battre"],
    contains: /^riktning\b/,
  },
  { field: "period", exact: ["period", "tertial", "matperiod", "uppfoljningsperiod", "ar", "manad", "kvartal"] },
  { field: "unitOfMeasure", exact: ["enhet", "mattenhet", "matenhet", "unit", "unit of measure"] },
  { field: "comment", exact: ["kommentar", "kommentarer", "analys", "kommentar analys", "comment", "comments"], contains: /^kommentar\b/ },
  { field: "owner", exact: ["ansvarig", "agare", "ansvar", "ansvarig chef", "owner", "responsible"] },
];

export const ASSIGNMENT_RULES: FieldRule[] = [
  {
    field: "assignment",
    exact: ["uppdrag", "uppdragsbeskrivning", "beskrivning av uppdrag", "uppdragets namn", "assignment", "task"],
    contains: /^uppdrag\b/,
  },
  { field: "status", exact: ["status", "lage", "statusbedomning", "status bedomning", "state"], contains: /^status\b/ },
  {
    field: "endDate",
    exact: [
      "slutdatum",
      "slut datum",
      "klart senast",
      "klart datum",
      "ska vara klart",
      "deadline",
      "end date",
      "due date",
      "datum for slutforande",
      "slutforas",
    ],
    contains: /^slutdatum\b|^klart\b/,
  },
  { field: "comment", exact: ["kommentar", "kommentarer", "comment", "comments"], contains: /^kommentar\b/ },
  { field: "owner", exact: ["ansvarig", "agare", "ansvar", "owner", "responsible"] },
];

export type PlanSheetKind = "indicatorList" | "assignmentList";

/**
 * Look for an indicator header (an indicator column with a target or an outcome) or an
 * assignment header (an assignment with a status) among the first rows.
 */
export function findPlanHeader(values: readonly (readonly Cell[])[]): { kind: PlanSheetKind; index: number; map: ColumnMap } | null {
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  let best: { kind: PlanSheetKind; index: number; map: ColumnMap; score: number } | null = null;
  for (let i = 0; i < last; i++) {
    const row = values[i];
    if (!row || !row.some((c) => typeof c === "string" && c.trim() !== "")) continue;
    const ind = mapColumnsWith(row, INDICATOR_RULES);
    if (ind.indicator !== undefined && (ind.target !== undefined || ind.outcome !== undefined)) {
      const score = Object.keys(ind).length;
      if (!best || score > best.score) best = { kind: "indicatorList", index: i, map: ind, score };
      continue;
    }
    const asg = mapColumnsWith(row, ASSIGNMENT_RULES);
    if (asg.assignment !== undefined && asg.status !== undefined) {
      const score = Object.keys(asg).length;
      if (!best || score > best.score) best = { kind: "assignmentList", index: i, map: asg, score };
    }
  }
  return best && { kind: best.kind, index: best.index, map: best.map };
}
