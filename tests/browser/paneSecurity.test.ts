/**
 * The pane's defences, in Chromium inside the fake Excel host:
 * - HTML typed in the workbook (a title, a reference, a header) or in a pasted deliberation is
 *   shown as text by the Registre, Rapports and Importer tabs, never made into elements or run;
 * - the page's Content-Security-Policy holds while the pane loads and every tab and action runs
 *   (no violation at all), it is the one written in src/taskpane/taskpane.html, and it is in force
 *   (an inline script or an eval is refused).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ElementHandle, Page } from "puppeteer-core";
import { d } from "../helpers/dates";
import { metaPolicy, SOURCE_PAGE } from "../project/csp";
import { simplePdf } from "../fixtures/pdf/makePdfs";
import { describeInBrowser } from "./harness";
import { Workbook, click, demoWorkbook, download, seed, sheetValues, texts } from "./paneWorkbooks";

const ASOF = d("2026-11-29");
const IMG = '<img src=x onerror="window.__xss=1">';
const BOLD = "<b>gras</b>";
const SCRIPT = "<script>window.__xss=1</script>";
const TEAM2_TEXT = readFileSync(join(__dirname, "..", "fixtures", "deliberations", "deliberation-team2-2024.md"), "utf8");

/** Elements the data could have made: none may exist in the pane (the logo is the header's, outside <main>). */
async function elementsFromData(page: Page): Promise<number> {
  return page.$$eval("main img, main b, main script, main iframe, footer img", (nodes) => nodes.length);
}

