import { planAlerts } from "../../src/core/alertsPlan";
import { ALERTS_SHEET, SETTINGS_SHEET } from "../../src/core/ownedSheets";
import { SheetDraft, textCell } from "../../src/core/sheetDraft";
import { GatewayError } from "../../src/excel/gateway";
import { checkWorkbook } from "../../src/excel/loadRegister";
import { ExcelRunner, MAX_REQUEST_BYTES, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";

function gateway(host: FakeExcelHost): OfficeWorkbook {
  return new OfficeWorkbook(host.run as unknown as ExcelRunner);
}

const REGISTER = {
  Accueil: [["Registre"]],
  Conventions: [
    ["Suivi des conventions"],
    [],
    ["Référence", "Intitulé", "Date de notification", "Durée"],
    ["TEAM2", "=1+1", 45488, 36],
    ["C2", "Club", "bad date", 36],
  ],
};

describe("the Office.js gateway, on the fake Excel host", () => {
  test("reads every sheet in two requests, from A1, with errors and blanks", async () => {
    const host = new FakeExcelHost({ A: [[null, null], [null, "x", { error: "#N/A" }]], Vide: [] });
    const workbook = gateway(host);
    const grids = await workbook.readAllSheets();
    expect(grids).toEqual([
      { name: "A", values: [[], [null, "x", { error: "#N/A" }]] },
      { name: "Vide", values: [] },
    ]);
    expect(workbook.lastAction.syncs).toBe(2);
    expect(host.runs).toBe(1);
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
    // Alert text written by the add-in is text too.
    expect([...(host.sheet(ALERTS_SHEET)?.cells.values() ?? [])].every((cell) => cell.formula === undefined)).toBe(true);
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
