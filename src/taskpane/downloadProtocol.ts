/**
 * The file handed to the download dialog (download.html) in pieces through messageChild, which
 * takes strings only: base64 of 48 KB per message, each a JSON { name, part, of, data }.
 */
export const DOWNLOAD_PAGE = "download.html";
const PIECE = 48 * 1024;

export interface Piece {
  name: string;
  part: number;
  of: number;
  data: string;
}

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function chunksOf(bytes: Uint8Array, name: string): string[] {
  const of = Math.max(1, Math.ceil(bytes.length / PIECE));
  return Array.from({ length: of }, (_, part) =>
    JSON.stringify({ name, part, of, data: base64(bytes.subarray(part * PIECE, (part + 1) * PIECE)) } satisfies Piece),
  );
}

/** Collects pieces in any order; the file once every piece is there, else null. */
export function collector() {
  const parts: string[] = [];
  let total = -1;
  let name = "";
  return (message: string): { name: string; bytes: Uint8Array } | null => {
    const p = JSON.parse(message) as Piece;
    parts[p.part] = p.data;
    total = p.of;
    name = p.name;
    if (parts.filter((x) => x !== undefined).length < total) return null;
    const chunks = parts.map((d) => Uint8Array.from(atob(d), (c) => c.charCodeAt(0)));
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { name, bytes };
  };
}
