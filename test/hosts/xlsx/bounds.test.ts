// The reader's bounds on hostile and extreme files (issue 14): each failure of the unbounded reader,
// reproduced, with a time and memory bound. The files are read in a child process with a hard time
// limit and a 1 GB heap (boundsCases.ts), because a reader that hangs cannot be stopped from inside
// (the old one looped forever on `…</row></` and grew to 2 GB, and aborted V8 on a long reference).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { CaseResult } from "./boundsCases";

const LIMIT_MS = 90_000;

function runCases(names: string[], env: Record<string, string> = {}): Map<string, CaseResult> {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=1024", "-r", "ts-node/register/transpile-only", join(__dirname, "boundsCases.ts"), ...names],
    { encoding: "utf8", timeout: LIMIT_MS, maxBuffer: 64 << 20, env: { ...process.env, ...env } },
  );
  const results = new Map<string, CaseResult>();
  for (const line of r.stdout.split("\n").filter(Boolean)) {
    const c = JSON.parse(line) as CaseResult;
    results.set(c.name, c);
  }
  const missing = names.filter((n) => !results.has(n));
  if (missing.length)
    throw new Error(
      `no result for ${missing.join(", ")} (${r.signal ?? `exit ${r.status}`}): ${(r.stderr || "").split("\n").slice(-5).join(" ")}`,
    );
  return results;
}

const damaged = (c: CaseResult, detail: RegExp) => {
  expect(c.read).toMatchObject({ ok: false, code: "corrupt" });
  expect((c.read as { message: string }).message).toMatch(/^Filen är skadad/);
  expect((c.read as { message: string }).message).toMatch(detail);
  // The CLI: exit 1 and the reader's one line.
  expect(c.cli.code).toBe(1);
  expect(c.cli.err).toEqual([`malkoll: ${(c.read as { message: string }).message}`]);
};

describe("bounded reading of hostile files", () => {
  let r: Map<string, CaseResult>;
  beforeAll(() => {
    r = runCases([
      "closingTag",
      "sampleCut0",
      "sampleCut1",
      "sampleCut2",
      "sampleCut3",
      "sampleCut4",
      "sampleCut5",
      "stray",
      "strayInTable",
      "pastXfd",
      "longRef",
      "rowPastMax",
      "cellPastMax",
      "rowsPastTheEnd",
      "bomb",
      "bombLying",
      "bombLyingStreamed",
      "overAbsolute",
    ]);
  }, LIMIT_MS + 5000);

  it("refuses sheet XML that ends inside a closing tag (`…</row></`), at once (it used to loop forever)", () => {
    const c = r.get("closingTag")!;
    damaged(c, /slutar mitt i ett element/);
    expect(c.ms).toBeLessThan(1000);
  });

  it("refuses the sample's sheet cut inside a start tag, an attribute, a value, a closing tag or before its cells", () => {
    for (const name of ["sampleCut0", "sampleCut1", "sampleCut2", "sampleCut3", "sampleCut4"]) {
      const c = r.get(name)!;
      damaged(c, /slutar (mitt i ett element|innan dess celler)/);
      expect([name, c.ms < 2000]).toEqual([name, true]);
    }
    // Cut inside </worksheet>, after </sheetData>: every cell is there, and is read.
    const after = r.get("sampleCut5")!;
    expect(after.read).toMatchObject({ ok: true, rows: 6004 });
    expect(after.cli.code).toBe(0);
  });

  it("keeps a stray cell at XFD1048576 beside 40 rows without allocating its empty rows and columns", () => {
    const c = r.get("stray")!;
    // values[1048575] is the stray row, the rows in between are left out, and the table rows are 2 wide.
    expect(c.read).toEqual({ ok: true, rows: 1048576, keys: 41, origin: { row: 0, col: 0 }, widest: 16384 });
    expect(c.ms).toBeLessThan(1000);
    expect(c.heapMb).toBeLessThan(20);
  });

  it("computes a waiting list with a stray cell at XFD1048576 and reports the stray row (rows read = used + excluded + rejected)", () => {
    const c = r.get("strayInTable")!;
    expect(c.cli.code).toBe(0);
    const json = c.cli.json as {
      sources: { sheet: string; rowsRead: number; rowsUsed: number; rowsExcluded: number; rowsRejected: number }[];
      issues: { row: number; reason: string }[];
    };
    const s = json.sources.find((x) => x.sheet === "Väntande")!;
    expect(s).toMatchObject({ rowsRead: 13, rowsUsed: 10, rowsExcluded: 1, rowsRejected: 2 });
    expect(s.rowsRead).toBe(s.rowsUsed + s.rowsExcluded + s.rowsRejected);
    expect(json.issues.map((i) => i.row)).toEqual([15, 1048576]);
    expect(c.heapMb).toBeLessThan(20);
  });

  it("refuses a cell reference past XFD, however long, and a row past 1 048 576", () => {
    damaged(r.get("pastXfd")!, /efter bladets sista kolumn XFD/);
    damaged(r.get("longRef")!, /efter bladets sista kolumn XFD/);
    damaged(r.get("rowPastMax")!, /efter bladets sista rad 1048576/);
    damaged(r.get("cellPastMax")!, /efter bladets sista rad 1048576/);
    const rows = r.get("rowsPastTheEnd")!;
    damaged(rows, /efter bladets sista rad 1048576/);
    expect(rows.ms).toBeLessThan(5000);
  });

  it("refuses a zip bomb (a sheet declared 3.3 GB in 7 MB) before inflating it", () => {
    const c = r.get("bomb")!;
    damaged(c, /packas upp till 507 gånger sin packade storlek, 3\.3 GB; ett äkta kalkylblad packas högst 200 gånger/);
    expect(c.ms).toBeLessThan(100);
  });

  it("refuses a sheet that inflates to more than it declares, once its declared size is passed", () => {
    damaged(r.get("bombLying")!, /har fel storlek/);
    expect(r.get("bombLying")!.ms).toBeLessThan(1000);
    // Declared 200 MB: inflated a piece at a time (fflate) and stopped after 200 MB, in little memory.
    const streamed = r.get("bombLyingStreamed")!;
    damaged(streamed, /har fel storlek/);
    expect(streamed.ms).toBeLessThan(15_000);
    expect(streamed.heapMb).toBeLessThan(20);
  });

  it("refuses a sheet over 1 GiB as too large, before inflating it", () => {
    const c = r.get("overAbsolute")!;
    expect(c.read).toMatchObject({ ok: false, code: "tooLarge" });
    expect((c.read as { message: string }).message).toMatch(
      /^Arbetsboken är för stor.*\(xl\/worksheets\/sheet1\.xml är 1\.5 GB uppackad, gränsen är 1\.0 GB\)$/,
    );
    expect(c.cli).toEqual({ code: 1, err: [`malkoll: ${(c.read as { message: string }).message}`] });
    expect(c.ms).toBeLessThan(100);
  });
});

describe("bounded reading with fflate's streaming inflate (the browser's path)", () => {
  it(
    "reads the sample and refuses the cut sheets the same way",
    () => {
      const r = runCases(["sampleCut2", "sampleCut5", "closingTag", "bombLying"], { MALKOLL_NO_NATIVE_INFLATE: "1" });
      damaged(r.get("sampleCut2")!, /slutar mitt i ett element/);
      damaged(r.get("closingTag")!, /slutar mitt i ett element/);
      damaged(r.get("bombLying")!, /har fel storlek/);
      expect(r.get("sampleCut5")!.read).toMatchObject({ ok: true, rows: 6004 });
    },
    LIMIT_MS,
  );
});
