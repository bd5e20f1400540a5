import { appealDeadline } from "../../../src/core/rules/appealDeadline";
import { enforceableDate } from "../../../src/core/rules/enforceableDate";
import { d, iso } from "../../helpers/dates";

describe("appealDeadline (délai franc, art. 642 CPC)", () => {
  it.each([
    // DOMAIN.md worked examples
    ["2024-07-12", "2024-09-13"],
    ["2024-12-31", "2025-03-03"],
    // nominal 29/02/2024 (leap) → 01/03/2024 Friday
    ["2023-12-29", "2024-03-01"],
    // nominal 29/02/2024 clamped from 31/12/2023 → 01/03/2024
    ["2023-12-31", "2024-03-01"],
    // nominal 28/02/2025 from 30/12/2024 → 01/03 Saturday → Monday 03/03
    ["2024-12-30", "2025-03-03"],
    // last day 14/07/2025 (Monday, holiday) → Tuesday 15/07/2025
    ["2025-05-13", "2025-07-15"],
    // last day 15/08/2024 (Thursday, holiday) → Friday 16/08/2024
    ["2024-06-14", "2024-08-16"],
    // last day 01/11/2024 (Friday, holiday) → Monday 04/11/2024
    ["2024-08-31", "2024-11-04"],
    // last day 11/11/2025 (Tuesday, holiday) → Wednesday 12/11/2025
    ["2025-09-10", "2025-11-12"],
    // last day 25/12/2025 (Thursday) → Friday 26/12/2025
    ["2025-10-24", "2025-12-26"],
    // last day Easter Monday 21/04/2025 → Tuesday 22/04/2025
    ["2025-02-20", "2025-04-22"],
    // last day Ascension 29/05/2025 → Friday 30/05/2025
    ["2025-03-28", "2025-05-30"],
    // last day Whit Monday 09/06/2025 → Tuesday 10/06/2025
    ["2025-04-08", "2025-06-10"],
  ])("published %s: last day %s", (publication, expected) => {
    expect(iso(appealDeadline(d(publication)))).toBe(expected);
  });

  it("counts the Alsace-Moselle holidays in that zone", () => {
    // last day 26/12/2025 (Friday): working in general law, holiday in Alsace-Moselle → Monday 29/12
    expect(iso(appealDeadline(d("2025-10-25")))).toBe("2025-12-26");
    expect(iso(appealDeadline(d("2025-10-25"), { zone: "alsace-moselle" }))).toBe("2025-12-29");
    // last day Good Friday 18/04/2025 → Tuesday 22/04/2025 in Alsace-Moselle
    expect(iso(appealDeadline(d("2025-02-17")))).toBe("2025-04-18");
    expect(iso(appealDeadline(d("2025-02-17"), { zone: "alsace-moselle" }))).toBe("2025-04-22");
  });

  it("takes the number of months as a parameter", () => {
    expect(iso(appealDeadline(d("2024-07-12"), { months: 1 }))).toBe("2024-08-13");
    expect(iso(appealDeadline(d("2024-07-12"), { months: 4 }))).toBe("2024-11-13");
  });
});

describe("enforceableDate", () => {
  it("is the later of transmission and publication (the deliberation: 11 and 12 July 2024)", () => {
    expect(iso(enforceableDate(d("2024-07-11"), d("2024-07-12")) ?? d("1-1-1"))).toBe("2024-07-12");
    expect(iso(enforceableDate(d("2024-07-15"), d("2024-07-12")) ?? d("1-1-1"))).toBe("2024-07-15");
    expect(iso(enforceableDate(d("2024-07-12"), d("2024-07-12")) ?? d("1-1-1"))).toBe("2024-07-12");
  });

  it("is unknown while either is missing", () => {
    expect(enforceableDate(null, d("2024-07-12"))).toBeNull();
    expect(enforceableDate(d("2024-07-11"), null)).toBeNull();
    expect(enforceableDate(null, null)).toBeNull();
  });
});
