/**
 * The gateway in Excel, through Office.js: one `Excel.run` per action, reads in bulk (every
 * sheet's used range in one request), writes whole ranges, as few `context.sync` calls as
 * possible — and a new request before the queued writes pass Excel's 5 MB limit on a request.
 */
import {
  AppliedPlan,
  Area,
  CellBlock,
  CellStyle,
  ConditionalFormat,
  DraftCell,
  NUMBER_FORMATS,
  STYLE_LOOK,
  SheetDraft,
  ValidationRule,
  WorkbookPlan,
  cellAddress,
  linkAddress,
  uniqueSheetName,
  uniqueTableName,
} from "../plans/sheetDraft";
import { DRAFT_FONT, rowHeights } from "../plans/rowHeights";
import { CellValue, SheetGrid, columnLetter } from "../core/cells/sheetGrid";
import { CellTarget, GatewayError, ReadOptions, WorkbookGateway } from "./gateway";

/** Excel.run, as the gateway calls it (the tests give a fake host's). */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** No request may carry more than this many bytes (Excel refuses requests above 5 MB). */
export const MAX_REQUEST_BYTES = 4_000_000;

/**
 * Queued writes are sent before their estimate passes this: a tenth under MAX_REQUEST_BYTES, for
 * the small operations whose size is estimated roughly (a style, a width, a rule).
 */
const REQUEST_BUDGET = 3_600_000;

/**
 * Excel on the web also refuses a response above 5 MB: there, a large workbook is read by slices
 * of rows whose estimated response stays under this many bytes. Excel on Windows and Mac has no
 * such limit and reads every sheet in one response.
 */
export const MAX_RESPONSE_BYTES = 4_000_000;

/**
 * Estimated bytes of one cell in a read's response (its value and its type, as JSON): a date or
 * an amount with its "Double" is about 16, a title with its "String" about 45, a blank 10 (about 20 on average on the generated registers). The
 * bench measures the real sizes on generated registers (bench/paneBench.ts); a slice that still
 * comes back too large is read again in two halves.
 */
export const RESPONSE_BYTES_PER_CELL = 24;

export interface OfficeWorkbookOptions {
  /** Largest response to ask for; Infinity where Excel sets no limit. Default: the host's (see responseLimitOfHost). */
  readonly responseLimitBytes?: number;
}

/**
 * The response limit of the Excel the add-in runs in: none on Windows and Mac, MAX_RESPONSE_BYTES
 * everywhere else (the web, iPad) and when the platform is unknown.
 */
export function responseLimitOfHost(): number {
  const office = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office;
  const platform = office?.context?.platform;
  return platform === "PC" || platform === "Mac" ? Infinity : MAX_RESPONSE_BYTES;
}

/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHARACTER = 5.6;
const TABLE_STYLE = "TableStyleMedium2";

/** Excel's error codes that mean "try again later" or "not allowed here". */
const BUSY_CODES = new Set(["InvalidOperationInCellEditMode", "RequestAborted", "ActivityLimitReached", "Conflict"]);
const REFUSED_PROTECTED = new Set(["AccessDenied"]);

export class OfficeWorkbook implements WorkbookGateway {
  /** Requests sent during the last action, and the largest one's estimated size: for the tests and the bench. */
  lastAction = { syncs: 0, largestRequestBytes: 0 };
  private readonly responseLimit: number;

  constructor(
    private readonly run: ExcelRunner = (batch) => Excel.run(batch),
    options: OfficeWorkbookOptions = {},
  ) {
    this.responseLimit = options.responseLimitBytes ?? responseLimitOfHost();
  }

