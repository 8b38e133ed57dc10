/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/app/pane/App";
import type { PaneExporter, PictureSet } from "../../../src/app/pane/exporter";
import type { DeckModule } from "../../../src/app/pane/components/ExportPanel";
import { type DeliveryEnv, chooseDelivery, deliver } from "../../../src/app/pane/delivery";
import { createOfficePictures, type PictureContext, type PictureSheet } from "../../../src/hosts/office/pictures";
import { chunksOf, collector } from "../../../src/taskpane/downloadProtocol";
import { memoryHost } from "./memoryHost";
import { MEASURED, notes, waiting } from "./fixture";

jest.setTimeout(30_000);

/** An exporter that records what the pane asked of it; the deck renderer faked with known bytes. */
function fakeExporter(pictures: PaneExporter["pictures"] = null) {
  const delivered: { bytes: Uint8Array; name: string }[] = [];
  const exporter: PaneExporter = {
    deliver: async (bytes, name) => {
      delivered.push({ bytes, name });
      return "download";
    },
    pictures,
    workbookName: () => "Väntetider.xlsx",
  };
  return { exporter, delivered };
}
const rendered: unknown[][] = [];
const fakeDeck = async () =>
  ({ renderDeck: async (...args: unknown[]) => (rendered.push(args), new Uint8Array([80, 75, 3, 4])) }) as unknown as DeckModule;

jest.mock("../../../src/app/pane/components/ExportPanel", () => {
  const actual = jest.requireActual("../../../src/app/pane/components/ExportPanel");
  // The pane loads the real renderer lazily; here the fake stands in, so the test checks the wiring.
  return { ...actual, ExportPanel: (props: object) => actual.ExportPanel({ ...props, loadDeck: fakeDeck }) };
});

async function runPane(exporter: PaneExporter) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={memoryHost([waiting, notes])} lang="sv" exporter={exporter} />
    </FluentProvider>,
  );
  await screen.findByRole("listitem", { name: "Väntande" });
  expect(screen.queryByRole("button", { name: "Exportera till PowerPoint" })).toBeNull();
  await user.type(screen.getByRole("textbox", { name: /Mätdatum/ }), MEASURED);
  await user.click(screen.getByRole("button", { name: "Beräkna måluppfyllelse" }));
  return user;
}

test("after a run the pane offers Exportera till PowerPoint, which renders the run's plans and hands the file over", async () => {
  const { exporter, delivered } = fakeExporter();
  const user = await runPane(exporter);
  await user.click(await screen.findByRole("button", { name: "Exportera till PowerPoint" }));
  expect(await screen.findByText("Presentationen Målkoll 2024-01-31.pptx har laddats ned.")).toBeTruthy();
  expect(delivered).toHaveLength(1);
  expect(delivered[0].name).toBe("Målkoll 2024-01-31.pptx");
  const [plans, results, opts] = rendered.at(-1) as [
    { name: string }[],
    { measurementDate: string },
    { workbookName: string; lang: string },
  ];
  expect(plans.map((p) => p.name)).toContain("Vårdgaranti");
  expect(results.measurementDate).toBe(MEASURED);
  expect(opts).toMatchObject({ lang: "sv", workbookName: "Väntetider.xlsx", regionName: null });
});

test("the region's name typed under Presentation titles the deck", async () => {
  const { exporter } = fakeExporter();
  const user = await runPane(exporter);
  await user.click(screen.getByRole("button", { name: "Presentation" }));
  await user.type(await screen.findByRole("textbox", { name: "Regionens namn (rubrik på första bilden)" }), "Region Exempelland{Enter}");
  await user.click(await screen.findByRole("button", { name: "Exportera till PowerPoint" }));
  await screen.findByText("Presentationen Målkoll 2024-01-31.pptx har laddats ned.");
  expect(rendered.at(-1)![2]).toMatchObject({ regionName: "Region Exempelland" });
});

