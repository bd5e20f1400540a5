import { deadlineKindOf, obligationMeetingType } from "../../../src/core/rules/deadlineKind";
import { milestoneDeadline } from "../../../src/core/rules/milestoneDeadline";
import { d } from "../../helpers/dates";
import { deadline } from "../../helpers/register";

describe("deadlineKindOf", () => {
  it("keeps the Type when given", () => {
    expect(deadlineKindOf(deadline("C", "x", { kind: "milestone", frequencyMonths: 3 }))).toBe("milestone");
    expect(deadlineKindOf(deadline("C", "x", { kind: "recurring", delayMonths: 3 }))).toBe("recurring");
  });

  it("reads a blank Type from the other cells", () => {
    expect(deadlineKindOf(deadline("C", "x", { frequencyMonths: 3 }))).toBe("recurring");
    expect(deadlineKindOf(deadline("C", "x", { frequencyMonths: 3, delayMonths: 18 }))).toBe("milestone");
    expect(deadlineKindOf(deadline("C", "x", { delayMonths: 18 }))).toBe("milestone");
    expect(deadlineKindOf(deadline("C", "x", { dueDate: "2026-01-14" }))).toBe("milestone");
    expect(deadlineKindOf(deadline("C", "x"))).toBe("milestone");
  });
});

describe("obligationMeetingType", () => {
  it.each([
    ["Club territorial", "club"],
    ["CLUB TERRITORIAL (action 2)", "club"],
    ["Comité de suivi", "steering"],
    ["Réunion du comite", "steering"],
    ["Club du comité", "club"],
    ["Rapport annuel", "other"],
  ])("%s → %s", (label, type) => {
    expect(obligationMeetingType(label)).toBe(type);
  });
});

describe("milestoneDeadline", () => {
  it("counts the delay from the start like a term", () => {
    expect(milestoneDeadline(deadline("C", "x", { delayMonths: 18 }), d("2024-07-15"))).toEqual(d("2026-01-14"));
    expect(milestoneDeadline(deadline("C", "x", { delayMonths: 18 }), d("2024-07-15"), "quantieme")).toEqual(d("2026-01-15"));
    expect(milestoneDeadline(deadline("C", "x", { delayMonths: 6 }), d("2024-08-31"))).toEqual(d("2025-02-28"));
    expect(milestoneDeadline(deadline("C", "x", { delayMonths: 12 }), d("2023-03-01"))).toEqual(d("2024-02-29"));
  });

  it("takes the Date limite first, and is unknown without it and without a start", () => {
    expect(milestoneDeadline(deadline("C", "x", { delayMonths: 18, dueDate: "2025-12-31" }), d("2024-07-15"))).toEqual(d("2025-12-31"));
    expect(milestoneDeadline(deadline("C", "x", { dueDate: "2025-12-31" }), null)).toEqual(d("2025-12-31"));
    expect(milestoneDeadline(deadline("C", "x", { delayMonths: 18 }), null)).toBeNull();
    expect(milestoneDeadline(deadline("C", "x"), d("2024-07-15"))).toBeNull();
  });
});
