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
import { BYTES, Operation, RequestTooLarge, RequestWriter, errorCode, op, untracked } from "./officeRequests";
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

/** A used range of more cells than this is looked at closer, by quarters, for where its values are. */
export const SPARSE_CELLS = 1_000_000;

/** The most cells one action reads in all: a workbook beyond is refused with a message (too_large). */
export const MAX_CELLS_READ = 20_000_000;

/** The most quarters looked at in one request, and rounds of quarters, before a sheet is refused as too scattered. */
const MAX_TILES = 1_024;
const MAX_ROUNDS = 16;

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

/** Excel's error codes that mean "try again later" (Excel.ErrorCodes, OfficeExtension.ErrorCodes). */
const BUSY_CODES = new Set(["InvalidOperationInCellEditMode", "RequestAborted", "ActivityLimitReached", "Conflict"]);
const TOO_LARGE_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit", "OperationCellsExceedLimit"]);

/** What the last action sent: for the tests and the bench. */
export interface ActionStats {
  syncs: number;
  /** The largest request's estimated bytes. */
  largestRequestBytes: number;
  /** Why the cosmetic settings were refused (Excel's code), null when they were not. */
  cosmeticRefused: string | null;
}

/** A sheet as the first request of `apply` sees it. */
interface SheetState {
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
  readonly protected: boolean;
}

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
      const used = sheets.map((sheet) => untracked(sheet.getUsedRangeOrNullObject(true)).load("rowIndex,columnIndex,rowCount,columnCount"));
      await sync();
      const found = used.map((range) => (range.isNullObject ? [] : [rectOf(range)]));
      const areas = await dataAreas(sheets, found, sync);
      const total = areas.flat().reduce((sum, a) => sum + a.rows * a.columns, 0);
      if (total > MAX_CELLS_READ) throw new GatewayError("too_large", sheets[areas.findIndex((list) => list.length > 0)]?.name, `${total} cells`);
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
          above: untracked(sheet.getRangeByIndexes(block.row - 1, block.column, 1, width)).getTables(false).load("items/name"),
          here: untracked(sheet.getRangeByIndexes(block.row, block.column, block.cells.length, width)).getTables(false).load("items/name"),
        };
      });
      try {
        await sync();
      } catch (error) {
        if (errorCode(error) === "ItemNotFound" && newRows.length > 0) await this.missingSheet(context, sync, newRows);
        throw error;
      }
      const sheets: SheetState[] = loadedSheets.items.map((s) => ({ name: s.name, position: s.position, visibility: s.visibility, protected: s.protection.protected }));
      const byName = (name: string): SheetState | undefined => sheets.find((s) => !TEMPORARY.test(s.name) && sameName(s.name, name));
      // Everything the workbook can refuse is checked before anything is written.
      for (const draft of plan.replaceSheets ?? []) if (byName(draft.name)?.protected === true) throw new GatewayError("sheet_protected", draft.name);
      for (const block of blocks) {
        const sheet = byName(block.sheet);
        if (sheet === undefined) throw new GatewayError("sheet_missing", block.sheet);
        if (sheet.protected) throw new GatewayError("sheet_protected", block.sheet);
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
          op(2 * BYTES.method, (scope) => {
            const sheet = scope.sheet(leftover.name);
            if (leftover.visibility === "VeryHidden") sheet.visibility = "Hidden";
            sheet.delete();
          }),
        );
      }
      const parts = outputs.map((output) => sheetOperations(output.temp, output.draft, output.tables));
      outputs.forEach((output, i) => {
        build.push(
          op(2 * BYTES.method, (scope) => {
            scope.addSheet(output.temp).visibility = "Hidden";
          }),
        );
        build.push(...parts[i].content);
      });
      // Every table of the plan exists before a formula names one (the conventions' formulas name the comités' table).
      for (const part of parts) build.push(...part.afterTables);
      const positionOf = (old: SheetState): number => old.position - leftovers.filter((l) => l.position < old.position).length;
      const cells = [...tableRowOperations(around.map((a) => ({ block: a.block, above: a.above.items.map((t) => t.name), here: a.here.items.map((t) => t.name) }))), ...blocks.flatMap(blockOperations)];
      const swap = [...outputs.map((output) => swapOperation(output, output.old === null ? null : positionOf(output.old))), ...activation(plan, outputs, finalActive, activeName)];
      const writer = new RequestWriter(context, (bytes) => {
        stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
        return sync();
      });
      try {
        await writer.add(build);
        await writer.addGroup({ operations: [...cells, ...swap] });
        await writer.flush();
      } catch (error) {
        await removeTemporary(context, sync, outputs.map((o) => o.temp));
        throw error;
      }

      // 4. Widths, heights, print setup, frozen rows: never a reason to fail.
      const cosmetic = [
        ...outputs.filter((o) => o.draft.visibility !== "veryHidden").flatMap((o) => cosmeticOperations(o.final, o.draft)),
        ...blocks.flatMap(blockWidthOperations),
        ...freezeOperations(
          outputs.filter((o) => (o.draft.frozenRows ?? 0) > 0 && o.draft.visibility !== "veryHidden" && o.draft.visibility !== "hidden").map((o) => ({ sheet: o.final, rows: o.draft.frozenRows ?? 0 })),
          finalActive,
        ),
      ];
      try {
        const cosmeticWriter = new RequestWriter(context, (bytes) => {
          stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
          return sync();
        });
        await cosmeticWriter.add(cosmetic);
        await cosmeticWriter.flush();
      } catch (error) {
        stats.cosmeticRefused = errorCode(error) || (error instanceof Error ? error.message : String(error));
      }
      return { addedSheets };
    });
  }

  /** The sheet of a block that is gone (a getItem of it failed the request): named in the error. */
  private async missingSheet(context: Excel.RequestContext, sync: () => Promise<void>, blocks: readonly CellBlock[]): Promise<void> {
    const sheets = context.workbook.worksheets.load("items/name");
    await sync();
    const gone = blocks.find((block) => !sheets.items.some((s) => sameName(s.name, block.sheet)));
    if (gone !== undefined) throw new GatewayError("sheet_missing", gone.sheet);
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
  return op(6 * BYTES.method, (scope) => {
    const fresh = scope.sheet(output.temp);
    if (visibility === "Visible") fresh.visibility = "Visible";
    if (output.old !== null) {
      const previous = scope.sheet(output.old.name);
      if (output.old.visibility === "VeryHidden") previous.visibility = "Hidden";
      previous.delete();
    }
    fresh.name = output.final;
    scope.alias(output.temp, output.final);
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

/** The sheet to show at the end of the commit: asked by the plan, or the replacement of the sheet that was shown. */
function activation(plan: WorkbookPlan, outputs: readonly Output[], finalActive: string, active: string): Operation[] {
  const replaced = outputs.some((o) => o.old !== null && sameName(o.old.name, active));
  if (plan.activate === undefined && !replaced) return [];
  return [op(BYTES.method, (scope) => scope.sheet(finalActive).activate())];
}

/**
 * New rows of a table: a block just below a table (the table overlaps the row above it, not the
 * block) makes the table grow by `table.rows.add` first, so that its formulas, formats and
 * validations reach the row; Excel grows a table by itself only by heuristics (office-js #2097,
 * #3013, #3191). Consecutive new rows follow the table down.
 */
function tableRowOperations(around: readonly { block: CellBlock; above: readonly string[]; here: readonly string[] }[]): Operation[] {
  const bottoms = new Map<string, { sheet: string; bottom: number }>();
  const operations: Operation[] = [];
  for (const { block, above, here } of [...around].sort((a, b) => a.block.sheet.localeCompare(b.block.sheet) || a.block.row - b.block.row)) {
    if (here.length > 0) continue;
    for (const name of above) if (!bottoms.has(name)) bottoms.set(name, { sheet: block.sheet, bottom: block.row - 1 });
    const grown = [...bottoms].filter(([, t]) => t.sheet === block.sheet && t.bottom === block.row - 1).map(([name]) => name);
    for (const name of grown) {
      for (let r = 0; r < block.cells.length; r++) operations.push(op(BYTES.method, (scope) => void scope.table(name).rows.add()));
      bottoms.set(name, { sheet: block.sheet, bottom: block.row + block.cells.length - 1 });
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

/** A rectangle in up to four: halved across its rows and its columns. */
function quarters(area: Rect): Rect[] {
  const rowHalves = area.rows > 1 ? [Math.ceil(area.rows / 2), Math.floor(area.rows / 2)] : [area.rows];
  const columnHalves = area.columns > 1 ? [Math.ceil(area.columns / 2), Math.floor(area.columns / 2)] : [area.columns];
  const tiles: Rect[] = [];
  let row = area.row;
  for (const rows of rowHalves) {
    let column = area.column;
    for (const columns of columnHalves) {
      tiles.push({ row, column, rows, columns });
      column += columns;
    }
    row += rows;
  }
  return tiles;
}

/**
 * Where each sheet's values are: a used range of more than SPARSE_CELLS cells is asked, by
 * quarters, for the used range of each quarter (Range.getUsedRangeOrNullObject(valuesOnly),
 * ExcelApi 1.4), until every area is small or dense: one more request per round, for such sheets only.
 */
async function dataAreas(sheets: readonly Excel.Worksheet[], found: Rect[][], sync: () => Promise<void>): Promise<Rect[][]> {
  let areas = found;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next: Rect[][] = areas.map(() => []);
    const tiles: { sheet: number; range: Excel.Range }[] = [];
    areas.forEach((list, s) =>
      list.forEach((area) => {
        if (area.rows * area.columns <= SPARSE_CELLS) next[s].push(area);
        else for (const tile of quarters(area)) tiles.push({ sheet: s, range: untracked(sheets[s].getRangeByIndexes(tile.row, tile.column, tile.rows, tile.columns).getUsedRangeOrNullObject(true)).load("rowIndex,columnIndex,rowCount,columnCount") });
      }),
    );
    if (tiles.length === 0) return next;
    if (tiles.length > MAX_TILES) throw new GatewayError("too_large", sheets[tiles[0].sheet].name, "values too scattered");
    await sync();
    for (const tile of tiles) {
      if (tile.range.isNullObject) continue;
      const area = rectOf(tile.range);
      // A quarter that is full stays as it is at the next round's size check: halved again only while too large.
      next[tile.sheet].push(area);
    }
    areas = next;
  }
  const large = areas.findIndex((list) => list.some((a) => a.rows * a.columns > SPARSE_CELLS));
  if (large >= 0) throw new GatewayError("too_large", sheets[large].name, "values too scattered");
  return areas;
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
    const ranges = batch.map((s) => untracked(sheets[s.sheet].getRangeByIndexes(s.row, s.column, s.rows, s.columns)).load("values,valueTypes"));
    try {
      await sync();
    } catch (error) {
      if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded" || (batch.length === 1 && batch[0].rows === 1)) throw error;
      budget /= 2;
      waiting = [...batch.flatMap(halved), ...waiting];
      continue;
    }
    const again: Slice[] = [];
    batch.forEach((slice, i) => {
      const { values, valueTypes } = ranges[i];
      // Above Excel's cells limit, the values may come back null rather than as an error.
      if (values === null || valueTypes === null || values === undefined || valueTypes === undefined) {
        if (slice.rows === 1) throw new GatewayError("too_large", sheets[slice.sheet].name, `${slice.columns} cells in one row`);
        again.push(...halved(slice));
        return;
      }
      parts[slice.sheet].push({ row: slice.row, column: slice.column, values, valueTypes });
    });
    waiting = [...again, ...waiting];
  }
  return parts;
}

/** A slice as two of half its rows (a one-row slice stays whole). */
function halved(slice: Slice): Slice[] {
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
  for (const part of [...parts].sort((a, b) => a.row - b.row || a.column - b.column)) {
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

function asGatewayError(error: unknown): Error {
  if (error instanceof GatewayError) return error;
  if (error instanceof RequestTooLarge) return new GatewayError("too_large", undefined, error.message);
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (BUSY_CODES.has(code)) return new GatewayError("busy", undefined, message);
  if (TOO_LARGE_CODES.has(code)) return new GatewayError("too_large", undefined, `${code}: ${message}`);
  if (code === "InactiveWorkbook") return new GatewayError("inactive", undefined, message);
  if (code === "AccessDenied") return new GatewayError("sheet_protected", undefined, message);
  if (code === "ItemNotFound") return new GatewayError("sheet_missing", undefined, message);
  return new GatewayError("refused", undefined, message);
}
