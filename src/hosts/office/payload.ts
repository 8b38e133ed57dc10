// The size of what goes over the wire. Excel on the web rejects a request or a response over 5 MB;
// the gateway keeps each under 4 MB, measured as the JSON of the values it sends or receives.

/** Bytes per request or response the gateway allows itself (Excel on the web rejects 5 MB). */
export const PAYLOAD_BUDGET = 4_000_000;

/** UTF-8 length of a string without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c >= 0x80 && (c < 0xd800 || c > 0xdfff)) n += 1;
    // a surrogate pair: 2 UTF-16 units, 4 bytes
    else if (c >= 0xd800 && c <= 0xdbff) n += 1;
    else if (c >= 0xdc00 && c <= 0xdfff) n += 1;
  }
  return n;
}

/** The JSON size of a value in bytes, as it travels. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
