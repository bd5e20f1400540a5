/**
 * An Excel without a requirement set the add-in needs, in Chromium on the fake host (which says
 * "no" to isSetSupported for the sets the test takes away): the pane says so in French and offers
 * no register action; the ribbon's "Vérifier le registre" writes nothing and opens the pane.
 */
import { d } from "../helpers/dates";
import { formatViolations, runAxe } from "./axe";
import { describeInBrowser, saveScreenshot } from "./harness";
import { Workbook, fakeOffice, seed, texts } from "./paneWorkbooks";

const ASOF = d("2026-11-29");
const WORKBOOK: Workbook = {
  Conventions: [
    ["Référence", "Date de notification", "Durée"],
    ["C1", 45488, 36],
  ],
};

interface FakeWindow {
  __fakeExcel: { sheets: { name: string }[]; requests: number[] };
  __ribbonActions: Record<string, (event?: { completed(): void }) => Promise<void>>;
  __taskpaneShown: number;
}

describeInBrowser("Volet : un Excel trop ancien pour le complément, dans Chromium", (browser) => {
  test("ExcelApi 1.8 seulement : un message en français, aucune action du registre, le ruban n'écrit rien", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(WORKBOOK, ASOF) + fakeOffice({ sets: { ExcelApi: "1.8" } }) });
    const { page } = pane;
    await page.waitForSelector("#excel-trop-ancien");
    const [message] = await texts(page, "#excel-trop-ancien");
    expect(message).toContain("trop ancienne pour le registre");
    expect(message).toContain("ExcelApi 1.9");
    expect(message).not.toContain("CustomFunctionsRuntime");
    expect(await page.$$eval("#registre fluent-button", (nodes) => nodes.length)).toBe(0);
    expect((await texts(page, "#hote"))[0]).toContain("trop ancienne");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await saveScreenshot(page, "excel-trop-ancien");

    // The ribbon's button: nothing read nor written, the pane opened, the command completed.
    const done = await page.evaluate(async () => {
      const w = window as unknown as FakeWindow;
      let completed = 0;
      await w.__ribbonActions.checkRegister({ completed: () => (completed += 1) });
      return { completed, shown: w.__taskpaneShown, sheets: w.__fakeExcel.sheets.map((s) => s.name), requests: w.__fakeExcel.requests.length };
    });
    expect(done).toEqual({ completed: 1, shown: 1, sheets: ["Conventions"], requests: 0 });
    expect(pane.problems()).toEqual([]);
  });

  test("sans CustomFunctionsRuntime 1.2 ni ExcelApi 1.9 : les deux sont nommés", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(WORKBOOK, ASOF) + fakeOffice({ sets: { ExcelApi: "1.7", CustomFunctionsRuntime: "1.1" } }) });
    await pane.page.waitForSelector("#excel-trop-ancien");
    const [message] = await texts(pane.page, "#excel-trop-ancien");
    expect(message).toContain("les ensembles d'API ExcelApi 1.9, CustomFunctionsRuntime 1.2");
    expect(pane.problems()).toEqual([]);
  });

  test("un Excel à jour : le registre est proposé, et le ruban vérifie sans ouvrir le volet", async () => {
    const pane = await browser.open("taskpane.html", { beforeLoad: seed(WORKBOOK, ASOF) });
    const { page } = pane;
    await page.waitForSelector("#confirmer");
    expect(await page.$("#excel-trop-ancien")).toBeNull();
    await page.click("#confirmer");
    await page.waitForSelector("#verifier");
    const done = await page.evaluate(async () => {
      const w = window as unknown as FakeWindow;
      await w.__ribbonActions.checkRegister({ completed: () => undefined });
      return { shown: w.__taskpaneShown, sheets: w.__fakeExcel.sheets.map((s) => s.name) };
    });
    expect(done.shown).toBe(0);
    expect(done.sheets).toContain("Alertes");
    expect(pane.problems()).toEqual([]);
  });
});
