/**
 * How every custom function reads a date argument: serial numbers (Excel 1900 system, with its
 * phantom 29/02/1900), text dates as French staff type them, blanks (null, "" or 0 = missing → #N/A)
 * and bad values (#VALUE! with a French message naming what is wrong).
 * ENFORCEABLE_DATE(x, x) returns x itself, so it shows what a date argument was read as.
 */
import {
  appealDeadline,
  daysLeft,
  endDate,
  enforceableDate,
  missingCommittees,
  nextOccurrence,
  nextWorkingDay,
  semester,
  status,
} from "../../src/functions/functions";
import { expectNotAvailable, expectValueError, plainSerial, serial } from "./excelCall";

/** What a date argument is read as, as a serial. */
const readAs = (value: unknown): number => plainSerial(enforceableDate(value, value));

describe("serial numbers", () => {
  it("45485 is 12/07/2024 (DOMAIN.md), and the test helper agrees", () => {
    expect(serial("2024-07-12")).toBe(45485);
    expect(readAs(45485)).toBe(45485);
    expect(appealDeadline(45485)).toBe(serial("2024-09-13"));
  });

  it("serial 61 is Thursday 01/03/1900, serial 59 Wednesday 28/02/1900", () => {
    expect(nextWorkingDay(61)).toBe(61);
    expect(nextWorkingDay(59)).toBe(59);
  });

  it("serial 60, Excel's phantom 29/02/1900, is #VALUE! explaining it", () => {
    expectValueError(() => nextWorkingDay(60), "1900");
    expectValueError(() => endDate(60, "3 ans"), "1900");
  });

  it("from 28/02/1900 (59) to 01/03/1900 (61) there is one real day, not two", () => {
    expect(daysLeft(61, 59)).toBe(1);
    // January (31) and February 1900 (28, not a leap year): 59 days from 01/01 to 01/03/1900.
    expect(daysLeft(61, 1)).toBe(59);
  });

  it("early 1900 serials are real days: 06/01/1900 (serial 6) was a Saturday → Monday 08/01/1900 (serial 8)", () => {
    expect(nextWorkingDay(6)).toBe(8);
    expect(nextWorkingDay(1)).toBe(2); // 01/01/1900, Jour de l'an → 02/01/1900
  });

  it("an appeal period across the phantom day: published 01/01/1900 → nominal 01/03/1900 → Friday 02/03/1900", () => {
    expect(appealDeadline(1)).toBe(serial("1900-03-02"));
  });

  it("a negative serial is #VALUE!", () => {
    expectValueError(() => readAs(-1), "-1");
    expectValueError(() => appealDeadline(-45485));
  });

  it("a serial past 31/12/9999 is #VALUE!", () => {
    expectValueError(() => readAs(serial("9999-12-31") + 1));
  });
});

describe("text dates", () => {
  it.each([
    ["12/07/2024", "2024-07-12"],
    ["2024-07-12", "2024-07-12"],
    ["12 juillet 2024", "2024-07-12"],
    ["12 JUIL. 2024", "2024-07-12"],
    ["11 JUIL. 2024", "2024-07-11"],
    ["1er mars 2023", "2023-03-01"],
    ["12/7/2024", "2024-07-12"],
    ["1er août 2024", "2024-08-01"],
    ["29 févr. 2024", "2024-02-29"],
    ["31 DÉC. 2024", "2024-12-31"],
    ["  12/07/2024 ", "2024-07-12"],
    ["29/02/2024", "2024-02-29"],
    ["01/03/1900", "1900-03-01"],
    ["12 sept. 2024", "2024-09-12"],
    ["1er janv. 2025", "2025-01-01"],
    ["1er aout 2024", "2024-08-01"],
    ["29 fevrier 2024", "2024-02-29"],
    ["1ER MARS 2023", "2023-03-01"],
  ])("%p is %s", (text, expected) => {
    expect(readAs(text)).toBe(serial(expected));
  });

  it.each([
    ["31/02/2024"],
    ["29/02/2023"],
    ["31/04/2024"],
    ["abc"],
    ["2024-13-01"],
    ["00/01/2024"],
    ["32 juillet 2024"],
    ["07/31/2024"],
    ["12 juillot 2024"],
    ["12 juillet"],
  ])("%p is #VALUE! quoting the text", (text) => {
    expectValueError(() => readAs(text), text);
  });

  it("a text date before 1900 (Excel cannot show it) is #VALUE!", () => {
    expectValueError(() => readAs("31/12/1899"), "31/12/1899");
  });

  // Excel has no date before 01/01/1900: a text date there is out of range wherever it is used,
  // not only when a function returns it (a typo such as 1024 for 2024 must not be computed with).
  it("a text date before 1900 is #VALUE! even where it is not returned", () => {
    expectValueError(() => daysLeft("31/12/1899", 1), "31/12/1899");
    expectValueError(() => daysLeft("12/07/1024", serial("2024-07-12")), "12/07/1024");
    expectValueError(() => semester("15/03/1899"), "15/03/1899");
    expectValueError(() => status("01/01/1899", "31/12/1899", "01/06/1899"), "1899");
    expectValueError(() => missingCommittees(serial("2024-07-15"), serial("2027-07-14"), [["12/07/1024"]], serial("2025-01-01")), "12/07/1024");
  });

  it("29/02/1900 written as text does not exist either", () => {
    expectValueError(() => readAs("29/02/1900"), "29/02/1900");
  });

  it("the message names the argument that is wrong", () => {
    expectValueError(() => appealDeadline("abc"), "abc", /publication/i);
    expectValueError(() => endDate("abc", "3 ans"), "abc", /début/i);
  });
});

describe("blanks and other values", () => {
  const blanks: unknown[][] = [[null], [undefined], [""], ["   "], [0]];

  it.each(blanks)("a needed date left blank (%p) is #N/A in every function", (blank) => {
    expectNotAvailable(() => endDate(blank, "3 ans"));
    expectNotAvailable(() => appealDeadline(blank));
    expectNotAvailable(() => nextWorkingDay(blank));
    expectNotAvailable(() => semester(blank));
    expectNotAvailable(() => status(blank, serial("2027-07-14"), serial("2025-01-01")));
    expectNotAvailable(() => status(serial("2024-07-15"), blank, serial("2025-01-01")));
    expectNotAvailable(() => daysLeft(blank, serial("2025-01-01")));
    expectNotAvailable(() => nextOccurrence(blank, 3, serial("2025-01-01")));
  });

  it.each([[true], [false]])("a boolean (%p) is #VALUE!, named as Excel FR shows it", (bool) => {
    expectValueError(() => readAs(bool), bool ? "VRAI" : "FAUX");
    expectValueError(() => appealDeadline(bool), bool ? "VRAI" : "FAUX");
  });

  it("a missing-date message is French and names the date", () => {
    const message = expectNotAvailable(() => appealDeadline(null));
    expect(message).toMatch(/publication/i);
    expect(message).toMatch(/manquante?/i);
  });
});
