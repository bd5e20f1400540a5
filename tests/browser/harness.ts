/**
 * The task pane in headless Chromium, for jest tests named tests/browser/*.test.ts.
 *
 * dist/ (the built add-in) is served over plain HTTP on 127.0.0.1; the page's office.js, which
 * comes from Microsoft's CDN in taskpane.html, is answered with a fake Office host
 * (build-test/fake-office.js by default, built from tests/browser/fakeOffice/host.ts); every other
 * request that leaves 127.0.0.1 is aborted and recorded. One Chromium per test file, launched in
 * beforeAll; each open() is a fresh browser context (no storage shared between pages).
 *
 *   describeInBrowser("Aide des fonctions", (browser) => {
 *     test("liste les fonctions", async () => {
 *       const pane = await browser.open("taskpane.html");
 *       await pane.page.waitForSelector("#aide-liste > li");
 *       expect(formatViolations(await runAxe(pane.page))).toEqual([]);
 *       expect(pane.problems()).toEqual([]);
 *       await saveScreenshot(pane.page, "aide-fonctions");
 *     });
 *   });
 *
 * Without Chromium (none found, or REGISTRE_NO_BROWSER=1), the tests are skipped with a warning;
 * with CI=true they fail instead. `npm run setup` installs Chromium (Debian's package).
 *
 * `npm test` builds dist/ and the fake host before the tests. To run only these with jest:
 *   npm run build && npm run build:fake-office && npm run test:one -- tests/browser
 * (rebuild after a change to src/ or to the fake host: the tests load the built files).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { Browser, BrowserContext, HTTPRequest, Page } from "puppeteer-core";
import { findChromium } from "./findChromium";
import { startStaticServer, StaticServer } from "./staticServer";

export const ROOT = join(__dirname, "..", "..");
/** The built add-in, served as the site's root (REGISTRE_SITE=folder serves another build, e.g. for two builds side by side). */
export const SITE = process.env.REGISTRE_SITE ?? join(ROOT, "dist");
/** The fake Office host the tests serve in place of office.js (npm run build:fake-office; REGISTRE_FAKE_HOST=file serves another build). */
export const DEFAULT_FAKE_HOST = process.env.REGISTRE_FAKE_HOST ?? join(ROOT, "build-test", "fake-office.js");
/** Where saveScreenshot writes; the PNGs there are committed (*.tmp.png are ignored by git). */
export const SCREENSHOTS = join(ROOT, "tests", "screenshots");
/** Office.js as taskpane.html loads it; the debug build and other versions of the CDN match too. */
export const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/[^?#]*\/office(\.debug)?\.js(\?.*)?$/;
/** About the width of a task pane in Excel (desktop ≈ 350 px, Excel on the web ≈ 400 px). */
export const TASK_PANE_VIEWPORT = { width: 380, height: 720, deviceScaleFactor: 1 } as const;

/** Prefix of the console line the page's securitypolicyviolation listener writes (see CSP_LISTENER). */
const CSP_PREFIX = "[CSP] ";
/**
 * Run before the page's own scripts: every Content-Security-Policy violation of the page (a
 * blocked script, style, image, eval…) becomes one console line. Chromium logs some violations
 * itself, not all (a caught eval probe is silent): the event sees them all.
 */
const CSP_LISTENER = `document.addEventListener("securitypolicyviolation", (e) => {
  console.error(${JSON.stringify(CSP_PREFIX)} + e.effectiveDirective + " " + (e.blockedURI || "(inline)") + " " + (e.sourceFile || "") + ":" + e.lineNumber + (e.sample ? " " + e.sample : ""));
});`;

const HOW_TO_GET_CHROMIUM = "npm run setup l'installe ; CHROMIUM_PATH=… en désigne un autre";
export const NO_CHROMIUM_MESSAGE = `Tests du volet dans Chromium ignorés : aucun Chromium trouvé (${HOW_TO_GET_CHROMIUM}).`;
export const NO_CHROMIUM_IN_CI_MESSAGE =
  `Aucun Chromium trouvé, et CI=true : les tests du volet dans Chromium ne peuvent pas être ignorés (${HOW_TO_GET_CHROMIUM}).`;

const LAUNCH_TIMEOUT_MS = 30_000;
/** Per wait in the page (selector, navigation): below jest's 60 s so a failure says what it waited for. */
const PAGE_TIMEOUT_MS = 15_000;

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  // No network here but 127.0.0.1: without these, Chromium keeps trying Google's services.
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--lang=fr-FR",
  "--font-render-hinting=none",
];

