import { addMonthsClamped } from "../dates/addMonthsClamped";
import { CalendarDate } from "../dates/calendarDate";
import { PeriodCoverage, committeeCoverage, missingPeriods, nextDuePeriod } from "../rules/committeeCoverage";
import { ConventionStatus, conventionStatus } from "../rules/conventionStatus";
import { ConventionTerm, conventionTerm } from "../rules/conventionTerm";
import { compareDates } from "../dates/dayNumber";
import { daysLeft } from "../dates/daysLeft";
import { deadlineKindOf, obligationMeetingType } from "../rules/deadlineKind";
import { EndRule } from "../rules/endOfTerm";
import { enforceableDate } from "../rules/enforceableDate";
import { FINDING_CODES, Finding, InconsistencyReason, findingDate, findingPeriod } from "./findings";
import { milestoneDeadline } from "../rules/milestoneDeadline";
import { PeriodLength } from "../rules/periods";
import { Amendment, Committee, Convention, Deadline, Register, RowSource, TableKey, fieldSpec } from "../register/registerSchema";

export interface CheckOptions {
  /** "Today": the check never reads the clock. */
  readonly asOf: CalendarDate;
  /** Semesters of the comité de suivi: calendar (default) or counted from the start. */
  readonly basis?: "calendar" | "contract";
  /** How a term's end is read (default "veille": the start day counts). */
  readonly endRule?: EndRule;
  /** Notice before the end when a convention's Préavis (mois) is blank: 6 by default. */
  readonly noticeMonths?: number;
  /** A milestone is due when its deadline falls within this many months from asOf: 3 by default. */
  readonly milestoneWarningMonths?: number;
}

export interface ConventionSummary {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly start: CalendarDate | null;
  /** The effective end used by the check (see conventionTerm). */
  readonly end: CalendarDate | null;
  /** Null when the start or the end is unknown, or the end precedes the start. */
  readonly status: ConventionStatus | null;
  /** Labels of the periods closed without their comité de suivi ("2025-S1"). */
  readonly missingSemesters: readonly string[];
  /** Last day to hold the next comité de suivi; null when none is left or the term is unknown. */
  readonly nextCommitteeDue: CalendarDate | null;
  /** Every period of the term and how the comités de suivi cover it (empty when the term is unknown): the reports count from it. */
  readonly committeeCoverage: readonly PeriodCoverage[];
  /** The notice before the end the status was judged with: the convention's Préavis (mois), else the option's, else 6. */
  readonly noticeMonths: number;
  readonly source: RowSource | null;
}

export interface CheckResult {
  readonly conventions: readonly ConventionSummary[];
  readonly findings: readonly Finding[];
}

const DEFAULT_NOTICE_MONTHS = 6;
const DEFAULT_WARNING_MONTHS = 3;
const COMMITTEE_PERIOD: PeriodLength = 6;

/**
 * The check of a register at asOf: for each convention in register order, its summary (effective
 * end, status, semesters without comité, next comité due) and its findings, sorted by code (in
 * FINDING_CODES order) then date or period; then the rows of other tables that name no convention
 * of the register. Pure: the same register and options give the same result.
 * @example checkRegister(team2Register, { asOf: d("2026-01-26") }).findings.map(f => f.code)
 *   // ["missing_committee", "committee_due", "obligation_missing", …, "milestone_overdue"]
 */
export function checkRegister(register: Register, options: CheckOptions): CheckResult {
  const rows = rowsByConvention(register);
  const conventions: ConventionSummary[] = [];
  const findings: Finding[] = [];
  for (const convention of register.conventions) {
    const checked = checkConvention(convention, rows.get(convention.id) ?? NO_ROWS, options);
    conventions.push(checked.summary);
    for (const finding of sortFindings(checked.findings)) findings.push(finding);
  }
  // One at a time: a register's orphan rows can be too many to spread into push().
  for (const finding of orphanRows(register)) findings.push(finding);
  return { conventions, findings };
}

/** A convention's rows of the other tables. */
export interface ConventionRows {
  readonly committees: Committee[];
  readonly deadlines: Deadline[];
  readonly amendments: Amendment[];
}

/** The rows of a convention that has none. */
export const NO_ROWS: ConventionRows = { committees: [], deadlines: [], amendments: [] };

