import { LooseFinding, loose } from "../../helpers/findings";
import { CheckOptions, CheckResult, checkRegister } from "../../../src/core/check/checkRegister";
import { FindingCode, findingField } from "../../../src/core/check/findings";
import { Register } from "../../../src/core/register/registerSchema";
import { d } from "../../helpers/dates";
import { amendment, committee, convention, deadline, register, team2, team2Meetings } from "../../helpers/register";

/** Expected values below are worked out by hand from the rules (DOMAIN.md), never copied from a run. */

const check = (reg: Register, asOf: string, options: Omit<CheckOptions, "asOf"> = {}): CheckResult =>
  checkRegister(reg, { asOf: d(asOf), ...options });

/** "code" or "code:reason" of each finding, in order. */
const codes = (result: CheckResult): string[] => result.findings.map((f) => (f.code === "inconsistent_dates" ? `${f.code}:${f.reason}` : f.code));

const only = (result: CheckResult, ...wanted: FindingCode[]): LooseFinding[] => result.findings.filter((f) => wanted.includes(f.code)).map(loose);

const onConvention = (row = 2) => ({ conventionId: "TEAM2", table: "conventions", location: { sheet: "Conventions", row } }) as const;
const onDeadline = (row: number) => ({ conventionId: "TEAM2", table: "deadlines", location: { sheet: "Échéances", row } }) as const;

describe("checkRegister: the TEAM2 convention of the deliberation of 25/06/2024", () => {
  // Notified 15/07/2024 for 3 years → 14/07/2027. Comités: 03/10/2024 (S2), 20/03/2025 (blank type, S1),
  // none in 2025-S2, one planned on 15/03/2026 (not held at asOf). Club territorial every quarter
  // except 2025-T2. Pôle innovation within 18 months → 14/01/2026, not done.
  const reg = register({
    conventions: [team2()],
    committees: team2Meetings(),
    deadlines: [
      deadline("TEAM2", "Comité de suivi (au moins une fois par semestre)", { kind: "recurring", frequencyMonths: 6, row: 2 }),
      deadline("TEAM2", "Club territorial", { kind: "recurring", frequencyMonths: 3, row: 3 }),
      deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18, row: 4 }),
    ],
  });

  it("finds the missed semester, the comité due, the missed quarter and the late milestone, in order", () => {
    const result = check(reg, "2026-01-26");
    expect(result.findings).toEqual([
      {
        code: "missing_committee",
        ...onConvention(),
        period: { label: "2025-S2", start: d("2025-07-01"), end: d("2025-12-31") },
        date: d("2025-12-31"),
        daysLeft: -26, // 31/12/2025 → 26/01/2026
      },
      {
        code: "committee_due",
        ...onConvention(),
        period: { label: "2026-S1", start: d("2026-01-01"), end: d("2026-06-30") },
        date: d("2026-06-30"),
        daysLeft: 155, // 5 (January) + 28 + 31 + 30 + 31 + 30
      },
      {
        code: "obligation_missing",
        ...onDeadline(3),
        label: "Club territorial",
        period: { label: "2025-T2", start: d("2025-04-01"), end: d("2025-06-30") },
        date: d("2025-06-30"),
        daysLeft: -210, // 31 + 31 + 30 + 31 + 30 + 31 + 26
      },
      { code: "milestone_overdue", ...onDeadline(4), label: "Pôle innovation", date: d("2026-01-14"), daysLeft: -12 },
    ]);
  });

  it("summarises the convention", () => {
    const summaries = check(reg, "2026-01-26").conventions;
    expect(summaries).toEqual([
      {
        id: "TEAM2",
        title: "Convention de partenariat TEAM2",
        partner: "Association TEAM2",
        start: d("2024-07-15"),
        end: d("2027-07-14"),
        status: "in_force",
        missingSemesters: ["2025-S2"],
        nextCommitteeDue: d("2026-06-30"),
        committeeCoverage: expect.any(Array),
        noticeMonths: 6,
        source: { sheet: "Conventions", row: 2 },
      },
    ]);
    // 2027-S2 holds only 14 days of the term (01/07–14/07/2027): not required.
    expect(summaries[0].committeeCoverage.map((c) => [c.period.label, c.held, c.state])).toEqual([
      ["2024-S2", 1, "held"],
      ["2025-S1", 1, "held"],
      ["2025-S2", 0, "missing"],
      ["2026-S1", 0, "due"],
      ["2026-S2", 0, "upcoming"],
      ["2027-S1", 0, "upcoming"],
      ["2027-S2", 0, "not_required"],
    ]);
  });

  it("finds nothing to say about the deliberation, transmission, publication and notification dates", () => {
    expect(only(check(reg, "2026-01-26"), "inconsistent_dates", "missing_date", "invalid_value")).toEqual([]);
  });

  it("counts the planned comité once its day has come", () => {
    const result = check(reg, "2026-03-15");
    expect(only(result, "committee_due")).toEqual([]);
    expect(result.conventions[0].nextCommitteeDue).toEqual(d("2026-12-31"));
  });

  it("is to renew 227 days before its end with a notice of 8 months, the comité of 2026-S2 due in 32 days", () => {
    // asOf 29/11/2026: 1 + 31 = 32 days to 31/12/2026; 32 + 31 + 28 + 31 + 30 + 31 + 30 + 14 = 227 days to 14/07/2027.
    // Notice of 8 months: from addMonths(15/07/2027, −8) = 15/11/2026.
    const result = check(reg, "2026-11-29", { noticeMonths: 8 });
    expect(only(result, "expiring", "committee_due")).toEqual([
      { code: "expiring", ...onConvention(), field: "end", date: d("2027-07-14"), daysLeft: 227 },
      {
        code: "committee_due",
        ...onConvention(),
        period: { label: "2026-S2", start: d("2026-07-01"), end: d("2026-12-31") },
        date: d("2026-12-31"),
        daysLeft: 32,
      },
    ]);
    expect(result.conventions[0].status).toBe("to_renew");
  });
});

