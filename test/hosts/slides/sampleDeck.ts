import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { DEFAULT_SETTINGS } from "../../../src/model/settings";
import { runPipeline } from "../../../src/app/pipeline";
import type { Lang } from "../../../src/model/lang";

/** The bundled sample through the pipeline on 2024-01-31, as the CLI, the pane and the preview see it. */
export function sampleRun(regionName: string | null = null, lang: Lang = "sv") {
  const wb = openWorkbook(readFileSync(join(__dirname, "../../../assets/sample.xlsx")));
  const grids = wb.sheets.filter((s) => !s.marker).map((s) => wb.readSheet(s.name));
  return runPipeline(grids, { ...DEFAULT_SETTINGS, regionName }, { date: "2024-01-31", lang });
}

/** A .pptx's parts as text, slides in their order (slide1.xml, slide2.xml …). */
export function pptxParts(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]);
  const slideNames = Object.keys(files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const charts = Object.keys(files)
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return { files, text, slides: slideNames.map(text), charts: charts.map(text) };
}

/** The visible text runs of a slide, joined by " | " (a:t elements, XML entities decoded). */
export const runs = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) =>
    m[1]
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  );

/**
 * pptxgenjs loads node:fs and node:https with import() whenever it sees Node (to read image files,
 * which the deck has none of); Jest's module sandbox refuses import() without
 * --experimental-vm-modules. So in Jest it is told it runs elsewhere, as in the browser. The CLI
 * itself (plain Node) is tested through bin/malkoll.js in test/e2e/pptx.libreoffice.test.ts.
 */
export function asInBrowser(): void {
  Object.defineProperty(process, "release", { value: { ...process.release, name: "jest" }, configurable: true });
}