async function xss(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

describeInBrowser("Volet : texte du classeur jamais interprété, CSP respectée, dans Chromium", (browser) => {
  test("des balises HTML dans le registre et dans une délibération sont affichées telles quelles, jamais interprétées", async () => {
    const workbook: Workbook = {
      Conventions: [
        ["Référence", "Intitulé", "Partenaire", "Date de notification", "Durée", BOLD],
        [BOLD, IMG, SCRIPT, 45292, 36, IMG],
        [IMG, SCRIPT, BOLD, 45292, 36, SCRIPT],
        [SCRIPT, BOLD, IMG, IMG, 36, BOLD],
      ],
    };
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(workbook, ASOF) });
    const { page } = pane;

    // Adoption: the unknown header is listed as it is written.
    await page.waitForSelector("#confirmer");
    expect((await page.$eval("#registre", (n) => n.textContent ?? "")).includes(`« ${BOLD} »`)).toBe(true);
    await click(page, "#confirmer");

    // The check: titles, references and a finding that quotes a date cell, all as text.
    await click(page, "#verifier");
    await page.waitForSelector("#registre-resultats .convention-title");
    expect((await texts(page, "#registre-resultats .convention-title")).sort()).toEqual([IMG, SCRIPT, BOLD].sort());
    const results = await page.$eval("#registre-resultats", (n) => n.textContent ?? "");
    for (const reference of [BOLD, IMG, SCRIPT]) expect(results).toContain(reference);
    expect((await texts(page, "#registre-resultats .finding .message")).some((m) => m.includes(IMG))).toBe(true);

    // Rapports: the list of conventions, then a comité report whose sheet is named after a reference.
    await click(page, "#onglet-rapports");
    await page.waitForSelector("#rapports-formulaire:not([hidden])");
    expect(await texts(page, "#rapport-convention option")).toEqual(expect.arrayContaining([`${BOLD} — ${IMG}`, `${IMG} — ${SCRIPT}`, `${SCRIPT} — ${BOLD}`]));
    await page.select("#rapport-convention", SCRIPT);
    await click(page, "#rapport-comite");
    await page.waitForFunction(() => document.querySelector("#rapports-etat .status-text")?.textContent?.startsWith("Rapport de comité") === true);
    expect((await texts(page, "#rapports-etat .status-text"))[0]).toContain(`« ${SCRIPT} »`);

    // Importer: a deliberation carrying tags, then a reference typed with tags, added to the register.
    await click(page, "#onglet-importer");
    await page.waitForSelector("#deliberation-texte");
    const hostile = TEAM2_TEXT.replace("ET L'ASSOCIATION PÔLE TEAM<sup>2</sup>", `ET L'ASSOCIATION ${BOLD} ${IMG} ${SCRIPT}`);
    await page.$eval("#deliberation-texte", (node, text) => ((node as HTMLTextAreaElement).value = text), hostile);
    await click(page, "#analyser");
    await page.waitForSelector("#import-revue dl.extraction");
    const reference = `${IMG}-import`;
    await page.$eval("#import-convention-id", (n, value) => ((n as HTMLInputElement).value = value), reference);
    await page.$eval("#import-convention-title", (n, value) => ((n as HTMLInputElement).value = value), BOLD);
    await click(page, "#ajouter");
    await page.waitForSelector("#import-resultat .success");
    expect(await page.$eval("#import-resultat .success", (n) => n.textContent)).toContain(`« ${reference} »`);
    const added = (await sheetValues(page, "Conventions"))[4];
    expect(added.slice(0, 2)).toEqual([reference, BOLD]);

    // Nothing of it became an element, nothing ran.
    expect(await elementsFromData(page)).toBe(0);
    expect(await xss(page)).toBeUndefined();
    expect(pane.problems()).toEqual([]);
  });

  test("la CSP de la page : la même que la source, en vigueur, et aucune violation de tout le parcours du volet", async () => {
    const { workbook, cleanUp } = await demoWorkbook(ASOF);
    try {
      const pane = await browser.open("taskpane.html", { beforeLoad: seed(workbook, ASOF) });
      const { page } = pane;

      // The built page carries the policy written in the source, first in <head>.
      const built = await page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute("content")));
      expect(built).toEqual([metaPolicy(SOURCE_PAGE)[0].policy]);
      expect(await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute("http-equiv"))).toBe("Content-Security-Policy");

      // Registre: adopt, check, open a finding, export the deadlines.
      await click(page, "#confirmer");
      await click(page, "#verifier");
      await page.waitForSelector("#registre-resultats button.finding");
      await page.click("#registre-resultats button.finding");
      await click(page, "#exporter");
      await page.waitForSelector("#export-echeances a[download]");
      expect((await download(page, "#export-echeances a")).text.startsWith("BEGIN:VCALENDAR")).toBe(true);

      // Rapports: both reports.
      await click(page, "#onglet-rapports");
      await page.waitForSelector("#rapports-formulaire:not([hidden])");
      await click(page, "#rapport-annuel");
      await page.waitForFunction(() => document.querySelector("#rapports-etat .status-text")?.textContent?.startsWith("Rapport annuel") === true);
      await page.select("#rapport-convention", "TEAM2-2024");
      await click(page, "#rapport-comite");
      await page.waitForFunction(() => document.querySelector("#rapports-etat .status-text")?.textContent?.startsWith("Rapport de comité") === true);

      // Importer: read a PDF (pdf.js's chunk and its worker under the policy), then a deliberation
      // pasted (its row is the demo's TEAM2: refused, said in French).
      await click(page, "#onglet-importer");
      await page.waitForSelector("#deliberation-texte");
      const workers: string[] = [];
      page.on("workercreated", (worker) => workers.push(new URL(worker.url()).pathname));
      const dir = mkdtempSync(join(tmpdir(), "registre-csp-"));
      try {
        writeFileSync(join(dir, "deliberation.pdf"), simplePdf([["Séance du 3 février 2021", "Reçu en préfecture le 05/02/2021"]]));
        await ((await page.$("#import-pdf")) as ElementHandle<HTMLInputElement>).uploadFile(join(dir, "deliberation.pdf"));
        await page.waitForSelector("#import-revue dl.extraction");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(workers).toEqual(["/pdf.worker.js"]);
      await page.$eval("#deliberation-texte", (node, text) => ((node as HTMLTextAreaElement).value = text), TEAM2_TEXT);
      await click(page, "#analyser");
      await page.waitForSelector("#import-revue dl.extraction");
      await click(page, "#ajouter");
      await page.waitForSelector("#panneau-importer fluent-message-bar");

      // Fonctions: open every function's help, copy an example.
      await click(page, "#onglet-fonctions");
      await page.waitForSelector("#aide-fonctions details");
      await page.$$eval("#aide-fonctions details", (nodes) => nodes.forEach((n) => ((n as HTMLDetailsElement).open = true)));
      await page.click("#aide-fonctions button.copy");
      await click(page, "#onglet-registre");

      // Fluent's components drew themselves under the policy (constructed style sheets, no inline style).
      const styled = await page.$eval("#verifier", (button) => ({
        sheets: button.shadowRoot?.adoptedStyleSheets.length ?? 0,
        background: getComputedStyle(button).backgroundColor,
      }));
      expect(styled.sheets).toBeGreaterThan(0);
      expect(styled.background).not.toBe("rgba(0, 0, 0, 0)");
      expect(pane.cspViolations).toEqual([]);
      expect(pane.problems()).toEqual([]);

      // The policy is in force: an inline script, an inline handler and a string run as code
      // (a timer's, compiled in the page, not in the test's call) are refused, and reported.
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__inline = 1";
        document.body.append(script);
        const button = document.createElement("button");
        button.setAttribute("onclick", "window.__inline = 2");
        document.body.append(button);
        button.click();
        button.remove();
        (setTimeout as unknown as (code: string, delay: number) => number)("window.__inline = 3", 0);
      });
      await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 100)));
      expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline ?? null)).toBeNull();
      expect(pane.cspViolations).toEqual([
        expect.stringMatching(/^script-src-elem inline /),
        expect.stringMatching(/^script-src-attr inline /),
        expect.stringMatching(/^script-src eval /),
      ]);
    } finally {
      cleanUp();
    }
  });
});
