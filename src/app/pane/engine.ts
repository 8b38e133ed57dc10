/**
 * Everything heavy the pane needs, behind one dynamic import: the pipeline (ingest, domain,
 * report) and the run orchestrator. webpack puts this module and what it imports in its own chunk,
 * so the pane's first paint only waits for React and Fluent UI.
 */
export { loadWorkbook, computeAndWrite } from "../runReport";
export { detectSheets } from "../pipeline";
export { readSettings } from "../../model/settingsDoc";
