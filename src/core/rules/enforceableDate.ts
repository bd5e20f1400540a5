import { CalendarDate } from "../dates/calendarDate";
import { maxDate } from "../dates/dayNumber";

/**
 * Date from which an act of a local authority is enforceable (CGCT L2131-1, L5211-3): the later
 * of its transmission to the préfet and its publication; unknown (null) while either is missing.
 * @example enforceableDate({ year: 2024, month: 7, day: 11 }, { year: 2024, month: 7, day: 12 }) // 2024-07-12
 */
export function enforceableDate(
  transmission: CalendarDate | null,
  publication: CalendarDate | null,
): CalendarDate | null {
  if (transmission === null || publication === null) return null;
  return maxDate(transmission, publication);
}
