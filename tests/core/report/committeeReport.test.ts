import { loose } from "../../helpers/findings";
import { committeeReport } from "../../../src/core/report/committeeReport";
import { d } from "../../helpers/dates";
import { amendment, committee, convention, deadline, register, team2, team2Meetings } from "../../helpers/register";

/**
 * TEAM2 at 26/01/2026 (notified 15/07/2024, 3 years → 14/07/2027), counted by hand:
 * - comités de suivi: 03/10/2024 (2024-S2), 20/03/2025 (blank type, 2025-S1), none in 2025-S2
 *   (missing), 2026-S1 in progress (due by 30/06/2026); one planned on 15/03/2026 is not held yet;
 * - club territorial each quarter: 2024-T3 (window 15/07–30/09, 78 days of 92: required) on
 *   20/09/2024, 2024-T4, 2025-T1, none in 2025-T2, 2025-T3, 2025-T4; 2026-T1 in progress;
 * - Pôle innovation within 18 months → 14/01/2026, not done: 12 days late; a milestone done;
 *   a milestone due on 15/03/2026 (within the 3 warning months); one without any deadline.
 */
const reg = register({
  conventions: [team2(), convention("OTHER", { start: "2024-01-01", duration: 12 })],
  committees: [...team2Meetings(), committee("OTHER", "2024-03-01", "steering", 10)],
  deadlines: [
    deadline("TEAM2", "Club territorial", { kind: "recurring", frequencyMonths: 3, row: 2 }),
    deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18, row: 3 }),
    deadline("TEAM2", "Réunion de lancement", { kind: "milestone", delayMonths: 1, doneOn: "2024-08-01", row: 4 }),
    deadline("TEAM2", "Bilan d'étape", { kind: "milestone", dueDate: "2026-03-15", row: 5 }),
    deadline("TEAM2", "Charte graphique", { kind: "milestone", row: 6 }),
  ],
  amendments: [amendment("TEAM2", "2025-09-01", { number: "1" })],
});

const report = committeeReport(reg, { conventionId: "TEAM2", asOf: d("2026-01-26"), authority: "Agglomération" });

describe("committeeReport: what frames the next comité of TEAM2", () => {
  it("is null for a reference the register does not hold", () => {
    expect(committeeReport(reg, { conventionId: "ABSENT", asOf: d("2026-01-26") })).toBeNull();
  });

  it("summarises the convention: term, status, avenants", () => {
    expect(report).not.toBeNull();
    expect(report?.authority).toBe("Agglomération");
    expect(report?.convention).toMatchObject({ id: "TEAM2", start: d("2024-07-15"), end: d("2027-07-14"), enforceableDate: d("2024-07-12"), duration: 36 });
    expect(report?.status).toBe("in_force");
    expect(report?.amendments.map((a) => a.date)).toEqual([d("2025-09-01")]);
  });

  it("gives the comité de suivi per semester: 2 of 3 settled semesters held, 2025-S2 missing, next by 30/06/2026", () => {
    const [steering] = report?.obligations ?? [];
    expect(steering).toMatchObject({ kind: "committee", label: null, periodMonths: 6, settled: 3, held: 2, missing: ["2025-S2"], state: "late" });
    expect(steering.kind !== "milestone" && steering.next?.window.end).toEqual(d("2026-06-30"));
  });

  it("gives the club territorial per quarter: 5 of 6 settled quarters held, 2025-T2 missing", () => {
    const club = report?.obligations[1];
    expect(club).toMatchObject({ kind: "recurring", label: "Club territorial", periodMonths: 3, settled: 6, held: 5, missing: ["2025-T2"], state: "late" });
    expect(club?.kind !== "milestone" && club?.next?.period.label).toBe("2026-T1");
  });

  it("gives each milestone its deadline and state", () => {
    expect(report?.obligations.slice(2)).toEqual([
      { kind: "milestone", label: "Pôle innovation", delayMonths: 18, deadline: d("2026-01-14"), doneOn: null, daysLeft: -12, state: "late" },
      { kind: "milestone", label: "Réunion de lancement", delayMonths: 1, deadline: d("2024-08-14"), doneOn: d("2024-08-01"), daysLeft: -530, state: "done" },
      { kind: "milestone", label: "Bilan d'étape", delayMonths: null, deadline: d("2026-03-15"), doneOn: null, daysLeft: 48, state: "soon" },
      { kind: "milestone", label: "Charte graphique", delayMonths: null, deadline: null, doneOn: null, daysLeft: null, state: "unknown" },
    ]);
  });

  it("lists the meetings held by asOf, in date order, and not the planned one nor another convention's", () => {
    expect(report?.meetings.map((m) => [m.date, m.type])).toEqual([
      [d("2024-09-20"), "club"],
      [d("2024-10-03"), "steering"],
      [d("2024-12-05"), "club"],
      [d("2025-03-14"), "club"],
      [d("2025-03-20"), null],
      [d("2025-09-10"), "club"],
      [d("2025-11-28"), "club"],
    ]);
  });

  it("lists what is late, then what is due soon; data findings are left to the check", () => {
    expect(report?.late.map(loose).map((f) => [f.code, f.period?.label ?? f.label])).toEqual([
      ["missing_committee", "2025-S2"],
      ["obligation_missing", "2025-T2"],
      ["milestone_overdue", "Pôle innovation"],
      ["committee_due", "2026-S1"],
      ["milestone_due", "Bilan d'étape"],
    ]);
  });

  it("leaves a convention whose start is missing with its comité unknown and nothing settled", () => {
    const unsigned = committeeReport(register({ conventions: [convention("X", { duration: 12 })] }), { conventionId: "X", asOf: d("2026-01-26") });
    expect(unsigned?.status).toBeNull();
    expect(unsigned?.obligations).toEqual([{ kind: "committee", label: null, periodMonths: 6, settled: 0, held: 0, missing: [], next: null, state: "pending" }]);
  });
});
