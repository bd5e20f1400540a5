/**
 * Reading one cell's value, in one place (HyperFormula's habit), for the custom functions and
 * the register alike: serial numbers, text dates, text numbers and blanks come in; calendar
 * dates, numbers and text go out, or a domain error saying what is wrong.
 * What a cell may hold: a number, text, a boolean, nothing, or an Excel error object.
 */
import { CalendarDate } from "../dates/calendarDate";
import { Result, fail, ok, withField } from "../base/errors";
import { dateToSerial, serialToDate } from "../dates/excelSerial";
import { parseDateText } from "../text/parseDateText";
import { parseDuration } from "../text/parseDuration";

/** Omitted or empty text: for numbers (unlike dates) 0 is a value, and a wrong one is said so. */
export function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A blank date in all the ways Excel passes it: omitted (null/undefined), empty text, or 0. */
export function isBlankDate(value: unknown): boolean {
  return value === 0 || isEmptyCell(value);
}

/**
 * A date cell: an Excel serial, a text date, or blank (null).
 * @example readDate("12/07/2024", "publication") // ok({ year: 2024, month: 7, day: 12 })
 */
export function readDate(value: unknown, field: string): Result<CalendarDate | null> {
  if (isBlankDate(value)) return ok(null);
  if (typeof value === "number") return mapError(serialToDate(value), field);
  if (typeof value === "string") {
    const parsed = parseDateText(value);
    // A text date Excel could not hold as a serial (before 1900, after 9999) is a typo to flag.
    if (parsed.ok && !dateToSerial(parsed.value).ok) return fail({ code: "date_out_of_range", value, field });
    return mapError(parsed, field);
  }
  return fail({ code: "invalid_type", value, field, expected: "date" });
}

/**
 * A whole number within bounds (text digits accepted); blank gives null.
 * @example readWholeNumber(" 6 ", "noticeMonths", { min: 0, max: 120 }) // ok(6)
 */
export function readWholeNumber(
  value: unknown,
  field: string,
  bounds: { readonly min: number; readonly max: number },
): Result<number | null> {
  if (isEmptyCell(value)) return ok(null);
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
    return fail({ code: "invalid_integer", value, field, min: bounds.min, max: bounds.max });
  }
  return ok(n);
}

/**
 * A duration in months: a number of months or French text ("3 ans", "18 mois"); blank gives
 * null, 0 is invalid.
 * @example readDuration("1 an et 6 mois", "duration") // ok(18)
 */
export function readDuration(value: unknown, field: string): Result<number | null> {
  if (isEmptyCell(value)) return ok(null);
  if (typeof value === "number" || typeof value === "string") return mapError(parseDuration(value), field);
  return fail({ code: "invalid_type", value, field, expected: "duration" });
}

/**
 * Text as the user typed it, trimmed; a number is shown as Excel shows it without format;
 * blank gives null. Booleans and Excel errors are not text.
 * @example readText("  TEAM2 ", "partner") // ok("TEAM2")
 */
export function readText(value: unknown, field: string): Result<string | null> {
  if (typeof value === "string") {
    const text = value.trim(); // trimmed once: a register reads hundreds of thousands of cells
    return ok(text === "" ? null : text);
  }
  if (isEmptyCell(value)) return ok(null);
  if (typeof value === "number" && Number.isFinite(value)) return ok(String(value));
  return fail({ code: "invalid_type", value, field, expected: "text" });
}

const AMOUNT = /^(-?\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|-?\d+)(?:,(\d{1,2}))?$/;
const NO_MONEY = new Set(["neant", "sans", "aucun", "sans engagement financier", "-"]);

/**
 * An amount in euros: a number, or French text ("15 000 €", "1 500,50 €", "1.500,50", "néant",
 * "sans" → 0); blank gives null.
 * @example readAmount("15 000,50 €", "amount") // ok(15000.5)
 */
export function readAmount(value: unknown, field: string): Result<number | null> {
  if (isEmptyCell(value)) return ok(null);
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : fail({ code: "invalid_amount", value, field });
  if (typeof value !== "string") return fail({ code: "invalid_type", value, field, expected: "amount" });
  const text = value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s*(€|eur|euros?)\s*(ttc|ht)?\s*$/u, "")
    .trim();
  if (NO_MONEY.has(text)) return ok(0);
  const match = AMOUNT.exec(text);
  if (match === null) return fail({ code: "invalid_amount", value, field });
  const whole = Number(match[1].replace(/[ \u00a0\u202f.]/g, ""));
  const cents = match[2] === undefined ? 0 : Number(match[2].padEnd(2, "0")) / 100;
  return ok(whole < 0 || match[1].startsWith("-") ? whole - cents : whole + cents);
}

function mapError<T>(result: Result<T>, field: string): Result<T> {
  return result.ok ? result : fail(withField(result.error, field));
}
