/**
 * The workbook of `registre consolider`: the registers of a folder in one new workbook, in the
 * add-in's French and print setup (A4 landscape, one page wide, header row on every page,
 * "Page n / N"):
 * - "Consolidation – registres": one line per register (its service, conventions, findings), the
 *   unreadable ones with the reason;
 * - "Consolidation – conventions": every convention with its register and service, its reference
 *   linked to its row in the register's file;
 * - "Alertes": every finding of every register, the "Où" linked to the cell of the register's file;
 * - "Rapport AAAA": the annual report of all the registers together (combineAnnualReports), each
 *   reference qualified by its service and linked to its line of the conventions sheet.
 * A convention's service is its register's own "Service" cell when there is one, else the name of
 * its register's file.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { FINDING_SEVERITY, Finding, Severity } from "../core/check/findings";
import { columnIndex } from "../core/cells/sheetGrid";
import { ConventionStatus } from "../core/rules/conventionStatus";
import { AnnualReport } from "../core/report/annualReport";
import { CombinedConvention, combineAnnualReports } from "../core/report/combineAnnualReports";
import { STATUS_LABELS } from "../i18n/fr";
import { CONSOLIDATION } from "../i18n/folder.fr";
import { PAGE_FOOTER } from "../i18n/report.fr";
import { ALERTS, FINDING_LABELS, SEVERITY_LABELS } from "../i18n/register.fr";
import { FindingLine, findingsSheet } from "./alertsPlan";
import { annualReportSheet } from "./annualReportSheet";
import { ALERTS_SHEET, CONSOLIDATION_SHEETS } from "./ownedSheets";
import { SheetBuilder, dayCell, maybeText } from "./sheetBuilder";
import { CellLink, DraftCell, SheetDraft, WorkbookPlan, numberCell, textCell } from "./sheetDraft";

/** A convention of a register, as the consolidation shows it. */
export interface ConsolidatedConvention {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  /** The register's own "Service" cell; null when it has none. */
  readonly service: string | null;
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly status: ConventionStatus | null;
  readonly nextCommitteeDue: CalendarDate | null;
  readonly missingSemesters: readonly string[];
  /** Its reference's cell in the register: sheet, 1-based row, 0-based column. */
  readonly source: { readonly sheet: string; readonly row: number; readonly column: number } | null;
  /** Its findings, the late ones first (as the check groups them). */
  readonly findings: readonly Finding[];
}

export type ConsolidatedRegister = {
  /** The register's path within the folder, "/" between folders: how every sheet names it. */
  readonly name: string;
  /** Its path from the consolidated workbook's folder, for the links. */
  readonly link: string;
} & (
  | {
      readonly ok: true;
      readonly conventions: readonly ConsolidatedConvention[];
      /** Findings of rows that name no convention of the register. */
      readonly orphans: readonly Finding[];
      /** The register's annual report for the consolidation's year, at its date. */
      readonly annual: AnnualReport;
    }
  | { readonly ok: false; readonly reason: string }
);

export interface ConsolidationInput {
  readonly asOf: CalendarDate;
  /** The folder, as given. */
  readonly folder: string;
  readonly year: number;
  readonly authority: string | null;
  readonly registers: readonly ConsolidatedRegister[];
}

export interface ConsolidationPlan {
  readonly plan: WorkbookPlan;
  readonly conventions: number;
  readonly alerts: number;
  readonly report: AnnualReport;
}

const TABLE_ROW = 4;
const REGISTER_WIDTHS = [34, 24, 13, 11, 11, 11, 60];
const CONVENTION_WIDTHS = [16, 34, 26, 20, 24, 11, 11, 13, 13, 16, 40];
const LEAD_WIDTHS = [24, 20];

/**
 * The consolidated workbook, as a plan for a new workbook (XlsxWorkbook.create).
 * @example consolidationPlan({ asOf, folder: "services", year: 2025, authority: null, registers }).plan.addSheets?.map((s) => s.name)
 *   // ["Consolidation – registres", "Consolidation – conventions", "Alertes", "Rapport 2025"]
 */
