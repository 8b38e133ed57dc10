import {
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { App } from "../app/pane/App";
import type { Lang } from "../model/lang";
import type { SheetPlan } from "../report/plan";
import type { WrittenTab } from "../hosts/port";
import type { FileHost } from "../hosts/xlsx/fileHost";
import { INPUT_EXTENSIONS, openInput } from "../app/input";
import { SheetTable } from "./SheetTable";
import { PREVIEW_TEXT } from "../app/texts/preview";
import type { PaneExporter } from "../app/pane/exporter";
import { PPTX_TYPE, blobDownload } from "../app/pane/delivery";

/** In the browser a normal download; no pictures (no Excel to draw the tables and charts). */
export const previewExporter = (workbookName: string): PaneExporter => ({
  deliver: async (bytes, fileName) => {
    blobDownload(bytes, fileName, PPTX_TYPE);
    return "download";
  },
  pictures: null,
  workbookName: () => workbookName,
});

/** The bundled sample, served beside preview.html (the same origin: no request leaves the site). */
export const SAMPLE_URL = "assets/sample.xlsx";
const SAMPLE_NAME = "sample.xlsx";
const INPUT_TYPES = [...INPUT_EXTENSIONS, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"].join(",");

const useStyles = makeStyles({
  page: { boxSizing: "border-box", maxWidth: "1400px", margin: "0 auto", minWidth: 0, overflowWrap: "anywhere" },
  banner: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  bannerTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  intro: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  file: {
    margin: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  // The pane at Excel's task-pane width beside the tabs; one column below 800 px.
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (min-width: 800px)": { gridTemplateColumns: "360px minmax(0, 1fr)" },
  },
  pane: { minWidth: 0, "@media (min-width: 800px)": { borderRight: `1px solid ${tokens.colorNeutralStroke2}` } },
  tabs: { minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  tabList: { flexWrap: "wrap" },
});

interface Opened {
  host: FileHost;
  name: string;
  sample: boolean;
  /** Remounts the pane for each workbook opened. */
  key: number;
}
interface Written {
  tabs: { plan: SheetPlan; sheetName: string }[];
  bytes: Uint8Array;
}

const bytesOf = async (file: Blob): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * "januari.xlsx" (or "januari.csv") → "januari-malkoll.xlsx", as the CLI names its output; a
 * macro-enabled workbook stays one ("januari.xlsm" → "januari-malkoll.xlsm": Excel refuses an
 * .xlsx holding macros).
 */
export const outputName = (input: string): string =>
  `${input.replace(/\.(xlsx|xlsm|csv|txt)$/i, "")}-malkoll.${/\.xlsm$/i.test(input) ? "xlsm" : "xlsx"}`;

/**
 * The task pane in a plain browser: the same App and pipeline on an .xlsx held in memory instead of
 * Excel. Opens on the bundled sample; a file the user opens or drops is read here and never sent
 * anywhere. The tabs the pane writes are drawn from their SheetPlans, and the workbook with them
 * can be downloaded.
 */
export function PreviewPage({ lang }: { lang: Lang }) {
  const s = useStyles();
  const t = PREVIEW_TEXT[lang];
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loadingSample, setLoadingSample] = useState(true);
  const [openError, setOpenError] = useState<{ name: string; message: string } | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [stale, setStale] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const tabsSection = useRef<HTMLElement>(null);
  const counter = useRef(0);
  const current = useRef<Opened | null>(null);

  /** Open a workbook's (or a CSV file's) bytes; a file that cannot be read leaves the open one as it was. */
  const open = useCallback(
    (bytes: Uint8Array, name: string, sample: boolean) => {
      const key = ++counter.current;
      let host: FileHost;
      try {
        host = openInput(bytes, name, {
          lang,
          events: {
            written(plans: SheetPlan[], tabs: WrittenTab[], out: Uint8Array) {
              if (current.current?.key !== key) return;
              const drawn = tabs
                .map((w) => ({ plan: plans.find((p) => p.name === w.planName)!, sheetName: w.sheetName }))
                .filter((x) => x.plan);
              setWritten({ tabs: drawn, bytes: out });
              setStale(false);
              setActive((was) => (was && drawn.some((d) => d.sheetName === was) ? was : (drawn[0]?.sheetName ?? null)));
            },
            settingsSaved() {
              if (current.current?.key === key) setStale(true);
            },
            activated(sheetName: string) {
              if (current.current?.key !== key) return;
              setActive(sheetName);
              requestAnimationFrame(() => tabsSection.current?.querySelector<HTMLElement>(`[role="tab"][aria-selected="true"]`)?.focus());
            },
          },
        });
      } catch (err) {
        setOpenError({ name, message: messageOf(err) });
        return;
      }
      const next = { host, name, sample, key };
      current.current = next;
      setOpened(next);
      setOpenError(null);
      setWritten(null);
      setStale(false);
      setActive(null);
    },
    [lang],
  );

  /** Fetch and open the sample; `loadingSample` is already true (its initial state, or set by the button). */
  const fetchSample = useCallback(
    () =>
      fetch(SAMPLE_URL)
        .then(async (res) => {
          if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
          open(await bytesOf(await res.blob()), SAMPLE_NAME, true);
        })
        .catch(() => setOpenError({ name: SAMPLE_NAME, message: t.sampleFailed }))
        .finally(() => setLoadingSample(false)),
    [open, t],
  );

  // The page opens on the sample: fetched once on mount; state changes only when the fetch settles.
  useEffect(() => {
    void fetchSample();
  }, [fetchSample]);

  const openSample = () => {
    setLoadingSample(true);
    void fetchSample();
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      open(await bytesOf(file), file.name, false);
    } catch (err) {
      setOpenError({ name: file.name, message: messageOf(err) });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files[0]);
  };
  const onDragOver = (e: DragEvent) => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };

  const download = () => {
    if (!written || !opened) return;
    const url = URL.createObjectURL(
      new Blob([written.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = outputName(opened.name);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const shown = written?.tabs.find((x) => x.sheetName === active) ?? written?.tabs[0];
  const otherLang: Lang = lang === "sv" ? "en" : "sv";

  return (
    <div className={s.page} onDragOver={onDragOver} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <header className={s.banner}>
        <span className={s.bannerTitle}>{t.banner}</span>
        <Link href={`?lang=${otherLang}`} lang={otherLang === "sv" ? "sv-SE" : "en"}>
          {t.language}
        </Link>
      </header>
      <div className={s.intro}>
        <Body1>{t.intro}</Body1>
      </div>

      <section className={dragging ? `${s.file} ${s.dragging}` : s.file} aria-label={t.workbookTitle}>
        <Subtitle2 as="h2">{t.workbookTitle}</Subtitle2>
        {loadingSample && !opened ? (
          <Spinner size="tiny" label={t.loadingSample} />
        ) : (
          <Body1 data-testid="workbook-name">{opened ? t.current(opened.name, opened.sample) : t.none}</Body1>
        )}
        <div className={s.fileRow}>
          <Button onClick={() => input.current?.click()}>{t.open}</Button>
          {opened && !opened.sample ? (
            <Button appearance="subtle" onClick={openSample}>
              {t.openSample}
            </Button>
          ) : null}
          <Caption1>{dragging ? t.dropNow : t.drop}</Caption1>
        </div>
        <input
          ref={input}
          className={s.hiddenInput}
          type="file"
          accept={INPUT_TYPES}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Caption1>{t.privacy}</Caption1>
        {openError ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t.openFailedTitle}</MessageBarTitle>
              {t.openFailed(openError.name, openError.message)}
              {opened ? ` ${t.keptPrevious(opened.name)}` : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      <div className={s.columns}>
        <div className={s.pane}>
          {opened ? <App key={opened.key} host={opened.host} lang={lang} exporter={previewExporter(opened.name)} /> : null}
        </div>
        <section ref={tabsSection} className={s.tabs} aria-label={t.tabsTitle}>
          <Subtitle2 as="h2">{t.tabsTitle}</Subtitle2>
          {!written ? <Caption1>{t.tabsEmpty}</Caption1> : null}
          {written && stale ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t.stale}</MessageBarBody>
            </MessageBar>
          ) : null}
          {written ? (
            <>
              <div className={s.fileRow}>
                <Button appearance="primary" onClick={download}>
                  {t.download}
                </Button>
                <Caption1>{t.downloadHint}</Caption1>
              </div>
              <TabList
                className={s.tabList}
                aria-label={t.tabsLabel}
                selectedValue={shown?.sheetName}
                onTabSelect={(_, data) => setActive(String(data.value))}
              >
                {written.tabs.map((x, k) => (
                  <Tab key={x.sheetName} value={x.sheetName} id={`tab-${k}`} aria-controls={`tabpanel-${k}`}>
                    {x.sheetName}
                  </Tab>
                ))}
              </TabList>
              {/* Every tab is drawn (the tests and the browser's find read them all); one is shown. */}
              {written.tabs.map((x, k) => (
                <div key={x.sheetName} id={`tabpanel-${k}`} role="tabpanel" aria-labelledby={`tab-${k}`} hidden={x !== shown}>
                  <SheetTable plan={x.plan} sheetName={x.sheetName} texts={t} />
                </div>
              ))}
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
