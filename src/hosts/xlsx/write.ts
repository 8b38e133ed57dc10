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
//
// writeSummaryTabs reads as the steps in order; tabParts.ts makes a new tab's table, drawing and
// chart parts, partNames.ts picks the free part names and relationship ids.
import type { SheetPlan } from "../../report/plan";
import type { WrittenTab } from "../port";
import { chooseSheetName, type ExistingSheet, sheetNameProblem } from "../../report/sheetNames";
import { CT_STYLES, CT_WORKSHEET, parseRels, REL_STYLES, REL_WORKSHEET, relPrefixOf, relsPathOf, type DefinedNameInfo } from "./package";
import { MARKER_NAME, quoteFormulaString } from "../ooxml/marker";
import type { XlsxWorkbook } from "./read";
import { planToSheetXml } from "./sheetWrite";
import { StyleBook } from "./stylesWrite";
import { CT_CHART, CT_DRAWING, type ChartContext } from "./chartPart";
import { CT_USER_SHAPES } from "../ooxml/userShapes";
import { prepareCharts, type PreparedChart } from "../ooxml/chartRules";
import { CT_TABLE, readTableHead } from "./tablePart";
import { prepareTables, type PreparedTable } from "../ooxml/tableRules";
import { inDateSystem } from "../ooxml/dateSystem";
import { attributes, escapeAttr, escapeText, findElement, findElements, rootPrefix, type ElementSpan } from "../ooxml/xml";
import { makeEntry, writeZip, type ZipEntry } from "./zip";
import { corrupt } from "./errors";
import { PartNames } from "./partNames";
import { addTabParts, sheetRelIds, type NewParts, type TableNames } from "./tabParts";

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
  if (problem) throw new Error(`Ogiltigt bladnamn för Excel (${problem}): "${name}"`);
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
  const parts = workbookParts(wb);
  const wbDir = parts.dir;
  const stylesRel = wb.workbookRels.find((r) => r.type.endsWith("/styles") && r.part && wb.entry(r.part));
  const styles = new StyleBook(stylesRel ? wb.text(stylesRel.part!) : undefined);
  const names = new PartNames(
    [...wb.entries.map((e) => e.name.toLowerCase()), ...overriddenParts(parts.ctXml)],
    wb.workbookRels.map((r) => r.id),
    wbDir,
  );
  const tablesIn = inputTables(wb);

  const { tabs, written, removed } = layOutTabs(wb, plans, styles, names, tablesIn);
  // A tab written and then replaced again in the same run is simply overwritten in layOutTabs.
  const newTabs = tabs.map((t, i) => ({ t, i })).filter(({ t }) => t.xml !== undefined);

  const added: NewParts = { tables: [], sheetRels: [], drawings: [], charts: [] };
  const tableNames = tableNamesKept(tablesIn, wb.workbookInfo.definedNames, removed.sheets);
  for (const { t } of [...newTabs].sort((a, b) => a.t.seq! - b.t.seq!)) addTabParts(t, names, tableNames, wbDir, added);

  const newWbXml = editWorkbookXml(parts.xml, newTabs, removed.sheets);
  const stylesPart = styles.created ? { path: names.freeStylesPart(), relId: names.takeRelId() } : null;
  const newRelsXml = editWorkbookRels(parts.relsXml, wbDir, newTabs, removed.relIds, stylesPart);
  const newCtXml = editContentTypes(parts.ctXml, removed.parts, newOverrides(newTabs, stylesPart?.path ?? null, added));
  const newStylesXml = styles.result();

  const edited: EditedPart[] = [
    { part: parts.path, text: newWbXml, was: parts.xml },
    { part: parts.relsPath, text: newRelsXml, was: parts.relsXml },
    { part: "[Content_Types].xml", text: newCtXml, was: parts.ctXml },
  ];
  if (newStylesXml !== null && stylesRel) edited.push({ part: stylesRel.part!, text: newStylesXml });
  const newStyles = stylesPart && newStylesXml !== null ? { path: stylesPart.path, text: newStylesXml } : null;
  return { bytes: writeZip(packageEntries(wb, edited, removed.parts, newPartTexts(newTabs, added, newStyles))), written };
}

