/**
 * The zip container of an .xlsx file, read for the register's reader (src/excel/xlsxReader.ts):
 * its entries listed from the central directory (yauzl), each part inflated as a stream with its
 * size bounded three ways before anything large is held — the size the directory declares, the
 * ratio of that size to the compressed one (a "zip bomb" declares gigabytes for a few megabytes),
 * and a hard count of the bytes while inflating, since a declared size can lie. A part is also
 * found the way the Open Packaging Conventions name parts: without case, from a relationship's
 * target resolved against its source part, absolute ("/xl/…", as openpyxl writes) or relative.
 */
import { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import * as yauzl from "yauzl";

/** Why a package cannot be read; the reader turns it into a WorkbookFileError. */
export type ZipProblem =
  | { readonly code: "damaged_archive"; readonly part?: string }
  | { readonly code: "too_large"; readonly limit: "part" | "ratio" | "total"; readonly part: string; readonly bytes: number; readonly max: number }
  | { readonly code: "too_many_entries"; readonly entries: number; readonly max: number };

export class ZipRefusal extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.code);
    this.name = "ZipRefusal";
  }
}

/**
 * The bounds on what is inflated. A register of 200 000 conventions has a sheet of about 70 MB;
 * Excel's own limits (1 048 576 rows) allow more, but not for a register checked in seconds.
 */
export const ZIP_LIMITS = {
  /** The most a part may hold once inflated. */
  partBytes: 256 * 1024 * 1024,
  /** The most all the parts read may hold together once inflated. */
  totalBytes: 512 * 1024 * 1024,
  /** A part larger than ratioFloorBytes may inflate to at most this many times its compressed size. */
  ratio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
  /** The most entries a zip may list (a workbook has tens of parts; each entry listed costs memory). */
  entries: 100_000,
} as const;

export interface ZipPart {
  /** The name in the zip ("xl/worksheets/sheet1.xml"). */
  readonly name: string;
  readonly compressedSize: number;
  /** What the central directory declares. */
  readonly size: number;
}

/** The entries of a zip held in memory, and their bytes on demand. */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** Lists the entries of a zip's bytes; a damaged directory is a ZipRefusal. */
  static async open(bytes: Buffer): Promise<ZipArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, opened) => {
        if (error !== null || opened === undefined) reject(new ZipRefusal({ code: "damaged_archive" }));
        else resolve(opened);
      });
    });
    if (zip.entryCount > ZIP_LIMITS.entries) {
      zip.close();
      throw new ZipRefusal({ code: "too_many_entries", entries: zip.entryCount, max: ZIP_LIMITS.entries });
    }
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        const key = partKey(entry.fileName);
        // Two entries of one name: which one a reader takes is anyone's guess.
        if (entries.has(key)) {
          reject(new ZipRefusal({ code: "damaged_archive", part: entry.fileName }));
          return;
        }
        if (!entry.fileName.endsWith("/")) entries.set(key, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", () => reject(new ZipRefusal({ code: "damaged_archive" })));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries);
  }

  /** A part by its name (without case, as OPC compares part names); null when there is none. */
  part(name: string): ZipPart | null {
    const entry = this.entries.get(partKey(name));
    return entry === undefined ? null : { name: entry.fileName, compressedSize: entry.compressedSize, size: entry.uncompressedSize };
  }

  /**
   * Streams a part's inflated bytes to `sink`, chunk by chunk. Refused before a byte is inflated
   * when its declared size or ratio is over the limits, and stopped as soon as the bytes inflated
   * pass what was declared (yauzl checks it) or the limits (checked here as well).
   */
  async stream(name: string, sink: (chunk: Buffer) => void): Promise<void> {
    const entry = this.entries.get(partKey(name));
    if (entry === undefined) throw new ZipRefusal({ code: "damaged_archive", part: name });
    const part = entry.fileName;
    const declared = entry.uncompressedSize;
    if (declared > ZIP_LIMITS.partBytes) throw new ZipRefusal({ code: "too_large", limit: "part", part, bytes: declared, max: ZIP_LIMITS.partBytes });
    if (declared > ZIP_LIMITS.ratioFloorBytes && declared > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw new ZipRefusal({ code: "too_large", limit: "ratio", part, bytes: declared, max: ZIP_LIMITS.ratio });
    }
    if (this.inflated + declared > ZIP_LIMITS.totalBytes) throw new ZipRefusal({ code: "too_large", limit: "total", part, bytes: this.inflated + declared, max: ZIP_LIMITS.totalBytes });
    if (entry.isEncrypted()) throw new ZipRefusal({ code: "damaged_archive", part });
    const stream = await new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, opened) => {
        if (error !== null || opened === undefined) reject(new ZipRefusal({ code: "damaged_archive", part }));
        else resolve(opened);
      });
    });
    let bytes = 0;
    /** What the sink threw (the XML reader's own refusal): passed on as it is. */
    let fromSink: { error: unknown } | null = null;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        // yauzl stops at the declared size; this holds even if it did not.
        if (bytes > declared || bytes > ZIP_LIMITS.partBytes) throw new ZipRefusal({ code: "damaged_archive", part });
        try {
          sink(chunk);
        } catch (error) {
          fromSink = { error };
          throw error;
        }
      }
    } catch (error) {
      stream.destroy();
      if (fromSink !== null || error instanceof ZipRefusal) throw error;
      // yauzl's and zlib's own errors (a size that lies, a broken deflate stream), in English: not shown.
      throw new ZipRefusal({ code: "damaged_archive", part });
    }
    if (bytes !== declared) throw new ZipRefusal({ code: "damaged_archive", part });
    this.inflated += bytes;
  }

  /** A small part's text (relationships, workbook, styles), as UTF-8 (a BOM dropped). */
  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    await this.stream(name, (chunk) => chunks.push(chunk));
    return decodeXmlBytes(Buffer.concat(chunks));
  }

  close(): void {
    this.zip.close();
  }
}

/** How a part name is looked up: OPC part names compare without case. */
function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

/**
 * A decoder of a part's bytes: UTF-16 when the part starts with its byte order mark, else UTF-8
 * (XML's two encodings that OOXML allows); a BOM is dropped, a malformed byte becomes U+FFFD.
 */
export function xmlDecoder(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

function decodeXmlBytes(bytes: Uint8Array): string {
  return xmlDecoder(bytes).decode(bytes);
}

/**
 * The part a relationship points at, per the Open Packaging Conventions (ECMA-376 Part 2, §9.3):
 * a target starting with "/" is from the package's root, any other is relative to the folder of
 * the part that holds the relationship; "." and ".." are resolved and %-escapes decoded.
 * @example resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 * @example resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 */
export function resolveTarget(source: string, target: string): string {
  const path = target.split(/[?#]/)[0];
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(decodeSegment(segment));
  }
  return base.join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
