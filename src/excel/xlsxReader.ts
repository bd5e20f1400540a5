/**
 * The register's reader of .xlsx files: the read side of the workbook gateway (src/excel/gateway.ts)
 * for every command that reads a register. It reads only what the cells' values need — the
 * package's relationships, the workbook's sheet list and date system, the styles' date formats,
 * the shared strings, and the worksheets asked for — each part streamed from the zip
 * (src/excel/xlsxZip.ts, sizes bounded) through a strict XML parser (src/excel/xlsxXml.ts), never
 * the drawings, charts, tables, comments or pivot tables ExcelJS would model (and sometimes fail
 * on). Every register the command line reads goes through it; ExcelJS still writes.
 *
 * What cannot be read is a WorkbookFileError (errors are data): from `open` as a result, and from
 * the reading of a sheet as a WorkbookReadError that carries it (the gateway's methods return grids).
 */
import { promises as fs } from "node:fs";
import { CellValue, SheetGrid } from "../core/cells/sheetGrid";
import { ReadOptions, WorkbookReader } from "./gateway";
import { WorkbookFileError, WorkbookFileErrorCode } from "./xlsxWorkbook";
import { ZipArchive, ZipRefusal, relationshipsPart, resolveTarget, xmlDecoder } from "./xlsxZip";
import { Relationship, XmlRefusal, XmlSink, parseDateStyles, parseRelationships, parseWorkbook, relationshipKind, sharedStringsSink, worksheetSink } from "./xlsxXml";

/** The largest .xlsx file read (a register of 1 000 000 conventions is about 50 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A refusal met while reading a sheet, carrying its WorkbookFileError. */
export class WorkbookReadError extends Error {
  constructor(readonly error: WorkbookFileError) {
    super(error.code);
    this.name = "WorkbookReadError";
  }
}

export interface ReaderOptions {
  /** Called as the sheets are read: bytes of XML read so far, and in all (for a progress line). */
  readonly onProgress?: (done: number, total: number) => void;
}

export type OpenedReader = { readonly ok: true; readonly reader: XlsxReader } | { readonly ok: false; readonly error: WorkbookFileError };

interface SheetPart {
  readonly name: string;
  readonly part: string;
}

export class XlsxReader implements WorkbookReader {
  private shared: { strings: string[]; dateStyles: boolean[] } | null = null;
  private readonly grids = new Map<string, SheetGrid>();
  private readonly held = { count: 0 };

  private constructor(
    private readonly path: string,
    private readonly zip: ZipArchive,
    private readonly sheets: readonly SheetPart[],
    private readonly date1904: boolean,
    private readonly sharedStringsPart: string | null,
    private readonly stylesPart: string | null,
    private readonly options: ReaderOptions,
  ) {}

  /**
   * Opens a file: what it is checked (a file, not too large, a zip, not an .xls), its package's
   * index read (which sheets, in which parts). No sheet is read yet.
   * @example (await XlsxReader.open("registre.xlsx")).ok // true
   */
  static async open(path: string, options: ReaderOptions = {}): Promise<OpenedReader> {
    const failWith = (code: WorkbookFileErrorCode, facts: Partial<WorkbookFileError> = {}): OpenedReader => ({ ok: false, error: { ...facts, code, path } });
    let bytes: Buffer;
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile()) return failWith("not_a_file");
      if (stat.size > MAX_FILE_BYTES) return failWith("too_large", { limit: "file", bytes: stat.size, max: MAX_FILE_BYTES });
      bytes = await fs.readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return failWith("file_not_found");
      return failWith("unreadable_file", code === undefined ? {} : { detail: code });
    }
    if (bytes.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) return failWith("legacy_or_encrypted");
    if (!bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return failWith("not_a_workbook", { detail: "ce n'est pas une archive zip" });
    let zip: ZipArchive | null = null;
    try {
      zip = await ZipArchive.open(bytes);
      const index = await packageIndex(zip);
      if (index === null) {
        zip.close();
        return failWith("not_a_workbook", { detail: "l'archive ne contient pas de classeur Excel" });
      }
      return { ok: true, reader: new XlsxReader(path, zip, index.sheets, index.date1904, index.sharedStrings, index.styles, options) };
    } catch (error) {
      zip?.close();
      const refused = refusal(path, error);
      if (refused === null) throw error;
      return { ok: false, error: refused };
    }
  }

  /** Worksheets in the workbook's tab order (chart sheets and macro sheets left out), hidden ones included. */
  async sheetNames(): Promise<string[]> {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** One sheet's values (see worksheetSink); a name the workbook does not have is an error. */
  async readSheet(name: string): Promise<SheetGrid> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    return this.guarded(async () => {
      await this.readShared([sheet]);
      return this.read(sheet);
    });
  }

  async readAllSheets(options: ReadOptions = {}): Promise<SheetGrid[]> {
    const skip = options.skip ?? (() => false);
    const wanted = this.sheets.filter((sheet) => !skip(sheet.name));
    return this.guarded(async () => {
      await this.readShared(wanted);
      const grids: SheetGrid[] = [];
      for (const sheet of wanted) grids.push(await this.read(sheet));
      return grids;
    });
  }

  /** Lets go of the file's bytes and of the sheets read (their grids stay with whoever holds them). */
  close(): void {
    this.zip.close();
    this.grids.clear();
  }

  private progress = { done: 0, total: 0 };

  /** Shared strings and date styles, read once, before the first sheet. */
  private async readShared(sheets: readonly SheetPart[]): Promise<void> {
    const size = (part: string | null): number => (part === null ? 0 : (this.zip.part(part)?.size ?? 0));
    this.progress.total = this.progress.done + sheets.filter((s) => !this.grids.has(s.name)).reduce((sum, s) => sum + size(s.part), 0);
    if (this.shared !== null) return;
    this.progress.total += size(this.sharedStringsPart) + size(this.stylesPart);
    const strings: string[] = [];
    if (this.sharedStringsPart !== null) await this.parse(this.sharedStringsPart, sharedStringsSink(this.sharedStringsPart, strings));
    let dateStyles: boolean[] = [];
    if (this.stylesPart !== null) {
      const part = this.stylesPart;
      dateStyles = parseDateStyles(part, await this.zip.text(part));
      this.progress.done += size(part);
    }
    this.shared = { strings, dateStyles };
  }

  private async read(sheet: SheetPart): Promise<SheetGrid> {
    const known = this.grids.get(sheet.name);
    if (known !== undefined) return known;
    const shared = this.shared ?? { strings: [], dateStyles: [] };
    const sink = worksheetSink(sheet.part, { sharedStrings: shared.strings, dateStyles: shared.dateStyles, date1904: this.date1904, heldCells: this.held });
    await this.parse(sheet.part, sink);
    const grid: SheetGrid = { name: sheet.name, values: sink.values() as CellValue[][] };
    this.grids.set(sheet.name, grid);
    return grid;
  }

  /** Streams a part through a parser, its bytes decoded as they come. */
  private async parse(part: string, sink: XmlSink): Promise<void> {
    let decoder: ReturnType<typeof xmlDecoder> | null = null;
    await this.zip.stream(part, (chunk) => {
      decoder ??= xmlDecoder(chunk);
      sink.write(decoder.decode(chunk, { stream: true }));
      this.progress.done += chunk.length;
      this.options.onProgress?.(this.progress.done, this.progress.total);
    });
    const rest = decoder === null ? "" : (decoder as ReturnType<typeof xmlDecoder>).decode();
    if (rest !== "") sink.write(rest);
    sink.end();
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const refused = refusal(this.path, error);
      if (refused === null) throw error;
      const sheet = this.sheets.find((s) => s.part === refused.part);
      throw new WorkbookReadError(sheet === undefined ? refused : { ...refused, sheet: sheet.name });
    }
  }
}

