/**
 * CONV.APPEAL_DEADLINE, CONV.ENFORCEABLE_DATE, CONV.NEXT_WORKING_DAY and CONV.HOLIDAYS as Excel
 * calls them. Appeal (DOMAIN.md): nominal end = publication + N months (same day-of-month, clamped);
 * délai franc: + 1 day; then to the next day that is not a Saturday, Sunday or public holiday.
 * Weekdays and Easter dates below were checked against a calendar by hand.
 */
import { appealDeadline, enforceableDate, holidays, nextWorkingDay } from "../../src/functions/functions";
import { expectNotAvailable, expectValueError, plainSerial, serial } from "./excelCall";

describe("APPEAL_DEADLINE: the worked examples of DOMAIN.md", () => {
  it("published 12/07/2024 → last day Friday 13/09/2024", () => {
    expect(appealDeadline(serial("2024-07-12"))).toBe(serial("2024-09-13"));
  });

  it("published 31/12/2024 → nominal 28/02/2025 → Saturday 01/03/2025 → Monday 03/03/2025", () => {
    expect(appealDeadline(serial("2024-12-31"))).toBe(serial("2025-03-03"));
  });

  it("the deliberation's own text: « publication le 12 JUIL. 2024 »", () => {
    expect(appealDeadline("12 JUIL. 2024")).toBe(serial("2024-09-13"));
  });
});

describe("APPEAL_DEADLINE: month ends, 29 February, year ends", () => {
  it.each([
    // publication, last day to file, how
    ["2023-12-29", "2024-03-01", "nominal 29/02/2024 (leap) → Friday 01/03/2024"],
    ["2023-12-30", "2024-03-01", "nominal 29/02/2024 (clamped) → Friday 01/03/2024"],
    ["2023-12-31", "2024-03-01", "nominal 29/02/2024 (clamped) → Friday 01/03/2024"],
    ["2024-12-30", "2025-03-03", "nominal 28/02/2025 (clamped) → Saturday 01/03 → Monday 03/03/2025"],
    ["2024-10-31", "2025-01-02", "nominal 31/12/2024 → 01/01/2025 (holiday) → Thursday 02/01/2025"],
    ["2024-08-31", "2024-11-04", "nominal 31/10/2024 → 01/11 (Toussaint, Friday) → Monday 04/11/2024"],
    ["2024-12-29", "2025-03-03", "29/02/2025 does not exist: nominal 28/02 → Saturday 01/03 → Monday 03/03/2025"],
    ["2025-06-30", "2025-09-01", "nominal Saturday 30/08/2025 → Sunday 31/08 → Monday 01/09"],
  ])("published %s → %s (%s)", (publication, expected) => {
    expect(appealDeadline(serial(publication))).toBe(serial(expected));
  });
});

describe("APPEAL_DEADLINE: landing on a public holiday moves to the next working day", () => {
  it.each([
    ["2025-05-13", "2025-07-15", "14/07/2025 is a Monday holiday → Tuesday 15/07"],
    ["2025-06-14", "2025-08-18", "15/08/2025 is a Friday holiday → Monday 18/08"],
    ["2024-09-10", "2024-11-12", "nominal Sunday 10/11 → 11/11/2024 Monday holiday → Tuesday 12/11"],
    ["2024-10-24", "2024-12-26", "25/12/2024 Wednesday → Thursday 26/12 (not a holiday outside Alsace-Moselle)"],
    ["2025-02-20", "2025-04-22", "21/04/2025 is Easter Monday → Tuesday 22/04"],
    ["2026-02-04", "2026-04-07", "nominal Saturday 04/04/2026 → Sunday 05 (Easter) → Monday 06 (Easter Monday) → Tuesday 07/04"],
    ["2025-03-28", "2025-05-30", "29/05/2025 is Ascension → Friday 30/05"],
    ["2025-04-08", "2025-06-10", "nominal Sunday 08/06 → 09/06/2025 Whit Monday → Tuesday 10/06"],
    ["2024-03-18", "2024-05-21", "Saturday 18/05 → Sunday 19 → Whit Monday 20/05/2024 → Tuesday 21/05"],
    ["2024-03-07", "2024-05-10", "08/05/2024 (Wednesday) then Ascension 09/05 → Friday 10/05"],
    ["2025-03-07", "2025-05-09", "08/05/2025 Thursday holiday → Friday 09/05"],
  ])("published %s → %s (%s)", (publication, expected) => {
    expect(appealDeadline(serial(publication))).toBe(serial(expected));
  });

  it("a holiday on a weekend moves nothing more: nominal Saturday 13/07/2024 → Sunday 14/07 → Monday 15/07/2024", () => {
    expect(appealDeadline(serial("2024-05-13"))).toBe(serial("2024-07-15"));
  });

  it("Good Friday is a working day outside Alsace-Moselle: nominal 17/04/2025 → Friday 18/04/2025", () => {
    expect(appealDeadline(serial("2025-02-17"))).toBe(serial("2025-04-18"));
  });
});

