import { CalendarDate } from "../dates/calendarDate";
import { DayNumber, fromDayNumber, toDayNumber } from "../dates/dayNumber";
import { Period, PeriodLength, calendarPeriod, periodsOverlapping } from "./periods";

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
 * `shared`: the check's coverages already made, given again where equal (see SharedCoverage).
 * @example committeeCoverage({ start: d("2024-07-15"), end: d("2027-07-14") }, [d("2024-10-03")], { asOf: d("2025-09-01") })
 *   // 2024-S2 held, 2025-S1 missing, 2025-S2 due, 2026-S1…2027-S1 upcoming, 2027-S2 not_required
 */
export function committeeCoverage(
  term: { readonly start: CalendarDate; readonly end: CalendarDate },
  meetings: readonly CalendarDate[],
  options: CoverageOptions,
  shared: SharedCoverage | null = null,
): PeriodCoverage[] {
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
  return coverageOfHeldDays(term, held, held.length, options, shared);
}

/**
 * committeeCoverage from what it keeps of the meetings: the first `count` days of `held`, the
 * days (day numbers) of the meetings held within the term on or before asOf, in order. For a
 * caller that reads many conventions' meetings into one buffer.
 * @example coverageOfHeldDays(team2, [toDayNumber(d("2024-10-03"))], 1, { asOf: d("2025-09-01") }, null) // as committeeCoverage's example
 */
export function coverageOfHeldDays(
  term: { readonly start: CalendarDate; readonly end: CalendarDate },
  held: ArrayLike<DayNumber>,
  count: number,
  options: CoverageOptions,
  shared: SharedCoverage | null,
): PeriodCoverage[] {
  const length = options.periodLength ?? 6;
  const perPeriod = options.perPeriod ?? 1;
  const termStart = toDayNumber(term.start);
  const termEnd = toDayNumber(term.end);
  const asOf = toDayNumber(options.asOf);
  if (termEnd < termStart) return [];
  // Calendar periods follow one another by their index within the year, each the same object for
  // every convention (their coverage can be shared); contractual ones are each convention's own.
  const contract = options.basis === "contract" ? periodsOverlapping(term.start, term.end, length, { kind: "contract", start: term.start }) : null;
  const cache = contract === null ? shared : null;
  const perYear = 12 / length;
  let year = term.start.year;
  let index = Math.floor((term.start.month - 1) / length);
  const periods = contract?.length ?? (term.end.year - year) * perYear + Math.floor((term.end.month - 1) / length) - index + 1;
  const coverage = new Array<PeriodCoverage>(periods);
  let cursor = 0;
  for (let i = 0; i < periods; i += 1) {
    let period: Period;
    if (contract === null) {
      period = calendarPeriod(year, index, length);
      index += 1;
      if (index === perYear) {
        index = 0;
        year += 1;
      }
    } else {
      period = contract[i];
    }
    const known = cache === null ? null : cache.of(period);
    const periodStart = known === null ? toDayNumber(period.start) : known.start;
    const periodEnd = known === null ? toDayNumber(period.end) : known.end;
    const windowStart = Math.max(periodStart, termStart);
    const windowEnd = Math.min(periodEnd, termEnd);
    const required = 2 * (windowEnd - windowStart + 1) > periodEnd - periodStart + 1;
    while (cursor < count && held[cursor] < windowStart) cursor += 1;
    let meetings = 0;
    while (cursor + meetings < count && held[cursor + meetings] <= windowEnd) meetings += 1;
    const state = stateOf(required, meetings >= perPeriod, windowStart, windowEnd, asOf);
    const key = known === null ? -1 : coverageKey(windowStart - periodStart, periodEnd - windowEnd, meetings, state);
    let covered = key < 0 ? undefined : known?.get(key);
    if (covered === undefined) {
      covered = {
        period,
        window:
          windowStart === periodStart && windowEnd === periodEnd
            ? wholePeriod(period)
            : {
                start: windowStart === periodStart ? period.start : fromDayNumber(windowStart),
                end: windowEnd === periodEnd ? period.end : fromDayNumber(windowEnd),
              },
        required,
        held: meetings,
        state,
      };
      if (key >= 0) known?.set(key, covered);
    }
    coverage[i] = covered;
  }
  return coverage;
}

const STATE_CODES: Record<PeriodState, number> = { not_required: 0, held: 1, missing: 2, due: 3, upcoming: 4 };

/**
 * What tells a period's coverages apart: where its window starts and ends within it (days from its
 * first day, days before its last: under 512, a period is a year at most), its state and the
 * meetings held; -1 for one not shared (8 meetings or more in one period). A whole period's keys
 * are under WHOLE_KEYS.
 */
function coverageKey(fromStart: number, toEnd: number, held: number, state: PeriodState): number {
  return held > 7 ? -1 : ((((fromStart << 9) | toEnd) << 3) | STATE_CODES[state]) * 8 + held;
}

const WHOLE_KEYS = 40;

/**
 * The coverages made during one check of a register, shared: a period's coverage is a value (its
 * period, its window, the meetings held, its state), and thousands of conventions have equal ones
 * (the same semester, whole, missed). Each is made once and given to every convention that has it:
 * a register of 200 000 conventions holds a few thousand coverages instead of 1,4 million. Kept by
 * the check that made it and dropped with it (no lasting cache in a module); calendar periods only,
 * which are shared objects themselves (contractual ones are each convention's own).
 */
export class SharedCoverage {
  private readonly periods = new Map<Period, PeriodCoverages>();

  /** A period's coverages made so far, with its first and last days. */
  of(period: Period): PeriodCoverages {
    let known = this.periods.get(period);
    if (known === undefined) {
      known = new PeriodCoverages(toDayNumber(period.start), toDayNumber(period.end));
      this.periods.set(period, known);
    }
    return known;
  }
}

/** One period's coverages by key (see coverageKey): the whole period's in an array, the others in a map. */
class PeriodCoverages {
  private readonly whole = new Array<PeriodCoverage | undefined>(WHOLE_KEYS).fill(undefined);
  private partial: Map<number, PeriodCoverage> | null = null;

  constructor(
    readonly start: DayNumber,
    readonly end: DayNumber,
  ) {}

  get(key: number): PeriodCoverage | undefined {
    return key < WHOLE_KEYS ? this.whole[key] : this.partial?.get(key);
  }

  set(key: number, coverage: PeriodCoverage): void {
    if (key < WHOLE_KEYS) this.whole[key] = coverage;
    else (this.partial ??= new Map()).set(key, coverage);
  }
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
