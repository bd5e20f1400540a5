/**
 * The "Importer" tab on a real published deliberation (a recueil of an office de tourisme, from
 * tests/fixtures/deliberations/real/): the séance's passages disagree, and the review quotes both —
 * the value kept with its passage, the other value with its own — in Chromium inside the fake host.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, seed } from "./paneWorkbooks";

const RECUEIL = readFileSync(join(__dirname, "..", "fixtures", "deliberations", "real", "autre-office-tourisme-beziers-mediterranee-2014.txt"), "utf8");
const ASOF = d("2026-11-29");

let demo: { workbook: Workbook; cleanUp: () => void };

beforeAll(async () => {
  demo = await demoWorkbook(ASOF);
});

afterAll(() => demo.cleanUp());

describeInBrowser("Volet : une délibération publiée dont deux passages se contredisent, dans Chromium", (browser) => {
  test("la date de séance gardée et l'autre, chacune avec son passage", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    await click(page, "#onglet-importer");
    await page.waitForSelector("#deliberation-texte");
    await page.$eval("#deliberation-texte", (node, text) => ((node as HTMLTextAreaElement).value = text), RECUEIL);
    await click(page, "#analyser");
    await page.waitForSelector("#import-revue dl.extraction");
    const session = await page.$$eval("#import-revue dl.extraction dd", (nodes) => {
      const dd = nodes.find((n) => n.querySelector(".value")?.textContent === "09/01/2014");
      return dd === undefined ? null : { note: dd.querySelector(".note-line")?.textContent ?? "", other: dd.querySelector(".other-passage")?.textContent ?? "", quotes: dd.querySelectorAll("q").length };
    });
    expect(session).not.toBeNull();
    expect(session?.note).toMatch(/^À vérifier : d'autres passages du texte disent autre chose \(12\/12\/2013\)/);
    expect(session?.other).toMatch(/^12\/12\/2013 : .*Séance n 01\/14 du 12 décembre 2013/);
    expect(session?.quotes).toBe(2);
    expect(await page.$eval("#import-convention-deliberationDate", (n) => (n as HTMLInputElement).value)).toBe("09/01/2014");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pane.problems()).toEqual([]);
    await saveScreenshot(page, "importer-a-verifier");
  });
});
