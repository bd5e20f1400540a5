/**
 * The workbook gateway on .xlsx files, with ExcelJS: the command line's door to a workbook (see
 * src/excel/gateway.ts). Everything Excel- and ExcelJS-specific stays here: the core only ever sees
 * SheetGrid values and writes SheetDrafts, the same as with Office.js in the task pane.
 */
import { promises as fs } from "node:fs";
import { Cell, CellValue as ExcelJsValue, ValueType, Workbook, Worksheet, WorksheetView } from "exceljs";
import { AppliedPlan, SheetDraft, WorkbookPlan, cellAddress, uniqueSheetName } from "../plans/sheetDraft";
import { CellValue, SheetGrid, columnIndex } from "../core/cells/sheetGrid";
import { CellTarget, GatewayError, ReadOptions, WorkbookGateway } from "./gateway";
import { RenderedSheet, completeXlsx } from "./xlsxPackage";
import { renderBlock, renderDraft } from "./xlsxRender";
import { packageForExcelJs } from "./excelJsInput";

/** Why a file cannot be opened as a workbook; phrased by cliErrorMessage (src/i18n/cli.fr.ts). */
export type WorkbookFileErrorCode =
  /** Nothing at that path. */
  | "file_not_found"
  /** The path is a folder (or another thing that is not a file). */
  | "not_a_file"
  /** The file exists but cannot be read (permissions, I/O); `detail` holds the system's text. */
  | "unreadable_file"
  /** An OLE2 container: an Excel 97-2003 .xls or a password-protected workbook. */
  | "legacy_or_encrypted"
  /** Not a zip holding an Excel workbook (a text file, an image, a .docx…); `detail` says what failed. */
  | "not_a_workbook"
  /** Too large to be read safely; `limit` says what is (see src/excel/xlsxReader.ts), `part` where. */
  | "too_large"
  /** The zip is damaged or lies about what it holds (a declared size that is not the data's, an entry twice). */
  | "damaged_archive"
  /** A part declares a DTD (<!DOCTYPE>), which OOXML forbids: refused, with its entities (external files, expansion). */
  | "dtd_forbidden"
  /** A part is not well-formed XML. */
  | "malformed_xml"
  /** A cell past Excel's last row (1 048 576) or column (XFD); `cell` is its reference as written. */
  | "beyond_sheet_limits";

/** What is too large: the file, a part once inflated, a part's inflation ratio, all parts together, the cells held, the zip's entries. */
export type SizeLimit = "file" | "part" | "ratio" | "total" | "cells" | "entries";

export interface WorkbookFileError {
  readonly code: WorkbookFileErrorCode;
  readonly path: string;
  /** French, or a system code (ENOENT…): never a library's English. */
  readonly detail?: string;
  /** The package part concerned ("xl/worksheets/sheet1.xml"). */
  readonly part?: string;
  readonly limit?: SizeLimit;
  /** The size found (bytes; entries for "entries"), and the most allowed (bytes; the ratio for "ratio", cells for "cells", entries for "entries"). */
  readonly bytes?: number;
  readonly max?: number;
  readonly cell?: string;
  /** The sheet concerned, when the part is a worksheet. */
  readonly sheet?: string;
}

export type OpenedWorkbook = { readonly ok: true; readonly workbook: XlsxWorkbook } | { readonly ok: false; readonly error: WorkbookFileError };

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01, the epoch of JavaScript's milliseconds. */
const SERIAL_OF_UNIX_EPOCH = 25569;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The part ExcelJS reads a workbook from; zip entry names are stored as plain bytes. */
const WORKBOOK_PART = Buffer.from("xl/workbook.xml");

/**
 * A workbook read from an .xlsx file, through the gateway's interface. The file is read once,
 * into memory, and never written to: what `apply` writes stays in memory until `save` writes it
 * to another file.
 */
export class XlsxWorkbook implements WorkbookGateway {
  /** The drafts rendered, whose charts and merged areas `save` adds to the file (ExcelJS writes no chart). */
  private rendered: RenderedSheet[] = [];

  private constructor(private readonly workbook: Workbook) {}

