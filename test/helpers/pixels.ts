// Looking at rendered pages: pdftoppm's PPM output, and how far a dashed vertical line runs in it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Pixels {
  width: number;
  height: number;
  rgb: Buffer;
}

/** One PDF page rendered as pixels (pdftoppm without -png writes a binary P6 PPM). `crop`: extra pdftoppm options. */
export function renderPage(pdf: string, page: number, root: string, dpi: number, crop: string[] = []): Pixels {
  execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), ...crop, "-singlefile", pdf, root]);
  const buf = readFileSync(`${root}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a P6 PPM");
  return { width: Number(header[1]), height: Number(header[2]), rgb: buf.subarray(header[0].length) };
}

/** The target line's dark red (C00000, anti-aliased), not the lighter red of the rating fills (F8696B). */
export const darkRed = (r: number, g: number, b: number) => r > 140 && g < 70 && b < 70;

/**
 * The longest vertical run of pixels matching `is`, per column from `fromX` on, allowing gaps up to
 * `gap` pixels (the spaces of a dashed line): the height of the longest such line.
 */
export function longestVerticalRun(p: Pixels, is: (r: number, g: number, b: number) => boolean, fromX = 0, gap = 12): number {
  let longest = 0;
  for (let x = Math.max(0, Math.floor(fromX)); x < p.width; x++) {
    let start = -1;
    let last = -1;
    for (let y = 0; y < p.height; y++) {
      const i = (y * p.width + x) * 3;
      if (!is(p.rgb[i], p.rgb[i + 1], p.rgb[i + 2])) continue;
      if (last < 0 || y - last > gap) start = y;
      last = y;
      longest = Math.max(longest, last - start);
    }
  }
  return longest;
}
