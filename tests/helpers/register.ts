/**
 * Builders of in-memory registers for tests: every field blank unless given, dates written as
 * "2024-07-15", each row placed on its sheet at the row given (2 by default: under the headers).
 */
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { Amendment, Committee, CommitteeType, Convention, Deadline, DeadlineKind, Register, RowSource } from "../../src/core/register/registerSchema";
import { d } from "./dates";

type DateText = string | null;
const day = (text: DateText | undefined): CalendarDate | null => (text === undefined || text === null ? null : d(text));

export const SHEETS = { conventions: "Conventions", committees: "Comités", deadlines: "Échéances", amendments: "Avenants" } as const;

export interface ConventionInput {
  readonly title?: string | null;
  readonly partner?: string | null;
  readonly deliberationDate?: DateText;
  readonly transmissionDate?: DateText;
  readonly publicationDate?: DateText;
  readonly enforceableDate?: DateText;
  readonly start?: DateText;
  /** Months. */
  readonly duration?: number | null;
  readonly end?: DateText;
  readonly noticeMonths?: number | null;
  readonly service?: string | null;
  readonly row?: number;
}

export function convention(id: string, input: ConventionInput = {}): Convention {
  return {
    id,
    title: input.title ?? null,
    partner: input.partner ?? null,
    siret: null,
    deliberationNumber: null,
    deliberationDate: day(input.deliberationDate),
    transmissionDate: day(input.transmissionDate),
    publicationDate: day(input.publicationDate),
    enforceableDate: day(input.enforceableDate),
    start: day(input.start),
    duration: input.duration ?? null,
    end: day(input.end),
    noticeMonths: input.noticeMonths ?? null,
    amount: null,
    notes: null,
    service: input.service ?? null,
    source: at("conventions", input.row),
  };
}

export function committee(conventionId: string, date: string, type: CommitteeType | null = "steering", row?: number): Committee {
  return { conventionId, date: d(date), type, minutes: null, participants: null, source: at("committees", row) };
}

export interface DeadlineInput {
  readonly kind?: DeadlineKind | null;
  readonly delayMonths?: number | null;
  readonly frequencyMonths?: number | null;
  readonly dueDate?: DateText;
  readonly doneOn?: DateText;
  readonly row?: number;
}

export function deadline(conventionId: string, label: string, input: DeadlineInput = {}): Deadline {
  return {
    conventionId,
    label,
    kind: input.kind ?? null,
    delayMonths: input.delayMonths ?? null,
    frequencyMonths: input.frequencyMonths ?? null,
    dueDate: day(input.dueDate),
    doneOn: day(input.doneOn),
    source: at("deadlines", input.row),
  };
}

export interface AmendmentInput {
  readonly number?: string | null;
  readonly newEnd?: DateText;
  /** Months: the new total duration from the original start. */
  readonly newDuration?: number | null;
  readonly row?: number;
}

export function amendment(conventionId: string, date: string, input: AmendmentInput = {}): Amendment {
  return {
    conventionId,
    number: input.number ?? null,
    date: d(date),
    subject: null,
    newDuration: input.newDuration ?? null,
    newEnd: day(input.newEnd),
    source: at("amendments", input.row),
  };
}

export function register(parts: Partial<Register>): Register {
  return { conventions: parts.conventions ?? [], committees: parts.committees ?? [], deadlines: parts.deadlines ?? [], amendments: parts.amendments ?? [] };
}

function at(table: keyof typeof SHEETS, row: number | undefined): RowSource {
  return { sheet: SHEETS[table], row: row ?? 2 };
}

/**
 * The TEAM2 convention of the deliberation of 25/06/2024: transmitted 11/07, published 12/07
 * (enforceable 12/07/2024), notified 15/07/2024 (assumed), 3 years → 14/07/2027.
 */
export function team2(input: ConventionInput = {}): Convention {
  return convention("TEAM2", {
    title: "Convention de partenariat TEAM2",
    partner: "Association TEAM2",
    deliberationDate: "2024-06-25",
    transmissionDate: "2024-07-11",
    publicationDate: "2024-07-12",
    enforceableDate: "2024-07-12",
    start: "2024-07-15",
    duration: 36,
    ...input,
  });
}

/**
 * The meetings of TEAM2 the tests count by hand (rows 2 to 9 of "Comités"): comités de suivi on
 * 03/10/2024 (2024-S2) and 20/03/2025 (blank type, 2025-S1), none in 2025-S2, one planned on
 * 15/03/2026; the club territorial every quarter from 2024-T3 except 2025-T2.
 */
export function team2Meetings(): Committee[] {
  return [
    committee("TEAM2", "2024-10-03", "steering", 2),
    committee("TEAM2", "2024-09-20", "club", 3),
    committee("TEAM2", "2024-12-05", "club", 4),
    committee("TEAM2", "2025-03-14", "club", 5),
    committee("TEAM2", "2025-03-20", null, 6),
    committee("TEAM2", "2025-09-10", "club", 7),
    committee("TEAM2", "2025-11-28", "club", 8),
    committee("TEAM2", "2026-03-15", "steering", 9),
  ];
}
