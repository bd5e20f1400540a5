import { easterSunday } from "../../../src/core/dates/easterSunday";
import { publicHolidays } from "../../../src/core/dates/publicHolidays";
import { isWorkingDay, nextWorkingDay } from "../../../src/core/dates/workingDays";
import { d, iso } from "../../helpers/dates";

describe("easterSunday (Gregorian computus)", () => {
  it.each([
    [1818, "1818-03-22"], // earliest possible
    [1943, "1943-04-25"], // latest possible
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, expected) => {
    expect(iso(easterSunday(year))).toBe(expected);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    for (let year = 1583; year <= 4099; year += 1) {
      const e = easterSunday(year);
      const n = e.month * 100 + e.day;
      if (n < 322 || n > 425) throw new Error(`${year}: ${iso(e)}`);
    }
  });
});

describe("publicHolidays", () => {
  it("lists the eleven days of L3133-1 in date order", () => {
    expect(publicHolidays(2024).map((h) => `${iso(h.date)} ${h.key}`)).toEqual([
      "2024-01-01 new_year",
      "2024-04-01 easter_monday",
      "2024-05-01 labour_day",
      "2024-05-08 victory_1945",
      "2024-05-09 ascension",
      "2024-05-20 whit_monday",
      "2024-07-14 bastille_day",
      "2024-08-15 assumption",
      "2024-11-01 all_saints",
      "2024-11-11 armistice_1918",
      "2024-12-25 christmas",
    ]);
  });

  it("adds Good Friday and 26 December in Alsace-Moselle", () => {
    const list = publicHolidays(2025, "alsace-moselle").map((h) => `${iso(h.date)} ${h.key}`);
    expect(list).toHaveLength(13);
    expect(list).toContain("2025-04-18 good_friday");
    expect(list).toContain("2025-12-26 st_stephen");
    expect(list[0]).toBe("2025-01-01 new_year");
    expect(list[12]).toBe("2025-12-26 st_stephen");
  });

  it("places Ascension and Whit Monday from Easter across years", () => {
    const movable = (year: number) =>
      publicHolidays(year)
        .filter((h) => h.key === "ascension" || h.key === "whit_monday")
        .map((h) => iso(h.date));
    expect(movable(2008)).toEqual(["2008-05-01", "2008-05-12"]); // Ascension on 1 May
    expect(movable(2025)).toEqual(["2025-05-29", "2025-06-09"]);
    expect(movable(2038)).toEqual(["2038-06-03", "2038-06-14"]);
  });

  it("keeps two holidays on one day (Ascension on 1 May 2008) in order", () => {
    const list = publicHolidays(2008);
    expect(list).toHaveLength(11);
    const dates = list.map((h) => iso(h.date));
    expect([...dates].sort()).toEqual(dates);
  });
});

describe("working days", () => {
  it("skips weekends and holidays", () => {
    expect(isWorkingDay(d("2024-07-15"))).toBe(true);
    expect(isWorkingDay(d("2024-07-13"))).toBe(false); // samedi
    expect(isWorkingDay(d("2025-07-14"))).toBe(false); // lundi férié
    expect(isWorkingDay(d("2025-12-26"))).toBe(true);
    expect(isWorkingDay(d("2025-12-26"), "alsace-moselle")).toBe(false);
  });

  it("moves to the next working day", () => {
    expect(iso(nextWorkingDay(d("2025-03-01")))).toBe("2025-03-03");
    expect(iso(nextWorkingDay(d("2025-03-03")))).toBe("2025-03-03");
    // Saturday 24/12/2022 → Sunday → Monday 26/12 (working day, except in Alsace-Moselle → Tuesday 27)
    expect(iso(nextWorkingDay(d("2022-12-24")))).toBe("2022-12-26");
    expect(iso(nextWorkingDay(d("2022-12-24"), "alsace-moselle"))).toBe("2022-12-27");
    // Holiday on a weekend moves nothing extra: 2022-01-01 was a Saturday
    expect(iso(nextWorkingDay(d("2022-01-01")))).toBe("2022-01-03");
    // Good Friday 2025-04-18 → Saturday, Sunday, Easter Monday → Tuesday 22 in Alsace-Moselle
    expect(iso(nextWorkingDay(d("2025-04-18")))).toBe("2025-04-18");
    expect(iso(nextWorkingDay(d("2025-04-18"), "alsace-moselle"))).toBe("2025-04-22");
    // Year end: Thursday 31/12/2026 is worked; 01/01/2027 Friday holiday → Monday 04/01/2027
    expect(iso(nextWorkingDay(d("2027-01-01")))).toBe("2027-01-04");
  });
});
