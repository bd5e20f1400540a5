/**
 * The annual report of a register ("Rapport 2025"), as data: key figures, comités per semester,
 * one row per convention in force during the year, and what needs action. Pure: the register, the
 * check and the options (asOf, the year) in, the same report out; no clock, no French words.
 */
import { addMonthsClamped } from "../dates/addMonthsClamped";
import { appealDeadline } from "../rules/appealDeadline";
import { dateToSerial } from "../dates/excelSerial";
import { CalendarDate } from "../dates/calendarDate";
import { CheckResult, ConventionRows, ConventionSummary, NO_ROWS, checkRegister, isSteeringMeeting, rowsByConvention } from "../check/checkRegister";
import { compareAmendments } from "../rules/conventionTerm";
import { ConventionStatus, conventionStatus } from "../rules/conventionStatus";
import { compareDates, minDate } from "../dates/dayNumber";
import { daysLeft } from "../dates/daysLeft";
import { deadlineKindOf } from "../rules/deadlineKind";
import { Result, fail, ok } from "../base/errors";
import { Finding, FindingOf } from "../check/findings";
import { calendarPeriodContaining } from "../rules/periods";
import { Amendment, Convention, Register, RowSource } from "../register/registerSchema";
import { ConventionFacts, ReportOptions, blankToNull, conventionFacts, isWithin, summariesById } from "./conventionFacts";

export interface AnnualReportOptions extends ReportOptions {
  readonly year: number;
}

/** The key figures of the year. */
export interface AnnualFigures {
  /** Conventions in force at some point of the year (up to asOf). */
  readonly inForce: number;
  /** Notified during the year. */
  readonly started: number;
  /** Ended during the year (their last day passed). */
  readonly ended: number;
  /** In their notice period at asOf: to renew. */
  readonly toRenew: number;
  /** Avenants signed during the year. */
  readonly amendments: number;
  /** Periods of the year that had their comité de suivi, and those that required one (all semesters summed). */
  readonly committeesHeld: number;
  readonly committeesRequired: number;
  /** Required periods of the year closed without their comité. */
  readonly missingSemesters: number;
  /** Milestones done during the year; milestones overdue at asOf. */
  readonly milestonesMet: number;
  readonly milestonesOverdue: number;
  /** Amounts of the conventions in force during the year, and of those notified during the year. */
  readonly amountInForce: number;
  readonly amountStarted: number;
}

/** Comités de suivi of one calendar semester of the year, all conventions together (the chart's data). */
export interface SemesterFigures {
  /** "2025-S1". */
  readonly label: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** Periods that required a comité, whose window had opened by asOf. */
  readonly required: number;
  /** Of those, the periods that had their comité (a second comité in a period adds nothing). */
  readonly held: number;
  /** Required periods closed without their comité. */
  readonly missing: number;
}

/** One convention in force during the year. */
export interface AnnualRow extends ConventionFacts {
  /** Status on the day the report looks at: the year's last day, or asOf while the year runs. */
  readonly status: ConventionStatus | null;
  /** Comités de suivi held during the year, in date order. */
  readonly committees: readonly CalendarDate[];
  /** Periods of the year closed without their comité ("2025-S1"). */
  readonly missingSemesters: readonly string[];
  /** Last day to hold the next comité de suivi, at asOf. */
  readonly nextCommitteeDue: CalendarDate | null;
  /** Avenants signed during the year, in order. */
  readonly amendments: readonly Amendment[];
}

/** A convention that ends within twelve months of asOf. */
export interface ExpiringConvention {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly source: RowSource | null;
  readonly end: CalendarDate;
  readonly daysLeft: number;
}

/** A deliberation whose appeal period still runs at asOf. */
export interface RunningAppeal {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly source: RowSource | null;
  readonly publication: CalendarDate;
  /** Last day to file the appeal (délai franc, moved to a working day). */
  readonly deadline: CalendarDate;
  readonly daysLeft: number;
}

export interface AnnualReport {
  readonly year: number;
  readonly asOf: CalendarDate;
  readonly authority: string | null;
  /** The part of the year the report covers: 1 January to 31 December, or to asOf while the year runs. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly figures: AnnualFigures;
  readonly semesters: readonly SemesterFigures[];
  /** The conventions of the report by their status on the report's last day (`to`); "unknown" without a usable term. */
  readonly byStatus: Readonly<Record<ConventionStatus | "unknown", number>>;
  readonly rows: readonly AnnualRow[];
  /** Comités de suivi missing in the year's semesters, and the one still to hold (committee_due). */
  readonly missingCommittees: readonly FindingOf<"missing_committee" | "committee_due">[];
  readonly expiring: readonly ExpiringConvention[];
  /** milestone_overdue findings of the conventions of the report. */
  readonly overdueMilestones: readonly FindingOf<"milestone_overdue">[];
  readonly appeals: readonly RunningAppeal[];
}

