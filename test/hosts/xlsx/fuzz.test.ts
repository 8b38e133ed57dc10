// Fuzzing the .xlsx reader and the CLI with mutations of real workbooks (issue 14): the sample and a
// small ExcelJS-built waiting list, truncated anywhere (inside a tag, the zip directory, a deflate
// stream), their sheet XML cut or with bytes flipped (inflated, flipped and re-zipped, so the zip is
// sound and the XML is not), huge numbers in r= and <dimension ref>, parts duplicated, random zip
// entries added. Whatever the file, the reader (openWorkbook + readSheet, and readSheetAsync with the
// same outcome) and the CLI's main() end
// within a time bound and never throw past the CLI's handler; the CLI answers 0, 1 or 2, a file it
// cannot read with one line on stderr, and when it computes, every sheet's rows read are used +
// excluded + rejected. Fixed seed, a few hundred files, well under a minute.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { openWorkbook, XlsxError } from "../../../src/hosts/xlsx/read";
import { makeEntry, readZip, writeZip, type ZipEntry } from "../../../src/hosts/xlsx/zip";
import { fixtureWorkbook } from "../../e2e/fixtures";
import { sampleBytes } from "./hostile";

// CI runs the fixed seed; MALKOLL_FUZZ_SEED and MALKOLL_FUZZ_RUNS (a multiplier) explore further by hand.
const SEED = Number(process.env.MALKOLL_FUZZ_SEED ?? 1404);
const RUNS = Number(process.env.MALKOLL_FUZZ_RUNS ?? 1);
const dir = mkdtempSync(join(tmpdir(), "malkoll-fuzz-"));

interface Base {
  name: string;
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** The first sheet's part and its XML. */
  sheetPart: string;
  sheetXml: string;
  /** Where the central directory starts (the end of the last entry's data). */
  directoryAt: number;
}

function base(name: string, bytes: Uint8Array): Base {
  const entries = readZip(bytes);
  const parts = unzipSync(bytes);
  const sheetPart = "xl/worksheets/sheet1.xml";
  const directoryAt = Math.max(...entries.map((e) => e.raw.byteOffset - bytes.byteOffset + e.raw.length));
  return { name, bytes, entries, sheetPart, sheetXml: strFromU8(parts[sheetPart]), directoryAt };
}

/**
 * The same bytes on every run: ExcelJS writes the time of day into docProps/core.xml and the zip
 * headers, which would move what a seed's mutations hit.
 */
function fixedInTime(bytes: Uint8Array): Uint8Array {
  return writeZip(
    readZip(bytes).map((e) => {
      if (e.name !== "docProps/core.xml") return { ...e, modTime: 0, modDate: 0x21 };
      const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === e.name })[e.name]);
      return makeEntry(e.name, strToU8(xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, "$12024-02-01T08:00:00Z")));
    }),
  );
}

/** The package with its parts as given (fflate writes it, so the zip is sound whatever the XML). */
function rezip(b: Base, part: string, data: Uint8Array): Uint8Array {
  const parts = unzipSync(b.bytes);
  parts[part] = new Uint8Array(data);
  return zipSync(parts);
}

/** A mutation as plain data (so that fast-check reports it readably); build() makes the file. */
type Mutation =
  | { kind: "truncated anywhere" | "truncated in the zip directory" | "truncated in a deflate stream"; at: number }
  | { kind: "sheet XML cut inside a tag" | "sheet XML cut anywhere"; at: number }
  | { kind: "bytes flipped in the sheet XML" | "bytes flipped in the zip"; flips: [number, number][] }
  | { kind: "bytes flipped in another part"; part: string; flips: [number, number][] }
  | { kind: "huge number in r="; at: number; ref: string }
  | { kind: "huge <dimension ref>"; ref: string }
  | { kind: "duplicated part"; part: string; before: boolean; what: "same" | "empty" | "garbage" }
  | { kind: "random zip entries"; added: [string, number[]][] };