/** The parts every write reads and edits: the workbook part, its rels and [Content_Types].xml. */
function workbookParts(wb: XlsxWorkbook): { path: string; dir: string; relsPath: string; xml: string; relsXml: string; ctXml: string } {
  const path = wb.workbookPath;
  const relsPath = relsPathOf(path);
  const xml = wb.text(path)!;
  const relsXml = wb.text(relsPath);
  const ctXml = wb.text("[Content_Types].xml");
  // createFileHost refuses such a package when it opens it (contentTypes.ts, packageProblem).
  if (relsXml === undefined || ctXml === undefined)
    throw corrupt(relsXml === undefined ? `${relsPath} saknas` : "[Content_Types].xml saknas");
  return { path, dir: path.slice(0, path.lastIndexOf("/") + 1), relsPath, xml, relsXml, ctXml };
}

/** What this run takes out of the package with our replaced tabs. */
interface Removed {
  /** Their parts, lower-case. */
  parts: Set<string>;
  /** Their workbook relationship ids. */
  relIds: Set<string>;
  /** Their indexes in the input's sheet list. */
  sheets: Set<number>;
}

/** A tab this run writes, and its index in the tab list. */
type NewTab = { t: TabModel; i: number };

/** The tab list as it will be, one tab per plan, and what goes away. */
function layOutTabs(
  wb: XlsxWorkbook,
  plans: SheetPlan[],
  styles: StyleBook,
  names: PartNames,
  tablesIn: InputTable[],
): { tabs: TabModel[]; written: WrittenTab[]; removed: Removed } {
  const info = wb.workbookInfo;
  const tabs: TabModel[] = info.sheets.map((s, i) => ({
    name: s.name,
    marker: wb.sheets[i]?.marker,
    sheetId: s.sheetId,
    relId: s.relId,
    path: s.path,
    state: s.state,
    original: i,
  }));
  const removed: Removed = { parts: new Set(), relIds: new Set(), sheets: new Set() };
  let maxSheetId = info.sheets.reduce((m, s) => Math.max(m, Number(s.sheetId) || 0), 0);
  const written: WrittenTab[] = [];
  for (const [seq, plan] of plans.entries()) {
    const existing: ExistingSheet[] = tabs.map((t) => (t.marker ? { name: t.name, marker: t.marker } : { name: t.name }));
    const choice = chooseSheetName(existing, plan.name, plan.marker);
    checkSheetName(choice.name);
    const content = renderTab(plan, choice.name, styles, wb.date1904);
    if (choice.replaces !== null) {
      const idx = tabs.findIndex((t) => t.name === choice.replaces);
      const old = tabs[idx];
      freeReplacedTab(wb, old, tablesIn, names, removed);
      tabs[idx] = {
        name: old.name,
        marker: plan.marker,
        sheetId: old.sheetId,
        ...takeSheetPart(names),
        state: old.state,
        ...content,
        seq,
        original: null,
      };
    } else {
      tabs.push({
        name: choice.name,
        marker: plan.marker,
        sheetId: String(++maxSheetId),
        ...takeSheetPart(names),
        state: "visible",
        ...content,
        seq,
        original: null,
      });
    }
    written.push({
      planName: plan.name,
      sheetName: choice.name,
      replaced: choice.replaces !== null,
      renamedBecauseTaken: choice.renamedBecauseTaken,
    });
  }
  return { tabs, written, removed };
}

/** A plan's sheet XML, and the tables and charts that go with it; dates in the workbook's own date system. */
function renderTab(
  given: SheetPlan,
  sheetName: string,
  styles: StyleBook,
  date1904: boolean,
): { xml: string; tables: PreparedTable[]; charts: PreparedChart[]; chartContext: ChartContext; lineName: string } {
  const plan = inDateSystem(given, date1904);
  const charts = prepareCharts(plan);
  const { plan: prepared, tables } = prepareTables(plan);
  const chartContext: ChartContext = { sheetName, cells: prepared.cells ?? [], numberFormats: prepared.numberFormats ?? [], date1904 };
  const ids = sheetRelIds(tables.length, charts.length > 0);
  const xml = planToSheetXml(prepared, styles, ids.tables, ids.drawing);
  return { xml, tables, charts, chartContext, lineName: plan.words.targetLine.name };
}