describe("checkRegister: effective end of a convention", () => {
  const endOf = (reg: Register, asOf = "2025-01-01", options: Omit<CheckOptions, "asOf"> = {}) =>
    check(reg, asOf, options).conventions[0].end;

  it("counts the start day: 3 years from 15/07/2024 end on 14/07/2027", () => {
    expect(endOf(register({ conventions: [team2()] }))).toEqual(d("2027-07-14"));
  });

  it.each([
    ["2024-12-31", 18, "2026-06-30"],
    ["2019-01-01", 36, "2021-12-31"],
    ["2024-02-29", 12, "2025-02-28"], // no 29/02/2025: the term ends on the month's last day
    ["2023-03-01", 12, "2024-02-29"], // the day before 01/03/2024 in a leap year
    ["2024-01-31", 1, "2024-02-29"], // no 31/02: last day of February
  ])("from %s for %i months ends on %s", (start, months, end) => {
    expect(endOf(register({ conventions: [convention("C", { start, duration: months })] }))).toEqual(d(end));
  });

  it("reads the term the other way when asked (same day of month)", () => {
    expect(endOf(register({ conventions: [team2()] }), "2025-01-01", { endRule: "quantieme" })).toEqual(d("2027-07-15"));
  });

  it("says nothing when the register's end is the computed one", () => {
    const result = check(register({ conventions: [team2({ end: "2027-07-14" })] }), "2025-01-01", { basis: "calendar" });
    expect(only(result, "inconsistent_dates", "missing_date")).toEqual([]);
  });

  it("flags a register end that differs from start + duration, and uses the register's end", () => {
    const reg = register({ conventions: [team2({ end: "2027-07-15" })] });
    const onEndDay = check(reg, "2027-07-15");
    expect(only(onEndDay, "inconsistent_dates", "expiring", "expired")).toEqual([
      { code: "inconsistent_dates", ...onConvention(), reason: "end_differs", field: "end", date: d("2027-07-15"), otherDate: d("2027-07-14") },
      { code: "expiring", ...onConvention(), field: "end", date: d("2027-07-15"), daysLeft: 0 },
    ]);
    expect(onEndDay.conventions[0].end).toEqual(d("2027-07-15"));
    expect(only(check(reg, "2027-07-16"), "expired")).toEqual([
      { code: "expired", ...onConvention(), field: "end", date: d("2027-07-15"), daysLeft: -1 },
    ]);
  });

  it("takes the end from an avenant's new end", () => {
    const reg = register({ conventions: [team2()], amendments: [amendment("TEAM2", "2026-05-10", { number: "1", newEnd: "2028-07-14" })] });
    const result = check(reg, "2026-06-01");
    expect(result.conventions[0].end).toEqual(d("2028-07-14"));
    expect(only(result, "inconsistent_dates", "missing_date")).toEqual([]);
  });

  it("takes the end from an avenant's new total duration, counted from the original start", () => {
    // 48 months from 15/07/2024 → 14/07/2028
    const reg = register({ conventions: [team2()], amendments: [amendment("TEAM2", "2026-05-10", { newDuration: 48 })] });
    expect(endOf(reg)).toEqual(d("2028-07-14"));
  });

  it("lets the latest avenant win, whatever the register's order", () => {
    // Avenant 2 (01/02/2026): 42 months from 15/07/2024 → 14/01/2028, although avenant 1 said 31/12/2028.
    const reg = register({
      conventions: [team2()],
      amendments: [
        amendment("TEAM2", "2026-02-01", { number: "2", newDuration: 42, row: 3 }),
        amendment("TEAM2", "2025-03-01", { number: "1", newEnd: "2028-12-31", row: 2 }),
      ],
    });
    expect(endOf(reg)).toEqual(d("2028-01-14"));
  });

  it("orders avenants of the same day by their N° read as numbers (2 before 10)", () => {
    const reg = register({
      conventions: [team2()],
      amendments: [
        amendment("TEAM2", "2026-02-01", { number: "10", newEnd: "2029-01-31", row: 2 }),
        amendment("TEAM2", "2026-02-01", { number: "2", newEnd: "2028-06-30", row: 3 }),
      ],
    });
    expect(endOf(reg)).toEqual(d("2029-01-31"));
    const named = register({
      conventions: [team2()],
      amendments: [
        amendment("TEAM2", "2026-02-01", { number: "Avenant 10", newEnd: "2029-01-31", row: 2 }),
        amendment("TEAM2", "2026-02-01", { number: "Avenant 2", newEnd: "2028-06-30", row: 3 }),
      ],
    });
    expect(endOf(named)).toEqual(d("2029-01-31"));
  });

  it("ignores avenants that do not change the end", () => {
    const reg = register({
      conventions: [team2()],
      amendments: [amendment("TEAM2", "2025-03-01", { newEnd: "2028-12-31" }), amendment("TEAM2", "2026-01-10", { number: "2" })],
    });
    expect(endOf(reg)).toEqual(d("2028-12-31"));
  });

  it("flags a register end left at the original term after an avenant, and uses the avenant's end", () => {
    const reg = register({
      conventions: [team2({ end: "2027-07-14" })],
      amendments: [amendment("TEAM2", "2026-05-10", { newEnd: "2028-07-14" })],
    });
    const result = check(reg, "2026-06-01");
    expect(only(result, "inconsistent_dates")).toEqual([
      { code: "inconsistent_dates", ...onConvention(), reason: "end_differs", field: "end", date: d("2027-07-14"), otherDate: d("2028-07-14") },
    ]);
    expect(result.conventions[0].end).toEqual(d("2028-07-14"));
  });

  it("reports a missing end only when nothing gives it", () => {
    const result = check(register({ conventions: [convention("TEAM2", { start: "2024-07-15" })] }), "2026-01-26");
    expect(result.findings).toEqual([{ code: "missing_date", ...onConvention(), field: "end" }]);
    expect(result.conventions[0]).toMatchObject({ end: null, status: null, missingSemesters: [], nextCommitteeDue: null });
  });

  it("leaves unknown an end or a milestone past 31/12/9999 (Excel's last day) and asks to check the start, never showing such a date", () => {
    const reg = register({
      conventions: [convention("TEAM2", { start: "9997-09-22", duration: 36 })],
      deadlines: [deadline("TEAM2", "Jalon lointain", { kind: "milestone", delayMonths: 40, row: 3 })],
    });
    const result = check(reg, "9999-12-01");
    const error = (field: string, months: number) => ({ code: "past_excel_dates", from: d("9997-09-22"), months, value: months, field });
    expect(result.findings).toEqual([
      { code: "invalid_value", ...onConvention(), field: "duration", error: error("Durée", 36) },
      { code: "invalid_value", ...onDeadline(3), field: "delayMonths", label: "Jalon lointain", error: error("Délai (mois)", 40) },
    ]);
    expect(result.conventions[0]).toMatchObject({ end: null, status: null, nextCommitteeDue: null });
  });

  it("reports an end before the start and then checks neither status nor comités", () => {
    const reg = register({
      conventions: [convention("TEAM2", { start: "2024-07-15", end: "2024-07-01" })],
      committees: [committee("TEAM2", "2024-09-01", "steering", 2)],
    });
    const result = check(reg, "2026-01-26");
    expect(result.findings).toEqual([
      { code: "inconsistent_dates", ...onConvention(), reason: "end_before_start", field: "end", date: d("2024-07-01"), otherDate: d("2024-07-15") },
    ]);
    expect(result.conventions[0]).toMatchObject({ end: d("2024-07-01"), status: null, missingSemesters: [], nextCommitteeDue: null });
  });
});

