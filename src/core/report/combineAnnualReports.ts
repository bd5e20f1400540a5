/**
 * The annual report of several registers (the services of an intercommunality, each with its own
 * workbook) as one report: the report of their union, in which each convention stays the one of
 * its register — the same reference in two registers names two conventions, never one.
 *
 * Every part of an annual report counts or sums things that belong to one convention (the
 * convention itself, its periods, comités, milestones, amendments, findings, amount), so the
 * report of the union is the sum of the registers' reports: figures, semesters and statuses
 * added, rows and action lists put one after the other (register by register, in the order
 * given), the lists sorted by days left kept sorted. What is left to the caller: how a convention
 * is named and where its row is in the combined report (a reference qualified by its service, a
 * row of a consolidated sheet), given per part.
 */
import { CalendarDate } from "../dates/calendarDate";
import { compareDates } from "../dates/dayNumber";
import { FindingOf } from "../check/findings";
import { ConventionStatus } from "../rules/conventionStatus";
import { RowSource } from "../register/registerSchema";
import { AnnualFigures, AnnualReport, annualReport } from "./annualReport";

/** A convention of a part as the combined report names and places it. */
export interface CombinedConvention {
  readonly id: string;
  readonly source: RowSource | null;
}

export interface AnnualReportPart {
  /** The register's own annual report, for the same year and asOf. */
  readonly report: AnnualReport;
  /** Each convention's name and row in the combined report, by its reference in the register; absent: kept as it is. */
  readonly conventions: ReadonlyMap<string, CombinedConvention>;
}

export interface CombineOptions {
  readonly year: number;
  readonly asOf: CalendarDate;
  readonly authority: string | null;
}

/**
 * The annual report of the union of the parts' registers.
 * @example combineAnnualReports([{ report: reportA, conventions: new Map() }, { report: reportB, conventions: new Map() }], { year: 2025, asOf, authority: null }).figures.inForce
 *   // reportA.figures.inForce + reportB.figures.inForce
 */
export function combineAnnualReports(parts: readonly AnnualReportPart[], options: CombineOptions): AnnualReport {
  // The report of no convention at all: the zero the parts are added to (its semesters, period, authority).
  const empty = annualReport({ conventions: [], committees: [], deadlines: [], amendments: [] }, options);
  for (const part of parts) {
    if (part.report.year !== options.year || compareDates(part.report.asOf, options.asOf) !== 0) {
      throw new Error(`combineAnnualReports: a part's report is not of ${options.year} at the same date`);
    }
  }
  const renamed = parts.map(rename);
  const all = <T>(pick: (report: AnnualReport) => readonly T[]): T[] => renamed.flatMap(pick);
  const byDaysLeft = <T extends { readonly daysLeft: number }>(list: T[]): T[] => list.sort((a, b) => a.daysLeft - b.daysLeft);
  const figures = Object.fromEntries(
    (Object.keys(empty.figures) as (keyof AnnualFigures)[]).map((key) => [key, parts.reduce((sum, p) => sum + p.report.figures[key], 0)]),
  ) as unknown as AnnualFigures;
  const byStatus = Object.fromEntries(
    (Object.keys(empty.byStatus) as (ConventionStatus | "unknown")[]).map((key) => [key, parts.reduce((sum, p) => sum + p.report.byStatus[key], 0)]),
  ) as Record<ConventionStatus | "unknown", number>;
  return {
    ...empty,
    figures,
    semesters: empty.semesters.map((semester, i) => ({
      ...semester,
      required: parts.reduce((sum, p) => sum + p.report.semesters[i].required, 0),
      held: parts.reduce((sum, p) => sum + p.report.semesters[i].held, 0),
      missing: parts.reduce((sum, p) => sum + p.report.semesters[i].missing, 0),
    })),
    byStatus,
    rows: all((r) => r.rows),
    missingCommittees: all((r) => r.missingCommittees),
    expiring: byDaysLeft(all((r) => r.expiring)),
    overdueMilestones: all((r) => r.overdueMilestones),
    appeals: byDaysLeft(all((r) => r.appeals)),
  };
}

/** A part's report with its conventions named and placed as the combined report has them. */
function rename(part: AnnualReportPart): AnnualReport {
  const { report, conventions } = part;
  if (conventions.size === 0) return report;
  const named = <T extends { readonly id: string; readonly source: RowSource | null }>(item: T): T => {
    const to = conventions.get(item.id);
    return to === undefined ? item : { ...item, id: to.id, source: to.source };
  };
  const finding = <F extends FindingOf<"missing_committee" | "committee_due" | "milestone_overdue">>(f: F): F => {
    const to = f.conventionId === null ? undefined : conventions.get(f.conventionId);
    return to === undefined ? f : { ...f, conventionId: to.id };
  };
  return {
    ...report,
    rows: report.rows.map(named),
    missingCommittees: report.missingCommittees.map(finding),
    expiring: report.expiring.map(named),
    overdueMilestones: report.overdueMilestones.map(finding),
    appeals: report.appeals.map(named),
  };
}
