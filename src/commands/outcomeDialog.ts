/// <reference types="office-js" />
import type { CommandMessage } from "../app/outcome";

/** Office ends a function command after about five minutes; give up waiting on the dialog before that. */
export const DIALOG_WAIT_MS = 4 * 60 * 1000;

/** The message travels in the URL's fragment, which browsers never send to the server. */
export const dialogUrl = (base: string, message: CommandMessage): string =>
  `${new URL("dialog.html", base).href}#${encodeURIComponent(JSON.stringify(message))}`;

/**
 * Excel gives add-ins no notification API, so the ribbon command opens a small dialog (dialog.html)
 * that shows the message. Resolves when the user closes it (or the dialog could not be opened, or
 * after DIALOG_WAIT_MS): the function command must not complete before, or Office closes the dialog.
 */
export function showOutcomeDialog(
  message: CommandMessage,
  ui: Pick<Office.UI, "displayDialogAsync">,
  base: string,
  waitMs = DIALOG_WAIT_MS,
): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    try {
      ui.displayDialogAsync(dialogUrl(base, message), { height: 35, width: 30, displayInIframe: true }, (result) => {
        if (result.error || !result.value) return done(); // e.g. a dialog already open, or a blocked pop-up
        const dialog = result.value;
        timer = setTimeout(() => {
          dialog.close();
          done();
        }, waitMs);
        // Office.EventType's runtime values, spelled out so this module needs no global Office in tests.
        // "close" from the dialog's button; DialogEventReceived when the user closes it with ×.
        dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, () => {
          dialog.close();
          done();
        });
        dialog.addEventHandler("dialogEventReceived" as unknown as Office.EventType, done);
      });
    } catch {
      done();
    }
  });
}
