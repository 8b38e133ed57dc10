// The CLI's files: checking every path before any work is done, and writing the outputs so that
// nothing is ever half-written.
//
// - Inputs (the workbook, --previous, --config) must be files that can be read.
// - Outputs (--out, --json, --pptx) are checked up front: not a folder, not a device, in a folder
//   that exists or can be made (missing folders are created, as `mkdir -p` would, but only when
//   the run writes, and removed again if the write fails), writable; no two on one file, and none
//   on an input. An existing file is replaced only if Målkoll wrote it (an earlier output: a
//   workbook with one of Målkoll's tabs, the results JSON, a deck Målkoll made) or if it is empty;
//   anything else is refused, so a mistyped --out never destroys someone's workbook.
// - Every output goes to a temporary file beside its target (same folder, so the rename is atomic)
//   and is renamed over the target only when all of them are complete. A failure removes the
//   temporary files: the target is either the new file or left as it was.
//
// Every refusal is a UsageError: one line, in the run's language, exit 2.
import * as nodeFs from "node:fs";
import type { Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { CliTexts } from "../app/texts/cli";
import { openWorkbook } from "../hosts/xlsx/read";
import { inflateEntry, looksLikeZip, readZip } from "../hosts/xlsx/zip";

/** A problem with the command as given (options, files, folders): one line, exit 2. */
export class UsageError extends Error {}

/** The file-system calls the CLI makes; tests replace one to make a write or a rename fail. */
export type CliFs = Pick<
  typeof nodeFs,
  | "statSync"
  | "accessSync"
  | "readFileSync"
  | "realpathSync"
  | "mkdirSync"
  | "rmdirSync"
  | "openSync"
  | "writeSync"
  | "fsyncSync"
  | "closeSync"
  | "renameSync"
  | "unlinkSync"
>;

export const nodeCliFs: CliFs = nodeFs;

/** What an output holds, for telling Målkoll's own earlier file from someone else's. */
export type OutputKind = "workbook" | "json" | "deck";

export interface OutputSpec {
  option: "--out" | "--json" | "--pptx";
  path: string;
  kind: OutputKind;
  /** A file name to suggest when the path is a folder. */
  example?: string;
}

export interface InputSpec {
  /** null for the input itself. */
  option: "--previous" | "--config" | null;
  path: string;
}

/** An output that passed the checks: where it is written, and the folders to make first. */
export interface PlannedOutput extends OutputSpec {
  /** The file written: the path resolved, through a symbolic link to an existing file. */
  target: string;
  /** The folder to create (with its parents) before writing, when it does not exist. */
  missingFolder: string | null;
}

const errCode = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : undefined;

/** An operating-system error in words: the reason for ENOENT, EACCES, … or its code. */
export function whyText(e: unknown, t: CliTexts): string {
  const code = errCode(e);
  return (code && t.why[code]) ?? code ?? (e instanceof Error ? e.message : String(e));
}

/** Whether an error comes from the file system (has an errno code and a system call). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return errCode(e) !== undefined && typeof (e as { syscall?: unknown }).syscall === "string";
}

function statOrNull(fs: CliFs, path: string): Stats | null {
  try {
    return fs.statSync(path);
  } catch (e) {
    if (errCode(e) === "ENOENT" || errCode(e) === "ENOTDIR") return null;
    throw e;
  }
}

/**
 * Checks that an input exists and is a file, before anything is read. `missing` is the line for a
 * file that does not exist (each input has its own).
 */
export function checkInput(spec: InputSpec, missing: (path: string) => string, t: CliTexts, fs: CliFs = nodeCliFs): void {
  let st: Stats | null;
  try {
    st = statOrNull(fs, spec.path);
  } catch (e) {
    throw new UsageError(t.cannotRead(spec.path, whyText(e, t)));
  }
  if (!st) throw new UsageError(missing(spec.path));
  if (st.isDirectory()) throw new UsageError(spec.option ? t.optionIsFolder(spec.option, spec.path) : t.inputIsFolder(spec.path));
}

/** An input's bytes; a file that cannot be read is one line. */
export function readInput(path: string, t: CliTexts, fs: CliFs = nodeCliFs): Buffer {
  try {
    return fs.readFileSync(path);
  } catch (e) {
    throw new UsageError(t.cannotRead(path, whyText(e, t)));
  }
}

/** The same file, whatever the path says: by device and inode when it exists, else by its resolved path. */
function fileKey(fs: CliFs, path: string, st: Stats | null, existingFolder: string): string {
  if (st) return `inode:${st.dev}:${st.ino}`;
  const real = join(fs.realpathSync(existingFolder), relative(existingFolder, resolve(path)));
  return "path:" + (process.platform === "win32" || process.platform === "darwin" ? real.toLowerCase() : real);
}

/** The nearest folder that exists on the way up from `folder`, or a refusal when a file is in the way. */
function existingFolderOf(fs: CliFs, spec: OutputSpec, folder: string, t: CliTexts): string {
  for (let d = folder; ; d = dirname(d)) {
    let st: Stats | null;
    try {
      st = statOrNull(fs, d);
    } catch (e) {
      throw new UsageError(t.cannotWriteIn(spec.option, d, whyText(e, t)));
    }
    if (st?.isDirectory()) return d;
    if (st) throw new UsageError(t.notAFolder(spec.option, spec.path, d));
    if (dirname(d) === d) throw new UsageError(t.cannotWriteIn(spec.option, d, whyText({ code: "ENOENT" }, t)));
  }
}

/** Whether an existing file is one Målkoll wrote (so an output may replace it). */
export function isMalkollsOwn(kind: OutputKind, bytes: Uint8Array): boolean {
  try {
    if (kind === "workbook") return openWorkbook(bytes).sheets.some((s) => s.marker !== undefined);
    if (kind === "json") {
      const doc = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown> | null;
      return (
        typeof doc === "object" &&
        doc !== null &&
        ["careGuarantee", "sources", "issues"].every((k) => Array.isArray(doc[k])) &&
        "measurementDate" in doc
      );
    }
    if (!looksLikeZip(bytes)) return false;
    const app = readZip(bytes).find((e) => e.name.toLowerCase() === "docprops/app.xml");
    return app !== undefined && /<Company>Målkoll<\/Company>/.test(new TextDecoder().decode(inflateEntry(app)));
  } catch {
    return false;
  }
}

/**
 * Checks every output before any work is done, in this order: each is a place a file can be
 * written; no two outputs are one file and none is an input; an existing file is Målkoll's own.
 * Returns where each is written.
 */
export function planOutputs(outputs: OutputSpec[], inputs: InputSpec[], t: CliTexts, fs: CliFs = nodeCliFs): PlannedOutput[] {
  const planned: (PlannedOutput & { key: string; exists: Stats | null })[] = [];
  for (const spec of outputs) {
    const abs = resolve(spec.path);
    let st: Stats | null;
    try {
      st = statOrNull(fs, abs);
    } catch (e) {
      throw new UsageError(t.cannotWriteIn(spec.option, dirname(abs), whyText(e, t)));
    }
    if (st?.isDirectory()) throw new UsageError(t.outIsFolder(spec.option, spec.path, spec.example ? join(spec.path, spec.example) : null));
    if (st && !st.isFile()) throw new UsageError(t.notRegularFile(spec.option, spec.path));
    const target = st ? fs.realpathSync(abs) : abs;
    const folder = existingFolderOf(fs, spec, dirname(target), t);
    try {
      fs.accessSync(folder, nodeFs.constants.W_OK | nodeFs.constants.X_OK);
    } catch (e) {
      throw new UsageError(t.cannotWriteIn(spec.option, folder, whyText(e, t)));
    }
    const missingFolder = folder === dirname(target) ? null : dirname(target);
    planned.push({ ...spec, target, missingFolder, key: fileKey(fs, target, st, folder), exists: st });
  }
  for (const [i, a] of planned.entries()) {
    for (const b of planned.slice(0, i)) if (a.key === b.key) throw new UsageError(t.samePath(b.option, a.option, a.path));
    for (const input of inputs) {
      const st = statOrNull(fs, input.path);
      if (st && a.key === `inode:${st.dev}:${st.ino}`) throw new UsageError(t.outIsInput(a.option, input.option, a.path));
    }
  }
  for (const p of planned) {
    if (!p.exists || p.exists.size === 0) continue;
    if (!isMalkollsOwn(p.kind, readInput(p.target, t, fs))) throw new UsageError(t.notOurs(p.option, p.path));
  }
  return planned.map(({ key: _key, exists: _exists, ...p }) => p);
}

/** A temporary file beside the target: hidden, and named so that it is plainly Målkoll's. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.malkoll-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

function writeWhole(fs: CliFs, path: string, data: Uint8Array): void {
  const fd = fs.openSync(path, "wx", 0o666);
  try {
    for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the outputs: each to a temporary file beside its target, then, when all are complete,
 * each renamed over its target. On a failure every temporary file and every folder this made is
 * removed, and the failure is one line naming the output.
 */
export function writeOutputs(files: { output: PlannedOutput; data: string | Uint8Array }[], t: CliTexts, fs: CliFs = nodeCliFs): void {
  const temps: string[] = [];
  const madeFolders: string[] = [];
  let current: PlannedOutput | null = null;
  try {
    for (const { output, data } of files) {
      current = output;
      if (output.missingFolder && statOrNull(fs, output.missingFolder) === null) {
        const first = fs.mkdirSync(output.missingFolder, { recursive: true });
        if (first) madeFolders.push(...foldersBetween(first, output.missingFolder));
      }
      const temp = tempPathFor(output.target);
      temps.push(temp);
      writeWhole(fs, temp, typeof data === "string" ? new TextEncoder().encode(data) : data);
    }
    for (const [i, { output }] of files.entries()) {
      current = output;
      fs.renameSync(temps[i], output.target);
      temps[i] = "";
    }
  } catch (e) {
    for (const temp of temps) if (temp) ignoreErrors(() => fs.unlinkSync(temp));
    for (const folder of madeFolders.reverse()) ignoreErrors(() => fs.rmdirSync(folder));
    if (current === null) throw e;
    throw new UsageError(t.writeFailed(current.option, current.path, whyText(e, t)));
  }
}

/** `first` and every folder under it down to `last` (mkdirSync's first created folder, and the deepest). */
function foldersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = resolve(last); d.length >= resolve(first).length && d !== dirname(d); d = dirname(d)) out.unshift(d);
  return out;
}

function ignoreErrors(f: () => void): void {
  try {
    f();
  } catch {
    // a temporary file or folder already gone
  }
}
