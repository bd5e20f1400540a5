/**
 * The upcoming deadlines of a register as calendar events (data; the French words are added by
 * src/i18n/calendar.fr.ts and the file written by icsFormat): the end of each convention and its
 * notice date, the last day for its next comité de suivi, its milestones not done, and the appeal
 * deadline of its deliberation while it still runs.
 */
import { appealDeadline } from "../rules/appealDeadline";
import { CalendarDate } from "../dates/calendarDate";
import { CheckOptions, CheckResult } from "../check/checkRegister";
import { noticeStart } from "../rules/conventionStatus";
import { addDays, compareDates } from "../dates/dayNumber";
import { deadlineKindOf } from "../rules/deadlineKind";
import { HolidayZone } from "../dates/holidayZone";
import { milestoneDeadline } from "../rules/milestoneDeadline";
import { dateToSerial } from "../dates/excelSerial";
import { Convention, Register } from "../register/registerSchema";

export type CalendarEventKind =
  /** The convention's last day in force. */
  | "convention_end"
  /** The first day of its notice period: time to prepare the renewal. */
  | "renewal_notice"
  /** The last day to hold its next comité de suivi. */
  | "committee_due"
  /** A milestone's deadline. */
  | "milestone"
  /** The last day to file an appeal against its deliberation. */
  | "appeal_deadline";

export interface DeadlineEvent {
  readonly kind: CalendarEventKind;
  /** Stable across exports (convention reference, kind, milestone label): re-importing updates the event. */
  readonly uid: string;
  readonly conventionId: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly date: CalendarDate;
  /** The milestone's label. */
  readonly label?: string;
  /** renewal_notice: the end it prepares; appeal_deadline: the publication it counts from. */
  readonly relatedDate?: CalendarDate;
  /** renewal_notice: months of notice; appeal_deadline: months of the délai. */
  readonly months?: number;
  /** Reminders, in days before the event: 90, 30 and 7 for a convention's end, those not yet past at asOf. */
  readonly alarmDays: readonly number[];
}

export interface CalendarOptions extends Pick<CheckOptions, "asOf" | "noticeMonths" | "endRule"> {
  /** Months of the délai de recours contentieux (2 by default). */
  readonly appealMonths?: number;
  readonly zone?: HolidayZone;
}

/** As the check: a convention without Préavis (mois) gets 6 months of notice. */
const DEFAULT_NOTICE_MONTHS = 6;
const END_ALARM_DAYS = [90, 30, 7] as const;
const KIND_ORDER: readonly CalendarEventKind[] = ["appeal_deadline", "committee_due", "milestone", "renewal_notice", "convention_end"];

/**
 * A UID from its parts: characters other than letters, digits, "-", "." and "_" are written as
 * %XX of their UTF-8 bytes, so that different references never give the same UID.
 * @example eventUid("convention_end", "TEAM2-2024") // "convention_end.TEAM2-2024@registre-conventions"
 */
export function eventUid(kind: CalendarEventKind, conventionId: string, label?: string): string {
  const encode = (part: string): string => encodeURIComponent(part).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}.${encode(conventionId)}${label === undefined ? "" : `.${encode(label)}`}@registre-conventions`;
}

/**
 * The upcoming deadlines (on or after asOf) of a register and its check, as all-day events sorted
 * by date. The end and the next comité come from the check's summary of each convention (the end
 * set by the latest avenant, the comités held); conventions whose term is unknown give none.
 * @example calendarEvents(register, checkRegister(register, { asOf }), { asOf }).map(e => e.kind)
 *   // ["committee_due", "milestone", "renewal_notice", "convention_end"]
 */
export function calendarEvents(register: Register, check: CheckResult, options: CalendarOptions): DeadlineEvent[] {
  const { asOf } = options;
  const conventions = new Map<string, Convention>(register.conventions.map((c) => [c.id, c]));
  // A date past 31/12/9999 (an appeal deadline of a publication in late 9999) is no date Excel or a calendar holds.
  const upcoming = (date: CalendarDate | null): date is CalendarDate => date !== null && compareDates(date, asOf) >= 0 && dateToSerial(date).ok;
  const events: DeadlineEvent[] = [];
  check.conventions.forEach((summary) => {
    const convention = conventions.get(summary.id);
    const base = { conventionId: summary.id, title: summary.title, partner: summary.partner, alarmDays: [] as number[] };
    const publication = convention?.publicationDate ?? null;
    if (publication !== null) {
      const months = options.appealMonths ?? 2;
      const last = appealDeadline(publication, { months, zone: options.zone ?? "metropole" });
      if (upcoming(last)) events.push({ ...base, kind: "appeal_deadline", uid: eventUid("appeal_deadline", summary.id), date: last, relatedDate: publication, months });
    }
    if (summary.status !== null && upcoming(summary.nextCommitteeDue)) {
      events.push({ ...base, kind: "committee_due", uid: eventUid("committee_due", summary.id), date: summary.nextCommitteeDue });
    }
    const seen = new Map<string, number>();
    for (const deadline of register.deadlines) {
      if (deadline.conventionId !== summary.id || deadlineKindOf(deadline) !== "milestone" || deadline.doneOn !== null) continue;
      const count = (seen.get(deadline.label) ?? 0) + 1;
      seen.set(deadline.label, count);
      const due = milestoneDeadline(deadline, summary.start, options.endRule ?? "veille");
      const key = count === 1 ? deadline.label : `${deadline.label} (${count})`;
      if (upcoming(due)) events.push({ ...base, kind: "milestone", uid: eventUid("milestone", summary.id, key), date: due, label: deadline.label });
    }
    const end = summary.end;
    if (summary.status === null || !upcoming(end)) return;
    const months = convention?.noticeMonths ?? options.noticeMonths ?? DEFAULT_NOTICE_MONTHS;
    const notice = noticeStart(end, months);
    if (months > 0 && upcoming(notice)) {
      events.push({ ...base, kind: "renewal_notice", uid: eventUid("renewal_notice", summary.id), date: notice, relatedDate: end, months });
    }
    const alarmDays = END_ALARM_DAYS.filter((days) => compareDates(addDays(end, -days), asOf) >= 0);
    events.push({ ...base, kind: "convention_end", uid: eventUid("convention_end", summary.id), date: end, alarmDays });
  });
  const order = new Map(check.conventions.map((c, i) => [c.id, i]));
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        compareDates(a.event.date, b.event.date) ||
        (order.get(a.event.conventionId) ?? 0) - (order.get(b.event.conventionId) ?? 0) ||
        KIND_ORDER.indexOf(a.event.kind) - KIND_ORDER.indexOf(b.event.kind) ||
        a.index - b.index,
    )
    .map((x) => x.event);
}
