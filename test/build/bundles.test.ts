// The web-view baseline (issue 15): Excel on Mac and iPad runs add-ins in the system's WebKit and
// older Windows builds in EdgeHTML or Trident. Every built script must parse as ES2021 with no regex
// lookbehind, and each page must start with the ES5 check that explains an unsupported web view.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { parse, tokenizer, tokTypes } from "acorn";
import { DIST, ROOT } from "../../scripts/start.js";
import { ensureBuilt } from "../browser/harness";

const CHECK = join(ROOT, "src", "webview", "check.js");
const PAGES = ["taskpane.html", "commands.html", "dialog.html", "download.html", "preview.html"];

/** Regex literals with a lookbehind, which WebKit before Safari 16.4 cannot parse. */
function lookbehinds(src: string): string[] {
  const found: string[] = [];
  for (const t of tokenizer(src, { ecmaVersion: 2021 })) {
    if (t.type === tokTypes.regexp) {
      const { pattern } = (t as unknown as { value: { pattern: string } }).value;
      if (/\(\?<[=!]/.test(pattern)) found.push(pattern.slice(0, 80));
    }
  }
  return found;
}

describe("the built scripts", () => {
  beforeAll(() => ensureBuilt(), 15 * 60_000);

  test("every bundle and chunk parses as ES2021 and has no regex lookbehind", () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const f of scripts) {
      const src = readFileSync(join(DIST, f), "utf8");
      try {
        parse(src, { ecmaVersion: 2021, sourceType: "script" });
      } catch (e) {
        problems.push(`${f}: not ES2021: ${(e as Error).message}`);
        continue;
      }
      for (const p of lookbehinds(src)) problems.push(`${f}: regex lookbehind /${p}/`);
    }
    expect(problems).toEqual([]);
  });

  test("the lookbehind check finds one", () => {
    expect(lookbehinds("var r = /(?<![a-z])x/g, s = '(?<=no)';")).toEqual(["(?<![a-z])x"]);
  });

  test.each(PAGES)("%s runs the ES5 check before any other script", (page) => {
    const html = readFileSync(join(DIST, page), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("webview-check.js");
    expect(scripts.length).toBeGreaterThan(1);
    // Minified by the build, and still ES5 with both languages' texts.
    const built = readFileSync(join(DIST, "webview-check.js"), "utf8");
    expect(() => parse(built, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(built).toContain("Målkoll kan inte starta i den här versionen av Office");
    expect(built).toContain("Målkoll cannot start in this version of Office");
  });
});

describe("the ES5 check (src/webview/check.js)", () => {
  const source = readFileSync(CHECK, "utf8");

  test("parses as ES5", () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse("var f = () => 1;", { ecmaVersion: 5 })).toThrow(); // the parser does hold ES5
  });

  /** A page's minimal DOM; what the check shows ends up in `shown`. */
  function page(opts: { fn: (...a: string[]) => () => unknown; language?: string; office?: unknown }) {
    const nodes: { id?: string; text: string; children: unknown[]; style: Record<string, string>; attrs: Record<string, string> }[] = [];
    const make = () => {
      const n = {
        id: undefined as string | undefined,
        text: "",
        children: [] as unknown[],
        style: {} as Record<string, string>,
        attrs: {} as Record<string, string>,
        set innerHTML(_: string) {
          n.children = [];
        },
        appendChild(c: unknown) {
          n.children.push(c);
        },
        setAttribute(k: string, v: string) {
          n.attrs[k] = v;
        },
      };
      nodes.push(n);
      return n;
    };
    const root = make();
    root.id = "root";
    const body = make();
    const html = make();
    const doc = {
      readyState: "complete",
      body,
      documentElement: html,
      getElementById: (id: string) => nodes.find((n) => n.id === id) ?? null,
      createElement: () => make(),
      createTextNode: (text: string) => ({ text }),
      addEventListener: () => undefined,
    };
    const win: Record<string, unknown> = {
      document: doc,
      navigator: { language: opts.language ?? "sv-SE" },
      Function: opts.fn,
      Promise,
      Uint8Array,
      Office: opts.office,
    };
    runInNewContext(source, { window: win });
    const text = () => {
      const box = doc.getElementById("malkoll-unsupported");
      if (!box) return null;
      const walk = (n: unknown): string =>
        typeof (n as { text?: string }).text === "string" && !(n as { children?: unknown[] }).children
          ? (n as { text: string }).text
          : ((n as { children: unknown[] }).children ?? []).map(walk).join(" ");
      return walk(box).trim();
    };
    return { win, text, root, html };
  }
  // Constructors, as `new window.Function(…)` needs.
  const oldWebView = function () {
    const e = new Error("Unexpected token '?'");
    e.name = "SyntaxError";
    throw e;
  };

  test("a current web view: nothing shown, the pane starts", () => {
    const p = page({
      fn: function (...a: string[]) {
        return Function(...a) as () => unknown;
      },
    });
    expect(p.text()).toBeNull();
    expect(p.win.malkollUnsupported).toBeUndefined();
    expect(p.root.style.display).toBeUndefined();
  });

  test("a web view that cannot parse ES2021: says what to do, in Swedish by default", () => {
    const p = page({ fn: oldWebView });
    expect(p.win.malkollUnsupported).toBe(true);
    expect(p.text()).toMatch(/^Målkoll kan inte starta i den här versionen av Office .*Uppdatera Office.*Excel på webben/);
    expect(p.root.style.display).toBe("none");
    expect(p.html.attrs.lang).toBe("sv-SE");
  });

  test("in English when the browser is English, and when Office's display language is", () => {
    expect(page({ fn: oldWebView, language: "en-GB" }).text()).toMatch(
      /^Målkoll cannot start in this version of Office .*Update Office.*Excel on the web/,
    );
    let ready: (() => void) | undefined;
    const office = { onReady: (cb: () => void) => (ready = cb), context: { displayLanguage: "en-US" } };
    const p = page({ fn: oldWebView, language: "sv-SE", office });
    expect(p.text()).toMatch(/^Målkoll kan inte starta/);
    ready!();
    expect(p.text()).toMatch(/^Målkoll cannot start/);
    expect(p.html.attrs.lang).toBe("en");
  });

  test("a Content-Security-Policy that forbids new Function is not taken for an old web view", () => {
    const csp = function () {
      const e = new Error("Refused to evaluate a string as JavaScript");
      e.name = "EvalError";
      throw e;
    };
    expect(page({ fn: csp }).text()).toBeNull();
  });
});
