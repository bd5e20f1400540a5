import { CalendarDate } from "./calendarDate";

/**
 * A day counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar: the core's
 * arithmetic unit. Pure integer arithmetic (H. Hinnant's algorithms), no `Date`, no time zone.
 */
export type DayNumber = number;

/**
 * Day number of a calendar date.
 * @example toDayNumber({ year: 2024, month: 7, day: 12 }) // 19916
 */
export function toDayNumber(date: CalendarDate): DayNumber {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Calendar date of a day number.
 * @example fromDayNumber(19916) // { year: 2024, month: 7, day: 12 }
 */
export function fromDayNumber(dayNumber: DayNumber): CalendarDate {
  // Day numbers are whole. Flooring one that arrives held as a float (60 computed as -0 + 60)
  // keeps every field of the date a small integer for the engine; otherwise dates made from then
  // on store their day as a boxed float, which slows every date of the register.
  const z = Math.floor(dayNumber) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Adds (or, when negative, subtracts) whole days.
 * @example addDays({ year: 2024, month: 12, day: 31 }, 1) // { year: 2025, month: 1, day: 1 }
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween({ year: 2024, month: 7, day: 12 }, { year: 2024, month: 9, day: 13 }) // 63
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Compares two dates: negative, zero or positive, like a sort comparator.
 * @example compareDates({ year: 2024, month: 1, day: 1 }, { year: 2023, month: 12, day: 31 }) // 1
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The later of two dates. @example maxDate(d("2024-07-11"), d("2024-07-12")) // 2024-07-12 */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. @example minDate(d("2024-07-11"), d("2024-07-12")) // 2024-07-11 */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/**
 * ISO day of the week: 1 = Monday … 7 = Sunday.
 * @example isoWeekday({ year: 2025, month: 3, day: 1 }) // 6 (Saturday)
 */
export function isoWeekday(date: CalendarDate): number {
  const sundayBased = (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return sundayBased === 0 ? 7 : sundayBased;
}
