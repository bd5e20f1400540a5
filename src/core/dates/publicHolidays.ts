import { CalendarDate } from "./calendarDate";
import { DayNumber, addDays, toDayNumber } from "./dayNumber";
import { easterSunday } from "./easterSunday";
import { HolidayZone } from "./holidayZone";

/** Stable keys of the public holidays; their French names live in `src/i18n/fr.ts`. */
export type HolidayKey =
  | "new_year"
  | "good_friday"
  | "easter_monday"
  | "labour_day"
  | "victory_1945"
  | "ascension"
  | "whit_monday"
  | "bastille_day"
  | "assumption"
  | "all_saints"
  | "armistice_1918"
  | "christmas"
  | "st_stephen";

export interface PublicHoliday {
  readonly key: HolidayKey;
  readonly date: CalendarDate;
}

/**
 * Public holidays of a year (art. L3133-1 du code du travail; Alsace-Moselle adds Good Friday
 * and 26 December), in date order.
 * @example publicHolidays(2024).length // 11; publicHolidays(2024, "alsace-moselle").length // 13
 */
export function publicHolidays(year: number, zone: HolidayZone = "metropole"): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (key: HolidayKey, month: number, day: number): PublicHoliday => ({ key, date: { year, month, day } });
  const movable = (key: HolidayKey, offset: number): PublicHoliday => ({ key, date: addDays(easter, offset) });
  const list: PublicHoliday[] = [
    fixed("new_year", 1, 1),
    movable("easter_monday", 1),
    fixed("labour_day", 5, 1),
    fixed("victory_1945", 5, 8),
    movable("ascension", 39),
    movable("whit_monday", 50),
    fixed("bastille_day", 7, 14),
    fixed("assumption", 8, 15),
    fixed("all_saints", 11, 1),
    fixed("armistice_1918", 11, 11),
    fixed("christmas", 12, 25),
  ];
  if (zone === "alsace-moselle") list.push(movable("good_friday", -2), fixed("st_stephen", 12, 26));
  // Ascension can fall on 1 or 8 May: both stay in the list (they are two holidays on one day).
  return list
    .map((holiday) => ({ holiday, n: toDayNumber(holiday.date) }))
    .sort((a, b) => a.n - b.n)
    .map(({ holiday }) => holiday);
}

const cache = new Map<string, ReadonlySet<DayNumber>>();

/**
 * The day numbers of a year's public holidays, computed once per year and zone (pure: the cache
 * only remembers results).
 * @example holidayDayNumbers(2024).has(toDayNumber({ year: 2024, month: 7, day: 14 })) // true
 */
export function holidayDayNumbers(year: number, zone: HolidayZone = "metropole"): ReadonlySet<DayNumber> {
  const key = `${zone}:${year}`;
  let set = cache.get(key);
  if (set === undefined) {
    set = new Set(publicHolidays(year, zone).map((h) => toDayNumber(h.date)));
    cache.set(key, set);
  }
  return set;
}