export function consolidationPlan(input: ConsolidationInput): ConsolidationPlan {
  const read = input.registers.filter((r): r is Extract<ConsolidatedRegister, { ok: true }> => r.ok);
  const situation = CONSOLIDATION.situation(input.asOf, input.folder, read.length, input.registers.length);

  // The conventions sheet first: the report's references link to its lines.
  const rowOf = new Map<ConsolidatedConvention, number>();
  const conventions = conventionsSheet(read, situation, rowOf);
  const lines: FindingLine[] = read.flatMap((register) => [
    ...register.conventions.flatMap((c) => c.findings.map((finding) => findingLine(register, serviceOf(register, c), finding))),
    ...register.orphans.map((finding) => findingLine(register, serviceOf(register, null), finding)),
  ]);
  const bySeverity: Record<Severity, number> = { late: 0, soon: 0, data: 0 };
  for (const line of lines) bySeverity[FINDING_SEVERITY[line.finding.code]] += 1;
  const alerts = findingsSheet(
    {
      name: ALERTS_SHEET,
      title: CONSOLIDATION.alertsTitle,
      subtitle: `${ALERTS.subtitle(input.asOf, bySeverity)} ${situation}`,
      note: CONSOLIDATION.note,
      lead: CONSOLIDATION.alertLeadHeaders.map((header, i) => ({ header, width: LEAD_WIDTHS[i] })),
      tableName: "ConsolidationAlertes",
    },
    lines,
  );
  const report = combineAnnualReports(
    read.map((register) => ({
      report: register.annual,
      conventions: new Map<string, CombinedConvention>(
        register.conventions.map((c) => [
          c.id,
          { id: CONSOLIDATION.qualifiedId(c.id, serviceOf(register, c)), source: { sheet: CONSOLIDATION_SHEETS.conventions, row: (rowOf.get(c) ?? 0) + 1 } },
        ]),
      ),
    })),
    { year: input.year, asOf: input.asOf, authority: input.authority },
  );
  const registers = registersSheet(input.registers, situation);
  return {
    plan: { addSheets: [registers, conventions, alerts, annualReportSheet(report)], activate: registers.name },
    conventions: rowOf.size,
    alerts: lines.length,
    report,
  };
}

/** A convention's service: its register's "Service" cell, else the register's file name without ".xlsx". */
function serviceOf(register: ConsolidatedRegister, convention: ConsolidatedConvention | null): string {
  const own = convention?.service?.trim() ?? "";
  if (own !== "") return own;
  const file = register.name.split("/").pop() ?? register.name;
  return file.replace(/\.xlsx$/i, "");
}

function heading(sheet: SheetBuilder, title: string, situation: string): void {
  sheet.wide(textCell(title, { style: "title" }));
  sheet.wide(textCell(situation, { style: "subtitle" }));
  sheet.wide(textCell(CONSOLIDATION.note, { style: "muted" }));
  sheet.skip();
}

function finish(sheet: SheetBuilder, rows: number, tableName: string): SheetDraft {
  if (rows > 0) sheet.table({ name: tableName, area: { row: TABLE_ROW, column: 0, rowCount: rows + 1, columnCount: sheet.width } });
  return sheet.build({
    print: { landscape: true, fitToWidth: true, repeatRows: { first: TABLE_ROW, last: TABLE_ROW }, footer: PAGE_FOOTER },
    frozenRows: TABLE_ROW + 1,
  });
}

