/**
 * The "Registre" tab as a person uses it, in Chromium, inside the fake Excel host: adopt the demo
 * register, confirm the mapping, check it and see the same findings as `registre verifier`; set up
 * a new register in a blank workbook; a protected sheet said in French; workbook text shown as
 * text. Screenshots of each screen go to tests/screenshots/.
 */
import { verifyWorkbook } from "../../src/cli/verifyWorkbook";
import { ALERTS_SHEET, SETTINGS_SHEET } from "../../src/plans/ownedSheets";
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, seed, sheetValues, texts } from "./paneWorkbooks";

const ASOF = d("2026-11-29");

let demo: { workbook: Workbook; path: string; cleanUp: () => void };

beforeAll(async () => {
  demo = await demoWorkbook(ASOF);
});

afterAll(() => demo.cleanUp());

describeInBrowser("Volet : le registre, dans Chromium", (browser) => {
  test("adopter le registre de démonstration, le vérifier : les mêmes constats que registre verifier, aucune saisie changée", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    await page.waitForSelector("#confirmer");
    const fields = await page.$$eval("#registre select", (nodes) => nodes.length);
    expect(fields).toBeGreaterThan(10);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "registre-adoption");

    await click(page, "#confirmer");
    await page.waitForSelector("#verifier");
    expect(await texts(page, "#registre .summary")).toEqual(["14 conventions dans la feuille « Conventions »."]);
    await click(page, "#verifier");
    await page.waitForSelector("#registre-resultats .finding");

    // The same findings as the command line, at the same date.
    const cli = await verifyWorkbook({ file: demo.path, asOf: ASOF, mappingFile: null });
    if (!cli.ok) throw new Error("verifier");
    const expected = cli.json.alerts.map((alert) => alert.message);
    const shown = await texts(page, "#registre-resultats .finding .message");
    expect([...shown].sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThan(20);

    // Nothing the user typed has changed: every original cell reads the same.
    for (const [sheet, rows] of Object.entries(demo.workbook)) {
      const after = await sheetValues(page, sheet);
      rows.forEach((row, r) => row.forEach((value, c) => expect([sheet, r, c, after[r]?.[c] ?? null]).toEqual([sheet, r, c, value])));
    }
    const alerts = await sheetValues(page, ALERTS_SHEET);
    expect(alerts.length - 5).toBe(expected.length);
    expect(await page.evaluate((name) => (window as unknown as { __fakeExcel: { sheet(n: string): { visibility: string } } }).__fakeExcel.sheet(name).visibility, SETTINGS_SHEET)).toBe(
      "VeryHidden",
    );

    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pane.problems()).toEqual([]);
    await saveScreenshot(page, "registre-alertes");

    // A finding is a button that selects its row in the workbook.
    await page.click("#registre-resultats button.finding");
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selected: string | null } }).__fakeExcel.selected !== null);
  });

  test("un classeur vide : le registre est créé (quatre tableaux, exemple TEAM²) puis adopté", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed({ Feuil1: [] }, ASOF) });
    const { page } = pane;
    await page.waitForSelector("#creer");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "registre-nouveau");
    // The ribbon's buttons find their actions in the pane's page (shared runtime).
    const actions = await page.evaluate(() => Object.keys((window as unknown as { __ribbonActions: Record<string, unknown> }).__ribbonActions).sort());
    expect(actions).toEqual(["checkRegister", "showRegisterPane"]);
    await click(page, "#creer");
    await page.waitForSelector("#verifier");
    expect(await texts(page, "#registre .summary")).toEqual(["1 convention dans la feuille « Conventions »."]);
    const conventions = await sheetValues(page, "Conventions");
    expect(conventions[0][0]).toBe("Référence");
    expect(conventions[1][0]).toBe("TEAM2-2024");
    expect(pane.problems()).toEqual([]);
  });

  test("une feuille protégée : un message en français, et rien d'écrit", async () => {
    const workbook: Workbook = {
      Suivi: [
        ["Référence", "Intitulé", "Date de notification", "Durée"],
        ["C1", "<img src=x onerror=\"window.__xss = 1\">", 45488, 36],
      ],
    };
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(workbook, ASOF, ["Suivi"]) });
    const { page } = pane;
    await page.waitForSelector("#confirmer");
    await click(page, "#confirmer");
    await click(page, "#verifier");
    await page.waitForSelector("fluent-message-bar");
    const message = await texts(page, "fluent-message-bar");
    expect(message[0]).toContain("La feuille « Suivi » est protégée");
    expect(await sheetValues(page, "Suivi")).toEqual(workbook.Suivi);
    expect(await page.evaluate(() => (window as unknown as { __fakeExcel: { sheet(n: string): unknown } }).__fakeExcel.sheet("Alertes") === undefined)).toBe(true);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "registre-erreur");
  });

  test("le texte du classeur reste du texte : une balise HTML dans un intitulé n'est jamais interprétée", async () => {
    const title = "<img src=x onerror=\"window.__xss = 1\">";
    const workbook: Workbook = {
      Conventions: [
        ["Référence", "Intitulé", "Date de notification", "Durée"],
        ["C1", title, 45292, 36],
      ],
    };
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(workbook, ASOF) });
    const { page } = pane;
    await click(page, "#confirmer");
    await click(page, "#verifier");
    await page.waitForSelector("#registre-resultats .convention-title");
    expect(await texts(page, "#registre-resultats .convention-title")).toEqual([title]);
    expect(await page.$$eval("#registre img", (nodes) => nodes.length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test("au clavier : revoir la correspondance, corriger une colonne, vérifier, ouvrir une alerte avec Entrée", async () => {
    const workbook: Workbook = {
      Suivi: [
        ["N° convention", "Objet", "Signée le", "Durée (ans)", "Remarques"],
        ["C1", "Réseau des jardins", 45292, 3, "relancer le partenaire"],
      ],
    };
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(workbook, ASOF) });
    const { page } = pane;
    await page.waitForSelector("#confirmer");
    // "Remarques" was read as the observations: the user says it is not.
    await page.focus("#colonne-conventions-4");
    await page.select("#colonne-conventions-4", "");
    await page.waitForFunction(() => (document.getElementById("colonne-conventions-4") as HTMLSelectElement | null)?.value === "");
    await page.focus("#confirmer");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#verifier");
    await click(page, "#revoir");
    await page.waitForSelector("#colonne-conventions-4");
    expect(await page.$eval("#colonne-conventions-4", (n) => (n as HTMLSelectElement).value)).toBe("");
    expect(await page.$eval("#colonne-conventions-2", (n) => (n as HTMLSelectElement).value)).toBe("start");
    await page.focus("#confirmer");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#verifier:not([disabled])");
    await page.focus("#verifier");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#registre-resultats button.finding");
    await page.focus("#registre-resultats button.finding");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selected: string | null } }).__fakeExcel.selected !== null);
    expect(await page.evaluate(() => (window as unknown as { __fakeExcel: { selected: string | null } }).__fakeExcel.selected)).toMatch(/^Suivi!/);
    expect(pane.problems()).toEqual([]);
  });
});
