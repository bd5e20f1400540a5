/**
 * CONV.STATUS, CONV.DAYS_LEFT and CONV.NEXT_OCCURRENCE as Excel calls them.
 * STATUS (DOMAIN.md): "À venir" before the start, "En cours" while in force, "À renouveler" in the
 * last months before the end (6 by default, the end day included), "Échue" after the end.
 * The last N months of a term ending on E are the N-month period that ends on E, i.e. from
 * (E + 1 day) − N months: end 14/07/2027 → from 15/01/2027; end 30/06/2026 → from 01/01/2026.
 */
import { daysLeft, endDate, nextOccurrence, status } from "../../src/functions/functions";
import { expectNotAvailable, expectValueError, serial } from "./excelCall";

describe("STATUS: a 3-year convention 15/07/2024 – 14/07/2027", () => {
  const [start, end] = [serial("2024-07-15"), serial("2027-07-14")];

  it.each([
    ["2024-07-14", "À venir", "the day before the start"],
    ["2024-07-15", "En cours", "the start day"],
    ["2026-01-01", "En cours", ""],
    ["2027-01-14", "En cours", "the day before the last 6 months"],
    ["2027-01-15", "À renouveler", "first day of the last 6 months"],
    ["2027-07-14", "À renouveler", "the end day itself"],
    ["2027-07-15", "Échue", "the day after the end"],
  ])("asOf %s → %s (%s)", (asOf, expected) => {
    expect(status(start, end, serial(asOf))).toBe(expected);
  });

  it("the notice left blank is 6 months", () => {
    expect(status(start, end, serial("2027-01-15"), null)).toBe("À renouveler");
    expect(status(start, end, serial("2027-01-14"), "")).toBe("En cours");
  });

  it("notice 0: never « À renouveler », in force through the end day", () => {
    expect(status(start, end, serial("2027-07-14"), 0)).toBe("En cours");
    expect(status(start, end, serial("2027-07-15"), 0)).toBe("Échue");
  });

  it("notice 3 months: from 15/04/2027", () => {
    expect(status(start, end, serial("2027-04-14"), 3)).toBe("En cours");
    expect(status(start, end, serial("2027-04-15"), 3)).toBe("À renouveler");
  });

  it("notice 12 months: from 15/07/2026", () => {
    expect(status(start, end, serial("2026-07-14"), 12)).toBe("En cours");
    expect(status(start, end, serial("2026-07-15"), 12)).toBe("À renouveler");
  });

  it("chained from END_DATE, with text dates as a user types them", () => {
    const computedEnd = endDate("15/07/2024", "3 ans");
    expect(status("15/07/2024", computedEnd, "15/01/2027")).toBe("À renouveler");
    expect(status("15 juillet 2024", computedEnd, "14 janvier 2027")).toBe("En cours");
  });
});

describe("STATUS: month-end terms", () => {
  it("31/12/2024 + 18 mois, end 30/06/2026: « À renouveler » from 01/01/2026", () => {
    const [start, end] = [serial("2024-12-31"), serial("2026-06-30")];
    expect(status(start, end, serial("2024-12-30"))).toBe("À venir");
    expect(status(start, end, serial("2024-12-31"))).toBe("En cours");
    expect(status(start, end, serial("2025-12-31"))).toBe("En cours");
    expect(status(start, end, serial("2026-01-01"))).toBe("À renouveler");
    expect(status(start, end, serial("2026-06-30"))).toBe("À renouveler");
    expect(status(start, end, serial("2026-07-01"))).toBe("Échue");
  });

  it("end 28/02/2026 (one year from 01/03/2025): the last 6 months are September to February", () => {
    const [start, end] = [serial("2025-03-01"), serial("2026-02-28")];
    expect(status(start, end, serial("2025-08-31"))).toBe("En cours");
    expect(status(start, end, serial("2025-09-01"))).toBe("À renouveler");
  });

  it("a convention shorter than its notice: « À venir » before the start, then « À renouveler » at once", () => {
    const [start, end] = [serial("2025-01-01"), serial("2025-03-31")];
    expect(status(start, end, serial("2024-12-15"))).toBe("À venir");
    expect(status(start, end, serial("2025-01-01"))).toBe("À renouveler");
    expect(status(start, end, serial("2025-04-01"))).toBe("Échue");
  });

  it("a one-day convention", () => {
    const day = serial("2025-01-01");
    expect(status(day, day, serial("2024-12-31"))).toBe("À venir");
    expect(status(day, day, day, 0)).toBe("En cours");
    expect(status(day, day, serial("2025-01-02"))).toBe("Échue");
  });
});