  /**
   * Opens a file; a missing file, a folder, an .xls or anything that is not an .xlsx workbook
   * comes back as a typed error (errors are data), never as a thrown exception.
   * @example (await XlsxWorkbook.open("registre.xlsx")).ok // true
   */
  static async open(path: string): Promise<OpenedWorkbook> {
    const failWith = (code: WorkbookFileErrorCode, detail?: string): OpenedWorkbook => ({
      ok: false,
      error: { code, path, ...(detail === undefined ? {} : { detail }) },
    });
    let bytes: Buffer;
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile()) return failWith("not_a_file");
      bytes = await fs.readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return failWith("file_not_found");
      return failWith("unreadable_file", error instanceof Error ? error.message : String(error));
    }
    if (bytes.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) return failWith("legacy_or_encrypted");
    if (!bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return failWith("not_a_workbook", "ce n'est pas une archive zip");
    // ExcelJS loads any zip without complaint (a .docx gives a workbook with no sheet): the
    // workbook part must be there for the file to be a workbook at all.
    if (!bytes.includes(WORKBOOK_PART)) return failWith("not_a_workbook", "l'archive ne contient pas de classeur Excel");
    try {
      return { ok: true, workbook: new XlsxWorkbook(await loadWorkbook(bytes)) };
    } catch (error) {
      return failWith("not_a_workbook", error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * A new workbook without any sheet, for a file the command line makes whole (a consolidation of
   * registers) rather than a copy of one it read: its sheets are added by `apply`, the file
   * written by `save`. `title` goes to the document's properties (Fichier › Informations).
   * @example const workbook = XlsxWorkbook.create("Consolidation"); await workbook.apply(plan); await workbook.save("consolide.xlsx");
   */
  static create(title: string): XlsxWorkbook {
    const workbook = new Workbook();
    workbook.creator = "registre";
    workbook.title = title;
    return new XlsxWorkbook(workbook);
  }

  /** Worksheets in the workbook's tab order (ExcelJS leaves chart sheets out). */
  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((sheet) => sheet.name);
  }

  /** The used range from A1, values as Excel holds them (see toCellValue). */
  async readSheet(name: string): Promise<SheetGrid> {
    const sheet = this.workbook.worksheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    return { name, values: sheetValues(sheet) };
  }

  async readAllSheets(options: ReadOptions = {}): Promise<SheetGrid[]> {
    const skip = options.skip ?? (() => false);
    return this.workbook.worksheets.filter((sheet) => !skip(sheet.name)).map((sheet) => ({ name: sheet.name, values: sheetValues(sheet) }));
  }

  /**
   * Writes a plan into the workbook in memory: the whole plan is checked first (a protected sheet
   * or a missing one refuses it all), then the sheets are replaced or added, the blocks written.
   */
  async apply(plan: WorkbookPlan): Promise<AppliedPlan> {
    for (const draft of plan.replaceSheets ?? []) {
      if (isProtected(this.find(draft.name))) throw new GatewayError("sheet_protected", draft.name);
    }
    for (const block of plan.blocks ?? []) {
      const sheet = this.find(block.sheet);
      if (sheet === undefined) throw new GatewayError("sheet_missing", block.sheet);
      if (isProtected(sheet)) throw new GatewayError("sheet_protected", block.sheet);
    }
    for (const draft of plan.replaceSheets ?? []) {
      const old = this.find(draft.name);
      const position = old === undefined ? null : this.workbook.worksheets.indexOf(old);
      if (old !== undefined) {
        this.workbook.removeWorksheet(old.id);
        this.rendered = this.rendered.filter((r) => !sameName(r.sheet, old.name));
      }
      const sheet = this.addSheet(old?.name ?? draft.name, draft);
      if (position !== null) this.moveTo(sheet, position);
    }
    const addedSheets: string[] = [];
    for (const draft of plan.addSheets ?? []) {
      const name = uniqueSheetName(draft.name, this.workbook.worksheets.map((s) => s.name));
      this.addSheet(name, draft);
      addedSheets.push(name);
    }
    for (const block of plan.blocks ?? []) {
      const sheet = this.find(block.sheet);
      if (sheet !== undefined) renderBlock(sheet, block);
    }
    if (plan.activate !== undefined) {
      const added = (plan.addSheets ?? []).findIndex((draft) => draft.name === plan.activate);
      const sheet = this.find(added >= 0 ? addedSheets[added] : plan.activate);
      if (sheet !== undefined) this.show(sheet, "A1");
    }
    return { addedSheets };
  }

  async select(target: CellTarget): Promise<void> {
    const sheet = this.find(target.sheet);
    if (sheet === undefined) throw new GatewayError("sheet_missing", target.sheet);
    this.show(sheet, cellAddress(sheet.name, target.row, target.column).replace(/^.*!/, ""));
  }

  /** The active cell the file was saved with (its active sheet's view); null when the file does not say. */
  async activeCell(): Promise<CellTarget | null> {
    const bookViews: Workbook["views"] | undefined = this.workbook.views;
    const sheet: Worksheet | undefined = this.workbook.worksheets[bookViews?.[0]?.activeTab ?? 0];
    if (sheet === undefined) return null;
    const sheetViews: Partial<WorksheetView>[] | null = sheet.views;
    const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(sheetViews?.[0]?.activeCell ?? "");
    const column = match === null ? null : columnIndex(match[1]);
    if (match === null || column === null) return null;
    return { sheet: sheet.name, row: Number(match[2]) - 1, column };
  }

  /**
   * Writes the workbook, with what was applied, to a file (replacing any file there: the caller
   * decides whether it may). The file opened is never written unless it is the path given. This
   * writes ExcelJS's model back, which keeps only what ExcelJS models: the command line's copies
   * are made by adding sheets to the file's own package instead (src/excel/xlsxPatch.ts).
   */
  async save(path: string): Promise<void> {
    await fs.writeFile(path, await this.bytes());
  }

  /** The workbook's file, as `save` writes it (for a caller that writes it its own way: atomically). */
  async bytes(): Promise<Uint8Array> {
    return completeXlsx(new Uint8Array(await this.workbook.xlsx.writeBuffer()), this.rendered);
  }

  private addSheet(name: string, draft: SheetDraft): Worksheet {
    const sheet = this.workbook.addWorksheet(name);
    const tableNames = new Set(this.workbook.worksheets.flatMap(tableNamesOf));
    renderDraft(sheet, draft, tableNames);
    this.rendered.push({ sheet: name, draft });
    return sheet;
  }

  /** Puts a sheet at a position of the tab order (0-based). */
  private moveTo(sheet: Worksheet, position: number): void {
    const others = this.workbook.worksheets.filter((s) => s !== sheet);
    others.splice(position, 0, sheet);
    // ExcelJS orders the tabs by this runtime field, which its typings leave out.
    others.forEach((s, i) => {
      (s as Worksheet & { orderNo: number }).orderNo = i;
    });
  }

  /** Makes a sheet the active tab, with a cell selected. */
  private show(sheet: Worksheet, address: string): void {
    const index = this.workbook.worksheets.indexOf(sheet);
    // A workbook loaded without a <bookViews> has no views at all, whatever ExcelJS's typings say.
    const views: Workbook["views"] | undefined = this.workbook.views;
    this.workbook.views = [{ ...(views?.[0] ?? {}), activeTab: index, firstSheet: 0, visibility: "visible" } as Workbook["views"][number]];
    for (const s of this.workbook.worksheets) {
      // A loaded sheet may have no views; tabSelected is written by ExcelJS but missing from its typings.
      const views: Partial<WorksheetView>[] | null = s.views;
      const view: Partial<WorksheetView> & { tabSelected: boolean } = {
        ...(views?.[0] ?? {}),
        tabSelected: s === sheet,
        ...(s === sheet ? { activeCell: address } : {}),
      };
      s.views = [view];
    }
  }

  private find(name: string): Worksheet | undefined {
    return this.workbook.worksheets.find((s) => sameName(s.name, name));
  }
}

/** Excel compares sheet names without case. */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("fr") === b.toLocaleLowerCase("fr");
}

