import { strFromU8, unzipSync } from "fflate";
import { prepareCharts } from "../../../src/hosts/xlsx/chartRules";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { readZip } from "../../../src/hosts/xlsx/zip";
import type { SheetPlan } from "../../../src/report/plan";
import { handXlsx, sheetXml } from "./helpers";
import { carePlan, RED, BLUE, YELLOW, GREEN } from "../../helpers/plans";



const input = () => handXlsx({ sheets: [{ name: "Data", xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>') }] });

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}
const chartNames = (p: Record<string, string>) => Object.keys(p).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

describe("a plan's charts in the .xlsx", () => {
  const out = writeSummaryTabs(openWorkbook(input()), [carePlan()]).bytes;
  const p = parts(out);
  const bar = p["xl/charts/chart1.xml"];

  test("one drawing for the tab, one chart part per chart, rels and content types", () => {
    expect(chartNames(p)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(p["xl/worksheets/sheet2.xml"]).toMatch(/<pageMargins [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(p["xl/worksheets/_rels/sheet2.xml.rels"]).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"');
    expect(all(p["xl/drawings/_rels/drawing1.xml.rels"], /Target="([^"]+)"/g)).toEqual(["../charts/chart1.xml", "../charts/chart2.xml"]);
    const ct = p["[Content_Types].xml"];
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  });

  test("anchored at the plan's cell, sized from its points (640 × 340 pt = 8 128 000 × 4 318 000 EMU)", () => {
    const d = p["xl/drawings/drawing1.xml"];
    expect(d).toContain("<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>");
    expect(d).toContain('<xdr:ext cx="8128000" cy="4318000"/>');
    expect(d).toContain("<xdr:row>30</xdr:row>");
  });

  test("horizontal bars: formulas on the tab's final name, cached values, a colour per point", () => {
    expect(bar).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(all(bar, /<c:f>([^<]+)<\/c:f>/g).slice(0, 2)).toEqual(["'Vårdgaranti'!$A$2:$A$5", "'Vårdgaranti'!$B$2:$B$5"]);
    const firstSer = bar.slice(bar.indexOf("<c:ser>"), bar.indexOf("</c:ser>"));
    expect(all(firstSer, /<c:pt idx="\d"><c:v>([^<]+)<\/c:v><\/c:pt>/g)).toEqual(["Hud", "Hela regionen", "Ögon", "Kirurgi", "0.25", "0.75", "0.9", "1"]);
    expect(all(firstSer, /<c:dPt><c:idx val="(\d)"\/>/g)).toEqual(["0", "1", "2", "3"]);
    expect(all(firstSer, /<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"\/>.*?<\/c:dPt>/g)).toEqual([RED, BLUE, YELLOW, GREEN]);
  });

  test("the first category at the top: category axis max to min, the value axis 0–100 % crossing at its far end", () => {
    const catAx = bar.slice(bar.indexOf("<c:catAx>"), bar.indexOf("</c:catAx>"));
    expect(catAx).toContain('<c:orientation val="maxMin"/>');
    const valAx = bar.slice(bar.indexOf("<c:valAx>"), bar.indexOf("</c:valAx>"));
    expect(valAx).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>');
    expect(valAx).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    expect(valAx).toContain('<c:crosses val="max"/>');
    expect(bar).toContain("<a:t>Förstabesök – måluppfyllelse vårdgaranti, januari 2024</a:t>");
  });

  test("the target line: a stacked bar group on hidden secondary axes, from cells under the chart", () => {
    const groups = all(bar, /(<c:barChart>.*?<\/c:barChart>)/g);
    expect(groups).toHaveLength(2);
    expect(groups[1]).toContain('<c:grouping val="stacked"/>');
    expect(groups[1]).toContain('<c:gapWidth val="0"/><c:overlap val="100"/><c:axId val="3"/><c:axId val="4"/>');
    // D3:D6 lead = 0.9 − 0.005 / 2 = 0.8975, E3:E6 width = 0.005 (0.5 % of the 0–1 axis), E in red, named for the legend.
    expect(all(groups[1], /<c:f>([^<]+)<\/c:f>/g).filter((f) => /\$[DE]\$/.test(f))).toEqual(["'Vårdgaranti'!$D$3:$D$6", "'Vårdgaranti'!$E$3:$E$6"]);
    expect(groups[1]).toContain("<c:tx><c:v>Mål 90 %</c:v></c:tx><c:spPr><a:solidFill><a:srgbClr val=\"C00000\"/>");
    expect(bar.match(/<c:delete val="1"\/><c:axPos/g)).toHaveLength(2);
    const sheet = openWorkbook(out).readSheet("Vårdgaranti");
    const cell = (r: number, c: number) => sheet.values[r - (sheet.origin?.row ?? 0)][c - (sheet.origin?.col ?? 0)];
    expect([cell(2, 3), cell(2, 4), cell(5, 3), cell(5, 4)]).toEqual([0.8975, 0.005, 0.8975, 0.005]);
  });

  test("stacked bars: grouping stacked with overlap 100, a colour per series, a legend", () => {
    const c = p["xl/charts/chart2.xml"];
    expect(c).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(c).toContain('<c:overlap val="100"/>');
    expect(all(c, /<c:ser>.*?<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g)).toEqual([GREEN, RED]);
    expect(c).toContain("<c:legend>");
  });
});

test("a line chart over dates: numeric categories with their format; a pie with a colour per slice", () => {
  const plan: SheetPlan = {
    ...carePlan("Historik"),
    marker: "malkoll:history",
    cells: [["Datum", "Andel"], [45322, 0.7], [45351, 0.72]],
    numberFormats: [{ range: [1, 0, 2, 0], value: "yyyy-mm-dd" }],
    charts: [
      { kind: "line", title: "Trend", categories: [1, 0, 2, 0], series: [{ name: "Förstabesök", values: [1, 1, 2, 1] }], valueAxis: { min: 0, max: 1, format: "0%" }, anchor: [0, 3], size: { width: 400, height: 200 } },
      { kind: "pie", title: "Fördelning", categories: [1, 0, 2, 0], series: [{ name: "Andel", values: [1, 1, 2, 1], pointColors: [RED, GREEN] }], anchor: [20, 3], size: { width: 400, height: 200 } },
    ],
  };
  const p = parts(writeSummaryTabs(openWorkbook(input()), [plan]).bytes);
  const line = p["xl/charts/chart1.xml"];
  expect(line).toContain("<c:lineChart>");
  expect(line).toContain("<c:cat><c:numRef><c:f>'Historik'!$A$2:$A$3</c:f><c:numCache><c:formatCode>yyyy-mm-dd</c:formatCode>");
  expect(line).toContain('<c:scaling><c:orientation val="minMax"/></c:scaling>'); // categories left to right
  const pie = p["xl/charts/chart2.xml"];
  expect(pie).toContain('<c:pieChart><c:varyColors val="1"/>');
  expect(pie).not.toContain("<c:catAx>");
  expect(all(pie, /<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"\/>.*?<\/c:dPt>/g)).toEqual([RED, GREEN]);
});

test("a tab name with a quote is quoted and doubled in the formulas", () => {
  const p = parts(writeSummaryTabs(openWorkbook(input()), [carePlan("Vård'garanti")]).bytes);
  expect(p["xl/charts/chart1.xml"]).toContain("<c:f>'Vård''garanti'!$A$2:$A$5</c:f>");
});

test("a second run over the output replaces our charts: the same parts, no orphans, every input part byte for byte", () => {
  const first = writeSummaryTabs(openWorkbook(input()), [carePlan()]).bytes;
  const second = writeSummaryTabs(openWorkbook(first), [carePlan()]).bytes;
  const p1 = parts(first);
  const p2 = parts(second);
  expect(chartNames(p2)).toEqual(chartNames(p1));
  expect(Object.keys(p2).filter((k) => /drawing/.test(k)).sort()).toEqual(Object.keys(p1).filter((k) => /drawing/.test(k)).sort());
  expect(Object.keys(p2).sort()).toEqual(Object.keys(p1).sort());
  expect(p2["[Content_Types].xml"].match(/chart\+xml/g)).toHaveLength(2);
  expect(p2["[Content_Types].xml"].match(/drawing\+xml/g)).toHaveLength(1);
  // Every part of the input that the writer does not own is kept with its raw compressed bytes.
  const inEntries = readZip(input());
  const outEntries = new Map(readZip(first).map((e) => [e.name, e]));
  const owned = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]);
  for (const e of inEntries) {
    if (owned.has(e.name)) continue;
    expect(Buffer.from(outEntries.get(e.name)!.raw).equals(Buffer.from(e.raw))).toBe(true);
  }
});

test("a replaced tab takes Excel's chart style and colour parts with it; a user's chart stays", () => {
  const first = parts(writeSummaryTabs(openWorkbook(input()), [carePlan()]).bytes);
  // As if Excel had saved the file: chart1 gains style and colour parts.
  const files = unzipSync(writeSummaryTabs(openWorkbook(input()), [carePlan()]).bytes);
  const enc = (s: string) => new TextEncoder().encode(s);
  files["xl/charts/_rels/chart1.xml.rels"] = enc(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>',
  );
  files["xl/charts/style1.xml"] = enc("<cs:chartStyle xmlns:cs=\"http://schemas.microsoft.com/office/drawing/2012/chartStyle\"/>");
  files["xl/charts/colors1.xml"] = enc("<cs:colorStyle xmlns:cs=\"http://schemas.microsoft.com/office/drawing/2012/chartStyle\"/>");
  const { zipSync } = jest.requireActual<typeof import("fflate")>("fflate");
  const saved = zipSync(files);
  const again = parts(writeSummaryTabs(openWorkbook(saved), [carePlan()]).bytes);
  expect(Object.keys(again).filter((k) => k.startsWith("xl/charts/")).sort()).toEqual(Object.keys(first).filter((k) => k.startsWith("xl/charts/")).sort());
});

test("prepareCharts leaves a plan without reference lines as it is and skips charts it cannot draw", () => {
  const plan = carePlan();
  const plain = { ...plan, charts: [plan.charts[1], { ...plan.charts[1], series: [] }] };
  const { plan: out, charts } = prepareCharts(plain);
  expect(out).toBe(plain);
  expect(charts.map((c) => c.spec.title)).toEqual(["Mål per färg"]);
});
