/**
 * CONV.END_DATE as Excel calls it: end of a convention "pour une durée de N à compter du …".
 * Rule (DOMAIN.md): end = start + N months − 1 day; when the start's day of month does not exist in
 * the target month, the term ends on that month's last day. Option "quantieme": same day-of-month,
 * clamped to the month's last day. Every expected date below is worked out by hand.
 */
import { endDate } from "../../src/functions/functions";
import { expectNotAvailable, expectValueError, serial } from "./excelCall";

describe("END_DATE: the worked examples of DOMAIN.md", () => {
  it("15/07/2024 + 3 ans → 14/07/2027 (the start day counts)", () => {
    expect(endDate(serial("2024-07-15"), "3 ans")).toBe(serial("2027-07-14"));
  });

  it("31/12/2024 + 18 mois → 30/06/2026 (31 June does not exist: the month's last day)", () => {
    expect(endDate(serial("2024-12-31"), "18 mois")).toBe(serial("2026-06-30"));
  });

  it("01/01/2019 + 3 ans → 31/12/2021 (across a year end)", () => {
    expect(endDate(serial("2019-01-01"), "3 ans")).toBe(serial("2021-12-31"));
  });

  it('15/07/2024 + 3 ans read "quantieme" → 15/07/2027', () => {
    expect(endDate(serial("2024-07-15"), "3 ans", "quantieme")).toBe(serial("2027-07-15"));
  });
});

describe("END_DATE: month ends, 29 February and year ends (rule « veille », the default)", () => {
  it.each([
    // start, months, expected end, why
    ["2024-02-29", 12, "2025-02-28", "no 29/02/2025: last day of February"],
    ["2024-02-29", 48, "2028-02-28", "29/02/2028 exists: the day before it"],
    ["2023-03-01", 12, "2024-02-29", "a year from 1 March ends on the leap day"],
    ["2024-03-01", 12, "2025-02-28", "a year from 1 March 2024 ends on 28 February 2025"],
    ["2024-01-31", 1, "2024-02-29", "no 31/02/2024: last day of a leap February"],
    ["2023-01-30", 1, "2023-02-28", "no 30/02/2023: last day of February, not the 27th"],
    ["2023-01-29", 1, "2023-02-28", "no 29/02/2023: last day of February"],
    ["2024-08-31", 6, "2025-02-28", "no 31/02/2025"],
    ["2024-05-31", 1, "2024-06-30", "no 31 June"],
    ["2024-03-31", 6, "2024-09-30", "no 31 September"],
    ["2024-12-31", 12, "2025-12-30", "31/12/2025 exists: the day before it"],
    ["2024-01-01", 12, "2024-12-31", "a calendar year"],
    ["2024-07-01", 6, "2024-12-31", "the second half of a year"],
    ["2024-03-01", 1, "2024-03-31", "a month from the 1st"],
    ["2024-02-01", 1, "2024-02-29", "a month from 1 February of a leap year"],
  ])("%s + %i mois → %s (%s)", (start, months, expected) => {
    expect(endDate(serial(start), months)).toBe(serial(expected));
  });
});

describe('END_DATE: the "quantieme" reading (same day-of-month, clamped)', () => {
  it.each([
    ["2024-12-31", "18 mois", "2026-06-30"],
    ["2024-02-29", "un an", "2025-02-28"],
    ["2024-02-29", "4 ans", "2028-02-29"],
    ["2024-01-31", "1 mois", "2024-02-29"],
    ["2023-03-01", "un an", "2024-03-01"],
  ])("%s + %s → %s", (start, duration, expected) => {
    expect(endDate(serial(start), duration, "quantieme")).toBe(serial(expected));
  });

  it("accepts the rule as a French user types it, with its accent", () => {
    expect(endDate(serial("2024-07-15"), "3 ans", "quantième")).toBe(serial("2027-07-15"));
  });

  it('"veille" given explicitly is the default reading', () => {
    expect(endDate(serial("2024-07-15"), "3 ans", "veille")).toBe(serial("2027-07-14"));
  });

  it("a rule left blank (null or empty text) uses the default « veille »", () => {
    expect(endDate(serial("2024-07-15"), "3 ans", null)).toBe(serial("2027-07-14"));
    expect(endDate(serial("2024-07-15"), "3 ans", "")).toBe(serial("2027-07-14"));
  });

  it('an unknown rule ("xyz") is #VALUE! naming it', () => {
    expectValueError(() => endDate(serial("2024-07-15"), "3 ans", "xyz"), "xyz");
  });
});