/** Names of a sheet's Excel tables, lower-cased (ExcelJS's typings of getTables are wrong). */
function tableNamesOf(sheet: Worksheet): string[] {
  const tables: unknown[] = sheet.getTables();
  return tables.flatMap((t) => (typeof t === "object" && t !== null && "name" in t && typeof t.name === "string" ? [t.name.toLowerCase()] : []));
}

/** Whether a sheet is protected (Révision › Protéger la feuille); ExcelJS keeps it in an untyped field. */
function isProtected(sheet: Worksheet | undefined): boolean {
  const protection: unknown = (sheet as (Worksheet & { sheetProtection?: unknown }) | undefined)?.sheetProtection;
  return typeof protection === "object" && protection !== null && "sheet" in protection && protection.sheet === true;
}

/**
 * An ExcelJS workbook from a file's bytes (ExcelJS's typings want an ArrayBuffer). A package on
 * which ExcelJS trips over a part it looked up and did not find (a TypeError: "Cannot read
 * properties of undefined (reading 'anchors')") is given again in the form it reads
 * (packageForExcelJs, interim); any other failure (a damaged zip, bad XML) is reported as it is,
 * and so is the first one when the second try fails too.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const load = async (data: Uint8Array): Promise<Workbook> => {
    const workbook = new Workbook();
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    return workbook;
  };
  try {
    return await load(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    try {
      return await load(await packageForExcelJs(bytes));
    } catch {
      throw error;
    }
  }
}

/** The rectangle from A1 to the last row and column holding a value; blanks are null. */
function sheetValues(sheet: Worksheet): CellValue[][] {
  const cells: { row: number; column: number; value: CellValue }[] = [];
  let rows = 0;
  let columns = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      cells.push({ row: rowNumber, column: columnNumber, value });
      rows = Math.max(rows, rowNumber);
      columns = Math.max(columns, columnNumber);
    });
  });
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(columns).fill(null));
  for (const { row, column, value } of cells) values[row - 1][column - 1] = value;
  return values;
}

