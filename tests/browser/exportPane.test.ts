/**
 * "Exporter les échéances" on every host, in Chromium on the fake host: in Excel for Mac (the fake
 * says platform "Mac") no download link, whose click does nothing there (office-js #2700, #3385),
 * but the calendar's text, the same as `registre ics`, with "Copier"; on the web the link stays and
 * the same text is offered to copy. When the host refuses the clipboard, the text stays selected
 * for the user's Ctrl+C.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportCalendar } from "../../src/cli/exportCalendar";
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { InBrowser, PaneSession, describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, download, fakeOffice, seed, texts } from "./paneWorkbooks";

const ASOF = d("2026-11-29");

let demo: { workbook: Workbook; path: string; cleanUp: () => void };
let cliIcs = "";

beforeAll(async () => {
  demo = await demoWorkbook(ASOF);
  const dir = mkdtempSync(join(tmpdir(), "registre-ics-"));
  try {
    const output = join(dir, "echeances.ics");
    const done = await exportCalendar({ file: demo.path, output, asOf: ASOF, mappingFile: null, replace: true });
    if (!done.ok) throw new Error("registre ics");
    cliIcs = readFileSync(output, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(() => demo.cleanUp());

/** The pane with the demo register adopted and its deadlines exported. */
async function exported(browser: InBrowser, extra: string): Promise<PaneSession> {
  const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) + extra });
  await click(pane.page, "#confirmer");
  await click(pane.page, "#exporter");
  await pane.page.waitForSelector("#export-texte");
  return pane;
}

/**
 * The field's text. A text field's value ends its lines with LF whatever it was given (HTML,
 * "textarea wrapping transformation"); a text editor saves the pasted text with its own line ends,
 * which calendar applications read either way: the lines are what is compared.
 */
const fieldText = (pane: PaneSession): Promise<string> => pane.page.$eval("#export-texte", (n) => (n as HTMLTextAreaElement).value);
const lines = (text: string): string => text.replace(/\r\n/g, "\n");

describeInBrowser("Volet : exporter les échéances sur chaque Excel, dans Chromium", (browser) => {
  test("Excel pour Mac : pas de lien de téléchargement, le calendrier à copier, le même que registre ics", async () => {
    const pane = await exported(browser, fakeOffice({ platform: "Mac" }));
    const { page } = pane;
    expect(await page.$("#export-echeances a[download]")).toBeNull();
    expect(await page.$eval("#export-echeances details", (n) => (n as HTMLDetailsElement).open)).toBe(true);
    expect((await texts(page, "#export-echeances details .note"))[0]).toContain("Excel pour Mac");
    expect(await fieldText(pane)).toBe(lines(cliIcs));
    expect(cliIcs.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);

    await page.browserContext().overridePermissions(new URL(browser.url("")).origin, ["clipboard-read", "clipboard-write", "clipboard-sanitized-write"]);
    await click(page, "#copier-calendrier");
    await page.waitForSelector("#export-copie:not(:empty)");
    expect((await texts(page, "#export-copie"))[0]).toContain("Calendrier copié");
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(lines(clipboard)).toBe(lines(cliIcs));
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pane.problems()).toEqual([]);
    await saveScreenshot(page, "export-mac");
  });

  test("Excel sur le web : le lien de téléchargement reste, et le même calendrier se copie", async () => {
    const pane = await exported(browser, "");
    const { page } = pane;
    expect(await page.$eval("#export-echeances details", (n) => (n as HTMLDetailsElement).open)).toBe(false);
    const file = await download(page, "#export-echeances a[download]");
    expect(file.name).toBe("echeances.ics");
    expect(file.text).toBe(cliIcs);
    expect(await fieldText(pane)).toBe(lines(cliIcs));
    expect(pane.problems()).toEqual([]);
  });

  test("l'hôte refuse le presse-papiers (Office sur le web) : le texte reste sélectionné, Ctrl+C est proposé", async () => {
    // What Office on the web does to its frames (office-js #1991, #3480): both ways of copying refused.
    const refuse = `
      Document.prototype.execCommand = () => false;
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => ({
        writeText: () => Promise.reject(new DOMException("The Clipboard API has been blocked because of a permissions policy applied to the current document.", "NotAllowedError")),
      }) });`;
    const pane = await exported(browser, fakeOffice({ platform: "Mac" }) + refuse);
    const { page } = pane;
    await click(page, "#copier-calendrier");
    await page.waitForSelector("#export-copie:not(:empty)");
    expect((await texts(page, "#export-copie"))[0]).toContain("Ctrl+C");
    const selection = await page.$eval("#export-texte", (n) => {
      const field = n as HTMLTextAreaElement;
      return { start: field.selectionStart, end: field.selectionEnd, length: field.value.length, focused: document.activeElement === field };
    });
    expect(selection).toEqual({ start: 0, end: selection.length, length: selection.length, focused: true });
    expect(selection.length).toBeGreaterThan(100);
    expect(pane.problems()).toEqual([]);
  });
});
