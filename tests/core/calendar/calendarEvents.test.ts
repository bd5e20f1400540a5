import ICAL from "ical.js";
import { calendarEvents, eventUid } from "../../../src/core/calendar/calendarEvents";
import { checkRegister } from "../../../src/core/check/checkRegister";
import { eventsIcs } from "../../../src/plans/eventsIcs";
import { Register } from "../../../src/core/register/registerSchema";
import { d, iso } from "../../helpers/dates";
import { committee, convention, deadline, register, team2 } from "../../helpers/register";

// TEAM2: published 12/07/2024 (appeal until Friday 13/09/2024), notified 15/07/2024, 3 years →
// ends 14/07/2027, notice of 6 months from 15/01/2027; "Pôle innovation" within 18 months →
// 14/01/2026; comités de suivi by calendar semester.
const TEAM2 = register({
  conventions: [
    team2({ row: 2 }),
    // Expired before any asOf used here: no event.
    convention("OLD", { start: "2019-01-01", duration: 12, publicationDate: "2018-12-20", row: 3 }),
    // No start: no end, no comité, no notice; its publication is far in the past.
    convention("NOSTART", { duration: 24, publicationDate: "2023-01-10", row: 4 }),
  ],
  deadlines: [
    deadline("TEAM2", "Club territorial", { kind: "recurring", frequencyMonths: 3 }),
    deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18 }),
    deadline("TEAM2", "Étude préalable", { kind: "milestone", dueDate: "2024-12-01", doneOn: "2024-10-01" }),
  ],
});

const run = (reg: Register, asOf: string, noticeMonths?: number) =>
  calendarEvents(reg, checkRegister(reg, { asOf: d(asOf), noticeMonths }), { asOf: d(asOf), noticeMonths });

describe("calendarEvents", () => {
  it("lists the upcoming deadlines of each convention, by date", () => {
    const events = run(TEAM2, "2024-08-01");
    expect(events.map((e) => [e.kind, e.conventionId, iso(e.date), e.label ?? null])).toEqual([
      ["appeal_deadline", "TEAM2", "2024-09-13", null],
      // 2024-S2 is in progress without its comité: its last day.
      ["committee_due", "TEAM2", "2024-12-31", null],
      ["milestone", "TEAM2", "2026-01-14", "Pôle innovation"],
      ["renewal_notice", "TEAM2", "2027-01-15", null],
      ["convention_end", "TEAM2", "2027-07-14", null],
    ]);
    expect(events.find((e) => e.kind === "convention_end")?.alarmDays).toEqual([90, 30, 7]);
    expect(events.find((e) => e.kind === "renewal_notice")).toMatchObject({ months: 6, relatedDate: d("2027-07-14") });
    expect(events.find((e) => e.kind === "appeal_deadline")).toMatchObject({ months: 2, relatedDate: d("2024-07-12") });
  });

  it("drops what has passed, the reminders already past, and follows the comités held", () => {
    const held = register({ ...TEAM2, committees: [committee("TEAM2", "2027-02-10")] });
    // At 01/06/2027: 43 days before the end, so the 90-day reminder is past; 2027-S1 has its comité,
    // 2027-S2 (14 days in force of 184) is not required: no comité left to hold.
    const events = run(held, "2027-06-01");
    expect(events.map((e) => [e.kind, iso(e.date)])).toEqual([["convention_end", "2027-07-14"]]);
    expect(events[0].alarmDays).toEqual([30, 7]);
    const without = run(TEAM2, "2027-06-01");
    expect(without.map((e) => [e.kind, iso(e.date)])).toEqual([
      ["committee_due", "2027-06-30"],
      ["convention_end", "2027-07-14"],
    ]);
  });

  it("takes the notice from the convention's Préavis (mois), else from the option", () => {
    const own = register({ conventions: [team2({ noticeMonths: 3 })] });
    expect(run(own, "2024-08-01").find((e) => e.kind === "renewal_notice")?.date).toEqual(d("2027-04-15"));
    expect(run(TEAM2, "2024-08-01", 12).find((e) => e.kind === "renewal_notice")?.date).toEqual(d("2026-07-15"));
  });

  it("gives UIDs that stay the same from one export to the next, and differ between conventions and milestones", () => {
    const first = run(TEAM2, "2024-08-01");
    const later = run(TEAM2, "2024-10-01");
    const uids = (events: typeof first) => new Map(events.map((e) => [e.kind + (e.label ?? ""), e.uid]));
    for (const [key, uid] of uids(later)) expect(uids(first).get(key)).toBe(uid);
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    expect(eventUid("convention_end", "TEAM2")).toBe("convention_end.TEAM2@registre-conventions");
    expect(eventUid("milestone", "Réf 1/2", "Pôle")).toBe("milestone.R%C3%A9f%201%2F2.P%C3%B4le@registre-conventions");
    expect(eventUid("convention_end", "A.B")).not.toBe(eventUid("convention_end", "A%2EB"));
  });
});

describe("eventsIcs: the .ics of the register's deadlines", () => {
  const ics = (): string => eventsIcs(calendarEvents(TEAM2, checkRegister(TEAM2, { asOf: d("2024-08-01") }), { asOf: d("2024-08-01") }), d("2024-08-01"));
  const text = ics();

  it("is the same file for the same register and date (no clock), stamped with that date", () => {
    expect(ics()).toBe(text);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(text.match(/DTSTAMP:20240801T000000Z/g)).toHaveLength(5);
  });

  it("opens in a calendar parser with one all-day event per deadline, in French, and the end's reminders", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Échéances des conventions");
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual([
      ["2024-09-13", "Fin du délai de recours contentieux — TEAM2"],
      ["2024-12-31", "Comité de suivi à tenir au plus tard ce jour — TEAM2"],
      ["2026-01-14", "Jalon « Pôle innovation » — TEAM2"],
      ["2027-01-15", "Préavis : préparer le renouvellement de la convention TEAM2"],
      ["2027-07-14", "Fin de la convention TEAM2"],
    ]);
    for (const event of events) expect(event.startDate.isDate).toBe(true);
    const end = events[4];
    expect(end.description).toBe(
      "Convention TEAM2 — Convention de partenariat TEAM2\nPartenaire : Association TEAM2\nDernier jour en vigueur : mercredi 14 juillet 2027.",
    );
    const alarms = end.component.getAllSubcomponents("valarm");
    expect(alarms.map((a) => String(a.getFirstPropertyValue("trigger")))).toEqual(["-P90D", "-P30D", "-P7D"]);
    expect(alarms[1].getFirstPropertyValue("description")).toBe("Dans 30 jours : fin de la convention TEAM2");
    expect(events[0].description).toContain("publiée le 12/07/2024");
  });
});
