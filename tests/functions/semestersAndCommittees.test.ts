/**
 * CONV.SEMESTER, CONV.MISSING_COMMITTEES and CONV.NEXT_COMMITTEE_DUE as Excel calls them.
 * DOMAIN.md: calendar semesters S1 = January–June, S2 = July–December ("2024-S2"); contractual
 * semesters are consecutive 6-month periods from the start. A semester is required when the
 * convention is in force for more than half of it (counted in days); it is missing when it has
 * ended before asOf with fewer comités than required; the one in progress is due, never missing;
 * comités outside the convention's term count for nothing.
 * Team reading where DOMAIN is silent: a comité can only be held while the convention is in force,
 * so a required semester whose in-force part ended before asOf is missing even if the calendar
 * semester goes on, and NEXT_COMMITTEE_DUE gives min(semester end, convention end).
 *
 * Semester lengths used below: 2024-S2 = 184 days (half 92), 2025-S1 = 181 days (half 90.5).
 */
import { missingCommittees, nextCommitteeDue, semester } from "../../src/functions/functions";
import { column, expectNotAvailable, expectValueError, serial } from "./excelCall";

describe("SEMESTER: calendar semesters (default)", () => {
  it.each([
    ["2024-07-12", "2024-S2"],
    ["2024-06-30", "2024-S1"],
    ["2024-07-01", "2024-S2"],
    ["2024-12-31", "2024-S2"],
    ["2025-01-01", "2025-S1"],
    ["2024-01-01", "2024-S1"],
    ["2024-02-29", "2024-S1"],
  ])("%s → %s", (day, label) => {
    expect(semester(serial(day))).toBe(label);
  });

  it("text dates, and blank or explicit « calendrier » basis", () => {
    expect(semester("12 JUIL. 2024")).toBe("2024-S2");
    expect(semester("30/06/2024", null, null)).toBe("2024-S1");
    expect(semester("30/06/2024", "", "")).toBe("2024-S1");
    expect(semester("30/06/2024", "calendrier", serial("2024-03-15"))).toBe("2024-S1");
  });

  it("#N/A for a blank date, #VALUE! for an unknown basis", () => {
    expectNotAvailable(() => semester(null));
    expectValueError(() => semester(serial("2024-07-12"), "xyz"), "xyz");
  });
});

describe("SEMESTER: contractual semesters counted from the start", () => {
  const from = serial("2024-07-15");
  it.each([
    ["2024-07-15", "S1", "the start day"],
    ["2025-01-14", "S1", "last day of the first 6 months"],
    ["2025-01-15", "S2", "first day of the next 6 months"],
    ["2025-07-14", "S2", ""],
    ["2025-07-15", "S3", ""],
    ["2027-01-15", "S6", ""],
    ["2027-07-14", "S6", "last day of a 3-year convention"],
  ])("from 15/07/2024: %s → %s %s", (day, label) => {
    expect(semester(serial(day), "contrat", from)).toBe(label);
  });

  // A 6-month period from 31/08 ends like a 6-month term: no 31/02, so on the last day of February.
  it.each([
    ["2024-08-31", "S1"],
    ["2025-02-28", "S1"],
    ["2025-03-01", "S2"],
    ["2025-08-30", "S2"],
    ["2025-08-31", "S3"],
    ["2026-02-28", "S3"],
    ["2026-03-01", "S4"],
  ])("from 31/08/2024 (month-end clamping): %s → %s", (day, label) => {
    expect(semester(serial(day), "contrat", serial("2024-08-31"))).toBe(label);
  });

  it("from 31/08/2023: the first semester ends on the leap day 29/02/2024", () => {
    expect(semester(serial("2024-02-29"), "contrat", serial("2023-08-31"))).toBe("S1");
    expect(semester(serial("2024-03-01"), "contrat", serial("2023-08-31"))).toBe("S2");
  });

  // From 29/02/2024: 12 months end on 28/02/2025 (END_DATE's rule), so S3 starts on 01/03/2025.
  it.each([
    ["2024-08-28", "S1"],
    ["2024-08-29", "S2"],
    ["2025-02-28", "S2"],
    ["2025-03-01", "S3"],
    ["2025-08-28", "S3"],
    ["2025-08-29", "S4"],
  ])("from 29/02/2024: %s → %s", (day, label) => {
    expect(semester(serial(day), "contrat", serial("2024-02-29"))).toBe(label);
  });

  it("the basis as a user may type it", () => {
    expect(semester(serial("2025-01-15"), "Contrat", from)).toBe("S2");
    expect(semester(serial("2025-01-15"), "CALENDRIER", from)).toBe("2025-S1");
  });

  it("text dates for both", () => {
    expect(semester("15/01/2025", "contrat", "15/07/2024")).toBe("S2");
  });

  it("a date before the contract's start is #VALUE!", () => {
    expectValueError(() => semester(serial("2024-07-14"), "contrat", from), "14/07/2024");
  });

  it("« contrat » without a start is #N/A (missing needed date)", () => {
    expectNotAvailable(() => semester(serial("2024-07-14"), "contrat", null));
  });
});

