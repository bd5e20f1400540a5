/**
 * The report that frames the next comité de suivi of one convention, as data: the convention, its
 * obligations and their state (comités per semester, recurring meetings such as the club
 * territorial, milestones), the meetings held so far and what is late. Pure: no clock, no French.
 */
import { CalendarDate } from "../dates/calendarDate";
import { CheckResult, checkRegister, obligationCoverage } from "../check/checkRegister";
import { PeriodCoverage, nextDuePeriod } from "../rules/committeeCoverage";
import { ConventionStatus } from "../rules/conventionStatus";
import { compareAmendments } from "../rules/conventionTerm";
import { compareDates } from "../dates/dayNumber";
import { daysLeft } from "../dates/daysLeft";
import { deadlineKindOf } from "../rules/deadlineKind";
import { FINDING_SEVERITY, Finding, severityRank } from "../check/findings";
import { milestoneDeadline } from "../rules/milestoneDeadline";
import { Amendment, Committee, Deadline, Register } from "../register/registerSchema";
import { ConventionFacts, ReportOptions, blankToNull, conventionFacts } from "./conventionFacts";

export interface CommitteeReportOptions extends ReportOptions {
  /** The Référence of the convention. */
  readonly conventionId: string;
}

/**
 * Where an obligation stands at asOf: `late` (a period closed without its meeting, a milestone
 * past its deadline), `soon` (the period in progress still lacks it, a milestone within the
 * warning months), `done` (all held so far, the milestone done), `pending` (nothing due yet),
 * `unknown` (the deadline cannot be computed).
 */
export type ObligationState = "late" | "soon" | "done" | "pending" | "unknown";

/** A recurring obligation: the comité de suivi (per semester) or another meeting (club territorial each quarter…). */
export interface RecurringObligation {
  readonly kind: "committee" | "recurring";
  /** The Échéances label; null for the comité de suivi when no row names it. */
  readonly label: string | null;
  /** Months of each period: 6 for semesters, 3 for quarters, 12 for years. */
  readonly periodMonths: number;
  /** Required periods settled by asOf: held, or closed without their meeting (the one in progress still lacking it is left out). */
  readonly settled: number;
  /** Of those, the periods with their meeting. */
  readonly held: number;
  /** Periods closed without their meeting ("2025-S2"). */
  readonly missing: readonly string[];
  /** The earliest required period still lacking its meeting (in progress or to come); its last day is the deadline. */
  readonly next: PeriodCoverage | null;
  readonly state: ObligationState;
}

/** A milestone (jalon): once, by a deadline. */
export interface MilestoneObligation {
  readonly kind: "milestone";
  readonly label: string;
  readonly delayMonths: number | null;
  readonly deadline: CalendarDate | null;
  readonly doneOn: CalendarDate | null;
  /** Days from asOf to the deadline (negative once past); null without a deadline. */
  readonly daysLeft: number | null;
  readonly state: ObligationState;
}

export type Obligation = RecurringObligation | MilestoneObligation;

export interface CommitteeReport {
  readonly asOf: CalendarDate;
  readonly authority: string | null;
  readonly convention: ConventionFacts;
  /** Status at asOf; null when the term is unknown. */
  readonly status: ConventionStatus | null;
  /** Every avenant of the convention, in order. */
  readonly amendments: readonly Amendment[];
  /** The comité de suivi first, then the Échéances rows in register order. */
  readonly obligations: readonly Obligation[];
  /** Meetings of every type held by asOf, in date order. */
  readonly meetings: readonly Committee[];
  /** The convention's findings that call for action (late, then soon), in the check's order otherwise. */
  readonly late: readonly Finding[];
}

/**
 * The comité report of one convention at asOf; null when the register holds no convention with
 * that Référence. `check` is the check of the same register with the same options.
 * @example committeeReport(register, { conventionId: "TEAM2", asOf: d("2026-01-26") })?.obligations.map(o => o.state) // ["late", "late", "late"]
 */
