/// <reference types="office-js" />
import type { CommandMessage } from "../app/outcome";
import { htmlLang, officeLang, type Lang } from "../app/lang";
import { PANE_TEXT } from "../app/texts/pane";

/** The message from the URL fragment (see outcomeDialog.ts), or null when there is none or it is garbled. */
export function readMessage(hash: string): CommandMessage | null {
  try {
    const m = JSON.parse(decodeURIComponent(hash.replace(/^#/, ""))) as CommandMessage;
    return typeof m.title === "string" && Array.isArray(m.lines) ? m : null;
  } catch {
    return null;
  }
}

/** Plain DOM, no React: the dialog opens on every ribbon run and should appear at once. */
export function renderMessage(root: HTMLElement, message: CommandMessage, closeLabel: string, onClose: () => void): void {
  const h1 = document.createElement("h1");
  h1.textContent = message.title;
  root.append(h1);
  for (const line of message.lines) {
    const p = document.createElement("p");
    p.textContent = line;
    root.append(p);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = closeLabel;
  button.addEventListener("click", onClose);
  root.append(button);
  button.focus();
}

/**
 * Show the dialog in Office's display language: the message itself is already in it (the ribbon's
 * run chose it), the button is this page's. Office.js sets displayLanguage once it is ready.
 */
function whenLangKnown(show: (lang: Lang) => void): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return show(officeLang());
  Office.onReady(() => show(officeLang())).catch(() => show(officeLang()));
}

if (typeof document !== "undefined" && document.getElementById("dialog")) {
  const root = document.getElementById("dialog")!;
  const message = readMessage(location.hash) ?? { ok: false, title: "Målkoll", lines: [] };
  root.classList.add(message.ok ? "ok" : "failed");
  whenLangKnown((lang) => {
    document.documentElement.lang = htmlLang(lang);
    renderMessage(root, message, PANE_TEXT[lang].close, () => {
      if (typeof Office !== "undefined") Office.context.ui.messageParent("close");
    });
  });
}
