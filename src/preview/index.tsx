import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { htmlLang, previewLang } from "../app/lang";
import { PreviewPage } from "./PreviewPage";

const lang = previewLang(location.search);
document.documentElement.lang = htmlLang(lang);
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <PreviewPage lang={lang} />
  </FluentProvider>,
);
