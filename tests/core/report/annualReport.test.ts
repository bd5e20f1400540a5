import { annualReport, defaultReportYear, parseReportYear } from "../../../src/core/report/annualReport";
import { Amendment } from "../../../src/core/register/registerSchema";
import { d } from "../../helpers/dates";
import { amendment, committee, convention, deadline, register, team2 } from "../../helpers/register";

/**
 * The 2025 report at 26/01/2026 of a register counted by hand (DOMAIN.md's rules):
 * - MID starts mid-year (01/04/2025, 14 months → 31/05/2026, 10 000 €): 2025-S1 window 01/04–30/06
 *   is 91 days of 181 (more than half: required), comités 15/05 and 10/10/2025; it ends within 12
 *   months (125 days) and is in its 6-month notice (from 01/12/2025) at asOf and on 31/12/2025.
 * - AVN (01/01/2023, 24 months, 5 000 €) is extended by avenant of 15/11/2024 to 36 months →
 *   31/12/2025: in force all 2025, ended before asOf; a second avenant on 10/03/2025 changes nothing
 *   but counts as one of the year. Comité 10/02/2025; none in 2025-S2 (missing).
 * - END (01/07/2022, 36 months → 30/06/2025) ends during the year: comité 01/03/2025; a meeting on
 *   01/08/2025 after its end counts for nothing; its earlier semesters without comité (2022–2024) are
 *   not the year's. Its milestone due 01/06/2025 was met on 20/05/2025.
 * - OLD ended in 2022 and NEW starts in 2026: not in the report; NEW's deliberation, published
 *   20/12/2025, can be challenged until Monday 23/02/2026 (21/02 is a Saturday).
 * - TEAM2 (15/07/2024 → 14/07/2027): comité 20/03/2025 (blank type), a club meeting (not a comité),
 *   none in 2025-S2 (missing); Pôle innovation within 18 months → 14/01/2026, not done: overdue.
 */
const reg = register({
  conventions: [
    convention("MID", { title: "Démarrage en cours d'année", partner: "Commune A", start: "2025-04-01", duration: 14, publicationDate: "2025-03-01" }),
    convention("AVN", { title: "Prolongée par avenant", start: "2023-01-01", duration: 24 }),
    convention("END", { title: "Achevée en 2025", start: "2022-07-01", duration: 36 }),
    convention("OLD", { start: "2020-01-01", duration: 36 }),
    convention("NEW", { start: "2026-01-10", duration: 12, publicationDate: "2025-12-20" }),
    team2(),
  ].map((c) => (c.id === "MID" ? { ...c, amount: 10000 } : c.id === "AVN" ? { ...c, amount: 5000 } : c)),
  committees: [
    committee("MID", "2025-05-15"),
    committee("MID", "2025-10-10"),
    committee("AVN", "2025-02-10"),
    committee("END", "2025-03-01"),
    committee("END", "2025-08-01"),
    committee("TEAM2", "2024-10-03"),
    committee("TEAM2", "2025-03-20", null),
    committee("TEAM2", "2025-06-12", "club"),
  ],
  deadlines: [
    deadline("END", "Rapport final", { kind: "milestone", dueDate: "2025-06-01", doneOn: "2025-05-20" }),
    deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18 }),
  ],
  amendments: [amendment("AVN", "2024-11-15", { number: "1", newDuration: 36 }), amendment("AVN", "2025-03-10", { number: "2" })],
});

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
