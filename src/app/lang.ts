/// <reference types="office-js" />
// The one language choice of every page and the CLI: Swedish, the committee's language, unless
// Office (or, outside Office, the browser; in the preview, the address) says English.
import type { Lang } from "../model/lang";

export type { Lang };

/** Swedish unless the language tag is English ("en-US", "en-GB" …). */
export const langOf = (tag: string | null | undefined): Lang => (tag?.toLowerCase().startsWith("en") ? "en" : "sv");

/** What `officeLang` reads: Office's display language, where there is an Office to ask. */
export interface LangSources {
  office?: { context?: { displayLanguage?: string } };
  browser?: string;
}

/**
 * Office's display language (not the browser's: Office in English on a Swedish Windows is English).
 * Outside Office — the page opened in a browser, or Office.js not loaded — the browser's language.
 * In a dialog, call it after Office.onReady: displayLanguage is set once Office is ready.
 */
export function officeLang(from: LangSources = currentSources()): Lang {
  try {
    return langOf(from.office?.context?.displayLanguage ?? from.browser);
  } catch {
    return langOf(from.browser);
  }
}

function currentSources(): LangSources {
  return {
    office: typeof Office === "undefined" ? undefined : Office,
    browser: typeof navigator === "undefined" ? undefined : navigator.language,
  };
}

/** The preview page: Swedish, as in Excel by default; "?lang=en" for English (tabs and pane alike). */
export const previewLang = (search: string): Lang => langOf(new URLSearchParams(search).get("lang"));

/** The value for <html lang>. */
export const htmlLang = (lang: Lang): string => (lang === "sv" ? "sv-SE" : "en");
