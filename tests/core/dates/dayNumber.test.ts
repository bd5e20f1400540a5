import { addDays, compareDates, daysBetween, fromDayNumber, isoWeekday, toDayNumber } from "../../../src/core/dates/dayNumber";
import { daysInMonth, isLeapYear, isValidCalendarDate, toIsoDate } from "../../../src/core/dates/calendarDate";
import { d, iso } from "../../helpers/dates";

describe("day numbers", () => {
  it("counts from 1970-01-01", () => {
    expect(toDayNumber(d("1970-01-01"))).toBe(0);
    expect(toDayNumber(d("1970-01-02"))).toBe(1);
    expect(toDayNumber(d("1969-12-31"))).toBe(-1);
    expect(toDayNumber(d("2000-03-01"))).toBe(11017);
  });

  it("round-trips every day from 1600 to 2400", () => {
    const first = toDayNumber(d("1600-01-01"));
    const last = toDayNumber(d("2400-12-31"));
    let previous = fromDayNumber(first - 1);
    const wrong: number[] = [];
    for (let n = first; n <= last; n += 1) {
      const date = fromDayNumber(n);
      if (toDayNumber(date) !== n || compareDates(date, previous) <= 0 || !isValidCalendarDate(date.year, date.month, date.day)) wrong.push(n);
      previous = date;
    }
    expect(wrong).toEqual([]);
    expect(last - first + 1).toBe(801 * 365 + 195); // 195 leap days from 1600 to 2400
  });

  it("steps over month ends, 29 February and year ends", () => {
    expect(iso(addDays(d("2024-02-28"), 1))).toBe("2024-02-29");
    expect(iso(addDays(d("2023-02-28"), 1))).toBe("2023-03-01");
    expect(iso(addDays(d("1900-02-28"), 1))).toBe("1900-03-01");
    expect(iso(addDays(d("2000-02-28"), 1))).toBe("2000-02-29");
    expect(iso(addDays(d("2024-12-31"), 1))).toBe("2025-01-01");
    expect(iso(addDays(d("2025-01-01"), -1))).toBe("2024-12-31");
  });

  it("measures days between dates", () => {
    expect(daysBetween(d("2024-07-12"), d("2024-09-13"))).toBe(63);
    expect(daysBetween(d("2024-01-01"), d("2025-01-01"))).toBe(366);
    expect(daysBetween(d("2025-01-01"), d("2024-01-01"))).toBe(-366);
  });

  it("knows the day of the week", () => {
    expect(isoWeekday(d("2024-09-13"))).toBe(5); // vendredi
    expect(isoWeekday(d("2025-03-01"))).toBe(6); // samedi
    expect(isoWeekday(d("2025-03-02"))).toBe(7); // dimanche
    expect(isoWeekday(d("2025-03-03"))).toBe(1); // lundi
    expect(isoWeekday(d("1899-12-31"))).toBe(7);
    expect(isoWeekday(d("1789-07-14"))).toBe(2); // mardi
  });
});

describe("calendar dates", () => {
  it("knows leap years", () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
  });

  it("rejects days that do not exist", () => {
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
    expect(isValidCalendarDate(2023, 2, 29)).toBe(false);
    expect(isValidCalendarDate(2024, 4, 31)).toBe(false);
    expect(isValidCalendarDate(2024, 13, 1)).toBe(false);
    expect(isValidCalendarDate(2024, 0, 1)).toBe(false);
    expect(isValidCalendarDate(2024, 1, 0)).toBe(false);
    expect(isValidCalendarDate(2024, 1, 1.5)).toBe(false);
  });

  it("writes ISO dates", () => {
    expect(toIsoDate(d("2024-07-12"))).toBe("2024-07-12");
    expect(toIsoDate({ year: 987, month: 1, day: 2 })).toBe("0987-01-02");
  });
});
