/** @jest-environment jsdom */
import { dialogUrl, showOutcomeDialog } from "../../src/commands/outcomeDialog";
import { readMessage, renderMessage } from "../../src/commands/dialog";
import type { CommandMessage } from "../../src/app/outcome";

const message: CommandMessage = {
  ok: true,
  title: "Målkoll är klar",
  lines: ["2 mått beräknade; 1 rad kunde inte användas (se Datakontroll).", "Förstabesök (väntande): 83,3\u00a0%, uppfylls delvis"],
};
const BASE = "https://malkoll.region.example/addin/commands.html";

type Handler = (arg: unknown) => void;
/** Office.context.ui with one dialog whose events the test fires. */
function fakeUi(opens = true) {
  const handlers = new Map<string, Handler>();
  const dialog = { close: jest.fn(), addEventHandler: (type: string, h: Handler) => void handlers.set(type, h) };
  const urls: string[] = [];
  const ui = {
    displayDialogAsync: jest.fn((url: string, _options: unknown, callback: (r: unknown) => void) => {
      urls.push(url);
      callback(
        opens ? { status: "succeeded", value: dialog } : { status: "failed", error: { code: 12007, message: "A dialog is already open" } },
      );
    }),
  };
  return { ui: ui as unknown as Pick<Office.UI, "displayDialogAsync">, dialog, handlers, urls };
}
const settled = async (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);

test("the message travels in the URL fragment of dialog.html beside the commands page, never in the query", () => {
  const url = dialogUrl(BASE, message);
  expect(url.startsWith("https://malkoll.region.example/addin/dialog.html#")).toBe(true);
  expect(new URL(url).search).toBe("");
  expect(readMessage(new URL(url).hash)).toEqual(message);
});

test("a garbled fragment reads as no message", () => {
  expect(readMessage("#%7Bnot json")).toBeNull();
  expect(readMessage("")).toBeNull();
});

test("the dialog page shows the title, each line and a focused close button", () => {
  const root = document.createElement("div");
  document.body.append(root);
  const onClose = jest.fn();
  renderMessage(root, message, "Stäng", onClose);
  expect(root.querySelector("h1")?.textContent).toBe("Målkoll är klar");
  expect(Array.from(root.querySelectorAll("p")).map((p) => p.textContent)).toEqual(message.lines);
  const button = root.querySelector("button")!;
  expect(document.activeElement).toBe(button);
  button.click();
  expect(onClose).toHaveBeenCalledTimes(1);
});

test("waiting on the dialog ends when the user closes it with ×", async () => {
  const { ui, handlers, urls } = fakeUi();
  const shown = showOutcomeDialog(message, ui, BASE);
  expect(urls[0]).toBe(dialogUrl(BASE, message));
  expect(await settled(shown)).toBe(false);
  handlers.get("dialogEventReceived")!({ error: 12006 });
  expect(await settled(shown)).toBe(true);
});

test("the dialog's Stäng button closes it and ends the wait", async () => {
  const { ui, dialog, handlers } = fakeUi();
  const shown = showOutcomeDialog(message, ui, BASE);
  handlers.get("dialogMessageReceived")!({ message: "close" });
  expect(await settled(shown)).toBe(true);
  expect(dialog.close).toHaveBeenCalledTimes(1);
});

test("a dialog that cannot open does not keep the command waiting", async () => {
  const { ui } = fakeUi(false);
  expect(await settled(showOutcomeDialog(message, ui, BASE))).toBe(true);
});

test("a dialog nobody closes is closed before Office's time limit for a command", async () => {
  const { ui, dialog } = fakeUi();
  const shown = showOutcomeDialog(message, ui, BASE, 30);
  expect(await settled(shown)).toBe(false);
  await new Promise((r) => setTimeout(r, 40));
  expect(await settled(shown)).toBe(true);
  expect(dialog.close).toHaveBeenCalledTimes(1);
});
