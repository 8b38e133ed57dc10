/**
 * Writes assets/icon-{16,32,64,80,128}.png: a white check mark on a rounded square in Målkoll's
 * colour. Drawn from geometry with 4×4 supersampling and encoded with node:zlib, so the icons are
 * reproducible without an image editor or a network: `npm run icons`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const SIZES = [16, 32, 64, 80, 128] as const;
/** Målkoll's colour: a deep teal that stays legible beside Excel's green ribbon icons. */
const BRAND: [number, number, number] = [0x0b, 0x6a, 0x6e];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];

/** Inside a square of side 1 with corners rounded by radius r (coordinates in 0–1). */
function inRoundedSquare(x: number, y: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px: number, py: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The check mark as two strokes; thicker on small icons so it survives 16 px. */
const CHECK = [
  [0.26, 0.52],
  [0.43, 0.69],
  [0.75, 0.33],
];
const strokeHalfWidth = (size: number): number => (size <= 16 ? 0.085 : size <= 32 ? 0.072 : 0.062);

/** RGBA pixels of one icon. */
export function drawIcon(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  const half = strokeHalfWidth(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0,
        mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / size,
            v = (y + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(u, v, 0.18)) continue;
          bg++;
          const d = Math.min(distanceToSegment(u, v, CHECK[0], CHECK[1]), distanceToSegment(u, v, CHECK[1], CHECK[2]));
          if (d <= half) mark++;
        }
      }
      const o = (y * size + x) * 4;
      const m = bg ? mark / bg : 0;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BRAND[c] * (1 - m) + WHITE[c] * m);
      px[o + 3] = Math.round((255 * bg) / (n * n));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), one filter byte 0 per row. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  for (const size of SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(file);
  }
}
