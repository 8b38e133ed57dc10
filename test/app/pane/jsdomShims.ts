/**
 * What a browser has and jsdom lacks, for Fluent UI's positioning (Dropdown popups measure
 * themselves with ResizeObserver). Nothing is laid out in jsdom, so observing does nothing.
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
w.ResizeObserver ??= NoResizeObserver;

// Jest's jsdom environment does not expose structuredClone (browsers and Node do); the settings
// reader uses it. Node's serializer gives the same deep copy of plain data.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8 = require("node:v8") as typeof import("node:v8");
const g = globalThis as unknown as { structuredClone?: <T>(x: T) => T };
g.structuredClone ??= <T>(x: T): T => v8.deserialize(v8.serialize(x)) as T;

// jsdom lays nothing out, so offsetParent is always null, which Fluent's focus manager (tabster)
// reads as display:none and skips every element on Tab. Here every attached element counts as shown.
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement) {
    return this.isConnected ? this.parentElement : null;
  },
});
// It also measures <body> and treats a 0×0 body as a hidden frame: give it the pane's 320 px width.
document.body.getBoundingClientRect = () =>
  ({ x: 0, y: 0, top: 0, left: 0, width: 320, height: 800, right: 320, bottom: 800, toJSON: () => ({}) }) as DOMRect;

// A run in the pane loads the engine and the result views lazily, computes and renders Fluent UI in
// jsdom: about a second alone, longer when the full suite shares the machine's two cores. Testing
// Library's default wait of 1 s then fails a correct pane now and then; wait up to 10 s instead
// (a pane that never shows its result still fails).
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require("@testing-library/react") as typeof import("@testing-library/react")).configure({ asyncUtilTimeout: 10_000 });
