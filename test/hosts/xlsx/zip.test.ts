import { unzipSync, zipSync, strToU8, strFromU8 } from "fflate";
import {
  crc32,
  inflateEntry,
  inflatePieces,
  inflatePiecesAsync,
  makeEntry,
  MAX_RATIO,
  MAX_STREAMED_PART,
  MAX_WHOLE_PART,
  PIECE,
  RATIO_FLOOR,
  readZip,
  setNativeInflate,
  writeZip,
  type ZipEntry,
} from "../../../src/hosts/xlsx/zip";
import { XlsxError } from "../../../src/hosts/xlsx/errors";

/** A one-entry stored archive written the zip64 way (sizes and offsets in zip64 records). */
function zip64Archive(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = strToU8(name);
  const crc = crc32(data);
  const parts: number[] = [];
  const u16 = (v: number) => parts.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (v: number) => {
    u16(v & 0xffff);
    u16(v >>> 16);
  };
  const u64 = (v: number) => {
    u32(v >>> 0);
    u32(Math.floor(v / 0x100000000));
  };
  // local header
  u32(0x04034b50);
  u16(45);
  u16(0);
  u16(0);
  u16(0);
  u16(0x21);
  u32(crc);
  u32(0xffffffff);
  u32(0xffffffff);
  u16(nameBytes.length);
  u16(20);
  parts.push(...nameBytes);
  u16(1);
  u16(16);
  u64(data.length);
  u64(data.length);
  parts.push(...data);
  const cd = parts.length;
  u32(0x02014b50);
  u16(45);
  u16(45);
  u16(0);
  u16(0);
  u16(0);
  u16(0x21);
  u32(crc);
  u32(0xffffffff);
  u32(0xffffffff);
  u16(nameBytes.length);
  u16(28);
  u16(0);
  u16(0);
  u16(0);
  u32(0);
  u32(0xffffffff);
  parts.push(...nameBytes);
  u16(1);
  u16(24);
  u64(data.length);
  u64(data.length);
  u64(0);
  const cdSize = parts.length - cd;
  const z64 = parts.length;
  u32(0x06064b50);
  u64(44);
  u16(45);
  u16(45);
  u32(0);
  u32(0);
  u64(1);
  u64(1);
  u64(cdSize);
  u64(cd);
  u32(0x07064b50);
  u32(0);
  u64(z64);
  u32(1);
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(0xffff);
  u16(0xffff);
  u32(0xffffffff);
  u32(0xffffffff);
  u16(0);
  return new Uint8Array(parts);
}

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("reads what fflate writes and writes what fflate reads, copying raw data", () => {
    const input = zipSync({ "a.xml": strToU8("<a>å</a>".repeat(100)), "b/c.bin": new Uint8Array([1, 2, 3]) }, { level: 9 });
    const entries = readZip(input);
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "b/c.bin"]);
    expect(strFromU8(inflateEntry(entries[0]))).toBe("<a>å</a>".repeat(100));
    const out = writeZip([...entries, makeEntry("ny/del.xml", strToU8("<ny/>"))]);
    const back = unzipSync(out);
    expect(strFromU8(back["a.xml"])).toBe("<a>å</a>".repeat(100));
    expect(Array.from(back["b/c.bin"])).toEqual([1, 2, 3]);
    expect(strFromU8(back["ny/del.xml"])).toBe("<ny/>");
    const again = readZip(out);
    expect(Buffer.from(again[0].raw).equals(Buffer.from(entries[0].raw))).toBe(true);
  });

  it("inflates the same with fflate and with Node's zlib, and rejects damaged data with both", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `<c r="A${i + 1}"><v>${i * 7}</v></c>`).join("");
    const [e] = readZip(zipSync({ "s.xml": strToU8(text) }));
    const damaged = { ...e, raw: e.raw.slice(0, e.raw.length >> 1) };
    try {
      for (const native of [false, true]) {
        const active = setNativeInflate(native);
        if (native) expect(active).toBe(typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule === "function");
        expect(strFromU8(inflateEntry(e))).toBe(text);
        expect(() => inflateEntry(damaged)).toThrow(XlsxError);
        expect(() => inflateEntry({ ...e, size: 10 })).toThrow(XlsxError); // inflates to more than declared
      }
    } finally {
      setNativeInflate(true);
    }
  });

  it("reads zip64 end records and extra fields", () => {
    const archive = zip64Archive("xl/workbook.xml", strToU8("<workbook/>"));
    const [e] = readZip(archive);
    expect(e.name).toBe("xl/workbook.xml");
    expect(e.size).toBe(11);
    expect(strFromU8(inflateEntry(e))).toBe("<workbook/>");
  });

  it("says corrupt for a truncated archive", () => {
    const input = zipSync({ "a.xml": strToU8("<a/>") });
    expect(() => readZip(input.slice(0, input.length - 5))).toThrow(XlsxError);
    expect(() => readZip(input.slice(0, 20))).toThrow(/avkortad|skadad|saknas/);
  });
});

