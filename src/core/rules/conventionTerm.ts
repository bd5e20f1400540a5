import { CalendarDate } from "../dates/calendarDate";
import { compareDates } from "../dates/dayNumber";
import { dateToSerial } from "../dates/excelSerial";
import { EndRule, endOfTerm } from "./endOfTerm";
import { Amendment, Convention } from "../register/registerSchema";

/** An avenant of the convention, with the end that was in force just before it was signed. */
export interface AmendmentStep {
  readonly amendment: Amendment;
  /** Null when that end cannot be known (no start, or no duration before a first extension). */
  readonly endBefore: CalendarDate | null;
}

export interface ConventionTerm {
  /** The date de notification: the term starts on it. */
  readonly start: CalendarDate | null;
  /** End of the original term: start + duration (start day counted); null without either. */
  readonly durationEnd: CalendarDate | null;
  /** The latest avenant (by date, then N°) that changes the end: it sets a new end or a new total duration. */
  readonly endAmendment: Amendment | null;
  /** The end that avenant sets: its new end, else start + its new total duration; null when unknown. */
  readonly amendmentEnd: CalendarDate | null;
  /** The end that follows from the contract: the avenant's when one changes the end, else the original term's. */
  readonly computedEnd: CalendarDate | null;
  /**
   * The end the check uses: the avenant's when one changes the end (the register's end when that
   * avenant's end cannot be computed), else the register's end, else the original term's.
   */
  readonly end: CalendarDate | null;
  /** The convention's avenants in date order (then N°), each with the end in force before it. */
  readonly steps: readonly AmendmentStep[];
  /**
   * The months (the duration, or an avenant's new duration) whose end would fall after 31/12/9999,
   * the last day Excel shows; that end is left unknown (null above). Null when none does.
   */
  readonly monthsPastExcel: number | null;
}

/**
 * The term of a convention read from its row and its avenants: "pour une durée de N à compter de
 * sa notification", then extended or shortened by avenant; the latest avenant changing the end wins.
 * @example conventionTerm({ …, start: d("2024-07-15"), duration: 36, end: null }, []).end // { year: 2027, month: 7, day: 14 }
 */
export function conventionTerm(convention: Convention, amendments: readonly Amendment[], rule: EndRule = "veille"): ConventionTerm {
  const start = convention.start;
  // Most conventions have no avenant: their term is their row's.
  if (amendments.length === 0) {
    const durationEnd = endWithin(start, convention.duration, rule);
    const monthsPastExcel = durationEnd === null && start !== null && convention.duration !== null ? convention.duration : null;
    return { start, durationEnd, endAmendment: null, amendmentEnd: null, computedEnd: durationEnd, end: convention.end ?? durationEnd, steps: NO_STEPS, monthsPastExcel };
  }
  let monthsPastExcel: number | null = null;
  // An end after 31/12/9999 is no date Excel can hold: unknown, and said once (monthsPastExcel).
  const termEnd = (months: number | null): CalendarDate | null => {
    const end = endWithin(start, months, rule);
    if (end === null && start !== null && months !== null) monthsPastExcel ??= months;
    return end;
  };
  const durationEnd = termEnd(convention.duration);
  const ordered = amendments.filter((a) => a.conventionId === convention.id).sort(compareAmendments);
  const changing = ordered.filter(changesEnd);
  const endAmendment = changing.length > 0 ? changing[changing.length - 1] : null;
  const endSetBy = (a: Amendment): CalendarDate | null => a.newEnd ?? termEnd(a.newDuration);
  const amendmentEnd = endAmendment === null ? null : endSetBy(endAmendment);
  const computedEnd = endAmendment === null ? durationEnd : amendmentEnd;
  const end = endAmendment === null ? (convention.end ?? durationEnd) : (amendmentEnd ?? convention.end);

  // Before any extension the original term applies; the register's end may already show the
  // latest avenant's, so it stands for the original end only when no avenant changes the end.
  let endBefore = endAmendment === null ? end : durationEnd;
  const steps = ordered.map((amendment) => {
    const step = { amendment, endBefore };
    if (changesEnd(amendment)) endBefore = endSetBy(amendment);
    return step;
  });
  return { start, durationEnd, endAmendment, amendmentEnd, computedEnd, end, steps, monthsPastExcel };
}

const NO_STEPS: readonly AmendmentStep[] = Object.freeze([]);

/** The end of a term of `months` from `start`; null when either is unknown or the end falls after 31/12/9999. */
function endWithin(start: CalendarDate | null, months: number | null, rule: EndRule): CalendarDate | null {
  if (start === null || months === null) return null;
  const end = endOfTerm(start, months, rule);
  return dateToSerial(end).ok ? end : null;
}

/** Whether an avenant sets a new end or a new total duration. */
export function changesEnd(amendment: Amendment): boolean {
  return amendment.newEnd !== null || amendment.newDuration !== null;
}

/**
 * Order of avenants: by date, then by N° read as a person reads it ("2" before "10",
 * "Avenant 2" before "Avenant 10"); an avenant without N° comes first on its date.
 * @example compareAmendments({ date: d("2025-01-10"), number: "10", … }, { date: d("2025-01-10"), number: "2", … }) // > 0
 */
export function compareAmendments(a: Amendment, b: Amendment): number {
  return compareDates(a.date, b.date) || compareNumbers(a.number, b.number);
}

function compareNumbers(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    const order = bothDigits ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** "Avenant n°10" → ["avenant n°", "10"]: runs of digits and of other characters, lower case. */
function chunks(text: string): string[] {
  return text.trim().toLowerCase().match(/\d+|\D+/g) ?? [];
}
