import { addMonthsClamped } from "../dates/addMonthsClamped";
import { CalendarDate } from "../dates/calendarDate";
import { CoverageOptions, PeriodCoverage, SharedCoverage, committeeCoverage, coverageOfHeldDays } from "../rules/committeeCoverage";
import { ConventionStatus, conventionStatus } from "../rules/conventionStatus";
import { ConventionTerm, conventionTerm } from "../rules/conventionTerm";
import { DayNumber, compareDates, toDayNumber } from "../dates/dayNumber";
import { daysLeft } from "../dates/daysLeft";
import { deadlineKindOf, obligationMeetingType } from "../rules/deadlineKind";
import { EndRule } from "../rules/endOfTerm";
import { enforceableDate } from "../rules/enforceableDate";
import { CellLocation, FINDING_CODES, Finding, InconsistencyReason, findingDate, findingPeriod } from "./findings";
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
  const checks = new ConventionChecks(register, options);
  const conventions: ConventionSummary[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < checks.count; i += 1) conventions.push(checks.check(i, findings));
  checks.orphans(findings);
  return { conventions, findings };
}

/**
 * checkRegister one convention at a time, for a caller that walks a large register's check
 * without keeping it (`registre verifier` writes each convention's findings as they come, and
 * walks the check again rather than hold a million findings): what the conventions share is
 * prepared once, here.
 * @example new ConventionChecks(register, { asOf }).check(0, found) // the first convention's summary; its findings in found
 */
export class ConventionChecks {
  /** The register's conventions. */
  readonly count: number;
  /** A group per reference: each convention's rows of the other tables are its group's. */
  private readonly groups = new Map<string, number>();
  /** Each convention's group. */
  private readonly groupOf: Int32Array;
  private readonly committees: TableRows<Committee>;
  private readonly deadlines: TableRows<Deadline>;
  private readonly amendments: TableRows<Amendment>;
  private readonly context: CheckContext;

  constructor(
    private readonly register: Register,
    options: CheckOptions,
  ) {
    this.count = register.conventions.length;
    // Each convention's rows of the other tables, found in one pass (a lookup per convention would
    // grow with the square of the register), the rows of each table in group order.
    this.groupOf = new Int32Array(this.count);
    register.conventions.forEach((convention, i) => {
      let group = this.groups.get(convention.id);
      if (group === undefined) {
        group = this.groups.size;
        this.groups.set(convention.id, group);
      }
      this.groupOf[i] = group;
    });
    this.committees = new TableRows(register.committees, this.groups);
    this.deadlines = new TableRows(register.deadlines, this.groups);
    this.amendments = new TableRows(register.amendments, this.groups);
    this.context = checkContext(options);
  }

  /** Convention `index`'s summary; its findings, sorted, pushed to `found`. */
  check(index: number, found: Finding[]): ConventionSummary {
    const convention = this.register.conventions[index];
    const group = this.groupOf[index];
    const first = found.length;
    const summary = checkConvention(convention, this.committees.of(group), this.deadlines.of(group), this.amendments.of(group), this.context, found);
    sortFindings(found, first);
    return summary;
  }

  /** The rows of the other tables that name no convention of the register, table by table, pushed to `found`. */
  orphans(found: Finding[]): void {
    this.committees.orphans("committees", found);
    this.deadlines.orphans("deadlines", found);
    this.amendments.orphans("amendments", found);
  }
}

/** The rows of one table by the convention they name: each group's rows in the table's order. */
class TableRows<T extends Committee | Deadline | Amendment> {
  /** Each row's group, -1 for a row that names no convention of the register. */
  private readonly groupOf: Int32Array;
  /** The rows, group after group; group g's are from starts[g] to starts[g + 1]. */
  private readonly ordered: T[];
  private readonly starts: Int32Array;

  constructor(
    private readonly rows: readonly T[],
    groups: ReadonlyMap<string, number>,
  ) {
    this.groupOf = new Int32Array(rows.length);
    this.starts = new Int32Array(groups.size + 1);
    // A convention's rows mostly follow one another: its group is looked up once for them.
    let lastId: string | null = null;
    let group = -1;
    for (let i = 0; i < rows.length; i += 1) {
      const id = rows[i].conventionId;
      if (id !== lastId) {
        lastId = id;
        group = groups.get(id) ?? -1;
      }
      this.groupOf[i] = group;
      if (group >= 0) this.starts[group + 1] += 1;
    }
    for (let g = 1; g < this.starts.length; g += 1) this.starts[g] += this.starts[g - 1];
    const next = this.starts.slice(0, groups.size);
    this.ordered = new Array<T>(this.starts[groups.size]);
    for (let i = 0; i < rows.length; i += 1) {
      const group = this.groupOf[i];
      if (group >= 0) this.ordered[next[group]++] = rows[i];
    }
  }

