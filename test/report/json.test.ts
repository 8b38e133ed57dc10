import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { resultsForJson } from "../../src/report/json";
import { d, grid } from "../helpers/grids";

// One of each: a rejected row (impossible date), an excluded row (PvV), an over-limit row without a
// specialty, and a sheet that is not data.
const results = computeResults(
  [
    grid("Väntande", [
      ["Klinik", "Verksamhetsområde", "Kontakttyp", "Beslutsdatum", "Avvikelsekod"],
      ["Hud CS", "Hud", "Förstabesök", d("2023-01-02"), null],
      ["Hud CS", null, "Förstabesök", d("2023-01-02"), null],
      ["Hud CS", "Hud", "Förstabesök", "2024-02-30", null],
      ["Hud CS", "Hud", "Förstabesök", d("2023-01-02"), "PvV"],
    ]),
    grid("Info", [["Region Exempelland"]]),
  ],
  DEFAULT_SETTINGS,
  "2024-01-31",
);

test("in English the reasons, notes and the unnamed group are English words", () => {
  const json = resultsForJson(results, "en");
  expect(json.issues.map((i) => [i.cell, i.reason])).toEqual([["D4", "Invalid date"]]);
  expect(json.exclusions).toEqual([{ reason: "PvV (patient chose to wait)", count: 1 }]);
  expect(json.sources.map((s) => s.note)).toEqual([
    "Patient list (waiting), contact type per row.",
    "No header row with a unit and dates, waiting times or counts was found among the first rows.",
  ]);
  // Two over the limit: Hud and the row without a specialty, one each (50 % each).
  expect(json.careGuarantee[0].overLimitBy).toEqual([
    {
      dimension: "specialty",
      groups: [
        { group: "(not given)", count: 1, share: 0.5 },
        { group: "Hud", count: 1, share: 0.5 },
      ],
    },
  ]);
});

test("in Swedish the words are the tabs' words, and the JSON keeps the results' keys in their order", () => {
  const json = resultsForJson(results, "sv");
  expect(json.issues[0].reason).toBe("Ogiltigt datum");
  expect(json.exclusions[0].reason).toBe("PvV (patientvald väntan)");
  expect(json.sources[1].note).toBe("Ingen rubrikrad med enhet och datum, väntetid eller antal hittades bland de första raderna.");
  expect(json.careGuarantee[0].overLimitBy[0].groups[0].group).toBe("(uppgift saknas)");
  expect(Object.keys(json)).toEqual(Object.keys(results));
  expect(Object.keys(json.issues[0])).toEqual(Object.keys(results.issues[0]));
  expect(Object.keys(json.careGuarantee[0])).toEqual(Object.keys(results.careGuarantee[0]));
});

test("the results themselves keep their codes", () => {
  resultsForJson(results, "sv");
  expect(results.issues[0].reason).toBe("invalidDate");
  expect(results.sources[1].note).toEqual({ code: "noHeader" });
  expect(results.careGuarantee[0].overLimitBy[0].groups[0].group).toBeNull();
});
