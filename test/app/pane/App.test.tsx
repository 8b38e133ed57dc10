/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/app/pane/App";
import { type Engine, loadEngine } from "../../../src/app/pane/loadEngine";
import type { HostPort } from "../../../src/hosts/port";
import { createOfficeHost } from "../../../src/hosts/office";
import type { Lang } from "../../../src/model/lang";
import type { Guess } from "../../../src/model/mapping";
import type { SheetSettings } from "../../../src/model/settings";
import { fakeFromGrids } from "../../fakes/excel";
import { memoryHost } from "./memoryHost";
import { MEASURED, NBSP, contacts, indicators, notes, waiting } from "./fixture";

// Fluent UI in jsdom is slow (a second or two per flow); CI shares two cores with other suites.
jest.setTimeout(30_000);

const renderPane = (host: HostPort, lang: Lang = "sv", engine?: () => Promise<Engine>) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} engine={engine} />
    </FluentProvider>,
  );

/** Whether the settings already say what the guess would have decided (then it is no longer a guess). */
const settled = (g: Guess, saved: SheetSettings | undefined): boolean =>
  g.target === "measure" ? saved?.measure !== undefined : saved?.columns?.[g.field] !== undefined;

/**
 * The real engine, but its detection reports the given guesses (sheet → guesses) until the settings
 * settle them: the contract ingest keeps (a saved mapping is certain), without depending on which
 * readings today's ingest takes as guesses.
 */
const guessingEngine = (guesses: Record<string, Guess[]>) => async (): Promise<Engine> => {
  const real = await loadEngine();
  return {
    ...real,
    detectSheets: (grids, settings) =>
      real.detectSheets(grids, settings).map((d) => {
        const open = (guesses[d.sheet] ?? []).filter((g) => !settled(g, settings.sheets[d.sheet]));
        if (open.length === 0) return d;
        return { ...d, note: { code: "needsConfirmation", headerRow: d.headerRow ?? 1, guesses: open }, guesses: open };
      }),
  };
};

/** "Väntande kontakter" names no measure but for "kontakt"; Väntande's unit taken from a code column. */
const looseMeasure: Guess = { target: "measure", measure: "primaryContact", why: "looseName", text: "Väntande kontakter" };
const codeUnit: Guess = { target: "column", field: "unit", header: "Klinik", column: "A", why: "codeColumn" };
const GUESSES = { "Väntande kontakter": [looseMeasure], Väntande: [codeUnit] };

/** The pane after it has read the workbook: the sheets are listed. */
async function openPane(host = memoryHost([waiting, notes]), lang: Lang = "sv") {
  const user = userEvent.setup();
  renderPane(host, lang);
  await screen.findByRole("listitem", { name: "Väntande" });
  return { host, user };
}

const runButton = () => screen.getByRole("button", { name: "Beräkna måluppfyllelse" });
const measureItem = (name: string) => screen.getByRole("listitem", { name });

async function run(user: ReturnType<typeof userEvent.setup>, date = MEASURED) {
  const input = screen.getByRole("textbox", { name: /Mätdatum/ });
  await user.clear(input);
  if (date) await user.type(input, date);
  await user.click(runButton());
}

/** Open a sheet's column mapping (it is folded away unless the sheet has guesses). */
async function showColumns(user: ReturnType<typeof userEvent.setup>, sheet: string, label = "Visa kolumner") {
  await user.click(within(screen.getByRole("listitem", { name: sheet })).getByRole("button", { name: label }));
}