const HUGE_REFS = [
  "XFD1048577",
  "XFE1",
  "A0",
  "A99999999999999999999999",
  "ZZZZZZZZZZZZZZZZ1",
  "A-1",
  "1e308",
  "",
  "$A$1",
  "A" + "9".repeat(400),
];
const HUGE_DIMENSIONS = ["A1:XFD1048576", "A1:XFD99999999999", "A1:ZZZZZZZZZ1", "", "A1:A-5", "9".repeat(300)];
const WEIRD_NAMES = [
  "xl/worksheets/SHEET1.XML",
  "../../evil.xml",
  "xl/worksheets/sheet1.xml/",
  "mimetype",
  "x".repeat(300),
  "xl/workbook.xml",
  "[Content_Types].xml",
];

/** Positions of `needle` in `s`. */
function positions(s: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** One of the values of a long list (fc.constantFrom spreads its arguments). */
const oneOf = <T>(values: readonly T[]) => fc.nat({ max: values.length - 1 }).map((i) => values[i]);
const flipsOf = (max: number, most: number) =>
  fc.array(fc.tuple(fc.nat({ max }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: most });

/** The mutations of a base file, as a fast-check arbitrary. */
function mutation(b: Base): fc.Arbitrary<Mutation> {
  const n = b.bytes.length;
  const sheet = b.entries.find((e) => e.name === b.sheetPart)!;
  const sheetAt = sheet.raw.byteOffset - b.bytes.byteOffset;
  const xml = b.sheetXml;
  const partNames = b.entries.map((e) => e.name);
  return fc.oneof(
    fc.nat({ max: n - 1 }).map((at): Mutation => ({ kind: "truncated anywhere", at })),
    fc.integer({ min: b.directoryAt, max: n - 1 }).map((at): Mutation => ({ kind: "truncated in the zip directory", at })),
    fc
      .integer({ min: sheetAt, max: sheetAt + sheet.raw.length - 1 })
      .map((at): Mutation => ({ kind: "truncated in a deflate stream", at })),
    fc
      .tuple(oneOf(positions(xml, "<")), fc.integer({ min: 1, max: 12 }))
      .map(([lt, k]): Mutation => ({ kind: "sheet XML cut inside a tag", at: lt + k })),
    fc.nat({ max: xml.length }).map((at): Mutation => ({ kind: "sheet XML cut anywhere", at })),
    flipsOf(xml.length - 1, 12).map((flips): Mutation => ({ kind: "bytes flipped in the sheet XML", flips })),
    fc
      .tuple(fc.constantFrom(...partNames), flipsOf(1 << 20, 8))
      .map(([part, flips]): Mutation => ({ kind: "bytes flipped in another part", part, flips })),
    flipsOf(n - 1, 6).map((flips): Mutation => ({ kind: "bytes flipped in the zip", flips })),
    fc
      .tuple(oneOf(positions(xml, ' r="')), fc.constantFrom(...HUGE_REFS))
      .map(([at, ref]): Mutation => ({ kind: "huge number in r=", at, ref })),
    fc.constantFrom(...HUGE_DIMENSIONS).map((ref): Mutation => ({ kind: "huge <dimension ref>", ref })),
    fc
      .tuple(fc.constantFrom(...partNames), fc.boolean(), fc.constantFrom("same" as const, "empty" as const, "garbage" as const))
      .map(([part, before, what]): Mutation => ({ kind: "duplicated part", part, before, what })),
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...WEIRD_NAMES), fc.string({ minLength: 1, maxLength: 40 })),
          fc.array(fc.nat({ max: 255 }), { maxLength: 2048 }),
        ),
        {
          minLength: 1,
          maxLength: 3,
        },
      )
      .map((added): Mutation => ({ kind: "random zip entries", added })),
  );
}

