/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SheetList } from "../../../src/app/pane/components/SheetList";
import type { SheetDetection } from "../../../src/app/pipeline";
import type { Guess } from "../../../src/model/mapping";
import type { Lang } from "../../../src/model/lang";
import { PANE_TEXT } from "../../../src/app/texts/pane";

jest.setTimeout(30_000);

/** A waiting list whose every column was recognised by its name: 1 234 rows under header row 4. */
const certain: SheetDetection = {
  sheet: "Väntande",
  kind: "waitingList",
  note: { code: "patientList", basis: "waiting", measureFrom: "column" },
  headerRow: 4,
  columns: { unit: "Klinik", measure: "Kontakttyp", start: "Beslutsdatum" },
  headers: ["Klinik", "Sjukhus", "Kontakttyp", "Beslutsdatum"],
  rows: 1234,
  guesses: [],
};

/** The wait's start taken from the referral date (no decision date): a column guess. */
const referral: Guess = { target: "column", field: "start", header: "Remissdatum", column: "B", why: "referralDate" };
const byReferral: SheetDetection = {
  sheet: "Remisser",
  kind: "waitingList",
  note: { code: "needsConfirmation", headerRow: 1, guesses: [referral] },
  headerRow: 1,
  columns: { unit: "Klinik", start: "Remissdatum" },
  headers: ["Klinik", "Remissdatum", "Ankomstdatum"],
  rows: 1,
  guesses: [referral],
};

/** "Väntande kontakter" read as same-day contact because of "kontakt": a measure guess. */
const loose: Guess = { target: "measure", measure: "primaryContact", why: "looseName", text: "Väntande kontakter" };
const byName: SheetDetection = {
  sheet: "Väntande kontakter",
  kind: "waitingList",
  note: { code: "needsConfirmation", headerRow: 2, guesses: [loose] },
  headerRow: 2,
  columns: { unit: "Enhet", start: "Beslutsdatum" },
  headers: ["Enhet", "Beslutsdatum"],
  rows: 57,
  guesses: [loose],
};

const unrecognised: SheetDetection = {
  sheet: "Anteckningar",
  kind: "unrecognised",
  note: { code: "noHeader" },
  headerRow: null,
  columns: {},
  headers: [],
  rows: 0,
  guesses: [],
};

function renderList(detections: SheetDetection[], lang: Lang = "sv") {
  const onColumnChange = jest.fn();
  const onMeasureChange = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetList
        detections={detections}
        texts={PANE_TEXT[lang]}
        lang={lang}
        onColumnChange={onColumnChange}
        onMeasureChange={onMeasureChange}
      />
    </FluentProvider>,
  );
  return { user: userEvent.setup(), onColumnChange, onMeasureChange };
}

const sheet = (name: string) => screen.getByRole("listitem", { name });
/** A sheet's line after its name, as shown: "Väntande (patientnivå) · 1 234 rader · alla kolumner säkra". */
const line = (name: string, kind: string) => within(sheet(name)).getByText((own) => own.startsWith(`${kind} · `)).textContent;

test("one line per sheet: its kind, its rows and that every column is certain; an unrecognised sheet says why", () => {
  renderList([certain, unrecognised]);
  expect(screen.getAllByRole("listitem").map((li) => li.getAttribute("aria-label"))).toEqual(["Väntande", "Anteckningar"]);
  // 1 234 with a no-break space, as Swedish Excel groups thousands.
  expect(line("Väntande", "Väntande (patientnivå)")).toBe("Väntande (patientnivå) · 1\u00a0234 rader · alla kolumner säkra");
  const other = sheet("Anteckningar");
  expect(within(other).getByText("Inte igenkänt · ingen rubrikrad hittades")).toBeTruthy();
  expect(
    within(other).getByText("Ingen rubrikrad med enhet och datum, väntetid eller antal hittades bland de första raderna."),
  ).toBeTruthy();
  // Nothing mapped on it, so nothing to open.
  expect(within(other).queryByRole("button")).toBeNull();
});

test("the column dropdowns are hidden until the sheet's Visa kolumner is opened", async () => {
  const { user } = renderList([certain, unrecognised]);
  const item = sheet("Väntande");
  expect(screen.queryAllByRole("combobox")).toHaveLength(0);
  const toggle = within(item).getByRole("button", { name: "Visa kolumner" });
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  await user.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  expect(within(item).getByText("Kolumnerna hittades på rubrikrad 4.")).toBeTruthy();
  expect(within(item).getByRole("combobox", { name: "Kolumn för Enhet på bladet Väntande" }).textContent).toBe("Klinik");
  expect(within(item).getByRole("combobox", { name: "Kolumn för Kontakttyp på bladet Väntande" }).textContent).toBe("Kontakttyp");
  expect(within(item).getByRole("combobox", { name: "Kolumn för Startdatum på bladet Väntande" }).textContent).toBe("Beslutsdatum");
  expect(screen.getAllByRole("combobox")).toHaveLength(3);
});

