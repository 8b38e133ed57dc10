// The preview in Debian's Chromium: "Exportera till PowerPoint" after a run downloads a .pptx made
// in the browser (pptxgenjs in its own chunk), which unzips and has the deck's slides.
import { readFileSync } from "node:fs";
import { describeInBrowser, useBrowser } from "./harness";
import { openPreview, runOnPage } from "./previewPage";
import { pptxParts, runs } from "../hosts/slides/sampleDeck";

describeInBrowser("PowerPoint export in the preview", () => {
  const session = useBrowser();
  jest.setTimeout(120_000);

  test("Exportera till PowerPoint downloads a .pptx with a title slide, the tables and the charts", async () => {
    const { page } = await session.open();
    await openPreview(page, session.origin);
    await runOnPage(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportera till PowerPoint" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Målkoll 2024-01-31.pptx");
    const deck = pptxParts(new Uint8Array(readFileSync(await download.path())));
    expect(deck.slides.length).toBeGreaterThan(20);
    // The title is the region's name from the sample's stored settings.
    expect(runs(deck.slides[0])).toEqual(["Region Exempelland", "Målkoll – uppföljning januari 2024", "Mätdatum 2024-01-31"]);
    expect(deck.slides.some((s) => runs(s)[0] === "Förstabesök – andel väntande inom 90 dagar (exkl. PvV/MoV)")).toBe(true);
    expect(deck.charts.length).toBe(9);
    // In the preview there are no pictures, and the page says why.
    await page.getByText(/Bilder visas bara i Excel/).waitFor();
  });
});