describe("APPEAL_DEADLINE: the Alsace-Moselle zone (Good Friday and 26 December)", () => {
  it("Good Friday 18/04/2025 → over the weekend and Easter Monday → Tuesday 22/04/2025", () => {
    expect(appealDeadline(serial("2025-02-17"), null, "alsace-moselle")).toBe(serial("2025-04-22"));
  });

  it("25/12/2024 → 26/12 is a holiday there too → Friday 27/12/2024", () => {
    expect(appealDeadline(serial("2024-10-24"), 2, "alsace-moselle")).toBe(serial("2024-12-27"));
  });

  it("25/12/2025 Thursday → metropole Friday 26/12, Alsace-Moselle Monday 29/12/2025", () => {
    expect(appealDeadline(serial("2025-10-24"))).toBe(serial("2025-12-26"));
    expect(appealDeadline(serial("2025-10-24"), null, "alsace-moselle")).toBe(serial("2025-12-29"));
  });

  it("the zone as a user may type it", () => {
    expect(appealDeadline(serial("2025-02-17"), null, "Alsace-Moselle")).toBe(serial("2025-04-22"));
  });

  it('an unknown zone ("corse") is #VALUE! naming it', () => {
    expectValueError(() => appealDeadline(serial("2024-07-12"), 2, "corse"), "corse");
  });
});

describe("APPEAL_DEADLINE: the number of months and blank options", () => {
  it("months and zone passed as null use 2 months and the general holidays", () => {
    expect(appealDeadline(serial("2024-07-12"), null, null)).toBe(serial("2024-09-13"));
    expect(appealDeadline(serial("2024-07-12"), "", "")).toBe(serial("2024-09-13"));
  });

  it("4 months: 12/07/2024 → nominal 12/11/2024 → Wednesday 13/11/2024", () => {
    expect(appealDeadline(serial("2024-07-12"), 4)).toBe(serial("2024-11-13"));
  });

  it("1 month: 31/01/2024 → nominal 29/02/2024 → Friday 01/03/2024", () => {
    expect(appealDeadline(serial("2024-01-31"), 1)).toBe(serial("2024-03-01"));
  });

  it("a number of months that is not a whole positive number is #VALUE!", () => {
    expectValueError(() => appealDeadline(serial("2024-07-12"), -1), "-1");
    expectValueError(() => appealDeadline(serial("2024-07-12"), 1.5), "1,5");
    expectValueError(() => appealDeadline(serial("2024-07-12"), "deux mois et demi"));
  });

  it.each([[null], [""], [0]])("a blank publication (%p) is #N/A", (blank) => {
    expectNotAvailable(() => appealDeadline(blank));
  });

  it("a deadline Excel cannot show (publication 31/12/9999) is #VALUE!", () => {
    expectValueError(() => appealDeadline("31/12/9999"));
  });
});

