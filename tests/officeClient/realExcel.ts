/**
 * The harness: Microsoft's real Excel web client (officeClient.ts) talking to the fake host
 * through the protocol backend (fakeBackend.ts), every request captured with its real size.
 *
 * @example
 * const host = new FakeExcelHost({ Feuil1: [["a"]] });
 * const real = createRealExcel(host);                 // Excel on the web's transport
 * const gateway = new OfficeWorkbook(real.run, { responseLimitBytes: MAX_RESPONSE_BYTES });
 * await gateway.readAllSheets();
 * real.requests.map((r) => r.bodyBytes);              // what the real client sent, byte for byte
 */
import { ExcelRunner } from "../../src/excel/officeWorkbook";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { FakeBackendOptions, FakeExcelBackend } from "./fakeBackend";
import { HostAnswer, OfficeClient, OfficeClientScript, OutgoingRequest, RefusalCode, Transport, loadOfficeClient } from "./officeClient";
import { RequestBody, actionSummary, parseRequestBody } from "./wire";

/** One request the real client sent, as it went. */
export interface CapturedRequest {
  /** 0-based, in the order sent (the harness's lifetime). */
  readonly index: number;
  readonly transport: Transport;
  /** The body as the client serialized it (JSON: `AutoKeepReference`, `Actions`, `ObjectPaths`). */
  readonly body: string;
  /** UTF-8 bytes of `body`. */
  readonly bodyBytes: number;
  readonly headers: Readonly<Record<string, string>>;
  /** UTF-8 bytes of the headers' names and values. */
  readonly headerBytes: number;
  readonly flags: number;
  /** web: UTF-8 bytes of the whole message posted to Excel's frame (the body in it, escaped as a JSON string). */
  readonly messageBytes?: number;
  readonly request: RequestBody;
  /** Actions by kind and name: "SetProperty Values" → 1, "Query" → 2, "Method Delete" → 1… */
  readonly actions: ReadonlyMap<string, number>;
  /** Filled when answered. */
  response?: CapturedResponse;
}

export interface CapturedResponse {
  /** The response body (JSON: `Results`, `Error`); "" for a refused request. */
  readonly body: string;
  /** UTF-8 bytes of the response body (0 for a refused request). */
  readonly bodyBytes: number;
  /** web: UTF-8 bytes of the XDM response message. */
  readonly messageBytes?: number;
  /** The action error's code (`Error.Code`), if an action failed. */
  readonly errorCode?: string;
  /** The whole request refused (size limits). */
  readonly refused?: RefusalCode;
}

export interface RealExcelOptions extends FakeBackendOptions {
  /** "web" (default): Excel on the web's postMessage transport; "http": setCustomSendRequestFunc. */
  readonly transport?: Transport;
  /** Load the readable excel-web-16.00.debug.js instead of the minified script. */
  readonly debugScript?: boolean;
  /** The client's console (silent by default). */
  readonly log?: (...args: unknown[]) => void;
  /** Refuse a whole request before it runs (Excel on the web's request limit): a code, or null to run it. */
  readonly refuse?: (request: CapturedRequest) => RefusalCode | null;
  /** Refuse a response whose body is larger (Excel on the web: ResponsePayloadSizeLimitExceeded); none by default. */
  readonly responseLimitBytes?: number;
}

export interface RealExcel {
  /** The real client's Excel namespace. */
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  /** `Excel.run` of the real client: an ExcelRunner for `new OfficeWorkbook(real.run)`. */
  readonly run: ExcelRunner;
  /** Every request sent, in order. */
  readonly requests: CapturedRequest[];
  readonly backend: FakeExcelBackend;
  readonly client: OfficeClient;
  readonly script: OfficeClientScript;
  /** Makes the real client's `Excel` the global one (for code that calls `Excel.run` itself); returns the undo. */
  installGlobal(): () => void;
  /**
   * Waits until no request is in flight. `Excel.run` resolves before its cleanup request (the
   * `_RemoveReference` of the objects it kept) is sent and answered: settle after an action so that
   * its cleanup is counted with it, not with the next one.
   */
  settle(): Promise<void>;
}

