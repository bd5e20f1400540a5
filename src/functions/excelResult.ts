/**
 * The one adapter from the domain's results to what a cell shows: values as they are, errors as
 * `CustomFunctions.Error` (#N/A for "unknown yet", #VALUE! for bad input) with a French message.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { DomainError, Result, fail } from "../core/base/errors";
import { dateToSerial } from "../core/dates/excelSerial";
import { errorMessage } from "../i18n/fr";

const NOT_AVAILABLE: ReadonlySet<DomainError["code"]> = new Set(["missing_date", "missing_value", "none_left"]);

/** The Excel error for a domain error. */
export function toExcelError(error: DomainError): CustomFunctions.Error {
  const code = NOT_AVAILABLE.has(error.code) ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, errorMessage(error));
}

/** The value of a result, or the matching Excel error thrown. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw toExcelError(result.error);
  return result.value;
}

/** The serial number of a computed date, or #VALUE! when Excel cannot show it. */
export function toSerial(date: CalendarDate): number {
  return unwrap(dateToSerial(date));
}

/**
 * Runs a function's body so that nothing but `CustomFunctions.Error` ever leaves it: an
 * unexpected failure becomes #VALUE! with a French message instead of a crash of the runtime.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (thrown) {
    if (thrown instanceof CustomFunctions.Error) throw thrown;
    const technical = thrown instanceof Error ? thrown.message : String(thrown);
    throw toExcelError({ code: "unexpected", technical });
  }
}

/** "Nothing left" (#N/A), with what there is none of: a key of NOTHING_LEFT in src/i18n/fr.ts. */
export function none(what: "committee"): Result<never> {
  return fail({ code: "none_left", what });
}
