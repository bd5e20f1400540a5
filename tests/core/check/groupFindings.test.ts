import { ConventionSummary } from "../../../src/core/check/checkRegister";
import { Finding } from "../../../src/core/check/findings";
import { groupFindings } from "../../../src/core/check/groupFindings";
import { d } from "../../helpers/dates";

const summary = (id: string, row: number | null): ConventionSummary => ({
  id,
  title: null,
  partner: null,
  start: null,
  end: null,
  status: null,
  missingSemesters: [],
  nextCommitteeDue: null,
  committeeCoverage: [],
  noticeMonths: 6,
  source: row === null ? null : { sheet: "Conventions", row },
});

const at = (row: number) => ({ sheet: "Conventions", row });
// The facts each code carries, the same for every finding here: the tests are about their order.
const semester = { period: { label: "2025-S1", start: d("2025-01-01"), end: d("2025-06-30") }, date: d("2025-06-30"), daysLeft: -30 };
const end = { field: "end", date: d("2026-06-30"), daysLeft: -10 };
const unreadable = { error: { code: "invalid_amount", value: "beaucoup" } } as const;
const orphaned = { field: "conventionId", error: { code: "unknown_convention", value: "C9" } } as const;

describe("groupFindings: the findings of each convention, the late first", () => {
  test("late, then soon, then the data to correct; the order given kept within each", () => {
    const findings: Finding[] = [
      { code: "invalid_value", conventionId: "C1", location: at(2), field: "amount", ...unreadable },
      { code: "committee_due", conventionId: "C1", location: at(2), ...semester, daysLeft: 20 },
      { code: "missing_committee", conventionId: "C1", location: at(2), ...semester },
      { code: "missing_date", conventionId: "C1", location: at(2), field: "end" },
      { code: "expired", conventionId: "C1", location: at(2), ...end },
      { code: "expiring", conventionId: "C1", location: at(2), ...end, daysLeft: 40 },
    ];
    const [section] = groupFindings([summary("C1", 2)], findings).sections;
    expect(section.findings).toEqual([findings[2], findings[4], findings[1], findings[5], findings[0], findings[3]]);
  });

  test("one section per convention in register order, with or without findings; the rest are orphans", () => {
    const c2: Finding = { code: "missing_committee", conventionId: "C2", location: at(3), ...semester };
    const orphan: Finding = { code: "invalid_value", conventionId: "C9", table: "committees", location: { sheet: "Comités", row: 4 }, ...orphaned };
    const none: Finding = { code: "invalid_value", conventionId: null, table: "committees", location: { sheet: "Comités", row: 5 }, ...orphaned };
    const grouped = groupFindings([summary("C1", 2), summary("C2", 3)], [orphan, c2, none]);
    expect(grouped.sections.map((s) => [s.summary.id, s.findings])).toEqual([
      ["C1", []],
      ["C2", [c2]],
    ]);
    expect(grouped.orphans).toEqual([orphan, none]);
  });

  test("a finding without a place takes its convention's row; none is given when the convention has none", () => {
    const placeless: Finding = { code: "missing_committee", conventionId: "C1", ...semester };
    expect(groupFindings([summary("C1", 7)], [placeless]).sections[0].findings).toEqual([{ ...placeless, location: { sheet: "Conventions", row: 7 } }]);
    expect(groupFindings([summary("C1", null)], [placeless]).sections[0].findings).toEqual([placeless]);
  });

  test("the findings given are not changed", () => {
    const findings: Finding[] = [
      { code: "missing_date", conventionId: "C1", field: "end" },
      { code: "expired", conventionId: "C1", ...end },
    ];
    const copy = structuredClone(findings);
    groupFindings([summary("C1", 2)], findings);
    expect(findings).toEqual(copy);
  });
});
