// The parts a tab this run writes brings besides its sheet part: a table part per table, one drawing
// anchoring a chart part per chart, a user-shapes drawing per chart with a target line, and the
// sheet's rels naming its tables and then its drawing. Part names are the first free ones.
import { chartPartXml, drawingPartXml, REL_CHART, REL_DRAWING, type ChartAnchor, type ChartContext } from "./chartPart";
import { REL_USER_SHAPES, userShapesXml } from "../ooxml/userShapes";
import type { PreparedChart } from "../ooxml/chartRules";
import { REL_TABLE, tablePartXml } from "./tablePart";
import { uniqueTableName, type PreparedTable } from "../ooxml/tableRules";
import { escapeAttr } from "../ooxml/xml";
import { relsPathOf } from "./package";
import type { PartNames } from "./partNames";

const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The parts of every tab this run writes, by kind, in the order of the tabs' plans. */
export interface NewParts {
  tables: { path: string; xml: string }[];
  sheetRels: { path: string; xml: string }[];
  drawings: { path: string; xml: string; relsXml: string }[];
  charts: { path: string; xml: string; relsXml?: string; shapes?: { path: string; xml: string } }[];
}

/** Table names taken in the workbook (lower-case, with its defined names) and the highest table id. */
export interface TableNames {
  taken: Set<string>;
  maxId: number;
}

/** A tab this run writes, as far as its parts go. */
export interface TabContent {
  path: string;
  tables?: PreparedTable[];
  charts?: PreparedChart[];
  chartContext?: ChartContext;
  /** What the plan calls a chart's target-line shape ("Mållinje"). */
  lineName?: string;
}

/** The ids in a sheet's rels: its tables' rId1, rId2 …, then its drawing's (when it has charts). */
export function sheetRelIds(tableCount: number, hasCharts: boolean): { tables: string[]; drawing?: string } {
  const tables = Array.from({ length: tableCount }, (_, i) => `rId${i + 1}`);
  return hasCharts ? { tables, drawing: `rId${tableCount + 1}` } : { tables };
}

/** Adds a tab's table, drawing and chart parts and its rels to `out` (nothing for a tab with neither). */
export function addTabParts(tab: TabContent, names: PartNames, tableNames: TableNames, wbDir: string, out: NewParts): void {
  const tables = tab.tables ?? [];
  const charts = tab.charts ?? [];
  if (tables.length === 0 && charts.length === 0) return;
  const ids = sheetRelIds(tables.length, charts.length > 0);
  const rels = tables.map((table, i) => relationship(ids.tables[i], REL_TABLE, addTablePart(table, names, tableNames, out), wbDir));
  if (ids.drawing !== undefined)
    rels.push(relationship(ids.drawing, REL_DRAWING, addChartParts(charts, tab.chartContext!, tab.lineName!, names, wbDir, out), wbDir));
  out.sheetRels.push({ path: relsPathOf(tab.path), xml: relationshipsXml(rels) });
}

/** A table part, named uniquely in the workbook; returns its path. */
function addTablePart(table: PreparedTable, names: PartNames, tableNames: TableNames, out: NewParts): string {
  const name = uniqueTableName(table.name, tableNames.taken);
  tableNames.taken.add(name.toLowerCase());
  const path = names.takeTablePart();
  out.tables.push({
    path,
    xml: tablePartXml({ id: ++tableNames.maxId, name, range: table.range, columns: table.columns, style: table.style }),
  });
  return path;
}

/** A tab's drawing with a chart part per chart (and a chart's user shapes); returns the drawing's path. */
function addChartParts(
  charts: PreparedChart[],
  context: ChartContext,
  lineName: string,
  names: PartNames,
  wbDir: string,
  out: NewParts,
): string {
  const drawingPath = names.takePart("drawings", "drawing");
  const anchors: ChartAnchor[] = [];
  const drawingRels: string[] = [];
  charts.forEach((chart, k) => {
    const spec = chart.spec;
    const chartPath = names.takePart("charts", "chart");
    const shapesXml = userShapesXml(chart, lineName);
    if (shapesXml === undefined) out.charts.push({ path: chartPath, xml: chartPartXml(chart, context) });
    else {
      // The target line: a drawing of its own that only this chart uses, beside the tab's drawing.
      const shapesPath = names.takePart("drawings", "drawing");
      out.charts.push({
        path: chartPath,
        xml: chartPartXml(chart, context, "rId1"),
        relsXml: relationshipsXml([relationship("rId1", REL_USER_SHAPES, shapesPath, wbDir)]),
        shapes: { path: shapesPath, xml: shapesXml },
      });
    }
    const relId = `rId${k + 1}`;
    drawingRels.push(relationship(relId, REL_CHART, chartPath, wbDir));
    anchors.push({
      row: spec.anchor[0],
      col: spec.anchor[1],
      width: spec.size.width,
      height: spec.size.height,
      relId,
      name: `Diagram ${k + 1}`,
    });
  });
  out.drawings.push({ path: drawingPath, xml: drawingPartXml(anchors), relsXml: relationshipsXml(drawingRels) });
  return drawingPath;
}

/**
 * A relationship from one part this run writes to another. Sheet parts are always
 * ${wbDir}worksheets/sheetN.xml and tables, drawings and charts sit in sibling folders of
 * worksheets/, so every target is "../…".
 */
function relationship(id: string, type: string, target: string, wbDir: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="../${escapeAttr(target.slice(wbDir.length))}"/>`;
}

function relationshipsXml(rels: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${rels.join("")}</Relationships>`;
}