  async sheetNames(): Promise<string[]> {
    return this.action(async (context, sync) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const all = await this.readAllSheets({ skip: (other) => other !== name });
    const grid = all.find((g) => g.name === name);
    if (grid === undefined) throw new GatewayError("sheet_missing", name);
    return grid;
  }

  /**
   * Every sheet's used range, values and their types: in two requests where responses have no
   * limit; elsewhere the used ranges' sizes first, then slices of rows packed into as few
   * responses under the limit as they fit in.
   */
  async readAllSheets(options: ReadOptions = {}): Promise<SheetGrid[]> {
    const skip = options.skip ?? (() => false);
    return this.action(async (context, sync) => {
      const all = context.workbook.worksheets.load("items/name");
      await sync();
      const sheets = { items: all.items.filter((sheet) => !skip(sheet.name)) };
      if (this.responseLimit === Infinity) {
        const used = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("values,valueTypes,rowIndex,columnIndex"));
        await sync();
        return sheets.items.map((sheet, i) => {
          const range = used[i];
          return { name: sheet.name, values: range.isNullObject ? [] : gridFrom(range.rowIndex, range.columnIndex, [{ values: range.values, valueTypes: range.valueTypes }]) };
        });
      }
      const used = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
      await sync();
      const areas = used.map((range) => (range.isNullObject ? null : { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount }));
      const slices = await readSlices(sheets.items, areas, this.responseLimit, sync);
      return sheets.items.map((sheet, i) => {
        const area = areas[i];
        return { name: sheet.name, values: area === null ? [] : gridFrom(area.row, area.column, slices[i]) };
      });
    });
  }

  async apply(plan: WorkbookPlan): Promise<AppliedPlan> {
    return this.action(async (context, sync, queue) => {
      const sheets = context.workbook.worksheets.load("items/name,items/position,items/protection/protected");
      const tables = context.workbook.tables.load("items/name");
      await sync();
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const byName = (name: string): Excel.Worksheet | undefined => sheets.items.find((s) => s.name.toLocaleLowerCase("fr") === name.toLocaleLowerCase("fr"));
      // Everything the workbook can refuse is checked before anything is written.
      for (const draft of plan.replaceSheets ?? []) {
        if (byName(draft.name)?.protection.protected === true) throw new GatewayError("sheet_protected", draft.name);
      }
      for (const block of plan.blocks ?? []) {
        const sheet = byName(block.sheet);
        if (sheet === undefined) throw new GatewayError("sheet_missing", block.sheet);
        if (sheet.protection.protected) throw new GatewayError("sheet_protected", block.sheet);
      }
      const names = sheets.items.map((s) => s.name);
      for (const draft of plan.replaceSheets ?? []) {
        const old = byName(draft.name);
        if (old !== undefined) old.delete();
        const sheet = context.workbook.worksheets.add(draft.name);
        if (old !== undefined) sheet.position = old.position;
        await renderSheet(sheet, draft, queue, tableNames);
      }
      const addedSheets: string[] = [];
      for (const draft of plan.addSheets ?? []) {
        const name = uniqueSheetName(draft.name, names);
        names.push(name);
        addedSheets.push(name);
        await renderSheet(context.workbook.worksheets.add(name), { ...draft, name }, queue, tableNames);
      }
      for (const block of plan.blocks ?? []) {
        const sheet = byName(block.sheet);
        if (sheet !== undefined) await renderBlock(sheet, block, queue);
      }
      if (plan.activate !== undefined) {
        const added = (plan.addSheets ?? []).findIndex((d) => d.name === plan.activate);
        context.workbook.worksheets.getItem(added >= 0 ? addedSheets[added] : plan.activate).activate();
      }
      await sync();
      return { addedSheets };
    });
  }

  async select(target: CellTarget): Promise<void> {
    await this.action(async (context, sync) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(target.sheet);
      await sync();
      if (sheet.isNullObject) throw new GatewayError("sheet_missing", target.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(target.row, target.column, 1, Math.max(1, target.columnCount ?? 1)).select();
      await sync();
    });
  }

  /** The active cell and its sheet, in one request (ExcelApi 1.7, which the shared runtime implies). */
  async activeCell(): Promise<CellTarget | null> {
    return this.action(async (context, sync) => {
      const cell = context.workbook.getActiveCell().load("rowIndex,columnIndex");
      const sheet = cell.worksheet.load("name");
      await sync();
      return { sheet: sheet.name, row: cell.rowIndex, column: cell.columnIndex };
    });
  }