/**
 * The year of an annual report as typed ("2025", or a number): four digits Excel can show, and a
 * year begun at asOf — the report of a year to come would be empty.
 * @example parseReportYear("2025", { year: 2026, month: 1, day: 26 }) // { ok: true, value: 2025 }
 * @example parseReportYear("2027", { year: 2026, month: 11, day: 29 }).ok // false (year_to_come)
 */
export function parseReportYear(input: string | number, asOf: CalendarDate): Result<number> {
  const text = String(input).trim();
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900) return fail({ code: "invalid_year", value: input, field: "year" });
  if (year > asOf.year) return fail({ code: "year_to_come", value: year, field: "year", asOf });
  return ok(year);
}

/**
 * The year the pane offers for the annual report: the year just ended until the end of June (the
 * season of annual activity reports), the current year from July.
 * @example defaultReportYear({ year: 2026, month: 3, day: 2 }) // 2025
 */
export function defaultReportYear(asOf: CalendarDate): number {
  return asOf.month <= 6 ? asOf.year - 1 : asOf.year;
}

/** How far ahead the conventions ending soon are listed. */
const EXPIRING_MONTHS = 12;

/**
 * The annual report of a register for a year, at asOf. `check` is the check of the same register
 * with the same options (the pane has it already); it is computed when not given.
 * @example annualReport(register, { year: 2025, asOf: d("2026-01-26") }).figures.inForce // 12
 */
export function annualReport(register: Register, options: AnnualReportOptions, check: CheckResult = checkRegister(register, options)): AnnualReport {
  const from: CalendarDate = { year: options.year, month: 1, day: 1 };
  const yearEnd: CalendarDate = { year: options.year, month: 12, day: 31 };
  const to = minDate(yearEnd, options.asOf);
  const summaries = summariesById(check.conventions);

  const rows: AnnualRow[] = [];
  const summaryOf: ConventionSummary[] = [];
  const rowsOf = rowsByConvention(register);
  for (const convention of register.conventions) {
    const summary = summaries.get(convention.id);
    if (summary === undefined || !inForceDuring(summary, from, to)) continue;
    rows.push(annualRow(rowsOf.get(convention.id) ?? NO_ROWS, convention, summary, from, to));
    summaryOf.push(summary);
  }
  const ids = new Set(rows.map((r) => r.id));
  const ofReport = (f: Finding): boolean => f.conventionId !== null && ids.has(f.conventionId);

  const semesters = semesterFigures(summaryOf, from, yearEnd);
  const missingCommittees = check.findings.filter(
    (f): f is FindingOf<"missing_committee" | "committee_due"> =>
      ofReport(f) && (f.code === "committee_due" || (f.code === "missing_committee" && isWithin(f.date, from, yearEnd))),
  );
  const overdueMilestones = check.findings.filter((f): f is FindingOf<"milestone_overdue"> => ofReport(f) && f.code === "milestone_overdue");
  const started = rows.filter((r) => r.start !== null && isWithin(r.start, from, to));
  const sum = (list: readonly AnnualRow[]): number => list.reduce((total, r) => total + (r.amount ?? 0), 0);

  return {
    year: options.year,
    asOf: options.asOf,
    authority: blankToNull(options.authority),
    from,
    to,
    figures: {
      inForce: rows.length,
      started: started.length,
      ended: rows.filter((r) => r.end !== null && isWithin(r.end, from, to) && compareDates(r.end, options.asOf) < 0).length,
      toRenew: summaryOf.filter((s) => s.status === "to_renew").length,
      amendments: rows.reduce((n, r) => n + r.amendments.length, 0),
      committeesHeld: semesters.reduce((n, s) => n + s.held, 0),
      committeesRequired: semesters.reduce((n, s) => n + s.required, 0),
      missingSemesters: semesters.reduce((n, s) => n + s.missing, 0),
      milestonesMet: register.deadlines.filter(
        (d) => ids.has(d.conventionId) && deadlineKindOf(d) === "milestone" && d.doneOn !== null && isWithin(d.doneOn, from, to),
      ).length,
      milestonesOverdue: overdueMilestones.length,
      amountInForce: sum(rows),
      amountStarted: sum(started),
    },
    semesters,
    byStatus: countByStatus(rows),
    rows,
    missingCommittees,
    expiring: expiringSoon(rows, options.asOf),
    overdueMilestones,
    appeals: runningAppeals(register.conventions, options),
  };
}

