import { CalendarDate } from "../dates/calendarDate";
import { DayNumber, fromDayNumber, toDayNumber } from "../dates/dayNumber";
import { CALENDAR, Period, PeriodBasis, PeriodLength, periodsOverlapping } from "./periods";

/**
 * - `not_required`: the convention is in force for half of the period or less;
 * - `held`: enough meetings were held in it;
 * - `missing`: its window (the period within the convention's term) closed before asOf without
 *   enough meetings; nothing can cure it any more;
 * - `due`: asOf falls in its window and meetings are still lacking;
 * - `upcoming`: its window opens after asOf.
 */
export type PeriodState = "not_required" | "held" | "missing" | "due" | "upcoming";

export interface PeriodCoverage {
  readonly period: Period;
  /** Part of the period in which the convention is in force: only meetings held there count. */
  readonly window: { readonly start: CalendarDate; readonly end: CalendarDate };
  readonly required: boolean;
  /** Meetings held within the window, on or before asOf. */
  readonly held: number;
  readonly state: PeriodState;
}

export interface CoverageOptions {
  readonly asOf: CalendarDate;
  /** Meetings required in each required period (1 by default). */
  readonly perPeriod?: number;
  /** 6 (semesters, the default), 3 (quarters, the club territorial) or 12 (years). */
  readonly periodLength?: PeriodLength;
  /** Calendar periods by default; contractual ones count from the start. */
  readonly basis?: "calendar" | "contract";
}

/**
 * How each period of a convention's term is covered by its meetings (comités de suivi, clubs…).
 * A period is required when the convention is in force for more than half of it; meetings dated
 * outside the term, or after asOf (planned, not held yet), count for nothing; the period in
 * progress is due, never missing.
 * @example committeeCoverage({ start: d("2024-07-15"), end: d("2027-07-14") }, [d("2024-10-03")], { asOf: d("2025-09-01") })
 *   // 2024-S2 held, 2025-S1 missing, 2025-S2 due, 2026-S1…2027-S1 upcoming, 2027-S2 not_required
 */
export function committeeCoverage(
  term: { readonly start: CalendarDate; readonly end: CalendarDate },
  meetings: readonly CalendarDate[],
  options: CoverageOptions,
): PeriodCoverage[] {
  const length = options.periodLength ?? 6;
  const perPeriod = options.perPeriod ?? 1;
  const basis: PeriodBasis = options.basis === "contract" ? { kind: "contract", start: term.start } : CALENDAR;
  const termStart = toDayNumber(term.start);
  const termEnd = toDayNumber(term.end);
  const asOf = toDayNumber(options.asOf);
  // A meeting counts once it has taken place (a planned date is not a comité held) and only
  // within the convention's term.
  const held: DayNumber[] = [];
  for (const meeting of meetings) {
    const n = toDayNumber(meeting);
    if (n >= termStart && n <= termEnd && n <= asOf) held.push(n);
  }
  // Meetings are mostly listed in date order: sorted only when they are not.
  if (held.some((n, i) => i > 0 && n < held[i - 1])) held.sort((a, b) => a - b);

  let cursor = 0;
  return periodsOverlapping(term.start, term.end, length, basis).map((period) => {
    const periodStart = toDayNumber(period.start);
    const periodEnd = toDayNumber(period.end);
    const windowStart = Math.max(periodStart, termStart);
    const windowEnd = Math.min(periodEnd, termEnd);
    const required = 2 * (windowEnd - windowStart + 1) > periodEnd - periodStart + 1;
    while (cursor < held.length && held[cursor] < windowStart) cursor += 1;
    let count = 0;
    while (cursor + count < held.length && held[cursor + count] <= windowEnd) count += 1;
    return {
      period,
      window:
        windowStart === periodStart && windowEnd === periodEnd
          ? wholePeriod(period)
          : {
              start: windowStart === periodStart ? period.start : fromDayNumber(windowStart),
              end: windowEnd === periodEnd ? period.end : fromDayNumber(windowEnd),
            },
      required,
      held: count,
      state: stateOf(required, count >= perPeriod, windowStart, windowEnd, asOf),
    };
  });
}

type Window = PeriodCoverage["window"];
const WHOLE_PERIODS = new WeakMap<Period, Window>();

/**
 * The window of a period wholly within the term (most of them): the period's own span, made once
 * per period and shared by every convention that covers it, as the (calendar) period itself is.
 */
function wholePeriod(period: Period): Window {
  let window = WHOLE_PERIODS.get(period);
  if (window === undefined) {
    window = { start: period.start, end: period.end };
    WHOLE_PERIODS.set(period, window);
  }
  return window;
}

function stateOf(required: boolean, enough: boolean, start: DayNumber, end: DayNumber, asOf: DayNumber): PeriodState {
  if (!required) return "not_required";
  if (enough) return "held";
  if (end < asOf) return "missing";
  if (start <= asOf) return "due";
  return "upcoming";
}

/**
 * Labels of the required periods that closed before asOf without enough meetings.
 * @example missingPeriods(coverage) // ["2025-S1", "2026-S1"]
 */
export function missingPeriods(coverage: readonly PeriodCoverage[]): string[] {
  return coverage.filter((c) => c.state === "missing").map((c) => c.period.label);
}

/**
 * The earliest required period, from the one in progress on, that still lacks its meetings;
 * null when none is left.
 * @example nextDuePeriod(coverage)?.window.end // the last day to hold the next comité
 */
export function nextDuePeriod(coverage: readonly PeriodCoverage[]): PeriodCoverage | null {
  return coverage.find((c) => c.state === "due" || c.state === "upcoming") ?? null;
}
