/// <reference types="office-js" />
// The pane's exports in Excel: the deck handed over by a download or an Office dialog (which needs
// the platform and the dialog API), and pictures through the gateway; loaded on the first export
// click, never with the pane.
import { createOfficePictures } from "../hosts/office/pictures";
import type { SheetPlan } from "../report/plan";
import type { WrittenTab } from "../hosts/port";
import { type Delivery, type DeliveryEnv, PPTX_TYPE, blobDownload, deliver } from "../app/pane/delivery";
import { DOWNLOAD_PAGE, chunksOf } from "./downloadProtocol";

function officeEnv(): DeliveryEnv {
  const platform = String(Office.context?.platform ?? "Browser");
  return {
    platform,
    canDownload: typeof URL.createObjectURL === "function" && "download" in HTMLAnchorElement.prototype,
    canDialog: Office.context?.requirements?.isSetSupported("DialogApi", "1.2") === true,
    download: (bytes, name) => blobDownload(bytes, name, PPTX_TYPE),
    openDialog: openDownloadDialog,
  };
}

export const deliverInOffice = (bytes: Uint8Array, fileName: string): Promise<Delivery> => deliver(bytes, fileName, officeEnv());

export const officePictures = (plans: SheetPlan[], written: WrittenTab[]) => createOfficePictures().pictures(plans, written);

/** The workbook's file name from its URL ("…/Väntetider.xlsx"), when Office knows one. */
export function officeWorkbookName(): string | undefined {
  const url = Office.context?.document?.url;
  if (!url) return undefined;
  const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? "");
  return last || undefined;
}

/**
 * Our small page in an Office dialog: it says "ready", receives the file in pieces through
 * messageChild and offers it as a link (a dialog is a browser window, where downloads work).
 */
function openDownloadDialog(bytes: Uint8Array, fileName: string): Promise<void> {
  const url = new URL(DOWNLOAD_PAGE, window.location.href).href;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded)
        return reject(new Error(`Dialogen kunde inte öppnas: ${result.error.message}`));
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!("message" in arg) || arg.message !== "ready") return;
        for (const message of chunksOf(bytes, fileName)) dialog.messageChild(message);
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
