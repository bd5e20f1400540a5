import { CalendarDate, daysInMonth } from "../dates/calendarDate";
import { addMonthsClamped } from "../dates/addMonthsClamped";
import { addDays } from "../dates/dayNumber";

/**
 * How "pour une durée de N mois à compter du …" is read.
 * - `veille` (default): the start day counts, so the term ends the day before the same
 *   day-of-month N months later; when that day does not exist in the target month, the term
 *   ends on that month's last day.
 * - `quantieme`: the term ends on the same day-of-month N months later, clamped to the month's
 *   last day.
 */
export type EndRule = "veille" | "quantieme";

/**
 * Last day in force of a term of `months` months starting on `start`.
 * @example endOfTerm({ year: 2024, month: 7, day: 15 }, 36) // { year: 2027, month: 7, day: 14 }
 * @example endOfTerm({ year: 2024, month: 12, day: 31 }, 18) // { year: 2026, month: 6, day: 30 }
 */
export function endOfTerm(start: CalendarDate, months: number, rule: EndRule = "veille"): CalendarDate {
  const anniversary = addMonthsClamped(start, months);
  if (rule === "quantieme") return anniversary;
  if (start.day > daysInMonth(anniversary.year, anniversary.month)) return anniversary;
  return addDays(anniversary, -1);
}
