// Running the CLI in-process on a folder of its own, and what the folder held before and after.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { main } from "../../src/cli/main";
import type { CliFs } from "../../src/cli/files";

export interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** `malkoll …` in-process, with what it printed; `fs` replaces the CLI's file system. */
export async function cli(args: string[], fs?: CliFs): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "malkoll", ...args], { out: (l) => out.push(l), err: (l) => err.push(l), fs });
  return { code, out, err };
}

export const freshDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** Every file and folder under `dir` (hidden ones too), with a hash of each file's bytes. */
export function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const key = relative(dir, p);
      if (statSync(p).isDirectory()) {
        out[key + "/"] = "folder";
        walk(p);
      } else out[key] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** An error as Node's file system throws it. */
export function fsError(code: string, syscall: string, path = ""): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}

/**
 * The one line a refusal is: `malkoll: …`, nothing else on stderr, nothing on stdout, no stack
 * trace; returns the line without the prefix.
 */
export function oneLine(run: Run): string {
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(/^malkoll: \S/);
  expect(run.err[0]).not.toMatch(/\n|\bat .+:\d+:\d+|Error:/);
  expect(run.out).toEqual([]);
  return run.err[0].slice("malkoll: ".length);
}
