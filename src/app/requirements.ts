/**
 * The ExcelApi requirement set Målkoll needs; manifest.xml's <Set Name="ExcelApi" MinVersion> must
 * equal it (test/manifest checks). The gateway (src/hosts/office/index.ts lists each API) needs 1.7
 * for freeze panes and reading its tab markers, 1.6 to suspend recalculation while writing and 1.5
 * for the settings' Custom XML part. Change it here and in the manifest together.
 */
export const EXCEL_API_VERSION = "1.7";

/** The ribbon's "Beräkna" button calls this function of the commands page (manifest FunctionName). */
export const RUN_FUNCTION = "runMalkoll";
