/**
 * Property tests (fast-check) of the date rules of DOMAIN.md, over days from 1901 to 2199.
 *
 * Every property is a sentence of DOMAIN.md checked against an oracle written here from the
 * rules themselves, not from the core: calendar arithmetic with UTC `Date` (no time zone
 * involved), Easter by another computus than the core's (Oudin's), the holidays listed as
 * DOMAIN.md lists them, working days and "in force more than half of a semester" counted day by
 * day. The core's modules are called directly; a few properties go through the custom functions
 * to tie the cell to the core.
 */
import fc from "fast-check";
import { appealDeadline } from "../../../src/core/rules/appealDeadline";
import { CalendarDate } from "../../../src/core/dates/calendarDate";
import { committeeCoverage, missingPeriods, nextDuePeriod } from "../../../src/core/rules/committeeCoverage";
import { conventionStatus } from "../../../src/core/rules/conventionStatus";
import { daysBetween, fromDayNumber, isoWeekday, toDayNumber } from "../../../src/core/dates/dayNumber";
import { daysLeft } from "../../../src/core/dates/daysLeft";
import { endOfTerm } from "../../../src/core/rules/endOfTerm";
import { enforceableDate } from "../../../src/core/rules/enforceableDate";
import { dateToSerial, serialToDate } from "../../../src/core/dates/excelSerial";
import { HolidayZone } from "../../../src/core/dates/holidayZone";
import { nextOccurrence } from "../../../src/core/dates/nextOccurrence";
import { Period, calendarPeriodContaining, periodContaining } from "../../../src/core/rules/periods";
import { publicHolidays } from "../../../src/core/dates/publicHolidays";
import { isWorkingDay, nextWorkingDay } from "../../../src/core/dates/workingDays";
import * as conv from "../../../src/functions/functions";

// ---- the oracle: the calendar by UTC Date, the rules as DOMAIN.md words them ---------------------

const DAY_MS = 86_400_000;
/** Excel's 1900 system from 01/03/1900 on: serial = days since 30/12/1899. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const utc = (date: CalendarDate): number => Date.UTC(date.year, date.month - 1, date.day);
const fromUtc = (ms: number): CalendarDate => {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
/** The Excel serial of a day (from 01/03/1900 on). */
const serialOf = (date: CalendarDate): number => (utc(date) - EXCEL_EPOCH_MS) / DAY_MS;
const dateOfSerial = (serial: number): CalendarDate => fromUtc(EXCEL_EPOCH_MS + serial * DAY_MS);
const plusDays = (date: CalendarDate, days: number): CalendarDate => fromUtc(Date.UTC(date.year, date.month - 1, date.day + days));
const daysFromTo = (from: CalendarDate, to: CalendarDate): number => (utc(to) - utc(from)) / DAY_MS;
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (date: CalendarDate): string =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
const sameDay = (a: CalendarDate, b: CalendarDate): boolean => iso(a) === iso(b);
/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (date: CalendarDate): number => new Date(utc(date)).getUTCDay();

/** The month `months` after the date's month, and the date's day-of-month there if it exists. */
function monthsLater(date: CalendarDate, months: number): { year: number; month: number; lastDay: number; dayExists: boolean } {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const lastDay = lastDayOf(year, month);
  return { year, month, lastDay, dayExists: date.day <= lastDay };
}
/** Same day-of-month `months` later, clamped to a shorter month's last day (DOMAIN.md). */
function sameDayLater(date: CalendarDate, months: number): CalendarDate {
  const target = monthsLater(date, months);
  return { year: target.year, month: target.month, day: Math.min(date.day, target.lastDay) };
}