describe("checkRegister: status", () => {
  const reg = register({
    conventions: [team2()],
    committees: ["2024-10-01", "2025-02-01", "2025-10-01", "2026-02-01", "2026-10-01", "2027-02-01"].map((x) => committee("TEAM2", x)),
  });

  it.each([
    ["2024-07-14", "upcoming", []],
    ["2024-07-15", "in_force", []],
    ["2027-01-14", "in_force", []],
    ["2027-01-15", "to_renew", [{ code: "expiring", ...onConvention(), field: "end", date: d("2027-07-14"), daysLeft: 180 }]], // 16 + 28 + 31 + 30 + 31 + 30 + 14
    ["2027-07-14", "to_renew", [{ code: "expiring", ...onConvention(), field: "end", date: d("2027-07-14"), daysLeft: 0 }]],
    ["2027-07-15", "expired", [{ code: "expired", ...onConvention(), field: "end", date: d("2027-07-14"), daysLeft: -1 }]],
  ])("at %s it is %s", (asOf, status, findings) => {
    const result = check(reg, asOf);
    expect(result.conventions[0].status).toBe(status);
    expect(only(result, "expiring", "expired")).toEqual(findings);
  });

  it("takes the convention's own notice first, then the option's", () => {
    // 3 months: from 15/04/2027
    const own = register({ conventions: [team2({ noticeMonths: 3 })] });
    expect(check(own, "2027-04-14", { noticeMonths: 12 }).conventions[0].status).toBe("in_force");
    expect(check(own, "2027-04-15", { noticeMonths: 12 }).conventions[0].status).toBe("to_renew");
    // blank: the option's 12 months, from 15/07/2026
    expect(check(reg, "2026-07-14", { noticeMonths: 12 }).conventions[0].status).toBe("in_force");
    expect(check(reg, "2026-07-15", { noticeMonths: 12 }).conventions[0].status).toBe("to_renew");
  });

  it("has nothing due before its start but the first semester's comité", () => {
    const result = check(register({ conventions: [team2()] }), "2024-07-01");
    expect(result.findings).toEqual([]);
    expect(result.conventions[0]).toMatchObject({ status: "upcoming", nextCommitteeDue: d("2024-12-31") });
  });
});

