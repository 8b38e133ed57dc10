// Reads a sheet's used range in row chunks that keep each response under the payload budget.
import type { Cell, SheetGrid } from "../../model/cells";
import { rangeAddress, topLeftOf } from "./address";
import type { RequestContext } from "./excelApi";
import { queueDateSystem, rowIn1900 } from "./dateSystem";
import { jsonBytes, PAYLOAD_BUDGET } from "./payload";

/** The first chunk is sized on a pessimistic 64 bytes per cell in a quarter of the budget, capped at 1000 rows. */
export function firstChunkRows(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(PAYLOAD_BUDGET / 4 / (Math.max(1, columns) * 64))));
}

/**
 * Later chunks from the largest bytes per row seen so far, aiming at two thirds of the budget so
 * that rows up to 1.5 times longer than any seen still fit.
 */
export function nextChunkRows(bytesPerRow: number): number {
  return Math.max(1, Math.floor(PAYLOAD_BUDGET / 1.5 / Math.max(1, bytesPerRow)));
}

/** Excel's error codes when a request or response is over the host's limit. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Excel returns "" for an empty cell; ingest expects null. */
const cellOf = (v: unknown): Cell => (v === "" || v === undefined ? null : (v as Cell));

/**
 * Values and number formats (to tell 0.706 shown as "70.6%" from 70.6) of the used range, values
 * only (a formatted but empty tail is not read). Syncs: one for the used range (which also asks the
 * workbook's date system), one per chunk. In a 1904 workbook the grid says so and its date-formatted
 * numbers are 1900 serials, as the .xlsx reader gives them (model/cells.ts).
 */
export async function readUsedCells(
  context: RequestContext,
  name: string,
  onRows?: (done: number, total: number) => void,
): Promise<SheetGrid> {
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount");
  const system = queueDateSystem(context);
  await context.sync();
  const system1904 = system() ? ({ date1904: true } as const) : {};
  if (used.isNullObject) {
    onRows?.(0, 0);
    return { name, values: [], formats: [], origin: { row: 0, col: 0 }, ...system1904 };
  }
  const dateFormats = system1904.date1904 ? new Map<string, boolean>() : null;
  const origin = topLeftOf(used.address);
  const rows = used.rowCount;
  const cols = used.columnCount;
  const values: Cell[][] = new Array(rows);
  const formats: (string | null)[][] = new Array(rows);
  onRows?.(0, rows);
  let bytesPerRow = 0;
  let size = firstChunkRows(cols);
  for (let done = 0; done < rows;) {
    const n = Math.min(size, rows - done);
    const chunk = sheet
      .getRange(rangeAddress(origin.row + done, origin.col, origin.row + done + n - 1, origin.col + cols - 1))
      .load("values,numberFormat");
    try {
      // One sync per chunk on purpose: each chunk's size follows the bytes per row the last one measured,
      // so that no response passes Excel on the web's 5 MB limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // Rows far longer than any seen so far: halve and try again, rather than fail the whole read.
      if (isPayloadTooLarge(e) && n > 1) {
        size = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const v = chunk.values;
    const f = chunk.numberFormat;
    for (let i = 0; i < n; i++) {
      const row = v[i].map(cellOf);
      const fmts = f[i].map((x: unknown) => (typeof x === "string" ? x : null));
      values[done + i] = dateFormats ? rowIn1900(row, fmts, dateFormats) : row;
      formats[done + i] = fmts;
    }
    bytesPerRow = Math.max(bytesPerRow, (jsonBytes(v) + jsonBytes(f)) / n);
    size = nextChunkRows(bytesPerRow);
    done += n;
    onRows?.(done, rows);
  }
  return { name, values, formats, origin, ...system1904 };
}
