import { fieldForHeader } from "../../src/core/register/detectMapping";
import { chooseField, chooseSheet } from "../../src/core/register/mappingDraft";
import { ALERTS_SHEET, SETTINGS_SHEET } from "../../src/plans/ownedSheets";
import { SETUP_ROWS, computedColumns, setupRegisterPlan } from "../../src/plans/setupRegister";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { readSettings } from "../../src/plans/addinSettings";
import { adoptRegister, checkAndAnnotate, inspectWorkbook, setUpRegister } from "../../src/actions/registerActions";
import { addAnnualReport, addCommitteeReport } from "../../src/actions/reportActions";
import { ALERTS, SEVERITY_LABELS } from "../../src/i18n/register.fr";
import { d } from "../helpers/dates";

const ASOF = d("2026-11-29");

/** A register as staff keep it: a title, odd headers, a comités sheet. */
function staffWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook({
    Suivi: [
      ["Conventions de partenariat 2024"],
      [],
      ["N° convention", "Objet", "Signée le", "Durée (ans)", "Remarques"],
      ["C1", "=1+1", 45488, 3, "<img src=x onerror=alert(1)>"],
      ["C2", "Club", "15/01/2025", 2, null],
    ],
    "Comités": [
      ["Convention", "Date", "Type"],
      ["C1", 45636, "Comité de suivi"],
    ],
  });
}