/** Easter Sunday by Oudin's algorithm (C. Tøndering's calendar FAQ), not the core's computus. */
function easterOracle(year: number): CalendarDate {
  const g = year % 19;
  const c = Math.floor(year / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  return { year, month, day: l + 28 - 31 * Math.floor(month / 4) };
}

/** The public holidays of DOMAIN.md (art. L3133-1; Alsace-Moselle adds Good Friday and 26/12), as ISO days. */
const holidayCache = new Map<string, Set<string>>();
function holidaysOracle(year: number, zone: HolidayZone): Set<string> {
  const key = `${zone}${year}`;
  const cached = holidayCache.get(key);
  if (cached !== undefined) return cached;
  const easter = easterOracle(year);
  const days = [
    { year, month: 1, day: 1 },
    plusDays(easter, 1),
    { year, month: 5, day: 1 },
    { year, month: 5, day: 8 },
    plusDays(easter, 39),
    plusDays(easter, 50),
    { year, month: 7, day: 14 },
    { year, month: 8, day: 15 },
    { year, month: 11, day: 1 },
    { year, month: 11, day: 11 },
    { year, month: 12, day: 25 },
    ...(zone === "alsace-moselle" ? [plusDays(easter, -2), { year, month: 12, day: 26 }] : []),
  ];
  const set = new Set(days.map(iso));
  holidayCache.set(key, set);
  return set;
}
const isWorkingOracle = (date: CalendarDate, zone: HolidayZone): boolean =>
  weekdayOf(date) !== 0 && weekdayOf(date) !== 6 && !holidaysOracle(date.year, zone).has(iso(date));

// ---- arbitraries --------------------------------------------------------------------------------

const FIRST = serialOf({ year: 1901, month: 1, day: 1 });
const LAST = serialOf({ year: 2199, month: 12, day: 31 });
const serialArb = fc.integer({ min: FIRST, max: LAST });
const dateArb = serialArb.map(dateOfSerial);
const zoneArb = fc.constantFrom<HolidayZone>("metropole", "alsace-moselle");
/** Days a few days around a holiday of a year (weekends and bridges included): where the rules bite. */
const nearHolidayArb = fc
  .record({ year: fc.integer({ min: 1901, max: 2199 }), index: fc.nat(12), shift: fc.integer({ min: -4, max: 2 }) })
  .map(({ year, index, shift }) => {
    const days = [...holidaysOracle(year, "alsace-moselle")].sort();
    const [y, m, d] = days[index % days.length].split("-").map(Number);
    return plusDays({ year: y, month: m, day: d }, shift);
  });
const anyDayArb = fc.oneof(dateArb, nearHolidayArb);

// ---- properties ---------------------------------------------------------------------------------

describe("the oracle itself agrees with published Easter dates", () => {
  it.each([
    [1901, "1901-04-07"],
    [1943, "1943-04-25"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2038, "2038-04-25"],
    [2100, "2100-03-28"],
  ])("%i: %s", (year, expected) => {
    expect(iso(easterOracle(year))).toBe(expected);
  });
});

describe("Excel serials and calendar days", () => {
  it("a serial is the day that many days after 30/12/1899, and back", () => {
    fc.assert(
      fc.property(serialArb, fc.double({ min: 0, max: 0.999999, noNaN: true }), (serial, timeOfDay) => {
        const read = serialToDate(serial + timeOfDay); // a time of day does not move the day
        const back = read.ok ? dateToSerial(read.value) : read;
        return read.ok && sameDay(read.value, dateOfSerial(serial)) && back.ok && back.value === serial;
      }),
    );
  });

  it("every day of the calendar has the serial counted by the oracle, and comes back from it", () => {
    const dayArb = fc
      .record({ year: fc.integer({ min: 1901, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => ({ year, month, day: Math.min(day, lastDayOf(year, month)) }));
    fc.assert(
      fc.property(dayArb, (date) => {
        const serial = dateToSerial(date);
        const back = serial.ok ? serialToDate(serial.value) : serial;
        return serial.ok && serial.value === serialOf(date) && back.ok && sameDay(back.value, date);
      }),
    );
  });

  it("day numbers count days and weekdays as the calendar does", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const weekday = isoWeekday(a) % 7; // ISO 7 = Sunday = 0
        return (
          weekday === weekdayOf(a) &&
          daysBetween(a, b) === daysFromTo(a, b) &&
          sameDay(fromDayNumber(toDayNumber(a) + 1), plusDays(a, 1))
        );
      }),
    );
  });
});

describe("public holidays (art. L3133-1; Alsace-Moselle adds Good Friday and 26 December)", () => {
  it("are the 11 days (13 in Alsace-Moselle) of DOMAIN.md, in date order, within the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), zoneArb, (year, zone) => {
        const list = publicHolidays(year, zone);
        const days = list.map((h) => iso(h.date));
        const sorted = [...days].sort();
        return (
          list.length === (zone === "alsace-moselle" ? 13 : 11) &&
          days.every((day, i) => day === sorted[i]) &&
          list.every((h) => h.date.year === year) &&
          new Set(days).size === holidaysOracle(year, zone).size &&
          days.every((day) => holidaysOracle(year, zone).has(day))
        );
      }),
    );
  });

  it("the movable ones fall on their weekdays: Good Friday, Easter Monday, Ascension Thursday, Whit Monday", () => {
    const expectedWeekday: Record<string, number> = { good_friday: 5, easter_monday: 1, ascension: 4, whit_monday: 1 };
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), (year) =>
        publicHolidays(year, "alsace-moselle")
          .filter((h) => h.key in expectedWeekday)
          .every((h) => weekdayOf(h.date) === expectedWeekday[h.key]),
      ),
    );
  });
});

