import { CalendarDate, isValidCalendarDate } from "../dates/calendarDate";
import { isoWeekday } from "../dates/dayNumber";
import { Result, fail, ok } from "../base/errors";
import { frenchMonth } from "./frenchMonths";
import { normalizeText } from "./normalizeText";

/**
 * The written forms of a date, on folded text (see normalizeText): ISO, numeric ("12/07/2024",
 * "05/04/22") and in words ("11 juil. 2024", "1er mars 2023"). Exported without anchors so that
 * findDatesInText spots the same forms inside a sentence.
 */
export const DATE_FORMS = {
  iso: String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`,
  numeric: String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})`,
  words: String.raw`(\d{1,2})(?:er|e)?[\s-]*([a-z]+\.?)[\s-]*(\d{4})`,
} as const;
// A time of day after an ISO date is dropped, but it must be one that exists (not 25:99).
const ISO_TIME = String.raw`(?:[t ](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?`;
const ISO = new RegExp(`^${DATE_FORMS.iso}${ISO_TIME}$`);
const NUMERIC = new RegExp(`^${DATE_FORMS.numeric}$`);
const WORDS = new RegExp(`^${DATE_FORMS.words}$`);
const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const WEEKDAY_OR_LE = new RegExp(`^(?:le |(?:${WEEKDAYS.join("|")}),? )+`);

/**
 * A date typed as text, as French staff write it: "12/07/2024", "12-07-2024", "12.07.2024",
 * "05/04/22" (two-digit years read as Excel does: 00–29 → 2000s, 30–99 → 1900s), "2024-07-12",
 * "12 juillet 2024", "1er mars 2023", "11 JUIL. 2024", "mardi 25 juin 2024".
 * `impossible_date` for a well-formed day that does not exist (31/02/2024, or a weekday that is not
 * the date's: "lundi 12 juillet 2024"), `invalid_date` otherwise.
 * @example parseDateText("11 JUIL. 2024") // { ok: true, value: { year: 2024, month: 7, day: 11 } }
 */
export function parseDateText(input: string): Result<CalendarDate> {
  const folded = normalizeText(input);
  const prefix = WEEKDAY_OR_LE.exec(folded)?.[0] ?? "";
  const text = folded.slice(prefix.length);
  let parts: [number, number, number] | null = null;
  let match = ISO.exec(text);
  if (match !== null) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = NUMERIC.exec(text)) !== null) {
    parts = [expandYear(match[3]), Number(match[2]), Number(match[1])];
  } else if ((match = WORDS.exec(text)) !== null) {
    const month = frenchMonth(match[2]);
    if (month !== null) parts = [Number(match[3]), month, Number(match[1])];
  }
  if (parts === null) return fail({ code: "invalid_date", value: input });
  const [year, month, day] = parts;
  if (!isValidCalendarDate(year, month, day)) return fail({ code: "impossible_date", value: input });
  const date = { year, month, day };
  // "lundi 12 juillet 2024" names a day that does not exist (12/07/2024 was a Friday): one of the
  // two is a typo, and which one is not guessed. `actual` is the date, to name its real weekday.
  const named = prefix.split(/[ ,]+/).filter((word) => WEEKDAYS.includes(word));
  if (named.some((word) => WEEKDAYS.indexOf(word) + 1 !== isoWeekday(date))) {
    return fail({ code: "impossible_date", value: input, actual: date });
  }
  return ok(date);
}

function expandYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}
