/**
 * The two reports written in Excel through the Office.js gateway (on the fake Excel host): a new
 * sheet each time ("Rapport 2025 (2)", its table renamed), text from the register kept as text,
 * the chart, the print setup, the row heights; few requests.
 */
import { annualReport } from "../../src/core/report/annualReport";
import { annualReportPlan } from "../../src/plans/annualReportSheet";
import { committeeReport } from "../../src/core/report/committeeReport";
import { committeeReportPlan } from "../../src/plans/committeeReportSheet";
import { ExcelRunner, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { addAnnualReport, addCommitteeReport } from "../../src/actions/reportActions";
import { PAGE_FOOTER } from "../../src/i18n/report.fr";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";
import { committee, convention, register, team2 } from "../helpers/register";

const reg = register({
  conventions: [team2(), convention("=1+1", { title: "+33 6 12 34 56 78", start: "2025-07-15", duration: 12 })],
  committees: [committee("TEAM2", "2025-03-20"), committee("=1+1", "2025-09-01")],
});
const asOf = d("2026-01-26");

describe("the reports through the Office.js gateway", () => {
  test("the annual report: a new sheet each run, its table renamed, text as text, chart, print setup", async () => {
    const host = new FakeExcelHost({ Conventions: [["Référence"], ["TEAM2"]] });
    const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner);
    const plan = annualReportPlan(annualReport(reg, { year: 2025, asOf, authority: "Agglomération de test" }));
    expect((await workbook.apply(plan)).addedSheets).toEqual(["Rapport 2025"]);
    expect(workbook.lastAction.syncs).toBeLessThanOrEqual(3);
    expect((await workbook.apply(plan)).addedSheets).toEqual(["Rapport 2025 (2)"]);
    const [first, second] = [host.sheet("Rapport 2025"), host.sheet("Rapport 2025 (2)")];
    expect(first?.tables.map((t) => t.name)).toEqual(["Rapport2025"]);
    expect(second?.tables.map((t) => t.name)).toEqual(["Rapport2025_2"]);
    expect(host.activeSheet).toBe("Rapport 2025 (2)");
    const cells = [...(second?.cells.values() ?? [])];
    const tricky = cells.filter((cell) => cell.value === "=1+1" || cell.value === "+33 6 12 34 56 78");
    expect(tricky.length).toBeGreaterThanOrEqual(2);
    // Written as text ("@"), or as the text of a link: a literal of a HYPERLINK formula, quotes doubled.
    for (const cell of tricky) {
      if (cell.formula === undefined) expect(cell).toMatchObject({ numberFormat: "@" });
      else expect(cell.formula).toMatch(new RegExp(`^=HYPERLINK\\("#'Conventions'![A-Z]+\\d+","${(cell.value as string).replace(/[+]/g, "\\+")}"\\)$`));
    }
    // No other formula: nothing of the register's text became one.
    expect(cells.every((cell) => cell.formula === undefined || cell.formula.startsWith("=HYPERLINK("))).toBe(true);
    expect(second?.charts).toHaveLength(1);
    expect(second?.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", centerFooter: PAGE_FOOTER });
    expect(second?.pageBreaks.length).toBeGreaterThan(0);
    expect(second?.rowHeights.size).toBeGreaterThan(0);
    // The register itself is untouched.
    expect(host.values("Conventions")).toEqual([["Référence"], ["TEAM2"]]);
  });

  test("the comité report of one convention", async () => {
    const host = new FakeExcelHost({ Conventions: [["Référence"]] });
    const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner);
    const report = committeeReport(reg, { asOf, conventionId: "TEAM2" });
    if (report === null) throw new Error("TEAM2 is in the register");
    const { addedSheets } = await workbook.apply(committeeReportPlan(report));
    expect(addedSheets).toEqual(["Comité – TEAM2"]);
    expect(host.values("Comité – TEAM2").flat()).toContain("TEAM2");
    expect(workbook.lastAction.syncs).toBeLessThanOrEqual(3);
  });

  test("the pane's buttons through the gateway: the selected row's convention, one read and one write, the sheet shown", async () => {
    const host = new FakeExcelHost({
      Conventions: [
        ["Référence", "Intitulé", "Date de notification", "Durée"],
        ["TEAM2-2024", "=1+1", 45488, 36],
      ],
      "Comités": [
        ["Référence convention", "Date", "Type"],
        ["TEAM2-2024", 45736, "Comité de suivi"],
      ],
    });
    const workbook = new OfficeWorkbook(host.run as unknown as ExcelRunner);
    host.selectCell("Comités", 1, 1);
    const runs = host.runs;
    const outcome = await addCommitteeReport(workbook, "selectedRow", { asOf, authority: "Ville de test" });
    expect(outcome).toMatchObject({ kind: "written", sheet: "Comité – TEAM2-2024", conventionId: "TEAM2-2024" });
    // The active cell, the workbook, then the report and the settings: three Excel.run.
    expect(host.runs - runs).toBe(3);
    expect(workbook.lastAction.syncs).toBeLessThanOrEqual(3);
    expect(host.activeSheet).toBe("Comité – TEAM2-2024");
    expect(host.sheet("Comité – TEAM2-2024")?.cells.get("0,0")).toBeDefined();
    expect(host.values("Conventions")[1]).toEqual(["TEAM2-2024", "=1+1", 45488, 36]);

    expect(await addAnnualReport(workbook, 2025, { asOf, authority: "Ville de test" })).toMatchObject({ kind: "written", sheet: "Rapport 2025" });
    expect(host.activeSheet).toBe("Rapport 2025");
  });
});
