/// <reference types="office-js" />
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office";
import { App } from "../app/pane/App";
import { EXCEL_API_VERSION } from "../app/requirements";
import type { Lang } from "../model/lang";
import { PANE_TEXT } from "../app/texts/pane";
import { htmlLang, langOf, officeLang } from "../app/lang";
import type { PaneExporter } from "../app/pane/exporter";

/** Excel's exports (download or dialog, pictures), loaded on the first click in their own chunk. */
const officeExport = () => import(/* webpackChunkName: "officeExport" */ "./officeExport");
const exporter: PaneExporter = {
  deliver: (bytes, name) => officeExport().then((m) => m.deliverInOffice(bytes, name)),
  pictures: (plans, written) => officeExport().then((m) => m.officePictures(plans, written)),
  workbookName: () => officeExport().then((m) => m.officeWorkbookName()),
};

/** The preview page: the same pane on a workbook in the browser, built beside this page. */
const PREVIEW_URL = "preview.html";

/**
 * A plain message instead of the pane, when the page cannot work (outside Excel, too old an Excel);
 * outside Excel it also links to the preview, where the pane runs without Office.
 */
function showMessage(text: string, lang: Lang, offerPreview: boolean): void {
  const root = document.getElementById("root");
  if (!root) return;
  const t = PANE_TEXT[lang];
  document.documentElement.lang = htmlLang(lang);
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.style.cssText = "padding: 12px; line-height: 1.4; max-width: 40em; overflow-wrap: anywhere;";
  const message = document.createElement("p");
  message.textContent = text;
  box.append(message);
  if (offerPreview) {
    const p = document.createElement("p");
    const link = document.createElement("a");
    link.href = PREVIEW_URL;
    link.textContent = t.previewLink;
    p.append(`${t.tryPreview} `, link);
    box.append(p);
  }
  root.replaceChildren(box);
}

// Office.js comes from Microsoft's CDN (taskpane.html); opened outside Office it is either missing
// (offline, blocked) or calls onReady without a host, and the page says so and offers the preview
// rather than staying blank.
if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
  const lang = langOf(navigator.language);
  showMessage(PANE_TEXT[lang].notInOffice, lang, true);
} else {
  Office.onReady((info) => {
    const lang = officeLang();
    const t = PANE_TEXT[lang];
    try {
      if (info?.host !== Office.HostType.Excel) return showMessage(t.notInOffice, lang, true);
      if (!Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_VERSION))
        return showMessage(t.unsupported(EXCEL_API_VERSION), lang, false);
      document.documentElement.lang = htmlLang(lang);
      createRoot(document.getElementById("root")!).render(
        <FluentProvider theme={webLightTheme}>
          <App host={createOfficeHost()} lang={lang} exporter={exporter} />
        </FluentProvider>,
      );
    } catch {
      showMessage(t.notInOffice, lang, true);
    }
  }).catch(() => {
    const lang = langOf(navigator.language);
    showMessage(PANE_TEXT[lang].notInOffice, lang, true);
  });
}
