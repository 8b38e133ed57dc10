import type { Rating } from "../domain/rating";
import type { FontStyle } from "./plan";

/** One house style for every summary tab: colours readable on a projected slide. */
export const RATING_FILL: Record<Rating, string> = {
  green: "63BE7B",
  yellow: "FFEB84",
  red: "F8696B",
  grey: "D9D9D9",
};
export const HEADER_FILL = "DDEBF7";
export const FONT = {
  title: { bold: true, size: 14 } as FontStyle,
  heading: { bold: true, size: 12 } as FontStyle,
  header: { bold: true } as FontStyle,
  region: { bold: true } as FontStyle,
  note: { italic: true, size: 9, color: "595959" } as FontStyle,
};