  /**
   * One Excel.run, with a counted `sync` and a `queue` that sends the queued writes before they
   * pass MAX_REQUEST_BYTES. Office errors come out as GatewayErrors.
   */
  private async action<T>(batch: (context: Excel.RequestContext, sync: () => Promise<void>, queue: Queue) => Promise<T>): Promise<T> {
    const stats = { syncs: 0, largestRequestBytes: 0 };
    this.lastAction = stats;
    try {
      return await this.run(async (context) => {
        let pending = 0;
        const sync = async (): Promise<void> => {
          stats.syncs += 1;
          stats.largestRequestBytes = Math.max(stats.largestRequestBytes, pending);
          pending = 0;
          await context.sync();
        };
        const queue: Queue = async (bytes) => {
          if (pending > 0 && pending + bytes > REQUEST_BUDGET) await sync();
          pending += bytes;
        };
        return batch(context, sync, queue);
      });
    } catch (error) {
      throw asGatewayError(error);
    }
  }
}

/** Counts `bytes` of writes about to be queued; sends what is queued first when the request would grow too big. */
type Queue = (bytes: number) => Promise<void>;

/** Values and their types of consecutive rows, as a read returns them. */
interface ReadRows {
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

/** A used range read in consecutive slices (top to bottom) as a grid from A1: errors as CellErrors, blanks as null. */
function gridFrom(top: number, left: number, slices: readonly ReadRows[]): CellValue[][] {
  const rows: CellValue[][] = Array.from({ length: top }, () => []);
  for (const slice of slices) {
    slice.values.forEach((row, r) => {
      const types = slice.valueTypes[r];
      const cells: CellValue[] = Array.from({ length: left }, () => null);
      row.forEach((value, c) => cells.push(cellValue(value, types[c])));
      rows.push(cells);
    });
  }
  return rows;
}

/** Rows [row, row + rowCount) of a sheet's used range, to read in one piece. */
interface Slice {
  readonly sheet: number;
  readonly row: number;
  readonly rowCount: number;
  readonly column: number;
  readonly columnCount: number;
}

/**
 * Reads the used ranges (`areas`, null for an empty sheet) by slices of rows whose estimated
 * response stays under `limit`, as many slices per request as fit; a request Excel still finds
 * too large is sent again with its slices halved. Returns each sheet's slices, top to bottom.
 */
async function readSlices(
  sheets: readonly Excel.Worksheet[],
  areas: readonly (Area | null)[],
  limit: number,
  sync: () => Promise<void>,
): Promise<ReadRows[][]> {
  const estimate = (slice: Slice): number => slice.rowCount * slice.columnCount * RESPONSE_BYTES_PER_CELL;
  let waiting: Slice[] = [];
  areas.forEach((area, sheet) => {
    if (area === null) return;
    const rowsPerSlice = Math.max(1, Math.floor(limit / (area.columnCount * RESPONSE_BYTES_PER_CELL)));
    for (let row = area.row; row < area.row + area.rowCount; row += rowsPerSlice) {
      waiting.push({ sheet, row, rowCount: Math.min(rowsPerSlice, area.row + area.rowCount - row), column: area.column, columnCount: area.columnCount });
    }
  });
  const read = new Map<Slice, ReadRows>();
  // What one request may ask for: halved, with the slices, each time Excel refuses a response.
  let budget = limit;
  while (waiting.length > 0) {
    // The next request: slices in order while their estimate fits (always at least one).
    const batch: Slice[] = [];
    let bytes = 0;
    while (waiting.length > 0 && (batch.length === 0 || bytes + estimate(waiting[0]) <= budget)) {
      bytes += estimate(waiting[0]);
      batch.push(waiting.shift() as Slice);
    }
    const ranges = batch.map((s) => sheets[s.sheet].getRangeByIndexes(s.row, s.column, s.rowCount, s.columnCount).load("values,valueTypes"));
    try {
      await sync();
    } catch (error) {
      if (errorCode(error) !== "PayloadTooLarge" || (batch.length === 1 && batch[0].rowCount === 1)) throw error;
      budget /= 2;
      waiting = [...batch.flatMap(halved), ...waiting];
      continue;
    }
    batch.forEach((slice, i) => read.set(slice, { values: ranges[i].values, valueTypes: ranges[i].valueTypes }));
  }
  return areas.map((_, sheet) =>
    [...read.keys()]
      .filter((slice) => slice.sheet === sheet)
      .sort((a, b) => a.row - b.row)
      .map((slice) => read.get(slice) as ReadRows),
  );
}

/** A slice as two of half its rows (a one-row slice stays whole). */
function halved(slice: Slice): Slice[] {
  if (slice.rowCount < 2) return [slice];
  const first = Math.ceil(slice.rowCount / 2);
  return [
    { ...slice, rowCount: first },
    { ...slice, row: slice.row + first, rowCount: slice.rowCount - first },
  ];
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

function asGatewayError(error: unknown): Error {
  if (error instanceof GatewayError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (BUSY_CODES.has(code)) return new GatewayError("busy", undefined, message);
  if (REFUSED_PROTECTED.has(code)) return new GatewayError("sheet_protected", undefined, message);
  if (code === "ItemNotFound") return new GatewayError("sheet_missing", undefined, message);
  return new GatewayError("refused", undefined, message);
}

// ---------------------------------------------------------------------------------------------
// Rendering a draft
// ---------------------------------------------------------------------------------------------

/** The number format and the formula-or-value of one cell, as Office.js writes them. */
function cellInput(cell: DraftCell): { format: string; input: string | number | boolean } {
  if (cell === null) return { format: NUMBER_FORMATS.general, input: "" };
  switch (cell.kind) {
    case "text":
      // Formatted as text first, so that "=1+1" or "+33…" is kept as typed, never a formula.
      return { format: NUMBER_FORMATS.text, input: cell.text };
    case "number":
      return { format: cell.format === undefined ? NUMBER_FORMATS.general : NUMBER_FORMATS[cell.format], input: cell.value };
    case "date":
      return { format: NUMBER_FORMATS.date, input: cell.serial };
    case "boolean":
      return { format: NUMBER_FORMATS.general, input: cell.value };
    case "formula":
      return { format: cell.format === undefined ? NUMBER_FORMATS.general : NUMBER_FORMATS[cell.format], input: cell.formula };
  }
}

/** Writes a rectangle of cells at (row, column): formats first, then values and formulas, by slices under the request limit. */
async function writeCells(sheet: Excel.Worksheet, row: number, column: number, cells: readonly (readonly DraftCell[])[], queue: Queue): Promise<void> {
  const width = cells.reduce((max, r) => Math.max(max, r.length), 0);
  if (width === 0) return;
  let start = 0;
  while (start < cells.length) {
    // As many rows as fit in one request.
    let bytes = 0;
    let end = start;
    const formats: string[][] = [];
    const inputs: (string | number | boolean)[][] = [];
    while (end < cells.length) {
      const line = Array.from({ length: width }, (_, c) => cellInput(cells[end][c] ?? null));
      const lineFormats = line.map((x) => x.format);
      const lineInputs = line.map((x) => x.input);
      // What the request carries: the two rows as JSON.
      const lineBytes = JSON.stringify(lineFormats).length + JSON.stringify(lineInputs).length;
      if (end > start && bytes + lineBytes > REQUEST_BUDGET / 2) break;
      bytes += lineBytes;
      formats.push(lineFormats);
      inputs.push(lineInputs);
      end += 1;
    }
    await queue(bytes);
    const range = sheet.getRangeByIndexes(row + start, column, end - start, width);
    range.numberFormat = formats;
    range.formulas = inputs;
    start = end;
  }
  await writeLooks(sheet, row, column, cells, queue);
}

/** Styles, wrapping and links, by rectangles of cells that look the same (a styled column is one request). */
async function writeLooks(sheet: Excel.Worksheet, row: number, column: number, cells: readonly (readonly DraftCell[])[], queue: Queue): Promise<void> {
  const looks = new Map<string, Area[]>();
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (cell === null) continue;
      if (cell.link !== undefined) {
        const text = cell.kind === "text" ? cell.text : undefined;
        // A cell of another workbook: the file as the address, the cell as the reference within it
        // (Excel.RangeHyperlink: address and documentReference, Excel's Address and SubAddress).
        const link = {
          ...(cell.link.file === undefined ? {} : { address: linkAddress(cell.link).split("#")[0] }),
          documentReference: cellAddress(cell.link.sheet, cell.link.row, cell.link.column),
          ...(text === undefined ? {} : { textToDisplay: text }),
        };
        // Each link is its own operation in the request: counted, or an alerts sheet of 30 000
        // links would pass the limit unseen.
        await queue(JSON.stringify(link).length + LINK_OPERATION_BYTES);
        sheet.getRangeByIndexes(row + r, column + c, 1, 1).hyperlink = link;
      }
      const key = `${cell.style ?? ""}|${cell.wrap === true ? "w" : ""}|${cell.align ?? ""}`;
      if (key === "||") continue;
      const areas = looks.get(key) ?? [];
      looks.set(key, areas);
      addCell(areas, row + r, column + c);
    }
  }
  for (const [key, areas] of looks) {
    const [style, wrap, align] = key.split("|");
    for (const area of areas) {
      await queue(200);
      const format = sheet.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount).format;
      if (wrap === "w") {
        format.wrapText = true;
        format.verticalAlignment = "Top";
      }
      if (style !== "") applyLook(format, STYLE_LOOK[style as CellStyle]);
      if (align !== "") format.horizontalAlignment = HORIZONTAL[align as keyof typeof HORIZONTAL];
    }
  }
}