describe("checkRegister: comités de suivi", () => {
  const withCommittees = (...dates: [string, ("steering" | "club" | "other" | null)?][]) =>
    register({ conventions: [team2()], committees: dates.map(([x, type], i) => committee("TEAM2", x, type === undefined ? "steering" : type, i + 2)) });
  const periodsOf = (result: CheckResult, code: FindingCode) => only(result, code).map((f) => f.period?.label);

  it("counts comités on the last day of a semester and on the first day of the next", () => {
    const result = check(withCommittees(["2024-12-31"], ["2025-01-01"]), "2025-07-01");
    expect(only(result, "missing_committee")).toEqual([]);
    // 01/07/2025 → 31/12/2025: 30 + 31 + 31 + 30 + 31 + 30 + 31
    expect(only(result, "committee_due")).toEqual([
      {
        code: "committee_due",
        ...onConvention(),
        period: { label: "2025-S2", start: d("2025-07-01"), end: d("2025-12-31") },
        date: d("2025-12-31"),
        daysLeft: 183,
      },
    ]);
  });

  it("keeps the semester due on its last day and calls it missing the day after", () => {
    // First semester: window from 15/07/2024 (the start) to 31/12/2024, the period itself from 01/07.
    expect(only(check(withCommittees(), "2024-12-31"), "missing_committee", "committee_due")).toEqual([
      {
        code: "committee_due",
        ...onConvention(),
        period: { label: "2024-S2", start: d("2024-07-01"), end: d("2024-12-31") },
        date: d("2024-12-31"),
        daysLeft: 0,
      },
    ]);
    expect(only(check(withCommittees(), "2025-01-01"), "missing_committee", "committee_due")).toEqual([
      {
        code: "missing_committee",
        ...onConvention(),
        period: { label: "2024-S2", start: d("2024-07-01"), end: d("2024-12-31") },
        date: d("2024-12-31"),
        daysLeft: -1,
      },
      {
        code: "committee_due",
        ...onConvention(),
        period: { label: "2025-S1", start: d("2025-01-01"), end: d("2025-06-30") },
        date: d("2025-06-30"),
        daysLeft: 180, // 181 days in 2025-S1, less one
      },
    ]);
  });

  it("counts a comité of blank type, not a club territorial", () => {
    expect(periodsOf(check(withCommittees(["2024-10-03", null]), "2025-01-15"), "missing_committee")).toEqual([]);
    expect(periodsOf(check(withCommittees(["2024-10-03", "club"]), "2025-01-15"), "missing_committee")).toEqual(["2024-S2"]);
    expect(periodsOf(check(withCommittees(["2024-10-03", "other"]), "2025-01-15"), "missing_committee")).toEqual(["2024-S2"]);
  });

  it("does not count a comité planned after asOf", () => {
    const result = check(withCommittees(["2024-12-10"]), "2024-11-30");
    expect(periodsOf(result, "committee_due")).toEqual(["2024-S2"]);
    expect(result.conventions[0].nextCommitteeDue).toEqual(d("2024-12-31"));
  });

  it("flags a meeting of any type outside the term, which counts for nothing", () => {
    const reg = register({
      conventions: [team2()],
      committees: [committee("TEAM2", "2024-07-14", "steering", 5), committee("TEAM2", "2027-07-15", "club", 6), committee("TEAM2", "2024-07-15", null, 7)],
    });
    const result = check(reg, "2025-01-15");
    expect(only(result, "inconsistent_dates")).toEqual([
      {
        code: "inconsistent_dates",
        conventionId: "TEAM2",
        table: "committees",
        location: { sheet: "Comités", row: 5 },
        reason: "committee_outside_term",
        field: "date",
        date: d("2024-07-14"),
        otherDate: d("2024-07-15"),
      },
      {
        code: "inconsistent_dates",
        conventionId: "TEAM2",
        table: "committees",
        location: { sheet: "Comités", row: 6 },
        reason: "committee_outside_term",
        field: "date",
        date: d("2027-07-15"),
        otherDate: d("2027-07-14"),
      },
    ]);
    // the comité held on the start day itself counts for 2024-S2
    expect(result.conventions[0].missingSemesters).toEqual([]);
    const before = check(register({ conventions: [team2()], committees: [committee("TEAM2", "2024-07-14", "steering", 5)] }), "2025-01-15");
    expect(before.conventions[0].missingSemesters).toEqual(["2024-S2"]);
  });

  it("uses contractual semesters when asked", () => {
    // S1 15/07/2024–14/01/2025 (held on its last day), S2 15/01/2025–14/07/2025, S3 15/07/2025–14/01/2026
    const result = check(withCommittees(["2025-01-14"]), "2025-07-15", { basis: "contract" });
    expect(only(result, "missing_committee", "committee_due")).toEqual([
      { code: "missing_committee", ...onConvention(), period: { label: "S2", start: d("2025-01-15"), end: d("2025-07-14") }, date: d("2025-07-14"), daysLeft: -1 },
      { code: "committee_due", ...onConvention(), period: { label: "S3", start: d("2025-07-15"), end: d("2026-01-14") }, date: d("2026-01-14"), daysLeft: 183 },
    ]);
    expect(result.conventions[0].missingSemesters).toEqual(["S2"]);
  });

  it("follows a recurring obligation naming the comité: quarterly here, and never reports it twice", () => {
    const reg = register({
      conventions: [team2()],
      committees: [committee("TEAM2", "2024-09-01")],
      deadlines: [deadline("TEAM2", "Réunion du COMITÉ de suivi", { kind: "recurring", frequencyMonths: 3 })],
    });
    const result = check(reg, "2025-01-15");
    // 2024-T3 held; 2024-T4 missing; 2025-T1 due: 16 + 28 + 31 days to 31/03/2025
    expect(result.findings).toEqual([
      { code: "missing_committee", ...onConvention(), period: { label: "2024-T4", start: d("2024-10-01"), end: d("2024-12-31") }, date: d("2024-12-31"), daysLeft: -15 },
      { code: "committee_due", ...onConvention(), period: { label: "2025-T1", start: d("2025-01-01"), end: d("2025-03-31") }, date: d("2025-03-31"), daysLeft: 75 },
    ]);
    expect(result.conventions[0]).toMatchObject({ missingSemesters: ["2024-T4"], nextCommitteeDue: d("2025-03-31") });
  });

  it("follows a yearly comité when the obligation says so, the most frequent obligation winning", () => {
    const yearly = register({
      conventions: [team2()],
      deadlines: [deadline("TEAM2", "Comité de suivi annuel", { kind: "recurring", frequencyMonths: 12 })],
    });
    // 2024: in force 170 of 366 days, not required; 2025 required, closed without comité.
    expect(periodsOf(check(yearly, "2026-01-02"), "missing_committee")).toEqual(["2025"]);
    const both = register({
      conventions: [team2()],
      deadlines: [
        deadline("TEAM2", "Comité de suivi annuel", { kind: "recurring", frequencyMonths: 12 }),
        deadline("TEAM2", "Comité de suivi semestriel", { kind: "recurring", frequencyMonths: 6, row: 3 }),
      ],
    });
    expect(periodsOf(check(both, "2025-07-01"), "missing_committee")).toEqual(["2024-S2", "2025-S1"]);
  });

  it("counts the comité obligation's Réalisé le as a comité held", () => {
    const reg = register({
      conventions: [team2()],
      deadlines: [deadline("TEAM2", "Comité de suivi", { kind: "recurring", frequencyMonths: 6, doneOn: "2024-11-05" })],
    });
    const result = check(reg, "2025-01-15");
    expect(only(result, "missing_committee")).toEqual([]);
    expect(periodsOf(result, "committee_due")).toEqual(["2025-S1"]);
  });
});

