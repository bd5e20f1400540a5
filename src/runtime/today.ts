import { CalendarDate } from "../core/dates/calendarDate";

/**
 * Today's date on the user's machine, as Excel's TODAY() sees it. The only place the add-in reads
 * the clock: the core always receives asOf as a parameter.
 */
export function today(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
