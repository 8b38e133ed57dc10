/// <reference types="office-js" />
import type { CommandMessage } from "../app/outcome";

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

if (typeof document !== "undefined" && document.getElementById("dialog")) {
  const root = document.getElementById("dialog")!;
  const message = readMessage(location.hash) ?? { ok: false, title: "Målkoll", lines: [] };
  const english = document.documentElement.lang === "en" || navigator.language.startsWith("en");
  root.classList.add(message.ok ? "ok" : "failed");
  renderMessage(root, message, english ? "Close" : "Stäng", () => {
    if (typeof Office !== "undefined") Office.onReady(() => Office.context.ui.messageParent("close"));
  });
}
