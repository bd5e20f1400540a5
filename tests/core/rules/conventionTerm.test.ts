import { changesEnd, compareAmendments, conventionTerm } from "../../../src/core/rules/conventionTerm";
import { d } from "../../helpers/dates";
import { amendment, convention, team2 } from "../../helpers/register";

describe("conventionTerm", () => {
  it("reads start + duration, the start day counted", () => {
    const term = conventionTerm(team2(), []);
    expect(term).toEqual({
      start: d("2024-07-15"),
      durationEnd: d("2027-07-14"),
      endAmendment: null,
      amendmentEnd: null,
      computedEnd: d("2027-07-14"),
      end: d("2027-07-14"),
      steps: [],
      monthsPastExcel: null,
    });
  });

  it("leaves unknown an end past 31/12/9999, Excel's last day, and says which months lead there", () => {
    const term = conventionTerm(convention("LOIN", { start: "9997-09-22", duration: 36 }), []);
    expect([term.durationEnd, term.computedEnd, term.end, term.monthsPastExcel]).toEqual([null, null, null, 36]);
    // The last day itself is a date Excel holds.
    expect(conventionTerm(convention("BORD", { start: "9997-01-01", duration: 36 }), []).end).toEqual(d("9999-12-31"));
    // An avenant's new duration is read the same way.
    const extended = conventionTerm(convention("LOIN", { start: "9990-01-01", duration: 12 }), [amendment("LOIN", "9990-06-01", { newDuration: 240 })]);
    expect([extended.amendmentEnd, extended.monthsPastExcel]).toEqual([null, 240]);
  });

  it("prefers the register's end when no avenant changes it, and keeps the computed one to compare", () => {
    const term = conventionTerm(team2({ end: "2027-07-15" }), []);
    expect(term.end).toEqual(d("2027-07-15"));
    expect(term.computedEnd).toEqual(d("2027-07-14"));
  });

  it("ignores avenants of other conventions", () => {
    const term = conventionTerm(team2(), [amendment("OTHER", "2025-01-01", { newEnd: "2030-12-31" })]);
    expect(term.end).toEqual(d("2027-07-14"));
    expect(term.steps).toEqual([]);
  });

  it("gives each avenant the end in force before it", () => {
    const first = amendment("TEAM2", "2026-01-10", { number: "1", newDuration: 48 }); // → 14/07/2028
    const second = amendment("TEAM2", "2027-02-01", { number: "2" });
    const third = amendment("TEAM2", "2028-03-01", { number: "3", newEnd: "2029-12-31" });
    const term = conventionTerm(team2(), [third, second, first]);
    expect(term.steps.map((s) => [s.amendment.number, s.endBefore])).toEqual([
      ["1", d("2027-07-14")],
      ["2", d("2028-07-14")],
      ["3", d("2028-07-14")],
    ]);
    expect(term.endAmendment).toBe(third);
    expect(term.end).toEqual(d("2029-12-31"));
  });

  it("cannot compute an avenant's new duration without a start: the register's end stands", () => {
    const term = conventionTerm(convention("C", { end: "2027-07-14" }), [amendment("C", "2026-01-10", { newDuration: 48 })]);
    expect(term).toMatchObject({ amendmentEnd: null, computedEnd: null, end: d("2027-07-14") });
    expect(term.steps[0].endBefore).toBeNull();
  });

  it("does not reorder the array it is given", () => {
    const list = [amendment("TEAM2", "2026-01-10", { number: "2" }), amendment("TEAM2", "2025-01-10", { number: "1" })];
    conventionTerm(team2(), list);
    expect(list.map((a) => a.number)).toEqual(["2", "1"]);
  });
});

describe("compareAmendments", () => {
  const at = (date: string, number: string | null) => amendment("C", date, { number });
  it("orders by date, then by N° as a person reads it", () => {
    expect(compareAmendments(at("2025-01-01", "9"), at("2025-01-02", "1"))).toBeLessThan(0);
    expect(compareAmendments(at("2025-01-01", "10"), at("2025-01-01", "2"))).toBeGreaterThan(0);
    expect(compareAmendments(at("2025-01-01", "Avenant n°10"), at("2025-01-01", "avenant n°9"))).toBeGreaterThan(0);
    expect(compareAmendments(at("2025-01-01", null), at("2025-01-01", "1"))).toBeLessThan(0);
    expect(compareAmendments(at("2025-01-01", "1"), at("2025-01-01", "1 bis"))).toBeLessThan(0);
    expect(compareAmendments(at("2025-01-01", "2"), at("2025-01-01", "2"))).toBe(0);
  });

  it("knows which avenants change the end", () => {
    expect(changesEnd(amendment("C", "2025-01-01", { newEnd: "2026-01-01" }))).toBe(true);
    expect(changesEnd(amendment("C", "2025-01-01", { newDuration: 24 }))).toBe(true);
    expect(changesEnd(amendment("C", "2025-01-01"))).toBe(false);
  });
});
