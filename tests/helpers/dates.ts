import { CalendarDate } from "../../src/core/dates/calendarDate";

/** "2024-07-12" → a calendar date, for readable tests (split by hand, no Date involved). */
export function d(iso: string): CalendarDate {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
}

/** A calendar date → "2024-07-12". */
export function iso(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}
