/**
 * The add-in's custom functions (namespace CONV). Each one coerces its arguments, calls the core
 * and turns the result into a cell value or an Excel error; no rule lives here.
 * The JSDoc below generates functions.json; the French names and help are in
 * src/i18n/functions.fr.json.
 *
 * A date comes back as a date where the host has data types (see toDateCell): its result type is
 * written `number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue`, a union the metadata
 * generator declares as `any` (no "type" in the result), as a data-type value requires; the
 * generator also writes `allowCustomDataForDataTypeAny: true` at the top of functions.json, which
 * the reference asks for to return and accept data types (tests/project/functionsMetadata.test.ts).
 */
import { appealDeadline as coreAppealDeadline } from "../core/rules/appealDeadline";
import { committeeCoverage, missingPeriods, nextDuePeriod } from "../core/rules/committeeCoverage";
import { conventionStatus } from "../core/rules/conventionStatus";
import { daysLeft as coreDaysLeft } from "../core/dates/daysLeft";
import { compareDates } from "../core/dates/dayNumber";
import { endOfTerm } from "../core/rules/endOfTerm";
import { enforceableDate as coreEnforceableDate } from "../core/rules/enforceableDate";
import { CalendarDate } from "../core/dates/calendarDate";
import { Result, fail, ok } from "../core/base/errors";
import { nextOccurrence as coreNextOccurrence } from "../core/dates/nextOccurrence";
import { calendarPeriodContaining, periodContaining } from "../core/rules/periods";
import { publicHolidays } from "../core/dates/publicHolidays";
import { nextWorkingDay as coreNextWorkingDay } from "../core/dates/workingDays";
import { STATUS_LABELS } from "../i18n/fr";
import {
  coerceBasis,
  coerceDate,
  coerceDateList,
  coerceEndRule,
  coerceZone,
  optionalDate,
  optionalInteger,
  requireDate,
  requireDuration,
  requireInteger,
} from "./coerce";
import { guard, none, startDateCells, toDateCell, unwrap } from "./excelResult";
import { today } from "../runtime/today";

// Once, at start-up: whether this Excel takes a date with its format (never asked again per call).
startDateCells();

/** A convention's term: both dates there and in order. */
function requireTerm(start: unknown, end: unknown): { start: CalendarDate; end: CalendarDate } {
  const s = unwrap(requireDate(start, "start"));
  const e = unwrap(requireDate(end, "end"));
  unwrap(orderCheck(s, e));
  return { start: s, end: e };
}

function orderCheck(start: CalendarDate, end: CalendarDate): Result<true> {
  return compareDates(end, start) < 0
    ? fail({ code: "end_before_start", value: end, start })
    : ok(true);
}

/**
 * Last day in force of a convention that runs for a duration from its start ("pour une durée de 3 ans à compter de sa notification").
 * @customfunction END_DATE
 * @param start Start date (notification, signature or effect date).
 * @param duration Duration in months, or French text such as "3 ans", "18 mois", "1 an et 6 mois".
 * @param [rule] "veille" (default: the start day counts, the term ends the day before the anniversary) or "quantieme" (ends on the anniversary).
 * @returns The last day in force, a date shown dd/mm/yyyy.
 */
export function endDate(start: unknown, duration: unknown, rule?: unknown): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return guard(() => {
    const from = unwrap(requireDate(start, "start"));
    const months = unwrap(requireDuration(duration, "duration"));
    return toDateCell(endOfTerm(from, months, unwrap(coerceEndRule(rule))));
  });
}

/**
 * Last day to file an appeal (délai de recours contentieux, délai franc): publication + N months + 1 day, moved to the next working day.
 * @customfunction APPEAL_DEADLINE
 * @param publication Publication (or notification) date of the act.
 * @param [months] Length of the appeal period in months (2 by default).
 * @param [zone] Blank for the general public holidays, or "alsace-moselle".
 * @returns The last day to file, a date shown dd/mm/yyyy.
 */
