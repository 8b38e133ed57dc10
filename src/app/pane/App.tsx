import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { HostPort } from "../../hosts/port";
import type { Progress, RunOutcome } from "../runReport";
import type { SheetGrid } from "../../model/cells";
import type { SheetDetection } from "../pipeline";
import { DEFAULT_SETTINGS, type Settings } from "../../model/settings";
import { type Field as FieldId } from "../../model/sheets";
import type { MeasureId } from "../../model/measures";
import { computedAnything } from "../../domain/results";
import { explainError } from "../errors";
import { type Engine, loadEngine } from "./loadEngine";
import { type Lang } from "../../model/lang";
import { PANE_TEXT } from "../texts/pane";
import { RunProgress } from "./components/RunProgress";
import { ExportPanel, ResultView, SettingsPanel, SheetList, loadViews } from "./lazyViews";
import type { PaneExporter } from "./exporter";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Some sheets are left out of the run until their guesses are confirmed: said right above the
  // button (half the pane's gap away, so it reads as the button's caption).
  unconfirmed: { color: tokens.colorStatusWarningForeground1, marginBottom: `calc(-1 * ${tokens.spacingVerticalS})` },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AppProps {
  /** Where the workbook lives: the Office gateway in Excel, an in-memory fake in tests. */
  host: HostPort;
  lang: Lang;
  /** Loads the pipeline; lazily by default so the pane's first load stays small. */
  engine?: () => Promise<Engine>;
  /** The PowerPoint export and pictures after a run; without it the pane offers neither. */
  exporter?: PaneExporter;
}

/**
 * The task pane: the sheets Målkoll found, one line each with the guesses to confirm and the
 * column mapping on demand, the measurement date and settings, one button that computes and writes
 * the summary tabs, progress by stage, and the result. All workbook access goes through `host`;
 * all computing through the engine.
 */
export function App({ host, lang, engine = loadEngine, exporter }: AppProps) {
  const s = useStyles();
  const t = PANE_TEXT[lang];
  const engineRef = useRef<Engine | null>(null);
  const gridsRef = useRef<SheetGrid[]>([]);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [detections, setDetections] = useState<SheetDetection[] | null>(null);
  const [date, setDate] = useState("");
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Read the workbook once on opening, to show what was found before anything is computed.
  useEffect(() => {
    let live = true;
    void loadViews(); // fetch the views' chunk while the workbook is read
    (async () => {
      try {
        const e = (engineRef.current = await engine());
        const loaded = await e.loadWorkbook(host, (p) => live && setProgress(p), lang);
        if (!live) return;
        gridsRef.current = loaded.grids;
        setSettings(loaded.settings);
        setNotice(loaded.settingsProblem);
        setDetections(e.detectSheets(loaded.grids, loaded.settings));
      } catch (err) {
        if (live) setError(explainError(err, lang));
      } finally {
        if (live) {
          setBusy(false);
          setProgress(null);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [host, engine, lang]);

  /** Validate (the same reader as the CLI's --config), keep, and store in the workbook. */
  const changeSettings = useCallback(
    (next: Settings): string | null => {
      const e = engineRef.current;
      const checked = e ? e.readSettings(next) : { ok: true as const, value: next };
      if (!checked.ok) return checked.reason;
      setSettings(checked.value);
      if (e) setDetections(e.detectSheets(gridsRef.current, checked.value));
      host.saveSettings(checked.value).catch(() => setError(t.saveFailed));
      return null;
    },
    [host, t],
  );

  const changeColumn = (sheet: string, field: FieldId, header: string) => {
    const next = structuredClone(settings);
    const current = next.sheets[sheet] ?? {};
    next.sheets[sheet] = { ...current, columns: { ...current.columns, [field]: header } };
    const refused = changeSettings(next);
    if (refused) setError(refused);
  };

  /** A confirmed (or changed) guess of a sheet's measure: saved, so detection takes it as certain. */
  const changeMeasure = (sheet: string, measure: MeasureId) => {
    const next = structuredClone(settings);
    next.sheets[sheet] = { ...next.sheets[sheet], measure };
    const refused = changeSettings(next);
    if (refused) setError(refused);
  };

  const run = async () => {
    const wanted = date.trim();
    if (wanted && !ISO_DATE.test(wanted)) return setDateError(t.dateInvalid);
    setDateError(null);
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const e = engineRef.current ?? (engineRef.current = await engine());
      // Read again: the user may have edited the sheets since the pane opened.
      const loaded = await e.loadWorkbook(host, setProgress, lang);
      gridsRef.current = loaded.grids;
      setDetections(e.detectSheets(loaded.grids, settings));
      setOutcome(
        await e.computeAndWrite(host, loaded.grids, settings, { date: wanted || undefined, lang, past: loaded.past }, setProgress),
      );
    } catch (err) {
      setError(explainError(err, lang));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const showDataCheck = (sheetName: string) => {
    host.activate(sheetName).catch((err) => setError(explainError(err, lang)));
  };

  const waiting = <Spinner size="tiny" />;
  const unconfirmed = detections?.filter((d) => d.guesses.length > 0).length ?? 0;
  return (
    <main className={s.root}>
      <Subtitle1 as="h1">{t.title}</Subtitle1>
      {notice ? (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <section className={s.section} aria-label={t.sheetsTitle}>
        <Subtitle2 as="h2">{t.sheetsTitle}</Subtitle2>
        {detections === null ? (
          busy ? (
            <Spinner size="tiny" label={t.loading} />
          ) : null
        ) : (
          <Suspense fallback={waiting}>
            <SheetList
              detections={detections}
              texts={t}
              lang={lang}
              disabled={busy}
              onColumnChange={changeColumn}
              onMeasureChange={changeMeasure}
            />
          </Suspense>
        )}
      </section>

      <section className={s.section} aria-label={t.settingsTitle}>
        <Subtitle2 as="h2">{t.settingsTitle}</Subtitle2>
        <Field
          label={t.dateLabel}
          hint={t.dateHint}
          validationMessage={dateError ?? undefined}
          validationState={dateError ? "error" : "none"}
        >
          <Input
            value={date}
            placeholder={lang === "sv" ? "ÅÅÅÅ-MM-DD" : "YYYY-MM-DD"}
            onChange={(_, d) => setDate(d.value)}
            disabled={busy}
          />
        </Field>
        <Suspense fallback={waiting}>
          <SettingsPanel settings={settings} lang={lang} texts={t} disabled={busy} onChange={changeSettings} />
        </Suspense>
      </section>

      {unconfirmed > 0 ? <Caption1 className={s.unconfirmed}>{t.notComputed(unconfirmed)}</Caption1> : null}
      <Button appearance="primary" onClick={run} disabled={busy || detections === null}>
        {t.run}
      </Button>
      {progress ? <RunProgress progress={progress} texts={t} /> : null}

      {outcome && !computedAnything(outcome.results) ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.nothingComputed}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome && computedAnything(outcome.results) ? (
        <Suspense fallback={waiting}>
          <ResultView outcome={outcome} lang={lang} texts={t} onShowDataCheck={showDataCheck} />
          {exporter ? <ExportPanel outcome={outcome} lang={lang} regionName={settings.regionName} exporter={exporter} /> : null}
        </Suspense>
      ) : null}
    </main>
  );
}
