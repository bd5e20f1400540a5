/**
 * What the check of a register finds: records with a stable code, the convention concerned, where
 * in the workbook it comes from and the data to phrase it. The French sentence is made from the
 * record in one place (`findingMessage` in src/i18n/register.fr.ts).
 */
import { CalendarDate } from "../dates/calendarDate";
import { DomainError } from "../base/errors";
import { TableKey } from "../register/registerSchema";

export type FindingCode =
  /** A past required semester closed without its comité de suivi. */
  | "missing_committee"
  /** The semester in progress still lacks its comité; `date` is its last day. */
  | "committee_due"
  /** Within the notice period before the end; `date` is the end. */
  | "expiring"
  /** Past its end; `date` is the end. */
  | "expired"
  /** A milestone (jalon) not done whose deadline (`date`) has passed. */
  | "milestone_overdue"
  /** A milestone not done whose deadline (`date`) comes soon. */
  | "milestone_due"
  /** A past period of a recurring obligation with no matching meeting or event. */
  | "obligation_missing"
  /** A date needed for the follow-up is blank; `field` says which. */
  | "missing_date"
  /** Dates that contradict each other; `reason` says how. */
  | "inconsistent_dates"
  /** A cell that cannot be read, or a row that cannot be used; `error` says why. */
  | "invalid_value";

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

export interface Finding {
  readonly code: FindingCode;
  /** The convention concerned; null for a row that names none. */
  readonly conventionId: string | null;
  readonly location?: CellLocation;
  /** The table the row comes from (invalid_value, inconsistent_dates of a comité or avenant…). */
  readonly table?: TableKey;
  /** The field (column key of registerSchema) concerned. */
  readonly field?: string;
  /** A semester, quarter or year: missing_committee, committee_due, obligation_missing. */
  readonly period?: { readonly label: string; readonly start: CalendarDate; readonly end: CalendarDate };
  /** The date that matters: a deadline, an end, the date found inconsistent. */
  readonly date?: CalendarDate;
  /** The date it is compared with (inconsistent_dates): the start, the computed end… */
  readonly otherDate?: CalendarDate;
  readonly reason?: InconsistencyReason;
  /** The obligation's or milestone's label (Échéances). */
  readonly label?: string;
  /** Days from asOf to `date` (negative once past). */
  readonly daysLeft?: number;
  /** Why a cell could not be read (invalid_value), with the cell's text in `error.value`. */
  readonly error?: DomainError;
}
