// The slides adapter renders what the plan says and decides nothing: which tables go on slides,
// their titles, footnotes and the word for left-out units all come from the plan, whatever its
// marker or headings.
import { renderDeck } from "../../../src/hosts/slides";
import { deckLayout, planSlides, type ChartSlide, type TableSlide } from "../../../src/hosts/slides/layout";
import type { Footnote, SheetPlan } from "../../../src/report/plan";
import { asInBrowser, pptxParts, runs, sampleRun } from "./sampleDeck";

asInBrowser();

const note = (text: string): Footnote => ({ sources: ["Blad A"], exclusions: null, extra: null, text });

/**
 * A hand-made plan dressed as the data check (its marker, and a table headed "Avvisade rader"):
 * rows 0–3 a table of three units (B without a value), rows 5–85 a list of 80 rows, a chart over
 * the first table's units and one whose categories lie outside every table.
 */
function handPlan(listOnSlides: boolean): SheetPlan {
  const list = Array.from({ length: 80 }, (_, k) => [`Rad ${k + 1}`, k + 1]);
  return {
    name: "Egen flik",
    marker: "malkoll:dataCheck",
    cells: [
      ["Enhet", "Andel"],
      ["A", 0.5],
      ["B", null],
      ["C", 0.75],
      [null, null],
      ["Rad", "Värde"],
      ...list,
      [null, null],
      ["X", 1],
      ["Y", 2],
    ],
    numberFormats: [{ range: [1, 1, 3, 1], value: "0.0%" }],
    fills: [],
    fonts: [],
    columnWidths: [20, 10],
    charts: [
      {
        kind: "bar",
        title: "Diagram över enheterna",
        categories: [1, 0, 3, 0],
        series: [{ name: "Andel", values: [1, 1, 3, 1] }],
        anchor: [0, 3],
        size: { width: 640, height: 340 },
      },
      {
        kind: "column",
        title: "Diagram utanför tabellerna",
        categories: [87, 0, 88, 0],
        series: [{ name: "Värde", values: [87, 1, 88, 1] }],
        anchor: [30, 3],
        size: { width: 640, height: 340 },
      },
    ],
    sections: [
      {
        title: "Enheter",
        range: [0, 0, 3, 1],
        footnote: note("Fotnot ett, ordagrant"),
        slide: { title: "Bildrubrik ett", continued: "Bildrubrik ett, vidare" },
      },
      {
        title: "Avvisade rader",
        range: [5, 0, 85, 1],
        footnote: note("Fotnot två"),
        slide: listOnSlides ? { title: "Listan", continued: "Listan igen" } : null,
      },
    ],
    footnote: note("Flikens egen fotnot"),
    words: { noValue: "saknar siffra", targetLine: { name: "Linjen", dataHeader: "Linjens celler" } },
  };
}

test("a section whose slide is null is left out; one with a slide is shown, whatever its heading or the plan's marker", () => {
  const off = planSlides(handPlan(false));
  expect(off.map((s) => s.title)).toEqual(["Bildrubrik ett", "Diagram över enheterna", "Diagram utanför tabellerna"]);
  const on = planSlides(handPlan(true));
  // "Avvisade rader" on a tab marked as the data check, given a slide: on the slides.
  expect(on.filter((s) => s.kind === "table").map((s) => s.title)).toContain("Listan");
});

test("a table's footnote is the section's text exactly as given; nothing is added for the marker", () => {
  const [table] = planSlides(handPlan(false)) as TableSlide[];
  expect(table.footnote).toBe("Fotnot ett, ordagrant");
});

test("a long table continues under the section's own continued title", () => {
  const slides = planSlides(handPlan(true)).filter((s): s is TableSlide => s.kind === "table" && s.title.startsWith("Listan"));
  // 80 rows of 10-point text take more than one slide body (4.15 in).
  expect(slides.length).toBeGreaterThan(1);
  expect(slides.map((s) => s.title)).toEqual(["Listan", ...new Array(slides.length - 1).fill("Listan igen")]);
  expect(slides.flatMap((s) => s.rows)).toHaveLength(80);
  for (const s of slides) expect(s.footnote).toBe("Fotnot två");
});

test("a chart takes its section's footnote and names its units without a value after the plan's word; a chart outside every section takes the plan's", () => {
  const charts = planSlides(handPlan(false)).filter((s): s is ChartSlide => s.kind === "chart");
  // B has no value in any series: left out of the chart, named in the footnote.
  expect(charts[0].categories).toEqual(["A", "C"]);
  expect(charts[0].footnote).toBe("Fotnot ett, ordagrant · saknar siffra: B");
  expect(charts[1].footnote).toBe("Flikens egen fotnot");
});

test("an English run's deck has English footnotes, continued titles and title slide", () => {
  const { results, plans } = sampleRun(null, "en");
  const layout = deckLayout(plans, results, { lang: "en", workbookName: "Waiting times.xlsx" });
  expect(layout.title).toEqual({ title: "Waiting times", lines: ["Målkoll – follow-up January 2024", "Measured 2024-01-31"] });
  const titles = layout.slides.map((s) => s.title);
  expect(titles).toContain("First visit – share of waiting within 90 days (excl. PvV/MoV) (cont.)");
  expect(titles.some((t) => t.includes("(forts.)"))).toBe(false);
  expect(layout.slides[0].footnote).toBe("Source: Väntande (tab Care guarantee) · Measured 2024-01-31 · excl. PvV/MoV");
  // The data check's list of rejected rows stays off the slides, and its slides say where it is.
  expect(titles).not.toContain("Rejected rows");
  expect(layout.slides.find((s) => s.title === "Count per reason")!.footnote).toContain(
    "The list of every rejected row is on the Data check tab of the workbook.",
  );
  const medical = layout.slides.find((s) => s.title === "Medical assessment – care guarantee fulfilment, January 2024")!;
  expect(medical.footnote).toMatch(/ · no value: Vårdcentralen /);
  // No Swedish word of the slides' own in an English deck (the sheet names are the user's).
  for (const s of layout.slides) expect(s.footnote).not.toMatch(/Källa|flik |Mätdatum|utan värde|Listan/);
});

test("the target line inside a chart is named in the plan's words (English: Target line)", async () => {
  const { results, plans } = sampleRun(null, "en");
  const deck = pptxParts(await renderDeck(plans, results, { lang: "en" }));
  const drawings = Object.keys(deck.files)
    .filter((n) => /^ppt\/drawings\/drawing\d+\.xml$/.test(n))
    .map(deck.text);
  expect(drawings.length).toBeGreaterThan(0);
  for (const xml of drawings) {
    expect(xml).toContain('<cdr:cNvPr id="2" name="Target line"/>');
    expect(xml).not.toContain("Mållinje");
    expect(runs(xml)[0]).toMatch(/^Target /);
  }
}, 60_000);