describe("MISSING_COMMITTEES / NEXT_COMMITTEE_DUE: a 3-year convention from 15/07/2024 (end 14/07/2027)", () => {
  const start = serial("2024-07-15");
  const end = serial("2027-07-14");

  it("no comité at all, asOf the end day: every required semester up to 2027-S1 is missing", () => {
    // 2024-S2 is required (170 of 184 days); 2027-S2 is not (14 of 184 days).
    expect(missingCommittees(start, end, column(null), serial("2027-07-14"))).toBe(
      "2024-S2, 2025-S1, 2025-S2, 2026-S1, 2026-S2, 2027-S1",
    );
    expect(missingCommittees(start, end, column(null), serial("2028-01-01"))).toBe(
      "2024-S2, 2025-S1, 2025-S2, 2026-S1, 2026-S2, 2027-S1",
    );
  });

  it("comités on the first and last day of semesters count; holes and text dates in the range are fine", () => {
    const committees = column(
      serial("2024-07-15"), // the convention's first day, in 2024-S2
      serial("2025-01-01"), // first day of 2025-S1
      null,
      "",
      "31/12/2025", // last day of 2025-S2
      "30/06/2026", // last day of 2026-S1
    );
    expect(missingCommittees(start, end, committees, serial("2027-03-15"))).toBe("2026-S2");
    // From 2027-S1 (in progress) on, the first semester without its comité: 2027-S1, ending 30/06/2027.
    expect(nextCommitteeDue(start, end, committees, serial("2027-03-15"))).toBe(serial("2027-06-30"));
  });

  it("the semester in progress is due, never missing, up to and including its last day", () => {
    const committees = column(serial("2024-07-15"), serial("2025-01-01"), serial("2025-12-31"));
    expect(missingCommittees(start, end, committees, serial("2026-06-30"))).toBe("");
    expect(nextCommitteeDue(start, end, committees, serial("2026-06-30"))).toBe(serial("2026-06-30"));
    expect(missingCommittees(start, end, committees, serial("2026-07-01"))).toBe("2026-S1");
    // 2026-S1 is now past (missing); the next one to hold is 2026-S2's.
    expect(nextCommitteeDue(start, end, committees, serial("2026-07-01"))).toBe(serial("2026-12-31"));
  });

  it("a comité before the start (10/07/2024, same calendar semester) counts for nothing", () => {
    expect(missingCommittees(start, end, column(serial("2024-07-10")), serial("2025-01-01"))).toBe("2024-S2");
    expect(missingCommittees(start, end, column(serial("2024-07-15")), serial("2025-01-01"))).toBe("");
    expect(missingCommittees(start, end, column(serial("2024-07-10")), serial("2024-12-31"))).toBe("");
  });

  it("a comité held later does not fill an earlier semester", () => {
    expect(missingCommittees(start, end, column(serial("2025-02-01"), serial("2025-03-01")), serial("2025-07-01"))).toBe("2024-S2");
  });

  it("asOf before the start: nothing missing; the first comité is due by 31/12/2024", () => {
    expect(missingCommittees(start, end, column(null), serial("2024-07-01"))).toBe("");
    expect(nextCommitteeDue(start, end, column(null), serial("2024-07-01"))).toBe(serial("2024-12-31"));
  });

  it("the comités may come as a row, or a block with holes, as well as a column", () => {
    const row = [[serial("2024-07-15"), serial("2025-01-01"), null]];
    expect(missingCommittees(start, end, row, serial("2025-07-01"))).toBe("");
    const block = [
      [serial("2024-09-01"), null],
      ["", "15/03/2025"],
    ];
    expect(missingCommittees(start, end, block, serial("2026-01-01"))).toBe("2025-S2");
  });
});

