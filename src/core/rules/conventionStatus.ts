import { CalendarDate } from "../dates/calendarDate";
import { addMonthsClamped } from "../dates/addMonthsClamped";
import { addDays, compareDates } from "../dates/dayNumber";

/** Stable codes; the French labels ("À venir", "En cours", "À renouveler", "Échue") are in `src/i18n/fr.ts`. */
export type ConventionStatus = "upcoming" | "in_force" | "to_renew" | "expired";

/**
 * First day of the notice window: the last `months` months of the term, its end day included.
 * @example noticeStart({ year: 2027, month: 7, day: 14 }, 6) // { year: 2027, month: 1, day: 15 }
 * @example noticeStart({ year: 2026, month: 6, day: 30 }, 6) // { year: 2026, month: 1, day: 1 }
 */
export function noticeStart(end: CalendarDate, months: number): CalendarDate {
  return addMonthsClamped(addDays(end, 1), -months);
}

/**
 * Status of a convention at asOf: upcoming before its start, to_renew within the last
 * `noticeMonths` months of its term (the end day included), expired after its end, else in force.
 * @example conventionStatus(d("2024-07-15"), d("2027-07-14"), d("2027-02-01")) // "to_renew"
 */
export function conventionStatus(
  start: CalendarDate,
  end: CalendarDate,
  asOf: CalendarDate,
  noticeMonths = 6,
): ConventionStatus {
  if (compareDates(asOf, start) < 0) return "upcoming";
  if (compareDates(asOf, end) > 0) return "expired";
  if (noticeMonths > 0 && compareDates(asOf, noticeStart(end, noticeMonths)) >= 0) return "to_renew";
  return "in_force";
}
