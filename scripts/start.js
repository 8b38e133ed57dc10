#!/usr/bin/env node
// `npm start`: Målkoll's main job on every machine.
//
// - Windows or Mac with Excel desktop installed: sideload the add-in into Excel, as before
//   (`npx office-addin-debugging start manifest.xml`, i.e. `npm run start:excel`).
// - Anywhere else (Linux, CI, a machine without Excel): build what is stale, run the CLI on the
//   bundled sample so the terminal shows the figures, then serve dist/ on http://localhost:<port>/
//   (loopback only) and print the preview's address: the task pane in the browser, on the sample.
//
//   npm start                    # as above; PORT=8080 npm start for another port
//   npm start -- --preview       # the preview even where Excel is installed
//   npm start -- --excel         # sideload even where no Excel was found
//
// Plain Node on purpose (no ts-node, no dependency): it must run right after `npm install`.
"use strict";
const { spawnSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const DEFAULT_PORT = 3001; // 3000 is the add-in's https dev server

/** Where Excel desktop lives when it is installed (Microsoft 365 / Office 2016+ Click-to-Run and MSI). */
function excelInstalled(platform = process.platform, exists = fs.existsSync, env = process.env) {
  if (platform === "darwin") return exists("/Applications/Microsoft Excel.app");
  if (platform !== "win32") return false;
  const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], "C:\\Program Files", "C:\\Program Files (x86)"].filter(Boolean);
  const tails = [
    "Microsoft Office\\root\\Office16\\EXCEL.EXE",
    "Microsoft Office\\Office16\\EXCEL.EXE",
    "Microsoft Office\\root\\Office15\\EXCEL.EXE",
    "Microsoft Office\\Office15\\EXCEL.EXE",
  ];
  return roots.some((r) => tails.some((t) => exists(path.join(r, t))));
}

/** The newest modification time under the given files and folders (0 when none exists). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(path.join(ROOT, p));
  return newest;
}

/** True when `output` is missing or older than any of `inputs`. */
function stale(output, inputs) {
  let built;
  try {
    built = fs.statSync(path.join(ROOT, output)).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > built;
}

/** What the web build is made of: dist/preview.html is older than any of them → rebuild. */
const WEB_INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json", "tsconfig.json"];
const CLI_INPUTS = ["src", "tsconfig.cli.json", "tsconfig.json", "package.json"];

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) {
    console.error(`npm start: ${what} failed (${[cmd, ...args].join(" ")}).`);
    process.exit(r.status || 1);
  }
}
const bin = (name) => path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

/** The CLI (dist/node) and the pages (dist/*.html), each rebuilt only when a source is newer. */
function buildIfStale() {
  if (stale("dist/node/src/cli/main.js", CLI_INPUTS)) {
    console.log("Bygger kommandoradsverktyget (tsc) …");
    run(bin("tsc"), ["-p", "tsconfig.cli.json"], "the CLI build");
  }
  if (stale("dist/preview.html", WEB_INPUTS)) {
    console.log("Bygger tillägget och förhandsvisningen (webpack, någon minut) …");
    run(bin("webpack"), ["--mode", "production"], "the add-in build");
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A tiny static file server for dist/: GET and HEAD only, nothing outside the folder (and not the
 * CLI in dist/node), "/" → the preview. For loopback use while trying Målkoll; the add-in itself
 * is served over https by whatever host a region deploys it to.
 */
function createStaticServer(root = DIST) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      return send(400, "Bad request\n");
    }
    if (pathname === "/") return send(302, "", { Location: "/preview.html" });
    const file = path.resolve(base, "." + pathname);
    if (!file.startsWith(base + path.sep) || pathname.includes("\0") || /^[\\/]node([\\/]|$)/.test(file.slice(base.length)))
      return send(404, "Not found\n");
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(404, "Not found\n");
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
}

const listen = (server, port, host) =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });

/**
 * Serve dist/ on loopback: 127.0.0.1 on `port` (the next free one when it is taken; 0 = any), and
 * ::1 on the same port where the machine has IPv6, so http://localhost:<port>/ works either way.
 */
async function serveDist({ port = DEFAULT_PORT, root = DIST } = {}) {
  const servers = [];
  let bound;
  for (let p = port, tries = 0; ; p++, tries++) {
    const v4 = createStaticServer(root);
    try {
      bound = await listen(v4, p, "127.0.0.1");
      servers.push(v4);
      break;
    } catch (e) {
      if (e.code !== "EADDRINUSE" || port === 0 || tries >= 20) throw e;
    }
  }
  const v6 = createStaticServer(root);
  try {
    await listen(v6, bound, "::1");
    servers.push(v6);
  } catch {
    // No IPv6 loopback here: 127.0.0.1 alone serves localhost.
  }
  return { port: bound, close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(() => r())))) };
}

async function main(argv = process.argv.slice(2)) {
  const wantPreview = argv.includes("--preview");
  const wantExcel = argv.includes("--excel");
  if (wantExcel || (!wantPreview && excelInstalled())) {
    console.log("Excel finns på datorn: läser in tillägget i Excel (npx office-addin-debugging start manifest.xml) …");
    const child = spawn("npx", ["office-addin-debugging", "start", "manifest.xml"], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    child.on("exit", (code) => process.exit(code ?? 0));
    return;
  }

  buildIfStale();
  // The main job, as the CLI does it, so the terminal shows the figures.
  run(
    process.execPath,
    [
      "bin/malkoll.js",
      "report",
      "assets/sample.xlsx",
      // No --date: the measurement date comes from the sample itself (its title, "väntetidsuttag …
      // 2024-02-05" → 2024-01-31), exactly as the preview below finds it.
      "--out",
      "out/sample-malkoll.xlsx",
      "--json",
      "out/sample-malkoll.json",
    ],
    "the run on the sample",
  );

  const requested = process.env.PORT === undefined ? DEFAULT_PORT : Number(process.env.PORT);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`npm start: PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(2);
  }
  const server = await serveDist({ port: requested });
  console.log("");
  console.log("Förhandsvisningen (aktivitetsfönstret i webbläsaren, på exempelarbetsboken):");
  console.log(`  http://localhost:${server.port}/preview.html`);
  console.log("Bara på den här datorn (loopback); ingen arbetsbok lämnar webbläsaren. Avsluta med Ctrl+C.");
  const stop = () => server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

module.exports = { createStaticServer, serveDist, excelInstalled, stale, newestMtime, WEB_INPUTS, CLI_INPUTS, ROOT, DIST };

if (require.main === module) {
  main().catch((e) => {
    console.error(`npm start: ${e.message}`);
    process.exit(1);
  });
}