/** Excel on the web's documented payload limit, 5 MB (whether counted as 5·10⁶ or 5·2²⁰ bytes is not documented; this is the larger). */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** A `refuse` option: RequestPayloadSizeLimitExceeded above `bytes` of body (or of the posted message). */
export function refuseAbove(bytes: number, of: "body" | "message" = "body"): (request: CapturedRequest) => RefusalCode | null {
  return (request) => ((of === "body" ? request.bodyBytes : (request.messageBytes ?? request.bodyBytes)) > bytes ? "RequestPayloadSizeLimitExceeded" : null);
}

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

export function createRealExcel(host: FakeExcelHost, options: RealExcelOptions = {}): RealExcel {
  const backend = new FakeExcelBackend(host, { strict: options.strict });
  const requests: CapturedRequest[] = [];
  const captured = new Map<OutgoingRequest, CapturedRequest>();
  let inFlight = 0;

  const handle = async (outgoing: OutgoingRequest): Promise<HostAnswer> => {
    const request = parseRequestBody(JSON.parse(outgoing.body));
    const capture: CapturedRequest = {
      index: requests.length,
      transport: outgoing.transport,
      body: outgoing.body,
      bodyBytes: utf8(outgoing.body),
      headers: outgoing.headers,
      headerBytes: Object.entries(outgoing.headers).reduce((sum, [name, value]) => sum + utf8(name) + utf8(value), 0),
      flags: outgoing.flags,
      messageBytes: outgoing.message === undefined ? undefined : utf8(outgoing.message),
      request,
      actions: actionSummary(request),
    };
    requests.push(capture);
    captured.set(outgoing, capture);
    inFlight += 1;
    try {
      return await answer(capture);
    } finally {
      inFlight -= 1;
    }
  };

  const answer = async (capture: CapturedRequest): Promise<HostAnswer> => {
    const request = capture.request;
    const refusal = options.refuse?.(capture) ?? null;
    if (refusal !== null) {
      capture.response = { body: "", bodyBytes: 0, refused: refusal };
      return { kind: "refused", code: refusal, message: `The request (${capture.bodyBytes} bytes) was refused: ${refusal}.` };
    }
    const response = await backend.execute(request);
    const body = JSON.stringify(response);
    const bytes = utf8(body);
    if (options.responseLimitBytes !== undefined && bytes > options.responseLimitBytes) {
      capture.response = { body, bodyBytes: bytes, refused: "ResponsePayloadSizeLimitExceeded" };
      return { kind: "refused", code: "ResponsePayloadSizeLimitExceeded", message: `The response (${bytes} bytes) is above the limit.` };
    }
    capture.response = { body, bodyBytes: bytes, errorCode: response.Error?.Code };
    return { kind: "response", body };
  };

  const client = loadOfficeClient(handle, {
    transport: options.transport,
    debugScript: options.debugScript,
    log: options.log,
    onAnswered: (outgoing, sizes) => {
      const capture = captured.get(outgoing);
      captured.delete(outgoing);
      if (capture?.response !== undefined && sizes.messageBytes !== undefined) capture.response = { ...capture.response, messageBytes: sizes.messageBytes };
    },
  });

  const run: ExcelRunner = (batch) => client.Excel.run(batch);
  return {
    Excel: client.Excel,
    OfficeExtension: client.OfficeExtension,
    run,
    requests,
    backend,
    client,
    script: client.script,
    settle: async () => {
      // A few turns of the event loop with nothing in flight: the client sends its cleanup from a promise chain.
      for (let quiet = 0; quiet < 3; ) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
    },
    installGlobal: () => {
      const global = globalThis as { Excel?: unknown };
      const had = Object.prototype.hasOwnProperty.call(global, "Excel");
      const previous = global.Excel;
      global.Excel = client.Excel;
      return () => {
        if (had) global.Excel = previous;
        else delete global.Excel;
      };
    },
  };
}