/** A new sheet part and its workbook relationship id. */
function takeSheetPart(names: PartNames): { relId: string; path: string } {
  return { relId: names.takeRelId(), path: names.takePart("worksheets", "sheet") };
}

/**
 * Frees what a replaced tab held, so the new one may take the same part name and relationship id.
 * A tab from the input goes with its rels, its drawings and charts, and its tables.
 */
function freeReplacedTab(wb: XlsxWorkbook, old: TabModel, tablesIn: InputTable[], names: PartNames, removed: Removed): void {
  names.release(old.path);
  names.releaseRelId(old.relId);
  if (old.original === null) return;
  const remove = (part: string) => {
    removed.parts.add(part.toLowerCase());
    names.release(part);
  };
  remove(old.path);
  remove(relsPathOf(old.path));
  removed.relIds.add(old.relId);
  removed.sheets.add(old.original);
  for (const part of drawingParts(wb, old.path)) remove(part);
  for (const t of tablesIn) {
    if (t.sheet !== old.original || t.removed) continue;
    t.removed = true;
    remove(t.part);
    remove(relsPathOf(t.part));
  }
}

/** Names unique among the tables and defined names that stay, and the highest table id they hold. */
function tableNamesKept(tablesIn: InputTable[], definedNames: DefinedNameInfo[], replaced: Set<number>): TableNames {
  const taken = new Set<string>();
  for (const t of tablesIn) if (!t.removed) for (const n of t.names) taken.add(n.toLowerCase());
  for (const dn of definedNames) if (dn.localSheetId === null || !replaced.has(dn.localSheetId)) taken.add(dn.name.toLowerCase());
  const maxId = tablesIn.reduce((m, t) => (t.removed ? m : Math.max(m, t.id ?? 0)), 0);
  return { taken, maxId };
}

/** xl/workbook.xml with our tabs in its sheet list and their markers among its defined names. */
function editWorkbookXml(wbXml: string, newTabs: NewTab[], replaced: Set<number>): string {
  const p = rootPrefix(wbXml, "workbook") ?? "";
  const sheetsSpan = findElement(wbXml, p + "sheets");
  if (!sheetsSpan) throw corrupt("xl/workbook.xml saknar bladlista", "xl/workbook.xml has no list of sheets");
  return applyEdits(wbXml, [
    ...sheetListEdits(wbXml, p, sheetsSpan, newTabs, replaced),
    ...definedNameEdits(wbXml, p, sheetsSpan, newTabs, replaced),
  ]);
}

/** Our tabs' <sheet> elements: each in place of the one it replaces, the others after the last. */
function sheetListEdits(wbXml: string, p: string, sheetsSpan: ElementSpan, newTabs: NewTab[], replaced: Set<number>): Edit[] {
  const root = findElement(wbXml, p + "workbook");
  const relPrefix = root ? relPrefixOf(root.tag) : null;
  const edits: Edit[] = [];
  const sheetSpans = findElements(wbXml, p + "sheet", sheetsSpan.contentStart, sheetsSpan.contentEnd);
  const appended: string[] = [];
  for (const { t, i } of newTabs) {
    if (i < sheetSpans.length && replaced.has(i))
      edits.push({ at: sheetSpans[i].start, end: sheetSpans[i].end, text: sheetElement(t, p, relPrefix) });
    else appended.push(sheetElement(t, p, relPrefix));
  }
  if (appended.length > 0) edits.push(insertAtEnd(sheetsSpan, p + "sheets", appended.join("")));
  return edits;
}

