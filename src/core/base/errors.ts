/**
 * Errors are data (zod's habit): a stable code, the offending value and where it was found.
 * The sentence shown to a person is made from the code in one place: `src/i18n/fr.ts`.
 */
export type ErrorCode =
  /** A needed date is blank: unknown yet, not a mistake (#N/A in a cell). */
  | "missing_date"
  /** Another needed value is blank (a duration, say): unknown yet, #N/A in a cell. */
  | "missing_value"
  /** Nothing is left to compute (no comité left to hold): #N/A in a cell, not a mistake. */
  | "none_left"
  /** Text that is not a date in any accepted form. */
  | "invalid_date"
  /** A well-formed date that does not exist, such as 31/02/2024; `detail`, when set, is the ISO date whose weekday was misnamed. */
  | "impossible_date"
  /** Serial 60, the 29/02/1900 that only Excel's 1900 leap-year bug knows. */
  | "phantom_excel_date"
  /** A date outside what Excel can show (before 01/01/1900 or after 31/12/9999). */
  | "date_out_of_range"
  /** A duration that could not be understood; `detail` holds the part that was not. */
  | "invalid_duration"
  /** A number that should be a whole number within bounds. */
  | "invalid_integer"
  /** A year outside 1900–9999. */
  | "invalid_year"
  /** A year that has not begun at the date of the check (its report would be empty); `detail` is that date. */
  | "year_to_come"
  /** A word not among the accepted choices; `detail` lists them. */
  | "invalid_option"
  /** An end before the start of the same convention. */
  | "end_before_start"
  /** A date that must not precede the contract start (contractual semesters). */
  | "before_contract_start"
  /** A value of a type that can never be read as what was asked (a boolean for a date, an Excel error…). */
  | "invalid_type"
  /** Text that is not an amount in euros ("15 000 €", "1 500,50"). */
  | "invalid_amount"
  /** A SIRET that is not 14 digits or whose check digit (Luhn key) is wrong. */
  | "invalid_siret"
  /** A row that names a convention the register does not hold. */
  | "unknown_convention"
  /** A convention's reference used by an earlier row of the same table. */
  | "duplicate_reference"
  /** A failure nobody foresaw; `detail` holds the technical text. */
  | "unexpected";

export interface DomainError {
  readonly code: ErrorCode;
  /** The value as received, for the message ("«31/02/2024»"). */
  readonly value?: unknown;
  /** Which argument or column it came from ("publication"). */
  readonly field?: string;
  /** Extra facts to phrase the message (the part not understood, the allowed choices…). */
  readonly detail?: string;
}

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
