import { CalendarDate } from "./calendarDate";
import { daysBetween } from "./dayNumber";

/**
 * Whole days from asOf to a date: 0 on the day, negative once it is past.
 * @example daysLeft({ year: 2027, month: 7, day: 14 }, { year: 2027, month: 7, day: 4 }) // 10
 */
export function daysLeft(date: CalendarDate, asOf: CalendarDate): number {
  return daysBetween(asOf, date);
}
