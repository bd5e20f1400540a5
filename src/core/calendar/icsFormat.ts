/**
 * An iCalendar file (RFC 5545) of all-day events: lines ended by CRLF and folded at 75 octets of
 * UTF-8, TEXT values escaped, DTSTAMP given by the caller (never the clock), each event dated
 * DTSTART;VALUE=DATE with DTEND the next day, and its reminders as VALARMs.
 */
import { CalendarDate } from "../dates/calendarDate";
import { addDays } from "../dates/dayNumber";

export interface IcsAlarm {
  /** Days before the event's day (at its start, 00:00 local time). */
  readonly daysBefore: number;
  readonly description: string;
}

export interface IcsEvent {
  /** Stable across exports: a calendar that imports the file again updates the event. */
  readonly uid: string;
  readonly date: CalendarDate;
  readonly summary: string;
  readonly description?: string;
  readonly categories?: readonly string[];
  readonly alarms?: readonly IcsAlarm[];
}

export interface IcsCalendar {
  /** PRODID: who made the file ("-//Éditeur//Produit//FR"). */
  readonly productId: string;
  /** The calendar's name (X-WR-CALNAME), shown by the clients that read it. */
  readonly name?: string;
  /** DTSTAMP of every event: the day the file describes, at 00:00 UTC. */
  readonly stamp: CalendarDate;
  readonly events: readonly IcsEvent[];
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/**
 * A TEXT value escaped as RFC 5545 §3.3.11 asks: backslash, semicolon, comma and line ends. The
 * other control characters (a register's text may hold one) are no TEXT at all: left out.
 * @example escapeIcsText("Fin; préavis, voir\nnote") // "Fin\\; préavis\\, voir\\nnote"
 */
export function escapeIcsText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- control characters are what is left out
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * One content line folded as RFC 5545 §3.1 asks: no line longer than 75 octets of UTF-8 (CRLF
 * excluded), each continuation starting with a space; a character is never cut in two.
 * @example foldIcsLine("SUMMARY:" + "é".repeat(40)).split("\r\n").map(l => Buffer.byteLength(l)) // [75, 75, …]
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1; // a continuation's leading space counts
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** "20240712": a DATE value. */
function icsDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}${pad(date.month, 2)}${pad(date.day, 2)}`;
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    // The day after 31/12/9999 has no four-digit year (RFC 5545 §3.3.4): that day's event lasts one day by DURATION.
    event.date.year >= 9999 && event.date.month === 12 && event.date.day === 31 ? "DURATION:P1D" : `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  if (event.categories !== undefined && event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeIcsText).join(",")}`);
  lines.push("TRANSP:TRANSPARENT");
  for (const alarm of event.alarms ?? []) {
    lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:-P${alarm.daysBefore}D`, `DESCRIPTION:${escapeIcsText(alarm.description)}`, "END:VALARM");
  }
  lines.push("END:VEVENT");
  return lines;
}

/**
 * The text of an .ics file: VCALENDAR (VERSION 2.0, PRODID, CALSCALE, METHOD:PUBLISH) holding one
 * all-day VEVENT per event, every line folded and ended by CRLF.
 * @example formatIcs({ productId: "-//x//y//FR", stamp: d("2026-03-01"), events: [] }).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") // true
 */
export function formatIcs(calendar: IcsCalendar): string {
  const stamp = `${icsDate(calendar.stamp)}T000000Z`;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${escapeIcsText(calendar.productId)}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name !== undefined) lines.push(`X-WR-CALNAME:${escapeIcsText(calendar.name)}`);
  for (const event of calendar.events) lines.push(...eventLines(event, stamp));
  lines.push("END:VCALENDAR");
  return lines.map((line) => foldIcsLine(line) + CRLF).join("");
}