describe("working days and NEXT_WORKING_DAY", () => {
  it("a working day is neither a Saturday, a Sunday nor a holiday of the zone", () => {
    fc.assert(fc.property(anyDayArb, zoneArb, (date, zone) => isWorkingDay(date, zone) === isWorkingOracle(date, zone)));
  });

  it("the next working day is one, on or after the date, with no working day in between", () => {
    fc.assert(
      fc.property(anyDayArb, zoneArb, (date, zone) => {
        const next = nextWorkingDay(date, zone);
        const gap = daysFromTo(date, next);
        // At most Good Friday, the weekend and Easter Monday (Alsace-Moselle) lie in between.
        if (gap < 0 || gap > 4 || !isWorkingOracle(next, zone)) return false;
        for (let k = 0; k < gap; k += 1) if (isWorkingOracle(plusDays(date, k), zone)) return false;
        return sameDay(nextWorkingDay(next, zone), next);
      }),
    );
  });

  it("CONV.NEXT_WORKING_DAY gives the same day as a serial", () => {
    fc.assert(
      fc.property(anyDayArb, zoneArb, (date, zone) => {
        return conv.nextWorkingDay(serialOf(date), zone) === serialOf(nextWorkingDay(date, zone));
      }),
    );
  });
});

describe("appeal deadline (délai franc, art. 642 CPC)", () => {
  // Publications two months before a holiday or a weekend, as well as any day.
  const publicationArb = fc.oneof(dateArb, nearHolidayArb.map((d) => sameDayLater(d, -2)));

  it("is a working day after the nominal end (publication + N months), the first one, within 5 days of it", () => {
    fc.assert(
      fc.property(publicationArb, zoneArb, fc.oneof(fc.constant(2), fc.integer({ min: 1, max: 24 })), (published, zone, months) => {
        const deadline = appealDeadline(published, { months, zone });
        const nominal = sameDayLater(published, months);
        const after = daysFromTo(nominal, deadline);
        if (after < 1 || after > 5 || !isWorkingOracle(deadline, zone)) return false;
        // No working day between the day after the nominal end and the deadline.
        for (let k = 1; k < after; k += 1) if (isWorkingOracle(plusDays(nominal, k), zone)) return false;
        return true;
      }),
    );
  });

  it("is never earlier in Alsace-Moselle, which has more holidays", () => {
    fc.assert(
      fc.property(publicationArb, (published) => {
        const general = appealDeadline(published);
        const local = appealDeadline(published, { zone: "alsace-moselle" });
        return daysFromTo(general, local) >= 0;
      }),
    );
  });

  it("CONV.APPEAL_DEADLINE counts 2 months by default", () => {
    fc.assert(
      fc.property(publicationArb, (published) => conv.appealDeadline(serialOf(published)) === serialOf(appealDeadline(published, { months: 2 }))),
    );
  });
});

describe("end of a convention (start + N months − 1 day, the start day counting)", () => {
  it("3 years from the notification: the day after the end is the anniversary, or 1 March when 29 February has none", () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const end = endOfTerm(start, 36);
        const anniversary = monthsLater(start, 36);
        if (anniversary.dayExists) return sameDay(plusDays(end, 1), { year: anniversary.year, month: anniversary.month, day: start.day });
        // Only 29 February lacks its anniversary three years later: the term ends on 28 February.
        return start.month === 2 && start.day === 29 && sameDay(end, { year: anniversary.year, month: 2, day: 28 });
      }),
    );
  });

  it("any number of months: the day before the same day-of-month, or that month's last day when the day does not exist", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (start, months) => {
        const end = endOfTerm(start, months);
        const target = monthsLater(start, months);
        return target.dayExists
          ? sameDay(plusDays(end, 1), { year: target.year, month: target.month, day: start.day })
          : sameDay(end, { year: target.year, month: target.month, day: target.lastDay });
      }),
    );
  });

  it("« quantieme »: the same day-of-month, clamped to the month's last day", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (start, months) =>
        sameDay(endOfTerm(start, months, "quantieme"), sameDayLater(start, months)),
      ),
    );
  });

  it("CONV.END_DATE reads « 3 ans », « trois ans », « 36 mois » and 36 alike; « 1 an et 6 mois » as 18", () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const s = serialOf(start);
        const three = serialOf(endOfTerm(start, 36));
        return (
          [conv.endDate(s, "3 ans"), conv.endDate(s, "trois ans"), conv.endDate(s, "36 mois"), conv.endDate(s, 36)].every((e) => e === three) &&
          conv.endDate(s, "1 an et 6 mois") === serialOf(endOfTerm(start, 18))
        );
      }),
    );
  });
});

