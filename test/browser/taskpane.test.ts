// The built task pane outside Office: a message and a way to the preview, never a blank page or an
// exception; and the pane's first load stays free of what only the preview needs.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST } from "../../scripts/start.js";
import { PANE_TEXT } from "../../src/app/texts/pane";
import { describeInBrowser, ensureBuilt, useBrowser } from "./harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The script files a built page loads first (its <script src> tags). */
function firstLoad(html: string): string[] {
  const page = readFileSync(join(DIST, html), "utf8");
  return [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

/** The page's bundles: its local scripts after the ES5 web-view check (test/build checks that one). */
function bundles(html: string): string[] {
  const scripts = firstLoad(html);
  expect(scripts[0]).toBe("webview-check.js");
  return scripts.slice(1);
}

describeInBrowser("taskpane.html outside Office", () => {
  const session = useBrowser();
  jest.setTimeout(60_000);

  /** The pane's page with office.js refused (offline) or replaced by a script of our own. */
  async function openPane(officeJs: string | null, locale = "sv-SE") {
    const g = await session.open({ locale });
    const errors: string[] = [];
    g.page.on("pageerror", (e) => errors.push(e.message));
    // Before the guard: Office.js is the one outside script the pane loads (Microsoft requires its CDN).
    await g.page.route(OFFICE_JS, (route) =>
      officeJs === null ? route.abort("internetdisconnected") : route.fulfill({ contentType: "text/javascript", body: officeJs }),
    );
    await g.page.goto(`${session.origin}/taskpane.html`);
    const alert = g.page.getByRole("alert");
    await alert.waitFor();
    return { page: g.page, alert, errors };
  }

  test("without Office.js (offline, or blocked) it says to open Målkoll from Excel and links to the preview", async () => {
    const { page, alert, errors } = await openPane(null);
    const t = PANE_TEXT.sv;
    expect(await alert.textContent()).toBe(`${t.notInOffice}${t.tryPreview} ${t.previewLink}`);
    const link = page.getByRole("link", { name: t.previewLink });
    await link.click();
    await page.waitForURL(`${session.origin}/preview.html`);
    await page.getByRole("listitem", { name: "Väntande", exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  test("with Office.js loaded in a plain browser (no Office host) it says the same, in the browser's language", async () => {
    // What Office.js does outside Office: onReady resolves with no host, and there is no context.
    const stub =
      "window.Office = { HostType: { Excel: 'Excel' }, onReady(cb) { const info = { host: null, platform: null }; cb && cb(info); return Promise.resolve(info); } };";
    const { alert, errors } = await openPane(stub, "en-GB");
    const t = PANE_TEXT.en;
    expect(await alert.textContent()).toBe(`${t.notInOffice}${t.tryPreview} ${t.previewLink}`);
    expect(errors).toEqual([]);
  });

  test("an Office.js whose onReady throws still ends in the message, not an exception", async () => {
    const stub = "window.Office = { onReady() { return Promise.reject(new Error('no host')); } };";
    const { alert, errors } = await openPane(stub);
    expect(await alert.textContent()).toContain(PANE_TEXT.sv.notInOffice);
    expect(errors).toEqual([]);
  });
});

describe("the pane's first load", () => {
  beforeAll(() => ensureBuilt(), 600_000);

  test("holds neither the .xlsx reader nor its messages, and stays about the size it was (~432 kB minified)", () => {
    const pane = bundles("taskpane.html");
    const preview = bundles("preview.html");
    expect(pane).toHaveLength(1);
    const code = readFileSync(join(DIST, pane[0]), "utf8");
    // Strings only the xlsx adapter has: the OLE stream name and its messages.
    expect(code).not.toContain("EncryptedPackage");
    expect(code).not.toContain("lösenordsskyddad");
    expect(readFileSync(join(DIST, preview[0]), "utf8")).toContain("EncryptedPackage");
    const sizes = Object.fromEntries(
      readdirSync(DIST)
        .filter((f) => f.endsWith(".js"))
        .map((f) => [f, { minified: statSync(join(DIST, f)).size, gzipped: gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length }]),
    );
    // eslint-disable-next-line no-console -- the measured bundle sizes are printed for the stop note
    console.log(
      `First load: pane ${pane.map((f) => `${f} ${JSON.stringify(sizes[f])}`)}; preview ${preview.map((f) => `${f} ${JSON.stringify(sizes[f])}`)} (bytes)`,
    );
    // ~432 kB before the preview existed; the preview's entry carries the reader, the writer and
    // fflate on top of the same React and Fluent UI. A pane near the preview's size means they leaked.
    expect(sizes[pane[0]].minified).toBeLessThan(480_000);
    expect(sizes[preview[0]].minified - sizes[pane[0]].minified).toBeGreaterThan(60_000);
  });
});
