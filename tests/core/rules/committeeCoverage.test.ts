import { PeriodCoverage, SharedCoverage, committeeCoverage, coverageOfHeldDays, missingPeriods, nextDuePeriod } from "../../../src/core/rules/committeeCoverage";
import { toDayNumber } from "../../../src/core/dates/dayNumber";
import { d, iso } from "../../helpers/dates";

const team2 = { start: d("2024-07-15"), end: d("2027-07-14") };
const states = (coverage: PeriodCoverage[]) => coverage.map((c) => `${c.period.label}:${c.state}:${c.held}`);

describe("committeeCoverage: semesters of the TEAM2 convention", () => {
  it("requires a semester when in force for more than half of it", () => {
    const coverage = committeeCoverage(team2, [], { asOf: d("2024-07-15") });
    expect(coverage.map((c) => `${c.period.label}:${c.required}`)).toEqual([
      "2024-S2:true", // 15/07–31/12: 170 of 184 days
      "2025-S1:true",
      "2025-S2:true",
      "2026-S1:true",
      "2026-S2:true",
      "2027-S1:true",
      "2027-S2:false", // 01/07–14/07: 14 of 184 days
    ]);
  });

  it("marks past semesters without comité as missing and the one in progress as due", () => {
    const coverage = committeeCoverage(team2, [d("2024-10-03"), d("2025-11-20")], { asOf: d("2026-03-01") });
    expect(states(coverage)).toEqual([
      "2024-S2:held:1",
      "2025-S1:missing:0",
      "2025-S2:held:1",
      "2026-S1:due:0",
      "2026-S2:upcoming:0",
      "2027-S1:upcoming:0",
      "2027-S2:not_required:0",
    ]);
    expect(missingPeriods(coverage)).toEqual(["2025-S1"]);
    expect(iso(nextDuePeriod(coverage)?.window.end ?? d("0-1-1"))).toBe("2026-06-30");
  });

  it("counts comités on the first and the last day of a semester", () => {
    const coverage = committeeCoverage(team2, [d("2025-01-01"), d("2025-12-31")], { asOf: d("2026-01-01") });
    expect(states(coverage).slice(0, 3)).toEqual(["2024-S2:missing:0", "2025-S1:held:1", "2025-S2:held:1"]);
  });

  it("never calls the semester in progress missing, even on its last day", () => {
    const coverage = committeeCoverage(team2, [], { asOf: d("2024-12-31") });
    expect(coverage[0].state).toBe("due");
    const next = committeeCoverage(team2, [], { asOf: d("2025-01-01") });
    expect(next[0].state).toBe("missing");
    expect(next[1].state).toBe("due");
  });

  it("ignores comités held outside the convention's term", () => {
    const coverage = committeeCoverage(team2, [d("2024-07-01"), d("2024-07-14"), d("2027-07-15")], { asOf: d("2027-12-31") });
    expect(coverage[0].held).toBe(0);
    expect(coverage[6].held).toBe(0);
  });

  it("does not count a comité planned after asOf as held", () => {
    const planned = committeeCoverage(team2, [d("2024-12-10")], { asOf: d("2024-11-30") });
    expect(planned[0]).toMatchObject({ held: 0, state: "due" });
    const held = committeeCoverage(team2, [d("2024-12-10")], { asOf: d("2024-12-10") });
    expect(held[0]).toMatchObject({ held: 1, state: "held" });
  });

  it("requires as many comités as asked per semester", () => {
    const coverage = committeeCoverage(team2, [d("2024-09-01"), d("2025-02-01"), d("2025-05-01")], {
      asOf: d("2025-07-01"),
      perPeriod: 2,
    });
    expect(states(coverage).slice(0, 3)).toEqual(["2024-S2:missing:1", "2025-S1:held:2", "2025-S2:due:0"]);
  });

  it("treats a semester as closed when the convention has ended within it", () => {
    // in force 01/01/2024–30/11/2025: 2025-S2 is required (153 of 184 days), its window closes on 30/11
    const term = { start: d("2024-01-01"), end: d("2025-11-30") };
    const coverage = committeeCoverage(term, [], { asOf: d("2025-12-01") });
    expect(coverage[coverage.length - 1]).toMatchObject({ required: true, state: "missing" });
    const before = committeeCoverage(term, [], { asOf: d("2025-11-30") });
    expect(before[before.length - 1].state).toBe("due");
    expect(iso(nextDuePeriod(before)?.window.end ?? d("0-1-1"))).toBe("2025-11-30");
  });

  it("has nothing left once everything is held or past", () => {
    const coverage = committeeCoverage(team2, [], { asOf: d("2028-01-01") });
    expect(nextDuePeriod(coverage)).toBeNull();
    expect(missingPeriods(coverage)).toEqual(["2024-S2", "2025-S1", "2025-S2", "2026-S1", "2026-S2", "2027-S1"]);
  });

  it("does not require a semester in force exactly half of it", () => {
    // 2025-S1 has 181 days; in force from 01/04/2025: 91 days > 90.5 → required; from 02/04: 90 days → not
    expect(committeeCoverage({ start: d("2025-04-01"), end: d("2025-12-31") }, [], { asOf: d("2025-01-01") })[0].required).toBe(true);
    expect(committeeCoverage({ start: d("2025-04-02"), end: d("2025-12-31") }, [], { asOf: d("2025-01-01") })[0].required).toBe(false);
  });

  it("serves quarters (club territorial) and contractual semesters", () => {
    const quarters = committeeCoverage(team2, [d("2024-09-20"), d("2025-03-14")], { asOf: d("2025-05-01"), periodLength: 3 });
    expect(states(quarters).slice(0, 5)).toEqual([
      "2024-T3:held:1", // 15/07–30/09: 78 of 92 days
      "2024-T4:missing:0",
      "2025-T1:held:1",
      "2025-T2:due:0",
      "2025-T3:upcoming:0",
    ]);
    const contract = committeeCoverage(team2, [d("2025-01-14")], { asOf: d("2025-07-15"), basis: "contract" });
    expect(states(contract)).toEqual(["S1:held:1", "S2:missing:0", "S3:due:0", "S4:upcoming:0", "S5:upcoming:0", "S6:upcoming:0"]);
  });
});