/** The zip's or the XML's refusal as a WorkbookFileError; null for any other error (a bug). */
function refusal(path: string, error: unknown): WorkbookFileError | null {
  if (error instanceof ZipRefusal) {
    const { problem } = error;
    if (problem.code === "too_large") return { code: "too_large", path, limit: problem.limit, part: problem.part, bytes: problem.bytes, max: problem.max };
    if (problem.code === "too_many_entries") return { code: "too_large", path, limit: "entries", bytes: problem.entries, max: problem.max };
    return { code: "damaged_archive", path, ...(problem.part === undefined ? {} : { part: problem.part }) };
  }
  if (error instanceof XmlRefusal) {
    const { problem } = error;
    switch (problem.code) {
      case "beyond_sheet_limits":
        return { code: "beyond_sheet_limits", path, part: problem.part, cell: problem.cell };
      case "too_many_cells":
        return { code: "too_large", path, limit: "cells", part: problem.part, max: problem.limit };
      default:
        return { code: problem.code, path, part: problem.part };
    }
  }
  return null;
}

interface PackageIndex {
  readonly sheets: SheetPart[];
  readonly date1904: boolean;
  readonly sharedStrings: string | null;
  readonly styles: string | null;
}

/**
 * Where the workbook's parts are: the workbook named by the package's relationships (xl/workbook.xml
 * when they do not say), its worksheets, shared strings and styles by the workbook's own
 * relationships; the sheet names from the workbook. Null when the package holds no workbook.
 */
async function packageIndex(zip: ZipArchive): Promise<PackageIndex | null> {
  const relationships = async (part: string): Promise<Relationship[]> => {
    const rels = relationshipsPart(part);
    return zip.part(rels) === null ? [] : parseRelationships(rels, await zip.text(rels));
  };
  const root = (await relationships("")).find((r) => relationshipKind(r.type) === "officeDocument" && !r.external);
  const workbookPart = root === undefined ? "xl/workbook.xml" : resolveTarget("", root.target);
  const workbookEntry = zip.part(workbookPart);
  if (workbookEntry === null) return null;
  const workbook = parseWorkbook(workbookEntry.name, await zip.text(workbookEntry.name));
  const rels = await relationships(workbookEntry.name);
  const byId = new Map(rels.filter((r) => !r.external).map((r) => [r.id, r]));
  const partOf = (kind: string): string | null => {
    const found = rels.find((r) => relationshipKind(r.type) === kind && !r.external);
    return found === undefined ? null : (zip.part(resolveTarget(workbookEntry.name, found.target))?.name ?? null);
  };
  const sheets: SheetPart[] = [];
  for (const sheet of workbook.sheets) {
    const rel = byId.get(sheet.relationship);
    if (rel === undefined || relationshipKind(rel.type) !== "worksheet") continue;
    const part = zip.part(resolveTarget(workbookEntry.name, rel.target));
    if (part !== null) sheets.push({ name: sheet.name, part: part.name });
  }
  return { sheets, date1904: workbook.date1904, sharedStrings: partOf("sharedStrings"), styles: partOf("styles") };
}