/**
 * Each convention's comités, échéances and avenants, in the register's order, found in one pass
 * (a lookup per convention would grow with the square of the register).
 * @example rowsByConvention(register).get("TEAM2-2024")?.committees.length // 3
 */
export function rowsByConvention(register: Register): Map<string, ConventionRows> {
  const rows = new Map<string, ConventionRows>();
  const of = (id: string): ConventionRows => {
    let found = rows.get(id);
    if (found === undefined) {
      found = { committees: [], deadlines: [], amendments: [] };
      rows.set(id, found);
    }
    return found;
  };
  register.committees.forEach((m) => of(m.conventionId).committees.push(m));
  register.deadlines.forEach((d) => of(d.conventionId).deadlines.push(d));
  register.amendments.forEach((a) => of(a.conventionId).amendments.push(a));
  return rows;
}

/** A finding's own facts: what onRow adds (the convention, the table, the place) left out, member by member. */
type FindingFacts = Finding extends infer F ? (F extends Finding ? Omit<F, "conventionId" | "table" | "location"> : never) : never;

/** Findings about one row of a table: the convention, the table and the row's place filled in. */
function onRow(conventionId: string, table: TableKey, source: RowSource | null): (facts: FindingFacts) => Finding {
  // The code first, then the convention, the table and the place, then the other facts as listed.
  if (source === null) return (facts) => Object.assign({ code: facts.code, conventionId, table }, facts) as Finding;
  const location = { sheet: source.sheet, row: source.row };
  return (facts) => Object.assign({ code: facts.code, conventionId, table, location }, facts) as Finding;
}

function checkConvention(
  convention: Convention,
  rows: ConventionRows,
  options: CheckOptions,
): { summary: ConventionSummary; findings: Finding[] } {
  const rule = options.endRule ?? "veille";
  const term = conventionTerm(convention, rows.amendments, rule);
  const inForce = termInForce(term);
  const onConvention = onRow(convention.id, "conventions", convention.source);

  const findings: Finding[] = [
    ...termFindings(convention, term, onConvention),
    ...deliberationFindings(convention, onConvention),
    ...amendmentFindings(term, convention.id),
    ...meetingsOutsideTerm(term, rows.committees),
  ];

  let status: ConventionStatus | null = null;
  const noticeMonths = convention.noticeMonths ?? options.noticeMonths ?? DEFAULT_NOTICE_MONTHS;
  if (inForce !== null) {
    status = conventionStatus(inForce.start, inForce.end, options.asOf, noticeMonths);
    const facts = { field: "end", date: inForce.end, daysLeft: daysLeft(inForce.end, options.asOf) };
    if (status === "to_renew") findings.push(onConvention({ code: "expiring", ...facts }));
    if (status === "expired") findings.push(onConvention({ code: "expired", ...facts }));
  }

  const recurring = rows.deadlines.filter((d) => deadlineKindOf(d) === "recurring");
  findings.push(...recurring.filter((d) => frequencyOf(d) === null).map(invalidFrequency));

  let coverage: PeriodCoverage[] = [];
  if (inForce !== null) {
    coverage = committeeCoverageOf(inForce, rows.committees, recurring, options);
    findings.push(...committeeFindings(coverage, options.asOf, convention));
    findings.push(...obligationFindings(inForce, rows.committees, recurring, options.asOf));
  }
  findings.push(...milestoneFindings(term.start, rows.deadlines, options, rule));

  const next = nextDuePeriod(coverage);
  return {
    summary: {
      id: convention.id,
      title: convention.title,
      partner: convention.partner,
      start: term.start,
      end: term.end,
      status,
      missingSemesters: missingPeriods(coverage),
      nextCommitteeDue: next === null ? null : next.window.end,
      committeeCoverage: coverage,
      noticeMonths,
      source: convention.source,
    },
    findings,
  };
}

export type Term = { readonly start: CalendarDate; readonly end: CalendarDate };

/** The term when both ends are known and in order: what status, comités and obligations need. */
function termInForce(term: ConventionTerm): Term | null {
  const { start, end } = term;
  return start !== null && end !== null && compareDates(end, start) >= 0 ? { start, end } : null;
}