describe("SharedCoverage: equal coverages made once for a whole check", () => {
  const terms = [team2, { start: d("2024-07-15"), end: d("2026-12-31") }, { start: d("2023-02-01"), end: d("2025-07-14") }, { start: d("2025-01-01"), end: d("2025-03-31") }];
  const meetings = [[], [d("2024-10-03")], [d("2024-10-03"), d("2025-11-20"), d("2023-05-01"), d("2025-02-01")], [d("2027-01-01")]];
  const asOfs = [d("2024-07-15"), d("2025-09-01"), d("2028-01-01")];

  it("gives the values made without it, each period's equal coverage the same object", () => {
    const shared = new SharedCoverage();
    for (const asOf of asOfs) {
      for (const term of terms) {
        for (const held of meetings) {
          for (const periodLength of [3, 6, 12] as const) {
            const alone = committeeCoverage(term, held, { asOf, periodLength });
            expect(committeeCoverage(term, held, { asOf, periodLength }, shared)).toEqual(alone);
            expect(committeeCoverage(term, held, { asOf, periodLength, basis: "contract" }, shared)).toEqual(committeeCoverage(term, held, { asOf, periodLength, basis: "contract" }));
          }
        }
      }
    }
    const first = committeeCoverage(team2, [], { asOf: d("2026-03-01") }, shared);
    const second = committeeCoverage({ start: d("2024-09-01"), end: d("2027-08-31") }, [], { asOf: d("2026-03-01") }, shared);
    // 2025-S1 is whole within both terms, missed by both: one object.
    expect(first[1]).toBe(second[1]);
    expect(first[0]).not.toBe(second[0]); // 2024-S2 from 15/07 and from 01/09: two windows
  });

  it("coverageOfHeldDays: committeeCoverage from the days it keeps", () => {
    const held = [d("2024-10-03"), d("2025-11-20")].map(toDayNumber);
    expect(coverageOfHeldDays(team2, Int32Array.from([...held, 0]), 2, { asOf: d("2026-03-01") }, null)).toEqual(
      committeeCoverage(team2, [d("2024-10-03"), d("2025-11-20")], { asOf: d("2026-03-01") }),
    );
  });
});
