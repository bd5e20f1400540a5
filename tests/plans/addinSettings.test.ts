import { NO_SETTINGS, readSettings, settingsSheet, updateSettings } from "../../src/plans/addinSettings";
import { SETTINGS_SHEET } from "../../src/plans/ownedSheets";
import { cellValueOf } from "../../src/plans/sheetDraft";
import { SheetGrid } from "../../src/core/cells/sheetGrid";

/** The settings sheet as Excel reads it back. */
function readBack(sheet: ReturnType<typeof settingsSheet>): SheetGrid {
  return { name: sheet.name, values: sheet.rows.map((row) => row.map(cellValueOf)) };
}

describe("the add-in's settings kept in the workbook", () => {
  test("round trip: mapping, own columns and the reports' authority, all as text", () => {
    const settings = { mapping: { conventions: { sheet: "Suivi" } }, ownColumns: { sheet: "Suivi", alert: "F", nextCommittee: "G" }, authority: "=Commune de Lens" };
    const sheet = settingsSheet(settings);
    expect(sheet.name).toBe(SETTINGS_SHEET);
    expect(sheet.rows.flat().every((cell) => cell === null || cell.kind === "text")).toBe(true);
    expect(readSettings([readBack(sheet)])).toEqual(settings);
  });

  test("a workbook set before the authority was kept (two rows), or with an unreadable value: no authority", () => {
    const older: SheetGrid = { name: SETTINGS_SHEET, values: [["…"], ["correspondance", "null"], ["colonnes_complement", "null"]] };
    expect(readSettings([older])).toEqual(NO_SETTINGS);
    for (const value of ["12", "{", '""', '"   "', "[]"]) {
      expect(readSettings([{ name: SETTINGS_SHEET, values: [["…"], ["collectivite", value]] }])?.authority).toBeNull();
    }
    expect(readSettings([{ name: "Feuil1", values: [] }])).toBeNull();
  });

  test("updateSettings changes what is given and keeps the rest", () => {
    const kept = { mapping: { a: 1 }, ownColumns: null, authority: "Ville" };
    expect(updateSettings(kept, { authority: null })).toEqual({ mapping: { a: 1 }, ownColumns: null, authority: null });
    expect(updateSettings(null, { authority: "Ville" })).toEqual({ ...NO_SETTINGS, authority: "Ville" });
  });
});
