import { conventionStatus, noticeStart } from "../../../src/core/rules/conventionStatus";
import { daysLeft } from "../../../src/core/dates/daysLeft";
import { nextOccurrence } from "../../../src/core/dates/nextOccurrence";
import { d, iso } from "../../helpers/dates";

describe("conventionStatus", () => {
  const start = d("2024-07-15");
  const end = d("2027-07-14");
  it.each([
    ["2024-07-14", "upcoming"],
    ["2024-07-15", "in_force"],
    ["2027-01-14", "in_force"],
    ["2027-01-15", "to_renew"],
    ["2027-07-14", "to_renew"],
    ["2027-07-15", "expired"],
  ])("at %s it is %s", (asOf, expected) => {
    expect(conventionStatus(start, end, d(asOf))).toBe(expected);
  });

  it("opens the notice window on the first day of the last months", () => {
    expect(iso(noticeStart(d("2027-07-14"), 6))).toBe("2027-01-15");
    expect(iso(noticeStart(d("2026-06-30"), 6))).toBe("2026-01-01");
    expect(iso(noticeStart(d("2025-02-28"), 6))).toBe("2024-09-01");
    expect(iso(noticeStart(d("2024-08-30"), 6))).toBe("2024-02-29");
  });

  it("has no renewal window with a notice of 0", () => {
    expect(conventionStatus(start, end, d("2027-07-14"), 0)).toBe("in_force");
  });

  it("is to renew from its start when the notice is longer than the term", () => {
    expect(conventionStatus(d("2025-01-01"), d("2025-03-31"), d("2025-01-01"), 6)).toBe("to_renew");
  });
});

describe("daysLeft", () => {
  it("is 0 on the day and negative after", () => {
    expect(daysLeft(d("2027-07-14"), d("2027-07-14"))).toBe(0);
    expect(daysLeft(d("2027-07-14"), d("2027-07-04"))).toBe(10);
    expect(daysLeft(d("2027-07-14"), d("2027-07-15"))).toBe(-1);
    expect(daysLeft(d("2025-03-01"), d("2024-03-01"))).toBe(365);
    expect(daysLeft(d("2024-03-01"), d("2023-03-01"))).toBe(366);
  });
});

describe("nextOccurrence", () => {
  it("is the start itself until it has passed", () => {
    expect(iso(nextOccurrence(d("2024-07-15"), 3, d("2024-01-01")))).toBe("2024-07-15");
    expect(iso(nextOccurrence(d("2024-07-15"), 3, d("2024-07-15")))).toBe("2024-07-15");
  });

  it("steps by whole periods from the start", () => {
    expect(iso(nextOccurrence(d("2024-07-15"), 3, d("2024-07-16")))).toBe("2024-10-15");
    expect(iso(nextOccurrence(d("2024-07-15"), 3, d("2025-01-20")))).toBe("2025-04-15");
    expect(iso(nextOccurrence(d("2024-07-15"), 3, d("2025-04-15")))).toBe("2025-04-15");
    expect(iso(nextOccurrence(d("2024-07-15"), 12, d("2026-12-31")))).toBe("2027-07-15");
  });

  it("clamps month ends without drifting", () => {
    expect(iso(nextOccurrence(d("2024-01-31"), 1, d("2024-02-01")))).toBe("2024-02-29");
    expect(iso(nextOccurrence(d("2024-01-31"), 1, d("2024-03-01")))).toBe("2024-03-31");
    expect(iso(nextOccurrence(d("2024-01-31"), 1, d("2025-02-01")))).toBe("2025-02-28");
  });
});
