// What the browser tests share: Debian's Chromium driven by playwright-core (never a downloaded
// browser), the built dist/ served on loopback by the same tiny server as `npm start`, and a guard
// that fails a test on any request to an origin other than the page's own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIST, ROOT, WEB_INPUTS, serveDist, stale } from "../../scripts/start.js";

/** Debian's Chromium; MALKOLL_CHROMIUM only to try the skip and fail paths (e.g. =/nonexistent). */
export const CHROMIUM = process.env.MALKOLL_CHROMIUM ?? "/usr/bin/chromium";
export const INSTALL = "apt-get install -y chromium";
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const hasChromium = existsSync(CHROMIUM);
export const inCI = !!process.env.CI && !["false", "0"].includes(process.env.CI.toLowerCase());

/**
 * `describe` for tests that need Chromium. With /usr/bin/chromium: the tests run. Without it and
 * outside CI: they are skipped, the reason in each skipped test's name and on the console, so a
 * developer sees what to install. Without it in CI (CI=true): they fail, because .ci/run installs it.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium) return describe(name, body);
  if (inCI) {
    return describe(name, () => {
      test(`needs Chromium at ${CHROMIUM}`, () => {
        throw new Error(`No Chromium at ${CHROMIUM}: CI must install it (${INSTALL}); .ci/run does.`);
      });
    });
  }
  // Skipped on purpose, with its reason: no Chromium on this machine and not in CI.
  // eslint-disable-next-line no-console -- the skip is said aloud, with the command that ends it
  console.warn(`Browser tests "${name}" skipped: no Chromium at ${CHROMIUM}. Install it with: ${INSTALL}`);
  // eslint-disable-next-line jest/no-disabled-tests -- only outside CI, named with its install command
  describe.skip(`${name} [skipped: no ${CHROMIUM}; install it with \`${INSTALL}\`]`, body);
}

/** Build dist/ (webpack, production) when preview.html is missing or older than any source. */
export function ensureBuilt(): void {
  if (!stale("dist/preview.html", WEB_INPUTS)) return;
  // One build at a time across Jest's workers: the first takes the lock, the others wait for it.
  const lock = join(tmpdir(), `malkoll-build-${createHash("sha1").update(ROOT).digest("hex").slice(0, 12)}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmdirSync(lock); // left by a killed run
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`Waited 10 minutes for another build (lock ${lock}).`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000); // a second, synchronously
    }
  }
  try {
    if (!stale("dist/preview.html", WEB_INPUTS)) return;
    const webpack = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
    const r = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`The build for the browser tests failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
  if (!existsSync(join(DIST, "preview.html"))) throw new Error("The build made no dist/preview.html.");
}

export interface Served {
  origin: string;
  close(): Promise<unknown>;
}

/** dist/ on an ephemeral loopback port. */
export async function serve(): Promise<Served> {
  const server = await serveDist({ port: 0 });
  return { origin: `http://127.0.0.1:${server.port}`, close: server.close };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Chromium refuses its sandbox as root (CI containers run as root).
    chromiumSandbox: process.getuid?.() !== 0,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
  /** Requests to another origin (refused, and a failure: the workbook must stay on the machine). */
  foreign: string[];
}

/**
 * A page whose requests are all recorded; anything not to `origin` (or a data:/blob: URL of the
 * page itself) is refused and listed in `foreign`, which each test asserts is empty.
 */
export async function guardedPage(
  browser: Browser,
  origin: string,
  opts: { width?: number; height?: number; locale?: string } = {},
): Promise<Guarded> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: opts.locale ?? "sv-SE",
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const foreign: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isOwn(url, origin)) return route.continue();
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  // Requests the router does not see (e.g. a WebSocket) are recorded here too.
  page.on("websocket", (ws) => foreign.push(ws.url()));
  return { context, page, requests, foreign };
}

export function isOwn(url: string, origin: string): boolean {
  if (url.startsWith("data:")) return true;
  if (url.startsWith("blob:")) return url.slice(5).startsWith(origin + "/");
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** A browser suite's shared setup, from useBrowser(). */
export interface BrowserSession {
  /** The served dist/'s origin, e.g. "http://127.0.0.1:41234". */
  readonly origin: string;
  /** A guarded page for this test; after the test its context closes and its foreign requests must be none. */
  open(opts?: { width?: number; height?: number; locale?: string }): Promise<Guarded>;
}

/**
 * The setup every browser suite shares: the built dist/ served on loopback, one Chromium, and per
 * test a guarded page whose requests to any other origin fail the test (patient data stays local).
 */
export function useBrowser(): BrowserSession {
  let server: Served | undefined;
  let browser: Browser | undefined;
  let current: Guarded | null = null;
  beforeAll(async () => {
    ensureBuilt();
    [server, browser] = await Promise.all([serve(), launch()]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const foreign = current?.foreign ?? [];
    await current?.context.close();
    current = null;
    expect(foreign).toEqual([]);
  });
  return {
    get origin() {
      return server!.origin;
    },
    open: async (opts) => (current = await guardedPage(browser!, server!.origin, opts)),
  };
}