/** In force at some point of [from, to]: started by `to` and not ended before `from` (an unknown end counts as running). */
function inForceDuring(summary: ConventionSummary, from: CalendarDate, to: CalendarDate): boolean {
  if (summary.start === null || compareDates(summary.start, to) > 0) return false;
  return summary.end === null || compareDates(summary.end, from) >= 0;
}

function annualRow(own: ConventionRows, convention: Convention, summary: ConventionSummary, from: CalendarDate, to: CalendarDate): AnnualRow {
  const facts = conventionFacts(convention, summary);
  const { start, end } = facts;
  const termOk = start !== null && end !== null && compareDates(end, start) >= 0;
  const inTerm = (date: CalendarDate): boolean => (start === null || compareDates(date, start) >= 0) && (end === null || compareDates(date, end) <= 0);
  return {
    ...facts,
    status: termOk ? conventionStatus(start, end, to, summary.noticeMonths) : null,
    committees: own.committees
      .filter((m) => isSteeringMeeting(m) && isWithin(m.date, from, to) && inTerm(m.date))
      .map((m) => m.date)
      .sort(compareDates),
    missingSemesters: summary.committeeCoverage
      .filter((c) => c.state === "missing" && c.window.end.year === from.year)
      .map((c) => c.period.label),
    nextCommitteeDue: summary.nextCommitteeDue,
    amendments: own.amendments.filter((a) => isWithin(a.date, from, to)).sort(compareAmendments),
  };
}

/**
 * The two calendar semesters of the year: each period of a convention's comités counts in the
 * semester its window ends in (calendar semesters match one to one; quarters count twice; a
 * contractual semester where it ends).
 */
function semesterFigures(summaries: readonly ConventionSummary[], from: CalendarDate, yearEnd: CalendarDate): SemesterFigures[] {
  const semesters = [calendarPeriodContaining(from, 6), calendarPeriodContaining(yearEnd, 6)];
  return semesters.map((semester) => {
    let required = 0;
    let held = 0;
    let missing = 0;
    for (const summary of summaries) {
      for (const c of summary.committeeCoverage) {
        if (!isWithin(c.window.end, semester.start, semester.end)) continue;
        if (c.required && c.state !== "upcoming") required += 1;
        if (c.state === "held") held += 1;
        if (c.state === "missing") missing += 1;
      }
    }
    return { label: semester.label, start: semester.start, end: semester.end, required, held, missing };
  });
}

function countByStatus(rows: readonly AnnualRow[]): Record<ConventionStatus | "unknown", number> {
  const counts: Record<ConventionStatus | "unknown", number> = { upcoming: 0, in_force: 0, to_renew: 0, expired: 0, unknown: 0 };
  for (const row of rows) counts[row.status ?? "unknown"] += 1;
  return counts;
}

/** Conventions of the report ending between asOf and twelve months later, the soonest first. */
function expiringSoon(rows: readonly AnnualRow[], asOf: CalendarDate): ExpiringConvention[] {
  const horizon = addMonthsClamped(asOf, EXPIRING_MONTHS);
  return rows
    .flatMap((r) => {
      const { id, title, partner, source, end } = r;
      return end !== null && isWithin(end, asOf, horizon) ? [{ id, title, partner, source, end, daysLeft: daysLeft(end, asOf) }] : [];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Every convention of the register whose deliberation can still be challenged at asOf, the soonest deadline first. */
function runningAppeals(conventions: readonly Convention[], options: AnnualReportOptions): RunningAppeal[] {
  const appeals: RunningAppeal[] = [];
  for (const c of conventions) {
    if (c.publicationDate === null) continue;
    const deadline = appealDeadline(c.publicationDate, { months: options.appealMonths, zone: options.zone });
    const left = daysLeft(deadline, options.asOf);
    // A deadline past 31/12/9999 (a publication in late 9999) is no date a sheet can hold: left out.
    if (left >= 0 && dateToSerial(deadline).ok) appeals.push({ id: c.id, title: c.title, partner: c.partner, source: c.source, publication: c.publicationDate, deadline, daysLeft: left });
  }
  return appeals.sort((a, b) => a.daysLeft - b.daysLeft);
}