export function committeeReport(
  register: Register,
  options: CommitteeReportOptions,
  check: CheckResult = checkRegister(register, options),
): CommitteeReport | null {
  const convention = register.conventions.find((c) => c.id === options.conventionId);
  const summary = check.conventions.find((c) => c.id === options.conventionId);
  if (convention === undefined || summary === undefined) return null;
  const { asOf } = options;
  const committees = register.committees.filter((m) => m.conventionId === convention.id);
  const deadlines = register.deadlines.filter((d) => d.conventionId === convention.id);
  const term = summary.start !== null && summary.end !== null && compareDates(summary.end, summary.start) >= 0 ? { start: summary.start, end: summary.end } : null;

  const obligations: Obligation[] = [recurring("committee", null, summary.committeeCoverage)];
  for (const deadline of deadlines) {
    if (deadlineKindOf(deadline) === "milestone") {
      obligations.push(milestone(deadline, summary.start, options, check.findings));
      continue;
    }
    const coverage = term === null ? null : obligationCoverage(term, committees, deadline, asOf);
    // The comité de suivi's own row is the first obligation already; an unusable frequency is a data finding.
    if (coverage !== null) obligations.push(recurring("recurring", deadline.label, coverage));
  }

  return {
    asOf,
    authority: blankToNull(options.authority),
    convention: conventionFacts(convention, summary),
    status: summary.status,
    amendments: register.amendments.filter((a) => a.conventionId === convention.id).sort(compareAmendments),
    obligations,
    meetings: committees.filter((m) => compareDates(m.date, asOf) <= 0).sort((a, b) => compareDates(a.date, b.date)),
    late: check.findings
      .filter((f) => f.conventionId === convention.id && FINDING_SEVERITY[f.code] !== "data")
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => severityRank(a.finding.code) - severityRank(b.finding.code) || a.index - b.index)
      .map((x) => x.finding),
  };
}

function recurring(kind: "committee" | "recurring", label: string | null, coverage: readonly PeriodCoverage[]): RecurringObligation {
  const held = coverage.filter((c) => c.state === "held").length;
  const missing = coverage.filter((c) => c.state === "missing").map((c) => c.period.label);
  const due = coverage.some((c) => c.state === "due");
  return {
    kind,
    label,
    periodMonths: coverage.length === 0 ? 6 : periodMonths(coverage[0]),
    settled: held + missing.length,
    held,
    missing,
    next: nextDuePeriod(coverage),
    state: missing.length > 0 ? "late" : due ? "soon" : held > 0 ? "done" : "pending",
  };
}

/** 3, 6 or 12, read from the period's label ("2025-T2", "2025-S1", "S3", "2025", "A2"). */
function periodMonths(coverage: PeriodCoverage): number {
  const label = coverage.period.label;
  if (/T\d+$/.test(label)) return 3;
  if (/S\d+$/.test(label)) return 6;
  return 12;
}

/** A milestone's deadline and state; late or soon as the check found it (milestone_overdue, milestone_due). */
function milestone(deadline: Deadline, start: CalendarDate | null, options: CommitteeReportOptions, findings: readonly Finding[]): MilestoneObligation {
  const due = milestoneDeadline(deadline, start, options.endRule);
  const flagged = findings.find(
    (f) =>
      (f.code === "milestone_overdue" || f.code === "milestone_due") &&
      f.conventionId === deadline.conventionId &&
      f.label === deadline.label &&
      f.location?.row === deadline.source?.row,
  );
  let state: ObligationState = "pending";
  if (deadline.doneOn !== null) state = "done";
  else if (due === null) state = "unknown";
  else if (flagged !== undefined) state = flagged.code === "milestone_overdue" ? "late" : "soon";
  const left = due === null ? null : daysLeft(due, options.asOf);
  return { kind: "milestone", label: deadline.label, delayMonths: deadline.delayMonths, deadline: due, doneOn: deadline.doneOn, daysLeft: left, state };
}
