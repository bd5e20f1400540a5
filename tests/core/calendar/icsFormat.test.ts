import ICAL from "ical.js";
import { escapeIcsText, foldIcsLine, formatIcs } from "../../../src/core/calendar/icsFormat";
import { d } from "../../helpers/dates";

const octets = (line: string): number => Buffer.byteLength(line, "utf8");

describe("escapeIcsText", () => {
  it("escapes backslash, semicolon, comma and line ends (RFC 5545 §3.3.11)", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(escapeIcsText("Échéance : 14/07/2027")).toBe("Échéance : 14/07/2027");
  });
});

describe("foldIcsLine", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a line starting with a space", () => {
    expect(foldIcsLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldIcsLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
  });

  it("counts UTF-8 octets and never cuts a character in two", () => {
    const line = `SUMMARY:${"é".repeat(60)}${"€".repeat(20)}😀`;
    const parts = foldIcsLine(line).split("\r\n");
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    parts.slice(1).forEach((part) => expect(part.startsWith(" ")).toBe(true));
    // Unfolding gives the line back.
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    // "SUMMARY:" (8) + 33 × "é" (66) = 74: a 34th would make 76.
    expect(octets(parts[0])).toBe(74);
  });
});

describe("formatIcs", () => {
  const text = formatIcs({
    productId: "-//Test//Échéances//FR",
    name: "Échéances",
    stamp: d("2026-03-01"),
    events: [
      {
        uid: "convention_end.TEAM2-2024@registre-conventions",
        date: d("2027-07-14"),
        summary: "Fin de la convention TEAM2-2024; préavis, voir note",
        description: `Ligne 1\nLigne 2 : ${"très longue ".repeat(10)}`,
        categories: ["Fin de convention"],
        alarms: [{ daysBefore: 90, description: "Dans 90 jours" }],
      },
      { uid: "u2", date: d("2024-12-31"), summary: "Fin d'année" },
    ],
  });

  it("ends every line with CRLF and keeps each within 75 octets", () => {
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("dates each event as an all-day event ending the next day, stamped from the date given", () => {
    expect(text).toContain("DTSTART;VALUE=DATE:20270714\r\nDTEND;VALUE=DATE:20270715\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n");
    expect(text.match(/DTSTAMP:20260301T000000Z/g)).toHaveLength(2);
  });

  it("is read by a calendar parser (ical.js) with the same events, texts and alarms", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Test//Échéances//FR");
    const [first, second] = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(first.uid).toBe("convention_end.TEAM2-2024@registre-conventions");
    expect(first.summary).toBe("Fin de la convention TEAM2-2024; préavis, voir note");
    expect(first.description).toBe(`Ligne 1\nLigne 2 : ${"très longue ".repeat(10)}`);
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe("2027-07-14");
    expect(first.endDate.toString()).toBe("2027-07-15");
    const alarm = first.component.getFirstSubcomponent("valarm");
    expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(String(alarm?.getFirstPropertyValue("trigger"))).toBe("-P90D");
    expect(second.endDate.toString()).toBe("2025-01-01");
  });
});

describe("formatIcs on Excel's last day", () => {
  it("gives an event on 31/12/9999 a DURATION of one day: the day after has no four-digit year (RFC 5545 §3.3.4)", () => {
    const text = formatIcs({ productId: "-//Test//FR", name: "Fin", stamp: d("9999-11-01"), events: [{ uid: "u", date: d("9999-12-31"), summary: "Dernier jour" }] });
    expect(text).toContain("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n");
    expect(text).not.toMatch(/DTEND|\d{9}/);
    const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(event.startDate.toString()).toBe("9999-12-31");
    expect(event.duration.toString()).toBe("P1D");
  });
});