describe("DAYS_LEFT, END_DATE and STATUS agree", () => {
  it("DAYS_LEFT is the difference of the serials: 0 on the day, negative once past", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (date, asOf) => {
        const left = daysLeft(date, asOf);
        return left === serialOf(date) - serialOf(asOf) && left === -daysLeft(asOf, date) && daysLeft(date, date) === 0;
      }),
    );
  });

  it("from its start, a convention of N months has DAYS_LEFT(end) + 1 days in force: up to the anniversary", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (start, months) => {
        const target = monthsLater(start, months);
        // Days in force: from the start to the day before the anniversary, or to the month's end.
        const inForce = target.dayExists
          ? daysFromTo(start, { year: target.year, month: target.month, day: start.day })
          : daysFromTo(start, { year: target.year, month: target.month, day: target.lastDay }) + 1;
        const s = serialOf(start);
        return conv.daysLeft(conv.endDate(s, months), s) + 1 === inForce;
      }),
    );
  });

  it("« Échue » exactly when the days left to the end are negative; « À venir » exactly before the start", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), fc.integer({ min: -400, max: 4000 }), fc.integer({ min: 0, max: 24 }), (start, months, offset, notice) => {
        const end = endOfTerm(start, months);
        const asOf = plusDays(start, offset);
        const status = conventionStatus(start, end, asOf, notice);
        return (status === "expired") === daysLeft(end, asOf) < 0 && (status === "upcoming") === offset < 0;
      }),
    );
  });

  it("the status only moves forward: À venir → En cours → À renouveler → Échue; the end day is « À renouveler »", () => {
    const order = ["upcoming", "in_force", "to_renew", "expired"];
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 72 }), fc.integer({ min: 1, max: 24 }), (start, months, notice) => {
        const end = endOfTerm(start, months);
        let previous = -1;
        for (let k = -3; k <= daysFromTo(start, end) + 3; k += 1) {
          const rank = order.indexOf(conventionStatus(start, end, plusDays(start, k), notice));
          if (rank < previous) return false;
          previous = rank;
        }
        return conventionStatus(start, end, end, notice) === "to_renew";
      }),
      { numRuns: 50 },
    );
  });

  it("« À renouveler » covers the last N months before the end: surely within 28 × N − 4 days of it, never 31 × N days or more before", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 24 }), fc.nat(4000), (start, months, notice, offset) => {
        const end = endOfTerm(start, months);
        const asOf = plusDays(start, offset);
        const left = daysLeft(end, asOf);
        const status = conventionStatus(start, end, asOf, notice);
        if (left < 0) return status === "expired";
        if (left <= 28 * notice - 4) return status === "to_renew";
        if (left >= 31 * notice) return status === "in_force";
        return status === "in_force" || status === "to_renew";
      }),
    );
  });

  it("« À renouveler » from (end + 1 day) − N months, the same day-of-month clamped (the N-month period ending on the end day)", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: -3, max: 3 }), (start, months, notice, shift) => {
        const end = endOfTerm(start, months);
        const from = sameDayLater(plusDays(end, 1), -notice);
        const asOf = plusDays(from, shift);
        fc.pre(daysFromTo(start, asOf) >= 0);
        return (conventionStatus(start, end, asOf, notice) === "to_renew") === shift >= 0;
      }),
    );
  });
});

