/**
 * What the check of a register finds: records with a stable code, the convention concerned, where
 * in the workbook it comes from and the data to phrase it. The French sentence is made from the
 * record in one place (`findingMessage` in src/i18n/register.fr.ts).
 */
import { CalendarDate } from "../dates/calendarDate";
import { DomainError } from "../base/errors";
import { TableKey } from "../register/registerSchema";

export type FindingCode = Finding["code"];

/** How bad it is: drives colours and sorting (late in red, soon in amber). */
export type Severity = "late" | "soon" | "data";

export const FINDING_SEVERITY: Record<FindingCode, Severity> = {
  missing_committee: "late",
  obligation_missing: "late",
  milestone_overdue: "late",
  expired: "late",
  committee_due: "soon",
  expiring: "soon",
  milestone_due: "soon",
  missing_date: "data",
  inconsistent_dates: "data",
  invalid_value: "data",
};

/**
 * Rank of a finding's severity for sorting: late (0), then soon (1), then data to correct (2).
 * @example severityRank("committee_due") // 1
 */
export function severityRank(code: FindingCode): number {
  return SEVERITY_ORDER[FINDING_SEVERITY[code]];
}

const SEVERITY_ORDER: Record<Severity, number> = { late: 0, soon: 1, data: 2 };

/** Every code, in the order findings are listed for a convention. */
export const FINDING_CODES: readonly FindingCode[] = [
  "invalid_value",
  "missing_date",
  "inconsistent_dates",
  "expired",
  "expiring",
  "missing_committee",
  "committee_due",
  "obligation_missing",
  "milestone_overdue",
  "milestone_due",
];

/** Which dates contradict each other. */
export type InconsistencyReason =
  /** The end (given or computed) precedes the start. */
  | "end_before_start"
  /** The register's end differs from the one computed from the start and duration (or the latest avenant). */
  | "end_differs"
  /** The register's enforceable date differs from the later of transmission and publication. */
  | "enforceable_differs"
  /** Published before the deliberation it publishes. */
  | "publication_before_deliberation"
  /** Sent to the préfecture before the deliberation. */
  | "transmission_before_deliberation"
  /** Signed or notified before the council approved it. */
  | "start_before_deliberation"
  /** Signed or notified before the deliberation was enforceable. */
  | "start_before_enforceable"
  /** A meeting dated outside the convention's term. */
  | "committee_outside_term"
  /** An avenant dated before the convention's start or after its end. */
  | "amendment_outside_term";

/** A place in the workbook: sheet, Excel row (1-based) and column letter when one cell is meant. */
export interface CellLocation {
  readonly sheet: string;
  readonly row: number;
  readonly column?: string;
}

/** A semester, quarter or year ("2025-S1", "2024-T3", "2024"), with its first and last days. */
export interface PeriodRef {
  readonly label: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/** What every finding says: the convention concerned and where in the workbook it comes from. */
interface Concerning {
  /** The convention concerned; null for a row that names none. */
  readonly conventionId: string | null;
  readonly location?: CellLocation;
  /** The table the row comes from. */
  readonly table?: TableKey;
}

/** A date that comes, with the days from asOf to it (negative once past). */
interface Dated {
  readonly date: CalendarDate;
  readonly daysLeft: number;
}

/**
 * What the check finds, a union keyed on `code` (zod's issues): each member carries the facts its
 * sentence needs, so that the compiler knows `expired` has its date and `inconsistent_dates` its
 * reason. `field` is a column key of registerSchema.
 */
export type Finding =
  /** A past required semester closed without its comité de suivi; `date` is its last day. */
  | ({ readonly code: "missing_committee"; readonly period: PeriodRef } & Dated & Concerning)
  /** The semester in progress still lacks its comité; `date` is its last day. */
  | ({ readonly code: "committee_due"; readonly period: PeriodRef } & Dated & Concerning)
  /** Within the notice period before the end; `date` is the end. */
  | ({ readonly code: "expiring"; readonly field: string } & Dated & Concerning)
  /** Past its end; `date` is the end. */
  | ({ readonly code: "expired"; readonly field: string } & Dated & Concerning)
  /** A milestone (jalon) not done whose deadline (`date`) has passed. */
  | ({ readonly code: "milestone_overdue"; readonly label: string } & Dated & Concerning)
  /** A milestone not done whose deadline (`date`) comes soon. */
  | ({ readonly code: "milestone_due"; readonly label: string } & Dated & Concerning)
  /** A past period of a recurring obligation (`label`) with no matching meeting or event; `date` is the period's last day. */
  | ({ readonly code: "obligation_missing"; readonly label: string; readonly period: PeriodRef } & Dated & Concerning)
  /** A date needed for the follow-up is blank (`field`); `label` names the milestone when it is one's. */
  | ({ readonly code: "missing_date"; readonly field: string; readonly label?: string } & Concerning)
  /** Dates that contradict each other: `date` (of `field`) and `otherDate`, and how (`reason`). */
  | ({
      readonly code: "inconsistent_dates";
      readonly reason: InconsistencyReason;
      readonly field: string;
      readonly date: CalendarDate;
      readonly otherDate: CalendarDate;
    } & Concerning)
  /** A cell that cannot be read, or a row that cannot be used (`field`); `error` says why, with the cell's value. */
  | ({ readonly code: "invalid_value"; readonly field: string; readonly label?: string; readonly error: DomainError } & Concerning);

/** The member of the union with that code. */
export type FindingOf<C extends FindingCode> = Extract<Finding, { readonly code: C }>;

/** The finding's period (semester, quarter, year), when it is about one. */
export function findingPeriod(finding: Finding): PeriodRef | undefined {
  return "period" in finding ? finding.period : undefined;
}

/** The date that matters (a deadline, an end, the date found inconsistent), when there is one. */
export function findingDate(finding: Finding): CalendarDate | undefined {
  return "date" in finding ? finding.date : undefined;
}

/** The column key concerned, when the finding is about one. */
export function findingField(finding: Finding): string | undefined {
  return "field" in finding ? finding.field : undefined;
}

/** The obligation's or milestone's label (Échéances), when it has one. */
export function findingLabel(finding: Finding): string | undefined {
  return "label" in finding ? finding.label : undefined;
}
