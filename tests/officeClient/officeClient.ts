/**
 * Microsoft's real Excel client (the script office.js loads in Excel on the web,
 * `@microsoft/office-js/dist/excel-web-16.00.js`) run in a Node `vm` context with a few
 * browser-like stubs, its requests handed to a function of ours instead of Excel. Two transports:
 *
 * - "web": the way Excel on the web carries a request. `Excel.run` builds its request, the
 *   client's OfficeJsRequestExecutor wraps it for `OSF.DDA.RichApi.executeRichApiRequestAsync`,
 *   OSF's WAC delegate and XDM ClientEndPoint envelope it and `postMessage` it to the host frame:
 *   our stub of that frame gets the very string Excel's page would receive, and answers with an
 *   XDM response message through the client's own `message` listener.
 * - "http": `OfficeExtension.HttpUtility.setCustomSendRequestFunc`, the client's hook for its
 *   REST transport (used when a request context has a URL that is not the local document): the
 *   function gets `{ method, url, headers, body }` and resolves `{ statusCode, headers, body }`.
 *
 * Both send the same request body (`JSON.stringify` of `{ AutoKeepReference, Actions, ObjectPaths }`).
 */
import { readFileSync } from "fs";
import { dirname, join } from "path";
import * as vm from "vm";

export type Transport = "web" | "http";

/** A request as it leaves the real client. */
export interface OutgoingRequest {
  readonly transport: Transport;
  /** The request body, as the client serialized it: JSON with `Actions` and `ObjectPaths`. */
  readonly body: string;
  /** The headers the client adds (web: `SdkVersion: officejs`; http: `SdkVersion`, `CONTENT-TYPE`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The request flags (http: `?flags=` in the URL; web: the message's seventh field). */
  readonly flags: number;
  /** http only: the URL posted to. */
  readonly url?: string;
  /** web only: the whole string posted to Excel's frame (the XDM envelope, the body inside it as a JSON string). */
  readonly message?: string;
}

/** What the host answers: a response body (JSON text), or a refusal of the whole request as Office reports it. */
export type HostAnswer =
  | { readonly kind: "response"; readonly body: string }
  | { readonly kind: "refused"; readonly code: RefusalCode; readonly message: string };

/** Refusals of a whole request that Excel's transport reports (web: OSF error codes 5103, 5104, 5102). */
export type RefusalCode = "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded" | "ActivityLimitReached";

/** Sizes of what travelled back, for the capture. */
export interface AnswerSizes {
  /** web only: the XDM response message posted back to the add-in's frame. */
  readonly messageBytes?: number;
}

export type RequestHandler = (request: OutgoingRequest) => Promise<HostAnswer>;

/** The loaded script. */
export interface OfficeClientScript {
  /** Path inside node_modules. */
  readonly file: string;
  /** `@microsoft/office-js`'s version (package.json). */
  readonly packageVersion: string;
  /** The Excel host script's own build, as it reports it in its telemetry (`hostJSVersion`). */
  readonly hostJsVersion: string | null;
  readonly bytes: number;
}

/** What the tests use of the client's OfficeExtension namespace (not in @types/office-js). */
interface OfficeExtensionInternals {
  readonly HttpUtility: { setCustomSendRequestFunc(func: (request: unknown) => Promise<unknown>): void };
  readonly CoreUtility: { _getRequestBodyText(request: unknown): string };
}

export interface OfficeClient {
  /** The real client's Excel namespace: `Excel.run`, `Excel.RequestContext`… */
  readonly Excel: typeof Excel;
  /** The real client's OfficeExtension namespace (`OfficeExtension.Error`…). */
  readonly OfficeExtension: typeof OfficeExtension;
  readonly script: OfficeClientScript;
  readonly transport: Transport;
  /** Evaluates code in the client's global scope (for inspection). */
  evaluate(code: string): unknown;
}

export interface OfficeClientOptions {
  readonly transport?: Transport;
  /** Load `excel-web-16.00.debug.js` (readable, same behaviour) instead of the minified script office.js loads. */
  readonly debugScript?: boolean;
  /** Where the client's console output goes (silent by default). */
  readonly log?: (...args: unknown[]) => void;
  /** Called once a request is answered, with the sizes of what went back (web: the XDM response message). */
  readonly onAnswered?: (request: OutgoingRequest, sizes: AnswerSizes) => void;
}

