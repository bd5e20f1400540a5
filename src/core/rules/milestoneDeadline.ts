import { CalendarDate } from "../dates/calendarDate";
import { EndRule, endOfTerm } from "./endOfTerm";
import { Deadline } from "../register/registerSchema";
import { dateToSerial } from "../dates/excelSerial";

/**
 * Deadline of a milestone (jalon): its Date limite when given, else its delay counted from the
 * convention's start like a term ("dans un délai de 18 mois": the start day counts); null when
 * neither can be known, or when the delay leads past 31/12/9999 (no date Excel can hold).
 * @example milestoneDeadline({ dueDate: null, delayMonths: 18, … }, d("2024-07-15")) // { year: 2026, month: 1, day: 14 }
 */
export function milestoneDeadline(deadline: Deadline, start: CalendarDate | null, rule: EndRule = "veille"): CalendarDate | null {
  if (deadline.dueDate !== null) return deadline.dueDate;
  if (deadline.delayMonths === null || start === null) return null;
  const due = endOfTerm(start, deadline.delayMonths, rule);
  return dateToSerial(due).ok ? due : null;
}
