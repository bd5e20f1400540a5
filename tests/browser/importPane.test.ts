/**
 * The "Importer" tab and "Exporter les échéances", in Chromium inside the fake Excel host: the
 * TEAM2 deliberation pasted, read, corrected (its reference is taken) and appended below the demo
 * register's tables without touching a typed cell; the deadlines exported as an iCalendar file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFields } from "../../src/core/register/registerSchema";
import { CellValue } from "../../src/core/cells/sheetGrid";
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, download, seed, sheetValues } from "./paneWorkbooks";

const TEAM2_TEXT = readFileSync(join(__dirname, "..", "fixtures", "deliberations", "deliberation-team2-2024.md"), "utf8");
const ASOF = d("2026-11-29");

let demo: { workbook: Workbook; cleanUp: () => void };

beforeAll(async () => {
  demo = await demoWorkbook(ASOF);
});

afterAll(() => demo.cleanUp());

describeInBrowser("Volet : importer une délibération, exporter les échéances, dans Chromium", (browser) => {
  test("la délibération TEAM² lue, corrigée, ajoutée sous le registre ; aucune saisie changée", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    await click(page, "#onglet-importer");
    await page.waitForSelector("#deliberation-texte");
    await page.$eval("#deliberation-texte", (node, text) => ((node as HTMLTextAreaElement).value = text), TEAM2_TEXT);
    await click(page, "#analyser");
    await page.waitForSelector("#import-revue dl.extraction");
    const values = await page.$$eval("#import-revue dl.extraction .value", (nodes) => nodes.map((n) => n.textContent ?? ""));
    expect(values).toContain("11/07/2024");
    expect(await page.$eval("#import-convention-transmissionDate", (n) => (n as HTMLInputElement).value)).toBe("11/07/2024");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "importer-revue");

    // The suggested reference is the demo's own TEAM2: refused, in French, nothing written.
    const suggested = await page.$eval("#import-convention-id", (n) => (n as HTMLInputElement).value);
    await click(page, "#ajouter");
    await page.waitForSelector("#panneau-importer fluent-message-bar");
    expect(await page.$eval("#panneau-importer fluent-message-bar", (n) => n.textContent)).toContain(`La référence « ${suggested} » est déjà celle d'une convention`);
    expect(await sheetValues(page, "Conventions")).toEqual(demo.workbook.Conventions);

    await page.$eval("#import-convention-id", (n) => ((n as HTMLInputElement).value = "TEAM2-2024-BIS"));
    await click(page, "#ajouter");
    await page.waitForSelector("#import-resultat .success");
    const conventions = await sheetValues(page, "Conventions");
    const before = demo.workbook.Conventions;
    before.forEach((row, r) => row.forEach((value, c) => expect(conventions[r][c]).toEqual(value)));
    const added = conventions[before.length];
    expect(added[0]).toBe("TEAM2-2024-BIS");
    expect(added).toContain(45484); // 11/07/2024, the préfecture's stamp, as a date serial
    const deadlines = await sheetValues(page, "Échéances");
    expect(deadlines.length).toBeGreaterThan(demo.workbook["Échéances"].length);
    expect(deadlines[deadlines.length - 1][0]).toBe("TEAM2-2024-BIS");
    expect(await page.$eval("#import-resultat .success", (n) => n.textContent)).toContain(`ligne ${before.length + 1} de la feuille « Conventions »`);
    expect(pane.problems()).toEqual([]);
    await saveScreenshot(page, "importer-ajoute");
  });

  test("Exporter les échéances : un fichier iCalendar à télécharger, fait du registre adopté", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    await click(page, "#confirmer");
    await click(page, "#exporter");
    await page.waitForSelector("#export-echeances a[download]");
    const file = await download(page, "#export-echeances a");
    expect(file.name).toBe("echeances.ics");
    const ics = file.text;
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("UID:");
    expect(ics).toContain("TEAM2-2024");
    expect(await page.$eval("#export-echeances a", (a) => a.getAttribute("download"))).toBe("echeances.ics");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pane.problems()).toEqual([]);
  });

  test("sur un registre sans TEAM², la délibération devient une ligne juste après une seule confirmation", async () => {
    const conventionHeaders = tableFields("conventions").map((f) => f.label);
    const deadlineHeaders = tableFields("deadlines").map((f) => f.label);
    const workbook: Workbook = {
      Conventions: [conventionHeaders, ["CP-01", "Animation du réseau des jardins partagés", ...conventionHeaders.slice(2).map(() => null)]],
      "Échéances": [deadlineHeaders],
    };
    workbook.Conventions[1][conventionHeaders.indexOf("Date de notification")] = 45292;
    workbook.Conventions[1][conventionHeaders.indexOf("Durée")] = 36;
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(workbook, ASOF) });
    const { page } = pane;
    await click(page, "#onglet-importer");
    // The tab's code is loaded when it is first shown.
    await page.waitForSelector("#deliberation-texte");
    await page.$eval("#deliberation-texte", (node, text) => ((node as HTMLTextAreaElement).value = text), TEAM2_TEXT);
    await click(page, "#analyser");
    await click(page, "#ajouter");
    await page.waitForSelector("#import-resultat .success");
    const row = (await sheetValues(page, "Conventions"))[2];
    const cell = (label: string): CellValue => row[conventionHeaders.indexOf(label)] ?? null;
    // Worked out by hand from the deliberation: 45468 = 25/06/2024, 45484 = 11/07/2024, 45485 = 12/07/2024.
    expect(cell("Référence")).toBe("TEAM2-2024");
    expect(cell("Partenaire")).toBe("Association TEAM2");
    expect(cell("SIRET")).toBe("52882726400029");
    expect(cell("Date délibération")).toBe(45468);
    expect(cell("Date transmission préfecture")).toBe(45484);
    expect(cell("Date publication")).toBe(45485);
    expect(cell("Date exécutoire")).toBe(45485);
    expect(cell("Date de notification")).toBeNull();
    expect(cell("Durée")).toBe(36);
    expect(cell("Montant")).toBe(0);
    const deadlines = await sheetValues(page, "Échéances");
    expect(deadlines.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ["TEAM2-2024", "Comité de suivi", "Récurrente"],
      ["TEAM2-2024", "Club territorial", "Récurrente"],
      ["TEAM2-2024", "Pôle innovation", "Jalon"],
    ]);
    expect(pane.problems()).toEqual([]);
  });
});