export function appealDeadline(publication: unknown, months?: unknown, zone?: unknown): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return guard(() => {
    const published = unwrap(requireDate(publication, "publication"));
    const length = unwrap(optionalInteger(months, "months", { fallback: 2, min: 1, max: 120 }));
    return toDateCell(coreAppealDeadline(published, { months: length, zone: unwrap(coerceZone(zone)) }));
  });
}

/**
 * Date from which an act is enforceable: the later of its transmission to the préfecture and its publication.
 * @customfunction ENFORCEABLE_DATE
 * @param transmission Date of reception by the préfecture or sous-préfecture (contrôle de légalité).
 * @param publication Publication date.
 * @returns The enforceable date (shown dd/mm/yyyy), or #N/A while either date is missing.
 */
export function enforceableDate(transmission: unknown, publication: unknown): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return guard(() => {
    const sent = unwrap(coerceDate(transmission, "transmission"));
    const published = unwrap(coerceDate(publication, "publication"));
    const result = coreEnforceableDate(sent, published);
    if (result === null) return unwrap(fail({ code: "missing_date", field: sent === null ? "transmission" : "publication" }));
    return toDateCell(result);
  });
}

/**
 * The date itself when it is a working day, else the next working day (not a Saturday, Sunday or public holiday).
 * @customfunction NEXT_WORKING_DAY
 * @param date A date.
 * @param [zone] Blank for the general public holidays, or "alsace-moselle".
 * @returns A working day, a date shown dd/mm/yyyy.
 */
export function nextWorkingDay(date: unknown, zone?: unknown): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return guard(() => {
    const day = unwrap(requireDate(date, "date"));
    return toDateCell(coreNextWorkingDay(day, unwrap(coerceZone(zone))));
  });
}

/**
 * The public holidays of a year in France (11 days; 13 in Alsace-Moselle), one column, in date order.
 * @customfunction HOLIDAYS
 * @param year A year between 1900 and 9999.
 * @param [zone] Blank for the general public holidays, or "alsace-moselle".
 * @returns One column of dates shown dd/mm/yyyy.
 */
export function holidays(year: unknown, zone?: unknown): Array<Array<number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue>> {
  return guard(() => {
    const y = unwrap(requireInteger(year, "year", { min: 1900, max: 9999 }));
    return publicHolidays(y, unwrap(coerceZone(zone))).map((h) => [toDateCell(h.date)]);
  });
}

/**
 * The semester of a date: "2024-S2" for calendar semesters, or "S1", "S2"… counted from the contract start.
 * @customfunction SEMESTER
 * @param date A date.
 * @param [basis] "calendrier" (default) or "contrat".
 * @param [contractStart] Start of the contract, needed with "contrat".
 * @returns The semester's label.
 */
export function semester(date: unknown, basis?: unknown, contractStart?: unknown): string {
  return guard(() => {
    const day = unwrap(requireDate(date, "date"));
    const calendar = unwrap(coerceBasis(basis)) === "calendar";
    // A contract start that is no date is a typo to flag even where calendar semesters ignore it.
    const start = unwrap(coerceDate(contractStart, "contractStart"));
    if (calendar) return calendarPeriodContaining(day, 6).label;
    if (start === null) return unwrap(fail({ code: "missing_date", field: "contractStart" }));
    const period = periodContaining(day, 6, { kind: "contract", start });
    if (period === null) {
      return unwrap(fail({ code: "before_contract_start", value: day, field: "date", contractStart: start }));
    }
    return period.label;
  });
}

/**
 * Semesters that ended without their comité de suivi: each required semester (the convention in force for more than half of it) that closed before the reference date with fewer comités than required.
 * @customfunction MISSING_COMMITTEES
 * @param start Start of the convention.
 * @param end Last day of the convention.
 * @param committees Dates of the comités held (a range; empty cells are skipped).
 * @param [asOf] Reference date (today by default).
 * @param [perSemester] Comités required per semester (1 by default).
 * @returns The missing semesters, such as "2025-S1, 2026-S1", or "" when none.
 * @volatile
 */
