// A1 addresses for the ranges the gateway asks Excel for, and parsing the addresses Excel returns.
import { columnLetter } from "../../model/cells";

/** "A1:C3" for 0-based inclusive [r0, c0, r1, c1] ("B2" for one cell). */
export function rangeAddress(r0: number, c0: number, r1: number, c1: number): string {
  const a = `${columnLetter(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:${columnLetter(c1)}${r1 + 1}`;
}

/** "A:C" for whole columns. */
export function columnsAddress(c0: number, c1: number): string {
  return `${columnLetter(c0)}:${columnLetter(c1)}`;
}

/** 0-based column of "A" … "XFD". */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The top-left cell of an address as Excel returns it ("Blad1!B3:K200", "'Q1 ''24'!C5"): 0-based.
 * The sheet part may itself contain "!", so the cell part is what follows the last one.
 */
export function topLeftOf(address: string): { row: number; col: number } {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(cells);
  if (!m) throw new Error(`Oväntad celladress från Excel: "${address}"`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