/** The add-in's frame and the Excel frame, as the stubs name them. */
const ADDIN_URL = "https://localhost:3000/taskpane.html";
const EXCEL_ORIGIN = "https://excel.officeapps.live.com";
/** http transport: the URL the request contexts post to (any URL that is not the local document's). */
export const HTTP_REQUEST_URL = "https://excel.invalid/_api";
const CONVERSATION_ID = "realClientHarness";
/** OSF's dispatch id of executeRichApiRequestAsync (OSF.DDA.MethodDispId.dispidExecuteRichApiRequestMethod). */
const DISPID_EXECUTE_RICH_API = 93;
/** OSF error codes a host returns for a refused rich API request (RichApiMessageUtility.OfficeJsErrorCode_*). */
const OSF_ERROR_CODES: Readonly<Record<RefusalCode, number>> = {
  RequestPayloadSizeLimitExceeded: 5103,
  ResponsePayloadSizeLimitExceeded: 5104,
  ActivityLimitReached: 5102,
};

const scripts = new Map<string, { code: vm.Script; script: OfficeClientScript }>();

function packageDirectory(): string {
  return dirname(require.resolve("@microsoft/office-js/package.json"));
}

/** Reads and compiles the host script once per process (each client runs it in its own context). */
function readScript(debug: boolean): { code: vm.Script; script: OfficeClientScript } {
  const name = debug ? "excel-web-16.00.debug.js" : "excel-web-16.00.js";
  const cached = scripts.get(name);
  if (cached !== undefined) return cached;
  const directory = packageDirectory();
  const source = readFileSync(join(directory, "dist", name), "utf8");
  const pkg: unknown = JSON.parse(readFileSync(join(directory, "package.json"), "utf8"));
  const version = typeof pkg === "object" && pkg !== null && "version" in pkg ? String(pkg.version) : "unknown";
  const hostJs = /hostJSVersion\s*=\s*"([^"]+)"/.exec(source);
  const file = `node_modules/@microsoft/office-js/dist/${name}`;
  const loaded = { code: new vm.Script(source, { filename: file }), script: { file, packageVersion: version, hostJsVersion: hostJs?.[1] ?? null, bytes: Buffer.byteLength(source) } };
  scripts.set(name, loaded);
  return loaded;
}

/** `document.createElement("a")`, as OSF uses it: an URL parser. */
function anchor(): Record<string, unknown> {
  let url: URL | null = null;
  const part = (get: (u: URL) => string) => ({ get: (): string => (url === null ? "" : get(url)), enumerable: true });
  const a: Record<string, unknown> = {};
  Object.defineProperties(a, {
    href: {
      get: (): string => url?.href ?? "",
      set: (value: string) => {
        url = new URL(value, ADDIN_URL);
      },
      enumerable: true,
    },
    protocol: part((u) => u.protocol),
    host: part((u) => u.host),
    hostname: part((u) => u.hostname),
    port: part((u) => u.port),
    pathname: part((u) => u.pathname),
    search: part((u) => u.search),
    hash: part((u) => u.hash),
  });
  return a;
}

/** An object or a function (the client's classes hold static members). */
const isRecord = (value: unknown): value is Record<string, unknown> => (typeof value === "object" && value !== null) || typeof value === "function";

function isExcelNamespace(value: unknown): value is typeof Excel {
  return isRecord(value) && typeof value.run === "function" && typeof value.RequestContext === "function";
}

function isOfficeExtension(value: unknown): value is typeof OfficeExtension & OfficeExtensionInternals {
  return (
    isRecord(value) &&
    isRecord(value.HttpUtility) &&
    typeof value.HttpUtility.setCustomSendRequestFunc === "function" &&
    isRecord(value.CoreUtility) &&
    typeof value.CoreUtility._getRequestBodyText === "function"
  );
}

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * Loads the real Excel client in a fresh vm context; every request it sends goes to `handle`.
 * Globals it needs: window (the context's global), document (getElementById, createElement("a")
 * as an URL parser), navigator.userAgent, location, setTimeout; setInterval is a no-op (OSF's
 * method-timeout sweep); add/removeEventListener keep the XDM `message` listener.
 */