export interface OpenOptions {
  /**
   * The script served for office.js: a file path (default: the describe's fakeHost, itself
   * DEFAULT_FAKE_HOST by default), or null for an empty script (the page as opened outside Office).
   */
  readonly fakeHost?: string | null;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Script run in the page before its own (page.evaluateOnNewDocument), e.g. to seed the fake workbook. */
  readonly beforeLoad?: string;
  /** The test provokes uncaught errors on purpose: they are still recorded, but do not fail it. */
  readonly expectPageErrors?: boolean;
}

/** One page of the site in its own browser context, with what happened while it ran. */
export interface PaneSession {
  readonly page: Page;
  /** Requests that tried to leave 127.0.0.1 (aborted): "GET https://…". */
  readonly externalRequests: readonly string[];
  /** Uncaught exceptions and rejections of the page. They fail the test (see describeInBrowser). */
  readonly pageErrors: readonly string[];
  /** console.error calls, and Chromium's own errors (a resource that failed to load…). */
  readonly consoleErrors: readonly string[];
  /** Every console message, "type: text", to read when a test fails. */
  readonly consoleMessages: readonly string[];
  /** Requests to the local site that failed or answered ≥ 400: "404 http://127.0.0.1:…/x.js". */
  readonly failedRequests: readonly string[];
  /** Content-Security-Policy violations of the page: "directive blocked-URI source:line [sample]". */
  readonly cspViolations: readonly string[];
  /** All of the above in one list, [] for a clean page: expect(pane.problems()).toEqual([]). */
  problems(): string[];
  close(): Promise<void>;
}

export interface InBrowser {
  /** Opens a page of dist/ ("taskpane.html", "taskpane.html#fn-APPEAL_DEADLINE") and waits for its load event. */
  open(path: string, options?: OpenOptions): Promise<PaneSession>;
  /** The address of a file of dist/ on the local server. */
  url(path: string): string;
  /** The browser itself, for what open() does not cover. */
  browser(): Browser;
}

export interface DescribeInBrowserOptions {
  /** The fake Office host for every open() of this describe (default DEFAULT_FAKE_HOST). */
  readonly fakeHost?: string;
}

interface Running {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The pages open now, with whether their uncaught errors fail the test. */
  readonly sessions: Map<PaneSession, { readonly expectPageErrors: boolean }>;
}

function readFakeHost(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `Hôte Office simulé introuvable : ${path}. « npm test » le construit ; à la main : npm run build:fake-office.`,
    );
  }
  return readFileSync(path, "utf8");
}

function isLocal(url: URL, origin: URL): boolean {
  return url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:" || url.origin === origin.origin;
}

