/**
 * The gateway in Excel, through Office.js: one `Excel.run` per action, at most three requests for
 * a register of 10 000 rows, each under Excel on the web's 5 MB as Microsoft's client serializes it
 * (tests/officeClient measures it; `npm run bench -- volet` prints it).
 *
 * Reading: the sheets' names, then where their values are (each used range, looked at closer when
 * it is mostly empty: a stray value in XFD1048576 does not make a small register a read of 17
 * billion cells), then the values, by slices of at most a million cells (Excel reads at most five
 * million at once, on every platform) and, on the web, of responses under 4 MB.
 *
 * Writing, all or nothing for each thing the add-in writes: a sheet it writes whole (the alerts,
 * the settings, a report, the sheets of a new register) is built hidden under a temporary name,
 * then swapped in by one last request (the old one deleted, the new one named); the cells it
 * writes into a user's sheet go in that same request where they fit. A failure before that request
 * leaves the workbook as it was (the temporary sheets are removed, or removed by the next action).
 * Widths, heights, print setup and frozen rows follow in a request of their own, whose refusal never
 * fails the action.
 */
import { AppliedPlan, CellBlock, SheetDraft, WorkbookPlan, uniqueSheetName, uniqueTableName } from "../plans/sheetDraft";
import { CellValue, SheetGrid } from "../core/cells/sheetGrid";
import { CellTarget, GatewayError, ReadOptions, WorkbookGateway } from "./gateway";
import { METHOD, Operation, errorCode, op, requestWriter } from "./officeRequests";
import { TableNames, blockOperations, blockWidthOperations, cosmeticOperations, freezeOperations, sheetOperations } from "./officeRender";

export { MAX_REQUEST_BYTES, REQUEST_BUDGET } from "./officeRequests";

/** Excel.run, as the gateway calls it (the tests give a fake host's, or the real client's). */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel on the web refuses a response above 5 MB (ResponsePayloadSizeLimitExceeded): there, the
 * values are read by slices whose estimated response stays under this many bytes. Excel on
 * Windows and Mac has no such limit.
 */
export const MAX_RESPONSE_BYTES = 4_000_000;

/**
 * Estimated bytes of one cell in a read's response (its value and its type, as JSON): a date or
 * an amount with its "Double" is about 16, a title with its "String" about 45, a blank 10. The
 * bench measures the real sizes; a slice that still comes back too large is read again in halves.
 */
export const RESPONSE_BYTES_PER_CELL = 24;

/**
 * Cells read by one range at most, on every platform: Excel reads at most five million cells at
 * once ("Resource limits and performance optimization for Office Add-ins"), and above that may
 * give null values instead of an error (office-js #4783, #6781).
 */
export const MAX_CELLS_PER_READ = 1_000_000;

/** A used range of more cells than this is looked at closer, in halves, for where its values are. */
export const SPARSE_CELLS = 1_000_000;

/** The most cells one action reads in all: a workbook beyond is refused with a message (too_large). */
export const MAX_CELLS_READ = 20_000_000;

/** The most areas looked at in one request before a sheet is refused as too scattered. */
const MAX_TILES = 1_024;

export interface OfficeWorkbookOptions {
  /** Largest response to ask for; Infinity where Excel sets no limit. Default: the host's (see responseLimitOfHost). */
  readonly responseLimitBytes?: number;
  /** Excel's display language (which custom functions' names it knows); default: Office.context.displayLanguage. */
  readonly displayLanguage?: string | null;
}

interface OfficeGlobal {
  readonly context?: { readonly platform?: unknown; readonly displayLanguage?: unknown };
}

const office = (): OfficeGlobal | undefined => (globalThis as { Office?: OfficeGlobal }).Office;

/**
 * The response limit of the Excel the add-in runs in: none on Windows and Mac, MAX_RESPONSE_BYTES
 * everywhere else (the web, iPad) and when the platform is unknown.
 */
export function responseLimitOfHost(): number {
  const platform = office()?.context?.platform;
  return platform === "PC" || platform === "Mac" ? Infinity : MAX_RESPONSE_BYTES;
}

