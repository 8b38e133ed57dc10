/**
 * The pane's views that appear only once the workbook has been read (sheet mappings with their
 * dropdowns, the settings accordion, the result): one lazy chunk, fetched while the workbook is
 * being read, so Fluent's combobox, positioning and accordion code stay out of the first load.
 */
export { SheetList } from "./components/SheetList";
export { SettingsPanel } from "./components/SettingsPanel";
export { ResultView } from "./components/ResultView";
export { ExportPanel } from "./components/ExportPanel";
