/**
 * A fake of the part of Excel's JavaScript API (Office.js) that the add-in's gateway uses, over an
 * in-memory workbook: the browser tests serve it in place of office.js (see host.ts) and the jest
 * tests drive src/excel/officeWorkbook.ts with it (directly, or behind Microsoft's real client:
 * tests/officeClient). It behaves as Excel does where the gateway depends on it, and refuses what
 * Excel refuses: README.md in this folder lists each behaviour with its source. In short:
 * - a request runs at `sync`, its operations in order; the first that fails stops it, with Excel's
 *   error code, and what came before it stays done (what follows is never run);
 * - a property read before the `sync` that follows its `load` throws (PropertyNotLoaded);
 * - a whole request can be refused before anything in it runs: above `requestLimitBytes`
 *   (RequestPayloadSizeLimitExceeded), or by `refuseRequest` (fault injection); a response above
 *   `responseLimitBytes` is refused after the request ran (ResponsePayloadSizeLimitExceeded);
 * - a range read of more than `cellLimit` cells (five million) gives null values;
 * - a string written into a cell formatted as text ("@") stays text, even "=1+1"; elsewhere Excel
 *   reads it as typed: "=…" a formula, "12" a number, "VRAI"/"TRUE" a boolean, "'x" the text x;
 * - formulas: a structured reference to a missing table or column is refused; a custom function
 *   (CONV.…) under a name the loaded metadata does not have evaluates to #NAME?; HYPERLINK shows
 *   its text; other formulas are not computed (they read back as blank);
 * - tables grow only through `rows.add` (never by a write below them); a formula written on a
 *   whole table column makes it a calculated column, which `rows.add` fills;
 * - a very hidden sheet cannot be deleted, nor the last visible one; sheet names are validated;
 * - `freezeRows` on a sheet that is not the active one makes it the active one (office-js #3148);
 * - it counts the requests and an estimate of the bytes each carries, and the bytes of each
 *   response (what the loads bring back, as JSON). The real bytes are measured by tests/officeClient.
 * What the diagnostic (src/excel/diagnostic.ts) probes besides is played by the last part of this
 * file: the add-in's functions computed under the names Excel loaded (#NAME? under any other),
 * #BUSY! while they compute (office-js #891, #4152); defined names.
 */
import { CellValue, columnIndex, columnLetter } from "../../../src/core/cells/sheetGrid";
import { FunctionLanguage, functionLanguageOf, functionNames } from "../../../src/plans/functionNames";

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  hyperlink?: string;
  font?: string;
  align?: string;
}

export interface FakeTableState {
  name: string;
  /** "Sheet!A1:D10", header row included. */
  address: string;
  style: string;
}

export interface FakeSheetState {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>;
  tables: FakeTableState[];
  charts: { type: string; source: string; title: string; from: string; to: string }[];
  conditionalFormats: { address: string; text: string; fill?: string; color?: string }[];
  validations: { address: string; rule: unknown; message: string }[];
  merges: string[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageBreaks: string[];
  frozenRows: number;
  pageLayout: Record<string, unknown>;
}

class PropertyNotLoaded extends Error {
  readonly code = "PropertyNotLoaded";
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (row: number, column: number): string => `${row},${column}`;

/** Excel's grid: 1 048 576 rows, 16 384 columns. */
const ROWS = 1_048_576;

/** A rectangle, 0-based. */
interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** "B2:D10", "C5", "5:7" (whole rows), "A:C" (whole columns) → a rectangle; null when not an address. */
export function parseArea(address: string): Rect | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows !== null) return { row: Number(rows[1]) - 1, column: 0, rows: Number(rows[2]) - Number(rows[1]) + 1, columns: 16_384 };
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(local);
  if (columns !== null) {
    const first = columnIndex(columns[1]) ?? 0;
    return { row: 0, column: first, rows: ROWS, columns: (columnIndex(columns[2]) ?? first) - first + 1 };
  }
  const cells = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(local);
  if (cells === null) return null;
  const top = Number(cells[2]) - 1;
  const left = columnIndex(cells[1]) ?? 0;
  const bottom = cells[4] === undefined ? top : Number(cells[4]) - 1;
  const right = cells[3] === undefined ? left : (columnIndex(cells[3]) ?? left);
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

function areaAddress(r: Rect): string {
  const first = `${columnLetter(r.column)}${r.row + 1}`;
  const last = `${columnLetter(r.column + r.columns - 1)}${r.row + r.rows}`;
  return first === last ? first : `${first}:${last}`;
}

const overlaps = (a: Rect, b: Rect): boolean => a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

/** The table's rectangle on its sheet (header row included). */
const tableRect = (table: FakeTableState): Rect => parseArea(table.address) as Rect;

/** A table's calculated columns: offset in the table → formula (kept beside the state, which tests compare). */
const calculatedColumns = new WeakMap<FakeTableState, Map<number, string>>();

/**
 * Excel's rules for a sheet name (support article "Rename a worksheet"): 1 to 31 characters, none
 * of : \ / ? * [ ], not starting or ending with an apostrophe, not "History".
 */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return `a sheet name has 1 to 31 characters (${name.length})`;
  if (/[:\\/?*[\]]/.test(name)) return `a sheet name has none of : \\ / ? * [ ] (${name})`;
  if (name.startsWith("'") || name.endsWith("'")) return `a sheet name neither starts nor ends with an apostrophe (${name})`;
  if (name.toLowerCase() === "history") return "History is reserved";
  return null;
}

/** Excel's rules for a table name: a letter, "_" or "\" first, then letters, digits, "_" and "."; 255 characters at most; not a cell address. */
function tableNameProblem(name: string): string | null {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name)) return `invalid table name ${name}`;
  if (/^[A-Z]{1,3}\d+$/i.test(name) || /^R\d*C\d*$/i.test(name)) return `a table name is not a cell reference (${name})`;
  return null;
}

/** The workbook and what the gateway did to it. */
export class FakeExcelHost {
  readonly sheets: FakeSheetState[] = [];
  activeSheet: string | null = null;
  selected: string | null = null;
  /** Each sheet's active cell (0-based), as Excel remembers it per sheet; A1 until something is selected. */
  readonly activeCells = new Map<string, { row: number; column: number }>();
  /** Bytes carried by each request (sync), in order (the fake's estimate). */
  readonly requests: number[] = [];
  /** Bytes of each response, in the same order (0 for a refused one). */
  readonly responses: number[] = [];
  /** Bytes of each response refused for its size. */
  readonly refusedResponses: number[] = [];
  /** Responses above this many bytes are refused (Excel on the web: 5 MB); Infinity by default, as on Windows. */
  responseLimitBytes = Infinity;
  /** Requests whose estimated bytes pass this are refused whole (Excel on the web: 5 MB); Infinity by default. */
  requestLimitBytes = Infinity;
  /** A range read of more cells than this gives null values (Excel: five million on every platform). */
  cellLimit = 5_000_000;
  /** Fault injection: the code of a refusal for the request of this index (0-based, in `requests`), or null to run it. */
  refuseRequest: ((index: number) => string | null) | null = null;
  /** Excel's display language (Office.context.displayLanguage): which custom functions' names it knows. */
  displayLanguage = "fr-FR";
  /** The add-in's functions as Excel loaded them (see the diagnostic's part below); null: CONV formulas are not computed. */
  customFunctions: FakeCustomFunctions | null = null;
  /** The workbook's defined names (see the diagnostic's part below). */
  readonly names: { name: string; formula: string }[] = [];
  /** Cells asked for by each range read (values loaded), in order: what the add-in made Excel read. */
  readonly cellsRead: number[] = [];
  /** Excel.run calls. */
  runs = 0;

