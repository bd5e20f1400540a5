import { CalendarDate } from "../core/dates/calendarDate";
import { DeadlineEvent } from "../core/calendar/calendarEvents";
import { formatIcs } from "../core/calendar/icsFormat";
import { CALENDAR, CALENDAR_CATEGORIES, alarmDescription, eventDescription, eventSummary } from "../i18n/calendar.fr";

/**
 * "Exporter les échéances": the text of an .ics file (RFC 5545, to write in UTF-8) with one
 * all-day event per upcoming deadline of the register at asOf, as calendarEvents lists them (once:
 * the pane and the command line also count them), in French, with reminders 90, 30 and 7 days
 * before the end of each convention. DTSTAMP is asOf: the same register and asOf always give the
 * same file, and the UIDs stay the same from one export to the next, so that importing the file
 * again updates the events instead of duplicating them.
 * @example eventsIcs(calendarEvents(register, checkRegister(register, { asOf }), { asOf }), asOf) // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…"
 */
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
