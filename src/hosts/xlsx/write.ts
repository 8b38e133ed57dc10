// Writes Målkoll's summary tabs into an .xlsx package.
//
// Hand-written on purpose, not ExcelJS or SheetJS: the output must be the input package byte for
// byte plus our tabs (ExcelJS/SheetJS round-trips drop charts, pivot tables and any part they do
// not model), and must be quick on 200 000-row workbooks (an ExcelJS load+save takes seconds and
// over a gigabyte). Every part we do not change is copied with its raw compressed bytes; only
// xl/workbook.xml, its rels, [Content_Types].xml and xl/styles.xml change, and they only gain
// elements (plus, when a tab of ours from an earlier run is replaced, lose that tab's own).
//
// A plan's tables become real Excel tables: a table part each (xl/tables/tableN.xml, N and the
// table id unused in the package), the sheet's rels and <tableParts>, a content-type override.
// Names are unique in the workbook ignoring case: a table or defined name the user has keeps its
// name and ours is suffixed ("Malkoll_Historik2"); the tables of our replaced tab go with it.
//
// A plan's charts become native charts (chartPart.ts): one drawing part per tab
// (xl/drawings/drawingN.xml) anchoring a chart part per chart (xl/charts/chartN.xml), N unused in
// the package, the sheet's <drawing r:id> after its table relationships, content-type overrides;
// a chart with a target line has its own user-shapes drawing (chartN.xml.rels → drawingM.xml).
// The drawing and charts of our replaced tab, their rels and the parts only they use (chart styles
// and colours Excel adds on save, user shapes) go with it, so a second run holds exactly as many
// chart parts.
import type { SheetPlan } from "../../report/plan";
import type { WrittenTab } from "../port";
import { chooseSheetName, type ExistingSheet, sheetNameProblem } from "../../report/sheetNames";
import {
  CT_STYLES,
  CT_WORKSHEET,
  parseRels,
  REL_STYLES,
  REL_WORKSHEET,
  relPrefixOf,
  relsPathOf,
} from "./package";
import { MARKER_NAME, quoteFormulaString } from "../ooxml/marker";
import type { XlsxWorkbook } from "./read";
import { planToSheetXml } from "./sheetWrite";
import { StyleBook } from "./stylesWrite";
import { chartPartXml, CT_CHART, CT_DRAWING, drawingPartXml, REL_CHART, REL_DRAWING, type ChartAnchor, type ChartContext } from "./chartPart";
import { CT_USER_SHAPES, REL_USER_SHAPES, userShapesXml } from "../ooxml/userShapes";
import { prepareCharts, type PreparedChart } from "../ooxml/chartRules";
import { CT_TABLE, readTableHead, REL_TABLE, tablePartXml } from "./tablePart";
import { prepareTables, uniqueTableName, type PreparedTable } from "../ooxml/tableRules";
import { attributes, escapeAttr, escapeText, findElement, findElements, rootPrefix, type ElementSpan } from "../ooxml/xml";
import { makeEntry, writeZip, type ZipEntry } from "./zip";

export type { WrittenTab };

interface TabModel {
  name: string;
  marker?: string;
  sheetId: string;
  relId: string;
  path: string;
  /** "hidden"/"veryHidden" as the user left it ("visible" otherwise); kept when our tab is replaced. */
  state: string;
  /** Set for tabs this run writes. */
  xml?: string;
  /** The tables of a tab this run writes, in the order of their relationship ids rId1, rId2 … */
  tables?: PreparedTable[];
  /** Index of the plan a tab this run writes comes from: tables are named in plan order, as in the add-in. */
  seq?: number;
  /** The charts of a tab this run writes, and what their formulas and caches come from. */
  charts?: PreparedChart[];
  chartContext?: ChartContext;
  /** What the plan calls a chart's target-line shape ("Mållinje"). */
  lineName?: string;
  /** Index into the original sheet list, for tabs that were there. */
  original: number | null;
}

