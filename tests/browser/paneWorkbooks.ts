/**
 * What the pane's browser tests share: the fake workbook seeded and the page's clock fixed before
 * the page's scripts run, the fake workbook read back, the demo register as a fake workbook.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page } from "puppeteer-core";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { CellValue } from "../../src/core/cells/sheetGrid";

export type Workbook = Record<string, CellValue[][]>;

/**
 * The script run before the page's own (open's `beforeLoad`): the fake workbook, its protected
 * sheets, and the page's clock at noon of `today` in the page's own time zone (the same date in
 * every zone the tests run in).
 */
export function seed(workbook: Workbook, today: CalendarDate, protectedSheets: readonly string[] = []): string {
  return `
    window.__FAKE_WORKBOOK__ = ${JSON.stringify(workbook)};
    window.__FAKE_PROTECTED__ = ${JSON.stringify(protectedSheets)};
    (() => {
      const RealDate = Date;
      const fixed = new RealDate(${today.year}, ${today.month - 1}, ${today.day}, 12).getTime();
      // Date itself, only its "now" fixed: the same prototype, so that a library that copies
      // Date.prototype's methods (@date-fns/utc's UTCDate) still finds them all.
      function FixedDate(...args) {
        if (new.target === undefined) return new RealDate(fixed).toString();
        return Reflect.construct(RealDate, args.length === 0 ? [fixed] : args, new.target);
      }
      Object.setPrototypeOf(FixedDate, RealDate);
      FixedDate.prototype = RealDate.prototype;
      FixedDate.now = () => fixed;
      window.Date = FixedDate;
    })();
  `;
}

/** A sheet of the fake workbook, as it stands. */
export async function sheetValues(page: Page, sheet: string): Promise<CellValue[][]> {
  return page.evaluate((name) => (window as unknown as { __fakeExcel: { values(n: string): CellValue[][] } }).__fakeExcel.values(name), sheet);
}

/** Clicks a control once it is enabled (the pane disables its controls during an action). */
export async function click(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(`${selector}:not([disabled])`);
  await page.click(selector);
}

/** The demo register (`registre demo` at asOf), written and read back as a fake workbook, and its file. */
export async function demoWorkbook(asOf: CalendarDate): Promise<{ workbook: Workbook; path: string; cleanUp: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "registre-volet-"));
  const path = join(dir, "registre-demo.xlsx");
  await writeDemoWorkbook(path, asOf);
  const opened = await XlsxWorkbook.open(path);
  if (!opened.ok) throw new Error("demo workbook");
  const workbook: Workbook = {};
  for (const grid of await opened.workbook.readAllSheets()) workbook[grid.name] = grid.values.map((row) => [...row]);
  return { workbook, path, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The text of every element a selector finds. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent ?? ""));
}

/**
 * Clicks a download link as a person would and returns the file Chromium saved: its suggested name
 * and its text. (The page's CSP lets no script of the page fetch the link's blob: itself.)
 */
export async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), "registre-telechargement-"));
  const session = await page.createCDPSession();
  try {
    await session.send("Browser.setDownloadBehavior", { behavior: "allowAndName", downloadPath: dir, eventsEnabled: true, browserContextId: page.browserContext().id });
    const started = new Promise<{ guid: string; suggestedFilename: string }>((resolve) => session.once("Browser.downloadWillBegin", resolve));
    const done = new Promise<void>((resolve, reject) =>
      session.on("Browser.downloadProgress", (event: { state: string }) => {
        if (event.state === "completed") resolve();
        if (event.state === "canceled") reject(new Error(`téléchargement annulé : ${selector}`));
      }),
    );
    await page.click(selector);
    const { guid, suggestedFilename } = await started;
    await done;
    return { name: suggestedFilename, text: readFileSync(join(dir, guid), "utf8") };
  } finally {
    await session.detach().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The script that makes the fake host another Excel (added to `seed`'s): its platform, display
 * language, version, requirement sets (see FakeOfficeOptions in fakeOffice/host.ts).
 */
export function fakeOffice(options: { platform?: string; displayLanguage?: string; version?: string; sets?: Record<string, string>; functionsMetadata?: boolean }): string {
  return `window.__FAKE_OFFICE__ = ${JSON.stringify(options)};`;
}