describe("semesters", () => {
  it("the calendar semester of a date contains it: S1 = January–June, S2 = July–December, written 2024-S2", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const semester = calendarPeriodContaining(date, 6);
        const first = date.month <= 6;
        return (
          semester.label === `${date.year}-S${first ? 1 : 2}` &&
          sameDay(semester.start, { year: date.year, month: first ? 1 : 7, day: 1 }) &&
          sameDay(semester.end, { year: date.year, month: first ? 6 : 12, day: first ? 30 : 31 }) &&
          daysFromTo(semester.start, date) >= 0 &&
          daysFromTo(date, semester.end) >= 0
        );
      }),
    );
  });

  it("calendar semesters tile the years: the next day is in the same semester or opens the next one", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const today = calendarPeriodContaining(date, 6);
        const tomorrow = calendarPeriodContaining(plusDays(date, 1), 6);
        if (today.label === tomorrow.label) return sameDay(today.start, tomorrow.start) && sameDay(today.end, tomorrow.end);
        return sameDay(today.end, date) && sameDay(tomorrow.start, plusDays(date, 1));
      }),
    );
  });

  it("contractual semesters: consecutive 6-month periods from the start, the k-th ending the day before start + 6k months", () => {
    fc.assert(
      fc.property(dateArb, fc.nat(3660), (contractStart, offset) => {
        const basis = { kind: "contract", start: contractStart } as const;
        const date = plusDays(contractStart, offset);
        const semester = periodContaining(date, 6, basis);
        const next = periodContaining(plusDays(date, 1), 6, basis);
        if (semester === null || next === null) return false;
        const k = Number(semester.label.slice(1));
        const contains = daysFromTo(semester.start, date) >= 0 && daysFromTo(date, semester.end) >= 0;
        // As a term does (END_DATE): the day before the same day-of-month, or that month's last day.
        const target = monthsLater(contractStart, 6 * k);
        const endsAsATerm = target.dayExists
          ? sameDay(plusDays(semester.end, 1), { year: target.year, month: target.month, day: contractStart.day })
          : sameDay(semester.end, { year: target.year, month: target.month, day: target.lastDay });
        const firstStarts = k !== 1 || sameDay(semester.start, contractStart);
        const tiles =
          next.label === semester.label ||
          (sameDay(semester.end, date) && sameDay(next.start, plusDays(date, 1)) && next.label === `S${k + 1}`);
        const before = periodContaining(plusDays(contractStart, -1 - (offset % 30)), 6, basis) === null;
        return contains && endsAsATerm && firstStarts && tiles && before;
      }),
    );
  });
});