export function missingCommittees(start: unknown, end: unknown, committees: unknown[][], asOf?: unknown, perSemester?: unknown): string {
  return guard(() => {
    const term = requireTerm(start, end);
    const meetings = unwrap(coerceDateList(committees, "committees"));
    const reference = unwrap(optionalDate(asOf, "asOf", today));
    const per = unwrap(optionalInteger(perSemester, "perSemester", { fallback: 1, min: 1, max: 100 }));
    return missingPeriods(committeeCoverage(term, meetings, { asOf: reference, perPeriod: per })).join(", ");
  });
}

/**
 * Last day to hold the next comité de suivi: the end of the earliest required semester, from the one in progress on, that still lacks its comité.
 * @customfunction NEXT_COMMITTEE_DUE
 * @param start Start of the convention.
 * @param end Last day of the convention.
 * @param committees Dates of the comités held (a range; empty cells are skipped).
 * @param [asOf] Reference date (today by default).
 * @returns A date shown dd/mm/yyyy, or #N/A when no comité is left to hold.
 * @volatile
 */
export function nextCommitteeDue(start: unknown, end: unknown, committees: unknown[][], asOf?: unknown): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return guard(() => {
    const term = requireTerm(start, end);
    const meetings = unwrap(coerceDateList(committees, "committees"));
    const reference = unwrap(optionalDate(asOf, "asOf", today));
    const next = nextDuePeriod(committeeCoverage(term, meetings, { asOf: reference }));
    return next === null ? unwrap(none("committee")) : toDateCell(next.window.end);
  });
}

/**
 * Status of a convention: "À venir", "En cours", "À renouveler" (within the notice period before its end) or "Échue".
 * @customfunction STATUS
 * @param start Start of the convention.
 * @param end Last day of the convention.
 * @param [asOf] Reference date (today by default).
 * @param [noticeMonths] Months before the end from which it is "À renouveler" (6 by default).
 * @returns The status, in French.
 * @volatile
 */
export function status(start: unknown, end: unknown, asOf?: unknown, noticeMonths?: unknown): string {
  return guard(() => {
    const term = requireTerm(start, end);
    const reference = unwrap(optionalDate(asOf, "asOf", today));
    const notice = unwrap(optionalInteger(noticeMonths, "noticeMonths", { fallback: 6, min: 0, max: 120 }));
    return STATUS_LABELS[conventionStatus(term.start, term.end, reference, notice)];
  });
}

/**
 * Whole days from the reference date to a date: 0 on the day, negative once it is past.
 * @customfunction DAYS_LEFT
 * @param date The deadline.
 * @param [asOf] Reference date (today by default).
 * @returns A number of days.
 * @volatile
 */
export function daysLeft(date: unknown, asOf?: unknown): number {
  return guard(() => {
    const deadline = unwrap(requireDate(date, "date"));
    return coreDaysLeft(deadline, unwrap(optionalDate(asOf, "asOf", today)));
  });
}

/**
 * Next date of a recurring obligation: the first start + k × every months (k ≥ 0) on or after the reference date.
 * @customfunction NEXT_OCCURRENCE
 * @param start First occurrence.
 * @param every Period in months (3 for a quarterly club, 6 for a semester…).
 * @param [asOf] Reference date (today by default).
 * @returns A date shown dd/mm/yyyy.
 * @volatile
 */
export function nextOccurrence(start: unknown, every: unknown, asOf?: unknown): number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return guard(() => {
    const first = unwrap(requireDate(start, "start"));
    const period = unwrap(requireInteger(every, "every", { min: 1, max: 1200 }));
    return toDateCell(coreNextOccurrence(first, period, unwrap(optionalDate(asOf, "asOf", today))));
  });
}
