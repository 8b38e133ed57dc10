import type { SheetPlan } from "../../report/plan";
import type { WrittenTab } from "../../hosts/port";
import type { PictureSet } from "../../hosts/office/pictures";

export type { PictureSet };

/**
 * What the pane can do with a run beyond writing tabs, per host: hand a file to the user, and
 * take pictures of the written tables and charts. The Office pane, the preview and the tests each
 * pass their own; the pane itself calls no Office API.
 */
export interface PaneExporter {
  /** Give the user the file: a download where the host allows one, else another way (an Office dialog). */
  deliver(bytes: Uint8Array, fileName: string): Promise<"download" | "dialog">;
  /** Pictures of each written table and chart; null where the host has none (the preview). */
  pictures: ((plans: SheetPlan[], written: WrittenTab[]) => Promise<PictureSet>) | null;
  /** The workbook's file name, for the deck's title when the settings name no region. */
  workbookName?: () => string | undefined | Promise<string | undefined>;
}
