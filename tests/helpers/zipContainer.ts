/**
 * A zip file written by hand, entry by entry, each entry's bytes streamed through zlib's raw
 * deflate: for the hostile workbooks of tests/helpers/hostileWorkbooks.ts, whose parts can be far
 * larger than memory (a sheet that inflates to 2 GB) or must be wrong in ways no zip library
 * writes (a central directory that lies about sizes). JSZip holds each entry in memory and
 * deflates with pako; this writer never holds more than one chunk.
 *
 * Layout (APPNOTE 6.3): for each entry a local header with general-purpose bit 3 set (sizes and
 * CRC in a data descriptor after the data, since they are known only then) and bit 11 (UTF-8
 * names), the deflated data, the data descriptor; then the central directory and its end record.
 * No zip64: every entry and the whole file must stay under 4 GiB.
 */
import { promises as fs } from "node:fs";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";

/** An entry's bytes: given whole, or produced chunk by chunk (never held whole). */
export type ZipData = Buffer | string | (() => AsyncIterable<Buffer | string> | Iterable<Buffer | string>);

export interface ZipEntry {
  readonly name: string;
  readonly data: ZipData;
}

/** What the central directory says of an entry (what `lie` may change before it is written). */
export interface CentralRecord {
  readonly name: string;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipOptions {
  /** zlib level, 0–9 (default 6). */
  readonly level?: number;
  /** Rewrites an entry's central directory record (the local headers and data stay true). */
  readonly lie?: (record: CentralRecord) => CentralRecord;
}

export interface WrittenZip {
  readonly path: string;
  readonly bytes: number;
  readonly entries: readonly CentralRecord[];
}

const LIMIT = 0xffffffff;
/** DOS date and time of every entry: 2026-12-01 09:30. */
const DOS_TIME = (9 << 11) | (30 << 5);
const DOS_DATE = ((2026 - 1980) << 9) | (12 << 5) | 1;
const FLAGS = (1 << 3) | (1 << 11);
const DEFLATE = 8;

/** CRC-32 of zlib (Node ≥ 20.15), or a table-driven one before that. */
const crc32: (data: Buffer, previous: number) => number =
  typeof zlib.crc32 === "function" ? (data, previous) => zlib.crc32(data, previous) : tableCrc32();

function tableCrc32(): (data: Buffer, previous: number) => number {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return (data, previous) => {
    let crc = ~previous >>> 0;
    for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
    return ~crc >>> 0;
  };
}

function chunks(data: ZipData): AsyncIterable<Buffer | string> | Iterable<Buffer | string> {
  return typeof data === "function" ? data() : [data];
}

/**
 * Writes `entries` into a new zip file at `path`.
 * @example await writeZip("a.zip", [{ name: "a.txt", data: "bonjour" }]) // { path: "a.zip", bytes: 131, entries: [...] }
 */
export async function writeZip(path: string, entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<WrittenZip> {
  const file = await fs.open(path, "w");
  let offset = 0;
  const write = async (buffer: Buffer): Promise<void> => {
    await file.write(buffer, 0, buffer.length, offset);
    offset += buffer.length;
  };
  const records: CentralRecord[] = [];
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name, "utf8");
      const localHeaderOffset = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
      local.writeUInt16LE(FLAGS, 6);
      local.writeUInt16LE(DEFLATE, 8);
      local.writeUInt16LE(DOS_TIME, 10);
      local.writeUInt16LE(DOS_DATE, 12);
      // CRC and sizes (14–25) stay 0: they are in the data descriptor.
      local.writeUInt16LE(name.length, 26);
      await write(Buffer.concat([local, name]));

      let crc = 0;
      let uncompressedSize = 0;
      const dataStart = offset;
      const source = chunks(entry.data);
      async function* measured(): AsyncGenerator<Buffer> {
        for await (const chunk of source) {
          const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
          crc = crc32(buffer, crc);
          uncompressedSize += buffer.length;
          if (uncompressedSize > LIMIT) throw new Error(`${entry.name}: over 4 GiB, this writer has no zip64`);
          yield buffer;
        }
      }
      await pipeline(
        Readable.from(measured()),
        zlib.createDeflateRaw({ level: options.level ?? 6 }),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            write(chunk).then(() => done(), done);
          },
        }),
      );
      const compressedSize = offset - dataStart;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(compressedSize, 8);
      descriptor.writeUInt32LE(uncompressedSize, 12);
      await write(descriptor);
      const record: CentralRecord = { name: entry.name, crc32: crc >>> 0, compressedSize, uncompressedSize, localHeaderOffset };
      records.push(options.lie === undefined ? record : options.lie(record));
    }

    const directoryStart = offset;
    for (const record of records) {
      const name = Buffer.from(record.name, "utf8");
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(FLAGS, 8);
      central.writeUInt16LE(DEFLATE, 10);
      central.writeUInt16LE(DOS_TIME, 12);
      central.writeUInt16LE(DOS_DATE, 14);
      central.writeUInt32LE(record.crc32 >>> 0, 16);
      central.writeUInt32LE(record.compressedSize >>> 0, 20);
      central.writeUInt32LE(record.uncompressedSize >>> 0, 24);
      central.writeUInt16LE(name.length, 28);
      // extra, comment, disk, internal attributes: 0
      central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
      central.writeUInt32LE(record.localHeaderOffset, 42);
      await write(Buffer.concat([central, name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(records.length, 8);
    end.writeUInt16LE(records.length, 10);
    end.writeUInt32LE(offset - directoryStart, 12);
    end.writeUInt32LE(directoryStart, 16);
    await write(end);
  } finally {
    await file.close();
  }
  return { path, bytes: offset, entries: records };
}