/** The mutated file. */
function build(b: Base, m: Mutation): Uint8Array {
  const xml = b.sheetXml;
  const flip = (data: Uint8Array, flips: [number, number][]) => {
    for (const [at, x] of flips) if (data.length) data[at % data.length] ^= x;
    return data;
  };
  switch (m.kind) {
    case "truncated anywhere":
    case "truncated in the zip directory":
    case "truncated in a deflate stream":
      return b.bytes.slice(0, m.at);
    case "sheet XML cut inside a tag":
    case "sheet XML cut anywhere":
      return rezip(b, b.sheetPart, strToU8(xml.slice(0, m.at)));
    case "bytes flipped in the sheet XML":
      return rezip(b, b.sheetPart, flip(strToU8(xml), m.flips));
    case "bytes flipped in the zip":
      return flip(b.bytes.slice(), m.flips);
    case "bytes flipped in another part":
      return rezip(b, m.part, flip(unzipSync(b.bytes)[m.part].slice(), m.flips));
    case "huge number in r=": {
      const end = xml.indexOf('"', m.at + 4);
      return rezip(b, b.sheetPart, strToU8(xml.slice(0, m.at + 4) + m.ref + xml.slice(end)));
    }
    case "huge <dimension ref>": {
      const withDim = /<dimension ref="[^"]*"/.test(xml)
        ? xml.replace(/<dimension ref="[^"]*"/, `<dimension ref="${m.ref}"`)
        : xml.replace(/<sheetData/, `<dimension ref="${m.ref}"/><sheetData`);
      return rezip(b, b.sheetPart, strToU8(withDim));
    }
    case "duplicated part": {
      const data = m.what === "same" ? unzipSync(b.bytes)[m.part] : m.what === "empty" ? new Uint8Array(0) : strToU8("<x><y>garbage</x>");
      const i = b.entries.findIndex((x) => x.name === m.part);
      const entries = [...b.entries];
      entries.splice(m.before ? i : i + 1, 0, makeEntry(m.part, data));
      return writeZip(entries);
    }
    case "random zip entries":
      return writeZip([...b.entries, ...m.added.map(([name, data]) => makeEntry(name, new Uint8Array(data)))]);
  }
}

interface Mutated {
  kind: string;
  bytes: Uint8Array;
}

type Outcome = { ok: true } | { ok: false; message: string };

/** A grid, or an XlsxError's message; anything else thrown fails the test. */
async function outcome<T>(read: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, message: e.message };
    throw e;
  }
}

/**
 * What the reader did with a file: every tab read, or one XlsxError. Each tab is read both ways,
 * readSheet and readSheetAsync (the CLI's and the preview's, inflated beside the scan), which must
 * give the same grid or the same error.
 */
async function readAll(bytes: Uint8Array): Promise<Outcome> {
  const opened = await outcome(() => openWorkbook(bytes));
  if (!opened.ok) return opened;
  const wb = opened.value;
  for (const s of wb.sheets) {
    const sync = await outcome(() => wb.readSheet(s.name));
    const async = await outcome(() => wb.readSheetAsync(s.name));
    expect(async).toEqual(sync);
    if (!sync.ok) return sync;
    const g = sync.value;
    for (const k in g.values) if (!Array.isArray(g.values[k])) throw new Error(`row ${k} is not an array`);
  }
  return { ok: true };
}

interface Tally {
  tried: number;
  read: number;
  refused: number;
  cliRuns: number;
  cliCodes: Record<number, number>;
  kinds: Record<string, number>;
  slowestMs: number;
  /** Errors thrown past the CLI by the writer (see checkCli), by message. */
}
const tally: Tally = { tried: 0, read: 0, refused: 0, cliRuns: 0, cliCodes: {}, kinds: {}, slowestMs: 0 };

const READ_LIMIT_MS = 3000;
const CLI_LIMIT_MS = 10_000;

