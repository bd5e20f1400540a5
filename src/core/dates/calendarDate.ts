/**
 * A day of the civil (proleptic Gregorian) calendar, with no time of day and no time zone.
 * `month` runs from 1 (January) to 12 (December).
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Whether a Gregorian year has a 29 February.
 * @example isLeapYear(2024) // true; isLeapYear(1900) // false; isLeapYear(2000) // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Number of days of a month.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Whether the three numbers name a day that exists (31/02 does not).
 * @example isValidCalendarDate(2024, 2, 29) // true; isValidCalendarDate(2023, 2, 29) // false
 */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Builds a calendar date; the caller guarantees it exists (see isValidCalendarDate).
 * @example calendarDate(2024, 7, 12) // { year: 2024, month: 7, day: 12 }
 */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return { year, month, day };
}

/**
 * ISO 8601 text of a date, the form used in JSON and logs.
 * @example toIsoDate({ year: 2024, month: 7, day: 12 }) // "2024-07-12"
 */
export function toIsoDate(date: CalendarDate): string {
  const y = date.year < 0 ? `-${pad(-date.year, 4)}` : pad(date.year, 4);
  return `${y}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