describe("ENFORCEABLE_DATE: the later of transmission and publication", () => {
  it("transmission 11/07/2024, publication 12/07/2024 → 12/07/2024 (DOMAIN.md)", () => {
    expect(enforceableDate(serial("2024-07-11"), serial("2024-07-12"))).toBe(serial("2024-07-12"));
  });

  it("the order of the two events does not matter", () => {
    expect(enforceableDate(serial("2024-07-12"), serial("2024-07-11"))).toBe(serial("2024-07-12"));
  });

  it("the same day for both", () => {
    expect(enforceableDate(serial("2024-07-12"), serial("2024-07-12"))).toBe(serial("2024-07-12"));
  });

  it("the deliberation's own wording: « 11 JUIL. 2024 » and « 12 JUIL. 2024 »", () => {
    expect(enforceableDate("11 JUIL. 2024", "12 JUIL. 2024")).toBe(serial("2024-07-12"));
  });

  it.each([[null], [""], [0]])("unknown (#N/A, not #VALUE!) while the transmission is missing (%p)", (blank) => {
    expectNotAvailable(() => enforceableDate(blank, serial("2024-07-12")));
  });

  it.each([[null], [""], [0]])("unknown (#N/A) while the publication is missing (%p)", (blank) => {
    expectNotAvailable(() => enforceableDate(serial("2024-07-11"), blank));
  });

  it("unknown (#N/A) while both are missing", () => {
    expectNotAvailable(() => enforceableDate(null, null));
  });

  it("a bad date is #VALUE! even when the other one is missing", () => {
    expectValueError(() => enforceableDate(null, "31/02/2024"), "31/02/2024");
    expectValueError(() => enforceableDate("abc", null), "abc");
  });
});

describe("NEXT_WORKING_DAY", () => {
  it.each([
    ["2024-07-12", "2024-07-12", "a Friday is itself"],
    ["2024-07-13", "2024-07-15", "Saturday, then Sunday 14 July → Monday 15/07"],
    ["2024-12-25", "2024-12-26", "Christmas Wednesday → Thursday"],
    ["2024-12-31", "2024-12-31", "31 December is an ordinary day"],
    ["2025-01-01", "2025-01-02", "New Year's day → 02/01/2025"],
    ["2024-03-29", "2024-03-29", "Good Friday is a working day outside Alsace-Moselle"],
    ["2024-03-30", "2024-04-02", "Saturday, Easter, Easter Monday → Tuesday 02/04/2024"],
    ["2024-05-08", "2024-05-10", "8 May, then Ascension 09/05/2024 → Friday 10/05"],
    ["2024-02-29", "2024-02-29", "29 February 2024 is a Thursday"],
  ])("%s → %s (%s)", (day, expected) => {
    expect(nextWorkingDay(serial(day))).toBe(serial(expected));
  });

  it("Alsace-Moselle: Good Friday 29/03/2024 → Tuesday 02/04/2024; 26/12/2025 → Monday 29/12/2025", () => {
    expect(nextWorkingDay(serial("2024-03-29"), "alsace-moselle")).toBe(serial("2024-04-02"));
    expect(nextWorkingDay(serial("2025-12-26"), "alsace-moselle")).toBe(serial("2025-12-29"));
    expect(nextWorkingDay(serial("2025-12-26"), null)).toBe(serial("2025-12-26"));
  });

  it("#N/A for a blank date, #VALUE! for a bad zone", () => {
    expectNotAvailable(() => nextWorkingDay(null));
    expectValueError(() => nextWorkingDay(serial("2024-07-12"), "corse"), "corse");
  });
});

