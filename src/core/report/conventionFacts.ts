/**
 * What both reports say about one convention, and the options both take. Pure data: the French
 * words come later (src/i18n/report.fr.ts), when the report becomes a sheet.
 */
import { CalendarDate } from "../dates/calendarDate";
import { CheckOptions, ConventionSummary } from "../check/checkRegister";
import { compareDates } from "../dates/dayNumber";
import { enforceableDate } from "../rules/enforceableDate";
import { HolidayZone } from "../dates/holidayZone";
import { Convention, RowSource } from "../register/registerSchema";

export interface ReportOptions extends CheckOptions {
  /** The authority named under the title ("Communauté d'agglomération de Béthune-Bruay…"); none when blank. */
  readonly authority?: string | null;
  /** Length of the appeal period in months (2, the recours contentieux). */
  readonly appealMonths?: number;
  /** Public holidays that move the appeal deadline. */
  readonly zone?: HolidayZone;
}

/** A convention as both reports present it: the register's row and the check's term. */
export interface ConventionFacts {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly deliberationNumber: string | null;
  readonly deliberationDate: CalendarDate | null;
  /** The register's Date exécutoire, else the later of transmission and publication. */
  readonly enforceableDate: CalendarDate | null;
  readonly publicationDate: CalendarDate | null;
  /** The start and the effective end (after avenants), as the check reads them. */
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  /** Months, as the register gives it. */
  readonly duration: number | null;
  readonly amount: number | null;
  readonly notes: string | null;
  /** The register's row, for a link from the report. */
  readonly source: RowSource | null;
}

/**
 * The facts of a convention from its row and its summary in the check.
 * @example conventionFacts(team2, summary).enforceableDate // { year: 2024, month: 7, day: 12 }
 */
export function conventionFacts(convention: Convention, summary: ConventionSummary): ConventionFacts {
  return {
    id: convention.id,
    title: convention.title,
    partner: convention.partner,
    deliberationNumber: convention.deliberationNumber,
    deliberationDate: convention.deliberationDate,
    enforceableDate: convention.enforceableDate ?? enforceableDate(convention.transmissionDate, convention.publicationDate),
    publicationDate: convention.publicationDate,
    start: summary.start,
    end: summary.end,
    duration: convention.duration,
    amount: convention.amount,
    notes: convention.notes,
    source: convention.source,
  };
}

/** Whether a date falls within [from, to], both days included. */
export function isWithin(date: CalendarDate, from: CalendarDate, to: CalendarDate): boolean {
  return compareDates(date, from) >= 0 && compareDates(date, to) <= 0;
}

/**
 * Pairs each convention of the register with its summary in the check (same order, same ids).
 * @example summariesById(check).get("TEAM2")?.status // "in_force"
 */
export function summariesById(summaries: readonly ConventionSummary[]): ReadonlyMap<string, ConventionSummary> {
  return new Map(summaries.map((s) => [s.id, s]));
}

/**
 * Text typed by a person, trimmed; null when there is none.
 * @example blankToNull("  ") // null
 */
export function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
