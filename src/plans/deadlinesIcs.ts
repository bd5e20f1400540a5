import { CalendarDate } from "../core/dates/calendarDate";
import { CalendarOptions, DeadlineEvent, calendarEvents } from "../core/calendar/calendarEvents";
import { CheckResult } from "../core/check/checkRegister";
import { formatIcs } from "../core/calendar/icsFormat";
import { Register } from "../core/register/registerSchema";
import { CALENDAR, CALENDAR_CATEGORIES, alarmDescription, eventDescription, eventSummary } from "../i18n/calendar.fr";

/**
 * "Exporter les échéances": the text of an .ics file (RFC 5545, to write in UTF-8) with one
 * all-day event per upcoming deadline of the register at asOf (see calendarEvents), in French,
 * with reminders 90, 30 and 7 days before the end of each convention. DTSTAMP is asOf: the same
 * register and asOf always give the same file, and the UIDs stay the same from one export to the
 * next, so that importing the file again updates the events instead of duplicating them.
 * @example deadlinesIcs(register, checkRegister(register, { asOf }), { asOf }) // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…"
 */
export function deadlinesIcs(register: Register, check: CheckResult, options: CalendarOptions): string {
  return eventsIcs(calendarEvents(register, check, options), options.asOf);
}

/** The .ics text of events already listed (a caller that also counts them lists them once). */
export function eventsIcs(events: readonly DeadlineEvent[], asOf: CalendarDate): string {
  return formatIcs({
    productId: CALENDAR.productId,
    name: CALENDAR.name,
    stamp: asOf,
    events: events.map((event) => ({
      uid: event.uid,
      date: event.date,
      summary: eventSummary(event),
      description: eventDescription(event),
      categories: [CALENDAR_CATEGORIES[event.kind]],
      alarms: event.alarmDays.map((days) => ({ daysBefore: days, description: alarmDescription(event, days) })),
    })),
  });
}