export function loadOfficeClient(handle: RequestHandler, options: OfficeClientOptions = {}): OfficeClient {
  const transport = options.transport ?? "web";
  // A fault of the harness itself comes back to the client as an Office error (code HarnessError), never as a hang.
  const answerOf = async (request: OutgoingRequest): Promise<HostAnswer> => {
    try {
      return await handle(request);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { kind: "response", body: JSON.stringify({ Results: [], Error: { Code: "HarnessError", Message: message, HttpStatusCode: 500 } }) };
    }
  };
  const { code, script } = readScript(options.debugScript === true);
  const log = options.log ?? ((): void => undefined);
  const listeners: ((event: unknown) => void)[] = [];
  const sandbox: Record<string, unknown> = {
    console: { log, info: log, warn: log, error: log, debug: log, trace: log },
    setTimeout,
    clearTimeout,
    setInterval: (): number => 0,
    clearInterval: (): void => undefined,
    Promise,
    // The client's errors extend this Error: `error instanceof Error` holds in the tests' realm.
    Error,
    navigator: { userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36" },
    document: {
      getElementById: (): null => null,
      getElementsByTagName: (): unknown[] => [],
      createElement: (tag: string): Record<string, unknown> => (tag.toLowerCase() === "a" ? anchor() : {}),
      readyState: "complete",
      cookie: "",
      URL: ADDIN_URL,
    },
    location: { href: ADDIN_URL, protocol: "https:", host: "localhost:3000", hostname: "localhost", port: "3000", pathname: "/taskpane.html", search: "", hash: "", origin: "https://localhost:3000" },
    addEventListener: (type: string, listener: unknown): void => {
      if (type === "message" && typeof listener === "function") listeners.push((event) => listener(event));
    },
    removeEventListener: (): void => undefined,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.top = sandbox;
  sandbox.parent = sandbox;
  const context = vm.createContext(sandbox);
  code.runInContext(context);
  const evaluate = (code: string): unknown => vm.runInContext(code, context);

  const excel: unknown = evaluate("Excel");
  const extension: unknown = evaluate("OfficeExtension");
  if (!isExcelNamespace(excel)) throw new Error(`${script.file} did not define Excel`);
  if (!isOfficeExtension(extension)) throw new Error(`${script.file} did not define OfficeExtension.HttpUtility`);

  if (transport === "http") {
    // Every request context posts to this URL (not the local document): HttpRequestExecutor → HttpUtility.sendRequest.
    evaluate(`OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = { url: ${JSON.stringify(HTTP_REQUEST_URL)}, headers: {} };`);
    extension.HttpUtility.setCustomSendRequestFunc(async (request: unknown) => {
      if (!isRecord(request)) throw new Error("custom send request: no request");
      const headers = isRecord(request.headers) ? Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])) : {};
      const url = typeof request.url === "string" ? request.url : "";
      const flags = Number(/[?&]flags=(\d+)/.exec(url)?.[1] ?? NaN);
      const outgoing: OutgoingRequest = { transport, body: extension.CoreUtility._getRequestBodyText(request), headers, flags, url };
      const answer = await answerOf(outgoing);
      options.onAnswered?.(outgoing, {});
      if (answer.kind === "response") return { statusCode: 200, headers: {}, body: answer.body };
      return { statusCode: 400, headers: {}, body: JSON.stringify({ error: { code: answer.code, message: answer.message } }) };
    });
  } else {
    // The host frame: gets what XDM posts, answers through the client's own message listener.
    const hostWindow = {
      postMessage: (message: unknown): void => {
        if (typeof message !== "string") throw new Error("XDM posted a message that is not a string");
        // A fault here would leave the client waiting for an answer forever: say it loudly.
        answerXdm(message).catch((error: unknown) => console.error("realExcel harness: the XDM answer failed", error));
      },
    };
    const answerXdm = async (message: string): Promise<void> => {
      const envelope: unknown = JSON.parse(message);
      if (!isRecord(envelope) || !isRecord(envelope._data)) throw new Error("XDM message without data");
      const data = envelope._data;
      const method = isRecord(data.DdaMethod) ? data.DdaMethod.DispatchId : undefined;
      const safeArray = data.ArrayData;
      if (envelope._actionName !== "executeMethod" || method !== DISPID_EXECUTE_RICH_API || !Array.isArray(safeArray)) {
        throw new Error(`the harness only answers executeRichApiRequestAsync, not ${String(envelope._actionName)} ${String(method)}`);
      }
      // [customData, method, path, headers (name, value, …), body, appPermission, requestFlags, …] (RichApiMessageUtility.buildRequestMessageSafeArray)
      const headerList: unknown = safeArray[3];
      const headers: Record<string, string> = {};
      if (Array.isArray(headerList)) for (let i = 0; i + 1 < headerList.length; i += 2) headers[String(headerList[i])] = String(headerList[i + 1]);
      const request: OutgoingRequest = { transport, body: String(safeArray[4]), headers, flags: Number(safeArray[6]), message };
      const answer = await answerOf(request);
      const payload =
        answer.kind === "response"
          ? { Version: 1, Error: 0, Data: [200, [], answer.body] }
          : { Version: 1, Error: OSF_ERROR_CODES[answer.code], Data: null };
      sandbox.__harnessResponse = payload;
      sandbox.__harnessCorrelationId = envelope._correlationId;
      const response: unknown = evaluate(
        `Microsoft.Office.Common.MessagePackager.envelope(new Microsoft.Office.Common.Response("executeMethod", ${JSON.stringify(CONVERSATION_ID)}, __harnessCorrelationId, Microsoft.Office.Common.InvokeResultCode.noError, Microsoft.Office.Common.ResponseType.forCalling, __harnessResponse), OSF.SerializerVersion.Browser)`,
      );
      if (typeof response !== "string") throw new Error("XDM response is not a string");
      options.onAnswered?.(request, { messageBytes: utf8(response) });
      for (const listener of listeners) listener({ data: response, origin: EXCEL_ORIGIN, source: hostWindow });
    };
    sandbox.__harnessHostWindow = hostWindow;
    // What office.js and the host's handshake would have set up: the host facade (OSF's WAC
    // delegates), the XDM endpoint to the Excel frame, and executeRichApiRequestAsync on OSF.DDA.RichApi.
    evaluate(`
      (function () {
        var endPoint = Microsoft.Office.Common.XdmCommunicationManager.connect(${JSON.stringify(CONVERSATION_ID)}, __harnessHostWindow, ${JSON.stringify(EXCEL_ORIGIN)});
        var facade = new OSF.DDA.DispIdHost.Facade(OSF.DDA.WAC.getDelegateMethods, OSF.DDA.WAC.Delegate.ParameterMap);
        var context = { requirements: { isSetSupported: function (name) { return name !== "RedirectV1Api"; } } };
        OSF._OfficeAppFactory = OSF._OfficeAppFactory || {};
        OSF._OfficeAppFactory.getHostFacade = function () { return facade; };
        OSF._OfficeAppFactory.getId = function () { return "realClientHarness"; };
        OSF._OfficeAppFactory.getContext = function () { return context; };
        OSF._OfficeAppFactory.getInitializationHelper = function () { return { _webAppState: { clientEndPoint: endPoint } }; };
        OSF.DDA.DispIdHost.addAsyncMethods(OSF.DDA.RichApi, [OSF.DDA.AsyncMethodNames.ExecuteRichApiRequestAsync]);
      })();
    `);
    // OSF's error messages (office.js loads them for the host's locale): a refused request's error is built from them.
    new vm.Script(readFileSync(join(packageDirectory(), "dist", "en-us", "office_strings.js"), "utf8"), { filename: "office_strings.js" }).runInContext(context);
    evaluate("OSF.DDA.ErrorCodeManager.initializeErrorMessages(Strings.OfficeOM);");
  }

  return { Excel: excel, OfficeExtension: extension, script, transport, evaluate };
}
