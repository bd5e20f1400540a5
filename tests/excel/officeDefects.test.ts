/**
 * Issue 15's defects of the Office.js gateway, each as the fake host now shows it (the fake refuses
 * what Excel refuses: tests/browser/fakeOffice/README.md), and issue 18's stray value far from a
 * small register. Each of these failed on the gateway before the fix.
 */
import { adoptRegister, appendImportedRows, checkAndAnnotate, inspectWorkbook, setUpRegister } from "../../src/actions/registerActions";
import { addAnnualReport } from "../../src/actions/reportActions";
import { GatewayError } from "../../src/excel/gateway";
import { ExcelRunner, MAX_CELLS_PER_READ, MAX_RESPONSE_BYTES, OfficeWorkbook, OfficeWorkbookOptions } from "../../src/excel/officeWorkbook";
import { gatewayErrorMessage } from "../../src/i18n/pane.fr";
import { ALERTS_SHEET, SETTINGS_SHEET } from "../../src/plans/ownedSheets";
import { readSettings } from "../../src/plans/addinSettings";
import { SETUP } from "../../src/i18n/register.fr";
import { CellValue, columnLetter } from "../../src/core/cells/sheetGrid";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";

const ASOF = d("2026-11-29");

function gateway(host: FakeExcelHost, options: OfficeWorkbookOptions = {}): OfficeWorkbook {
  return new OfficeWorkbook(host.run as unknown as ExcelRunner, { responseLimitBytes: MAX_RESPONSE_BYTES, displayLanguage: host.displayLanguage, ...options });
}

const register = (): Record<string, CellValue[][]> => ({
  Accueil: [["Registre"]],
  Conventions: [
    ["Suivi des conventions"],
    [],
    ["Référence", "Intitulé", "Date de notification", "Durée"],
    ["TEAM2", "=1+1", 45488, 36],
    ["C2", "Club", 45000, 24],
  ],
});

/** The settings the add-in keeps, read from the fake's settings sheet. */
function settingsOf(host: FakeExcelHost): ReturnType<typeof readSettings> {
  return readSettings([{ name: SETTINGS_SHEET, values: host.values(SETTINGS_SHEET) }]);
}

async function adopted(host: FakeExcelHost, workbook: OfficeWorkbook): Promise<void> {
  const inspection = await inspectWorkbook(workbook);
  if (inspection.kind !== "toAdopt") throw new Error(`a register to adopt, not ${inspection.kind}`);
  expect(await adoptRegister(workbook, inspection.draft)).toMatchObject({ ok: true });
  expect(host.sheet(SETTINGS_SHEET)?.visibility).toBe("VeryHidden");
}

