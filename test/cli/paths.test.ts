// Every path problem is the CLI's own line: `malkoll: …` on stderr, exit 2 (1 for an input that
// is not a readable workbook, as the contract says), in the run's language, no stack trace, and
// nothing created or changed in the folder. Outputs are written whole or not at all.
import * as nodeFs from "node:fs";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { nodeCliFs, type CliFs } from "../../src/cli/files";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { fixtureWorkbook } from "../e2e/fixtures";
import { asInBrowser } from "../hosts/slides/sampleDeck";
import { cli, freshDir, fsError, listing, oneLine } from "./helpers";

const DATE = ["--date", "2024-01-31"];
let fixture: Uint8Array;

beforeAll(async () => {
  asInBrowser(); // pptxgenjs in Jest (see sampleDeck.ts); the built CLI writes decks in test/e2e
  fixture = await fixtureWorkbook();
});

/** A folder holding januari.xlsx (the e2e fixture) and whatever else the test puts there. */
function folder(): { dir: string; input: string } {
  const dir = freshDir("malkoll-paths-");
  const input = join(dir, "januari.xlsx");
  writeFileSync(input, fixture);
  return { dir, input };
}

/** Runs the CLI in a fresh folder and checks it refused with one line and left the folder as it was. */
async function refused(
  lang: "sv" | "en",
  setUp: (dir: string, input: string) => string[],
  fs?: CliFs,
): Promise<{ code: number; line: string; dir: string }> {
  const { dir, input } = folder();
  const args = setUp(dir, input);
  const before = listing(dir);
  const run = await cli(["report", ...args, ...DATE, "--lang", lang], fs);
  const line = oneLine(run);
  expect(listing(dir)).toEqual(before);
  return { code: run.code, line, dir };
}