describe("how much a part may inflate to", () => {
  const entry = (over: Partial<ZipEntry>): ZipEntry => ({ ...readZip(zipSync({ "xl/part.xml": strToU8("<a/>") }))[0], ...over });
  const refusal = (f: () => unknown): { code: string; message: string } => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      return { code: (e as XlsxError).code, message: (e as Error).message };
    }
    throw new Error("not refused");
  };

  it("refuses, before inflating, a part declared over 200 times its compressed size above 128 MiB", () => {
    const bomb = entry({ compressedSize: 1 << 20, size: (1 << 20) * 201 });
    for (const f of [() => inflateEntry(bomb), () => inflatePieces(bomb, () => true)]) {
      const r = refusal(f);
      expect(r.code).toBe("corrupt");
      expect(r.message).toMatch(
        /xl\/part\.xml skulle packas upp till 201 gånger sin packade storlek, 201 MB; ett äkta kalkylblad packas högst 200 gånger/,
      );
    }
    // Up to the floor any ratio passes the check (and here fails as the wrong size it is).
    expect(refusal(() => inflateEntry(entry({ size: RATIO_FLOOR }))).message).toMatch(/har fel storlek/);
  });

  it("refuses a part read whole over 512 MiB, and one read in pieces over 1 GiB, as too large", () => {
    const big = (size: number) => entry({ compressedSize: Math.ceil(size / 100), size });
    expect(refusal(() => inflateEntry(big(MAX_WHOLE_PART + 1)))).toEqual({
      code: "tooLarge",
      message:
        "Arbetsboken är för stor för att läsas. Dela upp underlaget i flera filer eller blad och försök igen. (xl/part.xml är 513 MB uppackad, gränsen är 512 MB)",
    });
    expect(refusal(() => inflatePieces(big(MAX_STREAMED_PART + 1), () => true)).message).toMatch(
      /är 1\.0 GB uppackad, gränsen är 1\.0 GB\)$/,
    );
    expect(MAX_WHOLE_PART).toBe(512 * 2 ** 20);
    expect(MAX_STREAMED_PART).toBe(2 ** 30);
    expect(MAX_RATIO).toBe(200);
  });

  it("hands a part on in pieces of at most 1 MiB, with zlib and with fflate, stopping when asked", () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `<c r="A${i + 1}"><v>${i * 7}</v></c>`).join("");
    const [e] = readZip(zipSync({ "s.xml": strToU8(text) }));
    const [stored] = readZip(zipSync({ "s.xml": strToU8(text) }, { level: 0 }));
    expect(stored.method).toBe(0);
    try {
      for (const native of [true, false]) {
        setNativeInflate(native);
        for (const z of [e, stored]) {
          const pieces: Uint8Array[] = [];
          inflatePieces(z, (p) => (pieces.push(p.slice()), true));
          expect(pieces.every((p) => p.length <= PIECE)).toBe(true);
          expect(strFromU8(new Uint8Array(Buffer.concat(pieces)))).toBe(text);
          let calls = 0;
          inflatePieces(z, () => ++calls < 2);
          expect(calls).toBe(2);
        }
        expect(() => inflatePieces({ ...e, raw: e.raw.slice(0, e.raw.length >> 1) }, () => true)).toThrow(
          /går inte att packa upp|fel storlek/,
        );
        expect(() => inflatePieces({ ...e, size: 1000 }, () => true)).toThrow(/har fel storlek/);
      }
    } finally {
      setNativeInflate(true);
    }
  });

  it("inflatePiecesAsync hands on the same pieces' bytes, stops when asked, and refuses what inflatePieces refuses", async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `<c r="A${i + 1}"><v>${i * 7}</v></c>`).join("");
    const [e] = readZip(zipSync({ "s.xml": strToU8(text) }));
    const [stored] = readZip(zipSync({ "s.xml": strToU8(text) }, { level: 0 }));
    expect(e.size).toBeGreaterThan(4 * PIECE);
    try {
      for (const native of [true, false]) {
        setNativeInflate(native);
        for (const z of [e, stored]) {
          const pieces: Uint8Array[] = [];
          await inflatePiecesAsync(z, (p) => (pieces.push(p.slice()), true));
          expect(pieces.every((p) => p.length <= PIECE)).toBe(true);
          expect(strFromU8(new Uint8Array(Buffer.concat(pieces)))).toBe(text);
          let calls = 0;
          await inflatePiecesAsync(z, () => ++calls < 2);
          expect(calls).toBe(2);
        }
        const truncated = { ...e, raw: e.raw.slice(0, e.raw.length >> 1) };
        await expect(inflatePiecesAsync(truncated, () => true)).rejects.toThrow(/går inte att packa upp|fel storlek/);
        await expect(inflatePiecesAsync({ ...e, size: 1000 }, () => true)).rejects.toThrow(/har fel storlek/);
        await expect(inflatePiecesAsync({ ...e, size: e.size + 1 }, () => true)).rejects.toThrow(/har fel storlek/);
      }
    } finally {
      setNativeInflate(true);
    }
  });

  it("reports a damaged entry as damaged even when its bytes made the reader of the pieces give up first", async () => {
    // What the pieces' reader (the sheet scanner) throws on garbage must not hide that the entry
    // itself is broken: the entry is inflated to its end, on every path, and its error comes first.
    const text = "<row>".repeat(1_500_000);
    const [e] = readZip(zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) }));
    expect(e.size).toBeGreaterThan(4 * PIECE);
    const scanError = () => {
      throw new Error("the scanner gave up");
    };
    const stop = () => false;
    try {
      for (const native of [true, false]) {
        setNativeInflate(native);
        for (const damaged of [
          { ...e, size: e.size - 5 },
          { ...e, size: e.size + 5 },
        ]) {
          expect(() => inflatePieces(damaged, scanError)).toThrow(/xl\/worksheets\/sheet1\.xml har fel storlek/);
          await expect(inflatePiecesAsync(damaged, scanError)).rejects.toThrow(/xl\/worksheets\/sheet1\.xml har fel storlek/);
          expect(() => inflatePieces(damaged, stop)).toThrow(/har fel storlek/);
          await expect(inflatePiecesAsync(damaged, stop)).rejects.toThrow(/har fel storlek/);
        }
        // A sound entry: what the reader threw stands.
        expect(() => inflatePieces(e, scanError)).toThrow("the scanner gave up");
        await expect(inflatePiecesAsync(e, scanError)).rejects.toThrow("the scanner gave up");
      }
    } finally {
      setNativeInflate(true);
    }
  });
});
