/**
 * Argument coercion for custom functions, in one place (HyperFormula's habit): serial numbers,
 * text dates, blanks, ranges and Excel's data-type values come in; calendar dates, numbers and
 * options go out, or a domain error saying what is wrong.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { isBlankDate, isEmptyCell, readDate, readDuration, readWholeNumber } from "../core/cells/cellValue";
import { EndRule } from "../core/rules/endOfTerm";
import { OptionSet, Result, fail, ok } from "../core/base/errors";
import { HolidayZone } from "../core/dates/holidayZone";
import { normalizeText } from "../core/text/normalizeText";
import { ownValue } from "../core/base/ownValue";
import { rangeItemField } from "../i18n/fr";

/** What Excel may pass for one cell: a number, text, a boolean, blank, or an error object. */
export type CellInput = number | string | boolean | null | undefined | object;

/** The data-type values that stand for a plain cell value: a number (with or without a format), text, a boolean. */
const BASIC_TYPES: Readonly<Record<string, "number" | "string" | "boolean">> = {
  Double: "number",
  FormattedNumber: "number",
  String: "string",
  Boolean: "boolean",
};

/**
 * What a cell holds, from what Excel passes: with data types on (allowCustomDataForDataTypeAny in
 * functions.json), an argument may come as a cell value object — a date returned by another CONV
 * function is `{ type: "Double", basicValue: 46582, numberFormat: "dd/mm/yyyy" }` — and is read as
 * its basicValue, the value `Range.values` gives for that cell
 * (https://learn.microsoft.com/javascript/api/excel/excel.doublecellvalue). Any other value
 * (entities, errors, images…) is left as it is, for the readers to refuse.
 * @example plainValue({ type: "FormattedNumber", basicValue: 46582, numberFormat: "dd/mm/yyyy" }) // 46582
 */
export function plainValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !("type" in value) || !("basicValue" in value)) return value;
  const basic = typeof value.type === "string" ? ownValue(BASIC_TYPES, value.type) : undefined;
  return basic !== undefined && typeof value.basicValue === basic ? value.basicValue : value;
}

/** A blank date in all the ways Excel passes it (see src/core/cells/cellValue.ts). */
export function isBlank(value: unknown): boolean {
  return isBlankDate(plainValue(value));
}

/**
 * A date argument: an Excel serial (or a date returned with its format), a text date, or blank (null).
 * @example coerceDate("12/07/2024", "publication") // ok({ year: 2024, month: 7, day: 12 })
 */
export function coerceDate(value: unknown, field: string): Result<CalendarDate | null> {
  return readDate(plainValue(value), field);
}

/** A date argument that must be there: blank gives `missing_date` (#N/A). */
export function requireDate(value: unknown, field: string): Result<CalendarDate> {
  const date = coerceDate(value, field);
  if (!date.ok) return date;
  return date.value === null ? fail({ code: "missing_date", field }) : ok(date.value);
}

/** An optional date (asOf, say): blank gives the fallback. */
export function optionalDate(value: unknown, field: string, fallback: () => CalendarDate): Result<CalendarDate> {
  const date = coerceDate(value, field);
  if (!date.ok) return date;
  return ok(date.value ?? fallback());
}

/**
 * An optional whole number within bounds; blank gives the default. Text digits are accepted.
 * @example optionalInteger(null, "months", { fallback: 2, min: 1, max: 120 }) // ok(2)
 */
export function optionalInteger(
  value: unknown,
  field: string,
  bounds: { readonly fallback: number; readonly min: number; readonly max: number },
): Result<number> {
  const n = readWholeNumber(plainValue(value), field, bounds);
  return n.ok ? ok(n.value ?? bounds.fallback) : n;
}

/** A whole number within bounds that must be there: empty gives `missing_value` (#N/A). */
export function requireInteger(value: unknown, field: string, bounds: { readonly min: number; readonly max: number }): Result<number> {
  return present(readWholeNumber(plainValue(value), field, bounds), field);
}

/** A duration: months as a number, or French text ("3 ans"); empty gives `missing_value` (#N/A), 0 is invalid. */
export function requireDuration(value: unknown, field: string): Result<number> {
  return present(readDuration(plainValue(value), field), field);
}

function present<T>(result: Result<T | null>, field: string): Result<T> {
  if (!result.ok) return result;
  return result.value === null ? fail({ code: "missing_value", field }) : ok(result.value);
}

function chooseOption<T>(given: unknown, field: string, fallback: T, choices: Record<string, T>, options: OptionSet): Result<T> {
  const value = plainValue(given);
  if (isEmptyCell(value)) return ok(fallback);
  if (typeof value === "string" || typeof value === "number") {
    const chosen = ownValue(choices, normalizeText(String(value)));
    if (chosen !== undefined) return ok(chosen);
  }
  return fail({ code: "invalid_option", value, field, options });
}

const ZONES: Record<string, HolidayZone> = {
  metropole: "metropole",
  france: "metropole",
  "alsace-moselle": "alsace-moselle",
  "alsace moselle": "alsace-moselle",
  alsace: "alsace-moselle",
  moselle: "alsace-moselle",
  "bas-rhin": "alsace-moselle",
  "haut-rhin": "alsace-moselle",
  "57": "alsace-moselle",
  "67": "alsace-moselle",
  "68": "alsace-moselle",
};

/** Holiday zone: blank for the general list, "alsace-moselle" (or 57, 67, 68) for the local law. */
export function coerceZone(value: unknown): Result<HolidayZone> {
  return chooseOption(value, "zone", "metropole", ZONES, "zone");
}

/** End rule: "veille" (default) or "quantieme". */
export function coerceEndRule(value: unknown): Result<EndRule> {
  return chooseOption<EndRule>(value, "rule", "veille", { veille: "veille", quantieme: "quantieme" }, "end_rule");
}

/** Semester basis: "calendrier" (default) or "contrat". */
export function coerceBasis(value: unknown): Result<"calendar" | "contract"> {
  return chooseOption<"calendar" | "contract">(
    value,
    "basis",
    "calendar",
    { calendrier: "calendar", calendaire: "calendar", civil: "calendar", contrat: "contract", contractuel: "contract" },
    "period_basis",
  );
}

/**
 * Every date of a range (a column of comité dates, say), skipping empty cells; any cell that is
 * not a date is an error naming its position.
 * @example coerceDateList([[45485], [null], ["15/01/2025"]], "committees") // ok([2024-07-12, 2025-01-15])
 */
export function coerceDateList(range: unknown, field: string): Result<CalendarDate[]> {
  if (isBlank(range)) return ok([]);
  const cells: unknown[] = Array.isArray(range) ? range.flat() : [range];
  const dates: CalendarDate[] = [];
  for (let i = 0; i < cells.length; i += 1) {
    const date = coerceDate(cells[i], rangeItemField(field, i + 1));
    if (!date.ok) return date;
    if (date.value !== null) dates.push(date.value);
  }
  return ok(dates);
}