describe.each([
  ["sv" as const, { folder: /^Indata är en mapp/, outFolder: /^--out pekar på en mapp/, zip: /^Filen är inte en Excel-arbetsbok/ }],
  ["en" as const, { folder: /^The input is a folder/, outFolder: /^--out names a folder/, zip: /^The file is not an Excel workbook/ }],
])("in %s", (lang, words) => {
  test("a folder as the input: exit 2", async () => {
    const r = await refused(lang, (dir) => {
      mkdirSync(join(dir, "mapp.xlsx"));
      return [join(dir, "mapp.xlsx")];
    });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(words.folder);
  });

  test("a folder as --out: exit 2, suggesting a file in it", async () => {
    const r = await refused(lang, (dir, input) => {
      mkdirSync(join(dir, "ut.xlsx"));
      return [input, "--out", join(dir, "ut.xlsx")];
    });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(words.outFolder);
    expect(r.line).toContain(join(r.dir, "ut.xlsx", "januari-malkoll.xlsx"));
  });

  test("a file that is not a zip: exit 1", async () => {
    const r = await refused(lang, (dir) => {
      writeFileSync(join(dir, "text.xlsx"), "Enhet;Antal\nA;1\n");
      return [join(dir, "text.xlsx")];
    });
    expect(r.code).toBe(1);
    expect(r.line).toMatch(words.zip);
  });

  test("a truncated zip: exit 1, saying it is damaged and why", async () => {
    const r = await refused(lang, (dir) => {
      writeFileSync(join(dir, "halv.xlsx"), fixture.subarray(0, Math.floor(fixture.length / 2)));
      return [join(dir, "halv.xlsx")];
    });
    expect(r.code).toBe(1);
    expect(r.line).toMatch(
      lang === "sv" ? /^Filen är skadad.*\(zip-arkivets slutpost saknas/ : /^The file is damaged.*\(the zip archive's end/,
    );
  });

  test("a zip without [Content_Types].xml: exit 1 before anything is computed", async () => {
    const r = await refused(lang, (dir) => {
      const parts = unzipSync(fixture);
      delete parts["[Content_Types].xml"];
      writeFileSync(join(dir, "utan-typer.xlsx"), zipSync(parts));
      return [join(dir, "utan-typer.xlsx")];
    });
    expect(r.code).toBe(1);
    expect(r.line).toMatch(
      lang === "sv"
        ? /^Filen är skadad.*\(\[Content_Types\]\.xml saknas\)$/
        : /^The file is damaged.*\(\[Content_Types\]\.xml is missing\)$/,
    );
  });

  test.each([
    ["--out", "--json"],
    ["--out", "--pptx"],
    ["--json", "--pptx"],
  ])("the same path for %s and %s: exit 2", async (a, b) => {
    const r = await refused(lang, (dir, input) => {
      const same = join(dir, "samma.xlsx");
      const args = [input, a, same, b, same];
      return a === "--out" ? args : [...args, "--out", join(dir, "ut.xlsx")];
    });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(lang === "sv" ? new RegExp(`^${a} och ${b} är samma fil: `) : new RegExp(`^${a} and ${b} are the same file: `));
  });

  test("the same file under two spellings (a/../a, ./a) is still the same file", async () => {
    const r = await refused(lang, (dir, input) => [input, "--out", join(dir, "x", "..", "ut.xlsx"), "--json", join(dir, ".", "ut.xlsx")]);
    expect(r.code).toBe(2);
  });

  test("--out equal to the input: exit 2, the input is never overwritten", async () => {
    const r = await refused(lang, (_dir, input) => [input, "--out", input]);
    expect(r.code).toBe(2);
    expect(r.line).toMatch(lang === "sv" ? /^--out är samma fil som indata: / : /^--out is the same file as the input: /);
  });

  test("--out through a symbolic link to the input is the input", async () => {
    const r = await refused(lang, (dir, input) => {
      symlinkSync(input, join(dir, "länk.xlsx"));
      return [input, "--out", join(dir, "länk.xlsx")];
    });
    expect(r.code).toBe(2);
  });

  test("--json equal to --config, --out equal to --previous: exit 2", async () => {
    const config = await refused(lang, (dir, input) => {
      writeFileSync(join(dir, "inst.json"), "{}");
      return [input, "--config", join(dir, "inst.json"), "--json", join(dir, "inst.json")];
    });
    expect(config.code).toBe(2);
    expect(config.line).toMatch(/^--json .* --config: /);
    const previous = await refused(lang, (dir, input) => {
      writeFileSync(join(dir, "dec.xlsx"), fixture);
      return [input, "--previous", join(dir, "dec.xlsx"), "--out", join(dir, "dec.xlsx")];
    });
    expect(previous.code).toBe(2);
    expect(previous.line).toMatch(/^--out .* --previous: /);
  });

  test("an output folder under a file (ENOTDIR, even for root): exit 2", async () => {
    const r = await refused(lang, (dir, input) => {
      writeFileSync(join(dir, "fil"), "x");
      return [input, "--out", join(dir, "fil", "ut.xlsx")];
    });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(lang === "sv" ? /fil är en fil, inte en mapp\.$/ : /fil is a file, not a folder\.$/);
  });

  test.each(["EACCES", "EROFS"])("an output folder the run may not write to (%s): exit 2, checked before any work", async (code) => {
    const opened: string[] = [];
    const fs: CliFs = {
      ...nodeCliFs,
      accessSync: ((p: nodeFs.PathLike) => {
        throw fsError(code, "access", String(p));
      }) as CliFs["accessSync"],
      openSync: ((p: string, ...rest: [string]) => {
        opened.push(p);
        return nodeFs.openSync(p, ...rest);
      }) as CliFs["openSync"],
    };
    const r = await refused(lang, (dir, input) => [input, "--out", join(dir, "ut.xlsx")], fs);
    expect(r.code).toBe(2);
    expect(opened).toEqual([]); // refused before any output was begun
    const why = {
      sv: { EACCES: "ingen behörighet", EROFS: "skrivskyddat filsystem" },
      en: { EACCES: "permission denied", EROFS: "read-only file system" },
    };
    expect(r.line).toBe(
      lang === "sv"
        ? `Kan inte skriva --out i mappen ${r.dir} (${why.sv[code as "EACCES"]}).`
        : `Cannot write --out in the folder ${r.dir} (${why.en[code as "EACCES"]}).`,
    );
  });

  test("an existing file that Målkoll did not write is not overwritten: exit 2", async () => {
    const r = await refused(lang, (dir, input) => {
      writeFileSync(join(dir, "annan.xlsx"), fixture);
      writeFileSync(join(dir, "anteckningar.json"), '{"mina": "anteckningar"}');
      return [input, "--out", join(dir, "ut.xlsx"), "--json", join(dir, "anteckningar.json")];
    });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(
      lang === "sv"
        ? /anteckningar\.json finns redan och är inte skriven av Målkoll/
        : /anteckningar\.json exists and was not written by Målkoll/,
    );
    const wb = await refused(lang, (dir, input) => {
      writeFileSync(join(dir, "januari-malkoll.xlsx"), fixture);
      return [input];
    });
    expect(wb.code).toBe(2);
    expect(wb.line).toContain("januari-malkoll.xlsx");
  });

  test("an .xlsx input with --out x.xlsm: exit 2, the output keeps the input's kind", async () => {
    const r = await refused(lang, (dir, input) => [input, "--out", join(dir, "ut.xlsm")]);
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/--out .*\.xlsx/);
  });
});

test("a missing input is still exit 2 with its own line", async () => {
  const r = await refused("en", (dir) => [join(dir, "finns-inte.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.line).toBe(`No such file: ${join(r.dir, "finns-inte.xlsx")}`);
});

describe("what overwriting means", () => {
  test("a second run replaces its own outputs (workbook, JSON, deck), and an empty file may be replaced", async () => {
    const { dir, input } = folder();
    const outs = ["--out", join(dir, "ut.xlsx"), "--json", join(dir, "ut.json"), "--pptx", join(dir, "ut.pptx")];
    writeFileSync(join(dir, "ut.json"), "");
    expect(await cli(["report", input, ...outs, ...DATE])).toMatchObject({ code: 0, err: [] });
    const first = listing(dir);
    expect(Object.keys(first).sort()).toEqual(["januari.xlsx", "ut.json", "ut.pptx", "ut.xlsx"]);
    expect(await cli(["report", input, ...outs, ...DATE, "--lang", "en"])).toMatchObject({ code: 0, err: [] });
    const second = listing(dir);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(second["ut.json"]).not.toBe(first["ut.json"]); // English words now
    expect(openWorkbook(new Uint8Array(readFileSync(join(dir, "ut.xlsx")))).sheets.some((s) => s.name === "Care guarantee")).toBe(true);
  });

  test("a missing output folder is created, and only when the run writes", async () => {
    const { dir, input } = folder();
    const out = join(dir, "rapporter", "2024", "ut.xlsx");
    expect(await cli(["report", input, "--out", out, ...DATE])).toMatchObject({ code: 0, err: [] });
    expect(Object.keys(listing(dir)).sort()).toEqual(["januari.xlsx", "rapporter/", "rapporter/2024/", "rapporter/2024/ut.xlsx"]);
  });
});

describe("nothing half-written", () => {
  const enospc = fsError("ENOSPC", "write");
  /** The CLI's file system, with writes that stop halfway: half of the bytes, then a full disk. */
  const halfWrites: CliFs = {
    ...nodeCliFs,
    writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
      nodeFs.writeSync(fd, data, offset, Math.floor(length / 2));
      throw enospc;
    }) as unknown as CliFs["writeSync"],
  };
  const failingRename: CliFs = {
    ...nodeCliFs,
    renameSync: ((from: nodeFs.PathLike) => {
      throw fsError("EACCES", "rename", String(from));
    }) as CliFs["renameSync"],
  };

  test.each([
    ["a write that stops halfway (ENOSPC)", halfWrites, "disken är full"],
    ["a rename that fails (EACCES)", failingRename, "ingen behörighet"],
  ])("%s leaves every target as it was and no temporary file", async (_what, fs, why) => {
    const { dir, input } = folder();
    const outs = ["--out", join(dir, "ut.xlsx"), "--json", join(dir, "ut.json"), "--pptx", join(dir, "ut.pptx")];
    // An earlier run's outputs, which the failing run would replace.
    expect((await cli(["report", input, ...outs, ...DATE])).code).toBe(0);
    const before = listing(dir);
    const run = await cli(["report", input, ...outs, ...DATE], fs);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toMatch(new RegExp(`^Kunde inte skriva --json .*ut\\.json \\(${why}\\); filen lämnades orörd\\.$`));
    expect(listing(dir)).toEqual(before);
  });

  test("a failed write into a missing folder removes the folders it made", async () => {
    const { dir, input } = folder();
    const before = listing(dir);
    const run = await cli(["report", input, "--out", join(dir, "nya", "mappar", "ut.xlsx"), ...DATE, "--lang", "en"], halfWrites);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toMatch(/^Could not write --out .*ut\.xlsx \(the disk is full\); the file was left as it was\.$/);
    expect(listing(dir)).toEqual(before);
  });

  test("a write goes to a temporary file beside the target, renamed over it when complete", async () => {
    const { dir, input } = folder();
    const renames: [string, string][] = [];
    const fs: CliFs = {
      ...nodeCliFs,
      renameSync: ((from: string, to: string) => {
        renames.push([from, to]);
        nodeFs.renameSync(from, to);
      }) as CliFs["renameSync"],
    };
    expect((await cli(["report", input, "--out", join(dir, "ut.xlsx"), ...DATE], fs)).code).toBe(0);
    expect(renames).toEqual([[expect.stringMatching(/^.*\/\.ut\.xlsx\.malkoll-\d+-[0-9a-f]{8}\.tmp$/), join(dir, "ut.xlsx")]]);
    expect(renames[0][0].startsWith(dir + "/")).toBe(true);
    expect(Object.keys(listing(dir)).sort()).toEqual(["januari.xlsx", "ut.xlsx"]);
  });
});

test("the English line for an input folder names the path as given", async () => {
  const r = await refused("en", (dir) => {
    mkdirSync(join(dir, "in.xlsx"));
    return [join(dir, "in.xlsx")];
  });
  expect(r.line).toBe(`The input is a folder, not a workbook or CSV file: ${join(r.dir, "in.xlsx")}`);
});

test("a settings file that is a folder is a usage error, not a JSON error", async () => {
  const r = await refused("sv", (dir, input) => {
    mkdirSync(join(dir, "inst.json"));
    return [input, "--config", join(dir, "inst.json")];
  });
  expect(r.code).toBe(2);
  expect(r.line).toBe(`--config pekar på en mapp, inte en fil: ${join(r.dir, "inst.json")}`);
});

test("a damaged --previous says which file it was", async () => {
  const r = await refused("en", (dir, input) => {
    writeFileSync(join(dir, "dec.xlsx"), strToU8("not a zip"));
    return [input, "--previous", join(dir, "dec.xlsx"), "--out", join(dir, "ut.xlsx")];
  });
  expect(r.code).toBe(1);
  expect(r.line).toBe(
    `--previous ${join(r.dir, "dec.xlsx")}: The file is not an Excel workbook (.xlsx). Save it as an Excel workbook (.xlsx) and try again.`,
  );
});
