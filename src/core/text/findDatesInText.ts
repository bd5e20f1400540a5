import { CalendarDate, isValidCalendarDate } from "../dates/calendarDate";
import { parseFrenchNumber } from "./frenchNumber";
import { frenchMonth } from "./frenchMonths";
import { DATE_FORMS, parseDateText } from "./parseDateText";

/** A date written inside a longer text. */
export interface DateInText {
  readonly date: CalendarDate;
  /** Where the date's text starts in the folded text searched (see below). */
  readonly index: number;
  /** The date as written there ("11 juil. 2024", "l'an deux mil vingt, le 09 juillet"). */
  readonly text: string;
}

export interface DateSearchOptions {
  /**
   * A year the text is about (the year most of its dates carry): a two-digit year is then read in
   * the century that puts it nearest ("17/12/19" → 2019 in a text of 2019, 2031 in one of 2030).
   * Without it, Excel's rule: 00–29 → 2000s, 30–99 → 1900s.
   */
  readonly referenceYear?: number;
}

// The forms parseDateText reads, cut out of a sentence: never part of a longer run of digits
// ("062-200072130-20240625", a phone number "03.21.61.50.00" or "DEL-2020-045" are no dates).
const EDGE_BEFORE = String.raw`(?<![\d\p{L}]|\d[/.-])`;
const EDGE_AFTER = String.raw`(?![\d\p{L}]|[/.-]\d)`;
const DATE_IN_TEXT = new RegExp(
  `${EDGE_BEFORE}(?:${[DATE_FORMS.iso, DATE_FORMS.numeric, DATE_FORMS.words].map((form) => `(?:${form})`).join("|")})${EDGE_AFTER}`,
  "gu",
);
const TWO_DIGIT_YEAR = new RegExp(`^${DATE_FORMS.numeric}$`);

/** The full names of the months, folded: a date in words names its month in full. */
const MONTH_NAME = /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/g;
/** How far before its month a day in words is looked for, and after it a year: a few words. */
const WORDS_REACH = 48;

/**
 * Every date written in a text already folded by normalizeText (lower case, no accents), in order:
 * "11 juil. 2024", "12/07/2024", "05/04/22", "1er mars 2023", "2024-07-12", and dates in words —
 * "le vingt-cinq juillet deux mille dix-huit", "le 23 septembre deux mille dix", "dix neuf
 * décembre deux mille quatorze", "l'an deux mil vingt, le 09 juillet" (the year written before
 * the day, as registers of deliberations do). Candidates that are no real day (31/02/2024, a
 * month word that is no month) are left out.
 * @example findDatesInText("reception en sous-prefecture le : 11 juil. 2024").map(f => f.date) // [{ year: 2024, month: 7, day: 11 }]
 * @example findDatesInText("l'an deux mille neuf, le vingt cinq mars").map(f => f.date) // [{ year: 2009, month: 3, day: 25 }]
 */
