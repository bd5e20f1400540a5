/**
 * The annual report of several registers: the report of their union, each convention staying the
 * one of its register. Checked against the report of one register holding the same conventions
 * (annualReport itself, counted by hand in annualReport.test.ts), and on two registers that use
 * the same reference for two different conventions.
 */
import { AnnualReport, annualReport } from "../../../src/core/report/annualReport";
import { combineAnnualReports } from "../../../src/core/report/combineAnnualReports";
import { Register } from "../../../src/core/register/registerSchema";
import { d } from "../../helpers/dates";
import { convention, register } from "../../helpers/register";
import { ANNUAL_2025_REGISTER } from "../../helpers/annualRegister";

const AS_OF = d("2026-01-26");
const OPTIONS = { year: 2025, asOf: AS_OF, authority: "Agglomération test" };

/** Two services' registers: the conventions of annualReport.test.ts, shared between them. */
function only(ids: readonly string[]): Register {
  const mine = (row: { readonly conventionId: string }): boolean => ids.includes(row.conventionId);
  return {
    conventions: ANNUAL_2025_REGISTER.conventions.filter((c) => ids.includes(c.id)),
    committees: ANNUAL_2025_REGISTER.committees.filter(mine),
    deadlines: ANNUAL_2025_REGISTER.deadlines.filter(mine),
    amendments: ANNUAL_2025_REGISTER.amendments.filter(mine),
  };
}
const culture = only(["MID", "AVN", "OLD"]);
const sport = only(["END", "NEW", "TEAM2"]);

function union(...registers: Register[]): Register {
  return {
    conventions: registers.flatMap((r) => r.conventions),
    committees: registers.flatMap((r) => r.committees),
    deadlines: registers.flatMap((r) => r.deadlines),
    amendments: registers.flatMap((r) => r.amendments),
  };
}

const byCode = (report: AnnualReport): string[] =>
  report.missingCommittees.map((f) => `${f.code} ${f.conventionId} ${f.code === "missing_committee" ? f.period.label : ""}`).sort();

describe("combineAnnualReports", () => {
  const parts = [culture, sport].map((r) => ({ report: annualReport(r, OPTIONS), conventions: new Map() }));
  const combined = combineAnnualReports(parts, OPTIONS);
  const whole = annualReport(union(culture, sport), OPTIONS);

  it("gives the figures, semesters and statuses of one register holding all the conventions", () => {
    expect(combined.figures).toEqual(whole.figures);
    // The hand count of annualReport.test.ts, to show the comparison is not between two zeros.
    expect(combined.figures).toMatchObject({ inForce: 4, started: 1, ended: 2, committeesHeld: 5, committeesRequired: 7, missingSemesters: 2, amountInForce: 15000 });
    expect(combined.semesters).toEqual(whole.semesters);
    expect(combined.byStatus).toEqual(whole.byStatus);
    expect(combined).toMatchObject({ year: 2025, asOf: AS_OF, authority: "Agglomération test", from: d("2025-01-01"), to: d("2025-12-31") });
  });

  it("lists the same rows and the same things to act on, register by register, the lists by days left kept sorted", () => {
    expect(combined.rows).toEqual(whole.rows);
    expect(combined.rows.map((r) => r.id)).toEqual(["MID", "AVN", "END", "TEAM2"]);
    expect(combined.expiring).toEqual(whole.expiring);
    expect(combined.appeals).toEqual(whole.appeals);
    expect(combined.appeals.map((a) => a.id)).toEqual(["NEW"]);
    expect(combined.overdueMilestones).toEqual(whole.overdueMilestones);
    expect(byCode(combined)).toEqual(byCode(whole));
  });

  it("adds nothing of its own: no part gives the report of an empty register", () => {
    const none = combineAnnualReports([], OPTIONS);
    expect(none.figures.inForce).toBe(0);
    expect(none.rows).toEqual([]);
    expect(none.semesters.map((s) => s.label)).toEqual(["2025-S1", "2025-S2"]);
  });

  it("keeps two conventions with the same reference in two registers apart, named and placed as the caller says", () => {
    const a = register({ conventions: [{ ...convention("2024-01", { title: "Culture", start: "2024-07-15", duration: 36 }), amount: 100 }] });
    const b = register({ conventions: [{ ...convention("2024-01", { title: "Sport", start: "2025-02-01", duration: 12 }), amount: 20 }] });
    const report = combineAnnualReports(
      [
        { report: annualReport(a, OPTIONS), conventions: new Map([["2024-01", { id: "2024-01 · Culture", source: { sheet: "Toutes les conventions", row: 6 } }]]) },
        { report: annualReport(b, OPTIONS), conventions: new Map([["2024-01", { id: "2024-01 · Sport", source: { sheet: "Toutes les conventions", row: 7 } }]]) },
      ],
      OPTIONS,
    );
    expect(report.rows.map((r) => [r.id, r.title, r.source])).toEqual([
      ["2024-01 · Culture", "Culture", { sheet: "Toutes les conventions", row: 6 }],
      ["2024-01 · Sport", "Sport", { sheet: "Toutes les conventions", row: 7 }],
    ]);
    expect(report.figures).toMatchObject({ inForce: 2, started: 1, amountInForce: 120, amountStarted: 20 });
    // Sport's convention ends on 31/01/2026, within twelve months of asOf: listed under its new name.
    expect(report.expiring.map((e) => [e.id, e.source?.row])).toEqual([["2024-01 · Sport", 7]]);
    expect(report.missingCommittees.every((f) => f.conventionId === "2024-01 · Culture" || f.conventionId === "2024-01 · Sport")).toBe(true);
    expect(report.missingCommittees.length).toBeGreaterThan(0);
  });

  it("refuses a part of another year or date: the sum would mean nothing", () => {
    expect(() => combineAnnualReports([{ report: annualReport(culture, { ...OPTIONS, year: 2024 }), conventions: new Map() }], OPTIONS)).toThrow(/2025/);
    expect(() => combineAnnualReports([{ report: annualReport(culture, { ...OPTIONS, asOf: d("2026-01-27") }), conventions: new Map() }], OPTIONS)).toThrow();
  });
});
