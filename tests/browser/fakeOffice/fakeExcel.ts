/**
 * A fake of the part of Excel's JavaScript API (Office.js) that the add-in's gateway uses, over an
 * in-memory workbook: the browser tests serve it in place of office.js (see host.ts) and the jest
 * tests drive src/excel/officeWorkbook.ts with it. It behaves as Excel does where the gateway
 * depends on it:
 * - a property read before the `sync` that follows its `load` throws (PropertyNotLoaded);
 * - text written into a cell formatted as text ("@") stays text, even "=1+1"; other strings that
 *   start with "=" become formulas (not computed: they read back as blank);
 * - writing into a protected sheet, adding a sheet or a table under a name taken, or deleting the
 *   last visible sheet fails at the next `sync`, after the earlier operations of the batch ran;
 * - it counts the requests (`sync` calls) and the bytes each carries (values, formats, formulas),
 *   and the bytes of each response (what the loads bring back, as JSON);
 * - like Excel on the web, it can refuse a response above a limit (`responseLimitBytes`, none by
 *   default) with a PayloadTooLarge error at that `sync`.
 * What the diagnostic (src/excel/diagnostic.ts) probes is played by the last part of this file:
 * the add-in's functions computed under the names Excel loaded, #NAME? under any other, #BUSY!
 * while they compute (office-js #891, #4152); a table grown by rows.add (office-js #2097, #3013);
 * defined names; a sheet's visibility read back; the active sheet.
 */
import { CellValue, columnLetter } from "../../../src/core/cells/sheetGrid";

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

export interface FakeSheetState {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>;
  tables: { name: string; address: string; style: string }[];
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

class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (row: number, column: number): string => `${row},${column}`;


/** The workbook and what the gateway did to it. */
export class FakeExcelHost {
  readonly sheets: FakeSheetState[] = [];
  activeSheet: string | null = null;
  selected: string | null = null;
  /** Each sheet's active cell (0-based), as Excel remembers it per sheet; A1 until something is selected. */
  readonly activeCells = new Map<string, { row: number; column: number }>();
  /** Bytes carried by each request (sync), in order. */
  readonly requests: number[] = [];
  /** Bytes of each response, in the same order (0 for a refused one). */
  readonly responses: number[] = [];
  /** Bytes of each response refused for its size. */
  readonly refusedResponses: number[] = [];
  /** Responses above this many bytes are refused (Excel on the web: 5 MB); Infinity by default, as on Windows. */
  responseLimitBytes = Infinity;
  /** Excel.run calls. */
  runs = 0;
  /** The add-in's functions as Excel loaded them (see the diagnostic's part below); null: formulas are not computed. */
  customFunctions: FakeCustomFunctions | null = null;
  /** The workbook's defined names (see the diagnostic's part below). */
  readonly names: { name: string; formula: string }[] = [];

  constructor(workbook: Readonly<Record<string, readonly (readonly CellValue[])[]>> = {}) {
    for (const [name, rows] of Object.entries(workbook)) {
      const sheet = this.newSheet(name);
      rows.forEach((row, r) => row.forEach((value, c) => value !== null && sheet.cells.set(key(r, c), { value })));
    }
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  /** A new sheet, at the end of the workbook unless `detached` (an object for an operation that failed). */
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

  /** Excel.run: a fresh context per batch. */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    this.runs += 1;
    const context = new FakeContext(this);
    const result = await batch(context);
    await context.sync();
    return result;
  };
}

/** The request context: queued loads become readable at `sync`; a deferred error is thrown there. */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  private pendingLoads: Loadable[] = [];
  private pendingBytes = 0;
  private pendingError: Error | null = null;
  private queued = false;

  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Records an operation of `bytes` bytes in the request being built. */
  queue(bytes: number): void {
    this.queued = true;
    this.pendingBytes += bytes;
  }

  fail(error: Error): void {
    if (this.pendingError === null) this.pendingError = error;
  }

  trackLoad(target: Loadable): void {
    this.queued = true;
    this.pendingLoads.push(target);
  }

  async sync(): Promise<void> {
    if (!this.queued && this.pendingError === null) return;
    this.host.requests.push(this.pendingBytes);
    this.host.customFunctions?.tick();
    this.pendingBytes = 0;
    this.queued = false;
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    const responseBytes = loads.reduce((sum, target) => sum + target.responseBytes(), 0);
    const tooLarge = responseBytes > this.host.responseLimitBytes;
    this.host.responses.push(tooLarge ? 0 : responseBytes);
    if (tooLarge) this.host.refusedResponses.push(responseBytes);
    if (!tooLarge) for (const target of loads) target.markLoaded();
    const error = tooLarge ? new OfficeError("PayloadTooLarge", "The response payload size has exceeded the limit.") : this.pendingError;
    this.pendingError = null;
    await Promise.resolve();
    if (error !== null) throw error;
  }
}

