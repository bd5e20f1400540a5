import { CalendarDate, daysInMonth } from "./calendarDate";

/**
 * Same day-of-month N months later (or earlier when N is negative); when that day does not exist
 * in the target month, the month's last day.
 * @example addMonthsClamped({ year: 2024, month: 12, day: 31 }, 2) // { year: 2025, month: 2, day: 28 }
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * Whole calendar months from one month to another, ignoring the days.
 * @example monthsBetween({ year: 2024, month: 11, day: 30 }, { year: 2025, month: 2, day: 1 }) // 3
 */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}
