/** @jest-environment jsdom */
// download.html, the pane's fallback where the web view blocks downloads: its words follow
// Office's display language, and the file it receives in pieces is offered under its own name.
import { chunksOf } from "../../src/taskpane/downloadProtocol";

type Handler = (arg: { message: string }) => void;

function openDownloadPage(displayLanguage: string, browserLanguage: string) {
  jest.spyOn(navigator, "language", "get").mockReturnValue(browserLanguage);
  document.body.innerHTML = '<p id="status">…</p>';
  let handler: Handler = () => {};
  const messageParent = jest.fn();
  (globalThis as unknown as { Office: unknown }).Office = {
    EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" },
    context: { displayLanguage, ui: { messageParent, addHandlerAsync: (_: string, h: Handler) => (handler = h) } },
    onReady: (cb: () => void) => {
      cb();
      return Promise.resolve();
    },
  };
  URL.createObjectURL = jest.fn(() => "blob:malkoll");
  // The page runs on load: a fresh copy of the module per test, as each dialog is a fresh page.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.isolateModules(() => require("../../src/taskpane/download"));
  return { send: (m: string) => handler({ message: m }), messageParent, status: document.getElementById("status")! };
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

test("Office in English on a Swedish browser: English words, and the file offered once every piece is in", () => {
  const page = openDownloadPage("en-GB", "sv-SE");
  expect(page.messageParent).toHaveBeenCalledWith("ready");
  expect(page.status.textContent).toBe("Fetching the presentation from Målkoll …");
  expect(document.documentElement.lang).toBe("en");
  const bytes = new Uint8Array(120_000).map((_, i) => i % 251); // three pieces of 48 KB
  const pieces = chunksOf(bytes, "Målkoll 2024-01-31.pptx");
  expect(pieces).toHaveLength(3);
  page.send(pieces[2]);
  page.send(pieces[0]);
  expect(page.status.querySelector("a")).toBeNull();
  page.send(pieces[1]);
  const link = page.status.querySelector("a")!;
  expect(link.textContent).toBe("Save Målkoll 2024-01-31.pptx");
  expect(link.getAttribute("download")).toBe("Målkoll 2024-01-31.pptx");
});

test("Office in Swedish on an English browser: Swedish words", () => {
  const page = openDownloadPage("sv-SE", "en-US");
  expect(page.status.textContent).toBe("Presentationen hämtas från Målkoll …");
  page.send(chunksOf(new Uint8Array([1, 2, 3]), "Målkoll.pptx")[0]);
  expect(page.status.querySelector("a")?.textContent).toBe("Spara Målkoll.pptx");
  expect(document.documentElement.lang).toBe("sv-SE");
});
