import { runReport } from "../app/runReport";
import type { HostPort } from "../hosts/port";
import type { Lang } from "../model/lang";
import { type CommandMessage, errorMessage, outcomeMessage } from "../app/outcome";

export interface RibbonDeps {
  /** Made inside the run, so that a host that cannot even be created is reported like any error. */
  host: () => HostPort;
  lang: Lang;
  /** Tell the user; resolves when the user has seen it (the dialog is closed). */
  notify: (message: CommandMessage) => Promise<void>;
}

/**
 * The "Beräkna" button: run with the saved settings (detected defaults on a first run), tell the
 * user how it went, and complete the event whatever happens. Office keeps the button busy until
 * completed() is called, so a missed call would block the ribbon command.
 */
export async function runFromRibbon(event: { completed(): void }, deps: RibbonDeps): Promise<void> {
  try {
    let message: CommandMessage;
    try {
      message = outcomeMessage(await runReport(deps.host(), { lang: deps.lang }), deps.lang);
    } catch (err) {
      message = errorMessage(err, deps.lang);
    }
    await deps.notify(message);
  } catch {
    // Nothing more can be shown if notifying failed; completing the event below still must happen.
  } finally {
    event.completed();
  }
}