describe("END_DATE: durations in months or in French words", () => {
  const start = serial("2024-07-15");
  it.each([
    ["3 ans", "2027-07-14"],
    ["trois ans", "2027-07-14"],
    ["36 mois", "2027-07-14"],
    [36, "2027-07-14"],
    ["18 mois", "2026-01-14"],
    ["dix-huit mois", "2026-01-14"],
    ["1 an et 6 mois", "2026-01-14"],
    ["deux ans", "2026-07-14"],
    ["un an", "2025-07-14"],
    [12, "2025-07-14"],
    [1, "2024-08-14"],
    ["Trois Ans", "2027-07-14"],
    ["  3 ans  ", "2027-07-14"],
    ["six mois", "2025-01-14"],
    ["vingt-quatre mois", "2026-07-14"],
    ["trente-six mois", "2027-07-14"],
    ["2 ans et 3 mois", "2026-10-14"],
    ["un an et six mois", "2026-01-14"],
    ["36", "2027-07-14"],
    ["3\u00a0ans", "2027-07-14"], // non-breaking space, as pasted from a French document
    ["3 ANS", "2027-07-14"],
    ["trois années", "2027-07-14"],
    ["vingt et un mois", "2026-04-14"],
    ["soixante-douze mois", "2030-07-14"],
    ["quatre-vingt-seize mois", "2032-07-14"],
  ])("%p from 15/07/2024 → %s", (duration, expected) => {
    expect(endDate(start, duration)).toBe(serial(expected));
  });

  it.each([
    ["3 ans et demi", "demi"],
    ["-2 mois", "-2"],
    ["1,5 an", "1,5"],
    ["bientôt", "bientôt"],
    ["3 semaines", "semaines"],
    ["un an et demi", "demi"],
  ])("%p is not guessed: #VALUE! saying what was not understood", (duration, notUnderstood) => {
    expectValueError(() => endDate(start, duration), duration, notUnderstood);
  });

  it("a number of months that is not a whole positive number is #VALUE!", () => {
    expectValueError(() => endDate(start, 1.5), "1,5");
    expectValueError(() => endDate(start, -2), "-2");
  });

  it("a boolean duration is #VALUE!", () => {
    expectValueError(() => endDate(start, true));
  });

  it("a missing duration is #N/A (unknown yet)", () => {
    expectNotAvailable(() => endDate(start, null));
    expectNotAvailable(() => endDate(start, ""));
  });
});

describe("END_DATE: the start date as Excel passes it", () => {
  it.each([
    ["15/07/2024"],
    ["2024-07-15"],
    ["15 juillet 2024"],
    ["15 JUIL. 2024"],
  ])("text date %p gives the same end as the serial", (text) => {
    expect(endDate(text, "3 ans")).toBe(serial("2027-07-14"));
  });

  it('"1er mars 2023" + "un an" → 29/02/2024', () => {
    expect(endDate("1er mars 2023", "un an")).toBe(serial("2024-02-29"));
  });

  it.each([[null], [""], [0]])("a blank start (%p) is #N/A: « date de notification manquante » is a finding", (blank) => {
    expectNotAvailable(() => endDate(blank, "3 ans"));
  });

  it.each([["31/02/2024"], ["abc"], ["2024-13-01"]])("a start %p that is not a date is #VALUE! quoting it", (text) => {
    expectValueError(() => endDate(text, "3 ans"), text);
  });

  it("a result Excel cannot show (after 31/12/9999) is #VALUE!", () => {
    expectValueError(() => endDate("01/01/9999", "2 ans"));
  });

  it("a term of « 0 mois » is #VALUE! (it would end on 31/12/1899 from 01/01/1900), never a wrong serial", () => {
    expectValueError(() => endDate(1, "0 mois"), "0 mois");
  });

  it("a date-time serial (12/07/2024 18:00 = 45485.75) is read as its day", () => {
    expect(endDate(serial("2024-07-12") + 0.75, "3 ans")).toBe(serial("2027-07-11"));
  });

  it("an absurd length is #VALUE!, not a crash", () => {
    expectValueError(() => endDate(serial("2024-07-15"), "9000 ans"));
    expectValueError(() => endDate(serial("2024-07-15"), 1e9));
  });
});
