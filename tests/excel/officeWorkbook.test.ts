import { planAlerts } from "../../src/plans/alertsPlan";
import { ALERTS_SHEET, SETTINGS_SHEET } from "../../src/plans/ownedSheets";
import { SheetDraft, textCell } from "../../src/plans/sheetDraft";
import { GatewayError } from "../../src/excel/gateway";
import { checkWorkbook } from "../../src/actions/loadRegister";
import { ExcelRunner, MAX_REQUEST_BYTES, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { isAddinOutputSheet } from "../../src/plans/ownedSheets";
import { CellValue } from "../../src/core/cells/sheetGrid";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";
import { SMALL_REGISTER_SHEETS as REGISTER } from "../helpers/smallSheets";

function gateway(host: FakeExcelHost): OfficeWorkbook {
  return new OfficeWorkbook(host.run as unknown as ExcelRunner);
}

describe("the Office.js gateway, on the fake Excel host", () => {
  test("Excel on Windows or Mac: every sheet read in three requests (names, where the values are, the values), from A1, with errors and blanks", async () => {
    const host = new FakeExcelHost({ A: [[null, null], [null, "x", { error: "#N/A" }]], Vide: [] });
    const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner, { responseLimitBytes: Infinity });
    const grids = await workbook.readAllSheets();
    expect(grids).toEqual([
      { name: "A", values: [[], [null, "x", { error: "#N/A" }]] },
      { name: "Vide", values: [] },
    ]);
    // Desktop too reads by slices under Excel's five million cells: the used ranges' sizes first.
    expect(workbook.lastAction.syncs).toBe(3);
    expect(host.runs).toBe(1);
  });

  test("Excel on the web: the used ranges' sizes first, then the values; a small workbook in three requests", async () => {
    const host = new FakeExcelHost({ A: [[null, null], [null, "x", { error: "#N/A" }]], Vide: [] });
    const workbook = gateway(host);
    expect(await workbook.readAllSheets()).toEqual([
      { name: "A", values: [[], [null, "x", { error: "#N/A" }]] },
      { name: "Vide", values: [] },
    ]);
    expect(workbook.lastAction.syncs).toBe(3);
  });

  describe("a large workbook on Excel on the web (responses refused above a limit)", () => {
    // Ten times smaller than Excel's 5 MB, as the gateway's 4 MB are: the same slicing, faster.
    const HOST_LIMIT = 500_000;
    const GATEWAY_LIMIT = 400_000;
    const big = (): Record<string, CellValue[][]> => ({
      Conventions: [["Référence", "Intitulé", "Date"], ...Array.from({ length: 6_000 }, (_, i): CellValue[] => [`C${i}`, `Convention de partenariat n° ${i}`, 40_000 + (i % 3000)])],
      Vide: [],
      Comités: [["Référence convention", "Date"], ...Array.from({ length: 9_000 }, (_, i): CellValue[] => [`C${i % 6_000}`, i % 7 === 0 ? { error: "#VALUE!" } : 41_000 + i])],
    });

    test("is read in slices whose responses stay under the limit, equal to a read in one piece", async () => {
      const host = new FakeExcelHost(big());
      host.responseLimitBytes = HOST_LIMIT;
      const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner, { responseLimitBytes: GATEWAY_LIMIT });
      const sliced = await workbook.readAllSheets();
      expect(host.refusedResponses).toEqual([]);
      expect(Math.max(...host.responses)).toBeLessThanOrEqual(HOST_LIMIT);
      expect(workbook.lastAction.syncs).toBeGreaterThan(3);
      const whole = await new OfficeWorkbook(new FakeExcelHost(big()).run as unknown as ExcelRunner, { responseLimitBytes: Infinity }).readAllSheets();
      expect(sliced).toEqual(whole);
      expect(sliced[2].values[8]).toEqual(["C7", { error: "#VALUE!" }]);
    });

    test("a slice Excel still refuses is read again in two halves", async () => {
      const host = new FakeExcelHost(big());
      host.responseLimitBytes = HOST_LIMIT / 8; // far less than the gateway plans for
      const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner, { responseLimitBytes: GATEWAY_LIMIT });
      const grids = await workbook.readAllSheets();
      expect(host.refusedResponses.length).toBeGreaterThan(0);
      expect(grids[0].values).toHaveLength(6_001);
      expect(grids[0].values[6_000]).toEqual(["C5999", "Convention de partenariat n° 5999", 40_000 + (5_999 % 3000)]);
      expect(grids[2].values).toHaveLength(9_001);
    });

    test("the add-in's alerts and reports are not read; a sheet asked for alone is read alone", async () => {
      const host = new FakeExcelHost({ ...big(), Alertes: [["Alerte"], ["x"]], "Rapport 2025": [["Rapport"]] });
      const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner, { responseLimitBytes: GATEWAY_LIMIT });
      const grids = await workbook.readAllSheets({ skip: isAddinOutputSheet });
      expect(grids.map((g) => g.name)).toEqual(["Conventions", "Vide", "Comités"]);
      const before = host.responses.length;
      expect(await workbook.readSheet("Alertes")).toEqual({ name: "Alertes", values: [["Alerte"], ["x"]] });
      expect(Math.max(...host.responses.slice(before))).toBeLessThan(1_000);
    });
  });

  test("Vérifier: the alerts sheet, the add-in's columns and settings, in few requests; no user cell changes", async () => {
    const host = new FakeExcelHost(REGISTER);
    const before = host.values("Conventions");
    const workbook = gateway(host);
    const checked = await checkWorkbook(workbook, { asOf: d("2026-11-29") });
    if (!checked.ok) throw new Error("register expected");
    const { plan } = planAlerts({ asOf: d("2026-11-29"), mapping: checked.mapping, grouped: checked.grouped, grids: checked.grids, settings: checked.settings });
    await workbook.apply(plan);
    expect(workbook.lastAction.syncs).toBeLessThanOrEqual(3);
    const after = host.values("Conventions");
    before.forEach((row, r) => row.forEach((value, c) => expect(after[r][c]).toEqual(value)));
    expect(after[2].slice(4)).toEqual(["Alerte", "Prochain comité"]);
    expect(host.sheet(ALERTS_SHEET)?.tables[0]).toMatchObject({ name: "RegistreAlertes" });
    expect(host.sheet(SETTINGS_SHEET)?.visibility).toBe("VeryHidden");
    // The title "=1+1" is still text, never a formula.
    expect(host.sheet("Conventions")?.cells.get("3,1")).toEqual({ value: "=1+1" });
    // Alert text written by the add-in is text too: the only formulas are its links (HYPERLINK, the text a literal).
    const formulas = [...(host.sheet(ALERTS_SHEET)?.cells.values() ?? [])].flatMap((cell) => (cell.formula === undefined ? [] : [cell.formula]));
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) expect(formula).toMatch(/^=HYPERLINK\("#'Conventions'![A-Z]+\d+","Conventions(![A-Z]+\d+|, ligne \d+)"\)$/);
  });

  test("a protected sheet refuses the plan before anything is written", async () => {
    const host = new FakeExcelHost(REGISTER);
    host.sheet("Conventions")!.protected = true;
    const workbook = gateway(host);
    const checked = await checkWorkbook(workbook, { asOf: d("2026-11-29") });
    if (!checked.ok) throw new Error("register expected");
    const { plan } = planAlerts({ asOf: d("2026-11-29"), mapping: checked.mapping, grouped: checked.grouped, grids: checked.grids, settings: checked.settings });
    await expect(workbook.apply(plan)).rejects.toEqual(new GatewayError("sheet_protected", "Conventions"));
    expect(host.sheet(ALERTS_SHEET)).toBeUndefined();
  });

  test("a large sheet is written in requests under the limit", async () => {
    const host = new FakeExcelHost({ S: [["x"]] });
    const rows = Array.from({ length: 60_000 }, (_, i) => [textCell(`Ligne ${i} ${"x".repeat(60)}`), textCell("=1+1")]);
    const draft: SheetDraft = { name: "Gros", rows };
    const workbook = gateway(host);
    await workbook.apply({ addSheets: [draft] });
    expect(Math.max(...host.requests)).toBeLessThan(MAX_REQUEST_BYTES);
    expect(workbook.lastAction.syncs).toBeGreaterThan(2);
    expect(host.values("Gros")[59_999]).toEqual([`Ligne 59999 ${"x".repeat(60)}`, "=1+1"]);
  });

  test("select activates the sheet and selects the row; a missing sheet is an error", async () => {
    const host = new FakeExcelHost(REGISTER);
    const workbook = gateway(host);
    await workbook.select({ sheet: "Conventions", row: 3, column: 0, columnCount: 4 });
    expect(host.selected).toBe("Conventions!A4:D4");
    await expect(workbook.select({ sheet: "Absente", row: 0, column: 0 })).rejects.toMatchObject({ code: "sheet_missing" });
  });
});
