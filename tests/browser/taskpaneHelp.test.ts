/**
 * The "Fonctions du registre" help as a person sees it: the built task pane in Chromium, inside a
 * fake Excel (build-test/fake-office.js). It lists the CONV functions of the French metadata,
 * passes axe, asks nothing of the network and throws nothing.
 */
import { FRENCH_FUNCTIONS } from "../../src/taskpane/functionHelp";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser, PaneSession, saveScreenshot } from "./harness";

/** The pane opened on its "Fonctions" tab, the help rendered. */
async function openHelp(pane: PaneSession): Promise<void> {
  await pane.page.waitForSelector("#aide-liste > li");
  await pane.page.click("#onglet-fonctions");
  await pane.page.waitForSelector("#panneau-fonctions:not([hidden]) #aide-recherche", { visible: true });
}

describeInBrowser("Volet : aide des fonctions, dans Chromium", (browser) => {
  test("liste les 11 fonctions CONV, sans défaut d'accessibilité ni requête extérieure", async () => {
    const pane = await browser.open("taskpane.html");
    const { page } = pane;
    await openHelp(pane);

    const names = await page.$$eval("#aide-liste .function-name", (nodes) => nodes.map((node) => node.textContent ?? ""));
    expect(FRENCH_FUNCTIONS.functions).toHaveLength(11);
    expect(names).toEqual(FRENCH_FUNCTIONS.functions.map((f) => `${FRENCH_FUNCTIONS.namespace}.${f.name}`));
    expect(await page.$eval("#aide-statut", (node) => node.textContent)).toBe("11 fonctions");

    // The fake host answered Office.onReady as Excel does.
    await page.waitForFunction(() => (document.getElementById("hote")?.textContent ?? "") !== "");
    expect(await page.$eval("#hote", (node) => node.textContent)).toContain("chargé dans Excel");

    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pane.problems()).toEqual([]);

    await saveScreenshot(page, "aide-fonctions");
  });

  test("une recherche filtre la liste et ouvre les fonctions trouvées, sans défaut d'accessibilité", async () => {
    const pane = await browser.open("taskpane.html");
    const { page } = pane;
    await openHelp(pane);
    await page.type("#aide-recherche", "recours");

    await page.waitForFunction(() => document.getElementById("aide-statut")?.textContent !== "11 fonctions");
    const shown = await page.$$eval("#aide-liste > li:not([hidden]) .function-name", (nodes) => nodes.map((node) => node.textContent ?? ""));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(11);
    expect(await page.$$eval("#aide-liste > li:not([hidden]) details[open]", (nodes) => nodes.length)).toBeGreaterThan(0);

    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pane.problems()).toEqual([]);
  });

  test("hors d'Office (office.js vide), la page reste l'aide et le dit", async () => {
    const pane = await browser.open("taskpane.html", { fakeHost: null });
    await openHelp(pane);
    expect(await pane.page.$eval("#hote", (node) => node.textContent)).toContain("hors d'Excel");
    expect(pane.pageErrors).toEqual([]);
    expect(pane.externalRequests).toEqual([]);
  });
});