describe("the register's actions on the in-memory gateway", () => {
  test("a blank workbook is offered a new register; the new register is adopted at once and found again", async () => {
    const workbook = new MemoryWorkbook({ Feuil1: [] });
    expect(await inspectWorkbook(workbook)).toEqual({ kind: "blank", sheets: ["Feuil1"] });
    const result = await setUpRegister(workbook);
    expect(result.ok).toBe(true);
    expect(await workbook.sheetNames()).toEqual(["Feuil1", "Conventions", "Comités", "Échéances", "Avenants", SETTINGS_SHEET]);
    const inspection = await inspectWorkbook(workbook);
    expect(inspection).toMatchObject({ kind: "adopted", conventions: [{ id: "TEAM2-2024" }] });
    expect(workbook.sheet("Conventions")?.draft?.tables?.[0].name).toBe("Conventions");
    expect(workbook.active).toBe("Conventions");
  });

  test("the set-up's formula columns never read as a field, and their formulas name the add-in's functions", () => {
    for (const column of computedColumns()) expect(fieldForHeader("conventions", column.header)).toBeUndefined();
    const formulas = computedColumns().map((c) => c.formula);
    expect(formulas[0]).toBe('=IF(OR([@[Date de notification]]="",[@[Durée]]=""),"",CONV.DATE.FIN([@[Date de notification]],[@[Durée]]))');
    expect(formulas[3]).toContain("FILTER(Comites[Date],(Comites[Référence convention]=[@[Référence]])");
    const conventions = setupRegisterPlan().addSheets?.[0];
    expect(conventions?.validations?.find((v) => v.rule.kind === "date")?.area.rowCount).toBe(SETUP_ROWS);
  });

  test("a register to adopt: the detection's mapping is reviewed, corrected and kept; nothing else is written", async () => {
    const workbook = staffWorkbook();
    const inspection = await inspectWorkbook(workbook);
    if (inspection.kind !== "toAdopt") throw new Error(inspection.kind);
    expect(inspection.draft.conventions?.columns.map((c) => c.field)).toEqual(["id", "title", "start", "duration", "notes"]);
    // The user says "Remarques" is not the observations column.
    const corrected = chooseField(inspection.draft, "conventions", 4, null);
    const before = JSON.stringify(await workbook.readAllSheets());
    const adopted = await adoptRegister(workbook, corrected);
    expect(adopted.ok).toBe(true);
    const after = await workbook.readAllSheets();
    expect(JSON.stringify(after.filter((g) => g.name !== SETTINGS_SHEET))).toBe(before);
    expect(workbook.sheet(SETTINGS_SHEET)?.visibility).toBe("veryHidden");
    const again = await inspectWorkbook(workbook);
    expect(again.kind).toBe("adopted");
    if (again.kind === "adopted") expect(again.mapping.conventions.columns.notes).toBeUndefined();
  });

  test("a sheet chosen by hand gets the fields its headers suggest; a missing required column is a problem, nothing kept", async () => {
    const workbook = staffWorkbook();
    const inspection = await inspectWorkbook(workbook);
    if (inspection.kind !== "toAdopt") throw new Error(inspection.kind);
    const onComites = chooseSheet(inspection.draft, "conventions", inspection.grids, "Comités", 1);
    expect(onComites.conventions?.columns.map((c) => c.header)).toEqual(["Convention", "Date", "Type"]);
    const noStart = chooseField(inspection.draft, "conventions", 2, null);
    const refused = await adoptRegister(workbook, noStart);
    expect(refused).toMatchObject({ ok: false, problems: [{ code: "missing_column", field: "Date de notification" }] });
    expect(workbook.sheet(SETTINGS_SHEET)).toBeUndefined();
  });

  test("Vérifier writes the alerts sheet and the add-in's columns only; a rerun replaces them; a typed cell is kept", async () => {
    const workbook = staffWorkbook();
    const original = (await workbook.readSheet("Suivi")).values;
    const first = await checkAndAnnotate(workbook, ASOF);
    if (!first.ok) throw new Error("checked");
    const suivi = (await workbook.readSheet("Suivi")).values;
    original.forEach((row, r) => row.forEach((v, c) => expect(suivi[r][c]).toEqual(v)));
    expect(suivi[2].slice(5)).toEqual([ALERTS.alertColumn, ALERTS.nextCommitteeColumn]);
    expect(String(suivi[3][5])).toMatch(new RegExp(`^${SEVERITY_LABELS.late} : `));
    const alerts = (await workbook.readSheet(ALERTS_SHEET)).values;
    expect(alerts[4]).toEqual([...ALERTS.headers]);
    expect(alerts.length - 5).toBe(first.bySeverity.late + first.bySeverity.soon + first.bySeverity.data);
    // The user types a note in the add-in's column: the next check leaves it.
    workbook.type("Suivi", 4, 5, "Relancé le 02/12");
    const second = await checkAndAnnotate(workbook, ASOF);
    if (!second.ok) throw new Error("checked");
    expect(second.keptCells).toEqual([{ sheet: "Suivi", row: 5, column: "F" }]);
    expect((await workbook.readSheet("Suivi")).values[4][5]).toBe("Relancé le 02/12");
    expect((await workbook.sheetNames()).filter((n) => n === ALERTS_SHEET)).toHaveLength(1);
    // The columns stay where they were.
    expect((await workbook.readSheet("Suivi")).values[2].length).toBe(7);
  });

  test("text from the workbook goes back as text: an HTML title or '=1+1' is never markup or a formula", async () => {
    const workbook = staffWorkbook();
    workbook.type("Suivi", 4, 2, "=1+1");
    const outcome = await checkAndAnnotate(workbook, ASOF);
    if (!outcome.ok) throw new Error("checked");
    const written = [...(workbook.sheet(ALERTS_SHEET)?.written.values() ?? [])];
    expect(written.some((cell) => cell.kind === "text" && cell.text.includes("=1+1"))).toBe(true);
    expect(written.every((cell) => cell.kind !== "formula")).toBe(true);
  });

  test("a protected conventions sheet: a GatewayError, and nothing written", async () => {
    const workbook = staffWorkbook();
    workbook.protect("Suivi");
    await expect(checkAndAnnotate(workbook, ASOF)).rejects.toMatchObject({ code: "sheet_protected", sheet: "Suivi" });
    expect(workbook.sheet(ALERTS_SHEET)).toBeUndefined();
    expect(workbook.applied).toHaveLength(0);
  });
});

