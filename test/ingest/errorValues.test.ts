// Excel's error values (#REF!, #N/A …) in any cell a row is read from: a rejected row with its
// own reason and the cell as Excel shows it, never a unit named "#REF!", an "invalid date" or an
// outcome "not measured". Both hosts hand them over as text (the .xlsx reader from t="e" cells,
// Office.js from Range.values), so ingest recognises them there.
import { computeResults } from "../../src/app/pipeline";
import { ingestSheet } from "../../src/ingest/sheet";
import { isErrorValue } from "../../src/ingest/parse/text";
import { parseContactStatus, parseExceptionCode, parseGuarantee, parsePhase } from "../../src/ingest/parse/codes";
import { parseContactType } from "../../src/ingest/parse/contactTypes";
import { parseDate, parseMeasurementDate } from "../../src/ingest/parse/dates";
import { parseNumber } from "../../src/ingest/parse/numbers";
import { parseShare } from "../../src/ingest/parse/shares";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { reasonText } from "../../src/report/reasons";
import type { Cell } from "../../src/model/cells";
import { d, grid, waitingList } from "../helpers/grids";

const ALL_ERRORS = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];
const issuesOf = (r: { issues: { cell: string; column: string; value: string; reason: string }[] }) =>
  r.issues.map((i) => [i.cell, i.column, i.value, i.reason]);

test("Excel's error literals are recognised, and nothing else that starts with #", () => {
  for (const e of ALL_ERRORS) expect([e, isErrorValue(e)]).toEqual([e, true]);
  for (const e of [" #N/A ", "#n/a", "#BUSY!", "#FIELD!"]) expect([e, isErrorValue(e)]).toEqual([e, true]);
  for (const c of ["#1", "#", "#REF", "# N/A", "N/A", "Enhet #REF!", "#REF!!", 0, null, true, "", "#Ögon"] as Cell[])
    expect([c, isErrorValue(c)]).toEqual([c, false]);
});

test("every cell parser refuses every error literal, so a failing row's reason can be told from its cell", () => {
  const parsers: [string, (c: Cell) => boolean][] = [
    ["parseDate", (c) => parseDate(c).ok],
    ["parseMeasurementDate", (c) => parseMeasurementDate(c).ok],
    ["parseNumber", (c) => parseNumber(c).ok],
    ["parseShare", (c) => parseShare(c, null, "Andel").ok],
    ["parseExceptionCode", (c) => parseExceptionCode(c).ok],
    ["parseGuarantee", (c) => parseGuarantee(c).ok],
    ["parsePhase", (c) => parsePhase(c).ok],
    ["parseContactStatus", (c) => parseContactStatus(c).ok],
    ["parseContactType", (c) => parseContactType(c) !== null],
  ];
  const literals = [...ALL_ERRORS, "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!", "#EXTERNAL!", "#PYTHON!", "#TIMEOUT!", "#UNKNOWN!"];
  for (const [name, accepts] of parsers) expect([name, literals.filter((e) => accepts(e))]).toEqual([name, []]);
});

test("the reason has words in both languages", () => {
  expect(reasonText("errorValue", "sv")).toBe("Felvärde i cellen (ett formelfel som #REF! eller #N/A)");
  expect(reasonText("errorValue", "en")).toBe("Error value in the cell (a formula error such as #REF! or #N/A)");
});

