import { CalendarDate } from "../dates/calendarDate";
import { DATE_FORMS, parseDateText } from "./parseDateText";

/** A date written inside a longer text. */
export interface DateInText {
  readonly date: CalendarDate;
  /** Where the date's text starts in the folded text searched (see below). */
  readonly index: number;
  /** The date as written there ("11 juil. 2024"). */
  readonly text: string;
}

// The forms parseDateText reads, cut out of a sentence: never part of a longer run of digits
// ("062-200072130-20240625", a phone number "03.21.61.50.00" or "DEL-2020-045" are no dates).
const EDGE_BEFORE = String.raw`(?<![\d\p{L}]|\d[/.-])`;
const EDGE_AFTER = String.raw`(?![\d\p{L}]|[/.-]\d)`;
const DATE_IN_TEXT = new RegExp(
  `${EDGE_BEFORE}(?:${[DATE_FORMS.iso, DATE_FORMS.numeric, DATE_FORMS.words].map((form) => `(?:${form})`).join("|")})${EDGE_AFTER}`,
  "gu",
);

/**
 * Every date written in a text already folded by normalizeText (lower case, no accents), in order,
 * read by parseDateText: "11 juil. 2024", "12/07/2024", "05/04/22", "1er mars 2023", "2024-07-12".
 * Candidates that are no real day (31/02/2024, a month word that is no month) are left out.
 * @example findDatesInText("reception en sous-prefecture le : 11 juil. 2024").map(f => f.date) // [{ year: 2024, month: 7, day: 11 }]
 */
export function findDatesInText(folded: string): DateInText[] {
  const found: DateInText[] = [];
  for (const match of folded.matchAll(DATE_IN_TEXT)) {
    const parsed = parseDateText(match[0]);
    if (parsed.ok) found.push({ date: parsed.value, index: match.index ?? 0, text: match[0] });
  }
  return found;
}