/** A cell's value; the cells a merge covers, other than its top-left one, are blank. */
function cellValue(cell: Cell): CellValue {
  if (cell.type === ValueType.Merge) return null;
  return toCellValue(cell.value);
}

/**
 * An ExcelJS value as Excel holds it: a date becomes its serial, a formula its cached result,
 * rich text and hyperlinks their text, an error `{ error: "#N/A" }`.
 * @example toCellValue(new Date(Date.UTC(2024, 6, 12))) // 45485
 * @example toCellValue({ richText: [{ text: "Asso " }, { text: "TEAM2" }] }) // "Asso TEAM2"
 */
export function toCellValue(value: ExcelJsValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if ("error" in value) return { error: value.error };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return toCellValue(value.result ?? null);
  if ("hyperlink" in value) return hyperlinkText(value.text);
  return null;
}

/** A hyperlink's text, which ExcelJS gives as rich text when the link is formatted. */
function hyperlinkText(text: unknown): CellValue {
  if (typeof text === "string") return text;
  if (typeof text === "object" && text !== null && "richText" in text && Array.isArray(text.richText)) {
    return text.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  return null;
}

/**
 * The serial of a Date that ExcelJS built from a serial. ExcelJS builds it in UTC (milliseconds =
 * (serial − 25569) × 86 400 000, with no 1900 leap-year correction), so the inverse in UTC gives
 * back Excel's own serial whatever the machine's time zone: serial 60 (Excel's phantom 29/02/1900)
 * and the serials before it come back unchanged, for src/core/dates/excelSerial.ts to read with the
 * bug handled in the one place it is. A time of day is dropped (the day it falls on is kept, as
 * serialToDate does), never rounded up to the next day. A 1904-system workbook is converted by
 * ExcelJS itself, so its dates come back as 1900-system serials.
 */
function dateToSerial(date: Date): CellValue {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return { error: "#VALUE!" };
  return Math.floor(ms / MS_PER_DAY) + SERIAL_OF_UNIX_EPOCH;
}