describe("comités de suivi (a semester required when in force more than half of it)", () => {
  /** A convention of 1 to 72 months, comités on some of its days (and a few outside), and a reference date. */
  const conventionArb = fc
    .record({
      start: dateArb,
      months: fc.integer({ min: 1, max: 72 }),
      meetingOffsets: fc.uniqueArray(fc.integer({ min: -60, max: 2250 }), { maxLength: 8 }),
      asOfOffset: fc.integer({ min: -30, max: 2400 }),
    })
    .map(({ start, months, meetingOffsets, asOfOffset }) => ({
      term: { start, end: endOfTerm(start, months) },
      meetings: meetingOffsets.map((k) => plusDays(start, k)),
      asOf: plusDays(start, asOfOffset),
    }));

  const semestersOf = (term: { start: CalendarDate; end: CalendarDate }) => {
    const list: Period[] = [];
    for (let s = calendarPeriodContaining(term.start, 6); daysFromTo(s.start, term.end) >= 0; s = calendarPeriodContaining(plusDays(s.end, 1), 6)) {
      list.push(s);
    }
    return list;
  };
  /** The part of a semester in force, and whether that is more than half of the semester, counted day by day. */
  const windowOf = (semester: { start: CalendarDate; end: CalendarDate }, term: { start: CalendarDate; end: CalendarDate }) => {
    const start = daysFromTo(semester.start, term.start) > 0 ? term.start : semester.start;
    const end = daysFromTo(term.end, semester.end) > 0 ? term.end : semester.end;
    let inForce = 0;
    for (let d = start; daysFromTo(d, end) >= 0; d = plusDays(d, 1)) inForce += 1;
    const length = daysFromTo(semester.start, semester.end) + 1;
    return { start, end, required: 2 * inForce > length };
  };
  const heldIn = (window: { start: CalendarDate; end: CalendarDate }, meetings: readonly CalendarDate[], asOf: CalendarDate) =>
    meetings.filter((m) => daysFromTo(window.start, m) >= 0 && daysFromTo(m, window.end) >= 0 && daysFromTo(m, asOf) >= 0).length;

  it("a required semester without a comité is missing once it is past (the day after the convention's part of it)", () => {
    fc.assert(
      fc.property(conventionArb, fc.nat(2200), fc.integer({ min: 1, max: 400 }), ({ term, meetings }, dayOffset, pastBy) => {
        const day = plusDays(term.start, dayOffset % (daysFromTo(term.start, term.end) + 1));
        const semester = calendarPeriodContaining(day, 6);
        const window = windowOf(semester, term);
        // Take away the comités of that semester, then look at it once it is past.
        const others = meetings.filter((m) => daysFromTo(window.start, m) < 0 || daysFromTo(m, window.end) < 0);
        const asOf = plusDays(window.end, pastBy);
        const missing = missingPeriods(committeeCoverage(term, others, { asOf }));
        return missing.includes(semester.label) === window.required;
      }),
    );
  });

  it("the missing semesters are exactly the required ones, past, with fewer comités held than required", () => {
    fc.assert(
      fc.property(conventionArb, fc.integer({ min: 1, max: 2 }), ({ term, meetings, asOf }, perPeriod) => {
        const expected = semestersOf(term)
          .filter((s) => {
            const window = windowOf(s, term);
            return window.required && daysFromTo(window.end, asOf) > 0 && heldIn(window, meetings, asOf) < perPeriod;
          })
          .map((s) => s.label);
        return JSON.stringify(missingPeriods(committeeCoverage(term, meetings, { asOf, perPeriod }))) === JSON.stringify(expected);
      }),
    );
  });

  it("the semester in progress is never missing while the convention is in force", () => {
    fc.assert(
      fc.property(conventionArb, ({ term, meetings, asOf }) => {
        fc.pre(daysFromTo(term.start, asOf) >= 0 && daysFromTo(asOf, term.end) >= 0);
        return !missingPeriods(committeeCoverage(term, meetings, { asOf })).includes(calendarPeriodContaining(asOf, 6).label);
      }),
    );
  });

  it("comités outside the convention's term, or not held yet at asOf, count for nothing", () => {
    fc.assert(
      fc.property(conventionArb, fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }), ({ term, meetings, asOf }, offsets) => {
        const outside = offsets.flatMap((k) => [plusDays(term.start, -k), plusDays(term.end, k), plusDays(asOf, k)]);
        const before = committeeCoverage(term, meetings, { asOf });
        const after = committeeCoverage(term, [...meetings, ...outside], { asOf });
        return JSON.stringify(missingPeriods(after)) === JSON.stringify(missingPeriods(before)) && nextDuePeriod(after)?.period.label === nextDuePeriod(before)?.period.label;
      }),
    );
  });

  it("the next comité is due by the end of the earliest required semester, from the one in progress on, still without one", () => {
    fc.assert(
      fc.property(conventionArb, ({ term, meetings, asOf }) => {
        const expected = semestersOf(term).find((s) => {
          const window = windowOf(s, term);
          return window.required && daysFromTo(asOf, window.end) >= 0 && heldIn(window, meetings, asOf) === 0;
        });
        const next = nextDuePeriod(committeeCoverage(term, meetings, { asOf }));
        if (expected === undefined) return next === null;
        return next !== null && next.period.label === expected.label && sameDay(next.window.end, windowOf(expected, term).end);
      }),
    );
  });
});

describe("recurring obligations and the enforceable date", () => {
  it("NEXT_OCCURRENCE is the first of start + k × N months (k ≥ 0, same day-of-month clamped) on or after asOf", () => {
    fc.assert(
      fc.property(dateArb, fc.oneof(fc.constantFrom(1, 3, 6, 12), fc.integer({ min: 1, max: 24 })), fc.integer({ min: -100, max: 4000 }), (start, every, offset) => {
        const asOf = plusDays(start, offset);
        let k = 0;
        while (daysFromTo(sameDayLater(start, k * every), asOf) > 0) k += 1;
        return sameDay(nextOccurrence(start, every, asOf), sameDayLater(start, k * every));
      }),
    );
  });

  it("the enforceable date is the later of transmission and publication, in either order; unknown while one is missing", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (sent, published) => {
        const later = daysFromTo(sent, published) >= 0 ? published : sent;
        const result = enforceableDate(sent, published);
        return (
          result !== null &&
          sameDay(result, later) &&
          sameDay(enforceableDate(published, sent) ?? sent, later) &&
          enforceableDate(sent, null) === null &&
          enforceableDate(null, published) === null
        );
      }),
    );
  });
});