/** Grows the areas with one cell: joins it to the run on its left, then runs of the same width above. */
function addCell(areas: Area[], row: number, column: number): void {
  const left = areas.find((a) => a.rowCount === 1 && a.row === row && a.column + a.columnCount === column);
  const cell: Area = left === undefined ? { row, column, rowCount: 1, columnCount: 1 } : { ...left, columnCount: left.columnCount + 1 };
  if (left !== undefined) areas.splice(areas.indexOf(left), 1);
  const above = areas.find((a) => a.column === cell.column && a.columnCount === cell.columnCount && a.row + a.rowCount === row);
  if (above !== undefined) areas.splice(areas.indexOf(above), 1, { ...above, rowCount: above.rowCount + 1 });
  else areas.push(cell);
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/** What a request spends on one operation besides its data (the range's address, the property's name). */
const LINK_OPERATION_BYTES = 60;

/** Row heights, a run of rows of the same height at a time. */
async function setRowHeights(sheet: Excel.Worksheet, heights: ReadonlyMap<number, number>, queue: Queue): Promise<void> {
  const rows = [...heights.keys()].sort((a, b) => a - b);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && heights.get(rows[j + 1]) === heights.get(rows[i])) j++;
    await queue(100);
    sheet.getRangeByIndexes(rows[i], 0, j - i + 1, 1).format.rowHeight = heights.get(rows[i]) ?? 15;
    i = j + 1;
  }
}