async function checkRead(m: Mutated): Promise<Outcome> {
  const t0 = performance.now();
  const r = await readAll(m.bytes);
  const ms = performance.now() - t0;
  tally.tried++;
  tally.kinds[m.kind] = (tally.kinds[m.kind] ?? 0) + 1;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  if (r.ok) tally.read++;
  else {
    tally.refused++;
    expect(r.message).not.toMatch(/\n/);
  }
  expect([m.kind, ms < READ_LIMIT_MS]).toEqual([m.kind, true]);
  return r;
}

let run = 0;
async function checkCli(m: Mutated, read: Outcome): Promise<void> {
  const file = join(dir, `f${run}.xlsx`);
  const json = join(dir, `f${run}.json`);
  run++;
  writeFileSync(file, m.bytes);
  const err: string[] = [];
  const t0 = performance.now();
  // main() must answer with an exit code: a rejection here is an error past the CLI's handler.
  const code = await main(["node", "malkoll", "report", file, "--out", join(dir, "ut.xlsx"), "--json", json, "--date", "2024-01-31"], {
    out: () => {},
    err: (l) => err.push(l),
  });
  const ms = performance.now() - t0;
  tally.cliRuns++;
  tally.cliCodes[code] = (tally.cliCodes[code] ?? 0) + 1;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  expect([m.kind, ms < CLI_LIMIT_MS]).toEqual([m.kind, true]);
  expect([0, 1, 2]).toContain(code);
  if (!read.ok) {
    // A file the reader refuses: exit 1 and the reader's one line.
    expect([m.kind, code, err]).toEqual([m.kind, 1, [`malkoll: ${read.message}`]]);
  } else if (code !== 0) {
    expect(err[0]).toMatch(/^malkoll: /);
  } else {
    const results = JSON.parse(readFileSync(json, "utf8")) as {
      sources: { sheet: string; rowsRead: number; rowsUsed: number; rowsExcluded: number; rowsRejected: number }[];
    };
    for (const s of results.sources) expect([s.sheet, s.rowsRead]).toEqual([s.sheet, s.rowsUsed + s.rowsExcluded + s.rowsRejected]);
  }
}

describe("fuzzing the reader and the CLI with mutated workbooks", () => {
  let sample: Base;
  let small: Base;
  beforeAll(async () => {
    sample = base("sample", sampleBytes());
    small = base("small", fixedInTime(await fixtureWorkbook()));
  });

  afterAll(() => {
    const kinds = Object.entries(tally.kinds)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const codes = Object.entries(tally.cliCodes)
      .map(([c, v]) => `exit ${c} × ${v}`)
      .join(", ");
    // The closing line CI's output shows.
    // eslint-disable-next-line no-console
    console.log(
      `fuzz: ${tally.tried} mutated files tried, ${tally.read} read, ${tally.refused} refused with one line; ` +
        `CLI on ${tally.cliRuns} of them: ${codes}` +
        `; slowest ${Math.round(tally.slowestMs)} ms; seed ${SEED}; ${kinds}`,
    );
  });

  it(
    "the reader on 150 mutations of the sample",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutation(sample), async (m) => {
          await checkRead({ kind: m.kind, bytes: build(sample, m) });
        }),
        { seed: SEED, numRuns: 150 * RUNS },
      );
    },
    60_000 * RUNS,
  );

  it(
    "the reader and the CLI on 150 mutations of a small ExcelJS workbook",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutation(small), async (m) => {
          const f = { kind: m.kind, bytes: build(small, m) };
          await checkCli(f, await checkRead(f));
        }),
        { seed: SEED + 1, numRuns: 150 * RUNS },
      );
    },
    60_000 * RUNS,
  );

  it(
    "the CLI on 30 mutations of the sample",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutation(sample), async (m) => {
          const f = { kind: m.kind, bytes: build(sample, m) };
          await checkCli(f, await checkRead(f));
        }),
        { seed: SEED + 2, numRuns: 30 * RUNS },
      );
    },
    60_000 * RUNS,
  );
});