  constructor(workbook: Readonly<Record<string, readonly (readonly CellValue[])[]>> = {}) {
    for (const [name, rows] of Object.entries(workbook)) {
      const sheet = this.newSheet(name);
      rows.forEach((row, r) => row.forEach((value, c) => value !== null && sheet.cells.set(key(r, c), { value })));
    }
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  /** A new sheet, at the end of the workbook unless `detached` (added later, or never). */
  newSheet(name: string, detached = false): FakeSheetState {
    const sheet: FakeSheetState = {
      name,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      tables: [],
      charts: [],
      conditionalFormats: [],
      validations: [],
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageBreaks: [],
      frozenRows: 0,
      pageLayout: {},
    };
    if (!detached) this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The language of the custom functions' metadata this Excel loaded (the manifest's overrides). */
  get functionLanguage(): FunctionLanguage {
    return functionLanguageOf(this.displayLanguage);
  }

  /** A sheet's values from A1 up to its last filled cell, as a grid (for assertions). */
  values(name: string): CellValue[][] {
    const sheet = this.sheet(name);
    if (sheet === undefined) throw new Error(`No sheet ${name}`);
    let rows = 0;
    let columns = 0;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => sheet.cells.get(key(r, c))?.value ?? null));
  }

  /** What a user's typing in a cell does (while the pane is open). */
  typeCell(sheet: string, row: number, column: number, value: CellValue): void {
    const state = this.sheet(sheet);
    if (state === undefined) throw new Error(`No sheet ${sheet}`);
    state.cells.set(key(row, column), { value });
  }

  /** What a user's click on a cell does: its sheet shown, the cell active. */
  selectCell(sheet: string, row: number, column: number): void {
    const state = this.sheet(sheet);
    if (state === undefined) throw new Error(`No sheet ${sheet}`);
    this.activeSheet = state.name;
    this.activeCells.set(state.name, { row, column });
    this.selected = `${state.name}!${columnLetter(column)}${row + 1}`;
  }

  /** A table the user made (Insertion › Tableau) over an area of a sheet, its header row first. */
  addTable(sheet: string, name: string, area: string): void {
    const state = this.sheet(sheet);
    if (state === undefined) throw new Error(`No sheet ${sheet}`);
    state.tables.push({ name, address: `${state.name}!${area}`, style: "TableStyleMedium2" });
  }

  /** Excel.run: a fresh context per batch, synced once more at the end. */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    this.runs += 1;
    const context = new FakeContext(this);
    const result = await batch(context);
    await context.sync();
    return result;
  };
}

/** One queued operation of a request: what runs at the sync, in order. */
type Operation = () => void;

/**
 * The request context: operations queue up and run at `sync`, in order; loads take their values
 * when their turn comes; the first operation that throws stops the request.
 */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  private operations: Operation[] = [];
  private pendingLoads: Loadable[] = [];
  private pendingBytes = 0;
  private queued = false;
  /** Sheets added by operations of the request being built, by name: found by getItem before they run. */
  readonly adding = new Map<string, FakeSheetState>();

  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues an operation of `bytes` bytes in the request being built. */
  queue(bytes: number, operation?: Operation): void {
    this.queued = true;
    this.pendingBytes += bytes;
    if (operation !== undefined) this.operations.push(operation);
  }

  /** An error the request will stop at, in its place among the operations. */
  fail(error: Error): void {
    this.queue(0, () => {
      throw error;
    });
  }

  trackLoad(target: Loadable): void {
    this.queued = true;
    this.pendingLoads.push(target);
    this.operations.push(() => target.capture());
  }

  async sync(): Promise<void> {
    if (!this.queued) return;
    const host = this.host;
    host.customFunctions?.tick();
    const index = host.requests.length;
    host.requests.push(this.pendingBytes);
    const operations = this.operations;
    const loads = this.pendingLoads;
    const bytes = this.pendingBytes;
    this.operations = [];
    this.pendingLoads = [];
    this.pendingBytes = 0;
    this.queued = false;
    this.adding.clear();
    await Promise.resolve();
    // A whole request refused: nothing in it runs.
    const refusal = bytes > host.requestLimitBytes ? "RequestPayloadSizeLimitExceeded" : (host.refuseRequest?.(index) ?? null);
    if (refusal !== null) {
      host.responses.push(0);
      throw new OfficeError(refusal, refusal === "RequestPayloadSizeLimitExceeded" ? "The request payload size has exceeded the limit." : `The request was refused (${refusal}).`);
    }
    let error: unknown = null;
    for (const operation of operations) {
      try {
        operation();
      } catch (failure) {
        error = failure;
        break;
      }
    }
    const captured = loads.filter((target) => target.captured);
    const responseBytes = captured.reduce((sum, target) => sum + target.responseBytes(), 0);
    const tooLarge = responseBytes > host.responseLimitBytes;
    host.responses.push(tooLarge ? 0 : responseBytes);
    if (tooLarge) {
      host.refusedResponses.push(responseBytes);
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    if (error !== null) throw error;
    for (const target of captured) target.markLoaded();
  }
}

abstract class Loadable {
  private loadedNow = false;
  private loadRequested = false;
  /** Whether the load's turn came in the request (values taken then). */
  captured = false;
  /** The properties asked for by `load`, as Office.js names them ("values", "items/name"…). */
  protected requested: string[] = [];

  constructor(protected readonly context: FakeContext) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    this.loadRequested = true;
    if (typeof props === "string") this.requested.push(...props.split(",").map((p) => p.trim()));
    else if (Array.isArray(props)) this.requested.push(...props);
    this.captured = false;
    this.context.trackLoad(this);
    return this;
  }

  /** Takes what the load brings back, when its turn comes in the request. */
  capture(): void {
    this.captured = true;
  }

  /** Bytes this load brings back: a few scalar properties unless a subclass knows better. */
  responseBytes(): number {
    return 20 * Math.max(1, this.requested.length);
  }

  markLoaded(): void {
    if (this.loadRequested) this.loadedNow = true;
  }

  /** Loaded already, without a request (a sheet that came with its loaded collection). */
  protected preloaded(): void {
    this.loadRequested = true;
    this.loadedNow = true;
  }

  protected loaded(prop: string): void {
    if (!this.loadedNow) throw new PropertyNotLoaded(`PropertyNotLoaded: ${prop} read before load() and sync()`);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
    this.names = new FakeNames(context);
    this.tables = new FakeTables(context, () => context.host.sheets.flatMap((s) => s.tables.map((t) => ({ table: t, sheet: s }))));
  }

  /** The active sheet's active cell. */
  getActiveCell(): FakeRange {
    const host = this.context.host;
    const state = host.sheets.find((s) => s.name === host.activeSheet) ?? host.sheets[0];
    const cell = host.activeCells.get(state.name) ?? { row: 0, column: 0 };
    return new FakeWorksheet(this.context, state, false).getRangeByIndexes(cell.row, cell.column, 1, 1);
  }
}