const NS_REL_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A table part the input package has, found through its sheet's relationships. */
interface InputTable {
  part: string;
  id: number | null;
  names: string[];
  /** Index of its sheet in the input's sheet list. */
  sheet: number;
  /** Its sheet is our tab from an earlier run, replaced now: the part goes with it. */
  removed: boolean;
}

function inputTables(wb: XlsxWorkbook): InputTable[] {
  const out: InputTable[] = [];
  wb.workbookInfo.sheets.forEach((s, i) => {
    if (!s.path) return;
    const rels = wb.entry(relsPathOf(s.path)) ? parseRels(wb.text(relsPathOf(s.path)), s.path) : [];
    for (const r of rels) {
      if (!r.part || !r.type.endsWith("/relationships/table") || !wb.entry(r.part)) continue;
      const head = readTableHead(wb.text(r.part)!);
      out.push({ part: wb.entry(r.part)!.name, id: head?.id ?? null, names: head?.names ?? [], sheet: i, removed: false });
    }
  });
  return out;
}

/**
 * The parts of a sheet's drawings: the drawing parts its rels name, their charts, and what those
 * charts alone use (Excel's chart style and colour parts, user shapes). Images and anything else a
 * drawing points to are left alone: another drawing may share them.
 */
function drawingParts(wb: XlsxWorkbook, sheetPath: string): string[] {
  const out: string[] = [];
  const rels = (part: string) => (wb.entry(relsPathOf(part)) ? parseRels(wb.text(relsPathOf(part)), part) : []);
  const add = (part: string) => {
    const e = wb.entry(part);
    if (!e) return;
    out.push(e.name);
    if (wb.entry(relsPathOf(part))) out.push(wb.entry(relsPathOf(part))!.name);
  };
  for (const d of rels(sheetPath)) {
    if (!d.part || !d.type.endsWith("/relationships/drawing")) continue;
    add(d.part);
    for (const c of rels(d.part)) {
      if (!c.part || !c.type.endsWith("/relationships/chart")) continue;
      add(c.part);
      for (const x of rels(c.part)) if (x.part && /\/(chartStyle|chartColorStyle|chartUserShapes)$/.test(x.type)) add(x.part);
    }
  }
  return out;
}

