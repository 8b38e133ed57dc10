/// <reference types="office-js" />
// The one place that touches the global `Excel`: the default runner, and a compile-time proof that
// the real API satisfies the subset in excelApi.ts (if @types/office-js and the subset drift apart,
// `npm run typecheck` fails here).
import type { ExcelRunner } from "./excelApi";

const fits = (run: typeof Excel.run): ExcelRunner => run;

/** The host's `Excel.run`, looked up when called (Office.js may load after this module). */
export const realExcelRun: ExcelRunner = (batch) => fits(Excel.run)(batch);

/** Whether the host has an ExcelApi requirement set beyond the manifest's 1.7 (false outside Office). */
export const realApiSupport = (version: string): boolean => {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
};