/** Tables (the workbook's, or those a range overlaps), by name. */
class FakeTables extends Loadable {
  constructor(
    context: FakeContext,
    private readonly list: () => { table: FakeTableState; sheet: FakeSheetState }[],
  ) {
    super(context);
  }

  get items(): FakeTable[] {
    this.loaded("items");
    return this.list().map(({ table, sheet }) => new FakeTable(this.context, table, sheet));
  }

  getItem(name: string): FakeTable {
    const found = this.list().find(({ table }) => table.name.toLowerCase() === name.toLowerCase());
    if (found === undefined) {
      this.context.fail(new OfficeError("ItemNotFound", `No table ${name}`));
      return new FakeTable(this.context, { name, address: "?!A1", style: "" }, this.context.host.newSheet("?", true));
    }
    return new FakeTable(this.context, found.table, found.sheet);
  }

  getCount(): { value: number } {
    return { value: this.list().length };
  }
}

class FakeTable extends Loadable {
  readonly rows: { add: (index?: number | null, values?: unknown) => void };
  readonly columns: { getItem: (name: string) => { getDataBodyRange: () => FakeRange } };

  constructor(
    context: FakeContext,
    private readonly table: FakeTableState,
    private readonly sheet: FakeSheetState,
  ) {
    super(context);
    this.preloaded();
    this.rows = { add: (index, values) => this.addRow(index, values) };
    this.columns = {
      getItem: (name: string) => ({
        // The column is looked up when the request runs (its header may be written earlier in the same request).
        getDataBodyRange: (): FakeRange =>
          FakeRange.lazy(context, this.sheetObject(), this.sheet, () => {
            const area = tableRect(this.table);
            const offset = this.headers().findIndex((h) => h.toLowerCase() === name.toLowerCase());
            if (offset < 0) throw new OfficeError("ItemNotFound", `No column ${name} in ${this.table.name}`);
            return { row: area.row + 1, column: area.column + offset, rows: Math.max(1, area.rows - 1), columns: 1 };
          }),
      }),
    };
  }

  get name(): string {
    return this.table.name;
  }

  set name(value: string) {
    this.context.queue(30, () => {
      const problem = tableNameProblem(value);
      if (problem !== null) throw new OfficeError("InvalidArgument", problem);
      const host = this.context.host;
      if (host.sheets.some((s) => s.tables.some((t) => t !== this.table && t.name.toLowerCase() === value.toLowerCase()))) {
        throw new OfficeError("InvalidArgument", `Table name ${value} is taken`);
      }
      this.table.name = value;
    });
  }

  get style(): string {
    return this.table.style;
  }

  set style(value: string) {
    this.context.queue(30, () => {
      this.table.style = value;
    });
  }

  /** The table's sheet, loaded with it (its name). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.sheet, true);
  }

  // The table's ranges are found when their request runs, as Excel evaluates an object path in
  // its turn: after a rows.add queued before them in the same request, they include the new row.
  getRange(): FakeRange {
    return FakeRange.lazy(this.context, this.sheetObject(), this.sheet, () => tableRect(this.table));
  }

  getDataBodyRange(): FakeRange {
    return FakeRange.lazy(this.context, this.sheetObject(), this.sheet, () => {
      const area = tableRect(this.table);
      return { row: area.row + 1, column: area.column, rows: area.rows - 1, columns: area.columns };
    });
  }

  private sheetObject(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.sheet, false);
  }

  private headers(): string[] {
    const area = tableRect(this.table);
    return Array.from({ length: area.columns }, (_, c) => String(this.sheet.cells.get(key(area.row, area.column + c))?.value ?? ""));
  }

  /**
   * A row at the end of the table (the only way a table grows here): the cells below it, in its
   * columns, move down one row; its calculated columns get their formula, its formats those of
   * the row above.
   */
  private addRow(index: number | null | undefined, values: unknown): void {
    this.context.queue(100, () => {
      if (this.sheet.protected) throw new OfficeError("AccessDenied", `${this.sheet.name} is protected`);
      if (index !== undefined && index !== null) throw new OfficeError("NotImplemented", "the fake adds rows at the end of a table only");
      const area = tableRect(this.table);
      const bottom = area.row + area.rows;
      // Insert: the cells below the table, in its columns, move down.
      const moved: [string, FakeCell][] = [];
      for (const [k, cell] of this.sheet.cells) {
        const [r, c] = k.split(",").map(Number);
        if (r >= bottom && c >= area.column && c < area.column + area.columns) moved.push([k, cell]);
      }
      for (const [k] of moved) this.sheet.cells.delete(k);
      for (const [k, cell] of moved) {
        const [r, c] = k.split(",").map(Number);
        this.sheet.cells.set(key(r + 1, c), cell);
      }
      this.table.address = `${this.sheet.name}!${areaAddress({ ...area, rows: area.rows + 1 })}`;
      const formulas = calculatedColumns.get(this.table) ?? new Map<number, string>();
      const given = Array.isArray(values) && Array.isArray(values[0]) ? (values[0] as unknown[]) : [];
      for (let c = 0; c < area.columns; c++) {
        const above = this.sheet.cells.get(key(bottom - 1, area.column + c));
        const cell: FakeCell = { value: null, ...(above?.numberFormat === undefined ? {} : { numberFormat: above.numberFormat }) };
        const formula = formulas.get(c);
        if (formula !== undefined) {
          cell.formula = formula;
          cell.value = evaluate(formula, this.context.host);
          this.context.host.customFunctions?.written(cell, formula);
        } else if (given[c] !== undefined && given[c] !== "") {
          cell.value = given[c] as CellValue;
        }
        this.sheet.cells.set(key(bottom, area.column + c), cell);
      }
    });
  }
}

class FakeWorksheets extends Loadable {
  get items(): FakeWorksheet[] {
    this.loaded("items");
    return this.context.host.sheets.map((s) => new FakeWorksheet(this.context, s, true));
  }

