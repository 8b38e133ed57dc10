// `npm start` on a machine without Excel: the run on the sample, then the preview on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { ROOT, excelInstalled, serveDist } from "../../scripts/start.js";
import { describeInBrowser, ensureBuilt, guardedPage, launch } from "./harness";
import { runButton } from "./previewPage";

/** GET (or another method) on loopback: status, headers and body. */
function fetchLocal(
  port: number,
  path: string,
  method = "GET",
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the static server npm start uses", () => {
  const base = mkdtempSync(join(tmpdir(), "malkoll-serve-"));
  const root = join(base, "dist");
  mkdirSync(join(root, "node"), { recursive: true });
  writeFileSync(join(root, "preview.html"), "<p>preview</p>");
  writeFileSync(join(root, "node", "main.js"), "secret");
  writeFileSync(join(base, "outside.txt"), "outside");
  let server: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    server = await serveDist({ port: 0, root });
  });
  afterAll(() => server.close());

  test("serves dist's files, sends / to the preview, and nothing outside dist/ or of the CLI", async () => {
    expect(await fetchLocal(server.port, "/preview.html")).toMatchObject({
      status: 200,
      body: "<p>preview</p>",
      headers: { "content-type": "text/html; charset=utf-8" },
    });
    expect(await fetchLocal(server.port, "/")).toMatchObject({ status: 302, headers: { location: "/preview.html" } });
    expect((await fetchLocal(server.port, "/../outside.txt")).status).toBe(404);
    expect((await fetchLocal(server.port, "/%2e%2e/outside.txt")).status).toBe(404);
    expect((await fetchLocal(server.port, "/node/main.js")).status).toBe(404);
    expect((await fetchLocal(server.port, "/missing.js")).status).toBe(404);
    expect((await fetchLocal(server.port, "/preview.html", "POST")).status).toBe(405);
  });
});

test("Excel desktop is looked for where Office installs it; Linux never has it", () => {
  const at = (file: string) => (p: string) => p === file;
  expect(excelInstalled("linux", () => true)).toBe(false);
  expect(excelInstalled("darwin", at("/Applications/Microsoft Excel.app"))).toBe(true);
  expect(excelInstalled("darwin", () => false)).toBe(false);
  const win = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";
  expect(excelInstalled("win32", (p) => p.replace(/\//g, "\\") === win, { ProgramFiles: "C:\\Program Files" })).toBe(true);
  expect(excelInstalled("win32", () => false, {})).toBe(false);
});

describeInBrowser("npm start without Excel", () => {
  let browser: Browser;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    ensureBuilt();
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    child?.kill("SIGTERM");
    await browser?.close();
  });

  test("prints the sample's figures, serves the preview on localhost, and its first screen shows the sample's sheets", async () => {
    child = spawn(process.execPath, [join(ROOT, "scripts", "start.js"), "--preview"], { cwd: ROOT, env: { ...process.env, PORT: "0" } });
    let said = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL in 5 minutes:\n${said}`)), 300_000);
      child!.stdout!.on("data", (d) => {
        said += d;
        const m = /http:\/\/localhost:\d+\/preview\.html/.exec(said);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child!.stderr!.on("data", (d) => (said += d));
      child!.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${said}`)));
    });
    // The CLI's run on the sample came first: its figures are in the terminal.
    const terminal = /Förstabesök – andel väntande inom 90 dagar .*: (\d+,\d\s%)/.exec(said);
    expect(terminal).not.toBeNull();
    const g = await guardedPage(browser, new URL(url).origin);
    try {
      await g.page.goto(url);
      await g.page.getByRole("listitem", { name: "Väntande", exact: true }).waitFor();
      await g.page.getByRole("listitem", { name: "Nämndens uppdrag", exact: true }).waitFor();
      // Run as a new user does, without typing a date: the preview finds the same measurement date
      // as the terminal's run (the sample's own), so it shows the same first-visit share.
      await runButton(g.page).click();
      const firstVisit = g.page.getByRole("listitem", { name: "Förstabesök (väntande)", exact: true });
      await firstVisit.waitFor();
      expect(await firstVisit.textContent()).toContain(terminal![1]);
      expect(g.foreign).toEqual([]);
    } finally {
      await g.context.close();
    }
  }, 400_000);
});
