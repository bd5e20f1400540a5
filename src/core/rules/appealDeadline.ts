import { CalendarDate } from "../dates/calendarDate";
import { addMonthsClamped } from "../dates/addMonthsClamped";
import { addDays } from "../dates/dayNumber";
import { HolidayZone } from "../dates/holidayZone";
import { nextWorkingDay } from "../dates/workingDays";

export interface AppealOptions {
  /** Length of the appeal period in months (2 for the recours contentieux). */
  readonly months?: number;
  readonly zone?: HolidayZone;
}

/**
 * Last day to file an appeal against an act published on `publication` (délai franc): the same
 * day-of-month `months` later (clamped to a shorter month's last day), plus one day, moved to
 * the next working day when it falls on a Saturday, Sunday or public holiday.
 * @example appealDeadline({ year: 2024, month: 7, day: 12 }) // { year: 2024, month: 9, day: 13 }
 * @example appealDeadline({ year: 2024, month: 12, day: 31 }) // { year: 2025, month: 3, day: 3 }
 */
export function appealDeadline(publication: CalendarDate, options: AppealOptions = {}): CalendarDate {
  const nominalEnd = addMonthsClamped(publication, options.months ?? 2);
  return nextWorkingDay(addDays(nominalEnd, 1), options.zone ?? "metropole");
}
