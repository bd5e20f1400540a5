/**
 * The harness's own checks, on the built pane spoiled on purpose: each must catch what it is for
 * (an axe violation, a request leaving the machine, a CSP violation, a missing file, an uncaught error), and the
 * office.js of the page must be the fake host the test names.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser } from "./harness";

describeInBrowser("Banc d'essai du volet dans Chromium", (browser) => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "registre-hote-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("office.js est l'hôte simulé désigné par le test", async () => {
    const host = join(folder, "host.js");
    writeFileSync(host, "window.hoteDeTest = 'servi à la place de office.js';");
    const pane = await browser.open("taskpane.html", { fakeHost: host });
    expect(await pane.page.evaluate(() => (window as unknown as { hoteDeTest?: string }).hoteDeTest)).toBe("servi à la place de office.js");
  });

  test("axe relève une image sans texte de remplacement et un champ sans étiquette", async () => {
    const pane = await browser.open("taskpane.html");
    await pane.page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "assets/icon-32.png";
      const input = document.createElement("input");
      input.type = "text";
      document.querySelector("main")?.append(img, input);
    });
    const violations = await runAxe(pane.page);
    expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(["image-alt", "label"]));
    const lines = formatViolations(violations);
    expect(lines.find((line) => line.startsWith("image-alt (critical)"))).toContain('<img src="assets/icon-32.png">');
  });

  test("une requête vers l'extérieur est bloquée et notée, un fichier absent aussi", async () => {
    const pane = await browser.open("taskpane.html");
    // A script from Office.js's CDN passes the page's CSP: the harness aborts it and notes it.
    const outcome = await pane.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const script = document.createElement("script");
          script.src = "https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js";
          script.onload = () => resolve("chargé");
          script.onerror = () => resolve("bloqué");
          document.head.append(script);
        }),
    );
    expect(outcome).toBe("bloqué");
    await pane.page.evaluate(() => fetch("absent.json").then((response) => response.status));
    expect(pane.externalRequests).toEqual(["GET https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js"]);
    expect(pane.failedRequests).toEqual([expect.stringMatching(/^404 http:\/\/127\.0\.0\.1:\d+\/absent\.json$/)]);
    expect(pane.problems()).toEqual(
      expect.arrayContaining(["requête vers l'extérieur : GET https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js"]),
    );
  });

  test("une ressource que la CSP de la page refuse est notée comme violation, sans jamais partir", async () => {
    const pane = await browser.open("taskpane.html");
    const outcome = await pane.page.evaluate(async () => {
      try {
        await fetch("https://example.invalid/donnees.json");
        return "répondu";
      } catch {
        return "bloqué";
      }
    });
    expect(outcome).toBe("bloqué");
    await pane.page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 50)));
    expect(pane.externalRequests).toEqual([]);
    expect(pane.cspViolations).toEqual([expect.stringMatching(/^connect-src https:\/\/example\.invalid\/donnees\.json /)]);
    expect(pane.problems()).toEqual(expect.arrayContaining([expect.stringMatching(/^violation de la CSP : connect-src https:\/\/example\.invalid/)]));
  });

  test("une erreur non rattrapée et un console.error sont notés", async () => {
    const pane = await browser.open("taskpane.html", { expectPageErrors: true });
    await pane.page.evaluate(() => {
      console.error("échec signalé");
      setTimeout(() => {
        throw new Error("panne du volet");
      });
    });
    await pane.page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 50)));
    expect(pane.pageErrors).toEqual([expect.stringContaining("panne du volet")]);
    expect(pane.consoleErrors).toEqual([expect.stringContaining("échec signalé")]);
  });
});