  add(name: string): FakeWorksheet {
    const host = this.context.host;
    const state = host.newSheet(name, true);
    this.context.adding.set(name.toLowerCase(), state);
    this.context.queue(50, () => {
      const problem = sheetNameProblem(name);
      if (problem !== null) throw new OfficeError("InvalidArgument", problem);
      if (host.sheet(name) !== undefined) throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} exists`);
      host.sheets.push(state);
    });
    return new FakeWorksheet(this.context, state, false);
  }

  getItem(name: string): FakeWorksheet {
    const sheet = this.context.host.sheet(name) ?? this.context.adding.get(name.toLowerCase());
    if (sheet === undefined) {
      this.context.fail(new OfficeError("ItemNotFound", `No sheet ${name}`));
      return new FakeWorksheet(this.context, this.context.host.newSheet(name, true), false);
    }
    return new FakeWorksheet(this.context, sheet, false);
  }

  /** Looked up when its loads run, in their turn in the request (a sheet deleted earlier in the same request is a null object). */
  getItemOrNullObject(name: string): FakeWorksheet {
    const host = this.context.host;
    return new FakeWorksheet(this.context, host.sheet(name) ?? null, false, () => host.sheet(name) ?? null).load();
  }

  /** The sheet shown (ExcelApi 1.1). */
  getActiveWorksheet(): FakeWorksheet {
    const host = this.context.host;
    return new FakeWorksheet(this.context, host.sheets.find((s) => s.name === host.activeSheet) ?? host.sheets[0] ?? null, false);
  }
}

class FakeWorksheet extends Loadable {
  readonly tables: { add: (range: FakeRange | string, hasHeaders: boolean) => FakeTable; load: (props?: string) => FakeTables; items: FakeTable[] };
  readonly charts: { add: (type: string, range: FakeRange, seriesBy: string) => FakeChart };
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly horizontalPageBreaks: { add: (address: string) => void };
  readonly pageLayout: FakePageLayout;
  readonly protection: { readonly protected: boolean };

  constructor(
    context: FakeContext,
    private state: FakeSheetState | null,
    loaded: boolean,
    /** For a sheet asked for by name: found again each time its load runs. */
    private readonly lookUp: (() => FakeSheetState | null) | null = null,
  ) {
    super(context);
    const sheet = (): FakeSheetState => this.mustExist();
    const readProtected = (): boolean => {
      this.loaded("protection/protected");
      return sheet().protected;
    };
    this.protection = {
      get protected(): boolean {
        return readProtected();
      },
    };
    const ownTables = new FakeTables(context, () => (this.state === null ? [] : this.state.tables.map((t) => ({ table: t, sheet: sheet() }))));
    this.tables = {
      add: (range, _hasHeaders) => {
        const area = typeof range === "string" ? parseArea(range) : { row: range.row, column: range.column, rows: range.rows, columns: range.columns };
        const table: FakeTableState = { name: "", address: `${sheet().name}!${area === null ? "A1" : areaAddress(area)}`, style: "" };
        this.write(100, () => {
          const host = context.host;
          if (area === null) throw new OfficeError("InvalidArgument", `Not an address: ${String(range)}`);
          if (sheet().tables.some((t) => overlaps(tableRect(t), area))) throw new OfficeError("InvalidOperation", "A table cannot overlap another table");
          let n = host.sheets.reduce((count, s) => count + s.tables.length, 0) + 1;
          while (host.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === `table${n}`))) n++;
          table.name = `Table${n}`;
          table.address = `${sheet().name}!${areaAddress(area)}`;
          sheet().tables.push(table);
        });
        return new FakeTable(context, table, sheet());
      },
      load: (props) => ownTables.load(props),
      get items(): FakeTable[] {
        return ownTables.items;
      },
    };
    this.charts = {
      add: (type, range, _seriesBy) => {
        const chart = { type, source: range.address, title: "", from: "", to: "" };
        this.write(100, () => {
          sheet().charts.push(chart);
        });
        return new FakeChart(chart, (operation) => this.write(30, operation));
      },
    };
    this.freezePanes = {
      freezeRows: (count) => {
        this.write(20, () => {
          sheet().frozenRows = count;
          // office-js #3148: freezing panes on a sheet that is not active makes Excel treat it as the active one.
          context.host.activeSheet = sheet().name;
        });
      },
    };
    this.horizontalPageBreaks = {
      add: (address) => {
        this.write(30, () => {
          sheet().pageBreaks.push(address);
        });
      },
    };
    this.pageLayout = new FakePageLayout(() => sheet().pageLayout, (bytes, operation) => this.write(bytes, operation));
    // A sheet read from a collection is loaded with it (its name, position, visibility, protection).
    if (loaded) this.preloaded();
  }

  override capture(): void {
    if (this.lookUp !== null) this.state = this.lookUp();
    super.capture();
  }

  get isNullObject(): boolean {
    this.loaded("isNullObject");
    return this.state === null;
  }

  get name(): string {
    this.loaded("name");
    return this.mustExist().name;
  }

  set name(value: string) {
    const state = this.mustExist();
    this.context.queue(30, () => {
      const problem = sheetNameProblem(value);
      if (problem !== null) throw new OfficeError("InvalidArgument", problem);
      const other = this.context.host.sheet(value);
      if (other !== undefined && other !== state) throw new OfficeError("ItemAlreadyExists", `A sheet named ${value} exists`);
      const host = this.context.host;
      if (host.activeSheet === state.name) host.activeSheet = value;
      // What the sheet's state records by address follows its new name.
      const renamed = (address: string): string => (address.startsWith(`${state.name}!`) ? `${value}!${address.slice(state.name.length + 1)}` : address);
      for (const table of state.tables) table.address = renamed(table.address);
      for (const entry of [...state.conditionalFormats, ...state.validations]) entry.address = renamed(entry.address);
      state.merges = state.merges.map(renamed);
      for (const chart of state.charts) chart.source = renamed(chart.source);
      state.name = value;
    });
  }

  get position(): number {
    this.loaded("position");
    return this.context.host.sheets.indexOf(this.mustExist());
  }

  set position(value: number) {
    const state = this.mustExist();
    this.context.queue(20, () => {
      const sheets = this.context.host.sheets;
      if (!sheets.includes(state)) throw new OfficeError("ItemNotFound", `No sheet ${state.name}`);
      sheets.splice(sheets.indexOf(state), 1);
      sheets.splice(Math.min(value, sheets.length), 0, state);
    });
  }

  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    this.loaded("visibility");
    return this.mustExist().visibility;
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    const state = this.mustExist();
    this.context.queue(20, () => {
      const host = this.context.host;
      if (value !== "Visible" && !host.sheets.some((s) => s !== state && s.visibility === "Visible") && host.sheets.includes(state)) {
        throw new OfficeError("InvalidOperation", "The last visible sheet cannot be hidden");
      }
      state.visibility = value;
      if (value !== "Visible" && host.activeSheet === state.name) host.activeSheet = host.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
    });
  }

  delete(): void {
    const state = this.mustExist();
    this.context.queue(20, () => {
      const host = this.context.host;
      if (!host.sheets.includes(state)) throw new OfficeError("ItemNotFound", `No sheet ${state.name}`);
      // Worksheet.delete(): a VeryHidden sheet's delete "will fail with an InvalidOperation exception" (office-js #365, by design).
      if (state.visibility === "VeryHidden") throw new OfficeError("InvalidOperation", `${state.name} is very hidden and cannot be deleted`);
      if (!host.sheets.some((s) => s !== state && s.visibility === "Visible")) throw new OfficeError("InvalidOperation", "The last visible sheet cannot be deleted");
      if (state.protected) throw new OfficeError("AccessDenied", `${state.name} is protected`);
      host.sheets.splice(host.sheets.indexOf(state), 1);
      if (host.activeSheet === state.name) host.activeSheet = host.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
    });
  }

  activate(): void {
    const state = this.mustExist();
    this.context.queue(20, () => {
      this.context.host.activeSheet = state.name;
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, this.mustExist(), row, column, rowCount, columnCount);
  }

  /** Several areas at once, by their comma-separated addresses (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    const areas = address.split(",").map((part) => parseArea(part.trim()));
    if (areas.some((area) => area === null)) this.context.fail(new OfficeError("InvalidArgument", `Not an address: ${address}`));
    const state = this.mustExist();
    return new FakeRangeAreas(areas.filter((a): a is Rect => a !== null).map((a) => new FakeRange(this.context, this, state, a.row, a.column, a.rows, a.columns)));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return this.getRangeByIndexes(0, 0, ROWS, 16_384).getUsedRangeOrNullObject(_valuesOnly);
  }

  /** A write into this sheet, run at the sync: refused there when the sheet is protected. */
  write(bytes: number, operation: Operation = () => undefined): void {
    const state = this.mustExist();
    this.context.queue(bytes, () => {
      if (state.protected) throw new OfficeError("AccessDenied", `${state.name} is protected`);
      operation();
    });
  }

  mustExist(): FakeSheetState {
    if (this.state === null) throw new OfficeError("InvalidObjectPath", "null object used");
    return this.state;
  }
}

class FakeChart {
  readonly title: { text: string };
  constructor(
    private readonly chart: FakeSheetState["charts"][number],
    private readonly write: (operation: Operation) => void,
  ) {
    this.title = {
      get text(): string {
        return chart.title;
      },
      set text(value: string) {
        write(() => {
          chart.title = value;
        });
      },
    };
  }

  setPosition(from: string, to: string): void {
    this.write(() => {
      this.chart.from = from;
      this.chart.to = to;
    });
  }
}

/** `pageLayout.zoom`: the documented values only (PageLayoutZoomOptions: whole pages, or a scale of 10 to 400). */
function zoomProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "zoom is an object";
  const { horizontalFitToPages, verticalFitToPages, scale } = value as Record<string, unknown>;
  for (const [name, pages] of [
    ["horizontalFitToPages", horizontalFitToPages],
    ["verticalFitToPages", verticalFitToPages],
  ] as const) {
    if (pages !== undefined && pages !== null && !(typeof pages === "number" && Number.isInteger(pages) && pages >= 1 && pages <= 32_767)) return `${name} is a number of pages, not ${String(pages)}`;
  }
  if (scale !== undefined && scale !== null && !(typeof scale === "number" && scale >= 10 && scale <= 400)) return `scale is between 10 and 400, not ${String(scale)}`;
  return null;
}

class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly layout: () => Record<string, unknown>,
    private readonly write: (bytes: number, operation: Operation) => void,
  ) {
    const footer = {
      get: (): string => String(this.layout().centerFooter ?? ""),
      set: (value: string): void => {
        this.write(50, () => {
          this.layout().centerFooter = value;
        });
      },
    };
    this.headersFooters = {
      defaultForAllPages: {
        get centerFooter(): string {
          return footer.get();
        },
        set centerFooter(value: string) {
          footer.set(value);
        },
      },
    };
  }
  set orientation(value: string) {
    this.write(20, () => {
      this.layout().orientation = value;
    });
  }
  set paperSize(value: string) {
    this.write(20, () => {
      this.layout().paperSize = value;
    });
  }
  set zoom(value: unknown) {
    this.write(50, () => {
      const problem = zoomProblem(value);
      if (problem !== null) throw new OfficeError("InvalidArgument", problem);
      this.layout().zoom = value;
    });
  }
  setPrintTitleRows(address: string): void {
    this.write(30, () => {
      this.layout().printTitleRows = address;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// What Excel does with what is written into a cell
// ---------------------------------------------------------------------------------------------

/** The string literals of a formula blanked out (their brackets and names are not references). */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, (literal) => " ".repeat(literal.length));
}

/** A structured reference's column names: `Col`, `@Col`, `@[Col]`, `[#This Row],[Col]`, `[Col1]:[Col2]`; "'" escapes a bracket. */
function referencedColumns(inside: string): string[] {
  const unescape = (text: string): string => text.replace(/'(.)/g, "$1").trim();
  const body = inside.startsWith("@") ? inside.slice(1) : inside;
  if (!body.startsWith("[")) return body === "" || body.startsWith("#") ? [] : [unescape(body)];
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "'") {
      current += ch + (body[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      depth++;
      if (depth === 1) current = "";
    } else if (ch === "]") {
      depth--;
      if (depth === 0 && !current.startsWith("#")) names.push(unescape(current));
    } else if (depth >= 1) current += ch;
  }
  return names;
}

/**
 * Why Excel would refuse a formula's structured references where it is written (a table or a
 * column that does not exist, `[@…]` outside a table); null when they all resolve.
 */
function structuredReferenceProblem(formula: string, host: FakeExcelHost, sheet: FakeSheetState, row: number, column: number): string | null {
  const text = withoutStrings(formula);
  const tables = host.sheets.flatMap((s) => s.tables.map((t) => ({ table: t, sheet: s })));
  const headers = (table: FakeTableState, on: FakeSheetState): string[] => {
    const area = tableRect(table);
    return Array.from({ length: area.columns }, (_, c) => String(on.cells.get(key(area.row, area.column + c))?.value ?? "").toLowerCase());
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "[") continue;
    const name = /([\p{L}_\\][\p{L}\p{N}_.]*)$/u.exec(text.slice(0, i))?.[1];
    // The bracket's match, "'" escaping one character.
    let depth = 0;
    let end = i;
    for (; end < text.length; end++) {
      if (text[end] === "'") end++;
      else if (text[end] === "[") depth++;
      else if (text[end] === "]" && --depth === 0) break;
    }
    const inside = text.slice(i + 1, end);
    const columns = referencedColumns(inside);
    if (name !== undefined) {
      const found = tables.find((t) => t.table.name.toLowerCase() === name.toLowerCase());
      if (found === undefined) return `no table ${name}`;
      const missing = columns.find((c) => !headers(found.table, found.sheet).includes(c.toLowerCase()));
      if (missing !== undefined) return `no column ${missing} in ${name}`;
    } else {
      const here = sheet.tables.find((t) => overlaps(tableRect(t), { row, column, rows: 1, columns: 1 }));
      if (here === undefined) return `${inside} is not in a table`;
      const missing = columns.find((c) => !headers(here, sheet).includes(c.toLowerCase()));
      if (missing !== undefined) return `no column ${missing} in ${here.name}`;
    }
    i = end;
  }
  return null;
}

/**
 * What a formula shows: HYPERLINK its text; a custom function under a name the loaded metadata
 * does not have, #NAME? (office-js #891); anything else is not computed (blank).
 */
function evaluate(formula: string, host: FakeExcelHost): CellValue {
  const known = new Set(functionNames(host.functionLanguage).map((n) => n.toUpperCase()));
  for (const match of withoutStrings(formula).matchAll(/\bCONV\.([\p{L}\p{N}_.]+)\s*\(/giu)) {
    if (!known.has(`CONV.${match[1]}`.toUpperCase())) return { error: "#NAME?" };
  }
  const link = /^=HYPERLINK\("((?:[^"]|"")*)",\s*"((?:[^"]|"")*)"\)$/i.exec(formula);
  if (link !== null) return link[2].replace(/""/g, '"');
  return null;
}

/** A string as Excel reads it when typed into a cell not formatted as text (the numbers and booleans of its grammar, the apostrophe prefix). */
function typed(text: string): CellValue {
  if (text.startsWith("'")) return text.slice(1);
  const trimmed = text.trim();
  if (/^[-+]?(\d+[.,]?\d*|[.,]\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  if (/^(true|vrai)$/i.test(trimmed)) return true;
  if (/^(false|faux)$/i.test(trimmed)) return false;
  return text;
}

class FakeRange extends Loadable {
  private nullRange = false;
  private valuesAtSync: (string | number | boolean)[][] | null | undefined;
  private typesAtSync: string[][] | null | undefined;
  /** Where the range is, known when it is first used: a table column's body is found when its request runs. */
  private area: Rect | null;
  private resolve: (() => Rect) | null = null;

  constructor(
    context: FakeContext,
    private readonly sheetObject: FakeWorksheet,
    private readonly sheet: FakeSheetState,
    row: number,
    column: number,
    rows: number,
    columns: number,
  ) {
    super(context);
    this.area = { row, column, rows, columns };
  }

  static nullObject(context: FakeContext, sheetObject: FakeWorksheet, sheet: FakeSheetState): FakeRange {
    const range = new FakeRange(context, sheetObject, sheet, 0, 0, 0, 0);
    range.nullRange = true;
    return range;
  }

  /** A range found when its request runs (Excel evaluates an object path then); `resolve` throws Excel's error when there is none. */
  static lazy(context: FakeContext, sheetObject: FakeWorksheet, sheet: FakeSheetState, resolve: () => Rect): FakeRange {
    const range = new FakeRange(context, sheetObject, sheet, 0, 0, 0, 0);
    range.area = null;
    range.resolve = resolve;
    return range;
  }

  private where(): Rect {
    if (this.area === null) this.area = (this.resolve as () => Rect)();
    return this.area;
  }

  get row(): number {
    return this.where().row;
  }

  get column(): number {
    return this.where().column;
  }

  get rows(): number {
    return this.where().rows;
  }

  get columns(): number {
    return this.where().columns;
  }

  get isNullObject(): boolean {
    this.loaded("isNullObject");
    return this.nullRange;
  }

  rect(): Rect {
    return { row: this.row, column: this.column, rows: this.rows, columns: this.columns };
  }

  get address(): string {
    return `${this.sheet.name}!${areaAddress(this.rect())}`;
  }

  get rowIndex(): number {
    this.loaded("rowIndex");
    return this.row;
  }

  get rowCount(): number {
    this.loaded("rowCount");
    return this.rows;
  }

  get columnCount(): number {
    this.loaded("columnCount");
    return this.columns;
  }

  get columnIndex(): number {
    this.loaded("columnIndex");
    return this.column;
  }

  get cellCount(): number {
    this.loaded("cellCount");
    return this.rows * this.columns;
  }

  /** Values and their types are taken when the load's turn comes in the request, as Excel does (a lazy range is found then, too). */
  override capture(): void {
    if (!this.nullRange) this.where();
    super.capture();
    if (this.nullRange) return;
    if (this.requested.includes("values")) this.context.host.cellsRead.push(this.rows * this.columns);
    if (this.requested.includes("values")) this.valuesAtSync = this.readValues();
    if (this.requested.includes("valueTypes")) this.typesAtSync = this.readValueTypes();
  }

  /** Values and their types come back as JSON arrays: their size, as Excel sends them. */
  override responseBytes(): number {
    if (this.nullRange) return 20;
    let bytes = 20 * this.requested.length;
    if (this.valuesAtSync !== undefined) bytes += JSON.stringify(this.valuesAtSync).length;
    if (this.typesAtSync !== undefined) bytes += JSON.stringify(this.typesAtSync).length;
    return bytes;
  }

  /** null for more cells than Excel reads at once (five million: office-js #4783, #6781). */
  get values(): (string | number | boolean)[][] | null {
    this.loaded("values");
    return this.valuesAtSync === undefined ? this.readValues() : this.valuesAtSync;
  }

  private readValues(): (string | number | boolean)[][] | null {
    if (this.rows * this.columns > this.context.host.cellLimit) return null;
    return this.grid((cell) => {
      const v = cell?.value ?? null;
      if (v === null) return "";
      return typeof v === "object" ? v.error : v;
    });
  }

  get valueTypes(): string[][] | null {
    this.loaded("valueTypes");
    return this.typesAtSync === undefined ? this.readValueTypes() : this.typesAtSync;
  }

  private readValueTypes(): string[][] | null {
    if (this.rows * this.columns > this.context.host.cellLimit) return null;
    return this.grid((cell) => {
      const v = cell?.value ?? null;
      if (v === null) return "Empty";
      if (typeof v === "object") return "Error";
      if (typeof v === "number") return "Double";
      if (typeof v === "boolean") return "Boolean";
      return "String";
    });
  }

  set numberFormat(formats: string[][]) {
    this.sheetObject.write(JSON.stringify(formats).length, () => {
      const problem = this.shapeProblem(formats, "numberFormat");
      if (problem !== null) throw new OfficeError("InvalidArgument", problem);
      this.each((r, c) => (this.cell(r, c).numberFormat = formats[r][c]));
    });
  }

  set formulas(inputs: (string | number | boolean)[][]) {
    this.sheetObject.write(JSON.stringify(inputs).length, () => {
      const problem = this.shapeProblem(inputs, "formulas");
      if (problem !== null) throw new OfficeError("InvalidArgument", problem);
      const host = this.context.host;
      // Every formula is checked before any cell changes: a refused write writes nothing.
      this.each((r, c) => {
        const input = inputs[r][c];
        if (typeof input !== "string" || !input.startsWith("=") || this.sheet.cells.get(key(this.row + r, this.column + c))?.numberFormat === "@") return;
        const refused = structuredReferenceProblem(input, host, this.sheet, this.row + r, this.column + c);
        if (refused !== null) throw new OfficeError("InvalidArgument", `The formula ${input} is refused: ${refused}`);
      });
      this.each((r, c) => {
        const cell = this.cell(r, c);
        const input = inputs[r][c];
        delete cell.formula;
        if (typeof input === "string" && input.startsWith("=") && cell.numberFormat !== "@") {
          cell.formula = input;
          cell.value = evaluate(input, host);
          host.customFunctions?.written(cell, input);
        } else if (typeof input === "string" && cell.numberFormat !== "@") {
          cell.value = input === "" ? null : typed(input);
        } else {
          cell.value = input === "" ? null : input;
        }
      });
      this.markCalculatedColumn(inputs);
    });
  }

  set values(inputs: (string | number | boolean)[][]) {
    this.formulas = inputs;
  }

  /** One formula over the whole data body of a table column: Excel makes it a calculated column. */
  private markCalculatedColumn(inputs: readonly (readonly unknown[])[]): void {
    if (this.columns !== 1) return;
    const formula = inputs[0]?.[0];
    if (typeof formula !== "string" || !formula.startsWith("=") || inputs.some((row) => row[0] !== formula)) return;
    for (const table of this.sheet.tables) {
      const area = tableRect(table);
      if (area.row + 1 === this.row && area.rows - 1 === this.rows && this.column >= area.column && this.column < area.column + area.columns) {
        const formulas = calculatedColumns.get(table) ?? new Map<number, string>();
        formulas.set(this.column - area.column, formula);
        calculatedColumns.set(table, formulas);
      }
    }
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.sheetObject.write(JSON.stringify(link).length, () => this.each((r, c) => (this.cell(r, c).hyperlink = link.documentReference ?? link.address)));
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat([this]);
  }

  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat; clearAll: () => void } {
    return {
      add: (_type) => {
        const entry: FakeSheetState["conditionalFormats"][number] = { address: this.address, text: "" };
        this.sheetObject.write(200, () => {
          this.sheet.conditionalFormats.push(entry);
        });
        return new FakeConditionalFormat(entry, (operation) => this.sheetObject.write(30, operation));
      },
      clearAll: () => {
        this.sheetObject.write(50, () => {
          const mine = this.rect();
          this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((f) => !overlaps(parseArea(f.address) as Rect, mine));
        });
      },
    };
  }

  /** One validation per range object, as Office.js's `range.dataValidation` is one object. */
  private validation: { address: string; rule: unknown; message: string } | undefined;

  get dataValidation(): { rule: unknown; errorAlert: { message: string } } {
    const entry = this.validation ?? { address: this.address, rule: undefined as unknown, message: "" };
    this.validation = entry;
    const setRule = (rule: unknown): void => {
      entry.rule = rule;
      this.sheetObject.write(JSON.stringify(rule).length, () => {
        this.sheet.validations.push(entry);
      });
    };
    const setAlert = (alert: { message: string }): void => {
      this.sheetObject.write(JSON.stringify(alert).length, () => {
        entry.message = alert.message;
      });
    };
    return {
      set rule(rule: unknown) {
        setRule(rule);
      },
      get rule(): unknown {
        return undefined;
      },
      set errorAlert(alert: { message: string }) {
        setAlert(alert);
      },
      get errorAlert(): { message: string } {
        return { message: "" };
      },
    };
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, this.sheetObject, this.sheet, 0, this.column, ROWS, this.columns);
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.context, this.sheetObject, this.sheet, this.row, 0, this.rows, 16_384);
  }

  /** The part of this range that holds values (its bounding box), or a null object (ExcelApi 1.4). */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.sheet.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      if (r < this.row || r >= this.row + this.rows || c < this.column || c >= this.column + this.columns) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return FakeRange.nullObject(this.context, this.sheetObject, this.sheet);
    return new FakeRange(this.context, this.sheetObject, this.sheet, top, left, bottom - top + 1, right - left + 1);
  }

  /** The tables this range overlaps (ExcelApi 1.9), loadable with `items/name`. */
  getTables(fullyContained?: boolean): FakeTables {
    const mine = this.rect();
    return new FakeTables(this.context, () =>
      this.sheet.tables
        .filter((t) => {
          const area = tableRect(t);
          return fullyContained === true ? area.row >= mine.row && area.row + area.rows <= mine.row + mine.rows && area.column >= mine.column && area.column + area.columns <= mine.column + mine.columns : overlaps(area, mine);
        })
        .map((t) => ({ table: t, sheet: this.sheet })),
    );
  }

  /** A range the add-in does not keep after its request (Office.js: no _KeepReference, nothing for the host). */
  untrack(): this {
    return this;
  }

  merge(_across: boolean): void {
    this.sheetObject.write(30, () => {
      this.sheet.merges.push(this.address);
    });
  }

  select(): void {
    this.context.queue(20, () => {
      this.context.host.activeSheet = this.sheet.name;
      this.context.host.activeCells.set(this.sheet.name, { row: this.row, column: this.column });
      this.context.host.selected = this.address;
    });
  }

  get worksheet(): FakeWorksheet {
    return this.sheetObject;
  }

  setRowHeight(points: number): void {
    this.sheetObject.write(20, () => {
      for (let r = this.row; r < this.row + this.rows; r++) this.sheet.rowHeights.set(r, points);
    });
  }

  setColumnWidth(points: number): void {
    this.sheetObject.write(20, () => {
      for (let c = this.column; c < this.column + this.columns; c++) this.sheet.columnWidths.set(c, points);
    });
  }

  each(f: (r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) f(r, c);
  }

  cell(r: number, c: number): FakeCell {
    const k = key(this.row + r, this.column + c);
    let cell = this.sheet.cells.get(k);
    if (cell === undefined) {
      cell = { value: null };
      this.sheet.cells.set(k, cell);
    }
    return cell;
  }

  write(bytes: number, operation: Operation): void {
    this.sheetObject.write(bytes, operation);
  }

  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.columns; c++) row.push(f(this.sheet.cells.get(key(this.row + r, this.column + c))));
      rows.push(row);
    }
    return rows;
  }