function sheetElement(t: TabModel, p: string, relPrefix: string | null): string {
  const state = t.state === "hidden" || t.state === "veryHidden" ? ` state="${t.state}"` : "";
  return relPrefix !== null
    ? `<${p}sheet name="${escapeAttr(t.name)}" sheetId="${t.sheetId}"${state} ${relPrefix}id="${t.relId}"/>`
    : `<${p}sheet xmlns:r="${NS_REL_MAIN}" name="${escapeAttr(t.name)}" sheetId="${t.sheetId}"${state} r:id="${t.relId}"/>`;
}

/**
 * Our tabs' markers, as hidden names local to their tab, kept in order of name and then tab among
 * the defined names; the names local to a replaced tab go.
 */
function definedNameEdits(wbXml: string, p: string, sheetsSpan: ElementSpan, newTabs: NewTab[], replaced: Set<number>): Edit[] {
  const edits: Edit[] = [];
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
      if (local !== null && replaced.has(local)) edits.push({ at: el.start, end: el.end, text: "" });
      else kept.push({ key: definedNameKey(a.name ?? "", local), start: el.start });
    }
    for (const n of newNames) {
      const before = kept.find((k) => compareKeys(k.key, n.key) > 0);
      const at = before ? before.start : dnSpan.contentEnd;
      edits.push({ at, end: at, text: n.xml });
    }
  } else if (newNames.length > 0) {
    const body = newNames.map((n) => n.xml).join("");
    if (dnSpan) edits.push(insertAtEnd(dnSpan, p + "definedNames", body));
    else {
      const at = definedNamesPlace(wbXml, p, sheetsSpan);
      edits.push({ at, end: at, text: `<${p}definedNames>${body}</${p}definedNames>` });
    }
  }
  return edits;
}

/** Where a workbook without <definedNames> gets one. */
function definedNamesPlace(wbXml: string, p: string, sheetsSpan: ElementSpan): number {
  // CT_Workbook: sheets, functionGroups?, externalReferences?, definedNames?, calcPr? …
  let at = sheetsSpan.end;
  for (const after of ["functionGroups", "externalReferences"]) {
    const el = findElement(wbXml, p + after);
    if (el && el.end > at) at = el.end;
  }
  return at;
}

/** xl/_rels/workbook.xml.rels: the replaced tabs' relationships out, our tabs' (and a new styles part's) in. */
function editWorkbookRels(
  relsXml: string,
  wbDir: string,
  newTabs: NewTab[],
  removedRelIds: Set<string>,
  stylesPart: { path: string; relId: string } | null,
): string {
  const rp = rootPrefix(relsXml, "Relationships") ?? "";
  const edits: Edit[] = [];
  const relsRoot = findElement(relsXml, rp + "Relationships");
  if (!relsRoot) throw corrupt("arbetsbokens relationer går inte att tolka", "the workbook's relationships cannot be read");
  for (const el of findElements(relsXml, rp + "Relationship", relsRoot.contentStart, relsRoot.contentEnd)) {
    if (removedRelIds.has(attributes(el.tag).Id ?? "")) edits.push({ at: el.start, end: el.end, text: "" });
  }
  const relTarget = (part: string) => (part.startsWith(wbDir) ? part.slice(wbDir.length) : "/" + part);
  const rel = (id: string, type: string, part: string) =>
    `<${rp}Relationship Id="${id}" Type="${type}" Target="${escapeAttr(relTarget(part))}"/>`;
  let newRels = newTabs.map(({ t }) => rel(t.relId, REL_WORKSHEET, t.path)).join("");
  if (stylesPart) newRels += rel(stylesPart.relId, REL_STYLES, stylesPart.path);
  edits.push(insertAtEnd(relsRoot, rp + "Relationships", newRels));
  return applyEdits(relsXml, edits);
}

