/// <reference types="office-js" />
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office";
import { App } from "./App";
import { EXCEL_API_VERSION } from "./requirements";
import { PANE_TEXT, paneLang } from "./texts";

/** A plain message instead of the pane, when the page cannot work (outside Excel, too old an Excel). */
function showMessage(text: string): void {
  const root = document.getElementById("root");
  if (root) root.textContent = text;
}

// Office.js comes from Microsoft's CDN (taskpane.html); opened outside Office it is either missing
// or never calls onReady with a host, and the page says so rather than staying blank.
if (typeof Office === "undefined") {
  showMessage(PANE_TEXT[paneLang(navigator.language)].notInOffice);
} else {
  Office.onReady((info) => {
    const lang = paneLang(Office.context?.displayLanguage);
    const t = PANE_TEXT[lang];
    if (info.host !== Office.HostType.Excel) return showMessage(t.notInOffice);
    if (!Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_VERSION)) return showMessage(t.unsupported(EXCEL_API_VERSION));
    document.documentElement.lang = lang === "sv" ? "sv-SE" : "en";
    createRoot(document.getElementById("root")!).render(
      <FluentProvider theme={webLightTheme}>
        <App host={createOfficeHost()} lang={lang} />
      </FluentProvider>,
    );
  });
}
