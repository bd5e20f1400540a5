/**
 * The fake Office host of the browser tests, bundled into build-test/fake-office.js and served in
 * place of office.js: the globals Office, Excel and CustomFunctions as Excel defines them, over
 * the in-memory workbook of fakeExcel.ts. The test seeds the workbook before the page's scripts
 * run (window.__FAKE_WORKBOOK__, a JSON-able { sheet: rows }) and reads it back through
 * window.__fakeExcel (values, what was written, requests).
 *
 * Office.js being present, src/runtime/outsideOffice.ts does not stand in for CustomFunctions:
 * the host defines it, or functions.js throws when it registers the CONV functions.
 */
import { CellValue } from "../../../src/core/cells/sheetGrid";
import { CustomFunctionImplementation, FakeCustomFunctions, FakeExcelHost } from "./fakeExcel";

interface HostInfo {
  readonly host: string;
  readonly platform: string;
}

interface FakeWindow {
  __FAKE_WORKBOOK__?: Record<string, CellValue[][]>;
  /** Sheets to protect, as a user would. */
  __FAKE_PROTECTED__?: string[];
  /** Excel's display language (Office.context.displayLanguage); fr-FR when absent. */
  __FAKE_DISPLAY_LANGUAGE__?: string;
  __fakeExcel?: FakeExcelHost;
  /** Actions the ribbon's buttons name (Office.actions.associate). */
  __ribbonActions?: Record<string, (event?: { completed(): void }) => unknown>;
  /** The Excel this host plays (see FakeOfficeOptions), set by the test before the page's scripts. */
  __FAKE_OFFICE__?: FakeOfficeOptions;
  /** How many times Office.addin.showAsTaskpane was called. */
  __taskpaneShown?: number;
}

/** Which Excel the fake is: what Office.context says of it. */
interface FakeOfficeOptions {
  /** Office.context.platform ("OfficeOnline" by default; "Mac", "PC", "iOS"…). */
  readonly platform?: string;
  /** Office.context.displayLanguage ("fr-FR" by default). */
  readonly displayLanguage?: string;
  /** Office.context.diagnostics.version. */
  readonly version?: string;
  /** Highest version of a requirement set this Excel has, replacing the default (DEFAULT_SETS); "" for none. */
  readonly sets?: Readonly<Record<string, string>>;
  /** false: Excel did not load the functions' metadata (every CONV name is #NAME?). */
  readonly functionsMetadata?: boolean;
}

/** An up-to-date Excel's requirement sets (learn.microsoft.com, requirement-sets pages, 2025). */
const DEFAULT_SETS: Readonly<Record<string, string>> = { ExcelApi: "1.20", CustomFunctionsRuntime: "1.5", SharedRuntime: "1.2", AddinCommands: "1.1", DialogApi: "1.2" };

/** Office.context.requirements.isSetSupported: the set is there at that version or a newer one. */
function isSetSupported(sets: Readonly<Record<string, string>>, name: string, minVersion = "1.1"): boolean {
  const have = sets[name];
  if (have === undefined || have === "") return false;
  const a = have.split(".").map(Number);
  const b = minVersion.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

const scope = globalThis as unknown as FakeWindow & Record<string, unknown>;
const host = new FakeExcelHost(scope.__FAKE_WORKBOOK__ ?? { Feuil1: [] });
for (const name of scope.__FAKE_PROTECTED__ ?? []) {
  const sheet = host.sheet(name);
  if (sheet !== undefined) sheet.protected = true;
}
// Excel on the web, as the platform below says: responses above 5 MB are refused.
host.responseLimitBytes = 5_000_000;
host.requestLimitBytes = 5_000_000;
const options = scope.__FAKE_OFFICE__ ?? {};
host.displayLanguage = options.displayLanguage ?? scope.__FAKE_DISPLAY_LANGUAGE__ ?? host.displayLanguage;
scope.__fakeExcel = host;
scope.__ribbonActions = {};

const sets = { ...DEFAULT_SETS, ...options.sets };
const info: HostInfo = { host: "Excel", platform: options.platform ?? "OfficeOnline" };
scope.__taskpaneShown = 0;

scope.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  context: {
    platform: info.platform,
    displayLanguage: host.displayLanguage,
    diagnostics: { host: "Excel", platform: info.platform, version: options.version ?? "16.0 (hôte simulé des tests)" },
    requirements: { isSetSupported: (name: string, minVersion?: string): boolean => isSetSupported(sets, name, minVersion) },
  },
  onReady(callback?: (info: HostInfo) => void): Promise<HostInfo> {
    return functionsLoaded.then(() => {
      callback?.(info);
      return info;
    });
  },
  actions: {
    associate(name: string, action: (event?: { completed(): void }) => unknown): void {
      if (scope.__ribbonActions !== undefined) scope.__ribbonActions[name] = action;
    },
  },
  addin: {
    showAsTaskpane(): Promise<void> {
      scope.__taskpaneShown = (scope.__taskpaneShown ?? 0) + 1;
      return Promise.resolve();
    },
  },
};

scope.Excel = { run: host.run };

scope.CustomFunctions = {
  associate(id: string, implementation: CustomFunctionImplementation): void {
    registered.set(id, implementation);
    host.customFunctions?.implementations.set(id, implementation);
  },
  Error: class extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};

/**
 * The functions' metadata, loaded as Excel loads it: the manifest served with the site names the
 * file for each display language (its bt:Override locales, else its default), and the namespace.
 * The fake computes a CONV formula by those names with the implementations functions.js registers
 * (fakeExcel.ts, FakeCustomFunctions). Office.onReady waits for it.
 */
async function loadFunctions(displayLanguage: string): Promise<FakeCustomFunctions> {
  const manifest = new DOMParser().parseFromString(await (await fetch("manifest.xml")).text(), "application/xml");
  const namespace = [...manifest.getElementsByTagName("bt:String")].find((n) => n.getAttribute("id") === "Functions.Namespace")?.getAttribute("DefaultValue") ?? "";
  const url = [...manifest.getElementsByTagName("bt:Url")].find((n) => n.getAttribute("id") === "Functions.Metadata.Url");
  const override = [...(url?.getElementsByTagName("bt:Override") ?? [])].find((o) => o.getAttribute("Locale")?.toLowerCase() === displayLanguage.toLowerCase());
  const address = override?.getAttribute("Value") ?? url?.getAttribute("DefaultValue") ?? "";
  const metadata = (await (await fetch(address.slice(address.lastIndexOf("/") + 1))).json()) as { functions: { id: string; name: string }[] };
  return new FakeCustomFunctions(namespace, new Map(metadata.functions.map((f) => [`${namespace}.${f.name}`.toUpperCase(), f.id])));
}

const registered = new Map<string, CustomFunctionImplementation>();
const functionsLoaded: Promise<void> = (
  options.functionsMetadata === false ? Promise.resolve(new FakeCustomFunctions("CONV", new Map())) : loadFunctions(host.displayLanguage)
).then(
  (functions) => {
    for (const [id, implementation] of registered) functions.implementations.set(id, implementation);
    host.customFunctions = functions;
  },
  (error: unknown) => console.warn("Hôte simulé : métadonnées des fonctions non chargées, les formules CONV ne sont pas calculées.", error),
);
