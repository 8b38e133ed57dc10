// The CLI as a user runs it: `node bin/malkoll.js`, which runs the build in dist/node that
// `npm run build:cli` (and npm install's prepare) makes.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const BUILT = join(ROOT, "dist/node/src/cli/main.js");

/** The newest modification time of the sources the CLI is built from. */
function newestSource(): number {
  let newest = 0;
  for (const f of readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }))
    if (/\.tsx?$/.test(f)) newest = Math.max(newest, statSync(join(ROOT, "src", f)).mtimeMs);
  return newest;
}

/**
 * Builds the CLI when dist/node is missing or older than a source (a stale build would test old
 * code); otherwise leaves it, so that tests running at the same time never see it rewritten.
 */
export function ensureBuiltCli(): void {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource()) return;
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
}

/** Runs `node bin/malkoll.js …args` from the project's folder. */
export function runBuiltCli(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, "bin/malkoll.js"), ...args], { cwd: ROOT, encoding: "utf8" });
}