describe("issue 15: what the fake host hid", () => {
  test("1. Vérifier after the adoption works, again and again: the very hidden settings are swapped, never deleted as they are", async () => {
    const host = new FakeExcelHost(register());
    const workbook = gateway(host);
    await adopted(host, workbook);
    for (let run = 0; run < 3; run++) expect(await checkAndAnnotate(workbook, ASOF)).toMatchObject({ ok: true });
    expect(host.sheets.filter((s) => s.name === SETTINGS_SHEET).map((s) => s.visibility)).toEqual(["VeryHidden"]);
    expect(settingsOf(host)).toMatchObject({ mapping: expect.anything(), ownColumns: { sheet: "Conventions", alert: "E", nextCommittee: "F" } });
    // No sheet the gateway built is left behind.
    expect(host.sheets.map((s) => s.name)).toEqual(["Accueil", "Conventions", SETTINGS_SHEET, ALERTS_SHEET]);
  });

  test("2. Créer un registre: the tables first, then the formula columns as calculated columns of their table (a new row gets them)", async () => {
    const host = new FakeExcelHost({ Feuil1: [] });
    const workbook = gateway(host);
    const result = await setUpRegister(workbook);
    expect(result).toMatchObject({ ok: true, formulaErrors: [] });
    const conventions = host.sheet("Conventions");
    expect(conventions?.tables.map((t) => t.name)).toEqual(["Conventions"]);
    const header = host.values("Conventions")[0];
    const end = header.indexOf(SETUP.computed.end);
    expect(conventions?.cells.get(`1,${end}`)?.formula).toMatch(/^=IF\(OR\(\[@\[Date de notification\]\]="",\[@\[Durée\]\]=""\),"",CONV\.DATE\.FIN\(/);
    // The formula that names the comités' table was written once that table existed.
    const missing = header.indexOf(SETUP.computed.missing);
    expect(conventions?.cells.get(`1,${missing}`)?.formula).toContain("FILTER(Comites[Date]");
    // An imported convention: the table grows by rows.add, and its calculated columns fill the new row.
    expect(await appendImportedRows(workbook, { conventions: { id: "TEAM3-2025", title: "Club", start: "15/01/2025", duration: "2 ans" }, deadlines: [] })).toMatchObject({ ok: true });
    expect(conventions?.tables[0].address).toBe(`Conventions!A1:${columnLetter(header.length - 1)}3`);
    expect(conventions?.cells.get(`2,${end}`)?.formula).toBe(conventions?.cells.get(`1,${end}`)?.formula);
  });

  test("3. the custom functions are written under the names of the metadata Excel loaded; a formula Excel does not know is reported", async () => {
    // An Excel in English loads functions.json (the manifest's override for en-US): CONV.END_DATE, not CONV.DATE.FIN.
    const english = new FakeExcelHost({ Feuil1: [] });
    english.displayLanguage = "en-US";
    const result = await setUpRegister(gateway(english));
    expect(result).toMatchObject({ ok: true, formulaErrors: [], displayLanguage: "en-US" });
    const formulas = [...(english.sheet("Conventions")?.cells.values() ?? [])].flatMap((c) => (c.formula === undefined ? [] : [c.formula]));
    expect(formulas.join(" ")).toContain("CONV.END_DATE(");
    expect(formulas.join(" ")).not.toContain("CONV.DATE.FIN(");

    // When the language is not the one Excel loaded, the cells read back #NAME?: reported, with where.
    const other = new FakeExcelHost({ Feuil1: [] });
    other.displayLanguage = "en-GB";
    const mistaken = await setUpRegister(gateway(other, { displayLanguage: "fr-FR" }));
    if (!mistaken.ok) throw new Error("set up expected");
    expect(mistaken.formulaErrors).toEqual([
      { sheet: "Conventions", row: 2, column: expect.any(String), error: "#NAME?" },
      { sheet: "Conventions", row: 2, column: expect.any(String), error: "#NAME?" },
      { sheet: "Conventions", row: 2, column: expect.any(String), error: "#NAME?" },
      { sheet: "Conventions", row: 2, column: expect.any(String), error: "#NAME?" },
    ]);
    expect(SETUP.formulaErrors([{ sheet: "Conventions", row: 2, column: "P", error: "#NAME?" }], "fr-FR")).toMatch(/Excel \(langue : fr-FR\) ne reconnaît pas les fonctions CONV/);
  });

  test("4. a request Excel refuses for its size (RequestPayloadSizeLimitExceeded) is sent again in smaller ones: the same report", async () => {
    const seeded = async (): Promise<{ host: FakeExcelHost; workbook: OfficeWorkbook }> => {
      const host = new FakeExcelHost(register());
      const workbook = gateway(host);
      await adopted(host, workbook);
      return { host, workbook };
    };
    const reference = await seeded();
    await addAnnualReport(reference.workbook, 2025, { asOf: ASOF, authority: "" });
    const { host, workbook } = await seeded();
    host.requestLimitBytes = 9_000;
    const requests = host.requests.length;
    expect(await addAnnualReport(workbook, 2025, { asOf: ASOF, authority: "" })).toMatchObject({ kind: "written", sheet: "Rapport 2025" });
    expect(host.responses.slice(requests).filter((bytes) => bytes === 0).length).toBeGreaterThan(0);
    expect(host.sheet("Rapport 2025")).toEqual(reference.host.sheet("Rapport 2025"));
    expect(host.sheets.map((s) => s.name)).toEqual(reference.host.sheets.map((s) => s.name));
  });

  test("5. a response Excel refuses (ResponsePayloadSizeLimitExceeded, Excel's code) is read again in halves", async () => {
    const rows = Array.from({ length: 400 }, (_, i): CellValue[] => [`C${i}`, `Convention de partenariat n° ${i}`, 45_000 + i]);
    const host = new FakeExcelHost({ Conventions: rows });
    host.responseLimitBytes = 8_000;
    const grids = await gateway(host, { responseLimitBytes: 20_000 }).readAllSheets();
    expect(host.refusedResponses.length).toBeGreaterThan(0);
    expect(grids).toEqual([{ name: "Conventions", values: rows }]);
  });

  test("6. a read is cut under Excel's cell limit on every platform, Windows and Mac included", async () => {
    const rows = Array.from({ length: 3_000 }, (_, i): CellValue[] => [`C${i}`, i, i % 3 === 0 ? null : "x"]);
    const host = new FakeExcelHost({ Conventions: rows });
    // An Excel that reads at most 2 000 cells at once (Excel: five million): null values above, as office-js #4783 shows.
    host.cellLimit = 2_000;
    const grids = await gateway(host, { responseLimitBytes: Infinity }).readAllSheets();
    expect(grids[0].values).toEqual(rows.map((row) => row.map((v) => v)));
    expect(host.cellsRead.filter((cells) => cells > 2_000).length).toBeGreaterThan(0);
    // Excel's own limit, five million cells, is never asked for at once.
    expect(MAX_CELLS_PER_READ).toBeLessThan(5_000_000);
  });

  test("7. an imported convention below a user's table makes the table grow (rows.add): Excel's own growth is a heuristic", async () => {
    const host = new FakeExcelHost(register());
    host.addTable("Conventions", "TableauConventions", "A3:D5");
    const workbook = gateway(host);
    await adopted(host, workbook);
    expect(await appendImportedRows(workbook, { conventions: { id: "C3", title: "Centre social", start: "15/01/2025", duration: "2 ans" }, deadlines: [] })).toMatchObject({ ok: true });
    expect(host.sheet("Conventions")?.tables[0]).toMatchObject({ name: "TableauConventions", address: "Conventions!A3:D6" });
    expect(host.values("Conventions")[5]).toEqual(["C3", "Centre social", 45672, "2 ans"]);
  });

  test("8. print setup with documented values only; the cosmetic settings come last and their refusal never fails the action", async () => {
    const host = new FakeExcelHost(register());
    const workbook = gateway(host);
    await adopted(host, workbook);
    await addAnnualReport(workbook, 2025, { asOf: ASOF, authority: "" });
    const zoom = host.sheet("Rapport 2025")?.pageLayout.zoom as { horizontalFitToPages: number; verticalFitToPages: number };
    expect(zoom.horizontalFitToPages).toBe(1);
    expect(zoom.verticalFitToPages).toBeGreaterThanOrEqual(1);

    // Excel refuses the last request (the widths, heights, print setup): the report is there all the same.
    host.refuseRequest = () => (host.sheet("Rapport 2025 (2)")?.visibility === "Visible" ? "InvalidArgument" : null);
    const outcome = await addAnnualReport(workbook, 2025, { asOf: ASOF, authority: "" });
    expect(outcome).toMatchObject({ kind: "written", sheet: "Rapport 2025 (2)" });
    expect(workbook.lastAction.cosmeticRefused).toBe("InvalidArgument");
    expect(host.sheet("Rapport 2025 (2)")?.visibility).toBe("Visible");
  });

  test("9. the rows frozen on the alerts sheet leave the user's sheet the active one, and its active cell", async () => {
    const host = new FakeExcelHost(register());
    const workbook = gateway(host);
    await adopted(host, workbook);
    host.selectCell("Conventions", 3, 1);
    expect(await checkAndAnnotate(workbook, ASOF)).toMatchObject({ ok: true });
    expect(host.sheet(ALERTS_SHEET)?.frozenRows).toBeGreaterThan(0);
    expect(host.activeSheet).toBe("Conventions");
    expect(await workbook.activeCell()).toEqual({ sheet: "Conventions", row: 3, column: 1 });
  });

  test("11. an appended row's text keeps Excel's General format, unless Excel would read it as something else", async () => {
    const host = new FakeExcelHost(register());
    const workbook = gateway(host);
    await adopted(host, workbook);
    expect(await appendImportedRows(workbook, { conventions: { id: "C3", title: "Centre social", start: "15/01/2025", duration: "2 ans" }, deadlines: [] })).toMatchObject({ ok: true });
    const cells = host.sheet("Conventions")?.cells;
    // The title is text in a General cell: a formula the user types there later is a formula.
    expect(cells?.get("5,1")).toMatchObject({ value: "Centre social", numberFormat: "General" });
    // "2 ans" and "C3" could read as something else to Excel: written as text.
    expect(cells?.get("5,3")).toMatchObject({ value: "2 ans", numberFormat: "@" });
    expect(await appendImportedRows(workbook, { conventions: { id: "=1+1", title: "+33 6 12 34 56 78", start: "15/01/2025", duration: 24 }, deadlines: [] })).toMatchObject({ ok: true });
    expect(cells?.get("6,0")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(cells?.get("6,1")).toMatchObject({ value: "+33 6 12 34 56 78", numberFormat: "@" });
    expect(cells?.get("6,0")?.formula).toBeUndefined();
  });

  test("12. the alerts table keeps its name from one check to the next", async () => {
    const host = new FakeExcelHost(register());
    const workbook = gateway(host);
    await adopted(host, workbook);
    for (let run = 0; run < 3; run++) {
      await checkAndAnnotate(workbook, ASOF);
      expect(host.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(["RegistreAlertes"]);
    }
  });

  test("12. an inactive workbook and a request too large even in halves get their own French messages; nothing is written", async () => {
    const host = new FakeExcelHost(register());
    const workbook = gateway(host);
    await adopted(host, workbook);
    const before = JSON.stringify(host.sheets, (_, v: unknown) => (v instanceof Map ? [...v] : v));

    host.refuseRequest = () => "InactiveWorkbook";
    const inactive = await checkAndAnnotate(workbook, ASOF).catch((error: unknown) => error);
    expect(inactive).toEqual(expect.objectContaining({ code: "inactive" }));
    expect(gatewayErrorMessage(inactive as GatewayError)).toMatch(/n'était plus le classeur actif/);

    host.refuseRequest = null;
    host.requestLimitBytes = 500;
    const tooLarge = await checkAndAnnotate(workbook, ASOF).catch((error: unknown) => error);
    expect(tooLarge).toEqual(expect.objectContaining({ code: "too_large" }));
    expect(gatewayErrorMessage(tooLarge as GatewayError)).toMatch(/5 Mo sur le web.*rien n'a été modifié/);
    expect(JSON.stringify(host.sheets, (_, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(before);
  });
});

describe("issue 18: a stray value far from a small register", () => {
  test.each([
    ["Excel on the web", MAX_RESPONSE_BYTES],
    ["Excel on Windows and Mac", Infinity],
  ])("%s: only the cells that hold data are read; the check writes beside the register, not 17 billion cells away", async (_, responseLimitBytes) => {
    const host = new FakeExcelHost(register());
    host.typeCell("Conventions", 1_048_575, 16_383, "égaré");
    const workbook = gateway(host, { responseLimitBytes });
    const grids = await workbook.readAllSheets();
    const conventions = grids.find((g) => g.name === "Conventions");
    expect(conventions?.values).toHaveLength(1_048_576);
    expect(conventions?.values[1_048_575][16_383]).toBe("égaré");
    expect(conventions?.values[3]).toEqual(["TEAM2", "=1+1", 45488, 36]);
    // What Excel was asked to read: the register and the stray cell, a few dozen cells.
    expect(host.cellsRead.reduce((a, b) => a + b, 0)).toBeLessThan(100);
    expect(workbook.lastAction.syncs).toBe(4);

    await adopted(host, workbook);
    expect(await checkAndAnnotate(workbook, ASOF)).toMatchObject({ ok: true });
    expect(settingsOf(host)?.ownColumns).toEqual({ sheet: "Conventions", alert: "E", nextCommittee: "F" });
    const written = [...(host.sheet("Conventions")?.cells.keys() ?? [])].map((k) => k.split(",").map(Number)).filter(([, c]) => c === 4 || c === 5);
    expect(Math.max(...written.map(([r]) => r))).toBe(4);
  });
});
