import { CalendarDate } from "./calendarDate";
import { DayNumber, fromDayNumber, toDayNumber } from "./dayNumber";
import { Result, fail, ok } from "../base/errors";

/**
 * Excel's 1900 date system. Serial 1 is 1900-01-01; Excel believes 1900 was a leap year, so
 * serial 60 is a 29/02/1900 that never existed and every serial from 61 (1900-03-01) on is one
 * more than a true day count from 1899-12-31. The bug is handled here and nowhere else: from
 * 1900-03-01 on, serial = days since 1899-12-30.
 */
const DAY_NUMBER_OF_1899_12_30: DayNumber = -25569;
const PHANTOM_SERIAL = 60;
/** 9999-12-31, the last day Excel shows. */
export const MAX_EXCEL_SERIAL = 2958465;

/**
 * Calendar date of an Excel serial; a fraction (a time of day) is dropped.
 * @example serialToDate(45485) // { year: 2024, month: 7, day: 12 }
 */
export function serialToDate(serial: number): Result<CalendarDate> {
  if (!Number.isFinite(serial)) return fail({ code: "invalid_date", value: serial });
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) return fail({ code: "date_out_of_range", value: serial });
  if (whole === PHANTOM_SERIAL) return fail({ code: "phantom_excel_date", value: serial });
  const dayNumber = whole < PHANTOM_SERIAL ? DAY_NUMBER_OF_1899_12_30 + whole + 1 : DAY_NUMBER_OF_1899_12_30 + whole;
  return ok(fromDayNumber(dayNumber));
}

/**
 * Excel serial of a calendar date; dates before 1900-01-01 or after 9999-12-31 have none.
 * @example dateToSerial({ year: 2024, month: 7, day: 12 }) // 45485
 */
export function dateToSerial(date: CalendarDate): Result<number> {
  const dayNumber = toDayNumber(date);
  const serial = dayNumber - DAY_NUMBER_OF_1899_12_30;
  if (serial < PHANTOM_SERIAL + 1) {
    const early = serial - 1; // before 1900-03-01 Excel counts one day less
    if (early < 1) return fail({ code: "date_out_of_range", value: date });
    return ok(early);
  }
  if (serial > MAX_EXCEL_SERIAL) return fail({ code: "date_out_of_range", value: date });
  return ok(serial);
}
