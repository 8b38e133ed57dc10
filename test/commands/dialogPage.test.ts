/** @jest-environment jsdom */
// dialog.html as Office opens it: the page's own words follow Office's display language (known
// once Office.onReady has run), not the browser's.
import { dialogUrl } from "../../src/commands/outcomeDialog";
import type { CommandMessage } from "../../src/app/outcome";

const message: CommandMessage = {
  ok: true,
  title: "Målkoll is done",
  lines: ["1 measure computed; 0 rows could not be used (see Data check)."],
};

/** Office.js in a dialog: onReady resolves once ready, then context.displayLanguage is set. */
function installOffice(displayLanguage: string) {
  const messageParent = jest.fn();
  let ready: () => void = () => {};
  const office = {
    context: { displayLanguage: undefined as string | undefined, ui: { messageParent } },
    onReady: (cb: () => void) =>
      new Promise<void>((resolve) => {
        ready = () => {
          office.context.displayLanguage = displayLanguage;
          cb();
          resolve();
        };
      }),
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  return { messageParent, ready: () => ready() };
}

function openDialogPage(browserLanguage: string) {
  jest.spyOn(navigator, "language", "get").mockReturnValue(browserLanguage);
  document.body.innerHTML = '<div id="dialog"></div>';
  window.location.hash = new URL(dialogUrl("https://malkoll.example/commands.html", message)).hash;
  // The page runs on load: a fresh copy of the module per test, as each dialog is a fresh page.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.isolateModules(() => require("../../src/commands/dialog"));
  return document.getElementById("dialog")!;
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

test("Office in English on a Swedish browser: the button says Close, and closing tells Office", () => {
  const office = installOffice("en-US");
  const root = openDialogPage("sv-SE");
  expect(root.querySelector("button")).toBeNull(); // nothing shown before Office says its language
  office.ready();
  expect(root.querySelector("h1")?.textContent).toBe("Målkoll is done");
  expect(root.querySelector("button")?.textContent).toBe("Close");
  expect(document.documentElement.lang).toBe("en");
  root.querySelector("button")!.click();
  expect(office.messageParent).toHaveBeenCalledWith("close");
});

test("Office in Swedish on an English browser: the button says Stäng", () => {
  const office = installOffice("sv-SE");
  const root = openDialogPage("en-US");
  office.ready();
  expect(root.querySelector("button")?.textContent).toBe("Stäng");
  expect(document.documentElement.lang).toBe("sv-SE");
});

test("without Office.js (the page opened in a browser) it shows at once, in the browser's language", () => {
  const root = openDialogPage("en-GB");
  expect(root.querySelector("button")?.textContent).toBe("Close");
});