test("shows each sheet with its kind, rows and certainty on one line, and its mapped columns on demand", async () => {
  const { user } = await openPane();
  const sheet = screen.getByRole("listitem", { name: "Väntande" });
  // Rows 2–10 under the header: 9 rows; every column found by its name.
  expect(within(sheet).getByText("Väntande (patientnivå) · 9 rader · alla kolumner säkra")).toBeTruthy();
  expect(within(sheet).queryAllByRole("combobox")).toHaveLength(0);
  await showColumns(user, "Väntande");
  expect(within(sheet).getByText("Kolumnerna hittades på rubrikrad 1.")).toBeTruthy();
  expect(within(sheet).getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" }).textContent).toBe("Klinik");
  expect(within(sheet).getByRole("combobox", { name: "Kolumn för Kontakttyp på bladet Väntande" }).textContent).toBe("Kontakttyp");
  expect(within(sheet).getByRole("combobox", { name: "Kolumn för Startdatum på bladet Väntande" }).textContent).toBe("Beslutsdatum");
  const other = screen.getByRole("listitem", { name: "Anteckningar" });
  expect(within(other).getByText("Inte igenkänt · ingen rubrikrad hittades")).toBeTruthy();
  expect(
    within(other).getByText("Ingen rubrikrad med enhet och datum, väntetid eller antal hittades bland de första raderna."),
  ).toBeTruthy();
  expect(within(other).queryAllByRole("combobox")).toHaveLength(0);
});

test("one click computes, writes the tabs and shows each measure's region share with its rating", async () => {
  const { host, user } = await openPane();
  await run(user);
  const first = await screen.findByRole("listitem", { name: "Förstabesök (väntande)" });
  // 5 of 6 within 90 days = 83,3 %; 0.833 of the target 1.0 is at least 0.8 → yellow.
  expect(within(first).getByText(/^83,3/).textContent).toBe(`83,3${NBSP}%`);
  expect(within(first).getByText("Uppfylls delvis").getAttribute("data-rating")).toBe("yellow");
  // 1 of 2 within = 50,0 % → red.
  const op = measureItem("Operation/åtgärd (väntande)");
  expect(within(op).getByText(/^50,0/).textContent).toBe(`50,0${NBSP}%`);
  expect(within(op).getByText("Uppfylls inte").getAttribute("data-rating")).toBe("red");
  expect(screen.getByText("Mätdatum 2024-01-31")).toBeTruthy();
  expect(screen.getByText("Inga mål i underlaget.")).toBeTruthy();
  expect(screen.getByText(/^1 rad kunde inte användas\./)).toBeTruthy();
  expect(host.written).toHaveLength(1);
  expect(host.written[0].map((p) => p.name)).toEqual(expect.arrayContaining(["Vårdgaranti", "Datakontroll"]));
});

test("the rejected rows' link shows the Datakontroll tab", async () => {
  const { host, user } = await openPane();
  await run(user);
  await user.click(await screen.findByRole("button", { name: "Visa Datakontroll" }));
  await waitFor(() => expect(host.activated).toEqual(["Datakontroll"]));
});

test("the progress bar names the stage while the tabs are written", async () => {
  const host = memoryHost([waiting, notes]);
  const { user } = await openPane(host);
  const release = host.holdWrites();
  await run(user);
  const bar = await screen.findByRole("progressbar", { name: "Skriver flikar" });
  // Writing is the last of three stages: at its start the bar is two thirds full.
  expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(2 / 3, 5);
  expect(runButton().hasAttribute("disabled")).toBe(true);
  release();
  await screen.findByRole("listitem", { name: "Förstabesök (väntande)" });
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("changing a column mapping saves it in the settings and the run uses it", async () => {
  const { host, user } = await openPane();
  await showColumns(user, "Väntande");
  await user.click(screen.getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" }));
  await user.click(await screen.findByRole("option", { name: "Mottagning" }));
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect((host.saved[0] as { sheets: unknown }).sheets).toEqual({ Väntande: { columns: { unit: "Mottagning" } } });
  expect(screen.getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" }).textContent).toBe("Mottagning");
  await run(user);
  await screen.findByRole("listitem", { name: "Förstabesök (väntande)" });
  const written = host.written[0].flatMap((p) => p.cells.flat());
  expect(written).toEqual(expect.arrayContaining(["Ögon Syd", "Ögon Norr", "Hud Öst", "Hud Väst"]));
  expect(written).not.toContain("Hud");
});

test("a lower target is saved and changes the rating", async () => {
  const { host, user } = await openPane();
  await user.click(screen.getByRole("button", { name: "Gränser och mål" }));
  const target = await screen.findByRole("textbox", { name: "Förstabesök: mål (%)" });
  expect((target as HTMLInputElement).value).toBe("100");
  await user.clear(target);
  await user.type(target, "80{Enter}");
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect((host.saved[0] as { measures: { firstVisit: unknown } }).measures.firstVisit).toEqual({ limitDays: 90, target: 0.8 });
  await run(user);
  // 83,3 % against a target of 80 %: achievement 1.04 ≥ 1.0 → green.
  const first = await screen.findByRole("listitem", { name: "Förstabesök (väntande)" });
  expect(within(first).getByText("Uppfylls helt").getAttribute("data-rating")).toBe("green");
});

test("a target over 100 % is refused at the field and not saved", async () => {
  const { host, user } = await openPane();
  await user.click(screen.getByRole("button", { name: "Gränser och mål" }));
  const target = await screen.findByRole("textbox", { name: "Förstabesök: mål (%)" });
  await user.clear(target);
  await user.type(target, "120{Enter}");
  expect(await screen.findByText(/measures\.firstVisit\.target: ogiltigt värde/)).toBeTruthy();
  expect(host.saved).toHaveLength(0);
});

test("an error while writing is shown in plain Swedish with what to do", async () => {
  const host = memoryHost([waiting, notes]);
  const { user } = await openPane(host);
  host.failOn("writePlans", Object.assign(new Error("Edit mode"), { code: "InvalidOperationInCellEditMode" }));
  await run(user);
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Excel håller på att redigera en cell. Tryck Enter eller Esc i cellen och försök igen.");
  expect(screen.queryByRole("listitem", { name: "Förstabesök (väntande)" })).toBeNull();
  expect(runButton().hasAttribute("disabled")).toBe(false); // the user can try again
});

test("a malformed measurement date is refused before anything runs", async () => {
  const { host, user } = await openPane();
  await run(user, "31/1 2024");
  expect(screen.getByText("Skriv datumet som ÅÅÅÅ-MM-DD, eller lämna fältet tomt.")).toBeTruthy();
  expect(host.written).toHaveLength(0);
});

test("stored settings that cannot be used are reported and the defaults apply", async () => {
  await openPane(memoryHost([waiting], { version: 1, colour: "red" }));
  expect(screen.getByText(/De sparade inställningarna kunde inte användas \(colour: okänd inställning\.\)/)).toBeTruthy();
});

test("the main button is reached and pressed by keyboard alone", async () => {
  const { host, user } = await openPane();
  // From the top of the pane: the sheet's column mapping, opened with Enter, its three dropdowns,
  // the date, five settings headers, the button.
  await user.tab();
  expect(document.activeElement?.textContent).toBe("Visa kolumner");
  await user.keyboard("{Enter}");
  expect(document.activeElement?.getAttribute("aria-expanded")).toBe("true");
  const order: string[] = [];
  for (let i = 0; i < 20 && document.activeElement !== runButton(); i++) {
    await user.tab();
    const e = document.activeElement as HTMLElement;
    order.push(e.getAttribute("aria-label") ?? e.getAttribute("placeholder") ?? e.textContent ?? "");
  }
  expect(order).toEqual([
    "Kolumn för Enhet på bladet Väntande",
    "Kolumn för Kontakttyp på bladet Väntande",
    "Kolumn för Startdatum på bladet Väntande",
    "ÅÅÅÅ-MM-DD",
    "Gränser och mål",
    "Färggränser (andel av målet)",
    "Undantag som exkluderas",
    "Sammanvägning av mål",
    "Presentation",
    "Beräkna måluppfyllelse",
  ]);
  await user.keyboard("{Enter}");
  await screen.findByRole("listitem", { name: "Förstabesök (väntande)" });
  expect(host.written).toHaveLength(1);
});

test("in English the pane and the shares are English", async () => {
  const user = userEvent.setup();
  renderPane(memoryHost([waiting, notes]), "en");
  await screen.findByRole("listitem", { name: "Väntande" });
  expect(screen.getByText("Waiting (patient level) · 9 rows · all columns certain")).toBeTruthy();
  await showColumns(user, "Väntande", "Show columns");
  expect(screen.getByText("The columns were found on header row 1.")).toBeTruthy();
  expect(screen.getByRole("combobox", { name: "Column for Unit on sheet Väntande" }).textContent).toBe("Klinik");
  const other = screen.getByRole("listitem", { name: "Anteckningar" });
  expect(
    within(other).getByText("No header row with a unit and dates, waiting times or counts was found among the first rows."),
  ).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Compute compliance" }));
  const first = await screen.findByRole("listitem", { name: "First visit (waiting)" });
  expect(within(first).getByText("83.3%")).toBeTruthy();
  expect(within(first).getByText("Partly met")).toBeTruthy();
});

test("the goal roll-up rule is chosen and saved", async () => {
  const { host, user } = await openPane();
  await user.click(screen.getByRole("button", { name: "Sammanvägning av mål" }));
  const committee = await screen.findByRole("radio", { name: /^Nämndens regel/ });
  expect((committee as HTMLInputElement).checked).toBe(true); // the default
  await user.click(screen.getByRole("radio", { name: /^Sämsta indikatorn/ }));
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect((host.saved[0] as { rollUp: string }).rollUp).toBe("worst");
});

test("goals are counted per colour, and the roll-up rule changes them", async () => {
  const { user } = await openPane(memoryHost([waiting, indicators]));
  await run(user);
  const goals = await screen.findByRole("list", { name: "Mål per färg" });
  const counts = () =>
    within(goals)
      .getAllByRole("listitem")
      .map((li) => li.getAttribute("aria-label"));
  // Committee rule: Tillgänglighet mixed (green + red) → yellow; Kvalitet all green → green.
  expect(counts()).toEqual(["Uppfylls helt: 1", "Uppfylls delvis: 1", "Uppfylls inte: 0", "Ej mätt: 0"]);
  await user.click(screen.getByRole("button", { name: "Sammanvägning av mål" }));
  await user.click(await screen.findByRole("radio", { name: /^Sämsta indikatorn/ }));
  await run(user);
  // Worst indicator: Tillgänglighet takes B's red.
  const after = await screen.findByRole("list", { name: "Mål per färg" });
  expect(
    within(after)
      .getAllByRole("listitem")
      .map((li) => li.getAttribute("aria-label")),
  ).toEqual(["Uppfylls helt: 1", "Uppfylls delvis: 0", "Uppfylls inte: 1", "Ej mätt: 0"]);
});

test("the region's name for the deck's first slide is saved on Enter, trimmed; emptied it is saved as none", async () => {
  const { host, user } = await openPane();
  await user.click(screen.getByRole("button", { name: "Presentation" }));
  const name = await screen.findByRole("textbox", { name: "Regionens namn (rubrik på första bilden)" });
  expect((name as HTMLInputElement).value).toBe("");
  await user.type(name, "  Region Exempelland {Enter}");
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect((host.saved[0] as { regionName: unknown }).regionName).toBe("Region Exempelland");
  await user.clear(name);
  await user.tab();
  await waitFor(() => expect(host.saved).toHaveLength(2));
  expect((host.saved[1] as { regionName: unknown }).regionName).toBeNull();
});

test("sheets not computed until their guesses are confirmed are named above the button; Bekräfta settles each", async () => {
  const host = memoryHost([waiting, contacts]);
  const user = userEvent.setup();
  renderPane(host, "sv", guessingEngine(GUESSES));
  const line = await screen.findByText("2 blad beräknas inte förrän gissningarna är bekräftade.");
  // Right above the button.
  expect(line.compareDocumentPosition(runButton()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  const unitSheet = await screen.findByRole("listitem", { name: "Väntande" });
  expect(within(unitSheet).getByText("1 gissning att bekräfta")).toBeTruthy();
  await user.click(within(unitSheet).getByRole("button", { name: "Bekräfta" }));
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect((host.saved[0] as { sheets: unknown }).sheets).toEqual({ Väntande: { columns: { unit: "Klinik" } } });
  // Detection ran again on the saved settings: Väntande is certain now, one sheet still waits.
  expect(within(unitSheet).getByText("Väntande (patientnivå) · 9 rader · alla kolumner säkra")).toBeTruthy();
  expect(within(unitSheet).queryByRole("button", { name: "Bekräfta" })).toBeNull();
  expect(screen.getByText("1 blad beräknas inte förrän gissningarna är bekräftade.")).toBeTruthy();
  await user.click(within(screen.getByRole("listitem", { name: "Väntande kontakter" })).getByRole("button", { name: "Bekräfta" }));
  await waitFor(() => expect(host.saved).toHaveLength(2));
  expect((host.saved[1] as { sheets: unknown }).sheets).toEqual({
    Väntande: { columns: { unit: "Klinik" } },
    "Väntande kontakter": { measure: "primaryContact" },
  });
  expect(screen.queryByText(/beräknas inte förrän/)).toBeNull();
});

test("a guessed measure changed and confirmed in the pane is stored in the workbook's settings (the strict Excel fake) and the run uses it", async () => {
  const fake = fakeFromGrids([contacts]);
  const user = userEvent.setup();
  renderPane(createOfficeHost(fake.run), "sv", guessingEngine(GUESSES));
  const sheet = await screen.findByRole("listitem", { name: "Väntande kontakter" });
  expect(within(sheet).getByText('mått "Kontakt samma dag" (gissat från bladets namn eller rubrik)')).toBeTruthy();
  await user.click(within(sheet).getByRole("combobox", { name: "Mått för bladet Väntande kontakter" }));
  await user.click(await screen.findByRole("option", { name: "Medicinsk bedömning" }));
  await user.click(within(sheet).getByRole("button", { name: "Bekräfta" }));
  // Read back what the fake workbook stored, through a host of its own.
  await waitFor(async () =>
    expect(await createOfficeHost(fake.run).loadSettings()).toMatchObject({
      sheets: { "Väntande kontakter": { measure: "primaryAssessment" } },
    }),
  );
  await waitFor(() => expect(within(sheet).queryByRole("button", { name: "Bekräfta" })).toBeNull());
  expect(screen.queryByText(/beräknas inte förrän/)).toBeNull();
  await run(user);
  // Both rows are waits for a medical assessment now, not same-day contacts.
  await screen.findByRole("listitem", { name: "Medicinsk bedömning (väntande)" });
  expect(screen.queryByRole("listitem", { name: "Kontakt samma dag (väntande)" })).toBeNull();
});

test("in English the sheets left out until confirmed are counted in English", async () => {
  const user = userEvent.setup();
  renderPane(memoryHost([waiting, contacts]), "en", guessingEngine(GUESSES));
  await screen.findByText("2 sheets are not computed until their guesses are confirmed.");
  const sheet = await screen.findByRole("listitem", { name: "Väntande kontakter" });
  expect(within(sheet).getByText("1 guess to confirm")).toBeTruthy();
  await user.click(within(sheet).getByRole("button", { name: "Confirm" }));
  await screen.findByText("1 sheet is not computed until its guesses are confirmed.");
});