describe("MISSING_COMMITTEES / NEXT_COMMITTEE_DUE: conventions starting or ending mid-semester", () => {
  it("from 01/10/2024 the convention is in force exactly half of 2024-S2 (92 of 184 days): not required", () => {
    const [start, end] = [serial("2024-10-01"), serial("2027-09-30")];
    expect(missingCommittees(start, end, column(null), serial("2025-01-02"))).toBe("");
    expect(nextCommitteeDue(start, end, column(null), serial("2024-10-15"))).toBe(serial("2025-06-30"));
    // Ending 30/09/2027 it is in force exactly half of 2027-S2 as well.
    expect(missingCommittees(start, end, column(null), serial("2028-01-01"))).toBe("2025-S1, 2025-S2, 2026-S1, 2026-S2, 2027-S1");
  });

  it("from 30/09/2024 to 01/10/2027 (93 of 184 days at each end): both end semesters are required", () => {
    const [start, end] = [serial("2024-09-30"), serial("2027-10-01")];
    expect(missingCommittees(start, end, column(null), serial("2028-01-01"))).toBe(
      "2024-S2, 2025-S1, 2025-S2, 2026-S1, 2026-S2, 2027-S1, 2027-S2",
    );
  });

  it("#N/A when every required semester has its comité and none is left", () => {
    const [start, end] = [serial("2024-10-01"), serial("2027-09-30")];
    const committees = column("15/01/2025", "15/07/2025", "15/01/2026", "15/07/2026", "15/01/2027");
    expectNotAvailable(() => nextCommitteeDue(start, end, committees, serial("2027-01-16")));
    expectNotAvailable(() => nextCommitteeDue(start, end, committees, serial("2027-07-01")));
    expect(missingCommittees(start, end, committees, serial("2028-01-01"))).toBe("");
  });

  it("a 3-month convention 01/01–31/03/2025 (90 of 181 days) requires no comité", () => {
    const [start, end] = [serial("2025-01-01"), serial("2025-03-31")];
    expectNotAvailable(() => nextCommitteeDue(start, end, column(null), serial("2025-02-15")));
    expect(missingCommittees(start, end, column(null), serial("2025-07-01"))).toBe("");
  });

  it("01/01–01/04/2025 (91 of 181 days) requires one, due by the convention's end 01/04/2025", () => {
    const [start, end] = [serial("2025-01-01"), serial("2025-04-01")];
    expect(nextCommitteeDue(start, end, column(null), serial("2025-02-15"))).toBe(serial("2025-04-01"));
    expect(missingCommittees(start, end, column(null), serial("2025-04-01"))).toBe("");
    // Team reading: once the convention has ended, its semester can no longer get its comité.
    expect(missingCommittees(start, end, column(null), serial("2025-04-02"))).toBe("2025-S1");
    expect(missingCommittees(start, end, column(null), serial("2025-07-01"))).toBe("2025-S1");
  });
});

describe("MISSING_COMMITTEES / NEXT_COMMITTEE_DUE: short conventions inside one or two semesters", () => {
  it("01/02–30/05/2025 (119 of 181 days): the comité is due by 30/05/2025, missing from 31/05", () => {
    const [start, end] = [serial("2025-02-01"), serial("2025-05-30")];
    expect(nextCommitteeDue(start, end, column(null), serial("2025-02-15"))).toBe(serial("2025-05-30"));
    expect(missingCommittees(start, end, column(null), serial("2025-05-30"))).toBe("");
    expect(missingCommittees(start, end, column(null), serial("2025-05-31"))).toBe("2025-S1");
    expect(missingCommittees(start, end, column("30/05/2025"), serial("2025-07-01"))).toBe("");
  });

  it("01/05–31/08/2025 straddles two semesters, under half of each (61/181 and 62/184 days): no comité required", () => {
    const [start, end] = [serial("2025-05-01"), serial("2025-08-31")];
    expectNotAvailable(() => nextCommitteeDue(start, end, column(null), serial("2025-05-15")));
    expect(missingCommittees(start, end, column(null), serial("2026-01-01"))).toBe("");
  });
});

describe("MISSING_COMMITTEES / NEXT_COMMITTEE_DUE: one year 01/01/2025–31/12/2025", () => {
  const [start, end] = [serial("2025-01-01"), serial("2025-12-31")];

  it("a comité on 01/07/2025 belongs to S2; one on 30/06/2025 to S1", () => {
    expect(missingCommittees(start, end, column(serial("2025-07-01")), serial("2026-01-01"))).toBe("2025-S1");
    expect(missingCommittees(start, end, column(serial("2025-06-30")), serial("2026-01-01"))).toBe("2025-S2");
  });

  it("asOf the end day: S1 missing, S2 still due that day; the day after both are missing and nothing is left", () => {
    expect(missingCommittees(start, end, column(null), serial("2025-12-31"))).toBe("2025-S1");
    expect(nextCommitteeDue(start, end, column(null), serial("2025-12-31"))).toBe(serial("2025-12-31"));
    expect(missingCommittees(start, end, column(null), serial("2026-01-01"))).toBe("2025-S1, 2025-S2");
    expectNotAvailable(() => nextCommitteeDue(start, end, column(null), serial("2026-01-01")));
  });

  it("a semester in progress that already has its comité is skipped", () => {
    const committees = column(serial("2025-03-15"));
    expect(nextCommitteeDue(start, end, committees, serial("2025-04-01"))).toBe(serial("2025-12-31"));
    expect(missingCommittees(start, end, committees, serial("2025-04-01"))).toBe("");
  });

  it("2 comités per semester: S2 with one comité is missing; the default (null) is 1", () => {
    const committees = column(serial("2025-02-10"), serial("2025-05-20"), serial("2025-09-15"));
    expect(missingCommittees(start, end, committees, serial("2026-01-01"), 2)).toBe("2025-S2");
    expect(missingCommittees(start, end, committees, serial("2026-01-01"), null)).toBe("");
    expect(missingCommittees(start, end, committees, serial("2026-01-01"), 1)).toBe("");
  });

  it("2 comités per semester, S1 with one only: missing", () => {
    const committees = column(serial("2025-02-10"), serial("2025-09-15"), serial("2025-10-15"));
    expect(missingCommittees(start, end, committees, serial("2026-01-01"), 2)).toBe("2025-S1");
  });
});

