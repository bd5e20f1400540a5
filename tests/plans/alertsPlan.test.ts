import { planAlerts } from "../../src/plans/alertsPlan";
import { readSettings } from "../../src/plans/addinSettings";
import { chooseField, chooseSheet, draftFromMapping, draftToExplicit } from "../../src/core/register/mappingDraft";
import { detectMapping } from "../../src/core/register/detectMapping";
import { ALERTS_SHEET, SETTINGS_SHEET, isAddinSheet, committeeSheetName } from "../../src/plans/ownedSheets";
import { CellValue, SheetGrid } from "../../src/core/cells/sheetGrid";
import { uniqueSheetName } from "../../src/plans/sheetDraft";
import { checkWorkbook } from "../../src/actions/loadRegister";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { ALERTS, SEVERITY_LABELS } from "../../src/i18n/register.fr";
import { d } from "../helpers/dates";

const ASOF = d("2026-11-29");

async function planFor(sheets: Record<string, CellValue[][]>) {
  const workbook = new MemoryWorkbook(sheets);
  const checked = await checkWorkbook(workbook, { asOf: ASOF });
  if (!checked.ok) throw new Error("register expected");
  return planAlerts({ asOf: ASOF, mapping: checked.mapping, grouped: checked.grouped, grids: checked.grids, settings: checked.settings });
}

describe("planAlerts", () => {
  test("the Alertes sheet: title, counts, a table whose 'Où' links to the cell concerned, late in red and soon in amber", async () => {
    const { plan, bySeverity } = await planFor({
      Conventions: [
        ["Référence", "Date de notification", "Durée"],
        ["C1", 45292, "trois ans et demi"],
      ],
    });
    const sheet = plan.replaceSheets?.find((s) => s.name === ALERTS_SHEET);
    expect(sheet?.tables?.[0]).toEqual({ name: "RegistreAlertes", area: { row: 4, column: 0, rowCount: 1 + bySeverity.late + bySeverity.soon + bySeverity.data, columnCount: 6 } });
    const invalid = sheet?.rows.find((row) => row[2]?.kind === "text" && row[2].text === "Valeurs illisibles");
    expect(invalid?.[4]).toEqual({ kind: "text", text: "Conventions!C2", link: { sheet: "Conventions", row: 1, column: 2 } });
    expect(sheet?.conditionalFormats?.map((f) => [f.style, f.whenTextContains])).toEqual([
      ["late", SEVERITY_LABELS.late],
      ["soon", SEVERITY_LABELS.soon],
    ]);
    expect(sheet?.print).toMatchObject({ landscape: true, fitToWidth: true, repeatRows: { first: 4, last: 4 } });
  });

  test("a register without findings: the sheet says so, without an empty table", async () => {
    const { plan, bySeverity } = await planFor({
      Conventions: [
        ["Référence", "Date de notification", "Durée"],
        ["C1", 46300, 36],
      ],
    });
    expect(bySeverity).toEqual({ late: 0, soon: 0, data: 0 });
    const sheet = plan.replaceSheets?.find((s) => s.name === ALERTS_SHEET);
    expect(sheet?.tables).toBeUndefined();
    expect(sheet?.rows[1][0]).toEqual({ kind: "text", text: "Vérification du 29/11/2026 : aucune alerte, le registre est à jour.", style: "subtitle" });
  });

  test("the add-in's columns go after the last column used in any row, and are remembered in the settings", async () => {
    const { plan } = await planFor({
      Conventions: [
        ["Registre", null, null, null, null, "note en marge"],
        ["Référence", "Date de notification", "Durée"],
        ["C1", 45292, 36],
      ],
    });
    expect(plan.blocks?.map((b) => [b.column, b.row, b.cells[0][0]])).toEqual([
      [6, 1, { kind: "text", text: ALERTS.alertColumn, style: "header" }],
      [7, 1, { kind: "text", text: ALERTS.nextCommitteeColumn, style: "header" }],
    ]);
    const settings = plan.replaceSheets?.find((s) => s.name === SETTINGS_SHEET);
    const grid: SheetGrid = { name: SETTINGS_SHEET, values: (settings?.rows ?? []).map((row) => row.map((c) => (c?.kind === "text" ? c.text : null))) };
    expect(readSettings([grid])?.ownColumns).toEqual({ sheet: "Conventions", alert: "G", nextCommittee: "H" });
  });
});

describe("the mapping under review", () => {
  const grids: SheetGrid[] = [
    { name: "Suivi", values: [["Réf.", "Date", "Date", "Durée"], ["C1", 45292, 45300, 36]] },
    { name: "Notes", values: [["Référence", "Signée le", "Durée (ans)"]] },
  ];

  test("two headers that read alike are named by their letters; a field without a column is null", () => {
    const draft = chooseSheet(draftFromMapping(null, grids), "conventions", grids, "Suivi", 1);
    const chosen = chooseField(chooseField(draft, "conventions", 2, "start"), "conventions", 0, "id");
    const explicit = draftToExplicit(chosen);
    expect(explicit.conventions?.columns).toMatchObject({ id: "Réf.", start: "C", duration: "Durée", title: null });
    expect(explicit.committees).toBeNull();
    const found = detectMapping(grids, explicit);
    expect(found.ok && found.mapping.conventions.columns.start.letter).toBe("C");
  });

  test("a field chosen for a second column leaves the first", () => {
    const draft = chooseSheet(draftFromMapping(null, grids), "conventions", grids, "Notes", 1);
    expect(draft.conventions?.columns.map((c) => c.field)).toEqual(["id", "start", "duration"]);
    expect(chooseField(draft, "conventions", 2, "start").conventions?.columns.map((c) => c.field)).toEqual(["id", null, "start"]);
  });
});

describe("the add-in's own sheets", () => {
  test("are named once and recognised; a user's 'Comité de suivi' sheet is not one of them", () => {
    expect(isAddinSheet("Rapport 2025 (2)")).toBe(true);
    expect(isAddinSheet(committeeSheetName("TEAM2/2024"))).toBe(true);
    expect(committeeSheetName("TEAM2/2024")).toBe("Comité – TEAM2-2024");
    expect(isAddinSheet("Comité de suivi")).toBe(false);
    expect(isAddinSheet("Rapports")).toBe(false);
    expect(uniqueSheetName("Rapport 2025", ["rapport 2025", "Rapport 2025 (2)"])).toBe("Rapport 2025 (3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});