/** The start and the end, known and consistent. */
function termFindings(convention: Convention, term: ConventionTerm, finding: (facts: FindingFacts) => Finding): Finding[] {
  const found: Finding[] = [];
  if (term.start === null) found.push(finding({ code: "missing_date", field: "start" }));
  // With a duration (or an avenant's new duration) the end follows once the start is known: only
  // the start is missing then.
  if (convention.end === null && convention.duration === null && term.endAmendment === null) {
    found.push(finding({ code: "missing_date", field: "end" }));
  }
  if (convention.end !== null && term.computedEnd !== null && compareDates(convention.end, term.computedEnd) !== 0) {
    found.push(finding({ code: "inconsistent_dates", reason: "end_differs", field: "end", date: convention.end, otherDate: term.computedEnd }));
  }
  if (term.start !== null && term.monthsPastExcel !== null) {
    const field = fieldSpec("conventions", "duration")?.label;
    const error = { code: "past_excel_dates", from: term.start, months: term.monthsPastExcel, value: term.monthsPastExcel, field } as const;
    found.push(finding({ code: "invalid_value", field: "duration", error }));
  }
  if (term.start !== null && term.end !== null && compareDates(term.end, term.start) < 0) {
    found.push(finding({ code: "inconsistent_dates", reason: "end_before_start", field: "end", date: term.end, otherDate: term.start }));
  }
  return found;
}

/** Deliberation, transmission, publication, enforceable date and signature in legal order. */
function deliberationFindings(convention: Convention, finding: (facts: FindingFacts) => Finding): Finding[] {
  const found: Finding[] = [];
  const { deliberationDate, transmissionDate, publicationDate, start } = convention;
  const before = (field: keyof Convention & string, date: CalendarDate | null, other: CalendarDate | null, reason: InconsistencyReason) => {
    if (date === null || other === null || compareDates(date, other) >= 0) return false;
    found.push(finding({ code: "inconsistent_dates", reason, field, date, otherDate: other }));
    return true;
  };
  before("publicationDate", publicationDate, deliberationDate, "publication_before_deliberation");
  before("transmissionDate", transmissionDate, deliberationDate, "transmission_before_deliberation");
  // Signed before the vote: also before the vote is enforceable; said once.
  if (!before("start", start, deliberationDate, "start_before_deliberation")) {
    before("start", start, convention.enforceableDate ?? enforceableDate(transmissionDate, publicationDate), "start_before_enforceable");
  }
  const computed = enforceableDate(transmissionDate, publicationDate);
  if (convention.enforceableDate !== null && computed !== null && compareDates(convention.enforceableDate, computed) !== 0) {
    found.push(
      finding({ code: "inconsistent_dates", reason: "enforceable_differs", field: "enforceableDate", date: convention.enforceableDate, otherDate: computed }),
    );
  }
  return found;
}

/** An avenant signed before the start, or after the end then in force (an expired convention cannot be amended). */
function amendmentFindings(term: ConventionTerm, conventionId: string): Finding[] {
  const found: Finding[] = [];
  for (const { amendment, endBefore } of term.steps) {
    const other = boundCrossed(amendment.date, term.start, endBefore);
    if (other === null) continue;
    const finding = onRow(conventionId, "amendments", amendment.source);
    found.push(finding({ code: "inconsistent_dates", reason: "amendment_outside_term", field: "date", date: amendment.date, otherDate: other }));
  }
  return found;
}

/** A meeting of any type dated before the start or after the end (it counts for nothing). */
function meetingsOutsideTerm(term: ConventionTerm, committees: readonly Committee[]): Finding[] {
  const { start, end } = term;
  if (start !== null && end !== null && compareDates(end, start) < 0) return []; // the term itself is wrong
  const found: Finding[] = [];
  for (const meeting of committees) {
    const other = boundCrossed(meeting.date, start, end);
    if (other === null) continue;
    const finding = onRow(meeting.conventionId, "committees", meeting.source);
    found.push(finding({ code: "inconsistent_dates", reason: "committee_outside_term", field: "date", date: meeting.date, otherDate: other }));
  }
  return found;
}

/** The bound of a term that a date falls outside of (the start it precedes, the end it follows); null within it. */
function boundCrossed(date: CalendarDate, start: CalendarDate | null, end: CalendarDate | null): CalendarDate | null {
  if (start !== null && compareDates(date, start) < 0) return start;
  if (end !== null && compareDates(date, end) > 0) return end;
  return null;
}