abstract class Loadable {
  private loadedNow = false;
  private loadRequested = false;
  /** The properties asked for by `load`, as Office.js names them ("values", "items/name"…). */
  protected requested: string[] = [];

  constructor(protected readonly context: FakeContext) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    this.loadRequested = true;
    if (typeof props === "string") this.requested.push(...props.split(",").map((p) => p.trim()));
    else if (Array.isArray(props)) this.requested.push(...props);
    this.context.trackLoad(this);
    return this;
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
    this.tables = new FakeTables(context);
    this.names = new FakeNames(context);
  }

  /** The active sheet's active cell. */
  getActiveCell(): FakeRange {
    const host = this.context.host;
    const state = host.sheets.find((s) => s.name === host.activeSheet) ?? host.sheets[0];
    const cell = host.activeCells.get(state.name) ?? { row: 0, column: 0 };
    return new FakeWorksheet(this.context, state, false).getRangeByIndexes(cell.row, cell.column, 1, 1);
  }
}

/** The workbook's tables, by name (what a gateway needs to name a new one). */
class FakeTables extends Loadable {
  get items(): { name: string }[] {
    this.loaded("items");
    return this.context.host.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })));
  }
}

class FakeWorksheets extends Loadable {
  get items(): FakeWorksheet[] {
    this.loaded("items");
    return this.context.host.sheets.map((s) => new FakeWorksheet(this.context, s, true));
  }

  add(name: string): FakeWorksheet {
    this.context.queue(50);
    if (this.context.host.sheet(name) !== undefined) {
      this.context.fail(new OfficeError("ItemAlreadyExists", `A sheet named ${name} exists`));
      return new FakeWorksheet(this.context, this.context.host.newSheet(name, true), false);
    }
    return new FakeWorksheet(this.context, this.context.host.newSheet(name), false);
  }

  getItem(name: string): FakeWorksheet {
    const sheet = this.context.host.sheet(name);
    if (sheet === undefined) {
      this.context.fail(new OfficeError("ItemNotFound", `No sheet ${name}`));
      return new FakeWorksheet(this.context, this.context.host.newSheet(name, true), false);
    }
    return new FakeWorksheet(this.context, sheet, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = this.context.host.sheet(name);
    return new FakeWorksheet(this.context, sheet ?? null, false).load();
  }

  getActiveWorksheet(): FakeWorksheet {
    return activeWorksheet(this.context);
  }
}

class FakeWorksheet extends Loadable {
  readonly tables: { add: (range: FakeRange | string, hasHeaders: boolean) => { name: string; style: string } & FakeTableRows };
  readonly charts: { add: (type: string, range: FakeRange, seriesBy: string) => FakeChart };
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly horizontalPageBreaks: { add: (address: string) => void };
  readonly pageLayout: FakePageLayout;
  readonly protection: { readonly protected: boolean };