function registersSheet(registers: readonly ConsolidatedRegister[], situation: string): SheetDraft {
  const sheet = new SheetBuilder(CONSOLIDATION_SHEETS.registers, REGISTER_WIDTHS);
  heading(sheet, CONSOLIDATION.registersTitle, situation);
  sheet.line(CONSOLIDATION.registerHeaders.map((h) => textCell(h, { style: "header", wrap: true })));
  for (const register of registers) {
    if (!register.ok) {
      sheet.line([textCell(register.name), null, null, null, null, null, textCell(CONSOLIDATION.unreadable(register.reason), { style: "late", wrap: true })]);
      continue;
    }
    const by: Record<Severity, number> = { late: 0, soon: 0, data: 0 };
    for (const f of [...register.conventions.flatMap((c) => c.findings), ...register.orphans]) by[FINDING_SEVERITY[f.code]] += 1;
    const services = [...new Set(register.conventions.map((c) => serviceOf(register, c)))];
    sheet.line([
      textCell(register.name),
      textCell(services.length === 0 ? serviceOf(register, null) : services.join(", "), { wrap: true }),
      numberCell(register.conventions.length, "integer"),
      numberCell(by.late, "integer", by.late > 0 ? { style: "late" } : {}),
      numberCell(by.soon, "integer", by.soon > 0 ? { style: "soon" } : {}),
      numberCell(by.data, "integer"),
      textCell(CONSOLIDATION.read),
    ]);
  }
  return finish(sheet, registers.length, "ConsolidationRegistres");
}

function conventionsSheet(registers: readonly Extract<ConsolidatedRegister, { ok: true }>[], situation: string, rowOf: Map<ConsolidatedConvention, number>): SheetDraft {
  const sheet = new SheetBuilder(CONSOLIDATION_SHEETS.conventions, CONVENTION_WIDTHS);
  heading(sheet, CONSOLIDATION.conventionsTitle, situation);
  sheet.line(CONSOLIDATION.conventionHeaders.map((h) => textCell(h, { style: "header", wrap: true })));
  for (const register of registers) {
    for (const c of register.conventions) {
      const link: CellLink | undefined = c.source === null ? undefined : { file: register.link, sheet: c.source.sheet, row: c.source.row - 1, column: c.source.column };
      const worst = c.findings[0];
      rowOf.set(
        c,
        sheet.line([
          textCell(c.id, link === undefined ? {} : { link }),
          maybeText(c.title, { wrap: true }),
          maybeText(c.partner, { wrap: true }),
          textCell(serviceOf(register, c)),
          textCell(register.name),
          dayCell(c.start, { align: "center" }),
          dayCell(c.end, { align: "center" }),
          c.status === null ? null : textCell(STATUS_LABELS[c.status], { align: "center" }),
          dayCell(c.nextCommitteeDue, { align: "center" }),
          c.missingSemesters.length === 0 ? null : textCell(c.missingSemesters.join(", "), { wrap: true }),
          worst === undefined ? null : textCell(ALERTS.alertCell(FINDING_SEVERITY[worst.code], FINDING_LABELS[worst.code], c.findings.length - 1), { wrap: true }),
        ]),
      );
    }
  }
  const count = rowOf.size;
  const column = (index: number) => ({ row: TABLE_ROW + 1, column: index, rowCount: Math.max(1, count), columnCount: 1 });
  sheet.conditionalFormat({ area: column(7), style: "late", whenTextContains: STATUS_LABELS.expired });
  sheet.conditionalFormat({ area: column(7), style: "soon", whenTextContains: STATUS_LABELS.to_renew });
  sheet.conditionalFormat({ area: column(10), style: "late", whenTextContains: `${SEVERITY_LABELS.late} : ` });
  sheet.conditionalFormat({ area: column(10), style: "soon", whenTextContains: `${SEVERITY_LABELS.soon} : ` });
  return finish(sheet, count, "ConsolidationConventions");
}

function findingLine(register: Extract<ConsolidatedRegister, { ok: true }>, service: string, finding: Finding): FindingLine {
  const at = finding.location;
  const link: CellLink | undefined =
    at === undefined ? undefined : { file: register.link, sheet: at.sheet, row: at.row - 1, column: (at.column === undefined ? null : columnIndex(at.column)) ?? 0 };
  const lead: DraftCell[] = [textCell(register.name), textCell(service)];
  return { finding, lead, link };
}