export function findDatesInText(folded: string, options: DateSearchOptions = {}): DateInText[] {
  const found: DateInText[] = [];
  for (const match of folded.matchAll(DATE_IN_TEXT)) {
    const parsed = parseDateText(withCentury(match[0], options.referenceYear));
    if (parsed.ok) found.push({ date: parsed.value, index: match.index ?? 0, text: match[0] });
  }
  for (const date of datesInWords(folded)) {
    if (!found.some((f) => date.index < f.index + f.text.length && f.index < date.index + date.text.length)) found.push(date);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "17/12/19" with the century that puts its year nearest the reference ("17/12/2019"); other dates as they are. */
function withCentury(written: string, referenceYear: number | undefined): string {
  const numeric = TWO_DIGIT_YEAR.exec(written);
  if (referenceYear === undefined || numeric === null || numeric[3].length !== 2) return written;
  const yy = Number(numeric[3]);
  const century = Math.floor(referenceYear / 100) * 100;
  const year = [century - 100 + yy, century + yy, century + 100 + yy].reduce((best, y) =>
    Math.abs(y - referenceYear) < Math.abs(best - referenceYear) ? y : best,
  );
  return `${numeric[1]}/${numeric[2]}/${year}`;
}

/**
 * The first day and month written without a year in a text already folded ("réception … : 27
 * janvier", a stamp that lost its year): where it starts, and its length.
 * @example dayAndMonthIn("de la vienne : 27 janvier cp0028") // { day: 27, month: 1, index: 15, length: 10 }
 */
export function dayAndMonthIn(folded: string): { readonly day: number; readonly month: number; readonly index: number; readonly length: number } | null {
  const match = /(?<![\d\p{L}])(\d{1,2})(?:er)?\s+(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b(?![\s,]*\d)/u.exec(folded);
  if (match === null) return null;
  const month = frenchMonth(match[2]);
  const day = Number(match[1]);
  // 29 February exists in some year: the day is checked against a leap year.
  if (month === null || !isValidCalendarDate(2024, month, day)) return null;
  return { day, month, index: match.index, length: match[0].length };
}

/** The words of a text, with where each starts. */
function wordsOf(text: string, from: number): { readonly word: string; readonly at: number }[] {
  return [...text.matchAll(/[a-z0-9']+/g)].map((m) => ({ word: m[0], at: from + (m.index ?? 0) }));
}

/** A day written before its month: "25", "1er", "premier", "vingt-cinq", "dix neuf". */
function dayBefore(folded: string, monthAt: number): { readonly day: number; readonly at: number } | null {
  const from = Math.max(0, monthAt - WORDS_REACH);
  const before = folded.slice(from, monthAt);
  if (!/\s$/.test(before)) return null;
  const words = wordsOf(before.replace(/-/g, " "), from).slice(-4);
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const digits = /^(\d{1,2})(?:er|e)?$/.exec(last.word);
  if (digits !== null) return { day: Number(digits[1]), at: last.at };
  if (last.word === "premier" || last.word === "1er") return { day: 1, at: last.at };
  for (let n = words.length; n > 0; n -= 1) {
    const run = words.slice(words.length - n);
    const day = parseFrenchNumber(run.map((w) => w.word));
    if (day !== null && day >= 1 && day <= 31) return { day, at: run[0].at };
  }
  return null;
}

/**
 * A year in words at the start of a list of words: "deux mille dix-huit", "deux mil vingt",
 * "mil neuf cent quatre-vingt-dix-neuf"; with how many words it takes.
 */
function yearInWords(words: readonly string[]): { readonly year: number; readonly count: number } | null {
  let base: number;
  let skip: number;
  if (words[0] === "deux" && (words[1] === "mille" || words[1] === "mil")) [base, skip] = [2000, 2];
  else if ((words[0] === "mil" || words[0] === "mille") && words[1] === "neuf" && /^cents?$/.test(words[2] ?? "")) [base, skip] = [1900, 3];
  else if (words[0] === "dix" && words[1] === "neuf" && /^cents?$/.test(words[2] ?? "")) [base, skip] = [1900, 3];
  else return null;
  for (let n = Math.min(words.length - skip, 5); n > 0; n -= 1) {
    const rest = parseFrenchNumber(words.slice(skip, skip + n));
    if (rest !== null && rest < 100) return { year: base + rest, count: skip + n };
  }
  return { year: base, count: skip };
}

/** The year written after a month: "2018", or in words. */
function yearAfter(folded: string, monthEnd: number): { readonly year: number; readonly end: number; readonly inWords: boolean } | null {
  const after = folded.slice(monthEnd, monthEnd + WORDS_REACH * 2);
  const digits = /^,?\s+(\d{4})(?![\d/.-])/.exec(after);
  if (digits !== null) return { year: Number(digits[1]), end: monthEnd + digits[0].length, inWords: false };
  if (!/^,?\s+[a-z]/.test(after)) return null;
  const words = wordsOf(after.replace(/-/g, " "), monthEnd).slice(0, 8);
  const year = yearInWords(words.map((w) => w.word));
  if (year === null) return null;
  const lastWord = words[year.count - 1];
  return { year: year.year, end: lastWord.at + lastWord.word.length, inWords: true };
}

/** "l'an deux mil vingt, le 09 juillet": the year written before the day, in words. */
function yearBefore(folded: string, dayAt: number): { readonly year: number; readonly at: number } | null {
  const from = Math.max(0, dayAt - WORDS_REACH * 2);
  const before = folded.slice(from, dayAt);
  const at = before.lastIndexOf("l'an ");
  if (at < 0) return null;
  const words = wordsOf(before.slice(at + 5).replace(/-/g, " "), 0).map((w) => w.word);
  const year = yearInWords(words);
  // Between the year and the day only "," "et" "le" (and the weekday): "l'an deux mille treize et le douze décembre".
  const rest = words.slice(year?.count ?? 0).filter((w) => !/^(?:et|le|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/.test(w));
  return year === null || rest.length > 0 ? null : { year: year.year, at: from + at };
}

/**
 * Dates with their day or their year in words, around each month named in full; a date whose day
 * and year are both in figures is the other forms' (DATE_IN_TEXT). Each month is looked at once,
 * with a few words around it: linear in the text's length.
 */
function datesInWords(folded: string): DateInText[] {
  const found: DateInText[] = [];
  for (const match of folded.matchAll(MONTH_NAME)) {
    const monthAt = match.index ?? 0;
    const month = frenchMonth(match[1]);
    const day = dayBefore(folded, monthAt);
    if (month === null || day === null) continue;
    const dayInFigures = /\d/.test(folded[day.at] ?? "");
    const after = yearAfter(folded, monthAt + match[0].length);
    if (after !== null) {
      if (dayInFigures && !after.inWords) continue;
      if (isValidCalendarDate(after.year, month, day.day)) {
        found.push({ date: { year: after.year, month, day: day.day }, index: day.at, text: folded.slice(day.at, after.end) });
      }
      continue;
    }
    const before = yearBefore(folded, day.at);
    if (before !== null && isValidCalendarDate(before.year, month, day.day)) {
      found.push({ date: { year: before.year, month, day: day.day }, index: before.at, text: folded.slice(before.at, monthAt + match[0].length) });
    }
  }
  return found;
}
