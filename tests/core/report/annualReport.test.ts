import { annualReport, defaultReportYear, parseReportYear } from "../../../src/core/report/annualReport";
import { Amendment } from "../../../src/core/register/registerSchema";
import { d } from "../../helpers/dates";
import { ANNUAL_2025_REGISTER } from "../../helpers/annualRegister";

/** The register of the report, counted by hand in its comment (tests/helpers/annualRegister.ts). */
const reg = ANNUAL_2025_REGISTER;

const report = annualReport(reg, { year: 2025, asOf: d("2026-01-26"), authority: "  Agglomération test " });

describe("annualReport: the figures of a year, counted by hand", () => {
  it("covers 1 January to 31 December once the year is over, and names the authority", () => {
    expect(report).toMatchObject({ year: 2025, asOf: d("2026-01-26"), authority: "Agglomération test", from: d("2025-01-01"), to: d("2025-12-31") });
  });

  it("keeps the conventions in force at some point of the year, in register order", () => {
    expect(report.rows.map((r) => r.id)).toEqual(["MID", "AVN", "END", "TEAM2"]);
  });

  it("counts the key figures", () => {
    expect(report.figures).toEqual({
      inForce: 4,
      started: 1, // MID
      ended: 2, // END on 30/06, AVN on 31/12 (its avenant's end)
      toRenew: 1, // MID at asOf
      amendments: 1, // AVN n° 2 of 10/03/2025
      committeesHeld: 5, // S1: MID, AVN, END, TEAM2; S2: MID
      committeesRequired: 7, // S1: 4; S2: MID, AVN, TEAM2
      missingSemesters: 2, // AVN and TEAM2 in 2025-S2
      milestonesMet: 1, // END's final report
      milestonesOverdue: 1, // TEAM2's Pôle innovation
      amountInForce: 15000,
      amountStarted: 10000,
    });
  });

  it("counts the comités per calendar semester of the year", () => {
    expect(report.semesters).toEqual([
      { label: "2025-S1", start: d("2025-01-01"), end: d("2025-06-30"), required: 4, held: 4, missing: 0 },
      { label: "2025-S2", start: d("2025-07-01"), end: d("2025-12-31"), required: 3, held: 1, missing: 2 },
    ]);
  });

  it("gives each convention's status on 31 December", () => {
    expect(report.rows.map((r) => [r.id, r.status])).toEqual([
      ["MID", "to_renew"],
      ["AVN", "to_renew"], // its last day: within its notice
      ["END", "expired"],
      ["TEAM2", "in_force"],
    ]);
    expect(report.byStatus).toEqual({ upcoming: 0, in_force: 1, to_renew: 2, expired: 1, unknown: 0 });
  });

  it("lists each row's comités of the year, missing semesters, next comité and avenants of the year", () => {
    const byId = Object.fromEntries(report.rows.map((r) => [r.id, r]));
    expect(byId.MID).toMatchObject({ start: d("2025-04-01"), end: d("2026-05-31"), committees: [d("2025-05-15"), d("2025-10-10")], missingSemesters: [], nextCommitteeDue: d("2026-05-31") });
    expect(byId.AVN).toMatchObject({ end: d("2025-12-31"), committees: [d("2025-02-10")], missingSemesters: ["2025-S2"], nextCommitteeDue: null });
    expect(byId.AVN.amendments.map((a: Amendment) => a.number)).toEqual(["2"]);
    expect(byId.END).toMatchObject({ end: d("2025-06-30"), committees: [d("2025-03-01")], missingSemesters: [] });
    expect(byId.TEAM2).toMatchObject({ committees: [d("2025-03-20")], missingSemesters: ["2025-S2"], nextCommitteeDue: d("2026-06-30") });
  });

  it("lists what needs action: comités, conventions ending within 12 months, overdue milestones, running appeals", () => {
    expect(report.missingCommittees.map((f) => [f.conventionId, f.code, f.period?.label])).toEqual([
      ["MID", "committee_due", "2026-S1"],
      ["AVN", "missing_committee", "2025-S2"],
      ["TEAM2", "missing_committee", "2025-S2"],
      ["TEAM2", "committee_due", "2026-S1"],
    ]);
    expect(report.expiring).toEqual([{ id: "MID", title: "Démarrage en cours d'année", partner: "Commune A", source: { sheet: "Conventions", row: 2 }, end: d("2026-05-31"), daysLeft: 125 }]);
    expect(report.overdueMilestones.map((f) => [f.conventionId, f.label, f.date])).toEqual([["TEAM2", "Pôle innovation", d("2026-01-14")]]);
    expect(report.appeals.map((a) => [a.id, a.publication, a.deadline, a.daysLeft])).toEqual([["NEW", d("2025-12-20"), d("2026-02-23"), 28]]);
  });

  it("covers the year up to asOf while it runs: started so far, nothing ended yet, the semester in progress required", () => {
    const running = annualReport(reg, { year: 2025, asOf: d("2025-05-01") });
    expect(running).toMatchObject({ to: d("2025-05-01"), authority: null });
    expect(running.rows.map((r) => r.id)).toEqual(["MID", "AVN", "END", "TEAM2"]);
    expect(running.figures).toMatchObject({ started: 1, ended: 0, milestonesMet: 0 });
    // S1 is in progress: required for all four, held so far by AVN, END and TEAM2; S2 not opened.
    expect(running.semesters.map((s) => [s.label, s.required, s.held, s.missing])).toEqual([
      ["2025-S1", 4, 3, 0],
      ["2025-S2", 0, 0, 0],
    ]);
  });

  it("reports a year with no convention as empty", () => {
    const empty = annualReport(reg, { year: 2019, asOf: d("2026-01-26") });
    expect(empty.rows).toEqual([]);
    expect(empty.figures).toMatchObject({ inForce: 0, committeesRequired: 0, amountInForce: 0 });
  });
});

describe("the year of a report, as typed in the pane or after --annee", () => {
  const asOf = d("2026-11-29");
  test("four digits from 1900 to the year of the check", () => {
    expect(parseReportYear("2025", asOf)).toEqual({ ok: true, value: 2025 });
    expect(parseReportYear(" 2026 ", asOf)).toEqual({ ok: true, value: 2026 });
    expect(parseReportYear(1900, asOf)).toEqual({ ok: true, value: 1900 });
    for (const bad of ["", "25", "1899", "20255", "2025.5", "2 025", "deux mille", "-2025", "2025e0", "0x7E9"]) {
      expect([bad, parseReportYear(bad, asOf)]).toEqual([bad, { ok: false, error: { code: "invalid_year", value: bad, field: "year" } }]);
    }
  });

  test("a year to come is refused (its report would be empty); the last day of a year still allows only that year", () => {
    expect(parseReportYear("2027", asOf)).toEqual({ ok: false, error: { code: "year_to_come", value: 2027, field: "year", asOf: d("2026-11-29") } });
    expect(parseReportYear("2027", d("2026-12-31")).ok).toBe(false);
    expect(parseReportYear("2027", d("2027-01-01"))).toEqual({ ok: true, value: 2027 });
  });

  test("offered: the year just ended until 30 June, the current year from 1 July", () => {
    expect(defaultReportYear(d("2026-01-01"))).toBe(2025);
    expect(defaultReportYear(d("2026-06-30"))).toBe(2025);
    expect(defaultReportYear(d("2026-07-01"))).toBe(2026);
    expect(defaultReportYear(d("2026-12-31"))).toBe(2026);
  });
});
