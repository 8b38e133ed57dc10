// The CLI as a user runs it: `node bin/malkoll.js`, which runs the build in dist/node that
// `npm run build:cli` (and npm install's prepare) makes.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { CLI_INPUTS, ROOT, stale } from "../../scripts/start.js";

/**
 * Builds the CLI when dist/node is missing or older than its sources (`npm start`'s own rule), so
 * a stale build never tests old code; a current one is left alone, so that tests running at the
 * same time never see it rewritten.
 */
export function ensureBuiltCli(): void {
  if (!stale("dist/node/src/cli/main.js", CLI_INPUTS)) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
}

/** Runs `node bin/malkoll.js …args` from the project's folder. */
export function runBuiltCli(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, "bin/malkoll.js"), ...args], { cwd: ROOT, encoding: "utf8" });
}
