// A sheet whose used columns hold formulas saved without their values (SheetGrid.uncalculated,
// set by the .xlsx reader) is not computed: one note, "recalculate and save in Excel first".
import { computeResults, detectSheets } from "../../src/app/pipeline";
import { ingestSheet } from "../../src/ingest/sheet";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import type { SheetGrid } from "../../src/model/cells";
import { d, grid } from "../helpers/grids";

/** A waiting list under a title row, at B3 in the sheet, whose start dates came from formulas. */
const list = (uncalculated: SheetGrid["uncalculated"]): SheetGrid => ({
  name: "Väntande",
  origin: { row: 2, col: 1 },
  values: [
    ["Väntande januari 2024", null, null, null],
    ["Klinik", "Kontakttyp", "Beslutsdatum", "Anteckning"],
    ["Ögon", "Förstabesök", null, "x"],
    ["Hud", "Förstabesök", d("2024-01-10"), "y"],
  ],
  uncalculated,
});

test("in a used column below the header: the note with the column's letter, no rows read and no issues", () => {
  const s = ingestSheet(list([{ col: 3, lastRow: 4 }]), undefined);
  expect(s).toMatchObject({ kind: "unrecognised", note: { code: "uncalculated", headerRow: 4, columns: ["D"] }, rowsRead: 0, issues: [] });
  expect(s.columns).toMatchObject({ unit: "Klinik", start: "Beslutsdatum" });
});

test("only above the header, or only in a column the map does not read: the sheet is computed", () => {
  for (const u of [[{ col: 1, lastRow: 2 }], [{ col: 4, lastRow: 5 }]]) {
    const s = ingestSheet(list(u), undefined);
    expect(s.kind).toBe("waitingList");
    expect(s.issues.map((i) => [i.cell, i.reason])).toEqual([["D5", "missingStart"]]);
  }
});

test("several used columns are named in order; the pane's detection shows the same note", () => {
  const g = list([
    { col: 1, lastRow: 6 },
    { col: 3, lastRow: 6 },
  ]);
  expect(ingestSheet(g, undefined).note).toEqual({ code: "uncalculated", headerRow: 4, columns: ["B", "D"] });
  expect(detectSheets([g], DEFAULT_SETTINGS)[0]).toMatchObject({ kind: "unrecognised", note: { code: "uncalculated" } });
});

test("an indicator sheet's outcomes and a code table's names", () => {
  const plan: SheetGrid = {
    ...grid("Indikatorer", [
      ["Mål", "Indikator", "Målvärde", "Utfall"],
      ["God vård", "Andel A", 0.9, null],
    ]),
    uncalculated: [{ col: 3, lastRow: 1 }],
  };
  const codes: SheetGrid = {
    ...grid("Enheter", [
      ["HSA-id", "Enhet"],
      ["SE1", null],
    ]),
    uncalculated: [{ col: 1, lastRow: 1 }],
  };
  const r = computeResults([plan, codes], DEFAULT_SETTINGS, "2024-04-30");
  expect(r.sources.map((s) => [s.sheet, s.note])).toEqual([
    ["Indikatorer", { code: "uncalculated", headerRow: 1, columns: ["D"] }],
    ["Enheter", { code: "uncalculated", headerRow: 1, columns: ["B"] }],
  ]);
  expect(r.indicators).toEqual([]);
  expect(r.issues).toEqual([]);
});