  constructor(
    context: FakeContext,
    private readonly state: FakeSheetState | null,
    loaded: boolean,
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
    this.tables = {
      add: (range, _hasHeaders) => {
        const address = typeof range === "string" ? range : range.address;
        const table = { name: `Table${context.host.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`, address, style: "" };
        this.write(100);
        sheet().tables.push(table);
        const host = context.host;
        return withTableRows(context, this, table, {
          get name(): string {
            return table.name;
          },
          set name(value: string) {
            if (host.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()))) {
              context.fail(new OfficeError("InvalidArgument", `Table name ${value} is taken`));
            }
            table.name = value;
          },
          get style(): string {
            return table.style;
          },
          set style(value: string) {
            table.style = value;
          },
        });
      },
    };
    this.charts = {
      add: (type, range, _seriesBy) => {
        this.write(100);
        const chart = { type, source: range.address, title: "", from: "", to: "" };
        sheet().charts.push(chart);
        return new FakeChart(chart);
      },
    };
    this.freezePanes = {
      freezeRows: (count) => {
        this.write(20);
        sheet().frozenRows = count;
      },
    };
    this.horizontalPageBreaks = {
      add: (address) => {
        this.write(30);
        sheet().pageBreaks.push(address);
      },
    };
    this.pageLayout = new FakePageLayout(() => sheet().pageLayout, (bytes) => this.write(bytes));
    // A sheet read from a collection is loaded with it (its name, position, protection).
    if (loaded) this.preloaded();
  }

  get isNullObject(): boolean {
    this.loaded("isNullObject");
    return this.state === null;
  }

  get name(): string {
    this.loaded("name");
    return this.mustExist().name;
  }

  get position(): number {
    this.loaded("position");
    return this.context.host.sheets.indexOf(this.mustExist());
  }

  set position(value: number) {
    const sheets = this.context.host.sheets;
    const state = this.mustExist();
    sheets.splice(sheets.indexOf(state), 1);
    sheets.splice(Math.min(value, sheets.length), 0, state);
  }

  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    this.loaded("visibility");
    return this.mustExist().visibility;
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write(20);
    this.mustExist().visibility = value;
  }

  delete(): void {
    this.context.queue(20);
    const host = this.context.host;
    const state = this.mustExist();
    const visible = host.sheets.filter((s) => s.visibility === "Visible" && s !== state);
    if (visible.length === 0) {
      this.context.fail(new OfficeError("InvalidOperation", "The last visible sheet cannot be deleted"));
      return;
    }
    if (state.protected) {
      this.context.fail(new OfficeError("AccessDenied", `${state.name} is protected`));
      return;
    }
    host.sheets.splice(host.sheets.indexOf(state), 1);
  }

  activate(): void {
    this.context.queue(20);
    this.context.host.activeSheet = this.mustExist().name;
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, this.mustExist(), row, column, rowCount, columnCount);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const state = this.mustExist();
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of state.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return FakeRange.nullObject(this.context, this, state);
    return new FakeRange(this.context, this, state, top, left, bottom - top + 1, right - left + 1);
  }

  /** A write into this sheet: refused at sync when the sheet is protected. */
  write(bytes: number): void {
    this.context.queue(bytes);
    if (this.mustExist().protected) this.context.fail(new OfficeError("AccessDenied", `${this.mustExist().name} is protected`));
  }

  mustExist(): FakeSheetState {
    if (this.state === null) throw new OfficeError("InvalidObjectPath", "null object used");
    return this.state;
  }
}

class FakeChart {
  readonly title: { text: string };
  constructor(private readonly chart: FakeSheetState["charts"][number]) {
    this.title = {
      get text(): string {
        return chart.title;
      },
      set text(value: string) {
        chart.title = value;
      },
    };
  }

  setPosition(from: string, to: string): void {
    this.chart.from = from;
    this.chart.to = to;
  }
}

