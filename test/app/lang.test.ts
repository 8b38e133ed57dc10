import { htmlLang, langOf, officeLang, previewLang } from "../../src/app/lang";

test("the pane is English when Office speaks any English, else Swedish", () => {
  expect(["en-US", "en-GB", "EN-us", "sv-SE", "fi-FI", undefined].map(langOf)).toEqual(["en", "en", "en", "sv", "sv", "sv"]);
});

describe("officeLang: every page follows Office's display language", () => {
  test("Office in English on a Swedish browser is English", () => {
    expect(officeLang({ office: { context: { displayLanguage: "en-GB" } }, browser: "sv-SE" })).toBe("en");
  });

  test("Office in Swedish on an English browser is Swedish", () => {
    expect(officeLang({ office: { context: { displayLanguage: "sv-SE" } }, browser: "en-US" })).toBe("sv");
  });

  test("outside Office (no Office.js, or no context yet) the browser decides", () => {
    expect(officeLang({ office: undefined, browser: "en-US" })).toBe("en");
    expect(officeLang({ office: { context: undefined }, browser: "en-US" })).toBe("en");
    expect(officeLang({ browser: undefined })).toBe("sv");
  });

  test("an Office whose context throws (a page opened outside any host) falls back to the browser", () => {
    const office = {
      get context(): { displayLanguage?: string } {
        throw new Error("Office.context is not available");
      },
    };
    expect(officeLang({ office, browser: "en-US" })).toBe("en");
  });
});

test("the preview is Swedish unless the address says lang=en", () => {
  expect(["", "?lang=en", "?lang=EN-gb", "?lang=sv", "?x=1&lang=en", "?lang="].map(previewLang)).toEqual([
    "sv",
    "en",
    "en",
    "sv",
    "en",
    "sv",
  ]);
});

test("<html lang> is sv-SE or en", () => {
  expect([htmlLang("sv"), htmlLang("en")]).toEqual(["sv-SE", "en"]);
});
