/// <reference types="office-js" />
// The one place that touches the global `Excel`: the default runners (the gateway's and the
// pictures'), and a compile-time proof that the real API satisfies the gateway's subset in
// excelApi.ts (if @types/office-js and the subset drift apart, `npm run typecheck` fails here).
import type { ExcelRunner, PictureContext, PictureRunner } from "./excelApi";

const fits = (run: typeof Excel.run): ExcelRunner => run;

/** The host's `Excel.run`, looked up when called (Office.js may load after this module). */
export const realExcelRun: ExcelRunner = (batch) => fits(Excel.run)(batch);

/** The same for pictures.ts, whose Range.getImage/Chart.getImage are outside the gateway's subset. */
export const realPictureRun: PictureRunner = (batch) => Excel.run((context) => batch(context as unknown as PictureContext));

/** Whether the host has an ExcelApi requirement set beyond the manifest's 1.7 (false outside Office). */
export const realApiSupport = (version: string): boolean => {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
};
