/// <reference types="office-js" />
// download.html: the pane's fallback where the Office web view blocks downloads. It tells the pane
// it is ready, receives the file in pieces and offers it as a link the user clicks.
import { htmlLang, officeLang } from "../app/lang";
import { EXPORT_TEXT } from "../app/texts/export";
import { collector } from "./downloadProtocol";

const status = document.getElementById("status")!;

Office.onReady(() => {
  // In Office's display language, which Office.js knows once it is ready (not the browser's).
  const lang = officeLang();
  const t = EXPORT_TEXT[lang];
  document.documentElement.lang = htmlLang(lang);
  document.title = t.dialogTitle;
  status.textContent = t.dialogFetching;
  const take = collector();
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
    const file = take((arg as { message: string }).message);
    if (!file) return;
    const url = URL.createObjectURL(
      new Blob([file.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.presentationml.presentation" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = file.name;
    a.textContent = t.dialogSave(file.name);
    status.replaceChildren(a);
  });
  Office.context.ui.messageParent("ready");
});