test("a guessed sheet is open from the start: the guess in words, marked as one, with a Bekräfta button", () => {
  renderList([certain, byReferral]);
  const item = sheet("Remisser");
  expect(line("Remisser", "Väntande (patientnivå)")).toBe("Väntande (patientnivå) · 1 rad · 1 gissning att bekräfta");
  const guesses = within(item).getByRole("list", { name: "Gissningar att bekräfta på bladet Remisser" });
  const guess = within(guesses).getByRole("listitem");
  expect(within(guess).getByText("Gissning")).toBeTruthy();
  expect(within(guess).getByText('Startdatum = "Remissdatum" (kolumn B: remissdatum, beslutsdatum saknas)')).toBeTruthy();
  const confirm = within(guess).getByRole("button", { name: "Bekräfta" });
  // The button's description is the guess it confirms.
  expect(document.getElementById(confirm.getAttribute("aria-describedby")!)?.textContent).toContain("Remissdatum");
  // Open by default: the guessed column's dropdown is there, flagged as a guess; the certain sheet stays closed.
  expect(within(item).getByRole("button", { name: "Visa kolumner" }).getAttribute("aria-expanded")).toBe("true");
  expect(within(item).getByRole("combobox", { name: "Kolumn för Startdatum på bladet Remisser" }).textContent).toBe("Remissdatum");
  expect(within(item).getByText("Gissad kolumn: bekräfta den ovan eller välj en annan.")).toBeTruthy();
  expect(within(sheet("Väntande")).queryAllByRole("combobox")).toHaveLength(0);
});

test("Bekräfta on a column guess saves that column for its field", async () => {
  const { user, onColumnChange, onMeasureChange } = renderList([byReferral]);
  await user.click(within(sheet("Remisser")).getByRole("button", { name: "Bekräfta" }));
  expect(onColumnChange).toHaveBeenCalledTimes(1);
  expect(onColumnChange).toHaveBeenCalledWith("Remisser", "start", "Remissdatum");
  expect(onMeasureChange).not.toHaveBeenCalled();
});

test("a guessed measure can be changed to another of the six before Bekräfta saves it", async () => {
  const { user, onColumnChange, onMeasureChange } = renderList([byName]);
  const item = sheet("Väntande kontakter");
  expect(within(item).getByText('mått "Kontakt samma dag" (gissat från bladets namn eller rubrik)')).toBeTruthy();
  const measure = within(item).getByRole("combobox", { name: "Mått för bladet Väntande kontakter" });
  expect(measure.textContent).toBe("Kontakt samma dag");
  await user.click(measure);
  const options = await screen.findAllByRole("option");
  expect(options.map((o) => o.textContent)).toEqual([
    "Förstabesök",
    "Operation/åtgärd",
    "Kontakt samma dag",
    "Medicinsk bedömning",
    "BUP första bedömning",
    "BUP fördjupad utredning/behandling",
  ]);
  await user.click(screen.getByRole("option", { name: "Medicinsk bedömning" }));
  expect(measure.textContent).toBe("Medicinsk bedömning");
  expect(onMeasureChange).not.toHaveBeenCalled(); // choosing is not confirming
  await user.click(within(item).getByRole("button", { name: "Bekräfta" }));
  expect(onMeasureChange).toHaveBeenCalledTimes(1);
  expect(onMeasureChange).toHaveBeenCalledWith("Väntande kontakter", "primaryAssessment");
  expect(onColumnChange).not.toHaveBeenCalled();
});

test("Bekräfta on an unchanged measure guess saves the guessed measure", async () => {
  const { user, onMeasureChange } = renderList([byName]);
  await user.click(within(sheet("Väntande kontakter")).getByRole("button", { name: "Bekräfta" }));
  expect(onMeasureChange).toHaveBeenCalledWith("Väntande kontakter", "primaryContact");
});

test("in English: the line, the guesses and their Confirm buttons are English", async () => {
  const { user, onColumnChange, onMeasureChange } = renderList([certain, byReferral, byName, unrecognised], "en");
  expect(line("Väntande", "Waiting (patient level)")).toBe("Waiting (patient level) · 1,234 rows · all columns certain");
  expect(line("Remisser", "Waiting (patient level)")).toBe("Waiting (patient level) · 1 row · 1 guess to confirm");
  expect(within(sheet("Anteckningar")).getByText("Not recognised · no header row found")).toBeTruthy();
  expect(
    within(sheet("Anteckningar")).getByText("No header row with a unit and dates, waiting times or counts was found among the first rows."),
  ).toBeTruthy();

  const referralGuess = within(sheet("Remisser")).getByRole("list", { name: "Guesses to confirm on sheet Remisser" });
  expect(within(referralGuess).getByText("Guess")).toBeTruthy();
  expect(
    within(referralGuess).getByText('Start date = "Remissdatum" (column B: the referral date, the decision date is missing)'),
  ).toBeTruthy();
  await user.click(within(referralGuess).getByRole("button", { name: "Confirm" }));
  expect(onColumnChange).toHaveBeenCalledWith("Remisser", "start", "Remissdatum");

  const named = sheet("Väntande kontakter");
  expect(within(named).getByText('measure "Same-day contact" (guessed from the sheet\'s name or title)')).toBeTruthy();
  await user.click(within(named).getByRole("combobox", { name: "Measure for sheet Väntande kontakter" }));
  await user.click(await screen.findByRole("option", { name: "First visit" }));
  await user.click(within(named).getByRole("button", { name: "Confirm" }));
  expect(onMeasureChange).toHaveBeenCalledWith("Väntande kontakter", "firstVisit");

  const toggle = within(sheet("Väntande")).getByRole("button", { name: "Show columns" });
  await user.click(toggle);
  expect(within(sheet("Väntande")).getByText("The columns were found on header row 4.")).toBeTruthy();
  expect(within(sheet("Väntande")).getByRole("combobox", { name: "Column for Unit on sheet Väntande" }).textContent).toBe("Klinik");
});
