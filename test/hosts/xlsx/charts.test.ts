import { strFromU8, unzipSync } from "fflate";
import { prepareCharts, referenceGeometry } from "../../../src/hosts/ooxml/chartRules";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { writeSummaryTabs } from "../../../src/hosts/xlsx/write";
import { readZip } from "../../../src/hosts/xlsx/zip";
import type { SheetPlan } from "../../../src/report/plan";
import { handXlsx, sheetXml } from "./helpers";
import { carePlan, RED, BLUE, YELLOW, GREEN } from "../../helpers/plans";

const input = () =>
  handXlsx({ sheets: [{ name: "Data", xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>') }] });

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}
const chartNames = (p: Record<string, string>) =>
  Object.keys(p)
    .filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))
    .sort();
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

describe("a plan's charts in the .xlsx", () => {
  const out = writeSummaryTabs(openWorkbook(input()), [carePlan()]).bytes;
  const p = parts(out);
  const bar = p["xl/charts/chart1.xml"];

  test("one drawing for the tab, one chart part per chart, rels and content types", () => {
    expect(chartNames(p)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(p["xl/worksheets/sheet2.xml"]).toMatch(/<pageMargins [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(p["xl/worksheets/_rels/sheet2.xml.rels"]).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"',
    );
    expect(all(p["xl/drawings/_rels/drawing1.xml.rels"], /Target="([^"]+)"/g)).toEqual(["../charts/chart1.xml", "../charts/chart2.xml"]);
    const ct = p["[Content_Types].xml"];
    expect(ct).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(ct).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
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
    expect(all(firstSer, /<c:pt idx="\d"><c:v>([^<]+)<\/c:v><\/c:pt>/g)).toEqual([
      "Hud",
      "Hela regionen",
      "Ögon",
      "Kirurgi",
      "0.25",
      "0.75",
      "0.9",
      "1",
    ]);
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

  test("the target line: a dashed user shape at 90 % of a fixed plot area, labelled, and no helper cells", () => {
    // One bar group, no secondary axes, no legend (a single series coloured per point).
    expect(all(bar, /(<c:barChart>)/g)).toHaveLength(1);
    expect(bar).not.toContain("<c:legend>");
    expect(bar).not.toContain('<c:delete val="1"/>');
    // Plot area 640 × 340 pt: left 8 + 13 × 5 + 8 = 81 pt ("Hela regionen"), top 8 + 18 + 14 + 4 = 44 pt,
    // right 16 pt, bottom 8 + 16 = 24 pt → x 81/640, y 44/340, w 543/640, h 272/340.
    expect(bar).toContain(
      '<c:plotArea><c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0.1266"/><c:y val="0.1294"/><c:w val="0.8484"/><c:h val="0.8"/></c:manualLayout></c:layout>',
    );
    expect(bar).toMatch(/<c:userShapes r:id="rId1"\/><\/c:chartSpace>$/);
    expect(p["xl/charts/_rels/chart1.xml.rels"]).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes" Target="../drawings/drawing2.xml"',
    );
    expect(p["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml"/>',
    );
    // The chart without a line has no user shapes.
    expect(p["xl/charts/chart2.xml"]).not.toContain("userShapes");
    expect(p["xl/charts/_rels/chart2.xml.rels"]).toBeUndefined();
    const shapes = p["xl/drawings/drawing2.xml"];
    const anchors = all(shapes, /(<cdr:relSizeAnchor>.*?<\/cdr:relSizeAnchor>)/g);
    expect(anchors).toHaveLength(2);
    // x = 0.1266 + 0.8484 × 0.9 = 0.8902, from the plot's top (0.1294) to its bottom (0.9294), dashed, red.
    expect(all(anchors[0], /<cdr:[xy]>([^<]+)<\/cdr:[xy]>/g)).toEqual(["0.8902", "0.1294", "0.8902", "0.9294"]);
    expect(anchors[0]).toContain(
      '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="19050"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/></a:ln>',
    );
    // The label centred above the line (0.8902 − 0.0769 / 2): 8 × 5.4 + 6 = 49.2 pt wide (0.0769), 14 pt high (0.0412), 2 pt above the plot.
    expect(all(anchors[1], /<cdr:[xy]>([^<]+)<\/cdr:[xy]>/g)).toEqual(["0.8518", "0.0823", "0.9287", "0.1235"]);
    expect(anchors[1]).toContain("<a:t>Mål 90 %</a:t>");
    // Nothing written under the chart: the tab holds the plan's cells only.
    const sheet = openWorkbook(out).readSheet("Vårdgaranti");
    expect(sheet.values.flat().filter((v) => v !== null && v !== "").length).toBe(
      carePlan()
        .cells.flat()
        .filter((v) => v !== null && v !== "").length,
    );
    expect(JSON.stringify(sheet.values)).not.toContain("Mållinje");
  });

  test("the line's shape is named in the plan's words", () => {
    expect(p["xl/drawings/drawing2.xml"]).toContain('<cdr:cNvPr id="2" name="Mållinje"/>');
    const english = carePlan();
    english.words = { ...english.words, targetLine: { name: "Target line", dataHeader: "Target line (chart data)" } };
    const shapes = parts(writeSummaryTabs(openWorkbook(input()), [english]).bytes)["xl/drawings/drawing2.xml"];
    expect(shapes).toContain('<cdr:cNvPr id="2" name="Target line"/>');
    expect(shapes).not.toContain("Mållinje");
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
    cells: [
      ["Datum", "Andel"],
      [45322, 0.7],
      [45351, 0.72],
    ],
    numberFormats: [{ range: [1, 0, 2, 0], value: "yyyy-mm-dd" }],
    charts: [
      {
        kind: "line",
        title: "Trend",
        categories: [1, 0, 2, 0],
        series: [{ name: "Förstabesök", values: [1, 1, 2, 1] }],
        valueAxis: { min: 0, max: 1, format: "0%" },
        anchor: [0, 3],
        size: { width: 400, height: 200 },
      },
      {
        kind: "pie",
        title: "Fördelning",
        categories: [1, 0, 2, 0],
        series: [{ name: "Andel", values: [1, 1, 2, 1], pointColors: [RED, GREEN] }],
        anchor: [20, 3],
        size: { width: 400, height: 200 },
      },
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
  expect(
    Object.keys(p2)
      .filter((k) => /drawing/.test(k))
      .sort(),
  ).toEqual(
    Object.keys(p1)
      .filter((k) => /drawing/.test(k))
      .sort(),
  );
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
  files["xl/charts/style1.xml"] = enc('<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle"/>');
  files["xl/charts/colors1.xml"] = enc('<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle"/>');
  const { zipSync } = jest.requireActual<typeof import("fflate")>("fflate");
  const saved = zipSync(files);
  const again = parts(writeSummaryTabs(openWorkbook(saved), [carePlan()]).bytes);
  expect(
    Object.keys(again)
      .filter((k) => k.startsWith("xl/charts/"))
      .sort(),
  ).toEqual(
    Object.keys(first)
      .filter((k) => k.startsWith("xl/charts/"))
      .sort(),
  );
});

test("prepareCharts skips charts it cannot draw and fixes the plot area only under a reference line", () => {
  const plan = carePlan();
  const charts = prepareCharts({ ...plan, charts: [...plan.charts, { ...plan.charts[1], series: [] }] });
  expect(charts.map((c) => c.spec.title)).toEqual([plan.charts[0].title, "Mål per färg"]);
  expect(charts.map((c) => c.plot !== undefined)).toEqual([true, false]);
  expect(charts[0].reference).toEqual({ value: 0.9, label: "Mål 90 %", color: "C00000" });
});

test("the line's geometry: a target of 100 % keeps its label inside the frame; long unit names take at most half the width", () => {
  const plan = carePlan();
  const at100 = prepareCharts({
    ...plan,
    charts: [{ ...plan.charts[0], referenceLine: { value: 1, label: "Mål 100 %", color: "c00000" } }],
  })[0];
  const g = referenceGeometry(at100)!;
  // The line on the plot's right edge (0.1266 + 0.8484); the label (9 × 5.4 + 6 = 54.6 pt) ends 4 pt inside the frame.
  expect(g.from[0]).toBe(0.975);
  expect(g.label.x).toBe(Math.round((1 - 4 / 640 - 54.6 / 640) * 1e4) / 1e4);
  expect(at100.reference!.color).toBe("C00000");
  const cells = plan.cells.map((row) => [...row]);
  cells[1][0] = "x".repeat(200);
  const wide = prepareCharts({ ...plan, cells })[0];
  expect(wide.plot!.x).toBe(Math.round(((8 + 320) / 640) * 1e4) / 1e4);
});

test("a column chart's line runs across the plot at the target, its label at the right end", () => {
  const plan = carePlan();
  const column = prepareCharts({ ...plan, charts: [{ ...plan.charts[0], kind: "column" }] })[0];
  // Left 8 + 36 = 44 pt, top 8 + 18 + 8 = 34 pt, bottom 8 + 22 = 30 pt, right 16 pt.
  expect(column.plot).toEqual({ x: 0.0688, y: 0.1, w: 0.9063, h: 0.8118 });
  const g = referenceGeometry(column)!;
  // y = 0.1 + 0.8118 × (1 − 0.9) = 0.1812
  expect([g.from, g.to, g.align]).toEqual([[0.0688, 0.1812], [0.9751, 0.1812], "r"]);
});
