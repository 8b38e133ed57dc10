import { readFileSync } from "node:fs";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { runPipeline } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { resultsForJson } from "../../src/report/json";

// The bundled sample (scripts/make-sample.ts) plants one fault per broken row; the expected region
// figures below were counted independently by the generator (make-sample prints them), not by the engine.
const wb = openWorkbook(readFileSync("assets/sample.xlsx"));
const { results, plans } = runPipeline(
  wb.sheets.map((s) => wb.readSheet(s.name)),
  DEFAULT_SETTINGS,
  { lang: "sv", date: "2024-01-31" },
);
const measure = (id: string) => results.careGuarantee.find((m) => m.measure === id)!;

test("the sample's five planted faults are the rejected rows, each with its cell and its reason in words", () => {
  expect(resultsForJson(results, "sv").issues.map((i) => [i.sheet, i.cell, i.value, i.reason])).toEqual([
    ["Väntande", "G17", "2024-02-30", "Ogiltigt datum"],
    ["Väntande", "G123", "2024-02-15", "Startdatum efter mätdatum"],
    ["Väntande", "H456", "X9", "Okänd avvikelsekod"],
    ["Väntande", "C789", "", "Enhet saknas"],
    ["Väntande", "I1234", "kanske", "Okänd vårdgarantimarkering"],
    ["Mål och indikatorer", "E14", "cirka 25 %", "Värdet är inte ett tal"],
  ]);
});

test("every sheet is accounted for: read = used + excluded + rejected, Info not recognised", () => {
  expect(results.sources.map((s) => [s.sheet, s.kind, s.headerRow])).toEqual([
    ["Väntande", "waitingList", 4],
    ["Medicinsk bedömning", "unitAggregate", 3],
    ["Mål och indikatorer", "indicatorList", 3],
    ["Nämndens uppdrag", "assignmentList", 1],
    ["Info", "unrecognised", null],
  ]);
  expect(results.sources[2]).toMatchObject({ rowsRead: 11, rowsUsed: 10, rowsRejected: 1 });
  expect(results.sources[3]).toMatchObject({ rowsRead: 6, rowsUsed: 6, rowsRejected: 0 });
  const waiting = results.sources[0];
  expect(waiting).toMatchObject({ rowsRead: 6000, rowsExcluded: 185 + 129 + 65, rowsRejected: 5 });
  expect(waiting.rowsUsed).toBe(6000 - 379 - 5);
});

test("region rows match the generator's own count, and the pooled share is below the mean of units", () => {
  expect(measure("firstVisit").region).toMatchObject({ total: 3795, withinLimit: 2524 });
  expect(measure("treatment").region).toMatchObject({ total: 1821, withinLimit: 778 });
  expect(measure("firstVisit").meanOfUnits!).toBeGreaterThan(measure("firstVisit").region.share!);
  expect(measure("primaryAssessment").region).toMatchObject({ total: 6841, withinLimit: 5345 });
});

test("the three suppressed health centres are shown as suppressed, not as zero", () => {
  const suppressed = measure("primaryAssessment")
    .units.filter((u) => u.suppressed)
    .map((u) => u.unit);
  expect(suppressed.sort()).toEqual(["Vårdcentralen Ekbacka", "Vårdcentralen Fjällby", "Vårdcentralen Lillby"]);
});

test("the sample's indicators, goals and assignments are rated as make-sample's comments compute by hand", () => {
  expect(results.indicators.map((i) => i.rating)).toEqual([
    "yellow",
    "yellow",
    "red",
    "red",
    "grey",
    "green",
    "red",
    "grey",
    "green",
    "yellow",
  ]);
  expect(results.goals.map((g) => [g.goal, g.rating, [g.counts.green, g.counts.yellow, g.counts.red, g.counts.grey]])).toEqual([
    ["Tillgänglighet", "yellow", [0, 2, 2, 0]],
    ["Patientsäkerhet", "green", [1, 0, 0, 1]],
    ["Kompetensförsörjning", "yellow", [1, 0, 1, 1]],
    ["Ekonomi", "yellow", [0, 1, 0, 0]],
  ]);
  expect(results.assignments.map((a) => a.rating)).toEqual(["green", "green", "yellow", "red", "red", "grey"]);
});

test("the sample gives the five summary tabs", () => {
  expect(plans.map((p) => p.name)).toEqual(["Vårdgaranti", "Måluppfyllelse", "Uppdrag", "Historik", "Datakontroll"]);
});
