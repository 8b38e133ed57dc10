import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../model/lang";
import { PreviewPage } from "./PreviewPage";

/** Swedish, as in Excel by default; "?lang=en" for English (tabs and pane alike). */
export const previewLang = (search: string): Lang => (new URLSearchParams(search).get("lang")?.toLowerCase().startsWith("en") ? "en" : "sv");

const lang = previewLang(location.search);
document.documentElement.lang = lang === "sv" ? "sv-SE" : "en";
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <PreviewPage lang={lang} />
  </FluentProvider>,
);