  private shapeProblem(matrix: readonly (readonly unknown[])[], what: string): string | null {
    if (matrix.length !== this.rows || matrix.some((row) => row.length !== this.columns)) return `${what}: ${matrix.length}×${matrix[0]?.length ?? 0} for a range of ${this.rows}×${this.columns}`;
    return null;
  }
}

/** Several ranges of one sheet as one (Worksheet.getRanges): a format set on it is set on each. */
class FakeRangeAreas {
  constructor(readonly areas: readonly FakeRange[]) {}

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.areas);
  }

  untrack(): this {
    return this;
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean; italic: boolean; size: number; color: string; name: string };
  readonly fill: { color: string };
  constructor(private readonly ranges: readonly FakeRange[]) {
    const set = (f: (cell: FakeCell) => void): void => {
      const [first] = ranges;
      if (first === undefined) return;
      first.write(30, () => {
        for (const range of ranges) range.each((r, c) => f(range.cell(r, c)));
      });
    };
    this.font = {
      set bold(v: boolean) {
        set((cell) => (cell.bold = v));
      },
      set italic(v: boolean) {
        set((cell) => (cell.italic = v));
      },
      set size(v: number) {
        set((cell) => (cell.size = v));
      },
      set color(v: string) {
        set((cell) => (cell.color = v));
      },
      set name(v: string) {
        set((cell) => (cell.font = v));
      },
    } as FakeRangeFormat["font"];
    this.fill = {
      set color(v: string) {
        set((cell) => (cell.fill = v));
      },
    } as FakeRangeFormat["fill"];
  }
  private forEach(bytes: number, f: (range: FakeRange) => void): void {
    const [first] = this.ranges;
    if (first === undefined) return;
    first.write(bytes, () => this.ranges.forEach(f));
  }
  set wrapText(v: boolean) {
    this.forEach(30, (range) => range.each((r, c) => (range.cell(r, c).wrap = v)));
  }
  set verticalAlignment(_v: string) {
    this.forEach(20, () => undefined);
  }
  set columnWidth(points: number) {
    for (const range of this.ranges) range.setColumnWidth(points);
  }
  set rowHeight(points: number) {
    for (const range of this.ranges) range.setRowHeight(points);
  }
  set horizontalAlignment(v: string) {
    this.forEach(20, (range) => range.each((r, c) => (range.cell(r, c).align = v)));
  }
}