/** Part names the [Content_Types].xml overrides, lower-cased (so a stale override is never doubled). */
function overriddenParts(ctXml: string): string[] {
  const cp = rootPrefix(ctXml, "Types") ?? "";
  return findElements(ctXml, cp + "Override").map((el) => (attributes(el.tag).PartName ?? "").replace(/^\//, "").toLowerCase());
}
/** A plan's tab name that Excel would refuse is a bug in report (test/report/sheetNames.test.ts checks every one). */
function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new Error(`Invalid sheet name for Excel (${problem}): "${name}"`);
}

export interface Edit {
  at: number;
  end: number;
  text: string;
}

export function applyEdits(xml: string, edits: Edit[]): string {
  // Stable for insertions at the same place: they go in the order they were listed.
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.end - a.end || b.i - a.i);
  let out = xml;
  for (const e of sorted) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

function definedNameKey(name: string, localSheetId: number | null): [string, number] {
  return [name.toLowerCase(), localSheetId ?? -1];
}
function compareKeys(a: [string, number], b: [string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

/**
 * Adds (or replaces) one tab per plan and returns the new package. The input is not modified.
 * A tab carrying the plan's marker (ours, from an earlier run) is replaced in place; a user's sheet
 * with the plan's name is kept and ours becomes "Name (2)"; new tabs go after the existing ones.
 */
export function writeSummaryTabs(wb: XlsxWorkbook, plans: SheetPlan[]): { bytes: Uint8Array; written: WrittenTab[] } {
  const info = wb.workbookInfo;
  const wbPath = wb.workbookPath;
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const wbRelsPath = relsPathOf(wbPath);
  const wbXml = wb.text(wbPath)!;
  const relsXml = wb.text(wbRelsPath);
  const ctXml = wb.text("[Content_Types].xml");
  if (relsXml === undefined || ctXml === undefined) throw new Error("Arbetsboken saknar relationer eller innehållstyper.");

  const stylesRel = wb.workbookRels.find((r) => r.type.endsWith("/styles") && r.part && wb.entry(r.part));
  const styles = new StyleBook(stylesRel ? wb.text(stylesRel.part!) : undefined);

  // The tab list as it will be, and what goes away.
  const tabs: TabModel[] = info.sheets.map((s, i) => ({
    name: s.name,
    marker: wb.sheets[i]?.marker,
    sheetId: s.sheetId,
    relId: s.relId,
    path: s.path,
    state: s.state,
    original: i,
  }));
  const removedParts = new Set<string>(); // lower-case part names
  const removedRelIds = new Set<string>();
  const replacedOriginals = new Set<number>();
  const usedRelIds = new Set(wb.workbookRels.map((r) => r.id));
  const usedParts = new Set([...wb.entries.map((e) => e.name.toLowerCase()), ...overriddenParts(ctXml)]);
  const tablesIn = inputTables(wb);
  let maxSheetId = info.sheets.reduce((m, s) => Math.max(m, Number(s.sheetId) || 0), 0);

  const freeRelId = () => {
    for (let n = 1; ; n++) if (!usedRelIds.has(`rId${n}`)) return `rId${n}`;
  };
  const freeSheetPath = () => {
    for (let n = 1; ; n++) {
      const p = `${wbDir}worksheets/sheet${n}.xml`;
      if (!usedParts.has(p.toLowerCase()) && !usedParts.has(relsPathOf(p).toLowerCase())) return p;
    }
  };

  const written: WrittenTab[] = [];
  for (const [seq, plan] of plans.entries()) {
    const existing: ExistingSheet[] = tabs.map((t) => (t.marker ? { name: t.name, marker: t.marker } : { name: t.name }));
    const choice = chooseSheetName(existing, plan.name, plan.marker);
    checkSheetName(choice.name);
    const charts = prepareCharts(plan);
    const { plan: prepared, tables } = prepareTables(plan);
    const chartContext: ChartContext = { sheetName: choice.name, cells: prepared.cells ?? [], numberFormats: prepared.numberFormats ?? [] };
    const xml = planToSheetXml(prepared, styles, tables.map((_, i) => `rId${i + 1}`), charts.length > 0 ? `rId${tables.length + 1}` : undefined);
    if (choice.replaces !== null) {
      const idx = tabs.findIndex((t) => t.name === choice.replaces);
      const old = tabs[idx];
      // Free what the old tab held, so the new one may take the same part name and relationship id.
      usedParts.delete(old.path.toLowerCase());
      usedRelIds.delete(old.relId);
      if (old.original !== null) {
        removedParts.add(old.path.toLowerCase());
        removedParts.add(relsPathOf(old.path).toLowerCase());
        usedParts.delete(relsPathOf(old.path).toLowerCase());
        removedRelIds.add(old.relId);
        replacedOriginals.add(old.original);
        for (const part of drawingParts(wb, old.path)) {
          removedParts.add(part.toLowerCase());
          usedParts.delete(part.toLowerCase());
        }
        for (const t of tablesIn) {
          if (t.sheet !== old.original || t.removed) continue;
          t.removed = true;
          for (const part of [t.part, relsPathOf(t.part)]) {
            removedParts.add(part.toLowerCase());
            usedParts.delete(part.toLowerCase());
          }
        }
      }
      const relId = freeRelId();
      const path = freeSheetPath();
      usedRelIds.add(relId);
      usedParts.add(path.toLowerCase());
      tabs[idx] = { name: old.name, marker: plan.marker, sheetId: old.sheetId, relId, path, state: old.state, xml, tables, seq, charts, chartContext, lineName: plan.words.targetLine.name, original: null };
    } else {
      const relId = freeRelId();
      const path = freeSheetPath();
      usedRelIds.add(relId);
      usedParts.add(path.toLowerCase());
      tabs.push({ name: choice.name, marker: plan.marker, sheetId: String(++maxSheetId), relId, path, state: "visible", xml, tables, seq, charts, chartContext, lineName: plan.words.targetLine.name, original: null });
    }
    written.push({ planName: plan.name, sheetName: choice.name, replaced: choice.replaces !== null, renamedBecauseTaken: choice.renamedBecauseTaken });
  }
  // A tab written and then replaced again in the same run is simply overwritten above.
  const newTabs = tabs.map((t, i) => ({ t, i })).filter(({ t }) => t.xml !== undefined);

  // --- Tables: names unique among the tables and defined names that stay, ids and parts unused.
  const takenNames = new Set<string>();
  for (const t of tablesIn) if (!t.removed) for (const n of t.names) takenNames.add(n.toLowerCase());
  for (const dn of info.definedNames) if (dn.localSheetId === null || !replacedOriginals.has(dn.localSheetId)) takenNames.add(dn.name.toLowerCase());
  let maxTableId = tablesIn.reduce((m, t) => (t.removed ? m : Math.max(m, t.id ?? 0)), 0);
  const tableParts: { path: string; xml: string }[] = [];
  const sheetRels: { path: string; xml: string }[] = [];
  const chartParts: { path: string; xml: string; relsXml?: string; shapes?: { path: string; xml: string } }[] = [];
  const drawingParts_: { path: string; xml: string; relsXml: string }[] = [];
  const freePart = (folder: string, base: string) => {
    let path = "";
    for (let n = 1; path === "" || usedParts.has(path.toLowerCase()) || usedParts.has(relsPathOf(path).toLowerCase()); n++) path = `${wbDir}${folder}/${base}${n}.xml`;
    usedParts.add(path.toLowerCase());
    return path;
  };
  for (const { t } of [...newTabs].sort((a, b) => a.t.seq! - b.t.seq!)) {
    const tables = t.tables ?? [];
    const charts = t.charts ?? [];
    if (tables.length === 0 && charts.length === 0) continue;
    const rels: string[] = [];
    tables.forEach((table, i) => {
      const name = uniqueTableName(table.name, takenNames);
      takenNames.add(name.toLowerCase());
      let path = "";
      for (let n = 1; path === "" || usedParts.has(path.toLowerCase()); n++) path = `${wbDir}tables/table${n}.xml`;
      usedParts.add(path.toLowerCase());
      tableParts.push({ path, xml: tablePartXml({ id: ++maxTableId, name, range: table.range, columns: table.columns, style: table.style }) });
      // Sheet parts are always ${wbDir}worksheets/sheetN.xml, so the table is one folder up.
      rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_TABLE}" Target="../${escapeAttr(path.slice(wbDir.length))}"/>`);
    });
    if (charts.length > 0) {
      // Drawing and chart parts sit in sibling folders of worksheets/, so targets are "../…".
      const drawingPath = freePart("drawings", "drawing");
      const anchors: ChartAnchor[] = [];
      const drawingRels: string[] = [];
      charts.forEach((chart, k) => {
        const spec = chart.spec;
        const chartPath = freePart("charts", "chart");
        const shapesXml = userShapesXml(chart, t.lineName!);
        if (shapesXml === undefined) chartParts.push({ path: chartPath, xml: chartPartXml(chart, t.chartContext!) });
        else {
          // The target line: a drawing of its own that only this chart uses, beside the tab's drawing.
          const shapesPath = freePart("drawings", "drawing");
          chartParts.push({
            path: chartPath,
            xml: chartPartXml(chart, t.chartContext!, "rId1"),
            relsXml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}"><Relationship Id="rId1" Type="${REL_USER_SHAPES}" Target="../${escapeAttr(shapesPath.slice(wbDir.length))}"/></Relationships>`,
            shapes: { path: shapesPath, xml: shapesXml },
          });
        }
        const relId = `rId${k + 1}`;
        drawingRels.push(`<Relationship Id="${relId}" Type="${REL_CHART}" Target="../${escapeAttr(chartPath.slice(wbDir.length))}"/>`);
        anchors.push({ row: spec.anchor[0], col: spec.anchor[1], width: spec.size.width, height: spec.size.height, relId, name: `Diagram ${k + 1}` });
      });
      drawingParts_.push({
        path: drawingPath,
        xml: drawingPartXml(anchors),
        relsXml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${drawingRels.join("")}</Relationships>`,
      });
      rels.push(`<Relationship Id="rId${tables.length + 1}" Type="${REL_DRAWING}" Target="../${escapeAttr(drawingPath.slice(wbDir.length))}"/>`);
    }
    sheetRels.push({ path: relsPathOf(t.path), xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${rels.join("")}</Relationships>` });
  }

  // --- xl/workbook.xml: the sheet list and defined names.
  const p = rootPrefix(wbXml, "workbook") ?? "";
  const root = findElement(wbXml, p + "workbook");
  const relPrefix = root ? relPrefixOf(root.tag) : null;
  const sheetEl = (t: TabModel) => {
    const state = t.state === "hidden" || t.state === "veryHidden" ? ` state="${t.state}"` : "";
    return relPrefix !== null
      ? `<${p}sheet name="${escapeAttr(t.name)}" sheetId="${t.sheetId}"${state} ${relPrefix}id="${t.relId}"/>`
      : `<${p}sheet xmlns:r="${NS_REL_MAIN}" name="${escapeAttr(t.name)}" sheetId="${t.sheetId}"${state} r:id="${t.relId}"/>`;
  };
  const wbEdits: Edit[] = [];
  const sheetsSpan = findElement(wbXml, p + "sheets");
  if (!sheetsSpan) throw new Error("Arbetsboken saknar bladlista.");
  const sheetSpans = findElements(wbXml, p + "sheet", sheetsSpan.contentStart, sheetsSpan.contentEnd);
  const appended: string[] = [];
  for (const { t, i } of newTabs) {
    if (i < sheetSpans.length && replacedOriginals.has(i)) wbEdits.push({ at: sheetSpans[i].start, end: sheetSpans[i].end, text: sheetEl(t) });
    else appended.push(sheetEl(t));
  }
  if (appended.length > 0) {
    if (sheetsSpan.contentStart === sheetsSpan.end) {
      wbEdits.push({ at: sheetsSpan.start, end: sheetsSpan.end, text: `${sheetsSpan.tag.replace(/\s*\/>$/, ">")}${appended.join("")}</${p}sheets>` });
    } else wbEdits.push({ at: sheetsSpan.contentEnd, end: sheetsSpan.contentEnd, text: appended.join("") });
  }

  const markerEl = (idx: number, marker: string) =>
    `<${p}definedName name="${MARKER_NAME}" localSheetId="${idx}" hidden="1">${escapeText(quoteFormulaString(marker))}</${p}definedName>`;
  const newNames = newTabs.map(({ t, i }) => ({ key: definedNameKey(MARKER_NAME, i), xml: markerEl(i, t.marker!) }));
  newNames.sort((a, b) => compareKeys(a.key, b.key));
  const dnSpan = findElement(wbXml, p + "definedNames");
  if (dnSpan && dnSpan.contentStart !== dnSpan.end) {
    const kept: { key: [string, number]; start: number }[] = [];
    for (const el of findElements(wbXml, p + "definedName", dnSpan.contentStart, dnSpan.contentEnd)) {
      const a = attributes(el.tag);
      const local = a.localSheetId !== undefined && /^\d+$/.test(a.localSheetId) ? Number(a.localSheetId) : null;
      if (local !== null && replacedOriginals.has(local)) wbEdits.push({ at: el.start, end: el.end, text: "" });
      else kept.push({ key: definedNameKey(a.name ?? "", local), start: el.start });
    }
    for (const n of newNames) {
      const before = kept.find((k) => compareKeys(k.key, n.key) > 0);
      const at = before ? before.start : dnSpan.contentEnd;
      wbEdits.push({ at, end: at, text: n.xml });
    }
  } else if (newNames.length > 0) {
    const body = newNames.map((n) => n.xml).join("");
    if (dnSpan) {
      wbEdits.push({ at: dnSpan.start, end: dnSpan.end, text: `${dnSpan.tag.replace(/\s*\/>$/, ">")}${body}</${p}definedNames>` });
    } else {
      // CT_Workbook: sheets, functionGroups?, externalReferences?, definedNames?, calcPr? …
      let at = sheetsSpan.end;
      for (const after of ["functionGroups", "externalReferences"]) {
        const el = findElement(wbXml, p + after);
        if (el && el.end > at) at = el.end;
      }
      wbEdits.push({ at, end: at, text: `<${p}definedNames>${body}</${p}definedNames>` });
    }
  }
  const newWbXml = applyEdits(wbXml, wbEdits);

  // --- xl/_rels/workbook.xml.rels
  const rp = rootPrefix(relsXml, "Relationships") ?? "";
  const relEdits: Edit[] = [];
  const relsRoot = findElement(relsXml, rp + "Relationships");
  if (!relsRoot) throw new Error("Arbetsbokens relationer går inte att tolka.");
  for (const el of findElements(relsXml, rp + "Relationship", relsRoot.contentStart, relsRoot.contentEnd)) {
    if (removedRelIds.has(attributes(el.tag).Id ?? "")) relEdits.push({ at: el.start, end: el.end, text: "" });
  }
  const relTarget = (part: string) => (part.startsWith(wbDir) ? part.slice(wbDir.length) : "/" + part);
  let newRels = newTabs.map(({ t }) => `<${rp}Relationship Id="${t.relId}" Type="${REL_WORKSHEET}" Target="${escapeAttr(relTarget(t.path))}"/>`).join("");
  let stylesPath: string | null = null;
  if (styles.created) {
    stylesPath = `${wbDir}styles.xml`;
    for (let n = 2; usedParts.has(stylesPath.toLowerCase()); n++) stylesPath = `${wbDir}styles${n}.xml`;
    const id = freeRelId();
    usedRelIds.add(id);
    newRels += `<${rp}Relationship Id="${id}" Type="${REL_STYLES}" Target="${escapeAttr(relTarget(stylesPath))}"/>`;
  }
  relEdits.push(insertAtEnd(relsRoot, rp + "Relationships", newRels));
  const newRelsXml = applyEdits(relsXml, relEdits);

  // --- [Content_Types].xml
  const cp = rootPrefix(ctXml, "Types") ?? "";
  const ctRoot = findElement(ctXml, cp + "Types");
  if (!ctRoot) throw new Error("Arbetsbokens innehållstyper går inte att tolka.");
  const ctEdits: Edit[] = [];
  for (const el of findElements(ctXml, cp + "Override", ctRoot.contentStart, ctRoot.contentEnd)) {
    const part = (attributes(el.tag).PartName ?? "").replace(/^\//, "").toLowerCase();
    if (removedParts.has(part)) ctEdits.push({ at: el.start, end: el.end, text: "" });
  }
  let overrides = newTabs.map(({ t }) => `<${cp}Override PartName="/${escapeAttr(t.path)}" ContentType="${CT_WORKSHEET}"/>`).join("");
  if (stylesPath) overrides += `<${cp}Override PartName="/${escapeAttr(stylesPath)}" ContentType="${CT_STYLES}"/>`;
  for (const tp of tableParts) overrides += `<${cp}Override PartName="/${escapeAttr(tp.path)}" ContentType="${CT_TABLE}"/>`;
  for (const d of drawingParts_) overrides += `<${cp}Override PartName="/${escapeAttr(d.path)}" ContentType="${CT_DRAWING}"/>`;
  for (const c of chartParts) {
    overrides += `<${cp}Override PartName="/${escapeAttr(c.path)}" ContentType="${CT_CHART}"/>`;
    if (c.shapes) overrides += `<${cp}Override PartName="/${escapeAttr(c.shapes.path)}" ContentType="${CT_USER_SHAPES}"/>`;
  }
  ctEdits.push(insertAtEnd(ctRoot, cp + "Types", overrides));
  const newCtXml = applyEdits(ctXml, ctEdits);

  // --- xl/styles.xml
  const newStylesXml = styles.result();

  // --- The package: every other part copied raw, in the input's order; new parts at the end.
  const stamp = wb.entry(wbPath)!;
  const encoder = new TextEncoder();
  const changed = new Map<string, string>([
    [wbPath.toLowerCase(), newWbXml],
    [wbRelsPath.toLowerCase(), newRelsXml],
    ["[content_types].xml", newCtXml],
  ]);
  const originalText = new Map<string, string>([
    [wbPath.toLowerCase(), wbXml],
    [wbRelsPath.toLowerCase(), relsXml],
    ["[content_types].xml", ctXml],
  ]);
  if (newStylesXml !== null && stylesRel) changed.set(stylesRel.part!.toLowerCase(), newStylesXml);
  const out: ZipEntry[] = [];
  for (const e of wb.entries) {
    const key = e.name.toLowerCase();
    if (removedParts.has(key)) continue;
    const text = changed.get(key);
    if (text === undefined || text === originalText.get(key)) {
      out.push(e);
      continue;
    }
    const ne = makeEntry(e.name, encoder.encode(text), e.modTime, e.modDate);
    out.push({ ...ne, nameBytes: e.nameBytes, flags: (ne.flags & ~0x800) | (e.flags & 0x800) });
  }
  for (const { t } of newTabs) out.push(makeEntry(t.path, encoder.encode(t.xml!), stamp.modTime, stamp.modDate));
  for (const r of sheetRels) out.push(makeEntry(r.path, encoder.encode(r.xml), stamp.modTime, stamp.modDate));
  for (const tp of tableParts) out.push(makeEntry(tp.path, encoder.encode(tp.xml), stamp.modTime, stamp.modDate));
  for (const d of drawingParts_) {
    out.push(makeEntry(d.path, encoder.encode(d.xml), stamp.modTime, stamp.modDate));
    out.push(makeEntry(relsPathOf(d.path), encoder.encode(d.relsXml), stamp.modTime, stamp.modDate));
  }
  for (const c of chartParts) {
    out.push(makeEntry(c.path, encoder.encode(c.xml), stamp.modTime, stamp.modDate));
    if (c.relsXml) out.push(makeEntry(relsPathOf(c.path), encoder.encode(c.relsXml), stamp.modTime, stamp.modDate));
    if (c.shapes) out.push(makeEntry(c.shapes.path, encoder.encode(c.shapes.xml), stamp.modTime, stamp.modDate));
  }
  if (stylesPath && newStylesXml !== null) out.push(makeEntry(stylesPath, encoder.encode(newStylesXml), stamp.modTime, stamp.modDate));
  return { bytes: writeZip(out), written };
}

/** An edit that appends `text` as the last children of the root element (expanding `<Root/>`). */
export function insertAtEnd(root: ElementSpan, qname: string, text: string): Edit {
  if (root.contentStart === root.end) return { at: root.start, end: root.end, text: `${root.tag.replace(/\s*\/>$/, ">")}${text}</${qname}>` };
  return { at: root.contentEnd, end: root.contentEnd, text };
}
