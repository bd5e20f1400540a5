/**
 * The two reports as sheets, applied through the in-memory gateway: what a cell holds, how it is
 * written (text stays text), the table, the chart's data in the sheet, the print setup.
 */
import { annualReport } from "../../src/core/report/annualReport";
import { annualReportPlan, annualReportSheet } from "../../src/plans/annualReportSheet";
import { committeeReport } from "../../src/core/report/committeeReport";
import { committeeReportPlan } from "../../src/plans/committeeReportSheet";
import { areaAddress } from "../../src/plans/sheetDraft";
import { CellValue } from "../../src/core/cells/sheetGrid";
import { MemorySheet, MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { d } from "../helpers/dates";
import { committee, convention, deadline, register, team2 } from "../helpers/register";

// Serials: 45853 = 15/07/2025 (the start of "=1+1"), 46217 = 14/07/2026 (its end, 12 months later).
const tricky = { ...convention("=1+1", { title: "+33 6 12 34 56 78", partner: "@partenaire", start: "2025-07-15", duration: 12 }), notes: "-moins" };
const reg = register({
  conventions: [team2(), tricky],
  committees: [committee("TEAM2", "2025-03-20"), committee("=1+1", "2025-09-01")],
  deadlines: [deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18 })],
});
const asOf = d("2026-01-26");

/** The row (0-based) whose first cell holds `text`. */
function rowOf(sheet: MemorySheet, text: string): number {
  const row = sheet.values.findIndex((cells) => cells[0] === text);
  if (row < 0) throw new Error(`No row starting with ${text}`);
  return row;
}

function cellsOf(sheet: MemorySheet, row: number): CellValue[] {
  return sheet.values[row] ?? [];
}

describe("the annual report sheet", () => {
  const report = annualReport(reg, { year: 2025, asOf, authority: "Agglomération de test" });

  it("is added as a new sheet, named 'Rapport 2025 (2)' when 'Rapport 2025' exists, and shown", async () => {
    const workbook = new MemoryWorkbook({ Conventions: [["Référence"]], "Rapport 2025": [["ancien rapport"]] });
    const applied = await workbook.apply(annualReportPlan(report));
    expect(applied.addedSheets).toEqual(["Rapport 2025 (2)"]);
    expect(await workbook.sheetNames()).toEqual(["Conventions", "Rapport 2025", "Rapport 2025 (2)"]);
    expect(workbook.sheet("Rapport 2025")?.values).toEqual([["ancien rapport"]]);
    expect(workbook.active).toBe("Rapport 2025 (2)");
  });

  it("heads with the title, the authority and the date of the check", async () => {
    const workbook = new MemoryWorkbook({});
    await workbook.apply(annualReportPlan(report));
    const sheet = workbook.sheet("Rapport 2025");
    expect(sheet?.values.slice(0, 3).map((row) => row[0])).toEqual([
      "Rapport annuel 2025 — conventions de partenariat",
      "Agglomération de test",
      "Situation au 26/01/2026, date de la vérification du registre — période couverte : du 01/01/2025 au 31/12/2025.",
    ]);
    expect(sheet?.written.get("0,0")).toMatchObject({ kind: "text", style: "title" });
  });

  it("writes the key figures as numbers, amounts with the amount format", async () => {
    const workbook = new MemoryWorkbook({});
    await workbook.apply(annualReportPlan(report));
    const sheet = workbook.sheet("Rapport 2025") as MemorySheet;
    const inForce = rowOf(sheet, "Conventions en vigueur en 2025");
    expect(cellsOf(sheet, inForce)[3]).toBe(2);
    expect(cellsOf(sheet, rowOf(sheet, "dont notifiées en 2025"))[3]).toBe(1);
    expect(sheet.written.get(`${rowOf(sheet, "Montant des conventions en vigueur")},3`)).toMatchObject({ kind: "number", value: 0, format: "amount" });
  });

  it("writes one table row per convention; text from the register stays text, dates are serials", async () => {
    const workbook = new MemoryWorkbook({});
    await workbook.apply(annualReportPlan(report));
    const sheet = workbook.sheet("Rapport 2025") as MemorySheet;
    const headerRow = rowOf(sheet, "Conventions en vigueur en 2025 (2)") + 1;
    expect(sheet.draft?.tables).toEqual([{ name: "Rapport2025", area: { row: headerRow, column: 0, rowCount: 3, columnCount: 13 } }]);
    expect(cellsOf(sheet, headerRow).slice(0, 7)).toEqual(["Référence", "Intitulé", "Partenaire", "Délibération", "Début", "Fin", "Statut au 31/12/2025"]);
    const row = cellsOf(sheet, headerRow + 2);
    expect(row.slice(0, 7)).toEqual(["=1+1", "+33 6 12 34 56 78", "@partenaire", null, 45853, 46217, "En cours"]);
    expect(row[12]).toBe("-moins");
    expect(sheet.written.get(`${headerRow + 2},0`)).toMatchObject({ kind: "text", text: "=1+1", link: { sheet: "Conventions", row: 1, column: 0 } });
    expect(sheet.written.get(`${headerRow + 2},4`)).toMatchObject({ kind: "date", serial: 45853 });
    // TEAM2: the deliberation in three lines, its comité of 2025, its missing semester.
    const team = cellsOf(sheet, headerRow + 1);
    expect(team[3]).toBe("du 25/06/2024\nexécutoire le 12/07/2024");
    expect(team[8]).toBe("20/03/2025");
    expect(team[9]).toBe("2025-S2");
  });

  it("puts the chart's data in the sheet: semesters, comités required and held", async () => {
    const workbook = new MemoryWorkbook({});
    await workbook.apply(annualReportPlan(report));
    const sheet = workbook.sheet("Rapport 2025") as MemorySheet;
    const chart = sheet.draft?.charts?.[0];
    expect(chart?.title).toBe("Comités de suivi : requis et tenus");
    const data = chart?.data ?? { row: 0, column: 0, rowCount: 0, columnCount: 0 };
    expect(areaAddress(data)).toBe("F6:H8");
    const values = sheet.values.slice(data.row, data.row + data.rowCount).map((cells) => cells.slice(data.column, data.column + data.columnCount));
    // 2025-S1: TEAM2 required and held. 2025-S2: TEAM2 (missing) and =1+1 (from 15/07: held 01/09).
    expect(values).toEqual([
      ["Semestre", "Requis", "Tenus"],
      ["2025-S1", 1, 1],
      ["2025-S2", 2, 1],
    ]);
  });

  it("prints on A4 landscape, one page wide, the table's header repeated, actions and table from a new page", () => {
    const draft = annualReportSheet(report);
    const header = draft.tables?.[0].area.row ?? -1;
    expect(draft.print).toEqual({
      landscape: true,
      fitToWidth: true,
      footer: "Page &P / &N",
      repeatRows: { first: header, last: header },
      pageBreaks: [expect.any(Number), header - 1],
    });
    const actions = draft.print?.pageBreaks?.[0] ?? -1;
    expect(draft.rows[actions]?.[0]).toMatchObject({ text: "Comités de suivi manquants ou à tenir", style: "heading" });
    expect(draft.rows[header - 1]?.[0]).toMatchObject({ text: "Conventions en vigueur en 2025 (2)", style: "heading" });
  });

  it("says when there is nothing to act on, and has no table without a convention", () => {
    const empty = annualReportSheet(annualReport(register({ conventions: [] }), { year: 2025, asOf }));
    const texts = empty.rows.map((row) => (row[0] !== null && row[0]?.kind === "text" ? row[0].text : null));
    expect(texts).toEqual(expect.arrayContaining(["Aucun comité de suivi manquant.", "Aucune convention en vigueur en 2025."]));
    expect(empty.tables).toEqual([]);
    expect(empty.print?.repeatRows).toBeUndefined();
  });
});

