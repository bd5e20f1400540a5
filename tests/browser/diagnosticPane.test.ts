/**
 * The "Diagnostic" tab in Chromium on the fake host: loaded only when opened; what the host says of
 * itself; the probes run in temporary sheets on the adopted demo register, every one as the add-in
 * needs it, the workbook identical afterwards (every cell, sheet, table, name, selection); the
 * report copied for the support. Then an Excel that fails: ExcelApi 1.8 only and the functions'
 * metadata not loaded — each said in French. What only a real Excel can prove is said in the README.
 */
import { Page } from "puppeteer-core";
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, fakeOffice, seed, texts } from "./paneWorkbooks";

const ASOF = d("2026-11-29");

let demo: { workbook: Workbook; cleanUp: () => void };

beforeAll(async () => {
  demo = await demoWorkbook(ASOF);
});

afterAll(() => demo.cleanUp());

/** Everything the fake workbook holds (cells with their formats, sheets, tables, names, selection), as text. */
function workbookState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = (window as unknown as { __fakeExcel: { sheets: Record<string, unknown>[]; names: unknown[]; activeSheet: unknown; selected: unknown; activeCells: Map<string, unknown> } }).__fakeExcel;
    const plain = (value: unknown): unknown => (value instanceof Map ? [...value].sort() : value);
    return JSON.stringify({
      sheets: host.sheets.map((sheet) => Object.fromEntries(Object.entries(sheet).map(([k, v]) => [k, plain(v)]))),
      names: host.names,
      activeSheet: host.activeSheet,
      selected: host.selected,
      activeCells: [...host.activeCells],
    });
  });
}

/** The scripts the page has loaded so far, by file name. */
function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.slice(e.name.lastIndexOf("/") + 1)).filter((n) => n.endsWith(".js")));
}

async function openDiagnostic(page: Page): Promise<void> {
  await click(page, "#onglet-diagnostic");
  await page.waitForSelector("#diagnostic-lancer");
}

async function runProbes(page: Page): Promise<{ ok: boolean; text: string }[]> {
  await click(page, "#diagnostic-lancer");
  await page.waitForSelector("#diagnostic-essais li");
  await page.waitForSelector("#diagnostic-lancer:not([disabled])");
  return page.$$eval("#diagnostic-essais li", (nodes) => nodes.map((n) => ({ ok: n.classList.contains("ok"), text: n.textContent ?? "" })));
}