class FakeConditionalFormat {
  readonly textComparison: { format: { font: { color: string }; fill: { color: string } }; rule: { operator: string; text: string } };
  constructor(entry: FakeSheetState["conditionalFormats"][number], write: (operation: Operation) => void) {
    this.textComparison = {
      format: {
        font: {
          set color(v: string) {
            write(() => {
              entry.color = v;
            });
          },
        } as { color: string },
        fill: {
          set color(v: string) {
            write(() => {
              entry.fill = v;
            });
          },
        } as { color: string },
      },
      set rule(rule: { operator: string; text: string }) {
        write(() => {
          entry.text = rule.text;
        });
      },
      get rule(): { operator: string; text: string } {
        return { operator: "Contains", text: entry.text };
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// What the diagnostic (src/excel/diagnostic.ts) probes and the parts above do not play. Each
// behaviour with its source; the tests of tests/excel/diagnostic.test.ts rely on them.
// ---------------------------------------------------------------------------------------------

/** A custom function's implementation, as functions.js gives it to CustomFunctions.associate. */
export type CustomFunctionImplementation = (...args: unknown[]) => unknown;

/**
 * The add-in's custom functions as Excel knows them: the names of the metadata it loaded for its
 * display language (functions.json or functions.fr.json, by the manifest's overrides), and the
 * implementations functions.js registered. A formula that calls one by its loaded name with
 * literal arguments (numbers, "texts") is computed; a name of the namespace that is not the loaded
 * language's is #NAME? — range.formulas takes a custom function by the loaded metadata's name, not
 * by its id (office-js #891, #6614). While it computes, the cell reads #BUSY! for `busySyncs`
 * requests (office-js #4152). Other formulas are not computed (blank), as in the rest of the fake.
 */
export class FakeCustomFunctions {
  readonly implementations = new Map<string, CustomFunctionImplementation>();
  /** Requests during which a computed cell still reads #BUSY!. */
  busySyncs = 0;
  private readonly pending: { cell: FakeCell; value: CellValue; syncsLeft: number }[] = [];

  /** `names`: each full name in the loaded metadata, upper case ("CONV.DATE.FIN"), with its function's id. */
  constructor(
    readonly namespace: string,
    readonly names: ReadonlyMap<string, string>,
  ) {}

  /** A formula was written in `cell`: its value when it calls one of these functions. */
  written(cell: FakeCell, formula: string): void {
    const call = /^=\s*([A-Za-z_][\w.]*)\s*\((.*)\)\s*$/.exec(formula);
    if (call === null || !call[1].toUpperCase().startsWith(`${this.namespace.toUpperCase()}.`)) return;
    const id = this.names.get(call[1].toUpperCase());
    const implementation = id === undefined ? undefined : this.implementations.get(id);
    if (implementation === undefined) {
      cell.value = { error: "#NAME?" };
      return;
    }
    const args = call[2].trim() === "" ? [] : call[2].split(",").map(literal);
    if (args.some((arg) => arg === undefined)) return;
    const value = computed(implementation, args);
    // The request that writes the formula counts as the first of the `busySyncs` (the fake writes
    // when a request runs, after that request's tick).
    if (this.busySyncs <= 1) {
      cell.value = value;
      return;
    }
    cell.value = { error: "#BUSY!" };
    this.pending.push({ cell, value, syncsLeft: this.busySyncs - 1 });
  }

  /** A request went by: results being computed come one request nearer. */
  tick(): void {
    for (const entry of [...this.pending]) {
      entry.syncsLeft -= 1;
      if (entry.syncsLeft > 0) continue;
      entry.cell.value = entry.value;
      this.pending.splice(this.pending.indexOf(entry), 1);
    }
  }
}

/** A literal argument of a formula, or undefined for anything else (a reference, an expression). */
function literal(source: string): unknown {
  const text = source.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^"[^"]*"$/.test(text)) return text.slice(1, -1);
  return undefined;
}

/**
 * A function's result as a cell holds it: its first value, or the error it throws (#VALUE! unless
 * it names one). A data-type value (a Double or FormattedNumber with its numberFormat, "Use data
 * types with custom functions in Excel") is the number its cell holds: `values` reads its basicValue.
 */
function computed(implementation: CustomFunctionImplementation, args: unknown[]): CellValue {
  try {
    const result = implementation(...args);
    const item: unknown = Array.isArray(result) ? (Array.isArray(result[0]) ? result[0][0] : result[0]) : result;
    const first = typeof item === "object" && item !== null && "basicValue" in item ? item.basicValue : item;
    return typeof first === "number" || typeof first === "string" || typeof first === "boolean" ? first : null;
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "#VALUE!";
    return { error: code.startsWith("#") ? code : "#VALUE!" };
  }
}

/** The workbook's defined names (Workbook.names, ExcelApi 1.1): read, and added as Excel adds them. */
class FakeNames extends Loadable {
  get items(): { name: string }[] {
    this.loaded("items");
    return this.context.host.names.map((n) => ({ name: n.name }));
  }

  add(name: string, reference: string): void {
    this.context.queue(50);
    if (this.context.host.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      this.context.fail(new OfficeError("ItemAlreadyExists", `A name ${name} exists`));
      return;
    }
    this.context.host.names.push({ name, formula: reference });
  }
}