describe("checkRegister: recurring obligations", () => {
  it("reports a frequency the periods do not support, on the échéance's row", () => {
    const reg = register({
      conventions: [team2()],
      committees: [committee("TEAM2", "2024-10-01")],
      deadlines: [
        deadline("TEAM2", "Rapport d'activité", { kind: "recurring", frequencyMonths: 4, row: 3 }),
        deadline("TEAM2", "Bilan", { kind: "recurring", row: 4 }),
        deadline("TEAM2", "Comité de suivi", { kind: "recurring", frequencyMonths: 5, row: 5 }),
      ],
    });
    const result = check(reg, "2025-01-15");
    const invalid = (row: number, label: string, value: number | null) => ({
      code: "invalid_value",
      ...onDeadline(row),
      field: "frequencyMonths",
      label,
      error: { code: "invalid_option", value, field: "Fréquence (mois)", options: "frequency_months" },
    });
    expect(result.findings).toEqual([
      invalid(3, "Rapport d'activité", 4),
      invalid(4, "Bilan", null),
      invalid(5, "Comité de suivi", 5),
      // the comité keeps its semesters: 2024-S2 held, 2025-S1 due
      { code: "committee_due", ...onConvention(), period: { label: "2025-S1", start: d("2025-01-01"), end: d("2025-06-30") }, date: d("2025-06-30"), daysLeft: 166 },
    ]);
  });

  it("reads a row of blank type with a frequency and no delay as recurring, met by meetings of type other", () => {
    // Years: 2024 in force 170 of 366 days, not required; 2025 required.
    const base = { conventions: [team2()], deadlines: [deadline("TEAM2", "Bilan annuel", { frequencyMonths: 12, row: 6 })] };
    expect(only(check(register(base), "2026-02-01"), "obligation_missing")).toEqual([
      {
        code: "obligation_missing",
        ...onDeadline(6),
        label: "Bilan annuel",
        period: { label: "2025", start: d("2025-01-01"), end: d("2025-12-31") },
        date: d("2025-12-31"),
        daysLeft: -32,
      },
    ]);
    const metByOther = register({ ...base, committees: [committee("TEAM2", "2025-03-01", "other")] });
    expect(only(check(metByOther, "2026-02-01"), "obligation_missing")).toEqual([]);
    const notByComite = register({ ...base, committees: [committee("TEAM2", "2025-03-01", "steering")] });
    expect(only(check(notByComite, "2026-02-01"), "obligation_missing")).toHaveLength(1);
    const doneOn = register({ conventions: [team2()], deadlines: [deadline("TEAM2", "Bilan annuel", { frequencyMonths: 12, doneOn: "2025-12-31" })] });
    expect(only(check(doneOn, "2026-02-01"), "obligation_missing")).toEqual([]);
  });

  it("matches the club territorial with club meetings only", () => {
    const reg = register({
      conventions: [team2()],
      committees: [committee("TEAM2", "2024-08-01", "steering"), committee("TEAM2", "2024-10-10", "club")],
      deadlines: [deadline("TEAM2", "Club Territorial (Action 2)", { kind: "recurring", frequencyMonths: 3, row: 2 })],
    });
    expect(only(check(reg, "2025-01-01"), "obligation_missing").map((f) => f.period?.label)).toEqual(["2024-T3"]);
  });
});