describe("the comité report sheet", () => {
  const report = committeeReport(reg, { conventionId: "TEAM2", asOf });

  it("is added as 'Comité – TEAM2', with the obligations' states and blank rows to fill in", async () => {
    if (report === null) throw new Error("TEAM2 is in the register");
    const workbook = new MemoryWorkbook({ Conventions: [["Référence"]] });
    const applied = await workbook.apply(committeeReportPlan(report));
    expect(applied.addedSheets).toEqual(["Comité – TEAM2"]);
    const sheet = workbook.sheet("Comité – TEAM2") as MemorySheet;
    expect(sheet.values[0][0]).toBe("Préparation du comité de suivi — convention TEAM2");
    const obligations = rowOf(sheet, "Obligation");
    // No comité in 2024-S2 nor 2025-S2 here: one semester of three held.
    expect(cellsOf(sheet, obligations + 1)).toEqual([
      "Comité de suivi",
      "Au moins 1 par semestre",
      "1 semestre sur 3 échus",
      "En retard",
      "Sans réunion : semestre 2024-S2, semestre 2025-S2. Prochaine au plus tard le 30/06/2026 (semestre 2026-S1).",
    ]);
    expect(cellsOf(sheet, obligations + 2).slice(0, 4)).toEqual(["Pôle innovation", "Avant le 14/01/2026 (délai de 18 mois)", "Non réalisé", "En retard"]);
    expect(sheet.written.get(`${obligations + 1},3`)).toMatchObject({ style: "late" });
    const agenda = rowOf(sheet, "N°");
    expect(cellsOf(sheet, agenda + 1)[0]).toBe(1);
    expect(sheet.written.get(`${agenda + 1},1`)).toMatchObject({ kind: "text", text: "", style: "input" });
    expect(sheet.draft?.merges).toContainEqual({ row: agenda + 1, column: 1, rowCount: 1, columnCount: 3 });
    expect(sheet.draft?.print).toEqual({ landscape: false, fitToWidth: true, footer: "Page &P / &N" });
  });
});