/** The frequency of a recurring obligation when it is one the periods support (3, 6 or 12 months). */
function frequencyOf(deadline: Deadline): PeriodLength | null {
  const months = deadline.frequencyMonths;
  return months === 3 || months === 6 || months === 12 ? months : null;
}

function invalidFrequency(deadline: Deadline): Finding {
  return onRow(deadline.conventionId, "deadlines", deadline.source)({
    code: "invalid_value",
    field: "frequencyMonths",
    label: deadline.label,
    error: { code: "invalid_option", value: deadline.frequencyMonths, field: fieldSpec("deadlines", "frequencyMonths")?.label, options: "frequency_months" },
  });
}

/**
 * How the semesters are covered by comités de suivi (a blank type counts as one); a
 * recurring obligation naming the comité sets the period instead (the most frequent one applies).
 */
function committeeCoverageOf(term: Term, committees: readonly Committee[], recurring: readonly Deadline[], options: CheckOptions): PeriodCoverage[] {
  const steering = recurring.filter((d) => obligationMeetingType(d.label) === "steering");
  const lengths = steering.map(frequencyOf).filter((n): n is PeriodLength => n !== null);
  const periodLength = lengths.length > 0 ? (Math.min(...lengths) as PeriodLength) : COMMITTEE_PERIOD;
  const meetings: CalendarDate[] = [];
  for (const meeting of committees) if (isSteeringMeeting(meeting)) meetings.push(meeting.date);
  for (const obligation of steering) if (obligation.doneOn !== null) meetings.push(obligation.doneOn);
  return committeeCoverage(term, meetings, { asOf: options.asOf, perPeriod: 1, periodLength, basis: options.basis ?? "calendar" });
}

/** Whether a meeting counts as a comité de suivi: its type says so, or is blank. */
export function isSteeringMeeting(meeting: Committee): boolean {
  return meeting.type === null || meeting.type === "steering";
}

/**
 * Each semester closed without its comité, and the one in progress still lacking it. Made as
 * onRow makes a finding (the code, the convention, the table and the place, then the facts), but
 * written out field by field: a large register has tens of thousands of them.
 */
function committeeFindings(coverage: readonly PeriodCoverage[], asOf: CalendarDate, convention: Convention): Finding[] {
  const found: Finding[] = [];
  const conventionId = convention.id;
  const location = convention.source === null ? null : { sheet: convention.source.sheet, row: convention.source.row };
  for (const c of coverage) {
    if (c.state !== "missing" && c.state !== "due") continue;
    const code = c.state === "missing" ? "missing_committee" : "committee_due";
    const date = c.window.end;
    const left = daysLeft(date, asOf);
    found.push(
      location === null
        ? { code, conventionId, table: "conventions", period: c.period, date, daysLeft: left }
        : { code, conventionId, table: "conventions", location, period: c.period, date, daysLeft: left },
    );
  }
  return found;
}

function doneDates(deadlines: readonly Deadline[]): CalendarDate[] {
  return deadlines.flatMap((d) => (d.doneOn === null ? [] : [d.doneOn]));
}

/** Each past calendar period of a recurring obligation (club territorial, other meetings) with no matching event. */
function obligationFindings(term: Term, committees: readonly Committee[], recurring: readonly Deadline[], asOf: CalendarDate): Finding[] {
  const found: Finding[] = [];
  for (const obligation of recurring) {
    const coverage = obligationCoverage(term, committees, obligation, asOf);
    if (coverage === null) continue;
    const finding = onRow(obligation.conventionId, "deadlines", obligation.source);
    for (const c of coverage) {
      if (c.state !== "missing") continue;
      found.push(
        finding({ code: "obligation_missing", label: obligation.label, period: c.period, date: c.window.end, daysLeft: daysLeft(c.window.end, asOf) }),
      );
    }
  }
  return found;
}

/**
 * How the calendar periods of a recurring obligation other than the comité de suivi (club
 * territorial, other meetings) are covered by the meetings of its type and its Réalisé le; null for
 * the comité de suivi (counted with the semesters) and for a frequency the periods do not support.
 * @example obligationCoverage(team2Term, committees, clubTerritorial, d("2026-01-26"))?.map(c => c.state) // ["held", "held", "missing", …]
 */
