/**
 * How the Office.js gateway sends its writes: as operations, each with its size as Microsoft's
 * Excel client serializes it (measured with the real client, tests/officeClient/README.md), packed
 * into requests under a budget; a request Excel refuses for its size (RequestPayloadSizeLimitExceeded)
 * is sent again in two halves. An operation queues its Office.js calls when its request is built,
 * on objects got by name in that request (a retried operation never reuses an object of a request
 * that failed). A group of operations (the commit that swaps an action's new sheets in) always
 * travels in one request.
 */

import { GatewayError } from "./gateway";

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

/*
 * What a request spends on an operation besides its data, as the real client serializes it
 * (excel-web-16.00.js, measured in tests/officeClient): a range got by its indexes and one property
 * set on it about 450 bytes; each more property of the same range about 110; a property through
 * `format` 620, through `format.font` or `format.fill` 750; a method on a sheet or a table 300.
 */
export const RANGE_SET = 460;
export const MORE_ON_RANGE = 110;
export const FORMAT = 620;
export const FONT_OR_FILL = 750;
export const METHOD = 300;

/** JSON data in a request: its length, and a twentieth for the client's chunks of large arrays. */
export function dataBytes(data: unknown): number {
  return Math.ceil(JSON.stringify(data).length * 1.05);
}

/** The objects of one request, got by name once. */
export class RequestScope {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly tables = new Map<string, Excel.Table>();

  constructor(readonly context: Excel.RequestContext) {}

  /** A sheet by name; `added`: the one `add` returned (or, after a rename, the sheet by its new name). */
  sheet(name: string, added?: Excel.Worksheet): Excel.Worksheet {
    const sheet = added ?? this.sheets.get(name) ?? this.context.workbook.worksheets.getItem(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** A table by name; `added`: the one `tables.add` returned in this request. */
  table(name: string, added?: Excel.Table): Excel.Table {
    const table = added ?? this.tables.get(name) ?? this.context.workbook.tables.getItem(name);
    this.tables.set(name, table);
    return table;
  }

  /**
   * A range of a sheet that the request does not keep afterwards (untracked: no `_KeepReference`,
   * 94 bytes less, and no `_RemoveReference` request after the run, measured).
   */
  range(sheet: string, row: number, column: number, rowCount: number, columnCount: number): Excel.Range {
    return this.sheet(sheet).getRangeByIndexes(row, column, rowCount, columnCount).untrack();
  }
}

/** One write: its estimated bytes, and what it queues. */
export interface Operation {
  readonly bytes: number;
  readonly run: (scope: RequestScope) => void;
}

export const op = (bytes: number, run: (scope: RequestScope) => void): Operation => ({ bytes, run });

const bytesOf = (operations: readonly Operation[]): number => operations.reduce((sum, o) => sum + o.bytes, 0);

/** Excel's error code of an Office error ("" for anything else). */
export function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}

/**
 * Packs operations into requests under the budget and sends them, counted by `sync`. `add(ops,
 * true)` keeps them in one request (the commit), after what is pending if both do not fit.
 */
export function requestWriter(context: Excel.RequestContext, sync: (estimatedBytes: number) => Promise<void>): { add: (operations: readonly Operation[], together?: boolean) => Promise<void>; flush: () => Promise<void> } {
  let pending: Operation[][] = [];
  let size = 0;
  let budget = REQUEST_BUDGET;
  const send = async (groups: readonly Operation[][]): Promise<void> => {
    const scope = new RequestScope(context);
    for (const group of groups) for (const operation of group) operation.run(scope);
    const bytes = bytesOf(groups.flat());
    try {
      await sync(bytes);
    } catch (error) {
      // Refused whole for its size: nothing of it ran; the same operations go again in two requests.
      if (errorCode(error) !== "RequestPayloadSizeLimitExceeded") throw error;
      if (groups.length < 2) throw new GatewayError("too_large", undefined, `${bytes} bytes`);
      budget = Math.max(100_000, budget / 2);
      const half = Math.ceil(groups.length / 2);
      await send(groups.slice(0, half));
      await send(groups.slice(half));
    }
  };
  const flush = async (): Promise<void> => {
    const groups = pending;
    pending = [];
    size = 0;
    if (groups.length > 0) await send(groups);
  };
  return {
    flush,
    add: async (operations, together) => {
      for (const group of together === true ? [operations] : operations.map((o) => [o])) {
        const bytes = bytesOf(group);
        if (pending.length > 0 && size + bytes > budget) await flush();
        pending.push([...group]);
        size += bytes;
      }
    },
  };
}