function applyLook(format: Excel.RangeFormat, look: (typeof STYLE_LOOK)[CellStyle]): void {
  if (look.bold !== undefined) format.font.bold = look.bold;
  if (look.italic !== undefined) format.font.italic = look.italic;
  if (look.size !== undefined) format.font.size = look.size;
  if (look.color !== undefined) format.font.color = look.color;
  if (look.fill !== undefined) format.fill.color = look.fill;
}

function rangeOf(sheet: Excel.Worksheet, area: Area): Excel.Range {
  return sheet.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount);
}

async function renderSheet(sheet: Excel.Worksheet, draft: SheetDraft, queue: Queue, tableNames: Set<string>): Promise<void> {
  const width = draft.rows.reduce((max, r) => Math.max(max, r.length), 0);
  if (draft.rows.length > 0 && width > 0) {
    // The add-in's font on the whole draft, as the row heights and widths are measured for it.
    const font = sheet.getRangeByIndexes(0, 0, draft.rows.length, width).format.font;
    font.name = DRAFT_FONT.name;
    font.size = DRAFT_FONT.size;
  }
  await writeCells(sheet, 0, 0, draft.rows, queue);
  await setRowHeights(sheet, rowHeights(draft), queue);
  await queue(2_000);
  (draft.columnWidths ?? []).forEach((width, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = Math.round(width * POINTS_PER_CHARACTER);
  });
  for (const area of draft.merges ?? []) rangeOf(sheet, area).merge(false);
  for (const table of draft.tables ?? []) {
    const added = sheet.tables.add(rangeOf(sheet, table.area), true);
    added.name = uniqueTableName(table.name, tableNames);
    added.style = TABLE_STYLE;
  }
  addConditionalFormats(sheet, draft.conditionalFormats ?? []);
  for (const validation of draft.validations ?? []) {
    const range = rangeOf(sheet, validation.area);
    range.dataValidation.rule = validationRule(validation.rule);
    range.dataValidation.errorAlert = { message: validation.message, showAlert: true, style: "Stop", title: "Registre des conventions" };
  }
  for (const chart of draft.charts ?? []) {
    const added = sheet.charts.add("ColumnClustered", rangeOf(sheet, chart.data), "Columns");
    added.title.text = chart.title;
    const a = chart.anchor;
    added.setPosition(`${columnLetter(a.column)}${a.row + 1}`, `${columnLetter(a.column + a.columnCount - 1)}${a.row + a.rowCount}`);
  }
  if (draft.frozenRows !== undefined && draft.frozenRows > 0) sheet.freezePanes.freezeRows(draft.frozenRows);
  if (draft.print !== undefined) {
    const layout = sheet.pageLayout;
    layout.orientation = draft.print.landscape ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    if (draft.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const repeat = draft.print.repeatRows;
    if (repeat !== undefined) layout.setPrintTitleRows(`$${repeat.first + 1}:$${repeat.last + 1}`);
    if (draft.print.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = draft.print.footer;
    for (const row of draft.print.pageBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  }
  if (draft.visibility !== undefined && draft.visibility !== "visible") sheet.visibility = draft.visibility === "veryHidden" ? "VeryHidden" : "Hidden";
}

async function renderBlock(sheet: Excel.Worksheet, block: CellBlock, queue: Queue): Promise<void> {
  await writeCells(sheet, block.row, block.column, block.cells, queue);
  (block.columnWidths ?? []).forEach((width, c) => {
    sheet.getRangeByIndexes(0, block.column + c, 1, 1).getEntireColumn().format.columnWidth = Math.round(width * POINTS_PER_CHARACTER);
  });
  if ((block.conditionalFormats ?? []).length > 0) {
    await queue(500);
    // The add-in's columns keep one set of its rules: the previous run's are cleared first.
    for (const format of block.conditionalFormats ?? []) rangeOf(sheet, format.area).conditionalFormats.clearAll();
    addConditionalFormats(sheet, block.conditionalFormats ?? []);
  }
}

function addConditionalFormats(sheet: Excel.Worksheet, formats: readonly ConditionalFormat[]): void {
  for (const format of formats) {
    const rule = rangeOf(sheet, format.area).conditionalFormats.add("ContainsText");
    const look = STYLE_LOOK[format.style];
    if (look.color !== undefined) rule.textComparison.format.font.color = look.color;
    if (look.fill !== undefined) rule.textComparison.format.fill.color = look.fill;
    rule.textComparison.rule = { operator: "Contains", text: format.whenTextContains };
  }
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "date":
      return { date: { formula1: "1900-03-01", formula2: "2199-12-31", operator: "Between" } };
    case "wholeNumber":
      return { wholeNumber: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
    case "decimal":
      return { decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  }
}
