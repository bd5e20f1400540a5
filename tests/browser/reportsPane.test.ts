/**
 * The pane's report buttons as a person uses them, in Chromium, inside the fake Excel host: the
 * annual report of a year and the comité report of the selected row (or of a convention chosen in
 * the list) each make, in one click, the very sheet the core makes for the command line; a row
 * that is no convention's is said in French and nothing is written. Screenshots in
 * tests/screenshots/.
 */
import { dirname, join } from "node:path";
import { writeReport } from "../../src/cli/writeReport";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { ConventionPick, addAnnualReport, addCommitteeReport } from "../../src/actions/reportActions";
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { InBrowser, PaneSession, describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, seed, sheetValues, texts } from "./paneWorkbooks";
import { Page } from "puppeteer-core";

const ASOF = d("2026-11-29");
const AUTHORITY = "Communauté d'agglomération de démonstration";

let demo: { workbook: Workbook; path: string; cleanUp: () => void };

beforeAll(async () => {
  demo = await demoWorkbook(ASOF);
});

afterAll(() => demo.cleanUp());

/** The report's sheet as the core makes it on the in-memory gateway, from the same workbook at the same date. */
async function expectedSheet(make: (workbook: MemoryWorkbook) => Promise<unknown>, sheet: string): Promise<unknown[][]> {
  const workbook = new MemoryWorkbook(structuredClone(demo.workbook));
  await make(workbook);
  return trimmed((await workbook.readSheet(sheet)).values);
}

/** Rows without their trailing blanks, and no trailing blank row: the two gateways pad differently. */
function trimmed(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end -= 1;
    return row.slice(0, end);
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

async function statusText(page: Page): Promise<string> {
  return (await texts(page, "#rapports-etat .status-text"))[0] ?? "";
}

async function waitForStatus(page: Page, start: string): Promise<void> {
  await page.waitForFunction((text) => document.querySelector("#rapports-etat .status-text")?.textContent?.startsWith(text) === true, {}, start);
}

async function selectCell(page: Page, sheet: string, row: number, column: number): Promise<void> {
  await page.evaluate(
    (s, r, c) => (window as unknown as { __fakeExcel: { selectCell(s: string, r: number, c: number): void } }).__fakeExcel.selectCell(s, r, c),
    sheet,
    row,
    column,
  );
}

/** The demo register adopted as it is detected, then the Rapports tab, its form shown. */
async function openReportsTab(browser: InBrowser): Promise<PaneSession> {
  const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
  await click(pane.page, "#confirmer");
  await pane.page.waitForSelector("#verifier");
  await click(pane.page, "#onglet-rapports");
  await pane.page.waitForSelector("#rapports-formulaire:not([hidden])");
  return pane;
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __fakeExcel: { sheets: { name: string }[] } }).__fakeExcel.sheets.map((s) => s.name));
}

function options(asOf: CalendarDate) {
  return { asOf, authority: AUTHORITY };
}

