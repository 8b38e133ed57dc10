import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RunOutcome } from "../../runReport";
import type { PaneExporter, PictureSet } from "../exporter";
import { EXPORT_TEXT, deckFileName } from "../../texts/export";
import type { Lang } from "../../../model/lang";

/** The deck renderer, in its own chunk with pptxgenjs: fetched on the first export click only. */
export type DeckModule = typeof import("../../../hosts/slides/deck");
export const loadDeckModule = (): Promise<DeckModule> => import(/* webpackChunkName: "pptx" */ "../../../hosts/slides/deck");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  gallery: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  picture: { maxWidth: "100%", height: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface ExportPanelProps {
  outcome: RunOutcome;
  lang: Lang;
  regionName: string | null;
  exporter: PaneExporter;
  /** Loads the deck renderer; lazily by default. */
  loadDeck?: () => Promise<DeckModule>;
}

/** After a run: the PowerPoint export and, where Excel can take them, pictures of the tables and charts. */
export function ExportPanel({ outcome, lang, regionName, exporter, loadDeck = loadDeckModule }: ExportPanelProps) {
  const s = useStyles();
  const t = EXPORT_TEXT[lang];
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ intent: "success" | "info" | "error"; text: string } | null>(null);
  const [taking, setTaking] = useState(false);
  const [pictures, setPictures] = useState<PictureSet | null>(null);

  const exportDeck = async () => {
    setExporting(true);
    setExported(null);
    try {
      const { renderDeck } = await loadDeck();
      const bytes = await renderDeck(outcome.plans, outcome.results, { lang, regionName, workbookName: await exporter.workbookName?.() });
      const name = deckFileName(outcome.results.measurementDate);
      const how = await exporter.deliver(bytes, name);
      setExported(how === "download" ? { intent: "success", text: t.downloaded(name) } : { intent: "info", text: t.dialog });
    } catch (e) {
      setExported({ intent: "error", text: t.exportFailed((e as Error).message) });
    } finally {
      setExporting(false);
    }
  };

  const takePictures = async () => {
    if (!exporter.pictures) return;
    setTaking(true);
    try {
      setPictures(await exporter.pictures(outcome.plans, outcome.written));
    } catch {
      setPictures({ pictures: [], failed: [], unsupported: true });
    } finally {
      setTaking(false);
    }
  };

  return (
    <section className={s.root} aria-label={t.title}>
      <Subtitle2 as="h2">{t.title}</Subtitle2>
      <Button onClick={exportDeck} disabled={exporting}>
        {t.exportPptx}
      </Button>
      {exporting ? <Spinner size="tiny" label={t.exporting} /> : null}
      {exported ? (
        <MessageBar intent={exported.intent} role={exported.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{exported.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {exporter.pictures === null ? (
        <Caption1>{t.noPictures}</Caption1>
      ) : (
        <>
          <Button onClick={takePictures} disabled={taking}>
            {t.showPictures}
          </Button>
          {taking ? <Spinner size="tiny" label={t.takingPictures} /> : null}
          {pictures?.unsupported ? (
            <MessageBar intent="warning" role="status">
              <MessageBarBody>{t.unsupported}</MessageBarBody>
            </MessageBar>
          ) : null}
          {pictures && !pictures.unsupported && pictures.pictures.length ? (
            <>
              <Caption1>{t.picturesHint}</Caption1>
              <ul className={s.gallery} aria-label={t.showPictures}>
                {pictures.pictures.map((p, k) => (
                  <li key={k}>
                    <Body1 as="p">{`${p.kind === "table" ? t.table : t.chart}: ${p.title}`}</Body1>
                    <img className={s.picture} src={p.src} alt={p.title} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {pictures && !pictures.unsupported && pictures.failed.length ? (
            <Caption1>{t.someFailed(pictures.failed.join(", "))}</Caption1>
          ) : null}
        </>
      )}
    </section>
  );
}