  /** A group's rows (none for -1). */
  of(group: number): readonly T[] {
    if (group < 0 || this.starts[group] === this.starts[group + 1]) return NONE;
    return this.ordered.slice(this.starts[group], this.starts[group + 1]);
  }

  /** The rows that name no convention of the register, as findings (in the table's order). */
  orphans(table: TableKey, found: Finding[]): void {
    for (let i = 0; i < this.rows.length; i += 1) {
      if (this.groupOf[i] >= 0) continue;
      const row = this.rows[i];
      found.push(
        onRow(row.conventionId, table, row.source, {
          code: "invalid_value",
          field: "conventionId",
          error: { code: "unknown_convention", value: row.conventionId, field: fieldSpec(table, "conventionId")?.label },
        }),
      );
    }
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** What the whole check shares: its options, what follows from them, the coverages made so far. */
interface CheckContext {
  readonly options: CheckOptions;
  readonly rule: EndRule;
  readonly asOf: CalendarDate;
  readonly asOfDay: DayNumber;
  /** A milestone is due when its deadline falls on or before this day. */
  readonly horizon: CalendarDate;
  readonly shared: SharedCoverage;
  /** The days of one convention's comités held, read into the same buffer convention after convention. */
  held: Int32Array;
  /** How the comités de suivi are counted, by semester unless an obligation says otherwise. */
  readonly semesters: CoverageOptions;
}

function checkContext(options: CheckOptions): CheckContext {
  return {
    options,
    rule: options.endRule ?? "veille",
    asOf: options.asOf,
    asOfDay: toDayNumber(options.asOf),
    horizon: addMonthsClamped(options.asOf, options.milestoneWarningMonths ?? DEFAULT_WARNING_MONTHS),
    shared: new SharedCoverage(),
    held: new Int32Array(64),
    semesters: { asOf: options.asOf, perPeriod: 1, periodLength: COMMITTEE_PERIOD, basis: options.basis ?? "calendar" },
  };
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

/**
 * A finding about one row of a table: the code first, then the convention, the table and the
 * row's place, then the facts as listed.
 */
function onRow(conventionId: string, table: TableKey, source: RowSource | null, facts: FindingFacts): Finding {
  if (source === null) return Object.assign({ code: facts.code, conventionId, table }, facts) as Finding;
  return Object.assign({ code: facts.code, conventionId, table, location: { sheet: source.sheet, row: source.row } }, facts) as Finding;
}

/**
 * One convention's summary; its findings are pushed to `found`, in the order they are looked for
 * (checkRegister sorts them). Findings found by the hundred thousand (a term's end, the semesters)
 * are written out member by member, in onRow's order; the others go through onRow.
 */
function checkConvention(
  convention: Convention,
  committees: readonly Committee[],
  deadlines: readonly Deadline[],
  amendments: readonly Amendment[],
  context: CheckContext,
  found: Finding[],
): ConventionSummary {
  const { options, asOf } = context;
  const term = conventionTerm(convention, amendments, context.rule);
  const { start, end } = term;
  const inForce = start !== null && end !== null && compareDates(end, start) >= 0 ? { start, end } : null;
  const conventionId = convention.id;
  const source = convention.source;

  termFindings(convention, term, found);
  deliberationFindings(convention, found);
  if (amendments.length > 0) amendmentFindings(term, conventionId, found);
  if (committees.length > 0) meetingsOutsideTerm(term, committees, found);

  let status: ConventionStatus | null = null;
  // The convention's place, made for its first finding and shared by the others.
  let location: CellLocation | null = null;
  const noticeMonths = convention.noticeMonths ?? options.noticeMonths ?? DEFAULT_NOTICE_MONTHS;
  if (inForce !== null) {
    status = conventionStatus(inForce.start, inForce.end, asOf, noticeMonths);
    if (status === "to_renew" || status === "expired") {
      const code = status === "to_renew" ? "expiring" : "expired";
      const date = inForce.end;
      const left = toDayNumber(date) - context.asOfDay;
      if (source === null) found.push({ code, conventionId, table: "conventions", field: "end", date, daysLeft: left });
      else {
        location ??= { sheet: source.sheet, row: source.row };
        found.push({ code, conventionId, table: "conventions", location, field: "end", date, daysLeft: left });
      }
    }
  }

  let recurring: readonly Deadline[] = NONE;
  if (deadlines.length > 0) {
    recurring = deadlines.filter((deadline) => deadlineKindOf(deadline) === "recurring");
    for (const deadline of recurring) if (frequencyOf(deadline) === null) found.push(invalidFrequency(deadline));
  }

  let coverage: readonly PeriodCoverage[] = NO_COVERAGE;
  let missing = 0;
  let next: CalendarDate | null = null;
  if (inForce !== null) {
    coverage = committeeCoverageOf(inForce, committees, recurring, context);
    // Each semester closed without its comité, and the one in progress still lacking it: written
    // out member by member, as onRow writes them (a large register has hundreds of thousands).
    for (const c of coverage) {
      if (c.state === "missing") missing += 1;
      else if (next === null && (c.state === "due" || c.state === "upcoming")) next = c.window.end;
      if (c.state !== "missing" && c.state !== "due") continue;
      const code = c.state === "missing" ? "missing_committee" : "committee_due";
      const date = c.window.end;
      const left = toDayNumber(date) - context.asOfDay;
      if (source === null) found.push({ code, conventionId, table: "conventions", period: c.period, date, daysLeft: left });
      else {
        location ??= { sheet: source.sheet, row: source.row };
        found.push({ code, conventionId, table: "conventions", location, period: c.period, date, daysLeft: left });
      }
    }
    if (recurring.length > 0) obligationFindings(inForce, committees, recurring, context, found);
  }
  if (deadlines.length > 0) milestoneFindings(term.start, deadlines, context, found);

  return {
    id: conventionId,
    title: convention.title,
    partner: convention.partner,
    start: term.start,
    end: term.end,
    status,
    missingSemesters: missing === 0 ? NO_LABELS : missingLabels(coverage, missing),
    nextCommitteeDue: next,
    committeeCoverage: coverage,
    noticeMonths,
    source,
  };
}

/** The labels of the `count` periods missed, in an array of their number (it is kept with the summary). */
function missingLabels(coverage: readonly PeriodCoverage[], count: number): string[] {
  const labels = new Array<string>(count);
  let k = 0;
  for (const c of coverage) if (c.state === "missing") labels[k++] = c.period.label;
  return labels;
}

/** A convention without a term in force covers no period; none missing (shared, frozen). */
const NO_COVERAGE: readonly PeriodCoverage[] = Object.freeze([]);
const NO_LABELS: readonly string[] = Object.freeze([]);

export type Term = { readonly start: CalendarDate; readonly end: CalendarDate };

/** The start and the end, known and consistent. */
function termFindings(convention: Convention, term: ConventionTerm, found: Finding[]): void {
  // Most conventions have nothing to say here: that every test below fails is checked first.
  if (term.start !== null && (convention.end !== null || convention.duration !== null || term.endAmendment !== null) && term.monthsPastExcel === null) {
    const endDiffers = convention.end !== null && term.computedEnd !== null && compareDates(convention.end, term.computedEnd) !== 0;
    if (!endDiffers && (term.end === null || compareDates(term.end, term.start) >= 0)) return;
  }
  const finding = (facts: FindingFacts): void => void found.push(onRow(convention.id, "conventions", convention.source, facts));
  if (term.start === null) finding({ code: "missing_date", field: "start" });
  // With a duration (or an avenant's new duration) the end follows once the start is known: only
  // the start is missing then.
  if (convention.end === null && convention.duration === null && term.endAmendment === null) {
    finding({ code: "missing_date", field: "end" });
  }
  if (convention.end !== null && term.computedEnd !== null && compareDates(convention.end, term.computedEnd) !== 0) {
    finding({ code: "inconsistent_dates", reason: "end_differs", field: "end", date: convention.end, otherDate: term.computedEnd });
  }
  if (term.start !== null && term.monthsPastExcel !== null) {
    const field = fieldSpec("conventions", "duration")?.label;
    const error = { code: "past_excel_dates", from: term.start, months: term.monthsPastExcel, value: term.monthsPastExcel, field } as const;
    finding({ code: "invalid_value", field: "duration", error });
  }
  if (term.start !== null && term.end !== null && compareDates(term.end, term.start) < 0) {
    finding({ code: "inconsistent_dates", reason: "end_before_start", field: "end", date: term.end, otherDate: term.start });
  }
}

/** Deliberation, transmission, publication, enforceable date and signature in legal order. */
function deliberationFindings(convention: Convention, found: Finding[]): void {
  const { deliberationDate, transmissionDate, publicationDate, start } = convention;
  before(convention, "publicationDate", publicationDate, deliberationDate, "publication_before_deliberation", found);
  before(convention, "transmissionDate", transmissionDate, deliberationDate, "transmission_before_deliberation", found);
  const computed = enforceableDate(transmissionDate, publicationDate);
  // Signed before the vote: also before the vote is enforceable; said once.
  if (!before(convention, "start", start, deliberationDate, "start_before_deliberation", found)) {
    before(convention, "start", start, convention.enforceableDate ?? computed, "start_before_enforceable", found);
  }
  if (convention.enforceableDate !== null && computed !== null && compareDates(convention.enforceableDate, computed) !== 0) {
    const facts = { code: "inconsistent_dates", reason: "enforceable_differs", field: "enforceableDate", date: convention.enforceableDate, otherDate: computed } as const;
    found.push(onRow(convention.id, "conventions", convention.source, facts));
  }
}

/** A date of the convention's row (`field`) before the `other` it must follow: reported, and true. */
function before(
  convention: Convention,
  field: keyof Convention & string,
  date: CalendarDate | null,
  other: CalendarDate | null,
  reason: InconsistencyReason,
  found: Finding[],
): boolean {
  if (date === null || other === null || compareDates(date, other) >= 0) return false;
  found.push(onRow(convention.id, "conventions", convention.source, { code: "inconsistent_dates", reason, field, date, otherDate: other }));
  return true;
}

/** An avenant signed before the start, or after the end then in force (an expired convention cannot be amended). */
function amendmentFindings(term: ConventionTerm, conventionId: string, found: Finding[]): void {
  for (const { amendment, endBefore } of term.steps) {
    const other = boundCrossed(amendment.date, term.start, endBefore);
    if (other === null) continue;
    const facts = { code: "inconsistent_dates", reason: "amendment_outside_term", field: "date", date: amendment.date, otherDate: other } as const;
    found.push(onRow(conventionId, "amendments", amendment.source, facts));
  }
}

/** A meeting of any type dated before the start or after the end (it counts for nothing). */
function meetingsOutsideTerm(term: ConventionTerm, committees: readonly Committee[], found: Finding[]): void {
  const { start, end } = term;
  if (start !== null && end !== null && compareDates(end, start) < 0) return; // the term itself is wrong
  for (const meeting of committees) {
    const other = boundCrossed(meeting.date, start, end);
    if (other === null) continue;
    const facts = { code: "inconsistent_dates", reason: "committee_outside_term", field: "date", date: meeting.date, otherDate: other } as const;
    found.push(onRow(meeting.conventionId, "committees", meeting.source, facts));
  }
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
  return onRow(deadline.conventionId, "deadlines", deadline.source, {
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
function committeeCoverageOf(term: Term, committees: readonly Committee[], recurring: readonly Deadline[], context: CheckContext): PeriodCoverage[] {
  const termStart = toDayNumber(term.start);
  const termEnd = toDayNumber(term.end);
  // As committeeCoverage keeps them: the days held within the term, on or before asOf, in order.
  let count = 0;
  for (const meeting of committees) if (isSteeringMeeting(meeting)) count = keepHeld(context, count, meeting.date, termStart, termEnd);
  let periodLength: PeriodLength | null = null;
  for (const obligation of recurring) {
    if (obligationMeetingType(obligation.label) !== "steering") continue;
    const length = frequencyOf(obligation);
    if (length !== null && (periodLength === null || length < periodLength)) periodLength = length;
    if (obligation.doneOn !== null) count = keepHeld(context, count, obligation.doneOn, termStart, termEnd);
  }
  const held = context.held;
  for (let i = 1; i < count; i += 1) {
    if (held[i] < held[i - 1]) {
      held.subarray(0, count).sort();
      break;
    }
  }
  const coverageOptions = periodLength === null ? context.semesters : { ...context.semesters, periodLength };
  return coverageOfHeldDays(term, held, count, coverageOptions, context.shared);
}

/** The day of a meeting added to the check's buffer (grown when full) when it counts; the days now in it. */
function keepHeld(context: CheckContext, count: number, date: CalendarDate, termStart: DayNumber, termEnd: DayNumber): number {
  const day = toDayNumber(date);
  if (day < termStart || day > termEnd || day > context.asOfDay) return count;
  if (count === context.held.length) {
    const larger = new Int32Array(2 * count);
    larger.set(context.held);
    context.held = larger;
  }
  context.held[count] = day;
  return count + 1;
}

/** Whether a meeting counts as a comité de suivi: its type says so, or is blank. */
export function isSteeringMeeting(meeting: Committee): boolean {
  return meeting.type === null || meeting.type === "steering";
}

/** Each past calendar period of a recurring obligation (club territorial, other meetings) with no matching event. */
function obligationFindings(term: Term, committees: readonly Committee[], recurring: readonly Deadline[], context: CheckContext, found: Finding[]): void {
  for (const obligation of recurring) {
    const coverage = obligationCoverage(term, committees, obligation, context.asOf, context.shared);
    if (coverage === null) continue;
    for (const c of coverage) {
      if (c.state !== "missing") continue;
      const facts = { code: "obligation_missing", label: obligation.label, period: c.period, date: c.window.end, daysLeft: toDayNumber(c.window.end) - context.asOfDay } as const;
      found.push(onRow(obligation.conventionId, "deadlines", obligation.source, facts));
    }
  }
}

/**
 * How the calendar periods of a recurring obligation other than the comité de suivi (club
 * territorial, other meetings) are covered by the meetings of its type and its Réalisé le; null for
 * the comité de suivi (counted with the semesters) and for a frequency the periods do not support.
 * `shared`: see SharedCoverage.
 * @example obligationCoverage(team2Term, committees, clubTerritorial, d("2026-01-26"))?.map(c => c.state) // ["held", "held", "missing", …]
 */
export function obligationCoverage(
  term: Term,
  committees: readonly Committee[],
  obligation: Deadline,
  asOf: CalendarDate,
  shared: SharedCoverage | null = null,
): PeriodCoverage[] | null {
  const frequency = frequencyOf(obligation);
  const type = obligationMeetingType(obligation.label);
  if (frequency === null || type === "steering") return null;
  const events: CalendarDate[] = [];
  for (const m of committees) if (m.conventionId === obligation.conventionId && m.type === type) events.push(m.date);
  if (obligation.doneOn !== null) events.push(obligation.doneOn);
  return committeeCoverage(term, events, { asOf, periodLength: frequency, basis: "calendar" }, shared);
}

/** Milestones not done, late or due within the warning months. */
function milestoneFindings(start: CalendarDate | null, deadlines: readonly Deadline[], context: CheckContext, found: Finding[]): void {
  for (const milestone of deadlines) {
    if (deadlineKindOf(milestone) !== "milestone" || milestone.doneOn !== null) continue;
    const finding = (facts: FindingFacts): void => void found.push(onRow(milestone.conventionId, "deadlines", milestone.source, facts));
    const deadline = milestoneDeadline(milestone, start, context.rule);
    if (deadline === null) {
      // A delay without start: the missing start is already reported.
      if (milestone.delayMonths === null) finding({ code: "missing_date", field: "dueDate", label: milestone.label });
      else if (start !== null) {
        const field = fieldSpec("deadlines", "delayMonths")?.label;
        const error = { code: "past_excel_dates", from: start, months: milestone.delayMonths, value: milestone.delayMonths, field } as const;
        finding({ code: "invalid_value", field: "delayMonths", label: milestone.label, error });
      }
      continue;
    }
    const left = daysLeft(deadline, context.asOf);
    if (left < 0) {
      finding({ code: "milestone_overdue", label: milestone.label, date: deadline, daysLeft: left });
    } else if (compareDates(deadline, context.horizon) <= 0) {
      finding({ code: "milestone_due", label: milestone.label, date: deadline, daysLeft: left });
    }
  }
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
 * The findings from `first` on (one convention's) by code, then date, then period; otherwise in
 * the order found (the sort is stable), in place. A convention's few findings often come in order
 * already: they are then left as they are.
 */
function sortFindings(findings: Finding[], first: number): void {
  for (let i = first + 1; i < findings.length; i += 1) {
    if (compareFindings(findings[i - 1], findings[i]) > 0) {
      const sorted = findings.slice(first).sort(compareFindings);
      for (let k = 0; k < sorted.length; k += 1) findings[first + k] = sorted[k];
      return;
    }
  }
}
