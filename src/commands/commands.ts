/// <reference types="office-js" />
import { createOfficeHost } from "../hosts/office";
import { RUN_FUNCTION } from "../app/requirements";
import { officeLang } from "../app/lang";
import { showOutcomeDialog } from "./outcomeDialog";
import { runFromRibbon } from "./runFromRibbon";

/** The "Beräkna" button (manifest: ExecuteFunction runMalkoll). */
function runMalkoll(event: Office.AddinCommands.Event): void {
  const lang = officeLang();
  void runFromRibbon(event, {
    host: () => createOfficeHost(),
    lang,
    notify: (message) => showOutcomeDialog(message, Office.context.ui, location.href),
  });
}

// Current clients look the function up through Office.actions; older ones call the global by name.
Office.onReady(() => Office.actions?.associate(RUN_FUNCTION, runMalkoll));
(globalThis as unknown as Record<string, unknown>)[RUN_FUNCTION] = runMalkoll;