describe("the reports, added by the pane's buttons", () => {
  /** The staff register, adopted as the pane does it. */
  async function adopted(): Promise<MemoryWorkbook> {
    const workbook = staffWorkbook();
    const inspection = await inspectWorkbook(workbook);
    if (inspection.kind !== "toAdopt") throw new Error(inspection.kind);
    expect((await adoptRegister(workbook, inspection.draft)).ok).toBe(true);
    return workbook;
  }

  test("the annual report is a new sheet, shown; the register's cells are unchanged; a second one is « Rapport 2025 (2) »", async () => {
    const workbook = await adopted();
    const before = JSON.stringify((await workbook.readAllSheets()).filter((g) => g.name !== SETTINGS_SHEET));
    const first = await addAnnualReport(workbook, 2025, { asOf: ASOF, authority: "  Commune de Lens " });
    expect(first).toMatchObject({ kind: "written", sheet: "Rapport 2025", conventionId: null, conventions: [{ id: "C1", title: "=1+1" }, { id: "C2", title: "Club" }] });
    expect(workbook.active).toBe("Rapport 2025");
    const after = (await workbook.readAllSheets()).filter((g) => g.name !== SETTINGS_SHEET && g.name !== "Rapport 2025");
    expect(JSON.stringify(after)).toBe(before);
    // The heading names the authority, trimmed; it is kept for the next report.
    const report = (await workbook.readSheet("Rapport 2025")).values;
    expect(report.flat()).toContain("Commune de Lens");
    expect(readSettings(await workbook.readAllSheets())?.authority).toBe("Commune de Lens");
    const inspection = await inspectWorkbook(workbook);
    expect(inspection).toMatchObject({ kind: "adopted", authority: "Commune de Lens" });

    const second = await addAnnualReport(workbook, 2025, { asOf: ASOF, authority: "Commune de Lens" });
    expect(second).toMatchObject({ kind: "written", sheet: "Rapport 2025 (2)" });
    // Same authority: the settings are not rewritten.
    expect(workbook.applied.at(-1)?.replaceSheets ?? []).toEqual([]);
    // A check afterwards keeps the authority in the settings.
    await checkAndAnnotate(workbook, ASOF);
    expect(readSettings(await workbook.readAllSheets())?.authority).toBe("Commune de Lens");
    // A blank authority is no authority.
    await addAnnualReport(workbook, 2026, { asOf: ASOF, authority: "   " });
    expect(readSettings(await workbook.readAllSheets())?.authority).toBeNull();
  });

  test("the comité report of the convention whose row is selected: its own row, or one of its comités", async () => {
    const workbook = await adopted();
    await workbook.select({ sheet: "Suivi", row: 3, column: 1 });
    expect(await addCommitteeReport(workbook, "selectedRow", { asOf: ASOF, authority: "" })).toMatchObject({ kind: "written", sheet: "Comité – C1", conventionId: "C1" });
    expect(workbook.active).toBe("Comité – C1");
    await workbook.select({ sheet: "comités", row: 1, column: 2 });
    expect(await addCommitteeReport(workbook, "selectedRow", { asOf: ASOF, authority: "" })).toMatchObject({ kind: "written", sheet: "Comité – C1 (2)", conventionId: "C1" });
    expect(await addCommitteeReport(workbook, { reference: "C2" }, { asOf: ASOF, authority: "" })).toMatchObject({ kind: "written", sheet: "Comité – C2", conventionId: "C2" });
    // The title "=1+1" from the register is written as text, never as a formula.
    const written = [...(workbook.sheet("Comité – C1")?.written.values() ?? [])];
    expect(written.some((cell) => cell.kind === "text" && cell.text === "=1+1")).toBe(true);
    expect(written.every((cell) => cell.kind !== "formula" || !cell.formula.includes("1+1"))).toBe(true);
  });

  test("no convention on the selected row, or a reference no longer there: refused in the pane's terms, nothing written", async () => {
    const workbook = await adopted();
    const applied = workbook.applied.length;
    await workbook.select({ sheet: "Suivi", row: 2, column: 0 });
    const header = await addCommitteeReport(workbook, "selectedRow", { asOf: ASOF, authority: "" });
    expect(header).toMatchObject({ kind: "refused", refusal: { code: "no_convention_here", place: { sheet: "Suivi", row: 2, column: 0 } } });
    const gone = await addCommitteeReport(workbook, { reference: "C9" }, { asOf: ASOF, authority: "Ville" });
    expect(gone).toMatchObject({ kind: "refused", refusal: { code: "unknown_convention", reference: "C9" }, conventions: [{ id: "C1" }, { id: "C2" }] });
    expect(workbook.applied).toHaveLength(applied);
    // Nothing selected yet (a fresh workbook): said the same way.
    const fresh = staffWorkbook();
    expect(await addCommitteeReport(fresh, "selectedRow", { asOf: ASOF, authority: "" })).toMatchObject({ kind: "refused", refusal: { code: "no_convention_here", place: null } });
  });

  test("a workbook without a register: the problems, nothing written; a protected register is no obstacle to a new sheet", async () => {
    const blank = new MemoryWorkbook({ Feuil1: [] });
    expect(await addAnnualReport(blank, 2025, { asOf: ASOF, authority: "" })).toMatchObject({ kind: "unreadable", problems: [{ code: "empty_workbook" }] });
    expect(blank.applied).toHaveLength(0);
    const workbook = await adopted();
    workbook.protect("Suivi");
    expect(await addAnnualReport(workbook, 2025, { asOf: ASOF, authority: "" })).toMatchObject({ kind: "written", sheet: "Rapport 2025" });
  });
});