/** Office.context.displayLanguage ("fr-FR", "en-US"…), null outside Office. */
function displayLanguageOfHost(): string | null {
  const language = office()?.context?.displayLanguage;
  return typeof language === "string" ? language : null;
}

/** The sheets the gateway builds before swapping them in: a name nobody types. */
const TEMPORARY = /^~registre-\d+$/;


/** What the last action sent: for the tests and the bench. */
export interface ActionStats {
  syncs: number;
  /** The largest request's estimated bytes. */
  largestRequestBytes: number;
  /** Why the cosmetic settings were refused (Excel's code), null when they were not. */
  cosmeticRefused: string | null;
}

/** A sheet as the first request of `apply` loads it (name, position, visibility, protection). */
type SheetState = Excel.Worksheet;

export class OfficeWorkbook implements WorkbookGateway {
  lastAction: ActionStats = { syncs: 0, largestRequestBytes: 0, cosmeticRefused: null };
  private readonly responseLimit: number;
  private readonly language: string | null;

  constructor(
    private readonly run: ExcelRunner = (batch) => Excel.run(batch),
    options: OfficeWorkbookOptions = {},
  ) {
    this.responseLimit = options.responseLimitBytes ?? responseLimitOfHost();
    this.language = options.displayLanguage === undefined ? displayLanguageOfHost() : options.displayLanguage;
  }

