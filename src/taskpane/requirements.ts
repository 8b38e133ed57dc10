/**
 * The ExcelApi requirement set Målkoll needs; manifest.xml's <Set Name="ExcelApi" MinVersion> must
 * equal it (test/manifest checks). 1.7 brings worksheet visibility, custom properties and chart
 * APIs the gateway uses; change it here and in the manifest together.
 */
export const EXCEL_API_VERSION = "1.7";

/** The ribbon's "Beräkna" button calls this function of the commands page (manifest FunctionName). */
export const RUN_FUNCTION = "runMalkoll";
