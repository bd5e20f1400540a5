/**
 * The one way a report becomes a sheet, for the pane (through Excel) and the command line (into a
 * copy of the file): the report's data from the register checked at asOf, then its sheet.
 */
import { CheckResult } from "../core/check/checkRegister";
import { CalendarDate } from "../core/dates/calendarDate";
import { Register } from "../core/register/registerSchema";
import { annualReport } from "../core/report/annualReport";
import { committeeReport } from "../core/report/committeeReport";
import { annualReportPlan } from "./annualReportSheet";
import { committeeReportPlan } from "./committeeReportSheet";
import { WorkbookPlan } from "./sheetDraft";

/** Which report: the annual one of a year, or the one that frames a convention's next comité. */
export type ReportChoice = { readonly kind: "annual"; readonly year: number } | { readonly kind: "committee"; readonly conventionId: string };

export interface ReportOptions {
  readonly asOf: CalendarDate;
  /** The authority named under the title; null for none. */
  readonly authority: string | null;
}

export interface PlannedReport {
  /** The new sheet, as a plan any gateway applies. */
  readonly plan: WorkbookPlan;
  /** The convention of a comité report; null for the annual one. */
  readonly conventionId: string | null;
  /** Conventions in force during the year (annual report); null for a comité report. */
  readonly inForce: number | null;
}

/**
 * The report's sheet; null when the comité report's convention is not in the register.
 * @example reportPlan(register, check, { kind: "annual", year: 2025 }, { asOf, authority: null })?.plan.addSheets?.[0].name // "Rapport 2025"
 */
export function reportPlan(register: Register, check: CheckResult, choice: ReportChoice, options: ReportOptions): PlannedReport | null {
  if (choice.kind === "annual") {
    const report = annualReport(register, { asOf: options.asOf, year: choice.year, authority: options.authority }, check);
    return { plan: annualReportPlan(report), conventionId: null, inForce: report.figures.inForce };
  }
  const report = committeeReport(register, { asOf: options.asOf, conventionId: choice.conventionId, authority: options.authority }, check);
  return report === null ? null : { plan: committeeReportPlan(report), conventionId: choice.conventionId, inForce: null };
}