describe("a waiting list", () => {
  test("#REF! in the unit column: one rejected row with its cell and value, the other rows computed exactly", () => {
    const r = computeResults(
      [
        waitingList([
          ["Ögon", "Förstabesök", "2024-01-02"],
          ["#REF!", "Förstabesök", "2023-06-01"],
          ["Hud", "Förstabesök", "2024-01-10"],
          ["Hud", "Förstabesök", "2023-06-01"],
        ]),
      ],
      DEFAULT_SETTINGS,
      "2024-01-31",
    );
    expect(issuesOf(r)).toEqual([["A3", "Klinik", "#REF!", "errorValue"]]);
    const m = r.careGuarantee[0];
    expect(m.units.map((u) => [u.unit, u.total, u.withinLimit, u.share])).toEqual([
      ["Hud", 2, 1, 0.5],
      ["Ögon", 1, 1, 1],
    ]);
    expect(m.region).toMatchObject({ total: 3, withinLimit: 2 });
    expect(r.sources[0]).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsRejected: 1 });
  });

  test("#N/A in a date, a code or the guarantee flag, and every error literal in the contact type", () => {
    const s = ingestSheet(
      grid("Väntande", [
        ["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"],
        ["Ögon", "Förstabesök", d("2024-01-02"), null, "JA"],
        ["Ögon", "Förstabesök", "#N/A", null, "JA"],
        ["Ögon", "Förstabesök", d("2024-01-02"), "#N/A", "JA"],
        ["Ögon", "Förstabesök", d("2024-01-02"), null, "#VALUE!"],
        ...ALL_ERRORS.map((e) => ["Hud", e, d("2024-01-02"), null, "JA"]),
      ]),
      undefined,
    );
    expect(s.patients.map((p) => p.row)).toEqual([2]);
    expect(s.issues.map((i) => [i.cell, i.value, i.reason])).toEqual([
      ["C3", "#N/A", "errorValue"],
      ["D4", "#N/A", "errorValue"],
      ["E5", "#VALUE!", "errorValue"],
      ...ALL_ERRORS.map((e, k) => [`B${6 + k}`, e, "errorValue"]),
    ]);
  });

  test("the unit's id and a grouping column are read too; a name's error wins over its id", () => {
    const s = ingestSheet(
      grid("Väntande", [
        ["HSA-id", "Enhet", "Kontakttyp", "Beslutsdatum", "Specialitet"],
        ["SE1", "Ögon", "Förstabesök", d("2024-01-02"), "Ögon"],
        ["#N/A", "Ögon", "Förstabesök", d("2024-01-02"), "Ögon"],
        ["SE1", "#N/A", "Förstabesök", d("2024-01-02"), "Ögon"],
        ["SE1", "Ögon", "Förstabesök", d("2024-01-02"), "#REF!"],
      ]),
      undefined,
    );
    expect(s.patients.map((p) => p.row)).toEqual([2]);
    expect(s.issues.map((i) => [i.cell, i.column, i.value, i.reason])).toEqual([
      ["A3", "HSA-id", "#N/A", "errorValue"],
      ["B4", "Enhet", "#N/A", "errorValue"],
      ["E5", "Specialitet", "#REF!", "errorValue"],
    ]);
  });

  test("a column the row is not read from (SKR's contact form, the referral date) may hold one", () => {
    const s = ingestSheet(
      grid("Uttag", [
        ["vardenhet", "fas", "vardkontakttyp", "remiss_datum", "beslut_datum"],
        ["Ögon", 1, "#N/A", "#REF!", d("2024-01-02")],
      ]),
      undefined,
    );
    expect(s.columns).toMatchObject({ contactForm: "vardkontakttyp", referral: "remiss_datum" });
    expect(s.issues).toEqual([]);
    expect(s.patients.map((p) => [p.row, p.unit])).toEqual([[2, "Ögon"]]);
  });

  test("a summary row and a return visit stay set aside by rule, whatever errors their other cells hold", () => {
    const s = ingestSheet(
      grid("Uttag", [
        ["vardenhet", "fas", "beslut_datum"],
        ["Totalt", 1, "#DIV/0!"],
        ["Ögon", 4, "#N/A"],
        ["Ögon", "#N/A", d("2024-01-02")],
        ["Ögon", 1, d("2024-01-02")],
      ]),
      undefined,
    );
    expect([...s.excluded]).toEqual([
      ["summaryRow", 1],
      ["returnVisit", 1],
    ]);
    expect(s.issues.map((i) => [i.cell, i.value, i.reason])).toEqual([["B4", "#N/A", "errorValue"]]);
    expect(s.patients.map((p) => p.row)).toEqual([5]);
  });
});

test("a per-unit aggregate: #DIV/0! in a share and #N/A in a count are rejected, the summary row excluded", () => {
  const r = computeResults(
    [
      grid("Förstabesök per klinik", [
        ["Klinik", "Antal väntande", "Andel inom 90 dagar (%)"],
        ["K1", 10, 50],
        ["K2", 0, "#DIV/0!"],
        ["K3", "#N/A", 40],
        ["Totalt", 10, "#DIV/0!"],
      ]),
    ],
    DEFAULT_SETTINGS,
    "2024-01-31",
  );
  expect(issuesOf(r)).toEqual([
    ["C3", "Andel inom 90 dagar (%)", "#DIV/0!", "errorValue"],
    ["B4", "Antal väntande", "#N/A", "errorValue"],
  ]);
  expect(r.careGuarantee[0].units.map((u) => [u.unit, u.total, u.withinLimit])).toEqual([["K1", 10, 5]]);
  expect(r.sources[0]).toMatchObject({ rowsRead: 4, rowsUsed: 1, rowsExcluded: 1, rowsRejected: 2 });
});

