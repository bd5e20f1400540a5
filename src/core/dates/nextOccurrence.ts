import { CalendarDate } from "./calendarDate";
import { addMonthsClamped, monthsBetween } from "./addMonthsClamped";
import { compareDates } from "./dayNumber";

/**
 * First date start + k × every months (k ≥ 0, each counted from the start and clamped to the
 * month's last day, so 31 January every month gives 28/29 February then 31 March) on or after asOf.
 * @example nextOccurrence({ year: 2024, month: 7, day: 15 }, 3, { year: 2025, month: 1, day: 20 }) // 2025-04-15
 */
export function nextOccurrence(start: CalendarDate, everyMonths: number, asOf: CalendarDate): CalendarDate {
  if (compareDates(asOf, start) <= 0) return start;
  let k = Math.max(0, Math.floor(monthsBetween(start, asOf) / everyMonths));
  let candidate = addMonthsClamped(start, k * everyMonths);
  while (compareDates(candidate, asOf) < 0) {
    k += 1;
    candidate = addMonthsClamped(start, k * everyMonths);
  }
  return candidate;
}