export function obligationCoverage(term: Term, committees: readonly Committee[], obligation: Deadline, asOf: CalendarDate): PeriodCoverage[] | null {
  const frequency = frequencyOf(obligation);
  const type = obligationMeetingType(obligation.label);
  if (frequency === null || type === "steering") return null;
  const events = [...committees.filter((m) => m.conventionId === obligation.conventionId && m.type === type).map((m) => m.date), ...doneDates([obligation])];
  return committeeCoverage(term, events, { asOf, periodLength: frequency, basis: "calendar" });
}

/** Milestones not done, late or due within the warning months. */
function milestoneFindings(start: CalendarDate | null, deadlines: readonly Deadline[], options: CheckOptions, rule: EndRule): Finding[] {
  const found: Finding[] = [];
  const horizon = addMonthsClamped(options.asOf, options.milestoneWarningMonths ?? DEFAULT_WARNING_MONTHS);
  for (const milestone of deadlines) {
    if (deadlineKindOf(milestone) !== "milestone" || milestone.doneOn !== null) continue;
    const finding = onRow(milestone.conventionId, "deadlines", milestone.source);
    const deadline = milestoneDeadline(milestone, start, rule);
    if (deadline === null) {
      // A delay without start: the missing start is already reported.
      if (milestone.delayMonths === null) found.push(finding({ code: "missing_date", field: "dueDate", label: milestone.label }));
      else if (start !== null) {
        const field = fieldSpec("deadlines", "delayMonths")?.label;
        const error = { code: "past_excel_dates", from: start, months: milestone.delayMonths, value: milestone.delayMonths, field } as const;
        found.push(finding({ code: "invalid_value", field: "delayMonths", label: milestone.label, error }));
      }
      continue;
    }
    const left = daysLeft(deadline, options.asOf);
    if (left < 0) {
      found.push(finding({ code: "milestone_overdue", label: milestone.label, date: deadline, daysLeft: left }));
    } else if (compareDates(deadline, horizon) <= 0) {
      found.push(finding({ code: "milestone_due", label: milestone.label, date: deadline, daysLeft: left }));
    }
  }
  return found;
}

/** Rows of the other tables naming a convention the register does not hold. */
function orphanRows(register: Register): Finding[] {
  const known = new Set(register.conventions.map((c) => c.id));
  const found: Finding[] = [];
  const tables: [TableKey, readonly (Committee | Deadline | Amendment)[]][] = [
    ["committees", register.committees],
    ["deadlines", register.deadlines],
    ["amendments", register.amendments],
  ];
  for (const [table, list] of tables) {
    for (const row of list) {
      if (known.has(row.conventionId)) continue;
      found.push(
        onRow(row.conventionId, table, row.source)({
          code: "invalid_value",
          field: "conventionId",
          error: { code: "unknown_convention", value: row.conventionId, field: fieldSpec(table, "conventionId")?.label },
        }),
      );
    }
  }
  return found;
}

const CODE_ORDER = new Map(FINDING_CODES.map((code, i) => [code, i]));

/** By code (FINDING_CODES order), then date, then period. */
function compareFindings(x: Finding, y: Finding): number {
  return (
    (CODE_ORDER.get(x.code) ?? 0) - (CODE_ORDER.get(y.code) ?? 0) ||
    compareOptionalDates(findingDate(x), findingDate(y)) ||
    compareOptionalDates(findingPeriod(x)?.start, findingPeriod(y)?.start)
  );
}

/** Dates in order, a finding without one first. */
function compareOptionalDates(a: CalendarDate | undefined, b: CalendarDate | undefined): number {
  return a === undefined || b === undefined ? (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1) : compareDates(a, b);
}

/**
 * By code, then date, then period; otherwise in the order found (the sort is stable). A
 * convention's few findings often come in order already: they are then left as they are.
 */
function sortFindings(findings: readonly Finding[]): readonly Finding[] {
  const inOrder = findings.every((finding, i) => i === 0 || compareFindings(findings[i - 1], finding) <= 0);
  return inOrder ? findings : [...findings].sort(compareFindings);
}