describe("checkRegister: milestones", () => {
  const withMilestone = (input: Parameters<typeof deadline>[2], conv = team2()) =>
    register({ conventions: [conv], committees: [], deadlines: [deadline(conv.id, "Pôle innovation", { kind: "milestone", row: 4, ...input })] });
  const milestones = (result: CheckResult) => only(result, "milestone_due", "milestone_overdue", "missing_date");

  it.each([
    ["2025-10-13", []], // 3 months ahead is 13/01/2026: not yet
    ["2025-10-14", [{ code: "milestone_due", daysLeft: 92 }]], // 17 + 30 + 31 + 14
    ["2026-01-14", [{ code: "milestone_due", daysLeft: 0 }]],
    ["2026-01-15", [{ code: "milestone_overdue", daysLeft: -1 }]],
  ])("18 months from 15/07/2024 is 14/01/2026: at %s", (asOf, expected) => {
    const found = milestones(check(withMilestone({ delayMonths: 18 }), asOf));
    expect(found).toEqual(expected.map((e) => ({ ...e, ...onDeadline(4), label: "Pôle innovation", date: d("2026-01-14") })));
  });

  it("lets the Date limite win over the delay", () => {
    const found = milestones(check(withMilestone({ delayMonths: 18, dueDate: "2025-12-31" }), "2026-01-01"));
    expect(found).toEqual([{ code: "milestone_overdue", ...onDeadline(4), label: "Pôle innovation", date: d("2025-12-31"), daysLeft: -1 }]);
  });

  it("ends a delay on the month's last day when the start's day does not exist", () => {
    // 31/08/2024 + 6 months: no 31/02/2025 → 28/02/2025
    const conv = convention("TEAM2", { start: "2024-08-31", duration: 36 });
    expect(milestones(check(withMilestone({ delayMonths: 6 }, conv), "2025-02-28"))).toEqual([
      { code: "milestone_due", ...onDeadline(4), label: "Pôle innovation", date: d("2025-02-28"), daysLeft: 0 },
    ]);
  });

  it("warns within the months asked, clamped at the month's end", () => {
    // 30/11/2025 + 3 months → 28/02/2026
    expect(milestones(check(withMilestone({ dueDate: "2026-02-28" }), "2025-11-30")).map((f) => f.code)).toEqual(["milestone_due"]);
    expect(milestones(check(withMilestone({ dueDate: "2026-03-01" }), "2025-11-30"))).toEqual([]);
    expect(milestones(check(withMilestone({ dueDate: "2026-05-30" }), "2025-11-30", { milestoneWarningMonths: 6 })).map((f) => f.code)).toEqual([
      "milestone_due",
    ]);
  });

  it("says nothing once done, even late", () => {
    expect(milestones(check(withMilestone({ delayMonths: 18, doneOn: "2026-03-01" }), "2026-06-01"))).toEqual([]);
  });

  it("reads a row of blank type with a delay or a Date limite as a milestone", () => {
    expect(milestones(check(withMilestone({ kind: null, delayMonths: 18 }), "2026-01-15")).map((f) => f.code)).toEqual(["milestone_overdue"]);
    expect(milestones(check(withMilestone({ kind: null, dueDate: "2026-01-14" }), "2026-01-15")).map((f) => f.code)).toEqual(["milestone_overdue"]);
  });

  it("reports a milestone with neither Date limite nor delay", () => {
    expect(milestones(check(withMilestone({}), "2026-01-15"))).toEqual([
      { code: "missing_date", ...onDeadline(4), field: "dueDate", label: "Pôle innovation" },
    ]);
  });
});