  displayLanguage(): string | null {
    return this.language;
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
   * Every sheet's values and their types, in three requests for a register: the names, where the
   * values are, the values (more when a slice must be halved, or a used range looked at closer).
   */
  async readAllSheets(options: ReadOptions = {}): Promise<SheetGrid[]> {
    const skip = options.skip ?? (() => false);
    return this.action(async (context, sync) => {
      const all = context.workbook.worksheets.load("items/name");
      await sync();
      const sheets = all.items.filter((sheet) => !skip(sheet.name));
      // Worksheet.getUsedRangeOrNullObject(valuesOnly): the cells that hold values, formats aside (ExcelApi 1.4).
      // Untracked: read once, never kept for a later request (no _KeepReference, no cleanup request after the run).
      const used = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).untrack().load("rowIndex,columnIndex,rowCount,columnCount"));
      await sync();
      const found = used.map((range) => (range.isNullObject ? [] : [rectOf(range)]));
      const areas = await dataAreas(sheets, found, sync);
      const total = areas.flat().reduce((sum, a) => sum + a.rows * a.columns, 0);
      if (total > MAX_CELLS_READ) throw new GatewayError("too_large", undefined, `${total} cells`);
      const parts = await readSlices(sheets, areas, this.responseLimit, sync);
      return sheets.map((sheet, i) => ({ name: sheet.name, values: gridOf(parts[i]) }));
    });
  }

  async apply(plan: WorkbookPlan): Promise<AppliedPlan> {
    return this.action(async (context, sync, stats) => {
      const blocks = plan.blocks ?? [];
      const newRows = blocks.filter((block) => block.newRow === true && block.row > 0);
      // 1. What the workbook holds, and the tables around each new row of a table.
      const loadedSheets = context.workbook.worksheets.load("items/name,items/position,items/visibility,items/protection/protected");
      const loadedTables = context.workbook.tables.load("items/name,items/worksheet/name");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      const around = newRows.map((block) => {
        const sheet = context.workbook.worksheets.getItem(block.sheet);
        const width = blockWidth(block);
        return {
          block,
          above: sheet.getRangeByIndexes(block.row - 1, block.column, 1, width).untrack().getTables(false).load("items/name"),
          here: sheet.getRangeByIndexes(block.row, block.column, block.cells.length, width).untrack().getTables(false).load("items/name"),
        };
      });
      // A sheet of a new row gone since the read fails this request (ItemNotFound: sheet_missing).
      await sync();
      const sheets = loadedSheets.items;
      const byName = (name: string): SheetState | undefined => sheets.find((s) => !TEMPORARY.test(s.name) && sameName(s.name, name));
      // Everything the workbook can refuse is checked before anything is written.
      for (const draft of plan.replaceSheets ?? []) if (byName(draft.name)?.protection.protected === true) throw new GatewayError("sheet_protected", draft.name);
      for (const block of blocks) {
        const sheet = byName(block.sheet);
        if (sheet === undefined) throw new GatewayError("sheet_missing", block.sheet);
        if (sheet.protection.protected) throw new GatewayError("sheet_protected", block.sheet);
      }

      // 2. The names: temporary sheets, and tables built under their final name unless it is taken until the swap.
      const leftovers = sheets.filter((s) => TEMPORARY.test(s.name));
      const tables = loadedTables.items.map((t) => ({ name: t.name.toLowerCase(), sheet: t.worksheet.name }));
      const oldOf = (plan.replaceSheets ?? []).map((draft) => byName(draft.name) ?? null);
      const leaving = new Set(tables.filter((t) => oldOf.some((old) => old !== null && sameName(old.name, t.sheet))).map((t) => t.name));
      const builtTaken = new Set(tables.filter((t) => !TEMPORARY.test(t.sheet)).map((t) => t.name));
      const finalTaken = new Set([...builtTaken].filter((name) => !leaving.has(name)));
      const tableNames = (draft: SheetDraft): TableNames[] =>
        (draft.tables ?? []).map((table) => {
          const final = uniqueTableName(table.name, finalTaken);
          const built = builtTaken.has(final.toLowerCase()) ? uniqueTableName(`${final}_tmp`, builtTaken) : final;
          builtTaken.add(built.toLowerCase());
          return { built, final };
        });
      const taken = sheets.filter((s) => !TEMPORARY.test(s.name)).map((s) => s.name);
      const outputs: Output[] = [];
      (plan.replaceSheets ?? []).forEach((draft, i) => {
        const old = oldOf[i];
        outputs.push({ draft, temp: `~registre-${outputs.length + 1}`, final: old?.name ?? draft.name, old, tables: tableNames(draft) });
      });
      const addedSheets: string[] = [];
      for (const draft of plan.addSheets ?? []) {
        const final = uniqueSheetName(draft.name, taken);
        taken.push(final);
        addedSheets.push(final);
        outputs.push({ draft, temp: `~registre-${outputs.length + 1}`, final, old: null, tables: tableNames(draft) });
      }
      const activeName = active.name;
      const finalActive = activeSheetAfter(plan, outputs, activeName);

      // 3. Build every new sheet hidden, then the commit: the cells in the user's sheets, the swap, the sheet shown.
      const build: Operation[] = [];
      for (const leftover of leftovers) {
        build.push(
          op(2 * METHOD, (scope) => {
            const sheet = scope.sheet(leftover.name);
            if (leftover.visibility === "VeryHidden") sheet.visibility = "Hidden";
            sheet.delete();
          }),
        );
      }
      const parts = outputs.map((output) => sheetOperations(output.temp, output.draft, output.tables));
      outputs.forEach((output, i) => {
        build.push(
          op(2 * METHOD, (scope) => {
            scope.sheet(output.temp, scope.context.workbook.worksheets.add(output.temp)).visibility = "Hidden";
          }),
        );
        build.push(...parts[i].content);
      });
      // Every table of the plan exists before a formula names one (the conventions' formulas name the comités' table).
      for (const part of parts) build.push(...part.afterTables);
      const positionOf = (old: SheetState): number => old.position - leftovers.filter((l) => l.position < old.position).length;
      const cells = [...tableRowOperations(around), ...blocks.flatMap(blockOperations)];
      const swap = outputs.map((output) => swapOperation(output, output.old === null ? null : positionOf(output.old)));
      // The sheet shown at the end of the commit: asked by the plan, or the replacement of the one shown.
      if (plan.activate !== undefined || outputs.some((o) => o.old !== null && sameName(o.old.name, activeName))) swap.push(op(METHOD, (scope) => scope.sheet(finalActive).activate()));
      const counted = (bytes: number): Promise<void> => {
        stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
        return sync();
      };
      const writer = requestWriter(context, counted);
      try {
        await writer.add(build);
        await writer.add([...cells, ...swap], true);
        await writer.flush();
      } catch (error) {
        await removeTemporary(context, sync, outputs.map((o) => o.temp));
        throw error;
      }

      // 4. Widths, heights, print setup, frozen rows (of the sheets shown): never a reason to fail.
      const shown = outputs.filter((o) => (o.draft.visibility ?? "visible") === "visible");
      const cosmetic = [
        ...shown.flatMap((o) => cosmeticOperations(o.final, o.draft)),
        ...blocks.flatMap(blockWidthOperations),
        ...freezeOperations(
          shown.filter((o) => (o.draft.frozenRows ?? 0) > 0).map((o) => ({ sheet: o.final, rows: o.draft.frozenRows ?? 0 })),
          finalActive,
        ),
      ];
      try {
        const cosmeticWriter = requestWriter(context, counted);
        await cosmeticWriter.add(cosmetic);
        await cosmeticWriter.flush();
      } catch (error) {
        stats.cosmeticRefused = errorCode(error) || String(error);
      }
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

  /** One Excel.run, with a counted `sync`. Office errors come out as GatewayErrors. */
  private async action<T>(batch: (context: Excel.RequestContext, sync: () => Promise<void>, stats: ActionStats) => Promise<T>): Promise<T> {
    const stats: ActionStats = { syncs: 0, largestRequestBytes: 0, cosmeticRefused: null };
    this.lastAction = stats;
    try {
      return await this.run(async (context) => {
        const sync = async (): Promise<void> => {
          stats.syncs += 1;
          await context.sync();
        };
        return batch(context, sync, stats);
      });
    } catch (error) {
      throw asGatewayError(error);
    }
  }
}

/** A sheet the action writes whole: its draft, the temporary name it is built under, the name it ends with, the one it replaces. */
interface Output {
  readonly draft: SheetDraft;
  readonly temp: string;
  readonly final: string;
  readonly old: SheetState | null;
  readonly tables: readonly TableNames[];
}

/** Excel compares sheet names without case. */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("fr") === b.toLocaleLowerCase("fr");
}

function blockWidth(block: CellBlock): number {
  return Math.max(1, ...block.cells.map((row) => row.length));
}

/**
 * The swap of one sheet: the new one shown as it will be, the old one deleted (made Hidden first
 * when very hidden: Excel refuses to delete a VeryHidden sheet, office-js #365), the new one named
 * and put in the old one's place, its tables given their names once the old ones are gone.
 */
function swapOperation(output: Output, position: number | null): Operation {
  const visibility = output.draft.visibility === "veryHidden" ? "VeryHidden" : output.draft.visibility === "hidden" ? "Hidden" : "Visible";
  return op(6 * METHOD, (scope) => {
    const fresh = scope.sheet(output.temp);
    if (visibility === "Visible") fresh.visibility = "Visible";
    if (output.old !== null) {
      const previous = scope.sheet(output.old.name);
      if (output.old.visibility === "VeryHidden") previous.visibility = "Hidden";
      previous.delete();
    }
    fresh.name = output.final;
    scope.sheet(output.final, fresh);
    if (position !== null) fresh.position = position;
    if (visibility !== "Visible") fresh.visibility = visibility;
    for (const names of output.tables) if (names.built !== names.final) scope.table(names.built).name = names.final;
  });
}

/** The sheet shown after the action: the one the plan asks for, else the one shown before (or what replaced it). */
function activeSheetAfter(plan: WorkbookPlan, outputs: readonly Output[], active: string): string {
  if (plan.activate !== undefined) return outputs.find((o) => o.draft.name === plan.activate)?.final ?? plan.activate;
  return outputs.find((o) => o.old !== null && sameName(o.old.name, active))?.final ?? active;
}

/**
 * New rows of a table: a block just below a table (the table overlaps the row above it, not the
 * block) makes the table grow by `table.rows.add` first, so that its formulas, formats and
 * validations reach the row; Excel grows a table by itself only by heuristics (office-js #2097,
 * #3013, #3191). The next new rows (the plan gives them in order, down each sheet) follow it.
 */
function tableRowOperations(around: readonly { block: CellBlock; above: Excel.TableScopedCollection; here: Excel.TableScopedCollection }[]): Operation[] {
  const bottoms = new Map<string, string>();
  const operations: Operation[] = [];
  for (const { block, above, here } of around) {
    if (here.items.length > 0) continue;
    for (const table of above.items) if (!bottoms.has(table.name)) bottoms.set(table.name, `${block.sheet}!${block.row - 1}`);
    for (const [name, bottom] of bottoms) {
      if (bottom !== `${block.sheet}!${block.row - 1}`) continue;
      for (const _ of block.cells) operations.push(op(METHOD, (scope) => void scope.table(name).rows.add()));
      bottoms.set(name, `${block.sheet}!${block.row + block.cells.length - 1}`);
    }
  }
  return operations;
}

/** Removes the sheets an action built before it failed (best effort: the next action removes what is left). */
async function removeTemporary(context: Excel.RequestContext, sync: () => Promise<void>, names: readonly string[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load("items/name");
    await sync();
    const present = sheets.items.filter((s) => names.includes(s.name));
    if (present.length === 0) return;
    for (const sheet of present) sheet.delete();
    await sync();
  } catch {
    // Excel is unreachable or refuses: the next action deletes them first.
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** A rectangle of a sheet, 0-based. */
interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

const rectOf = (range: Excel.Range): Rect => ({ row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount });

/** A rectangle in two: halved across its longer side (rows or columns). */
function halves(area: Rect): Rect[] {
  if (area.rows >= area.columns) return halved(area);
  const first = Math.ceil(area.columns / 2);
  return [
    { ...area, columns: first },
    { ...area, column: area.column + first, columns: area.columns - first },
  ];
}

/**
 * Where each sheet's values are: a used range of more than SPARSE_CELLS cells is cut in two and
 * each half asked for its own used range (Range.getUsedRangeOrNullObject(valuesOnly), ExcelApi
 * 1.4), until every area is small or dense: one more request per round, for such sheets only; a
 * sheet whose values stay scattered over more than MAX_TILES areas is refused.
 */
async function dataAreas(sheets: readonly Excel.Worksheet[], found: Rect[][], sync: () => Promise<void>): Promise<Rect[][]> {
  let areas = found;
  for (;;) {
    const next: Rect[][] = areas.map(() => []);
    const tiles: { sheet: number; range: Excel.Range }[] = [];
    areas.forEach((list, s) =>
      list.forEach((area) => {
        if (area.rows * area.columns <= SPARSE_CELLS) next[s].push(area);
        else for (const tile of halves(area)) tiles.push({ sheet: s, range: sheets[s].getRangeByIndexes(tile.row, tile.column, tile.rows, tile.columns).getUsedRangeOrNullObject(true).untrack().load("rowIndex,columnIndex,rowCount,columnCount") });
      }),
    );
    if (tiles.length === 0) return next;
    if (tiles.length > MAX_TILES) throw new GatewayError("too_large", sheets[tiles[0].sheet].name, "values too scattered");
    await sync();
    for (const tile of tiles) if (!tile.range.isNullObject) next[tile.sheet].push(rectOf(tile.range));
    areas = next;
  }
}

/** Values and their types of a rectangle, as a read returns them. */
interface ReadPart {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

/** A slice of rows of an area, to read in one range. */
interface Slice extends Rect {
  readonly sheet: number;
}

/**
 * Reads the areas by slices of at most MAX_CELLS_PER_READ cells and, under a response limit, of an
 * estimated response under it; as many slices per request as fit. A request Excel refuses for its
 * response (ResponsePayloadSizeLimitExceeded), or a slice that comes back without values (too many
 * cells for this Excel), is read again in halves. Returns each sheet's parts.
 */
async function readSlices(sheets: readonly Excel.Worksheet[], areas: readonly (readonly Rect[])[], limit: number, sync: () => Promise<void>): Promise<ReadPart[][]> {
  const estimate = (slice: Slice): number => slice.rows * slice.columns * RESPONSE_BYTES_PER_CELL;
  let waiting: Slice[] = [];
  areas.forEach((list, sheet) =>
    list.forEach((area) => {
      const cells = Math.min(MAX_CELLS_PER_READ, limit / RESPONSE_BYTES_PER_CELL);
      const rowsPerSlice = Math.max(1, Math.floor(cells / area.columns));
      for (let row = area.row; row < area.row + area.rows; row += rowsPerSlice) {
        waiting.push({ sheet, row, rows: Math.min(rowsPerSlice, area.row + area.rows - row), column: area.column, columns: area.columns });
      }
    }),
  );
  const parts: ReadPart[][] = sheets.map(() => []);
  // What one request may ask for: halved, with the slices, each time Excel refuses a response.
  let budget = limit;
  while (waiting.length > 0) {
    const batch: Slice[] = [];
    let bytes = 0;
    while (waiting.length > 0 && (batch.length === 0 || bytes + estimate(waiting[0]) <= budget)) {
      bytes += estimate(waiting[0]);
      batch.push(waiting.shift() as Slice);
    }
    const ranges = batch.map((s) => sheets[s.sheet].getRangeByIndexes(s.row, s.column, s.rows, s.columns).untrack().load("values,valueTypes"));
    // A response Excel refuses, or values that come back null (above Excel's cell limit, rather
    // than an error): the same slices again, halved.
    const refused = await sync().then(
      () => ranges.some((r) => r.values === null || r.valueTypes === null),
      (error: unknown) => {
        if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded") throw error;
        return true;
      },
    );
    if (refused) {
      if (batch.length === 1 && batch[0].rows === 1) throw new GatewayError("too_large", sheets[batch[0].sheet].name);
      budget /= 2;
      waiting = [...batch.flatMap(halved), ...waiting];
      continue;
    }
    batch.forEach((slice, i) => parts[slice.sheet].push({ row: slice.row, column: slice.column, values: ranges[i].values, valueTypes: ranges[i].valueTypes }));
  }
  return parts;
}

/** A slice as two of half its rows (a one-row slice stays whole). */
function halved<T extends Rect>(slice: T): T[] {
  if (slice.rows < 2) return [slice];
  const first = Math.ceil(slice.rows / 2);
  return [
    { ...slice, rows: first },
    { ...slice, row: slice.row + first, rows: slice.rows - first },
  ];
}

/** The one empty row every row without values shares (a grid of a million rows costs a million pointers, not arrays). */
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/** The parts read from a sheet as a grid from A1: errors as CellErrors, blanks as null. */
function gridOf(parts: readonly ReadPart[]): (readonly CellValue[])[] {
  const height = parts.reduce((max, p) => Math.max(max, p.row + p.values.length), 0);
  const rows: (readonly CellValue[])[] = new Array<readonly CellValue[]>(height).fill(EMPTY_ROW);
  for (const part of parts) {
    part.values.forEach((line, r) => {
      const types = part.valueTypes[r];
      const existing = rows[part.row + r];
      const cells: CellValue[] = existing === EMPTY_ROW ? [] : (existing as CellValue[]);
      while (cells.length < part.column) cells.push(null);
      line.forEach((value, c) => (cells[part.column + c] = cellValue(value, types[c])));
      rows[part.row + r] = cells;
    });
  }
  return rows;
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Excel's codes for a refusal the pane words in its own way; any other is "refused" (Excel.ErrorCodes, OfficeExtension.ErrorCodes). */
const CODES: Readonly<Record<string, GatewayError["code"]>> = {
  InvalidOperationInCellEditMode: "busy",
  RequestAborted: "busy",
  ActivityLimitReached: "busy",
  Conflict: "busy",
  RequestPayloadSizeLimitExceeded: "too_large",
  ResponsePayloadSizeLimitExceeded: "too_large",
  RangeExceedsLimit: "too_large",
  OperationCellsExceedLimit: "too_large",
  InactiveWorkbook: "inactive",
  AccessDenied: "sheet_protected",
  ItemNotFound: "sheet_missing",
};

function asGatewayError(error: unknown): Error {
  if (error instanceof GatewayError) return error;
  const code = errorCode(error);
  return new GatewayError(CODES[code] ?? "refused", undefined, `${code}: ${error instanceof Error ? error.message : String(error)}`);
}