test("a code table of unit names: an error in the id or the name is no name", () => {
  const s = ingestSheet(
    grid("Enheter", [
      ["HSA-id", "Enhet"],
      ["SE1", "Ögonkliniken"],
      ["SE2", "#N/A"],
      ["#REF!", "Hud"],
    ]),
    undefined,
  );
  expect(s.unitNames).toEqual([["SE1", "Ögonkliniken"]]);
  expect(s.issues.map((i) => [i.cell, i.value, i.reason])).toEqual([
    ["B3", "#N/A", "errorValue"],
    ["A4", "#REF!", "errorValue"],
  ]);
});

describe("plans", () => {
  const plan = (rows: Cell[][]) =>
    computeResults(
      [grid("Indikatorer", [["Mål", "Indikator", "Målvärde", "Utfall", "Ansvarig"], ...rows])],
      DEFAULT_SETTINGS,
      "2024-04-30",
    );

  test("#N/A in an indicator's outcome is rejected, not an outcome 'not measured' (grey)", () => {
    const r = plan([
      ["God vård", "Andel A", 0.9, 0.95, null],
      ["God vård", "Andel B", 0.9, "#N/A", null],
      ["God vård", "Andel C", 0.8, 0.7, null],
    ]);
    expect(issuesOf(r)).toEqual([["D3", "Utfall", "#N/A", "errorValue"]]);
    expect(r.indicators.map((i) => [i.indicator, i.rating])).toEqual([
      ["Andel A", "green"],
      ["Andel C", "yellow"],
    ]);
    expect(r.goals.map((g) => [g.goal, g.counts])).toEqual([["God vård", { green: 1, yellow: 1, red: 0, grey: 0 }]]);
  });

  test("in the target, the indicator's name, its owner or its goal; a goal whose cell is an error is no goal", () => {
    const r = plan([
      ["God vård", "Andel A", "#VALUE!", 0.95, null],
      ["God vård", "#REF!", 0.9, 0.95, null],
      ["God vård", "Andel C", 0.9, 0.95, "#N/A"],
      ["#REF!", "Andel D", 0.9, 0.95, null],
      [null, "Andel E", 0.9, 0.95, null],
    ]);
    expect(issuesOf(r)).toEqual([
      ["C2", "Målvärde", "#VALUE!", "errorValue"],
      ["B3", "Indikator", "#REF!", "errorValue"],
      ["E4", "Ansvarig", "#N/A", "errorValue"],
      ["A5", "Mål", "#REF!", "errorValue"],
    ]);
    expect(r.indicators.map((i) => [i.goal, i.indicator])).toEqual([["God vård", "Andel E"]]);
  });

  test("an assignment's status or end date", () => {
    const r = computeResults(
      [
        grid("Uppdrag", [
          ["Uppdrag", "Status", "Slutdatum"],
          ["Uppdrag 1", "Klar", d("2024-06-30")],
          ["Uppdrag 2", "#N/A", d("2024-06-30")],
          ["Uppdrag 3", "Klar", "#REF!"],
        ]),
      ],
      DEFAULT_SETTINGS,
      "2024-04-30",
    );
    expect(issuesOf(r)).toEqual([
      ["B3", "Status", "#N/A", "errorValue"],
      ["C4", "Slutdatum", "#REF!", "errorValue"],
    ]);
    expect(r.assignments.map((a) => a.assignment)).toEqual(["Uppdrag 1"]);
  });
});

test("200 000 rows with an error value in every thousandth: exact counts, in well under a second", () => {
  const start = d("2024-01-02");
  const rows: Cell[][] = [["Klinik", "Kontakttyp", "Beslutsdatum", "Avvikelsekod", "Vårdgaranti"]];
  for (let i = 0; i < 200_000; i++) rows.push([i % 1000 === 999 ? "#REF!" : `Enhet ${i % 40}`, "Förstabesök", start, null, "JA"]);
  const began = performance.now();
  const s = ingestSheet(grid("Väntande", rows), undefined);
  const ms = performance.now() - began;
  expect(s.patients).toHaveLength(199_800);
  expect(s.issues).toHaveLength(200);
  expect(s.issues[0]).toMatchObject({ cell: "A1001", value: "#REF!", reason: "errorValue" });
  expect(ms).toBeLessThan(1000);
});
