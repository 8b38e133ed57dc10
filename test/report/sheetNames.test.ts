import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEXT } from "../../src/report/i18n";
import { chooseSheetName, sheetNameProblem } from "../../src/report/sheetNames";
import { runPipeline, pastFrom } from "../../src/app/pipeline";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { DEFAULT_SETTINGS } from "../../src/model/settings";
import type { Lang } from "../../src/model/lang";

const LANGS: Lang[] = ["sv", "en"];
const TAB_KEYS = ["careGuaranteeTab", "goalsTab", "assignmentsTab", "historyTab", "dataCheckTab"] as const;

describe("Excel's rules for sheet names", () => {
  test.each([
    ["", "empty"],
    ["x".repeat(32), "tooLong"],
    ["Vård/garanti", "forbiddenCharacter"],
    ["Mål?", "forbiddenCharacter"],
    ["[Uppdrag]", "forbiddenCharacter"],
    ["a:b", "forbiddenCharacter"],
    ["'Historik", "apostrophe"],
    ["Historik'", "apostrophe"],
    ["History", "reserved"],
    ["HISTORY", "reserved"],
    ["history", "reserved"],
  ])("%p is refused (%s)", (name, problem) => {
    expect(sheetNameProblem(name)).toBe(problem);
  });

  test.each([["x".repeat(31)], ["Historik"], ["Run history"], ["History 2024"], ["Vårdgaranti (2)"], ["O'Brien"]])(
    "%p is a valid name",
    (name) => {
      expect(sheetNameProblem(name)).toBeNull();
    },
  );
});

describe.each(LANGS)("every tab name in %s keeps Excel's rules", (lang) => {
  test.each(TAB_KEYS)("%s", (key) => {
    expect([TEXT[lang][key], sheetNameProblem(TEXT[lang][key])]).toEqual([TEXT[lang][key], null]);
  });

  test("the tab names differ from each other, ignoring case as Excel does", () => {
    const names = TAB_KEYS.map((k) => TEXT[lang][k].toLocaleLowerCase(lang));
    expect(new Set(names).size).toBe(names.length);
  });

  test('a taken name\'s "(2)" alternative keeps the rules too', () => {
    for (const key of TAB_KEYS) {
      const wanted = TEXT[lang][key];
      const { name } = chooseSheetName([{ name: wanted }], wanted, `malkoll:${key}`);
      expect([name, sheetNameProblem(name)]).toEqual([`${wanted} (2)`, null]);
    }
  });

  test("the bundled sample's plans are all named by those rules", () => {
    const wb = openWorkbook(readFileSync(join(__dirname, "../../assets/sample.xlsx")));
    const grids = wb.sheets.filter((s) => !s.marker).map((s) => wb.readSheet(s.name));
    const { plans } = runPipeline(grids, DEFAULT_SETTINGS, { date: "2024-01-31", lang, past: pastFrom([]) });
    expect(plans.map((p) => p.name)).toEqual(TAB_KEYS.map((k) => TEXT[lang][k]));
    for (const p of plans) expect(sheetNameProblem(p.name)).toBeNull();
  });
});

test('the English history tab is not Excel\'s reserved "History"', () => {
  expect(TEXT.en.historyTab).toBe("Run history");
});
