import { addMonthsClamped, monthsBetween } from "../../../src/core/dates/addMonthsClamped";
import { endOfTerm } from "../../../src/core/rules/endOfTerm";
import { d, iso } from "../../helpers/dates";

describe("addMonthsClamped", () => {
  it.each([
    ["2024-07-12", 2, "2024-09-12"],
    ["2024-12-31", 2, "2025-02-28"],
    ["2023-12-31", 2, "2024-02-29"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-03-31", 1, "2024-04-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2024-11-15", 3, "2025-02-15"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-01-15", -13, "2023-12-15"],
    ["2024-07-12", 0, "2024-07-12"],
  ])("%s + %i months = %s", (start, months, expected) => {
    expect(iso(addMonthsClamped(d(start), months))).toBe(expected);
  });

  it("counts calendar months between two dates", () => {
    expect(monthsBetween(d("2024-11-30"), d("2025-02-01"))).toBe(3);
    expect(monthsBetween(d("2025-02-01"), d("2024-11-30"))).toBe(-3);
  });
});

describe("endOfTerm, the start day counts (veille)", () => {
  it.each([
    // DOMAIN.md worked examples
    ["2024-07-15", 36, "2027-07-14"],
    ["2024-12-31", 18, "2026-06-30"],
    ["2019-01-01", 36, "2021-12-31"],
    // month ends and 29 February
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-01-30", 1, "2024-02-29"],
    ["2024-01-29", 1, "2024-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-28"],
    ["2024-03-01", 12, "2025-02-28"],
    ["2023-03-01", 12, "2024-02-29"],
    ["2024-08-31", 6, "2025-02-28"],
    ["2024-05-31", 1, "2024-06-30"],
    ["2024-06-30", 1, "2024-07-29"],
    // year ends
    ["2024-01-01", 12, "2024-12-31"],
    ["2024-12-01", 1, "2024-12-31"],
    ["2024-12-31", 1, "2025-01-30"],
  ])("%s for %i months ends on %s", (start, months, expected) => {
    expect(iso(endOfTerm(d(start), months))).toBe(expected);
  });

  it("ends the day before the anniversary, so the next term starts on it", () => {
    expect(iso(endOfTerm(d("2024-07-15"), 36, "veille"))).toBe("2027-07-14");
  });
});

describe("endOfTerm, same day-of-month (quantieme)", () => {
  it.each([
    ["2024-07-15", 36, "2027-07-15"],
    ["2024-12-31", 18, "2026-06-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
  ])("%s for %i months ends on %s", (start, months, expected) => {
    expect(iso(endOfTerm(d(start), months, "quantieme"))).toBe(expected);
  });
});
