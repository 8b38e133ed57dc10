import { runFromRibbon } from "../../src/commands/runFromRibbon";
import type { CommandMessage } from "../../src/app/outcome";
import { memoryHost } from "../app/pane/memoryHost";
import { NBSP, notes, waiting } from "../app/pane/fixture";

/** A ribbon event that counts its completions, and a notifier that keeps what it was told. */
function harness() {
  const event = { completed: jest.fn() };
  const told: CommandMessage[] = [];
  const notify = jest.fn(async (m: CommandMessage) => void told.push(m));
  return { event, told, notify };
}

test("Beräkna runs with the detected defaults, writes the tabs, tells the outcome and completes", async () => {
  const host = memoryHost([waiting, notes]);
  const { event, told, notify } = harness();
  await runFromRibbon(event, { host: () => host, lang: "sv", notify });
  expect(host.written).toHaveLength(1);
  expect(event.completed).toHaveBeenCalledTimes(1);
  // No date given: the newest date (2024-01-15) → month end 2024-01-31, the fixture's date.
  expect(told).toEqual([
    {
      ok: true,
      title: "Målkoll är klar",
      lines: [
        "2 mått beräknade; 1 rad kunde inte användas (se Datakontroll).",
        `Förstabesök (väntande): 83,3${NBSP}%, uppfylls delvis`,
        `Operation/åtgärd (väntande): 50,0${NBSP}%, uppfylls inte`,
      ],
    },
  ]);
});

test("the saved settings are used: a target of 80 % makes first visits green", async () => {
  const host = memoryHost([waiting], { version: 1, measures: { firstVisit: { target: 0.8 } } });
  const { event, told, notify } = harness();
  await runFromRibbon(event, { host: () => host, lang: "sv", notify });
  expect(told[0].lines[1]).toBe(`Förstabesök (väntande): 83,3${NBSP}%, uppfylls helt`);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("a workbook with nothing to compute is reported, writes nothing, and completes", async () => {
  const host = memoryHost([notes]);
  const { event, told, notify } = harness();
  await runFromRibbon(event, { host: () => host, lang: "sv", notify });
  expect(host.written).toHaveLength(0);
  expect(told[0]).toMatchObject({ ok: false, title: "Målkoll kunde inte beräkna" });
  expect(told[0].lines[0]).toMatch(/^Inget kunde beräknas/);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("an Excel error is told in plain Swedish and the event still completes", async () => {
  const host = memoryHost([waiting]);
  host.failOn("writePlans", { code: "AccessDenied", message: "Access denied" });
  const { event, told, notify } = harness();
  await runFromRibbon(event, { host: () => host, lang: "sv", notify });
  expect(told).toEqual([
    {
      ok: false,
      title: "Målkoll kunde inte beräkna",
      lines: ["Arbetsboken eller ett blad är skyddat. Ta bort skyddet (Granska › Ta bort skydd) och försök igen."],
    },
  ]);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("the event completes even when the host cannot be created", async () => {
  const { event, told, notify } = harness();
  await runFromRibbon(event, {
    host: () => {
      throw new Error("Excel is not ready");
    },
    lang: "en",
    notify,
  });
  expect(told[0].lines[0]).toBe(
    "An unexpected error occurred: Excel is not ready. Try again. If it persists: save the workbook, close Målkoll and open it again.",
  );
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("the event completes even when telling the user fails", async () => {
  const { event } = harness();
  const notify = jest.fn(async () => {
    throw new Error("dialog blocked");
  });
  await runFromRibbon(event, { host: () => memoryHost([waiting]), lang: "sv", notify });
  expect(notify).toHaveBeenCalledTimes(1);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("the event completes only after the user has seen the message (Office would close the dialog)", async () => {
  const { event } = harness();
  let closeDialog!: () => void;
  const notify = jest.fn(() => new Promise<void>((resolve) => (closeDialog = resolve)));
  const running = runFromRibbon(event, { host: () => memoryHost([waiting]), lang: "sv", notify });
  await new Promise((r) => setTimeout(r, 50));
  expect(notify).toHaveBeenCalledTimes(1);
  expect(event.completed).not.toHaveBeenCalled();
  closeDialog();
  await running;
  expect(event.completed).toHaveBeenCalledTimes(1);
});
