// LibreOffice opens the CLI's .pptx and .xlsx for the sample: each converted to PDF, the page
// counts checked, the first three slides rendered to test-artifacts/slide-1.png … slide-3.png and
// the first chart slide to slide-chart.png, its target line found in the pixels.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { pptxParts } from "../hosts/slides/sampleDeck";
import { deckLayout } from "../../src/hosts/slides/layout";
import { sampleRun } from "../hosts/slides/sampleDeck";
import { darkRed, longestVerticalRun, renderPage } from "../helpers/pixels";

const INSTALL = "apt-get install -y libreoffice-impress-nogui libreoffice-calc-nogui poppler-utils";
const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const impress = () => spawnSync("sh", ["-c", "ls /usr/lib/libreoffice/program/ | grep -q libsdlo"]).status === 0;
const available = has("soffice") && has("pdftoppm") && has("pdfinfo") && impress();
const inCi = process.env.CI === "true";
const ROOT = join(__dirname, "../..");

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
function toPdf(dir: string, file: string, filter = "pdf"): string {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", filter, "--outdir", dir, join(dir, file)],
    { stdio: "pipe", timeout: 180_000 },
  );
  const pdf = join(dir, file.replace(/\.\w+$/, ".pdf"));
  expect(existsSync(pdf)).toBe(true);
  return pdf;
}

if (!available && inCi) {
  test("LibreOffice opens the CLI's .pptx and .xlsx", () => {
    throw new Error(`soffice (with Impress), pdftoppm or pdfinfo is missing on CI: ${INSTALL}`);
  });
} else if (!available) {
  // eslint-disable-next-line jest/no-disabled-tests
  test.skip(`LibreOffice opens the CLI's .pptx and .xlsx — skipped: LibreOffice Impress/poppler not installed (${INSTALL})`, () => {});
} else {
  test("LibreOffice opens the CLI's .pptx (a page per slide) and .xlsx (a page per sheet) for the sample", () => {
    const dir = mkdtempSync(join(tmpdir(), "malkoll-pptx-"));
    // The built CLI in plain Node, as a user runs it (npm install builds it; build again to be current).
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
    execFileSync(
      "node",
      [
        join(ROOT, "bin/malkoll.js"),
        "report",
        join(ROOT, "assets/sample.xlsx"),
        "--date",
        "2024-01-31",
        "--out",
        join(dir, "out.xlsx"),
        "--pptx",
        join(dir, "deck.pptx"),
      ],
      { stdio: "pipe" },
    );
    const bytes = new Uint8Array(readFileSync(join(dir, "deck.pptx")));
    const slides = pptxParts(bytes).slides.length;
    const { results, plans } = sampleRun();
    expect(slides).toBe(1 + deckLayout(plans, results, { lang: "sv" }).slides.length);

    const deckPdf = toPdf(dir, "deck.pptx");
    expect(pages(deckPdf)).toBe(slides);
    // One page per sheet: the sample's 5 source sheets and our 5 tabs.
    const bookPdf = toPdf(dir, "out.xlsx", 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}');
    expect(pages(bookPdf)).toBe(10);

    const out = join(ROOT, "test-artifacts");
    mkdirSync(out, { recursive: true });
    for (let k = 1; k <= 3; k++) {
      execFileSync("pdftoppm", ["-f", String(k), "-l", String(k), "-r", "96", "-png", "-singlefile", deckPdf, join(dir, `slide-${k}`)]);
      renameSync(join(dir, `slide-${k}.png`), join(out, `slide-${k}.png`));
    }
    expect(readdirSync(out)).toEqual(expect.arrayContaining(["slide-1.png", "slide-2.png", "slide-3.png"]));

    // The first chart slide: its target line drawn inside the chart, one dashed dark-red line down
    // the plot (a 356 px run on the 541 px high slide measured for a 90 % target; the old bar-end
    // ticks of the .xlsx would give ~20 px).
    const chartSlide = 1 + deckLayout(plans, results, { lang: "sv" }).slides.findIndex((s) => s.kind === "chart") + 1;
    execFileSync("pdftoppm", [
      "-f",
      String(chartSlide),
      "-l",
      String(chartSlide),
      "-r",
      "96",
      "-png",
      "-singlefile",
      deckPdf,
      join(out, "slide-chart"),
    ]);
    expect(longestVerticalRun(renderPage(deckPdf, chartSlide, join(dir, "slide-chart"), 96), darkRed)).toBeGreaterThan(200);
  }, 300_000);
}
