// Copy as picture against the strict Excel fake: the sample written by the gateway, then a picture
// of every table section and chart taken as the pane does (src/hosts/office/pictures.ts).
import { readFileSync } from "node:fs";
import { runReport, type RunOutcome } from "../../../src/app/runReport";
import { createOfficeHost } from "../../../src/hosts/office";
import { createOfficePictures, type PictureRunner } from "../../../src/hosts/office/pictures";
import { type FakeExcel, fakeFromXlsx } from "../../fakes/excel";

const SAMPLE = new Uint8Array(readFileSync("assets/sample.xlsx"));
let fake: FakeExcel;
let outcome: RunOutcome;
const decode = (src: string) => Buffer.from(src.replace("data:image/png;base64,", ""), "base64").toString();
const take = () => createOfficePictures(fake.run as unknown as PictureRunner).pictures(outcome.plans, outcome.written);

beforeAll(async () => {
  fake = await fakeFromXlsx(SAMPLE);
  outcome = await runReport(
    createOfficeHost(fake.run, () => true),
    { date: "2024-01-31", lang: "sv" },
  );
});

test("a picture of every table section (its exact range) and every chart (the spec at the same position), one sync per tab", async () => {
  fake.resetStats();
  const set = await take();
  const sections = outcome.plans.flatMap((p) =>
    (p.sections ?? []).map((s) => ({ tab: outcome.written.find((w) => w.planName === p.name)!.sheetName, ...s })),
  );
  const charts = outcome.plans.flatMap((p) => p.charts);
  expect(set.failed).toEqual([]);
  expect(set.unsupported).toBe(false);
  expect(set.pictures.filter((p) => p.kind === "table").map((p) => [p.title, decode(p.src)])).toEqual(
    sections.map((s) => [s.title, `PNG range ${s.tab}!${address(s.range)}`]),
  );
  // The k-th chart on a tab is the k-th spec of its plan: the chart pictured has the spec's title.
  expect(set.pictures.filter((p) => p.kind === "chart").map((p) => [p.title, decode(p.src)])).toEqual(
    charts.map((c) => [c.title, `PNG chart ${c.title}`]),
  );
  expect(charts.length).toBeGreaterThanOrEqual(9);
  const tabsWithPictures = outcome.plans.filter((p) => (p.sections?.length ?? 0) + p.charts.length > 0).length;
  expect(fake.syncCount).toBe(tabsWithPictures);
});

test("where Excel has no pictures every title is listed as failed and the set says unsupported", async () => {
  fake.pictures = false;
  try {
    const set = await take();
    expect(set.pictures).toEqual([]);
    expect(set.unsupported).toBe(true);
    expect(set.failed).toHaveLength(outcome.plans.reduce((n, p) => n + (p.sections?.length ?? 0) + p.charts.length, 0));
  } finally {
    fake.pictures = true;
  }
});

/** "A1:F20" for a 0-based inclusive range, as the fake names its ranges. */
function address(r: readonly [number, number, number, number]): string {
  const col = (c: number): string =>
    c < 26 ? String.fromCharCode(65 + c) : col(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
  return `${col(r[1])}${r[0] + 1}:${col(r[3])}${r[2] + 1}`;
}