async function openSession(running: Running, path: string, options: OpenOptions, fakeHostDefault: string): Promise<PaneSession> {
  const fakeHostPath = options.fakeHost === undefined ? fakeHostDefault : options.fakeHost;
  const officeJs = fakeHostPath === null ? "" : readFakeHost(fakeHostPath);
  const origin = new URL(running.server.origin);

  const context: BrowserContext = await running.browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await page.setViewport({ ...TASK_PANE_VIEWPORT, ...options.viewport });

  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const consoleMessages: string[] = [];
  const failedRequests: string[] = [];
  const cspViolations: string[] = [];

  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    const address = request.url();
    if (OFFICE_JS.test(address)) {
      void request.respond({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeJs });
      return;
    }
    let url: URL | null = null;
    try {
      url = new URL(address);
    } catch {
      // Not an address: treated as leaving the machine.
    }
    if (url !== null && isLocal(url, origin)) {
      void request.continue();
      return;
    }
    externalRequests.push(`${request.method()} ${address}`);
    void request.abort("blockedbyclient");
  });
  page.on("pageerror", (error: unknown) => {
    pageErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
  page.on("console", (message) => {
    const where = message.location();
    const text = `${message.text()}${where.url !== undefined ? ` (${where.url}:${where.lineNumber ?? 0})` : ""}`;
    consoleMessages.push(`${message.type()}: ${text}`);
    if (message.text().startsWith(CSP_PREFIX)) cspViolations.push(message.text().slice(CSP_PREFIX.length));
    else if (message.type() === "error") consoleErrors.push(text);
  });
  page.on("requestfailed", (request) => {
    const address = request.url();
    if (OFFICE_JS.test(address) || externalRequests.includes(`${request.method()} ${address}`)) return;
    failedRequests.push(`${request.failure()?.errorText ?? "échec"} ${address}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
  await page.evaluateOnNewDocument(CSP_LISTENER);
  if (options.beforeLoad !== undefined) await page.evaluateOnNewDocument(options.beforeLoad);

  const session: PaneSession = {
    page,
    externalRequests,
    pageErrors,
    consoleErrors,
    consoleMessages,
    failedRequests,
    cspViolations,
    problems: () => [
      ...cspViolations.map((v) => `violation de la CSP : ${v}`),
      ...pageErrors.map((e) => `erreur de la page : ${e}`),
      ...consoleErrors.map((e) => `console.error : ${e}`),
      ...externalRequests.map((r) => `requête vers l'extérieur : ${r}`),
      ...failedRequests.map((r) => `requête en échec : ${r}`),
    ],
    close: async () => {
      running.sessions.delete(session);
      await context.close().catch(() => undefined);
    },
  };
  running.sessions.set(session, { expectPageErrors: options.expectPageErrors === true });
  await page.goto(running.server.url(path), { waitUntil: "load" });
  return session;
}

async function launch(executablePath: string): Promise<Running> {
  const page = join(SITE, "taskpane.html");
  if (!existsSync(page)) throw new Error(`${page} absent : « npm test » construit le complément ; à la main : npm run build.`);
  const server = await startStaticServer(SITE);
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: LAUNCH_TIMEOUT_MS,
    });
    return { browser, server, sessions: new Map() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A jest describe whose tests get a Chromium and the site: `fn` receives the InBrowser handle
 * (usable inside tests and hooks, not while the describe is being collected).
 * No Chromium: skipped with a console warning, or a failing test when CI=true.
 * After each test, an uncaught error in any page it opened fails it.
 */
export function describeInBrowser(name: string, fn: (browser: InBrowser) => void, options: DescribeInBrowserOptions = {}): void {
  const executablePath = findChromium();
  if (executablePath === null) {
    if (process.env.CI === "true") {
      describe(name, () => {
        test("Chromium est installé (CI=true : obligatoire)", () => {
          throw new Error(NO_CHROMIUM_IN_CI_MESSAGE);
        });
      });
      return;
    }
    console.warn(`${NO_CHROMIUM_MESSAGE} — « ${name} »`);
    describe.skip(name, () => fn(unavailable));
    return;
  }

  let running: Running | null = null;
  const current = (): Running => {
    if (running === null) throw new Error("Le navigateur n'est pas lancé : n'utiliser le volet que dans un test ou un hook.");
    return running;
  };
  const fakeHost = options.fakeHost ?? DEFAULT_FAKE_HOST;
  const handle: InBrowser = {
    open: (path, openOptions = {}) => openSession(current(), path, openOptions, fakeHost),
    url: (path) => current().server.url(path),
    browser: () => current().browser,
  };

  describe(name, () => {
    beforeAll(async () => {
      running = await launch(executablePath);
    }, 2 * LAUNCH_TIMEOUT_MS);

    afterEach(async () => {
      if (running === null) return;
      const sessions = [...running.sessions];
      const errors = sessions.flatMap(([session, { expectPageErrors }]) => (expectPageErrors ? [] : session.pageErrors));
      await Promise.all(sessions.map(([session]) => session.close()));
      if (errors.length > 0) throw new Error(`Erreur(s) non rattrapée(s) dans la page :\n${errors.join("\n")}`);
    });

    afterAll(async () => {
      if (running === null) return;
      const { browser, server } = running;
      running = null;
      await browser.close().catch(() => undefined);
      await server.close();
    }, LAUNCH_TIMEOUT_MS);

    fn(handle);
  });
}

const unavailable: InBrowser = {
  open: () => Promise.reject(new Error(NO_CHROMIUM_MESSAGE)),
  url: () => {
    throw new Error(NO_CHROMIUM_MESSAGE);
  },
  browser: () => {
    throw new Error(NO_CHROMIUM_MESSAGE);
  },
};

/**
 * Saves a full-page PNG of the page as tests/screenshots/NAME.png (NAME: lower case, digits and
 * dashes) and returns its path. The file is rewritten only when the picture changed.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*(\.tmp)?$/.test(name)) throw new Error(`Nom de capture non valable : « ${name} » (a-z, 0-9, -).`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  // No blinking caret nor running transition in the picture. A constructed style sheet, as Fluent's
  // own: the page's CSP refuses an inline <style> (page.addStyleTag).
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, "*, *::before, *::after { caret-color: transparent !important; transition: none !important; animation: none !important; }");
  const png = Buffer.from(await page.screenshot({ fullPage: true, type: "png" }));
  if (!existsSync(file) || !readFileSync(file).equals(png)) writeFileSync(file, png);
  return file;
}
