import { renderDeck } from "../../../src/hosts/slides";
import { deckLayout, rowHeight } from "../../../src/hosts/slides/layout";
import { asInBrowser, pptxParts, runs, sampleRun } from "./sampleDeck";

asInBrowser();

const NBSP = "\u00a0";
const { results, plans } = sampleRun("Region Exempelland");
let deck: ReturnType<typeof pptxParts>;

beforeAll(async () => {
  deck = pptxParts(await renderDeck(plans, results, { lang: "sv", regionName: "Region Exempelland", workbookName: "sample.xlsx" }));
}, 60_000);

const slideWith = (title: string) => deck.slides.find((x) => runs(x)[0] === title);
/** A slide's texts: its title, its footnote, then the table's cells row by row (or the chart's label). */
const body = (xml: string) => runs(xml).slice(2);
const footnoteOf = (xml: string) => runs(xml)[1];

test("the deck is 16:9 and has a title slide, every table section and every chart", () => {
  const layout = deckLayout(plans, results, { lang: "sv" });
  expect(deck.text("ppt/presentation.xml")).toContain('<p:sldSz cx="9144000" cy="5143500"');
  expect(deck.slides).toHaveLength(1 + layout.slides.length);
  // The tabs have 9 charts (7 care-guarantee, 1 goals, 1 history), each a native chart part.
  expect(deck.charts).toHaveLength(plans.reduce((n, p) => n + p.charts.length, 0));
  expect(deck.charts).toHaveLength(9);
});

test("the title slide names the region, the period and the measurement date", () => {
  expect(runs(deck.slides[0])).toEqual(["Region Exempelland", "Målkoll – uppföljning januari 2024", "Mätdatum 2024-01-31"]);
});

test("without a region the title is the workbook's name", () => {
  const layout = deckLayout(plans, results, { lang: "sv", regionName: null, workbookName: "Väntetider januari.xlsx" });
  expect(layout.title.title).toBe("Väntetider januari");
});

test("a care-guarantee table shows its units with the tab's Swedish numbers, rating fills and the bold region row", () => {
  const xml = slideWith("Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)")!;
  const text = body(xml);
  // The header row, then the lowest unit: Ortopedi Centralsjukhuset 258 of 558 = 46.2 %.
  expect(text.slice(0, 8)).toEqual([
    "Enhet",
    "Väntande",
    "Inom 90 dagar",
    "Andel inom 90 dagar",
    "Över 90 dagar",
    "Över 365 dagar",
    "Median (dagar)",
    "Bedömning",
  ]);
  expect(text.slice(8, 16)).toEqual(["Ortopedi Centralsjukhuset", "558", "258", `46,2${NBSP}%`, "300", "93", "97", "Uppfylls inte"]);
  // The region: 2 524 of 3 795 within = 66.5 %, bold as on the tab.
  expect(text).toContain(`3${NBSP}795`);
  expect(xml).toMatch(/<a:rPr[^>]*b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>Hela regionen<\/a:t>/);
  // Red (F8696B) for the shares below the yellow threshold, yellow (FFEB84) further down.
  expect(xml).toContain('<a:srgbClr val="F8696B"/>');
  expect(xml).toContain('<a:srgbClr val="FFEB84"/>');
  // The header's fill as on the tab.
  expect(xml).toContain('<a:srgbClr val="DDEBF7"/>');
});

test("a long table continues on the next slide with (forts.) and the header repeated", () => {
  const rest = slideWith("Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV) (forts.)")!;
  expect(rest).toBeDefined();
  const text = body(rest);
  expect(text.slice(0, 2)).toEqual(["Enhet", "Väntande"]);
  // 26 units and the region in the table: every unit on one of the two slides, none twice.
  const first = body(slideWith("Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)")!);
  const header = plans[0].cells.findIndex((r) => r[0] === "Enhet");
  const units = plans[0].cells.slice(header + 1, header + 27).map((r) => String(r[0]));
  for (const u of units) expect(Number(first.includes(u)) + Number(text.includes(u))).toBe(1);
});

test("every slide's footnote says the source sheets, the measurement date and the exclusions", () => {
  const xml = slideWith("Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)")!;
  expect(footnoteOf(xml)).toBe("Källa: Väntande (flik Vårdgaranti) · Mätdatum 2024-01-31 · exkl. PvV/MoV");
  const medical = slideWith("Medicinsk bedömning – andel genomförda inom 3 dagar (exkl. PvV)")!;
  expect(footnoteOf(medical)).toBe("Källa: Medicinsk bedömning (flik Vårdgaranti) · Mätdatum 2024-01-31 · exkl. PvV");
});

