import { endDate, missingCommittees, nextCommitteeDue, nextOccurrence } from "../../src/functions/functions";
import { column, expectNotAvailable, expectValueError, serial } from "./excelCall";

describe("numbers of months: 0 is a wrong value, not a blank", () => {
  it("END_DATE with a duration of 0 says the duration is not understood", () => {
    expectValueError(() => endDate(serial("2024-07-15"), 0), "Durée", "0");
  });

  it("NEXT_OCCURRENCE every 0 months says it must be a whole number of at least 1", () => {
    expectValueError(() => nextOccurrence(serial("2024-07-15"), 0, serial("2025-01-01")), "Périodicité", "entre 1 et 1200");
  });

  it("an empty duration is still unknown (#N/A)", () => {
    expectNotAvailable(() => endDate(serial("2024-07-15"), null));
    expectNotAvailable(() => endDate(serial("2024-07-15"), ""));
  });
});

describe("a comité planned after asOf is not a comité held", () => {
  const start = serial("2024-07-15");
  const end = serial("2027-07-14");

  it("keeps the semester due until the comité has taken place", () => {
    const planned = column(serial("2024-12-10"));
    expect(nextCommitteeDue(start, end, planned, serial("2024-11-30"))).toBe(serial("2024-12-31"));
    expect(nextCommitteeDue(start, end, planned, serial("2024-12-10"))).toBe(serial("2025-06-30"));
  });

  it("is never reported missing for a semester still running", () => {
    expect(missingCommittees(start, end, column(serial("2025-06-15")), serial("2025-06-01"))).toBe("2024-S2");
  });
});
