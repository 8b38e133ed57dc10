// A strict, typed in-memory Excel for the office gateway's tests. See api.ts for the semantics.
export { FakeExcel, PAYLOAD_LIMIT, parseAddress, type SyncRecord } from "./api";
export { FakeExcelError } from "./errors";
export { fakeFromGrids, fakeFromXlsx } from "./seed";
export { SheetData, WorkbookData, serialOf } from "./store";