describe("MISSING_COMMITTEES / NEXT_COMMITTEE_DUE: a convention ending mid-semester (01/01–31/10/2025)", () => {
  // 2025-S2: in force 01/07–31/10 = 123 of 184 days, required.
  const [start, end] = [serial("2025-01-01"), serial("2025-10-31")];

  it("a comité after the end (15/11/2025) counts for nothing", () => {
    expect(missingCommittees(start, end, column(serial("2025-03-15"), serial("2025-11-15")), serial("2026-01-01"))).toBe("2025-S2");
  });

  it("the comité is due by the end of the convention, not of the calendar semester", () => {
    expect(nextCommitteeDue(start, end, column(serial("2025-03-15")), serial("2025-10-15"))).toBe(serial("2025-10-31"));
  });

  it("asOf the end day: S2 is still due; the day after it is missing (team reading)", () => {
    expect(missingCommittees(start, end, column(null), serial("2025-10-31"))).toBe("2025-S1");
    expect(missingCommittees(start, end, column(null), serial("2025-11-01"))).toBe("2025-S1, 2025-S2");
    expect(missingCommittees(start, end, column(null), serial("2025-11-15"))).toBe("2025-S1, 2025-S2");
    expectNotAvailable(() => nextCommitteeDue(start, end, column(null), serial("2025-11-15")));
  });
});

describe("MISSING_COMMITTEES / NEXT_COMMITTEE_DUE: defaults and bad input", () => {
  const [start, end] = [serial("2024-07-15"), serial("2027-07-14")];

  afterEach(() => jest.useRealTimers());

  it("asOf left blank is today (local date, like Excel's TODAY())", () => {
    jest.useFakeTimers({ now: new Date(2025, 0, 2, 12, 0, 0) });
    expect(missingCommittees(start, end, column(null), null)).toBe("2024-S2");
    expect(missingCommittees(start, end, column(null), "")).toBe("2024-S2");
    expect(nextCommitteeDue(start, end, column(null), null)).toBe(serial("2025-06-30"));
  });

  it("a cell that is not a date is #VALUE! naming its text and position", () => {
    const committees = column("15/01/2025", null, "abc");
    expectValueError(() => missingCommittees(start, end, committees, serial("2025-07-01")), "abc", /\b3\b/);
    expectValueError(() => nextCommitteeDue(start, end, committees, serial("2025-07-01")), "abc", /\b3\b/);
  });

  it("a boolean or an impossible date in the range is #VALUE!", () => {
    expectValueError(() => missingCommittees(start, end, column(true), serial("2025-07-01")), "VRAI");
    expectValueError(() => missingCommittees(start, end, column("31/02/2025"), serial("2025-07-01")), "31/02/2025");
  });

  it("an end before the start is #VALUE!", () => {
    expectValueError(() => missingCommittees(end, start, column(null), serial("2025-07-01")));
    expectValueError(() => nextCommitteeDue(end, start, column(null), serial("2025-07-01")));
  });

  it("a missing start or end is #N/A", () => {
    expectNotAvailable(() => missingCommittees(null, end, column(null), serial("2025-07-01")));
    expectNotAvailable(() => missingCommittees(start, "", column(null), serial("2025-07-01")));
    expectNotAvailable(() => nextCommitteeDue(start, 0, column(null), serial("2025-07-01")));
  });

  it("a bad asOf or number per semester is #VALUE!", () => {
    expectValueError(() => missingCommittees(start, end, column(null), "abc"), "abc");
    expectValueError(() => missingCommittees(start, end, column(null), serial("2025-07-01"), -1), "-1");
    expectValueError(() => missingCommittees(start, end, column(null), serial("2025-07-01"), 1.5), "1,5");
  });
});
