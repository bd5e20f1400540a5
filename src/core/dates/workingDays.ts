import { CalendarDate } from "./calendarDate";
import { fromDayNumber, isoWeekday, toDayNumber } from "./dayNumber";
import { HolidayZone } from "./holidayZone";
import { holidayDayNumbers } from "./publicHolidays";

/**
 * A working day is neither a Saturday, a Sunday nor a public holiday of the zone.
 * @example isWorkingDay({ year: 2024, month: 7, day: 15 }) // true (a Monday)
 */
export function isWorkingDay(date: CalendarDate, zone: HolidayZone = "metropole"): boolean {
  return isoWeekday(date) < 6 && !holidayDayNumbers(date.year, zone).has(toDayNumber(date));
}

/**
 * The date itself when it is a working day, else the next working day (art. 642 CPC).
 * @example nextWorkingDay({ year: 2025, month: 3, day: 1 }) // { year: 2025, month: 3, day: 3 }
 */
export function nextWorkingDay(date: CalendarDate, zone: HolidayZone = "metropole"): CalendarDate {
  let n = toDayNumber(date);
  let current = date;
  while (!isWorkingDay(current, zone)) {
    n += 1;
    current = fromDayNumber(n);
  }
  return current;
}