/** The content types of the parts this run adds, in the order their overrides are written. */
function newOverrides(newTabs: NewTab[], stylesPath: string | null, added: NewParts): { path: string; type: string }[] {
  const out = newTabs.map(({ t }) => ({ path: t.path, type: CT_WORKSHEET }));
  if (stylesPath) out.push({ path: stylesPath, type: CT_STYLES });
  for (const tp of added.tables) out.push({ path: tp.path, type: CT_TABLE });
  for (const d of added.drawings) out.push({ path: d.path, type: CT_DRAWING });
  for (const c of added.charts) {
    out.push({ path: c.path, type: CT_CHART });
    if (c.shapes) out.push({ path: c.shapes.path, type: CT_USER_SHAPES });
  }
  return out;
}

/** [Content_Types].xml: the overrides of removed parts out, those of the new parts in. */
function editContentTypes(ctXml: string, removedParts: Set<string>, overrides: { path: string; type: string }[]): string {
  const cp = rootPrefix(ctXml, "Types") ?? "";
  const ctRoot = findElement(ctXml, cp + "Types");
  if (!ctRoot) throw corrupt("[Content_Types].xml går inte att tolka", "[Content_Types].xml cannot be read");
  const edits: Edit[] = [];
  for (const el of findElements(ctXml, cp + "Override", ctRoot.contentStart, ctRoot.contentEnd)) {
    const part = (attributes(el.tag).PartName ?? "").replace(/^\//, "").toLowerCase();
    if (removedParts.has(part)) edits.push({ at: el.start, end: el.end, text: "" });
  }
  const added = overrides.map((o) => `<${cp}Override PartName="/${escapeAttr(o.path)}" ContentType="${o.type}"/>`).join("");
  edits.push(insertAtEnd(ctRoot, cp + "Types", added));
  return applyEdits(ctXml, edits);
}

/** The texts of the parts this run adds, in the order they go into the package. */
function newPartTexts(newTabs: NewTab[], added: NewParts, styles: { path: string; text: string } | null): { path: string; text: string }[] {
  const out = newTabs.map(({ t }) => ({ path: t.path, text: t.xml! }));
  for (const r of added.sheetRels) out.push({ path: r.path, text: r.xml });
  for (const tp of added.tables) out.push({ path: tp.path, text: tp.xml });
  for (const d of added.drawings) {
    out.push({ path: d.path, text: d.xml });
    out.push({ path: relsPathOf(d.path), text: d.relsXml });
  }
  for (const c of added.charts) {
    out.push({ path: c.path, text: c.xml });
    if (c.relsXml) out.push({ path: relsPathOf(c.path), text: c.relsXml });
    if (c.shapes) out.push({ path: c.shapes.path, text: c.shapes.xml });
  }
  if (styles) out.push(styles);
  return out;
}

/** A part of the input this run edits: its new text, and the text it had (without one it is always written). */
interface EditedPart {
  part: string;
  text: string;
  was?: string;
}

/**
 * The package's entries: every input part copied raw, in the input's order (an edited one whose
 * text changed is re-encoded, a removed one left out), then the new parts at the end, stamped with
 * the workbook part's time.
 */
function packageEntries(
  wb: XlsxWorkbook,
  edited: EditedPart[],
  removedParts: Set<string>,
  newParts: { path: string; text: string }[],
): ZipEntry[] {
  const stamp = wb.entry(wb.workbookPath)!;
  const encoder = new TextEncoder();
  const changed = new Map<string, string>();
  const originalText = new Map<string, string>();
  for (const e of edited) {
    changed.set(e.part.toLowerCase(), e.text);
    if (e.was !== undefined) originalText.set(e.part.toLowerCase(), e.was);
  }
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
  for (const p of newParts) out.push(makeEntry(p.path, encoder.encode(p.text), stamp.modTime, stamp.modDate));
  return out;
}

/** An edit that appends `text` as the last children of the root element (expanding `<Root/>`). */
export function insertAtEnd(root: ElementSpan, qname: string, text: string): Edit {
  if (root.contentStart === root.end)
    return { at: root.start, end: root.end, text: `${root.tag.replace(/\s*\/>$/, ">")}${text}</${qname}>` };
  return { at: root.contentEnd, end: root.contentEnd, text };
}