class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly layout: () => Record<string, unknown>,
    private readonly write: (bytes: number) => void,
  ) {
    const footer = {
      get: (): string => String(this.layout().centerFooter ?? ""),
      set: (value: string): void => {
        this.write(50);
        this.layout().centerFooter = value;
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
    this.write(20);
    this.layout().orientation = value;
  }
  set paperSize(value: string) {
    this.write(20);
    this.layout().paperSize = value;
  }
  set zoom(value: unknown) {
    this.write(50);
    this.layout().zoom = value;
  }
  setPrintTitleRows(address: string): void {
    this.write(30);
    this.layout().printTitleRows = address;
  }
}

class FakeRange extends Loadable {
  private nullRange = false;
  private valuesAtSync: (string | number | boolean)[][] | undefined;
  private typesAtSync: string[][] | undefined;

  constructor(
    context: FakeContext,
    private readonly sheetObject: FakeWorksheet,
    private readonly sheet: FakeSheetState,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    super(context);
  }

  static nullObject(context: FakeContext, sheetObject: FakeWorksheet, sheet: FakeSheetState): FakeRange {
    const range = new FakeRange(context, sheetObject, sheet, 0, 0, 0, 0);
    range.nullRange = true;
    return range;
  }

  get isNullObject(): boolean {
    this.loaded("isNullObject");
    return this.nullRange;
  }

  get address(): string {
    const first = `${columnLetter(this.column)}${this.row + 1}`;
    const last = `${columnLetter(this.column + this.columns - 1)}${this.row + this.rows}`;
    return `${this.sheet.name}!${first === last ? first : `${first}:${last}`}`;
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

  /**
   * Values and their types come back as JSON arrays: their size, as Excel sends them. They are
   * taken at the `sync`, as Excel does: what the range held then is what the getters return.
   */
  override responseBytes(): number {
    if (this.nullRange) return 20;
    let bytes = 20 * this.requested.length;
    if (this.requested.includes("values")) {
      this.valuesAtSync = this.readValues();
      bytes += JSON.stringify(this.valuesAtSync).length;
    }
    if (this.requested.includes("valueTypes")) {
      this.typesAtSync = this.readValueTypes();
      bytes += JSON.stringify(this.typesAtSync).length;
    }
    return bytes;
  }

  get columnIndex(): number {
    this.loaded("columnIndex");
    return this.column;
  }

  get values(): (string | number | boolean)[][] {
    this.loaded("values");
    return this.valuesAtSync ?? this.readValues();
  }

  private readValues(): (string | number | boolean)[][] {
    return this.grid((cell) => {
      const v = cell?.value ?? null;
      if (v === null) return "";
      return typeof v === "object" ? v.error : v;
    });
  }

  get valueTypes(): string[][] {
    this.loaded("valueTypes");
    return this.typesAtSync ?? this.readValueTypes();
  }

  private readValueTypes(): string[][] {
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
    this.checkShape(formats, "numberFormat");
    this.sheetObject.write(JSON.stringify(formats).length);
    this.each((r, c) => (this.cell(r, c).numberFormat = formats[r][c]));
  }

  set formulas(inputs: (string | number | boolean)[][]) {
    this.checkShape(inputs, "formulas");
    this.sheetObject.write(JSON.stringify(inputs).length);
    this.each((r, c) => {
      const cell = this.cell(r, c);
      const input = inputs[r][c];
      delete cell.formula;
      if (typeof input === "string" && input.startsWith("=") && cell.numberFormat !== "@") {
        cell.formula = input;
        cell.value = null;
        this.context.host.customFunctions?.written(cell, input);
      } else {
        cell.value = input === "" ? null : input;
      }
    });
  }

  set values(inputs: (string | number | boolean)[][]) {
    this.formulas = inputs;
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.sheetObject.write(JSON.stringify(link).length);
    this.each((r, c) => (this.cell(r, c).hyperlink = link.documentReference ?? link.address));
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat; clearAll: () => void } {
    return {
      add: (_type) => {
        this.sheetObject.write(200);
        const entry: FakeSheetState["conditionalFormats"][number] = { address: this.address, text: "" };
        this.sheet.conditionalFormats.push(entry);
        return new FakeConditionalFormat(entry);
      },
      clearAll: () => {
        this.sheetObject.write(50);
        const address = this.address;
        this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((f) => f.address !== address);
      },
    };
  }

  get dataValidation(): { rule: unknown; errorAlert: { message: string } } {
    const setRule = (rule: unknown): void => {
      this.sheetObject.write(JSON.stringify(rule).length);
      this.sheet.validations.push({ address: this.address, rule, message: "" });
    };
    const setAlert = (alert: { message: string }): void => {
      const last = this.sheet.validations.find((v) => v.address === this.address);
      if (last !== undefined) last.message = alert.message;
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
    const column = new FakeRange(this.context, this.sheetObject, this.sheet, 0, this.column, 1_048_576, this.columns);
    return column;
  }

  merge(_across: boolean): void {
    this.sheetObject.write(30);
    this.sheet.merges.push(this.address);
  }

  select(): void {
    this.context.queue(20);
    this.context.host.activeSheet = this.sheet.name;
    this.context.host.activeCells.set(this.sheet.name, { row: this.row, column: this.column });
    this.context.host.selected = this.address;
  }

  get worksheet(): FakeWorksheet {
    return this.sheetObject;
  }

  setRowHeight(points: number): void {
    this.sheetObject.write(20);
    for (let r = this.row; r < this.row + this.rows; r++) this.sheet.rowHeights.set(r, points);
  }

  setColumnWidth(points: number): void {
    this.sheetObject.write(20);
    for (let c = this.column; c < this.column + this.columns; c++) this.sheet.columnWidths.set(c, points);
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

  write(bytes: number): void {
    this.sheetObject.write(bytes);
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

  private checkShape(matrix: readonly (readonly unknown[])[], what: string): void {
    if (matrix.length !== this.rows || matrix.some((row) => row.length !== this.columns)) {
      this.context.fail(new OfficeError("InvalidArgument", `${what}: ${matrix.length}×${matrix[0]?.length ?? 0} for a range of ${this.rows}×${this.columns}`));
    }
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean; italic: boolean; size: number; color: string; name: string };
  readonly fill: { color: string };
  constructor(private readonly range: FakeRange) {
    const set = (f: (cell: FakeCell) => void): void => {
      range.write(30);
      range.each((r, c) => f(range.cell(r, c)));
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
  set wrapText(v: boolean) {
    this.range.write(30);
    this.range.each((r, c) => (this.range.cell(r, c).wrap = v));
  }
  set verticalAlignment(_v: string) {
    this.range.write(20);
  }
  set columnWidth(points: number) {
    this.range.setColumnWidth(points);
  }
  set rowHeight(points: number) {
    this.range.setRowHeight(points);
  }
  set horizontalAlignment(v: string) {
    this.range.write(20);
    this.range.each((r, c) => (this.range.cell(r, c).align = v));
  }
}

class FakeConditionalFormat {
  readonly textComparison: { format: { font: { color: string }; fill: { color: string } }; rule: { operator: string; text: string } };
  constructor(entry: FakeSheetState["conditionalFormats"][number]) {
    this.textComparison = {
      format: {
        font: {
          set color(v: string) {
            entry.color = v;
          },
        } as { color: string },
        fill: {
          set color(v: string) {
            entry.fill = v;
          },
        } as { color: string },
      },
      set rule(rule: { operator: string; text: string }) {
        entry.text = rule.text;
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
    if (this.busySyncs === 0) {
      cell.value = value;
      return;
    }
    cell.value = { error: "#BUSY!" };
    this.pending.push({ cell, value, syncsLeft: this.busySyncs });
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

/** A function's result as a cell holds it: its first value, or the error it throws (#VALUE! unless it names one). */
function computed(implementation: CustomFunctionImplementation, args: unknown[]): CellValue {
  try {
    const result = implementation(...args);
    const first = Array.isArray(result) ? (Array.isArray(result[0]) ? result[0][0] : result[0]) : result;
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

/** WorksheetCollection.getActiveWorksheet (ExcelApi 1.1): the sheet the user sees. */
function activeWorksheet(context: FakeContext): FakeWorksheet {
  const host = context.host;
  const state = host.sheets.find((s) => s.name === host.activeSheet) ?? host.sheets[0];
  return new FakeWorksheet(context, state, false).load();
}

/** What a table offers besides its name and style: its ranges, and rows.add. */
export interface FakeTableRows {
  readonly rows: { add: (index?: number | null, values?: (string | number | boolean)[][]) => void };
  getRange(): FakeRange;
  getDataBodyRange(): FakeRange;
}

/** A cell address "D12" as 0-based row and column. */
function cellIndexes(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (match === null) throw new Error(`Adresse de cellule non lue : ${address}`);
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/**
 * A table's ranges and `rows.add` (ExcelApi 1.1), by which a table grows: the rows are written
 * below its last row and the table takes them in (office-js #2097, #3013, #3191: a row written
 * below a table is not taken in by itself). Values must be as wide as the table (InvalidArgument
 * otherwise). Excel shifts the cells below the table down; the fake writes on the next row and is
 * used only where that row is blank.
 */
function withTableRows<T extends object>(context: FakeContext, sheet: FakeWorksheet, table: { address: string }, api: T): T & FakeTableRows {
  const area = (): { row: number; column: number; rows: number; columns: number } => {
    const [first, last = first] = table.address.slice(table.address.lastIndexOf("!") + 1).split(":");
    const a = cellIndexes(first);
    const b = cellIndexes(last);
    return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
  };
  const rows = {
    add: (index?: number | null, values?: (string | number | boolean)[][]): void => {
      const { row, column, rows: height, columns } = area();
      if (index !== undefined && index !== null && index !== height - 1) throw new Error("rows.add at an index: not played by the fake");
      const lines = values ?? [Array.from({ length: columns }, () => "")];
      if (lines.some((line) => line.length !== columns)) {
        context.fail(new OfficeError("InvalidArgument", `rows.add: ${lines[0]?.length ?? 0} values for a table of ${columns} columns`));
        return;
      }
      sheet.getRangeByIndexes(row + height, column, lines.length, columns).formulas = lines;
      table.address = sheet.getRangeByIndexes(row, column, height + lines.length, columns).address;
    },
  };
  return Object.assign(api, {
    rows,
    getRange: (): FakeRange => {
      const { row, column, rows: height, columns } = area();
      return sheet.getRangeByIndexes(row, column, height, columns);
    },
    getDataBodyRange: (): FakeRange => {
      const { row, column, rows: height, columns } = area();
      return sheet.getRangeByIndexes(row + 1, column, height - 1, columns);
    },
  });
}
