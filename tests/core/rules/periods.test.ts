import { addDays } from "../../../src/core/dates/dayNumber";
import { CALENDAR, calendarPeriodContaining, periodContaining, periodsOverlapping } from "../../../src/core/rules/periods";
import { d, iso } from "../../helpers/dates";

const show = (p: { label: string; start: { year: number; month: number; day: number }; end: { year: number; month: number; day: number } } | null) =>
  p === null ? null : `${p.label} ${iso(p.start)}..${iso(p.end)}`;

describe("calendar periods", () => {
  it.each([
    ["2024-01-01", "2024-S1 2024-01-01..2024-06-30"],
    ["2024-06-30", "2024-S1 2024-01-01..2024-06-30"],
    ["2024-07-01", "2024-S2 2024-07-01..2024-12-31"],
    ["2024-12-31", "2024-S2 2024-07-01..2024-12-31"],
  ])("semester of %s is %s", (date, expected) => {
    expect(show(calendarPeriodContaining(d(date), 6))).toBe(expected);
  });

  it("has quarters and years", () => {
    expect(show(calendarPeriodContaining(d("2024-02-29"), 3))).toBe("2024-T1 2024-01-01..2024-03-31");
    expect(show(calendarPeriodContaining(d("2024-11-11"), 3))).toBe("2024-T4 2024-10-01..2024-12-31");
    expect(show(calendarPeriodContaining(d("2024-07-12"), 12))).toBe("2024 2024-01-01..2024-12-31");
  });

  it("lists the periods that overlap a term", () => {
    expect(periodsOverlapping(d("2024-07-15"), d("2027-07-14"), 6, CALENDAR).map((p) => p.label)).toEqual([
      "2024-S2", "2025-S1", "2025-S2", "2026-S1", "2026-S2", "2027-S1", "2027-S2",
    ]);
    expect(periodsOverlapping(d("2024-07-01"), d("2024-12-31"), 6, CALENDAR).map((p) => p.label)).toEqual(["2024-S2"]);
    expect(periodsOverlapping(d("2024-12-31"), d("2024-07-01"), 6, CALENDAR)).toEqual([]);
  });
});

describe("contractual periods, counted from the start", () => {
  const basis = { kind: "contract" as const, start: d("2024-07-15") };

  it("are consecutive six-month periods", () => {
    expect(show(periodContaining(d("2024-07-15"), 6, basis))).toBe("S1 2024-07-15..2025-01-14");
    expect(show(periodContaining(d("2025-01-14"), 6, basis))).toBe("S1 2024-07-15..2025-01-14");
    expect(show(periodContaining(d("2025-01-15"), 6, basis))).toBe("S2 2025-01-15..2025-07-14");
    expect(show(periodContaining(d("2027-07-14"), 6, basis))).toBe("S6 2027-01-15..2027-07-14");
    expect(show(periodContaining(d("2027-07-15"), 6, basis))).toBe("S7 2027-07-15..2028-01-14");
  });

  it("are contiguous when the start is a month end", () => {
    const eom = { kind: "contract" as const, start: d("2024-08-31") };
    const periods = periodsOverlapping(d("2024-08-31"), d("2026-08-30"), 6, eom).map(show);
    expect(periods).toEqual([
      "S1 2024-08-31..2025-02-28",
      "S2 2025-03-01..2025-08-30",
      "S3 2025-08-31..2026-02-28",
      "S4 2026-03-01..2026-08-30",
    ]);
  });

  it("has nothing before the start", () => {
    expect(periodContaining(d("2024-07-14"), 6, basis)).toBeNull();
  });

  it("has contractual quarters and years", () => {
    expect(show(periodContaining(d("2024-10-15"), 3, basis))).toBe("T2 2024-10-15..2025-01-14");
    expect(show(periodContaining(d("2026-07-14"), 12, basis))).toBe("A2 2025-07-15..2026-07-14");
  });
});

describe("periodsOverlapping, calendar periods", () => {
  test("each period follows the one before, from the period of the first day to that of the last", () => {
    for (const length of [3, 6, 12] as const) {
      for (const [from, to] of [["2023-12-31", "2024-01-01"], ["2024-07-15", "2027-07-14"], ["2024-02-29", "2024-02-29"], ["2020-01-01", "2020-12-31"]]) {
        const periods = periodsOverlapping(d(from), d(to), length, CALENDAR);
        expect(periods[0]).toEqual(calendarPeriodContaining(d(from), length));
        expect(periods[periods.length - 1]).toEqual(calendarPeriodContaining(d(to), length));
        periods.slice(1).forEach((p, i) => expect(iso(p.start)).toBe(iso(addDays(periods[i].end, 1))));
      }
    }
  });

  test("none when the range is reversed", () => {
    expect(periodsOverlapping(d("2024-07-15"), d("2024-07-14"), 6, CALENDAR)).toEqual([]);
  });
});