describe("checkRegister: deliberation, enforceable date and signature", () => {
  const dates = (input: Parameters<typeof team2>[0]) => only(check(register({ conventions: [team2(input)] }), "2024-08-01"), "inconsistent_dates");
  const inconsistent = (reason: string, field: string, date: string, otherDate: string) => ({
    code: "inconsistent_dates",
    ...onConvention(),
    reason,
    field,
    date: d(date),
    otherDate: d(otherDate),
  });

  it("flags a publication or a transmission before the deliberation", () => {
    expect(dates({ publicationDate: "2024-06-24", transmissionDate: "2024-06-20", enforceableDate: null })).toEqual([
      inconsistent("transmission_before_deliberation", "transmissionDate", "2024-06-20", "2024-06-25"),
      inconsistent("publication_before_deliberation", "publicationDate", "2024-06-24", "2024-06-25"),
    ]);
    expect(dates({ publicationDate: "2024-06-25", transmissionDate: "2024-06-25", enforceableDate: null })).toEqual([]);
  });

  it("flags a signature before the deliberation (once, not also before it is enforceable)", () => {
    expect(dates({ start: "2024-06-24" })).toEqual([inconsistent("start_before_deliberation", "start", "2024-06-24", "2024-06-25")]);
  });

  it("flags a signature before the deliberation is enforceable, the register's date or the computed one", () => {
    expect(dates({ start: "2024-07-11" })).toEqual([inconsistent("start_before_enforceable", "start", "2024-07-11", "2024-07-12")]);
    expect(dates({ start: "2024-07-11", enforceableDate: null })).toEqual([
      inconsistent("start_before_enforceable", "start", "2024-07-11", "2024-07-12"),
    ]);
    expect(dates({ start: "2024-07-12" })).toEqual([]);
    // unknown while the publication is missing
    expect(dates({ start: "2024-07-11", enforceableDate: null, publicationDate: null })).toEqual([]);
  });

  it("flags an enforceable date that is not the later of transmission and publication", () => {
    expect(dates({ enforceableDate: "2024-07-11" })).toEqual([inconsistent("enforceable_differs", "enforceableDate", "2024-07-11", "2024-07-12")]);
    expect(dates({ enforceableDate: "2024-07-11", publicationDate: null })).toEqual([]);
  });

  it("flags an avenant before the start or after the end then in force, on the avenant's row", () => {
    const reg = register({
      conventions: [team2()],
      amendments: [
        amendment("TEAM2", "2024-07-01", { number: "1", row: 2 }),
        amendment("TEAM2", "2027-03-01", { number: "2", newEnd: "2027-12-31", row: 3 }),
        amendment("TEAM2", "2027-10-01", { number: "3", row: 4 }), // after 14/07/2027 but within the extension
        amendment("TEAM2", "2028-01-02", { number: "4", newEnd: "2028-12-31", row: 5 }), // after 31/12/2027
      ],
    });
    const onAmendment = (row: number, date: string, otherDate: string) => ({
      code: "inconsistent_dates",
      conventionId: "TEAM2",
      table: "amendments",
      location: { sheet: "Avenants", row },
      reason: "amendment_outside_term",
      field: "date",
      date: d(date),
      otherDate: d(otherDate),
    });
    const result = check(reg, "2027-04-01");
    expect(only(result, "inconsistent_dates")).toEqual([onAmendment(2, "2024-07-01", "2024-07-15"), onAmendment(5, "2028-01-02", "2027-12-31")]);
    expect(result.conventions[0].end).toEqual(d("2028-12-31"));
  });

  it("flags an avenant extending a convention already ended, against the original end", () => {
    // Original end 14/07/2027 (also the register's, not updated); the avenant of 01/08/2027 comes too late, though it extends.
    const reg = register({
      conventions: [team2({ end: "2027-07-14" })],
      amendments: [amendment("TEAM2", "2027-08-01", { number: "1", newEnd: "2028-07-14", row: 2 })],
    });
    const result = check(reg, "2027-09-01");
    expect(only(result, "inconsistent_dates").map((f) => [f.table, f.reason, f.date, f.otherDate])).toEqual([
      ["conventions", "end_differs", d("2027-07-14"), d("2028-07-14")],
      ["amendments", "amendment_outside_term", d("2027-08-01"), d("2027-07-14")],
    ]);
  });

  it("flags an avenant after the register's end when no avenant changed it", () => {
    const reg = register({ conventions: [team2({ end: "2027-07-14" })], amendments: [amendment("TEAM2", "2027-07-15", { row: 2 })] });
    expect(only(check(reg, "2027-04-01"), "inconsistent_dates").map((f) => [f.reason, f.otherDate])).toEqual([
      ["amendment_outside_term", d("2027-07-14")],
    ]);
  });
});

