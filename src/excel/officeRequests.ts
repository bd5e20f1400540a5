/**
 * How the Office.js gateway sends its writes: as operations, each with its size as Microsoft's
 * Excel client serializes it (measured with the real client, tests/officeClient/README.md), packed
 * into requests under a budget; a request Excel refuses for its size (RequestPayloadSizeLimitExceeded)
 * is sent again in two halves. An operation queues its Office.js calls when its request is built,
 * on objects got by name in that request (a retried operation never reuses an object of a request
 * that failed). A group of operations (the commit that swaps an action's new sheets in) always
 * travels in one request.
 */

/** Excel on the web refuses a request or a response above 5 MB ("Resource limits and performance optimization for Office Add-ins", Excel add-ins). */
export const EXCEL_PAYLOAD_LIMIT = 5_000_000;

/** The most a request may carry, as the bench checks it with the real client (a tenth under Excel's 5 MB). */
export const MAX_REQUEST_BYTES = 4_500_000;

/**
 * Operations are packed into requests of at most this many estimated bytes: the estimate is of the
 * body the client serializes; the message Excel on the web receives escapes it once more (13 to
 * 24 % larger for large requests), and the limit may apply to either: the budget leaves room.
 */
export const REQUEST_BUDGET = 3_400_000;

/**
 * What a request spends on an operation besides its data, as the real client serializes it
 * (excel-web-16.00.js, measured in tests/officeClient): a range got by its indexes and one property
 * set on it about 450 bytes; each more property of the same range about 110; a property through
 * `format` 620, through `format.font` or `format.fill` 750; a method on a sheet or a table 300.
 */
export const BYTES = {
  rangeSet: 460,
  moreOnRange: 110,
  format: 620,
  fontOrFill: 750,
  method: 300,
} as const;

/** JSON data in a request: its length, and a twentieth for the client's chunks of large arrays. */
export function dataBytes(data: unknown): number {
  return Math.ceil(JSON.stringify(data).length * 1.05);
}

/** The objects of one request, got by name once. */
export class RequestScope {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly tables = new Map<string, Excel.Table>();

  constructor(readonly context: Excel.RequestContext) {}

  /** A sheet by name (one added in this request is the object `add` returned). */
  sheet(name: string): Excel.Worksheet {
    const known = this.sheets.get(name);
    if (known !== undefined) return known;
    const sheet = this.context.workbook.worksheets.getItem(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** Adds a sheet, known by `name` in the rest of the request. */
  addSheet(name: string): Excel.Worksheet {
    const sheet = this.context.workbook.worksheets.add(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** After a rename in the request, the sheet is known under its new name too. */
  alias(from: string, to: string): void {
    this.sheets.set(to, this.sheet(from));
  }

  table(name: string): Excel.Table {
    const known = this.tables.get(name);
    if (known !== undefined) return known;
    const table = this.context.workbook.tables.getItem(name);
    this.tables.set(name, table);
    return table;
  }

  /** A table added in this request, known by `name` in the rest of it. */
  rememberTable(name: string, table: Excel.Table): void {
    this.tables.set(name, table);
  }

  /** A range of a sheet that the request does not keep afterwards (no `_KeepReference`, no cleanup request). */
  range(sheet: string, row: number, column: number, rowCount: number, columnCount: number): Excel.Range {
    return untracked(this.sheet(sheet).getRangeByIndexes(row, column, rowCount, columnCount));
  }
}

/** A range the client does not keep after its request: 94 bytes less each, and no `_RemoveReference` after the run (measured). */
export function untracked<T extends Excel.Range | Excel.RangeAreas>(range: T): T {
  const withUntrack = range as T & { untrack?: () => unknown };
  if (typeof withUntrack.untrack === "function") withUntrack.untrack();
  return range;
}

/** One write: its estimated bytes, and what it queues. */
export interface Operation {
  readonly bytes: number;
  readonly run: (scope: RequestScope) => void;
}

/** Some operations that travel in one request, never split. */
export interface Group {
  readonly operations: readonly Operation[];
}

export const op = (bytes: number, run: (scope: RequestScope) => void): Operation => ({ bytes, run });

const groupBytes = (group: Group): number => group.operations.reduce((sum, o) => sum + o.bytes, 0);

/** Excel's error code of an Office error ("" for anything else). */
export function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}

/** Why the writer gave up: a request still too large once it cannot be split further. */
export class RequestTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`a request of about ${bytes} bytes is refused by Excel even alone`);
    this.name = "RequestTooLarge";
  }
}

/** Packs operations into requests under the budget and sends them, counted by `sync`. */
export class RequestWriter {
  private pending: Group[] = [];
  private pendingBytes = 0;
  private budget = REQUEST_BUDGET;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sync: (estimatedBytes: number) => Promise<void>,
  ) {}

  /** Queues operations, each on its own (they may travel in different requests). */
  async add(operations: readonly Operation[]): Promise<void> {
    for (const operation of operations) await this.addGroup({ operations: [operation] });
  }

  /** Queues a group: sent in one request, after what is pending if the two do not fit together. */
  async addGroup(group: Group): Promise<void> {
    const bytes = groupBytes(group);
    if (this.pending.length > 0 && this.pendingBytes + bytes > this.budget) await this.flush();
    this.pending.push(group);
    this.pendingBytes += bytes;
  }

  /** Sends what is pending. */
  async flush(): Promise<void> {
    const groups = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (groups.length > 0) await this.send(groups);
  }

  private async send(groups: readonly Group[]): Promise<void> {
    const scope = new RequestScope(this.context);
    let bytes = 0;
    for (const group of groups) {
      for (const operation of group.operations) operation.run(scope);
      bytes += groupBytes(group);
    }
    try {
      await this.sync(bytes);
    } catch (error) {
      // Refused whole for its size: nothing of it ran; the same operations go again in two requests.
      if (errorCode(error) !== "RequestPayloadSizeLimitExceeded") throw error;
      if (groups.length < 2) throw new RequestTooLarge(bytes);
      this.budget = Math.max(100_000, Math.floor(this.budget / 2));
      const half = Math.ceil(groups.length / 2);
      await this.send(groups.slice(0, half));
      await this.send(groups.slice(half));
    }
  }
}