test("the data check's list of every rejected row is left out, and its slides say where the list is", () => {
  expect(slideWith("Avvisade rader")).toBeUndefined();
  const counts = slideWith("Antal per orsak")!;
  expect(footnoteOf(counts)).toContain("Listan med varje avvisad rad finns på fliken Datakontroll i arbetsboken.");
});

test("the care-guarantee chart is a native bar chart: units top to bottom in the tab's order, rating colours, axis 0–100 %", () => {
  const xml = deck.charts[0];
  expect(xml).toContain('<c:barDir val="bar"/>');
  expect(xml).toContain('<c:orientation val="maxMin"/>');
  expect(xml).toMatch(/<c:max val="1"\/>/);
  expect(xml).toMatch(/<c:min val="0"\/>/);
  expect(xml).toContain("<c:v>Andel inom 90 dagar</c:v>");
  const cats = [...xml.matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)][0][0];
  const labels = [...cats.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
  expect(labels.slice(0, 2)).toEqual(["Ortopedi Centralsjukhuset", "Hudkliniken Länssjukhuset"]);
  expect(labels).toHaveLength(26);
  const vals = [...[...xml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)][0][0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
  expect(vals[0]).toBeCloseTo(258 / 558, 10);
  // One colour per bar: the first red, the region bar its own colour.
  const region = labels.indexOf("Hela regionen");
  const colours = [...xml.matchAll(/<c:dPt>[\s\S]*?<c:idx val="(\d+)"\/>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => m[2]);
  expect(colours).toHaveLength(26);
  expect(colours[0]).toBe("F8696B");
  expect(colours[region]).toBe(plans[0].charts[0].series[0].pointColors![region]);
  // The target drawn inside the chart (user shapes), labelled; nothing on the slide beside it.
  const slide = slideWith("Förstabesök – måluppfyllelse vårdgaranti, januari 2024")!;
  expect(body(slide)).toEqual([]);
  const k = deck.charts.indexOf(xml) + 1;
  expect(xml).toMatch(/<c:userShapes r:id="rIdMalkollLine"\/><\/c:chartSpace>$/);
  expect(deck.text(`ppt/charts/_rels/chart${k}.xml.rels`)).toContain(
    `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes" Target="../drawings/drawing${k}.xml"`,
  );
  expect(deck.text("[Content_Types].xml")).toContain(
    `<Override PartName="/ppt/drawings/drawing${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml"/>`,
  );
  const shapes = deck.text(`ppt/drawings/drawing${k}.xml`);
  expect(runs(shapes)).toEqual([plans[0].charts[0].referenceLine!.label]);
  expect(plans[0].charts[0].referenceLine!.label.replace(NBSP, " ")).toBe("Mål 100 %");
  expect(shapes).toContain('<a:prstDash val="dash"/>');
  // The plot area is fixed at x 0.32, w 0.6 of the chart; a target of 100 % on a 0–1 axis is its right edge.
  expect(xml).toMatch(/<c:x val="0.32" \/>\s*<c:y val="0.06" \/>\s*<c:w val="0.6" \/>/);
  const [x1, , x2] = [...shapes.matchAll(/<cdr:[xy]>([^<]+)<\/cdr:[xy]>/g)].map((m) => Number(m[1]));
  expect([x1, x2]).toEqual([0.92, 0.92]);
  // Charts without a target have no user shapes.
  expect(deck.charts.filter((c) => c.includes("<c:userShapes")).length).toBe(
    plans.flatMap((p) => p.charts).filter((c) => c.referenceLine).length,
  );
});

test("the goals chart is a stacked bar with one series per colour, named as on the tab", () => {
  const xml = deck.charts.find((c) => c.includes('<c:grouping val="stacked"/>'))!;
  expect(xml).toBeDefined();
  const names = [...xml.matchAll(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
  expect(names).toEqual(["Gröna", "Gula", "Röda", "Ej mätta"]);
  for (const colour of ["63BE7B", "FFEB84", "F8696B", "D9D9D9"]) expect(xml).toContain(`<a:srgbClr val="${colour}"/>`);
});

test("the history chart is a line chart with one series per measure", () => {
  const xml = deck.charts.find((c) => c.includes("<c:lineChart>"))!;
  expect(xml).toBeDefined();
  expect(xml).toContain("<c:v>Förstabesök (väntande)</c:v>");
  expect(xml).toContain("<c:v>2024-01-31</c:v>");
});

test("a row of long text takes more height than a row of numbers", () => {
  const short = rowHeight([{ text: "12", align: "right" }], [1], 10);
  const long = rowHeight([{ text: "en mycket lång kommentar som inte ryms på en rad i cellen", align: "left" }], [1], 10);
  expect(long).toBeGreaterThan(2 * short - 0.1);
});