describe("HOLIDAYS", () => {
  const metropole2024 = [
    "2024-01-01", // Jour de l'an
    "2024-04-01", // Lundi de Pâques (Easter 31/03)
    "2024-05-01",
    "2024-05-08",
    "2024-05-09", // Ascension = Easter + 39
    "2024-05-20", // Lundi de Pentecôte = Easter + 50
    "2024-07-14",
    "2024-08-15",
    "2024-11-01",
    "2024-11-11",
    "2024-12-25",
  ];

  it("2024: the 11 days of art. L3133-1, in date order, one column", () => {
    expect(holidays(2024)).toEqual(metropole2024.map((day) => [serial(day)]));
  });

  it("2024 with the zone passed as null is the general list", () => {
    expect(holidays(2024, null)).toEqual(metropole2024.map((day) => [serial(day)]));
  });

  it("2024 in Alsace-Moselle: 13 days, Good Friday 29/03 and 26/12 in their places", () => {
    const expected = [...metropole2024.slice(0, 1), "2024-03-29", ...metropole2024.slice(1), "2024-12-26"];
    expect(holidays(2024, "alsace-moselle")).toEqual(expected.map((day) => [serial(day)]));
  });

  // Easter Sundays from the Gregorian computus, checked against published calendars.
  it.each([
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2038, "2038-04-25"],
    [2008, "2008-03-23"],
    [1900, "1900-04-15"],
    [1943, "1943-04-25"],
    [2000, "2000-04-23"],
    [2011, "2011-04-24"],
    [2100, "2100-03-28"],
    [2285, "2285-03-22"],
  ])("%i: Easter Monday, Ascension and Whit Monday follow Easter Sunday %s", (year, easter) => {
    const list = holidays(year).map((row) => row[0]);
    expect(list).toContain(serial(easter) + 1);
    expect(list).toContain(serial(easter) + 39);
    expect(list).toContain(serial(easter) + 50);
    expect(list).not.toContain(serial(easter) - 2); // Good Friday only in Alsace-Moselle
    const local = holidays(year, "alsace-moselle").map((row) => row[0]);
    expect(local).toContain(serial(easter) - 2);
    expect(local).toContain(serial(`${year}-12-26`));
  });

  it.each([[2019], [2025], [2026], [2038]])("%i: 11 dates (13 in Alsace-Moselle), strictly in date order, one per row", (year) => {
    for (const [zone, count] of [[null, 11], ["alsace-moselle", 13]] as const) {
      const rows = holidays(year, zone);
      expect(rows).toHaveLength(count);
      for (const row of rows) expect(row).toHaveLength(1);
      const list = rows.map((row) => plainSerial(row[0]));
      expect([...list].sort((a, b) => a - b)).toEqual(list);
      expect(new Set(list).size).toBe(count);
      expect(list[0]).toBe(serial(`${year}-01-01`));
    }
  });

  it("2038, latest Easter: Ascension 03/06 and Whit Monday 14/06 come after 8 May", () => {
    const list = holidays(2038).map((row) => row[0]);
    expect(list.slice(1, 6)).toEqual(["2038-04-26", "2038-05-01", "2038-05-08", "2038-06-03", "2038-06-14"].map(serial));
  });

  it("2008: Ascension falls on 1 May; the list is in date order and holds the 10 distinct days", () => {
    const list = holidays(2008).map((row) => plainSerial(row[0]));
    expect([...list].sort((a, b) => a - b)).toEqual(list);
    const distinct = ["2008-01-01", "2008-03-24", "2008-05-01", "2008-05-08", "2008-05-12", "2008-07-14", "2008-08-15", "2008-11-01", "2008-11-11", "2008-12-25"];
    expect([...new Set(list)]).toEqual(distinct.map(serial));
  });

  it("1900: the first row is serial 1 (01/01/1900), Easter Monday 16/04/1900 after Excel's phantom day", () => {
    const list = holidays(1900).map((row) => row[0]);
    expect(list[0]).toBe(1);
    expect(list[1]).toBe(serial("1900-04-16"));
  });

  it("the year: #N/A when blank, #VALUE! outside 1900–9999 or not whole", () => {
    expectNotAvailable(() => holidays(null));
    expectValueError(() => holidays(1899), "1899");
    expectValueError(() => holidays(10000));
    expectValueError(() => holidays(2024.5));
    expectValueError(() => holidays("abc"), "abc");
    expectValueError(() => holidays(2024, "corse"), "corse");
  });
});
