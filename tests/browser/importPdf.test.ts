/**
 * The "Importer" tab reading a deliberation's PDF, in Chromium inside the fake Excel host, under
 * the page's own Content-Security-Policy: the TEAM2 deliberation printed by LibreOffice, chosen
 * with the file chooser, gives the review and the row its text gives; a scan, dropped on the tab,
 * is refused in French (no OCR) and the pasted text stays; the tab's code, pdf.js and its worker
 * are fetched only when needed (not at the pane's opening), and a failed download is said and
 * tried again.
 *
 * The PDFs are made at test time (tests/fixtures/pdf/makePdfs.ts: LibreOffice Writer, pdftoppm);
 * without those tools the tests that need them are skipped with a message (a failure under CI=true).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ElementHandle, Page } from "puppeteer-core";
import { d } from "../helpers/dates";
import { Made, makeImageOnlyPdf, makeTeam2Pdf } from "../fixtures/pdf/makePdfs";
import { formatViolations, runAxe } from "./axe";
import { PaneSession, describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, click, demoWorkbook, seed, sheetValues } from "./paneWorkbooks";
import { tempDir } from "../cli/cliHelpers";

const ASOF = d("2026-11-29");
const TEAM2_TEXT = readFileSync(join(__dirname, "..", "fixtures", "deliberations", "deliberation-team2-2024.md"), "utf8");
const inCi = process.env.CI === "true";
const temp = tempDir();
let team2: Made = { ok: false, reason: "" };
let scan: Made = { ok: false, reason: "" };
let demo: { workbook: Workbook; cleanUp: () => void };

beforeAll(async () => {
  team2 = makeTeam2Pdf(temp.dir);
  scan = team2.ok ? makeImageOnlyPdf(temp.dir, team2.path) : team2;
  for (const [name, made] of Object.entries({ team2, scan })) {
    if (!made.ok && !inCi) console.log(`PDF de test non fait (tests ignorés) : ${name} : ${made.reason}`);
  }
  demo = await demoWorkbook(ASOF);
}, 240_000);

afterAll(() => {
  demo.cleanUp();
  temp.remove();
});

/** The file's path, or null (the test then passes, having said why) when its tool is missing. */
function made(file: Made): string | null {
  if (file.ok) return file.path;
  if (inCi) throw new Error(`PDF de test non fait sous CI : ${file.reason}`);
  return null;
}

/** The add-in's scripts the page has fetched so far (resource timing), by file name. */
async function scriptsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname.split("/").pop() ?? "")
      .filter((name) => name.endsWith(".js")),
  );
}

/** Drops a file on the element, as a user dragging it from the file explorer does. */
async function dropFile(page: Page, selector: string, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.$eval(
    selector,
    (target, base64, fileName, fileType) => {
      const content = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: fileType }));
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    bytes.toString("base64"),
    name,
    type,
  );
}

/** The pane opened on the demo register, its Importer tab shown (its code loaded on the way). */
async function openImporter(open: () => Promise<PaneSession>): Promise<PaneSession> {
  const pane = await open();
  await click(pane.page, "#onglet-importer");
  await pane.page.waitForSelector("#choisir-pdf");
  return pane;
}

/** The error the tab shows, once it shows one that names `file`. */
async function errorAbout(page: Page, file: string): Promise<string> {
  await page.waitForFunction((name) => (document.querySelector("#panneau-importer fluent-message-bar")?.textContent ?? "").includes(name), {}, file);
  return page.$eval("#panneau-importer fluent-message-bar", (n) => n.textContent ?? "");
}