describeInBrowser("Volet : les rapports, dans Chromium", (browser) => {
  test("rapport annuel et rapport de comité en un clic : les mêmes feuilles que registre rapport et le cœur", async () => {
    const pane = await openReportsTab(browser);
    const { page } = pane;
    // On 29/11/2026 the year offered is the current one; the list starts with "the selected row".
    expect(await page.$eval("#rapport-annee", (n) => (n as HTMLInputElement).value)).toBe("2026");
    expect(await page.$eval("#rapport-convention", (n) => (n as HTMLSelectElement).value)).toBe("");
    const listed = await texts(page, "#rapport-convention option");
    expect(listed).toHaveLength(15);
    expect(listed[1]).toBe("TEAM2-2024 — Convention de partenariat stratégique avec l'association TEAM2 (économie circulaire)");

    // The annual report of 2025, with the authority typed once.
    await page.type("#rapport-collectivite", AUTHORITY);
    await page.$eval("#rapport-annee", (n) => ((n as HTMLInputElement).value = ""));
    await page.type("#rapport-annee", "2025");
    await click(page, "#rapport-annuel");
    await waitForStatus(page, "Rapport annuel");
    expect(await statusText(page)).toBe("Rapport annuel 2025 ajouté : feuille « Rapport 2025 ».");
    const annual = await expectedSheet((w) => addAnnualReport(w, 2025, options(ASOF)), "Rapport 2025");
    expect(trimmed(await sheetValues(page, "Rapport 2025"))).toEqual(annual);
    // …and the very sheet `registre rapport --annee 2025` writes in its copy of the register.
    const output = join(dirname(demo.path), "rapport-2025.xlsx");
    const cli = await writeReport({ file: demo.path, output, asOf: ASOF, mappingFile: null, replace: true, report: { kind: "annual", year: 2025 }, authority: AUTHORITY });
    expect(cli.ok).toBe(true);
    const opened = await XlsxWorkbook.open(output);
    if (!opened.ok) throw new Error("rapport-2025.xlsx");
    expect(trimmed((await opened.workbook.readSheet("Rapport 2025")).values)).toEqual(annual);
    expect(annual.flat()).toContain(AUTHORITY);
    expect(await page.evaluate(() => (window as unknown as { __fakeExcel: { activeSheet: string } }).__fakeExcel.activeSheet)).toBe("Rapport 2025");

    // The comité report of the row the user clicked in Excel.
    const team2Row = demo.workbook.Conventions.findIndex((row) => row.includes("TEAM2-2024"));
    expect(team2Row).toBeGreaterThan(0);
    await selectCell(page, "Conventions", team2Row, 2);
    await click(page, "#rapport-comite");
    await waitForStatus(page, "Rapport de comité");
    expect(await statusText(page)).toBe("Rapport de comité de « TEAM2-2024 » ajouté : feuille « Comité – TEAM2-2024 ».");
    const pick: ConventionPick = { reference: "TEAM2-2024" };
    const committee = await expectedSheet((w) => addCommitteeReport(w, pick, options(ASOF)), "Comité – TEAM2-2024");
    expect(trimmed(await sheetValues(page, "Comité – TEAM2-2024"))).toEqual(committee);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "registre-rapports");

    // A convention chosen in the list instead.
    const other = await page.$$eval("#rapport-convention option", (nodes) => (nodes as HTMLOptionElement[]).map((n) => n.value).filter((v) => v !== "" && v !== "TEAM2-2024")[0]);
    await page.select("#rapport-convention", other);
    await click(page, "#rapport-comite");
    await waitForStatus(page, "Rapport de comité");
    expect(await statusText(page)).toBe(`Rapport de comité de « ${other} » ajouté : feuille « Comité – ${other} ».`);

    // Every cell the user typed is as it was.
    for (const [sheet, rows] of Object.entries(demo.workbook)) {
      const after = await sheetValues(page, sheet);
      rows.forEach((row, r) => row.forEach((value, c) => expect([sheet, r, c, after[r]?.[c] ?? null]).toEqual([sheet, r, c, value])));
    }
    expect(pane.problems()).toEqual([]);
  });

  test("avant l'adoption, l'onglet dit quoi faire ; une ligne sans convention, une année à venir : un message en français, rien d'écrit", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    // Before adoption the tab says where to go first.
    await click(page, "#onglet-rapports");
    await page.waitForFunction(() => document.getElementById("rapports-avis")?.textContent !== "");
    expect(await texts(page, "#rapports-avis")).toEqual(["Le registre n'est pas encore adopté : confirmez ses colonnes dans l'onglet « Registre », puis revenez ici."]);
    expect(await page.$eval("#rapports-formulaire", (n) => (n as HTMLElement).hidden)).toBe(true);
    await click(page, "#onglet-registre");
    await click(page, "#confirmer");
    await page.waitForSelector("#verifier");
    await click(page, "#onglet-rapports");
    await page.waitForSelector("#rapports-formulaire:not([hidden])");
    const sheetsBefore = await sheetNames(page);
    await selectCell(page, "Conventions", 0, 0);
    await click(page, "#rapport-comite");
    await page.waitForSelector("fluent-message-bar");
    const [message] = await texts(page, "fluent-message-bar");
    expect(message).toContain("La cellule sélectionnée (Conventions!A1) n'est sur aucune ligne du registre.");
    expect(await sheetNames(page)).toEqual(sheetsBefore);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "registre-rapport-erreur");

    // A year to come: said, nothing written.
    await page.$eval("#rapport-annee", (n) => ((n as HTMLInputElement).value = "2027"));
    await click(page, "#rapport-annuel");
    await page.waitForFunction(() => document.querySelector("fluent-message-bar")?.textContent?.includes("2027") === true);
    expect((await texts(page, "fluent-message-bar"))[0]).toBe(
      "Année : 2027 n'a pas commencé à la date du 29/11/2026 ; son rapport serait vide. Choisissez une année écoulée ou l'année en cours.",
    );

    await page.$eval("#rapport-annee", (n) => ((n as HTMLInputElement).value = "2025"));
    await click(page, "#rapport-annuel");
    await waitForStatus(page, "Rapport annuel");
    expect(await sheetNames(page)).toContain("Rapport 2025");
    expect(pane.problems()).toEqual([]);
  });

  test("la collectivité tapée une fois est reproposée ; la liste suit le registre quand l'onglet revient", async () => {
    const pane = await openReportsTab(browser);
    const { page } = pane;
    await page.type("#rapport-collectivite", "Ville de test");
    await click(page, "#rapport-annuel");
    await waitForStatus(page, "Rapport annuel");
    // A convention typed in Excel meanwhile: the list has it when the tab is shown again.
    const team2 = demo.workbook.Conventions.find((row) => row.includes("TEAM2-2024")) ?? [];
    const next = demo.workbook.Conventions.length;
    await page.evaluate(
      (row, values) => {
        const host = (window as unknown as { __fakeExcel: { typeCell(s: string, r: number, c: number, v: unknown): void } }).__fakeExcel;
        values.forEach((value, c) => host.typeCell("Conventions", row, c, value === "TEAM2-2024" ? "NOUVELLE-2026" : value));
      },
      next,
      team2,
    );
    await click(page, "#onglet-registre");
    await click(page, "#onglet-rapports");
    await page.waitForFunction(() => [...document.querySelectorAll("#rapport-convention option")].some((o) => (o as HTMLOptionElement).value === "NOUVELLE-2026"));

    // The pane opened again later on the same workbook: the authority is offered.
    const workbook = await page.evaluate(() => {
      const host = (window as unknown as { __fakeExcel: { sheets: { name: string }[]; values(n: string): unknown[][] } }).__fakeExcel;
      return Object.fromEntries(host.sheets.map((s) => [s.name, host.values(s.name)]));
    });
    const again = await browser.open("taskpane.html", { beforeLoad: seed(workbook as Workbook, ASOF) });
    await again.page.waitForSelector("#verifier");
    await click(again.page, "#onglet-rapports");
    await again.page.waitForSelector("#rapports-formulaire:not([hidden])");
    expect(await again.page.$eval("#rapport-collectivite", (n) => (n as HTMLInputElement).value)).toBe("Ville de test");
    expect(again.problems()).toEqual([]);
    expect(pane.problems()).toEqual([]);
  });
});
