import { computeResults } from "../../src/app/pipeline";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import { careGuaranteePlan } from "../../src/report/careGuaranteeTab";
import { dataCheckPlan } from "../../src/report/dataCheckTab";
import { deckTitle, hostWords } from "../../src/report/deckTexts";
import { d, grid, times } from "../helpers/grids";

type R = [string, string, number];
/** January 2024, first visits from "Väntande", one row without a date (rejected, so the data check lists it). */
const sheet = grid("Väntande", [
  ["Klinik", "Kontakttyp", "Beslutsdatum"],
  ...times(3, ["Hud", "Förstabesök", d("2024-01-10")] as R),
  ["Ögon", "Förstabesök", "inget datum"],
]);
const results = computeResults([sheet], DEFAULT_SETTINGS, "2024-01-31");

describe("the title slide's words", () => {
  test("the region's name, the period and the measurement date", () => {
    expect(deckTitle(results, "Region Exempelland", "x.xlsx", "sv")).toEqual({
      title: "Region Exempelland",
      lines: ["Målkoll – uppföljning januari 2024", "Mätdatum 2024-01-31"],
    });
    expect(deckTitle(results, "Region Exempelland", "x.xlsx", "en")).toEqual({
      title: "Region Exempelland",
      lines: ["Målkoll – follow-up January 2024", "Measured 2024-01-31"],
    });
  });
  test("without a region the workbook's name without .xlsx, without either Målkoll", () => {
    expect(deckTitle(results, "  ", "Väntetider januari.xlsm", "sv").title).toBe("Väntetider januari");
    expect(deckTitle(results, null, undefined, "en").title).toBe("Målkoll");
  });
  test("without a measurement date the lines say so", () => {
    const undated = { ...results, measurementDate: null } as unknown as typeof results;
    expect(deckTitle(undated, null, undefined, "sv").lines).toEqual(["Målkoll – uppföljning", "Mätdatum saknas"]);
    expect(deckTitle(undated, null, undefined, "en").lines).toEqual(["Målkoll – follow-up", "No measurement date"]);
  });
});

describe("each section says how it goes on a slide", () => {
  test("a care-guarantee table: its measure's sheets and exclusions, continued as (forts.)", () => {
    const [table] = careGuaranteePlan(results, DEFAULT_SETTINGS, "sv").sections!;
    expect(table.title).toBe("Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)");
    // The national count and median over all rows stay on the tab: the slides show the committee's columns.
    expect(table.slide).toEqual({
      title: table.title,
      continued: "Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV) (forts.)",
      columns: [0, 1, 2, 3, 4, 5, 6, 9],
    });
    expect(table.footnote).toEqual({
      sources: ["Väntande"],
      exclusions: "exkl. PvV/MoV",
      extra: null,
      text: "Källa: Väntande (flik Vårdgaranti) · Mätdatum 2024-01-31 · exkl. PvV/MoV",
    });
  });
  test("in English: (cont.) and English footnote words", () => {
    const [table] = careGuaranteePlan(results, DEFAULT_SETTINGS, "en").sections!;
    expect(table.slide!.continued).toBe("First visit – share of waiting within 90 days (excl. PvV/MoV) (cont.)");
    expect(table.footnote.text).toBe("Source: Väntande (tab Care guarantee) · Measured 2024-01-31 · excl. PvV/MoV");
  });
  test("the data check's list of every rejected row stays off the slides; its other tables say where the list is", () => {
    const plan = dataCheckPlan(results, "sv");
    const sections = plan.sections!;
    const rows = sections.find((s) => s.title === "Avvisade rader")!;
    expect(rows.slide).toBeNull();
    // The sources, the counts per reason and the data-quality checks go on slides.
    expect(sections.map((s) => s.title)).toEqual([
      "Datakontroll – rader som inte kunde användas",
      "Antal per orsak",
      "Datakvalitet (kontrollerna i den nationella referensberäkningen)",
      "Avvisade rader",
    ]);
    for (const s of sections.filter((x) => x !== rows)) {
      expect(s.slide).not.toBeNull();
      expect(s.footnote.extra).toBe("Listan med varje avvisad rad finns på fliken Datakontroll i arbetsboken.");
      expect(s.footnote.exclusions).toBeNull();
    }
  });
  test("the plan's own footnote (for a chart outside every table) covers every measure of the tab", () => {
    expect(careGuaranteePlan(results, DEFAULT_SETTINGS, "sv").footnote.sources).toEqual(["Väntande"]);
  });
});

test("the words a host adds: the target line's shape and helper cells, and the left-out units, in both languages", () => {
  expect(hostWords("sv")).toEqual({ noValue: "utan värde", targetLine: { name: "Mållinje", dataHeader: "Mållinje (diagramdata)" } });
  expect(hostWords("en")).toEqual({ noValue: "no value", targetLine: { name: "Target line", dataHeader: "Target line (chart data)" } });
  expect(careGuaranteePlan(results, DEFAULT_SETTINGS, "en").words).toEqual(hostWords("en"));
});