describe("checkRegister: a convention with no date de notification", () => {
  const noStart = convention("TEAM2", { deliberationDate: "2024-06-25", publicationDate: "2024-06-20", duration: 36 });

  it("reports the missing start and still checks what needs no start", () => {
    const reg = register({
      conventions: [noStart],
      committees: [committee("TEAM2", "2024-10-03")],
      deadlines: [
        deadline("TEAM2", "Club territorial", { kind: "recurring", frequencyMonths: 3, row: 2 }),
        deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18, row: 3 }),
        deadline("TEAM2", "Rapport intermédiaire", { kind: "milestone", dueDate: "2025-01-31", row: 4 }),
      ],
    });
    const result = check(reg, "2025-03-01");
    expect(result.findings).toEqual([
      { code: "missing_date", ...onConvention(), field: "start" },
      {
        code: "inconsistent_dates",
        ...onConvention(),
        reason: "publication_before_deliberation",
        field: "publicationDate",
        date: d("2024-06-20"),
        otherDate: d("2024-06-25"),
      },
      { code: "milestone_overdue", ...onDeadline(4), label: "Rapport intermédiaire", date: d("2025-01-31"), daysLeft: -29 }, // 28 days of February + 1
    ]);
    expect(result.conventions[0]).toMatchObject({ start: null, end: null, status: null, missingSemesters: [], nextCommitteeDue: null });
  });

  it("reports the end too when nothing could give it", () => {
    const result = check(register({ conventions: [convention("TEAM2")] }), "2025-03-01");
    expect(codes(result)).toEqual(["missing_date", "missing_date"]);
    expect(result.findings.map(findingField)).toEqual(["start", "end"]);
  });

  it("keeps the register's end, and the meetings after it are outside the term", () => {
    const reg = register({
      conventions: [convention("TEAM2", { end: "2027-07-14" })],
      committees: [committee("TEAM2", "2027-09-01", "steering", 3)],
      amendments: [amendment("TEAM2", "2026-01-01", { newDuration: 48 })],
    });
    const result = check(reg, "2025-03-01");
    expect(codes(result)).toEqual(["missing_date", "inconsistent_dates:committee_outside_term"]);
    expect(result.conventions[0].end).toEqual(d("2027-07-14"));
  });
});

describe("checkRegister: rows naming no convention of the register", () => {
  it("reports each one on its row after the conventions' findings", () => {
    const reg = register({
      conventions: [team2()],
      committees: [committee("TEAM3", "2025-01-10", "steering", 7)],
      deadlines: [deadline("XX", "Bilan", { row: 4 })],
      amendments: [amendment("TEAM3", "2025-02-01", { row: 3 })],
    });
    const orphan = (conventionId: string, table: string, sheet: string, row: number) => ({
      code: "invalid_value",
      conventionId,
      table,
      location: { sheet, row },
      field: "conventionId",
      error: { code: "unknown_convention", value: conventionId, field: "Référence convention" },
    });
    const result = check(reg, "2024-07-01");
    expect(result.findings).toEqual([
      orphan("TEAM3", "committees", "Comités", 7),
      orphan("XX", "deadlines", "Échéances", 4),
      orphan("TEAM3", "amendments", "Avenants", 3),
    ]);
    const withFinding = check({ ...reg, conventions: [convention("TEAM2")] }, "2024-07-01");
    expect(codes(withFinding)).toEqual(["missing_date", "missing_date", "invalid_value", "invalid_value", "invalid_value"]);
  });
});

describe("checkRegister: order and purity", () => {
  const reg = register({
    conventions: [
      convention("B", { start: "2024-01-01", duration: 12, row: 2 }),
      convention("A", { start: "2023-01-01", duration: 12, row: 3, end: "2023-12-30" }),
    ],
    deadlines: [deadline("A", "Rapport", { dueDate: "2024-03-01" }), deadline("B", "Bilan", { kind: "recurring", frequencyMonths: 2 })],
  });

  it("lists findings by convention in register order, then by code, then by date", () => {
    const result = check(reg, "2025-03-01");
    expect(result.findings.map(loose).map((f) => `${f.conventionId} ${f.code} ${f.period?.label ?? f.reason ?? ""}`.trim())).toEqual([
      "B invalid_value",
      "B expired",
      "B missing_committee 2024-S1",
      "B missing_committee 2024-S2",
      "A inconsistent_dates end_differs",
      "A expired",
      "A missing_committee 2023-S1",
      "A missing_committee 2023-S2",
      "A milestone_overdue",
    ]);
    expect(result.conventions.map((c) => c.id)).toEqual(["B", "A"]);
  });

  it("gives the same result twice and leaves the register untouched", () => {
    const frozen = deepFreeze(reg);
    expect(check(frozen, "2025-03-01")).toEqual(check(frozen, "2025-03-01"));
  });

  it("gives no location when a row has no source", () => {
    const result = check(register({ conventions: [{ ...convention("C"), source: null }] }), "2025-03-01");
    expect(result.findings[0]).toEqual({ code: "missing_date", conventionId: "C", table: "conventions", field: "start" });
    expect(result.conventions[0].source).toBeNull();
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