describeInBrowser("Volet : le diagnostic, dans Chromium", (browser) => {
  test("un Excel à jour : chaque essai réussit, le classeur est identique avant et après, le rapport se copie", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    await click(page, "#confirmer");
    await page.waitForSelector("#verifier");
    // The tab's code comes with the tab, not with the pane.
    expect(await loadedScripts(page)).not.toContain("diagnostic.js");
    await openDiagnostic(page);
    expect(await loadedScripts(page)).toContain("diagnostic.js");

    const facts = await page.$$eval("#diagnostic dl.facts dd", (nodes) => nodes.map((n) => n.textContent));
    expect(facts).toEqual(["Excel", "Excel sur le web (OfficeOnline)", "16.0 (hôte simulé des tests)", "fr-FR", "français (CONV.DATE.FIN)"]);
    expect(await texts(page, "#diagnostic-ensembles li")).toEqual(["ExcelApi 1.9 : pris en charge", "CustomFunctionsRuntime 1.2 : pris en charge", "SharedRuntime 1.1 : pris en charge"]);

    const before = await workbookState(page);
    expect(before).toContain("RegistreConventions_Parametres");
    const probes = await runProbes(page);
    expect(probes.map((p) => p.ok)).toEqual([true, true, true, true, true, true]);
    expect(probes.map((p) => p.text)).toEqual([
      expect.stringMatching(/^OK Aller-retour avec Excel : \d+ ms pour une requête\.$/),
      "OK Un texte « =1+1 » écrit au format texte reste du texte.",
      "OK La formule =CONV.DATE.FIN(45488,36) donne le 14/07/2027 : les fonctions CONV sont chargées et calculent.",
      "OK Un tableau s'agrandit d'une ligne par « rows.add » (1 puis 2 lignes de données).",
      "OK Une feuille très masquée, comme celle des paramètres du complément, se réécrit en place, puis se supprime une fois masquée.",
      expect.stringMatching(/^OK Le classeur est tel qu'avant le diagnostic : \d+ feuilles, \d+ tableaux, 0 noms, feuille active « .+ »\.$/),
    ]);
    expect(await workbookState(page)).toBe(before);
    expect((await texts(page, "#diagnostic-etat"))[0]).toContain("tout fonctionne");

    const report = await page.$eval("#diagnostic-rapport", (n) => (n as HTMLTextAreaElement).value);
    expect(report.split("\n").slice(0, 2)).toEqual(["Registre des conventions — diagnostic du 29/11/2026", "Application : Excel"]);
    expect(report).toContain("- ExcelApi 1.9 : pris en charge");
    expect(report.match(/^- \[OK\] /gm)?.length).toBe(6);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "diagnostic");

    await page.browserContext().overridePermissions(new URL(browser.url("")).origin, ["clipboard-read", "clipboard-write", "clipboard-sanitized-write"]);
    await click(page, "#diagnostic-copier");
    await page.waitForSelector("#diagnostic-copie:not(:empty)");
    expect((await texts(page, "#diagnostic-copie"))[0]).toContain("Rapport copié");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
    expect(pane.problems()).toEqual([]);
  });

  test("un Excel en anglais (en-GB) : la fonction sous son nom anglais", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed({ Sheet1: [["x"]] }, ASOF) + fakeOffice({ displayLanguage: "en-GB" }) });
    const { page } = pane;
    await openDiagnostic(page);
    expect((await texts(page, "#diagnostic dl.facts dd"))[4]).toBe("anglais (CONV.END_DATE)");
    const probes = await runProbes(page);
    expect(probes[2]).toEqual({ ok: true, text: "OK La formule =CONV.END_DATE(45488,36) donne le 14/07/2027 : les fonctions CONV sont chargées et calculent." });
    expect(probes.every((p) => p.ok)).toBe(true);
    expect(pane.problems()).toEqual([]);
  });

  test("un Excel trop ancien dont les fonctions ne sont pas chargées : chaque problème dit en français, rien de changé", async () => {
    const pane = await browser.open("taskpane.html", {
      beforeLoad: seed(demo.workbook, ASOF) + fakeOffice({ platform: "Mac", version: "16.23", sets: { ExcelApi: "1.8" }, functionsMetadata: false }),
    });
    const { page } = pane;
    await page.waitForSelector("#excel-trop-ancien");
    await openDiagnostic(page);
    expect(await texts(page, "#diagnostic-ensembles li.missing")).toEqual(["ExcelApi 1.9 : NON pris en charge"]);
    const before = await workbookState(page);
    const probes = await runProbes(page);
    expect(probes.map((p) => p.ok)).toEqual([true, true, false, true, true, true]);
    expect(probes[2].text).toBe(
      "ÉCHEC La formule =CONV.DATE.FIN(45488,36) donne #NAME? : Excel ne connaît pas les fonctions CONV sous ce nom. " +
        "Vérifiez que le complément est chargé (Insertion › Compléments › Mes compléments), puis relancez le diagnostic.",
    );
    expect(await workbookState(page)).toBe(before);
    expect((await texts(page, "#diagnostic-etat"))[0]).toBe("Essais terminés : 1 problème (détail ci-dessous).");
    const report = await page.$eval("#diagnostic-rapport", (n) => (n as HTMLTextAreaElement).value);
    expect(report).toContain("Plateforme : Mac\n");
    expect(report).toContain("Version : 16.23");
    expect(report).toContain("- ExcelApi 1.9 : NON pris en charge");
    expect(report).toContain("- [ÉCHEC] La formule =CONV.DATE.FIN(45488,36) donne #NAME?");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "diagnostic-echec");
    expect(pane.problems()).toEqual([]);
  });
});