describe("STATUS: defaults and bad input", () => {
  afterEach(() => jest.useRealTimers());

  it("asOf left blank is today (local date, like Excel's TODAY())", () => {
    jest.useFakeTimers({ now: new Date(2027, 0, 15, 12, 0, 0) });
    expect(status(serial("2024-07-15"), serial("2027-07-14"))).toBe("À renouveler");
    expect(status(serial("2024-07-15"), serial("2027-07-14"), null, null)).toBe("À renouveler");
  });

  it("an end before the start is #VALUE! naming both dates", () => {
    expectValueError(() => status(serial("2027-07-14"), serial("2024-07-15"), serial("2025-01-01")), "15/07/2024", "14/07/2027");
  });

  it("a negative or fractional notice, a bad asOf are #VALUE!", () => {
    const [start, end] = [serial("2024-07-15"), serial("2027-07-14")];
    expectValueError(() => status(start, end, serial("2025-01-01"), -1), "-1");
    expectValueError(() => status(start, end, serial("2025-01-01"), 1.5), "1,5");
    expectValueError(() => status(start, end, "31/02/2025"), "31/02/2025");
    expectValueError(() => status(start, end, serial("2025-01-01"), true), "VRAI");
  });
});

describe("DAYS_LEFT", () => {
  it.each([
    ["2027-07-14", "2027-07-14", 0, "0 on the day"],
    ["2024-09-13", "2024-07-12", 63, "19 days of July + 31 of August + 13 of September"],
    ["2024-07-12", "2024-09-13", -63, "negative once past"],
    ["2024-03-01", "2024-02-28", 2, "through 29/02/2024"],
    ["2025-03-01", "2025-02-28", 1, "no 29/02/2025"],
    ["2025-01-01", "2024-01-01", 366, "a leap year"],
    ["2025-01-01", "2024-12-31", 1, "across a year end"],
    ["2027-07-14", "2024-07-15", 1094, "a 3-year term holds 1095 days, start and end included"],
  ])("date %s, asOf %s → %i (%s)", (date, asOf, expected) => {
    expect(daysLeft(serial(date), serial(asOf))).toBe(expected);
  });

  it("text dates", () => {
    expect(daysLeft("13/09/2024", "12 JUIL. 2024")).toBe(63);
  });

  it("asOf left blank is today (local date)", () => {
    jest.useFakeTimers({ now: new Date(2024, 6, 12, 12, 0, 0) });
    try {
      expect(daysLeft(serial("2024-09-13"))).toBe(63);
      expect(daysLeft(serial("2024-09-13"), null)).toBe(63);
      expect(daysLeft(serial("2024-07-12"), "")).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("a late-evening clock is still the same day", () => {
    jest.useFakeTimers({ now: new Date(2024, 6, 12, 23, 59, 0) });
    try {
      expect(daysLeft(serial("2024-07-12"))).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("#N/A for a blank date, #VALUE! for a bad one", () => {
    expectNotAvailable(() => daysLeft(null, serial("2024-07-12")));
    expectValueError(() => daysLeft("abc", serial("2024-07-12")), "abc");
    expectValueError(() => daysLeft(serial("2024-07-12"), true), "VRAI");
  });
});

describe("NEXT_OCCURRENCE", () => {
  it.each([
    ["2024-07-15", "2024-07-15", "asOf on the start: the start itself"],
    ["2024-07-16", "2024-10-15", "the next quarter"],
    ["2024-10-15", "2024-10-15", "asOf on an occurrence: that occurrence"],
    ["2025-01-01", "2025-01-15", "across a year end"],
    ["2024-01-01", "2024-07-15", "asOf before the start: the start"],
    ["2027-04-16", "2027-07-15", ""],
  ])("quarterly (3) from 15/07/2024, asOf %s → %s (%s)", (asOf, expected) => {
    expect(nextOccurrence(serial("2024-07-15"), 3, serial(asOf))).toBe(serial(expected));
  });

  it.each([
    ["2024-02-01", "2024-02-29"],
    ["2024-03-01", "2024-03-31"],
    ["2024-04-01", "2024-04-30"],
    ["2024-05-01", "2024-05-31"],
  ])("monthly from 31/01/2024 (start + k months, no drift), asOf %s → %s", (asOf, expected) => {
    expect(nextOccurrence(serial("2024-01-31"), 1, serial(asOf))).toBe(serial(expected));
  });

  it("monthly from 31/01/2025: end of February, then 31/03", () => {
    expect(nextOccurrence(serial("2025-01-31"), 1, serial("2025-02-01"))).toBe(serial("2025-02-28"));
    expect(nextOccurrence(serial("2025-01-31"), 1, serial("2025-03-01"))).toBe(serial("2025-03-31"));
  });

  it("yearly from 29/02/2024: 28/02 in ordinary years, 29/02/2028", () => {
    expect(nextOccurrence(serial("2024-02-29"), 12, serial("2024-03-01"))).toBe(serial("2025-02-28"));
    expect(nextOccurrence(serial("2024-02-29"), 12, serial("2027-03-01"))).toBe(serial("2028-02-29"));
  });

  it("every 6 months from 31/08/2024", () => {
    expect(nextOccurrence(serial("2024-08-31"), 6, serial("2024-09-01"))).toBe(serial("2025-02-28"));
    expect(nextOccurrence(serial("2024-08-31"), 6, serial("2025-03-01"))).toBe(serial("2025-08-31"));
  });

  it("far ahead: monthly from 31/03/1900, asOf 01/12/9999 → 31/12/9999; none left before 10000 → #VALUE!", () => {
    expect(nextOccurrence(serial("1900-03-31"), 1, serial("9999-12-01"))).toBe(serial("9999-12-31"));
    expectValueError(() => nextOccurrence(serial("9999-01-15"), 12, serial("9999-01-16")));
  });

  it("text dates", () => {
    expect(nextOccurrence("15/07/2024", 3, "16 juillet 2024")).toBe(serial("2024-10-15"));
  });

  it("asOf left blank is today (local date)", () => {
    jest.useFakeTimers({ now: new Date(2024, 6, 16, 12, 0, 0) });
    try {
      expect(nextOccurrence(serial("2024-07-15"), 3)).toBe(serial("2024-10-15"));
      expect(nextOccurrence(serial("2024-07-15"), 3, null)).toBe(serial("2024-10-15"));
    } finally {
      jest.useRealTimers();
    }
  });

  it("bad periods are #VALUE!, a missing one or a blank start #N/A", () => {
    expectValueError(() => nextOccurrence(serial("2024-07-15"), -1, serial("2024-08-01")), "-1");
    expectValueError(() => nextOccurrence(serial("2024-07-15"), 1.5, serial("2024-08-01")), "1,5");
    expectValueError(() => nextOccurrence(serial("2024-07-15"), "abc", serial("2024-08-01")), "abc");
    expectNotAvailable(() => nextOccurrence(serial("2024-07-15"), null, serial("2024-08-01")));
    expectNotAvailable(() => nextOccurrence(null, 3, serial("2024-08-01")));
  });
});
