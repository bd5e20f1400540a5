/**
 * The one adapter from the domain's results to what a cell shows: values as they are, dates as
 * dates (see toDateCell), errors as `CustomFunctions.Error` (#N/A for "unknown yet", #VALUE! for
 * bad input) with a French message.
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
 * A computed date as the cell receives it: where the host has data types, the serial with a date
 * format, so that the cell shows 14/07/2027 without the user formatting it and still computes as a
 * date (=A1+1, comparisons, TEXTE); elsewhere the bare serial.
 */
export type DateCell = number | Excel.DoubleCellValue | Excel.FormattedNumberCellValue;

/**
 * The format a date is returned with, in Excel's invariant (en-US) syntax: the reference says a
 * cell value's `numberFormat` is "in the en-US locale" (Excel.DoubleCellValue.numberFormat,
 * https://learn.microsoft.com/javascript/api/excel/excel.doublecellvalue), and Excel shows an
 * invariant format in the user's language, as Range.numberFormat and numberFormatLocal differ
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member).
 * "dd/mm/yyyy" is therefore what a French Excel lists as JJ/MM/AAAA: day first, the "/" being the
 * locale's date separator, four-digit year (14/07/2027) — the format of every date the add-in
 * writes (NUMBER_FORMATS.date, src/plans/sheetDraft.ts). Not "m/d/yyyy", which is the en-US
 * short date and would read 7/14/2027; not a [$-fr-FR] locale code, which nothing here needs.
 */
export const DATE_NUMBER_FORMAT = "dd/mm/yyyy";

/**
 * How this host takes a date, chosen once at start-up:
 * - "double": ExcelApi 1.19 and later, a DoubleCellValue with its numberFormat (the current
 *   reference; FormattedNumberCellValue is "deprecated since ExcelApi 1.19, use DoubleCellValue");
 * - "formattedNumber": ExcelApi 1.16 to 1.18, a FormattedNumberCellValue (data types came with
 *   1.16, DoubleCellValue.numberFormat only with 1.19);
 * - "serial": older hosts, or outside Excel: the plain serial.
 * See "Use data types with custom functions in Excel"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts).
 */
export type DateCellKind = "double" | "formattedNumber" | "serial";

/** The part of `Office.context.requirements` used here. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

let dateCellKind: DateCellKind = "serial";

/**
 * Chooses how dates leave the functions from the host's requirement sets; called once, when
 * Office is ready (startDateCells), never per call. Without requirement sets: plain serials.
 * @example chooseDateCells({ isSetSupported: (name, version) => name === "ExcelApi" && Number(version?.split(".")[1]) <= 19 }) // "double"
 */
export function chooseDateCells(requirements: RequirementSets | undefined): DateCellKind {
  const supports = (version: string): boolean => requirements?.isSetSupported("ExcelApi", version) === true;
  dateCellKind = supports("1.19") ? "double" : supports("1.16") ? "formattedNumber" : "serial";
  return dateCellKind;
}

/**
 * Registers the choice for when Office is ready (the requirement sets are known only then). Until
 * it is made, and outside Office, dates are plain serials.
 */
export function startDateCells(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady(() => chooseDateCells(Office.context?.requirements));
}

/**
 * A computed date for its cell, as chosen at start-up; #VALUE! when Excel cannot show it.
 * @example toDateCell({ year: 2027, month: 7, day: 14 }) // { type: "Double", basicValue: 46582, numberFormat: "dd/mm/yyyy" } (ExcelApi 1.19), or 46582
 */
export function toDateCell(date: CalendarDate): DateCell {
  const serial = toSerial(date);
  switch (dateCellKind) {
    case "double":
      return { type: "Double", basicValue: serial, numberFormat: DATE_NUMBER_FORMAT };
    case "formattedNumber":
      return { type: "FormattedNumber", basicValue: serial, numberFormat: DATE_NUMBER_FORMAT };
    case "serial":
      return serial;
  }
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