test("in the preview (no pictures) the pane says in one line why there are no pictures", async () => {
  const { exporter } = fakeExporter(null);
  await runPane(exporter);
  expect(await screen.findByText(/Bilder visas bara i Excel/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Visa tabeller och diagram som bilder" })).toBeNull();
});

test("pictures are shown for right-click copy", async () => {
  const set: PictureSet = {
    pictures: [
      {
        kind: "chart",
        title: "Förstabesök – måluppfyllelse vårdgaranti, januari 2024",
        sheetName: "Vårdgaranti",
        src: "data:image/png;base64,iVBORw0KGgo=",
      },
    ],
    failed: [],
    unsupported: false,
  };
  const { exporter } = fakeExporter(async () => set);
  const user = await runPane(exporter);
  await user.click(await screen.findByRole("button", { name: "Visa tabeller och diagram som bilder" }));
  const img = await screen.findByRole("img", { name: "Förstabesök – måluppfyllelse vårdgaranti, januari 2024" });
  expect(img.getAttribute("src")).toBe("data:image/png;base64,iVBORw0KGgo=");
  expect(screen.getByText(/Högerklicka på en bild/)).toBeTruthy();
});

test("where Excel cannot take pictures the pane says so in plain Swedish", async () => {
  const { exporter } = fakeExporter(async () => ({ pictures: [], failed: ["Tabell"], unsupported: true }));
  const user = await runPane(exporter);
  await user.click(await screen.findByRole("button", { name: "Visa tabeller och diagram som bilder" }));
  expect(await screen.findByText(/Den här versionen av Excel kan inte ta bilder av tabeller och diagram/)).toBeTruthy();
});

describe("delivery: a download where it works, else the Office dialog", () => {
  const env = (over: Partial<DeliveryEnv>) => {
    const calls: string[] = [];
    const e: DeliveryEnv = {
      platform: "OfficeOnline",
      canDownload: true,
      canDialog: true,
      download: () => void calls.push("download"),
      openDialog: async () => void calls.push("dialog"),
      ...over,
    };
    return { e, calls };
  };

  test("Excel on the web and the browser download", () => {
    expect(chooseDelivery({ platform: "OfficeOnline", canDownload: true, canDialog: true })).toBe("download");
    expect(chooseDelivery({ platform: "Browser", canDownload: true, canDialog: false })).toBe("download");
  });

  test("the desktop and iPad web views, which may ignore downloads, use the dialog", () => {
    for (const platform of ["PC", "Mac", "iOS"]) expect(chooseDelivery({ platform, canDownload: true, canDialog: true })).toBe("dialog");
  });

  test("without the dialog API a download is still tried; with neither, nothing", () => {
    expect(chooseDelivery({ platform: "Mac", canDownload: true, canDialog: false })).toBe("download");
    expect(chooseDelivery({ platform: "Mac", canDownload: false, canDialog: false })).toBeNull();
  });

  test("a download that throws falls back to the dialog", async () => {
    const { e, calls } = env({
      download: () => {
        throw new Error("blocked");
      },
    });
    await expect(deliver(new Uint8Array([1]), "a.pptx", e)).resolves.toBe("dialog");
    expect(calls).toEqual(["dialog"]);
  });

  test("on the desktop the file goes to the dialog, never to a download", async () => {
    const { e, calls } = env({ platform: "PC" });
    await expect(deliver(new Uint8Array([1]), "a.pptx", e)).resolves.toBe("dialog");
    expect(calls).toEqual(["dialog"]);
  });

  test("the dialog receives the file in pieces and puts it back together byte for byte", () => {
    const bytes = Uint8Array.from({ length: 150_000 }, (_, k) => (k * 7) % 256);
    const pieces = chunksOf(bytes, "Målkoll.pptx");
    expect(pieces.length).toBe(4); // 150 000 bytes in 48 KB pieces: 3 full and one of 2 544
    const take = collector();
    const got = [...pieces].reverse().map(take);
    expect(got.slice(0, 3)).toEqual([null, null, null]);
    expect(got[3]!.name).toBe("Målkoll.pptx");
    expect(got[3]!.bytes).toEqual(bytes);
  });
});

describe("pictures from Excel (a fake of Range.getImage and Chart.getImage)", () => {
  const plan = {
    name: "Vårdgaranti",
    sections: [{ title: "Tabell A", range: [3, 0, 9, 4] as [number, number, number, number] }],
    charts: [{ title: "Diagram A" }],
  } as never;
  const written = [{ planName: "Vårdgaranti", sheetName: "Vårdgaranti", replaced: false, renamedBecauseTaken: false }];

  function fakeRun(opts: { rangeImage?: boolean; chartImage?: boolean }) {
    const calls: string[] = [];
    let syncs = 0;
    const result = (ok: boolean | undefined, png: string) => {
      if (!ok) throw new Error("The API you are trying to use is not available.");
      let ready = false;
      return {
        get value() {
          if (!ready) throw new Error("not synced");
          return png;
        },
        ready: () => (ready = true),
      };
    };
    const pending: { ready(): void }[] = [];
    const sheet: PictureSheet = {
      getRangeByIndexes: (r, c, rows, cols) => ({
        getImage: () => {
          calls.push(`range ${r},${c} ${rows}x${cols}`);
          const x = result(opts.rangeImage, "UkFOR0U=");
          pending.push(x);
          return x;
        },
      }),
      charts: {
        getItemAt: (k) => ({
          getImage: () => {
            calls.push(`chart ${k}`);
            const x = result(opts.chartImage, "Q0hBUlQ=");
            pending.push(x);
            return x;
          },
        }),
      },
    };
    const context: PictureContext = {
      workbook: { worksheets: { getItem: () => sheet } },
      sync: async () => {
        syncs++;
        pending.forEach((p) => p.ready());
      },
    };
    return { run: <T,>(batch: (c: PictureContext) => Promise<T>) => batch(context), calls, syncs: () => syncs };
  }

  test("every table's range and every chart in one sync per tab", async () => {
    const fake = fakeRun({ rangeImage: true, chartImage: true });
    const set = await createOfficePictures(fake.run).pictures([plan], written);
    expect(fake.calls).toEqual(["range 3,0 7x5", "chart 0"]);
    expect(fake.syncs()).toBe(1);
    expect(set.unsupported).toBe(false);
    expect(set.pictures.map((p) => [p.kind, p.title, p.src])).toEqual([
      ["table", "Tabell A", "data:image/png;base64,UkFOR0U="],
      ["chart", "Diagram A", "data:image/png;base64,Q0hBUlQ="],
    ]);
  });

  test("where Range.getImage is missing the charts still come, and the table is named as failed", async () => {
    const set = await createOfficePictures(fakeRun({ rangeImage: false, chartImage: true }).run).pictures([plan], written);
    expect(set.pictures.map((p) => p.title)).toEqual(["Diagram A"]);
    expect(set.failed).toEqual(["Tabell A"]);
    expect(set.unsupported).toBe(false);
  });

  test("where neither works the set says unsupported", async () => {
    const set = await createOfficePictures(fakeRun({}).run).pictures([plan], written);
    expect(set.unsupported).toBe(true);
  });
});
