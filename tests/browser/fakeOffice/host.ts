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
import { FakeExcelHost } from "./fakeExcel";

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
host.displayLanguage = scope.__FAKE_DISPLAY_LANGUAGE__ ?? host.displayLanguage;
scope.__fakeExcel = host;
scope.__ribbonActions = {};

const info: HostInfo = { host: "Excel", platform: "OfficeOnline" };

scope.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  context: { platform: info.platform, displayLanguage: host.displayLanguage },
  onReady(callback?: (info: HostInfo) => void): Promise<HostInfo> {
    return Promise.resolve().then(() => {
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
      return Promise.resolve();
    },
  },
};

scope.Excel = { run: host.run };

scope.CustomFunctions = {
  associate(_id: string, _implementation: unknown): void {
    // The fake host computes no cells.
  },
  Error: class extends Error {},
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};
