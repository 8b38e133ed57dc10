// Pictures of Målkoll's tables and charts in Excel, for "copy as picture": Range.getImage
// (ExcelApi 1.7) per table section, Chart.getImage (ExcelApi 1.2) per chart. Some platforms lack
// them or throw (Excel on the web has had neither for long stretches); then the pane says so.
//
// Sync budget: one request per tab (every image of the tab queued, then one sync); when that
// sync fails, each image is asked for on its own so that one failing picture does not take the
// others with it.
import type { SheetPlan } from "../../report/plan";
import type { WrittenTab } from "../port";
import type { PictureContext, PictureRunner, PictureSheet } from "./excelApi";
import { realPictureRun } from "./realExcel";

export type { PictureContext, PictureRunner, PictureSheet };

export interface Picture {
  kind: "table" | "chart";
  title: string;
  /** The tab it was taken from. */
  sheetName: string;
  /** "data:image/png;base64,…" */
  src: string;
}

export interface PictureSet {
  pictures: Picture[];
  /** Titles whose picture could not be taken. */
  failed: string[];
  /** Nothing could be taken: the platform does not support pictures of ranges and charts. */
  unsupported: boolean;
}

interface Wanted {
  kind: Picture["kind"];
  title: string;
  sheetName: string;
  take(sheet: PictureSheet): { readonly value: string };
}

/**
 * Pictures of every table section and chart of the written tabs. Charts are matched to the plan's
 * chart specs by position: the gateway adds a tab's charts in the plan's order on a cleared tab.
 */
export function createOfficePictures(run: PictureRunner = realPictureRun) {
  return {
    async pictures(plans: readonly SheetPlan[], written: readonly WrittenTab[]): Promise<PictureSet> {
      const out: PictureSet = { pictures: [], failed: [], unsupported: false };
      let tried = 0;
      for (const plan of plans) {
        const tab = written.find((w) => w.planName === plan.name);
        if (!tab) continue;
        const wanted: Wanted[] = [
          ...(plan.sections ?? []).map((s): Wanted => ({
            kind: "table",
            title: s.title,
            sheetName: tab.sheetName,
            take: (sheet) =>
              sheet.getRangeByIndexes(s.range[0], s.range[1], s.range[2] - s.range[0] + 1, s.range[3] - s.range[1] + 1).getImage(),
          })),
          ...plan.charts.map((c, k): Wanted => ({
            kind: "chart",
            title: c.title,
            sheetName: tab.sheetName,
            take: (sheet) => sheet.charts.getItemAt(k).getImage(),
          })),
        ];
        tried += wanted.length;
        const images = await takeAll(run, tab.sheetName, wanted);
        wanted.forEach((w, k) => {
          const png = images[k];
          if (png) out.pictures.push({ kind: w.kind, title: w.title, sheetName: w.sheetName, src: `data:image/png;base64,${png}` });
          else out.failed.push(w.title);
        });
      }
      out.unsupported = tried > 0 && out.pictures.length === 0;
      return out;
    },
  };
}

/** Every picture of one tab in one sync; if that fails, one by one (null where one fails). */
async function takeAll(run: PictureRunner, sheetName: string, wanted: readonly Wanted[]): Promise<(string | null)[]> {
  if (!wanted.length) return [];
  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const results = wanted.map((w) => w.take(sheet));
      await context.sync();
      return results.map((r) => r.value || null);
    });
  } catch {
    const one: (string | null)[] = [];
    for (const w of wanted) {
      try {
        one.push(
          await run(async (context) => {
            const r = w.take(context.workbook.worksheets.getItem(sheetName));
            // Only after the tab's one batched request failed: each picture on its own, so one bad one
            // does not take the others with it.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
            return r.value || null;
          }),
        );
      } catch {
        one.push(null);
      }
    }
    return one;
  }
}
