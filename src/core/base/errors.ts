/**
 * Errors are data (zod's habit): a union keyed on a stable `code`, each member with the facts its
 * message needs, typed — the compiler knows that `invalid_duration` has the part not understood
 * and `year_to_come` its date. The sentence shown to a person is made from the code in one place:
 * `src/i18n/fr.ts`. The core phrases nothing.
 */
import type { CalendarDate } from "../dates/calendarDate";

/** What every error may say of where the value came from: an argument's key ("publication") or a register column's label. */
interface Where {
  /** Which argument or column it came from ("publication", "Date de notification"). */
  readonly field?: string;
  /** The cell's value as received, when there was one. */
  readonly value?: unknown;
}

/** An error about a value that was received: the value as received, for the message ("«31/02/2024»"). */
interface About extends Where {
  readonly value: unknown;
}

/**
 * The sets of choices an option may take: the French words that list them are chosen in
 * src/i18n/fr.ts (OPTION_CHOICES).
 */
export type OptionSet =
  /** Holiday zone: blank, "metropole", "alsace-moselle", 57, 67, 68. */
  | "zone"
  /** End rule: "veille" or "quantieme". */
  | "end_rule"
  /** Semester basis: "calendrier" or "contrat". */
  | "period_basis"
  /** A comité's type (the register's Type column). */
  | "committee_type"
  /** An échéance's type: jalon or récurrente. */
  | "deadline_kind"
  /** An obligation's frequency: 3, 6 or 12 months. */
  | "frequency_months";

/** What a cell was expected to hold, when it holds a value of another type. */
export type ExpectedKind = "date" | "duration" | "text" | "amount" | "siret";

export type DomainError =
  /** A needed date is blank: unknown yet, not a mistake (#N/A in a cell). */
  | ({ readonly code: "missing_date" } & Where)
  /** Another needed value is blank (a duration, say): unknown yet, #N/A in a cell; `rowLeftOut` when a register row is left out for it. */
  | ({ readonly code: "missing_value"; readonly rowLeftOut?: boolean } & Where)
  /** Nothing is left to compute (no comité left to hold): #N/A in a cell, not a mistake. */
  | ({ readonly code: "none_left"; readonly what: "committee" } & Where)
  /** Text that is not a date in any accepted form. */
  | ({ readonly code: "invalid_date" } & About)
  /** A well-formed date that does not exist, such as 31/02/2024, or a weekday that is not the date's (`actual`: the date named). */
  | ({ readonly code: "impossible_date"; readonly actual?: CalendarDate } & About)
  /** Serial 60, the 29/02/1900 that only Excel's 1900 leap-year bug knows. */
  | ({ readonly code: "phantom_excel_date" } & About)
  /** A date outside what Excel can show (before 01/01/1900 or after 31/12/9999). */
  | ({ readonly code: "date_out_of_range" } & About)
  /**
   * A date the rules would compute from `from` and `months` (a convention's end, a milestone's
   * deadline) that falls after 31/12/9999, the last day Excel shows: it is not computed.
   */
  | ({ readonly code: "past_excel_dates"; readonly from: CalendarDate; readonly months: number } & About)
  /** A duration that could not be understood; `notUnderstood` is the part that was not. */
  | ({ readonly code: "invalid_duration"; readonly notUnderstood: string } & About)
  /** A number that should be a whole number within bounds. */
  | ({ readonly code: "invalid_integer"; readonly min: number; readonly max: number } & About)
  /** A year outside 1900–9999. */
  | ({ readonly code: "invalid_year" } & About)
  /** A year that has not begun at `asOf` (its report would be empty). */
  | ({ readonly code: "year_to_come"; readonly asOf: CalendarDate } & About)
  /** A word not among the accepted choices of `options`. */
  | ({ readonly code: "invalid_option"; readonly options: OptionSet } & About)
  /** An end (`value`) before the start of the same convention. */
  | ({ readonly code: "end_before_start"; readonly start: CalendarDate } & About)
  /** A date (`value`) that must not precede the contract start (contractual semesters). */
  | ({ readonly code: "before_contract_start"; readonly contractStart: CalendarDate } & About)
  /** A value of a type that can never be read as what was asked (a boolean for a date, an Excel error…). */
  | ({ readonly code: "invalid_type"; readonly expected: ExpectedKind } & About)
  /** Text that is not an amount in euros ("15 000 €", "1 500,50"). */
  | ({ readonly code: "invalid_amount" } & About)
  /** A SIRET that is not 14 digits, or whose check digit (Luhn key) is wrong. */
  | ({ readonly code: "invalid_siret"; readonly problem: "length" | "key" } & About)
  /** A row that names a convention the register does not hold. */
  | ({ readonly code: "unknown_convention" } & About)
  /** A convention's reference used by an earlier row of the same table (`firstRow`, its Excel row, when known). */
  | ({ readonly code: "duplicate_reference"; readonly firstRow?: number } & About)
  /** A failure nobody foresaw; `technical` holds the technical text. */
  | ({ readonly code: "unexpected"; readonly technical: string } & Where);

export type ErrorCode = DomainError["code"];

/** The member of the union with that code. */
export type ErrorOf<C extends ErrorCode> = Extract<DomainError, { readonly code: C }>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

/** @example ok(3) // { ok: true, value: 3 } */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** @example fail({ code: "missing_date", field: "publication" }) // { ok: false, error: … } */
export function fail<T = never>(error: DomainError): Result<T> {
  return { ok: false, error };
}

/** Adds the field name to an error that has none yet (the caller knows where the value came from). */
export function withField(error: DomainError, field: string): DomainError {
  return error.field === undefined ? { ...error, field } : error;
}