describeInBrowser("Volet : importer le PDF d'une délibération, dans Chromium", (browser) => {
  test("le PDF de la délibération TEAM² choisi : sa couche texte lue dans un worker, la même ligne que son texte ; rien chargé avant", async () => {
    const pdf = made(team2);
    if (pdf === null) return;
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    const workers: string[] = [];
    page.on("workercreated", (worker) => workers.push(new URL(worker.url()).pathname));

    // At opening: the two bundles, neither the tab's code nor pdf.js.
    await page.waitForSelector("#confirmer");
    expect((await scriptsFetched(page)).filter((s) => !s.startsWith("office"))).toEqual(["functions.js", "taskpane.js"]);

    await click(page, "#onglet-importer");
    await page.waitForSelector("#choisir-pdf");
    expect(await scriptsFetched(page)).toContain("importer.js");
    expect(await scriptsFetched(page)).not.toContain("pdfjs.js");
    expect(formatViolations(await runAxe(page))).toEqual([]);

    const chooser = (await page.$("#import-pdf")) as ElementHandle<HTMLInputElement>;
    await chooser.uploadFile(pdf);
    await page.waitForSelector("#import-revue dl.extraction");
    expect(await page.$eval("#import-etat .status-text", (n) => n.textContent)).toBe("Texte lu dans le PDF : 11 pages.");
    expect(await scriptsFetched(page)).toContain("pdfjs.js");
    expect(workers).toEqual(["/pdf.worker.js"]);
    const text = await page.$eval("#deliberation-texte", (n) => (n as HTMLTextAreaElement).value);
    expect(text).toContain("Sous-préfecture le : 11 JUIL. 2024");
    const values = await page.$$eval("#import-revue dl.extraction .value", (nodes) => nodes.map((n) => n.textContent ?? ""));
    expect(values).toContain("11/07/2024");
    const fromPdf = await page.$$eval("#import-revue input", (inputs) => inputs.map((i) => [i.id, (i as HTMLInputElement).value]));
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "importer-pdf");

    // The same deliberation pasted as text: every proposed value the same.
    const reviewRedone = async (action: () => Promise<void>): Promise<void> => {
      await page.$eval("#import-revue dl.extraction", (n) => n.setAttribute("data-before", ""));
      await action();
      await page.waitForSelector("#import-revue dl.extraction:not([data-before])");
    };
    await page.$eval("#deliberation-texte", (node, pasted) => ((node as HTMLTextAreaElement).value = pasted), TEAM2_TEXT);
    await reviewRedone(() => click(page, "#analyser"));
    const fromText = await page.$$eval("#import-revue input", (inputs) => inputs.map((i) => [i.id, (i as HTMLInputElement).value]));
    expect(fromPdf).toEqual(fromText);
    expect(fromPdf).toEqual(expect.arrayContaining([["import-convention-transmissionDate", "11/07/2024"], ["import-convention-siret", "52882726400029"]]));

    // Added to the register from the PDF's reading: the row below the demo's tables.
    await reviewRedone(() => chooser.uploadFile(pdf));
    expect(await page.$eval("#deliberation-texte", (n) => (n as HTMLTextAreaElement).value)).toBe(text);
    await page.$eval("#import-convention-id", (n) => ((n as HTMLInputElement).value = "TEAM2-2024-PDF"));
    await click(page, "#ajouter");
    await page.waitForSelector("#import-resultat .success");
    const conventions = await sheetValues(page, "Conventions");
    expect(conventions.length).toBe(demo.workbook.Conventions.length + 1);
    expect(conventions[conventions.length - 1][0]).toBe("TEAM2-2024-PDF");
    expect(conventions[conventions.length - 1]).toContain(45484); // 11/07/2024
    expect(pane.problems()).toEqual([]);
  });

  test("un PDF numérisé déposé sur l'onglet : refusé en français (pas d'OCR), le texte collé gardé, rien écrit", async () => {
    const file = made(scan);
    if (file === null) return;
    const pane = await openImporter(() => browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) }));
    const { page } = pane;
    await page.$eval("#deliberation-texte", (node) => ((node as HTMLTextAreaElement).value = "Texte collé avant le dépôt"));

    // Not a PDF at all (a text file dropped on the text box): said so, pdf.js not even loaded.
    await dropFile(page, "#deliberation-texte", Buffer.from("Délibération du 3 février 2021"), "notes.txt", "text/plain");
    expect(await errorAbout(page, "notes.txt")).toContain("Ce fichier n'est pas un PDF");
    expect(await scriptsFetched(page)).not.toContain("pdfjs.js");

    await dropFile(page, "#import-pdf-zone", readFileSync(file), "deliberation-numerisee.pdf", "application/pdf");
    const message = await errorAbout(page, "deliberation-numerisee.pdf");
    expect(message).toContain("« deliberation-numerisee.pdf » n'a pas pu être lu. Ce PDF ne contient aucun texte lisible (1 page en images");
    expect(message).toContain("sans reconnaissance de caractères (OCR)");
    expect(await page.$eval("#deliberation-texte", (n) => (n as HTMLTextAreaElement).value)).toBe("Texte collé avant le dépôt");
    expect(await sheetValues(page, "Conventions")).toEqual(demo.workbook.Conventions);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "importer-pdf-numerise");
    expect(pane.problems()).toEqual([]);
  });

  test("hors connexion, l'onglet puis le lecteur de PDF ne se chargent pas : dit en français, réessayé une fois la connexion revenue", async () => {
    const pdf = made(team2);
    if (pdf === null) return;
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(demo.workbook, ASOF) });
    const { page } = pane;
    await page.waitForSelector("#confirmer");
    await page.setOfflineMode(true);
    await click(page, "#onglet-importer");
    await page.waitForSelector("#importer fluent-message-bar");
    expect(await page.$eval("#importer fluent-message-bar", (n) => n.textContent)).toBe(
      "Cet onglet n'a pas pu être chargé depuis le serveur du complément : vérifiez la connexion, puis rouvrez l'onglet pour réessayer.",
    );
    await page.setOfflineMode(false);
    await click(page, "#onglet-registre");
    await click(page, "#onglet-importer");
    await page.waitForSelector("#choisir-pdf");

    await page.setOfflineMode(true);
    await ((await page.$("#import-pdf")) as ElementHandle<HTMLInputElement>).uploadFile(pdf);
    await page.waitForSelector("#panneau-importer fluent-message-bar");
    expect(await page.$eval("#panneau-importer fluent-message-bar", (n) => n.textContent)).toContain("Le lecteur de PDF n'a pas pu être chargé");
    await page.setOfflineMode(false);
    await ((await page.$("#import-pdf")) as ElementHandle<HTMLInputElement>).uploadFile(pdf);
    await page.waitForSelector("#import-revue dl.extraction");
    // The two scripts that could not be fetched, and no other (offline, Chromium asks for the page's icon again).
    expect(pane.failedRequests.filter((r) => r.endsWith(".js")).map((r) => r.replace(/http:\/\/[^/]+\//, ""))).toEqual(["net::ERR_INTERNET_DISCONNECTED importer.js", "net::ERR_INTERNET_DISCONNECTED pdfjs.js"]);
    expect(pane.cspViolations).toEqual([]);
  });
});
