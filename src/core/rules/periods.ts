import { CalendarDate, daysInMonth } from "../dates/calendarDate";
import { monthsBetween } from "../dates/addMonthsClamped";
import { addDays, compareDates } from "../dates/dayNumber";
import { endOfTerm } from "./endOfTerm";

/** Length of a follow-up period in months: a quarter, a semester or a year. */
export type PeriodLength = 3 | 6 | 12;

/**
 * Calendar periods (S1 = January–June, S2 = July–December; quarters; years) or contractual ones:
 * consecutive periods counted from the contract's start, each ending as a term of that length does.
 */
export type PeriodBasis = { readonly kind: "calendar" } | { readonly kind: "contract"; readonly start: CalendarDate };

export interface Period {
  /** "2024-S2", "2024-T3", "2024" for calendar periods; "S1", "T4", "A2" for contractual ones. */
  readonly label: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

export const CALENDAR: PeriodBasis = { kind: "calendar" };

const PREFIX: Record<PeriodLength, string> = { 3: "T", 6: "S", 12: "A" };

/**
 * The period that contains `date`; null for a contractual period asked before the contract start.
 * @example periodContaining({ year: 2024, month: 7, day: 12 }, 6, CALENDAR).label // "2024-S2"
 */
export function periodContaining(date: CalendarDate, length: PeriodLength, basis: PeriodBasis): Period | null {
  if (basis.kind === "calendar") return calendarPeriodContaining(date, length);
  if (compareDates(date, basis.start) < 0) return null;
  let k = Math.max(0, Math.floor(monthsBetween(basis.start, date) / length) - 1);
  let period = contractPeriod(basis.start, k, length);
  while (compareDates(period.end, date) < 0) {
    k += 1;
    period = contractPeriod(basis.start, k, length);
  }
  return period;
}

/**
 * The periods that overlap [from, to], in order (contractual periods start at the contract start).
 * @example periodsOverlapping(d("2024-07-15"), d("2025-07-14"), 6, CALENDAR).map(p => p.label) // ["2024-S2", "2025-S1", "2025-S2"]
 */
export function periodsOverlapping(from: CalendarDate, to: CalendarDate, length: PeriodLength, basis: PeriodBasis): Period[] {
  const periods: Period[] = [];
  if (compareDates(to, from) < 0) return periods;
  if (basis.kind === "calendar") {
    // Calendar periods follow one another by their index within the year.
    let year = from.year;
    let index = Math.floor((from.month - 1) / length);
    for (let period = calendarPeriod(year, index, length); compareDates(period.start, to) <= 0; period = calendarPeriod(year, index, length)) {
      periods.push(period);
      index += 1;
      if (index * length >= 12) {
        index = 0;
        year += 1;
      }
    }
    return periods;
  }
  const first = periodContaining(basis.kind === "contract" && compareDates(from, basis.start) < 0 ? basis.start : from, length, basis);
  if (first === null || compareDates(to, first.start) < 0) return periods;
  let period: Period | null = first;
  while (period !== null && compareDates(period.start, to) <= 0) {
    periods.push(period);
    period = periodContaining(addDays(period.end, 1), length, basis);
  }
  return periods;
}

/**
 * The calendar semester, quarter or year that contains a date.
 * @example calendarPeriodContaining({ year: 2024, month: 7, day: 12 }, 3).label // "2024-T3"
 */
export function calendarPeriodContaining(date: CalendarDate, length: PeriodLength): Period {
  return calendarPeriod(date.year, Math.floor((date.month - 1) / length), length);
}

/**
 * Calendar periods are values, the same for every convention: each is made once and shared
 * (a register of 10 000 conventions covers a few dozen semesters, not 60 000).
 */
const CALENDAR_PERIODS = new Map<number, Period>();

/**
 * The calendar period `index` (from 0) of `year`: its semester, quarter or the year itself.
 * @example calendarPeriod(2024, 1, 6).label // "2024-S2"
 */
export function calendarPeriod(year: number, index: number, length: PeriodLength): Period {
  const key = (year * 4 + index) * 16 + length;
  const known = CALENDAR_PERIODS.get(key);
  if (known !== undefined) return known;
  const firstMonth = index * length + 1;
  const lastMonth = firstMonth + length - 1;
  const period: Period = {
    label: length === 12 ? String(year) : `${year}-${PREFIX[length]}${index + 1}`,
    start: { year, month: firstMonth, day: 1 },
    end: { year, month: lastMonth, day: daysInMonth(year, lastMonth) },
  };
  CALENDAR_PERIODS.set(key, period);
  return period;
}

function contractPeriod(start: CalendarDate, k: number, length: PeriodLength): Period {
  return {
    label: `${PREFIX[length]}${k + 1}`,
    start: k === 0 ? start : addDays(endOfTerm(start, k * length), 1),
    end: endOfTerm(start, (k + 1) * length),
  };
}
