/**
 * The term of the convention: its duration and what it counts from ("pour une durée de 3 ans à
 * compter de sa notification"), or its dates ("du 1er avril 2020 au 31 mars 2023").
 */
import { CalendarDate } from "../dates/calendarDate";
import { monthsBetween } from "../dates/addMonthsClamped";
import { addDays, compareDates } from "../dates/dayNumber";
import { endOfTerm } from "../rules/endOfTerm";
import { findDatesInText } from "../text/findDatesInText";
import { frenchMonth } from "../text/frenchMonths";
import { leadingDuration } from "../text/leadingDuration";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Confidence, Extracted, ExtractionNote, notFound } from "./extracted";

/** What a term counts from. */
export type TermStart =
  /** "à compter de sa notification": a date the deliberation cannot know. */
  | "notification"
  /** "à compter de sa signature". */
  | "signature"
  /** "à compter de la date à laquelle la présente délibération sera exécutoire". */
  | "enforceable"
  /** A date written in the text ("à compter du 1er janvier 2024", "du … au …"). */
  | "date"
  /** Something else ("la rentrée scolaire"), as written in `fromText`. */
  | "other";

export interface TermReading {
  /** Duration in months; null when not written nor computable from the dates. */
  readonly months: number | null;
  /** The duration as written ("3 ans", "trois (3) années"). */
  readonly durationText: string | null;
  readonly from: TermStart | null;
  /** What it counts from as written ("sa notification"). */
  readonly fromText: string | null;
  /** The first day, when the text writes it. */
  readonly start: CalendarDate | null;
  /** The last day, when the text writes it ("au 31 mars 2023", "jusqu'au 31/12/2025"). */
  readonly end: CalendarDate | null;
  /**
   * A period written in years or months without its days ("sur la période 2013-2016", "de janvier
   * à décembre 2021"): its first and last year, and month when written; absent otherwise.
   */
  readonly period?: TermPeriod;
}

export interface TermPeriod {
  readonly from: { readonly year: number; readonly month: number | null };
  readonly to: { readonly year: number; readonly month: number | null };
}

/** "convention de partenariat triennale", "une convention biennale": a duration said by an adjective (a yearly one only of a single convention: "conventions d'objectifs annuelles" are each a year's). */
const TERM_ADJECTIVE = /\b(?:convention (?:[^.;,]{0,60}? )?(annuelle|biennale|triennale|quadriennale|quinquennale)|conventions (?:[^.;,]{0,60}? )?(biennale|triennale|quadriennale|quinquennale)s)\b/;
const ADJECTIVE_MONTHS: Readonly<Record<string, number>> = { annuelle: 12, biennale: 24, triennale: 36, quadriennale: 48, quinquennale: 60 };
const MONTH_NAMES = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";
/** "sur la période 2013 - 2016", "pour la période 2019-2021": whole years, days not written. */
const YEAR_PERIOD = /\b(?:sur|pour) la periode (?:de |du )?((?:19|20)\d{2}) ?(?:-|–|a|au) ?((?:19|20)\d{2})\b/;
/** "de janvier à décembre 2021", "de septembre 2020 à juin 2021": months, days not written. */
const MONTH_PERIOD = new RegExp(`\\b(?:de|d') ?(${MONTH_NAMES})(?: ((?:19|20)\\d{2}))? (?:a|au mois de) (${MONTH_NAMES}) ((?:19|20)\\d{2})\\b`);

const DURATION = /\b(?:duree (?:totale |initiale )?(?:de |d')|conclue?s? pour (?:une (?:duree|periode) de )?|etablie?s? pour |passee?s? pour )/g;
const COUNTS_FROM = /\b(?:a compter|a partir|a dater|prend(?:ra)? effet(?: a compter)?|entre(?:ra)? en vigueur(?: a compter)?)\s*(?:de la date |du jour )?(?:de |du |d'|a |le )?/g;
/** The duration that starts `at` ("3 ans et articulée …" → 36 months, "3 ans"). */
function durationAt(sentence: TextUnit, at: number): { months: number; text: string } | null {
  const found = leadingDuration(sentence.folded.slice(at));
  return found === null ? null : { months: found.months, text: sentence.text.slice(at, at + found.length) };
}

function startAt(sentence: TextUnit, at: number): { from: TermStart; fromText: string; start: CalendarDate | null } {
  const rest = sentence.folded.slice(at);
  const end = /[,;.]| pour | et (?!demi)| jusqu| telle | tel qu| ci-annexee| ci-jointe| annexee/.exec(rest)?.index ?? rest.length;
  const fromText = sentence.text.slice(at, at + Math.min(end, 100)).trim();
  const folded = rest.slice(0, end);
  const date = findDatesInText(folded)[0];
  if (date !== undefined && date.index <= 4) return { from: "date", fromText, start: date.date };
  if (/notification|notifiee/.test(folded)) return { from: "notification", fromText, start: null };
  if (/signature|signee/.test(folded)) return { from: "signature", fromText, start: null };
  if (/executoire|transmission|caractere executoire/.test(folded)) return { from: "enforceable", fromText, start: null };
  return { from: "other", fromText, start: null };
}

interface SentenceTerm {
  readonly reading: TermReading;
  readonly sentence: string;
  readonly confidence: Confidence;
}

/** "Années 2018 – 2019 - 2020" alone on its line, under a convention's title: the years it runs over. */
const YEARS_LINE = /^annees? ((?:19|20)\d{2})(?: ?[–,-] ?(?:19|20)\d{2}){0,8} ?[–,-] ?((?:19|20)\d{2})$/;

/** A period of whole years or months a sentence about a convention gives, with its length in months when the months are written. */
function periodIn(sentence: TextUnit): { period: TermPeriod; months: number | null; text: string } | null {
  const years = YEAR_PERIOD.exec(sentence.folded) ?? YEARS_LINE.exec(sentence.folded);
  if (years !== null && Number(years[2]) >= Number(years[1])) {
    const at = years.index + years[0].indexOf(years[1]);
    return { period: { from: { year: Number(years[1]), month: null }, to: { year: Number(years[2]), month: null } }, months: null, text: sentence.text.slice(at, years.index + years[0].length) };
  }
  const span = MONTH_PERIOD.exec(sentence.folded);
  if (span === null) return null;
  const toYear = Number(span[4]);
  const fromYear = span[2] === undefined ? toYear : Number(span[2]);
  const [fromMonth, toMonth] = [frenchMonth(span[1]), frenchMonth(span[3])];
  if (fromMonth === null || toMonth === null) return null;
  const months = (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
  if (months < 1) return null;
  const at = span.index + span[0].indexOf(span[1]);
  return { period: { from: { year: fromYear, month: fromMonth }, to: { year: toYear, month: toMonth } }, months, text: sentence.text.slice(at, span.index + span[0].length) };
}

function readSentence(sentence: TextUnit, referenceYear: number | null): SentenceTerm | null {
  let months: { months: number; text: string } | null = null;
  for (const match of sentence.folded.matchAll(DURATION)) {
    months = durationAt(sentence, (match.index ?? 0) + match[0].length);
    if (months !== null) break;
  }
  const adjective = months === null ? TERM_ADJECTIVE.exec(sentence.folded) : null;
  const word = adjective?.[1] ?? adjective?.[2];
  if (adjective !== null && word !== undefined) {
    const at = adjective.index + adjective[0].lastIndexOf(word);
    months = { months: ADJECTIVE_MONTHS[word], text: sentence.text.slice(at, at + word.length) };
  }
  const aboutConvention = /\b(?:conventions?|accord|elle (?:prend|prendra|entre|entrera))\b/.test(sentence.folded) && !/\brecours\b/.test(sentence.folded);
  const period = aboutConvention || YEARS_LINE.test(sentence.folded) ? periodIn(sentence) : null;
  let start: ReturnType<typeof startAt> | null = null;
  for (const match of sentence.folded.matchAll(COUNTS_FROM)) {
    if (months !== null || aboutConvention) start = startAt(sentence, (match.index ?? 0) + match[0].length);
    if (start !== null) break;
  }
  // "du 1er avril 2020 au 31 mars 2023": two dates with only "au" between them.
  const options = { referenceYear: referenceYear ?? undefined };
  const dates = findDatesInText(sentence.folded, options);
  const pair = dates.findIndex(
    (d, i) => i + 1 < dates.length && /\bdu $/.test(sentence.folded.slice(0, d.index)) && / au $/.test(sentence.folded.slice(d.index + d.text.length, dates[i + 1].index)),
  );
  const rangeDates = pair < 0 ? [] : [dates[pair], dates[pair + 1]];
  let range = pair < 0 ? null : { index: dates[pair].index - 3, length: dates[pair + 1].index + dates[pair + 1].text.length - dates[pair].index + 3 };
  const until = /\bjusqu'(?:au|a) /.exec(sentence.folded);
  const untilDate = until === null ? undefined : findDatesInText(sentence.folded.slice((until.index ?? 0) + until[0].length), options)[0];
  // "1er janvier 2019 – 31 décembre 2021" alone on its line, under a convention's title: its term.
  const rangeLine =
    rangeDates.length === 0 &&
    dates.length === 2 &&
    /^(?:du |periode du |de )?$/.test(sentence.folded.slice(0, dates[0].index)) &&
    /^ ?(?:–|-|au|a) ?$/.test(sentence.folded.slice(dates[0].index + dates[0].text.length, dates[1].index)) &&
    /^[.;]?$/.test(sentence.folded.slice(dates[1].index + dates[1].text.length).trim());
  if (rangeLine) {
    rangeDates.push(dates[0], dates[1]);
    range = { index: dates[0].index, length: dates[1].index + dates[1].text.length - dates[0].index };
  }
  const isTerm = months !== null || aboutConvention || rangeLine;
  const first = rangeDates.length === 2 && isTerm ? rangeDates[0].date : null;
  const last = rangeDates.length === 2 && isTerm ? rangeDates[1].date : untilDate !== undefined && untilDate.index <= 2 && isTerm ? untilDate.date : null;
  if (months === null && start === null && first === null && period === null) return null; // "jusqu'au …" alone is no term
  const reading: TermReading = {
    months: months?.months ?? period?.months ?? null,
    durationText: months?.text ?? (period?.months === null ? null : (period?.text ?? null)),
    from: first !== null ? "date" : (start?.from ?? null),
    fromText: first !== null && range !== null ? sentence.text.slice(range.index, range.index + range.length) : (start?.fromText ?? null),
    start: first ?? start?.start ?? null,
    end: last,
  };
  return {
    reading: period === null || first !== null ? reading : { ...reading, period: period.period },
    sentence: sentence.text,
    confidence: months !== null && start !== null ? "high" : first !== null && last !== null && !rangeLine ? "high" : "medium",
  };
}

/**
 * The convention's term: the most complete statement of it (a duration and what it counts from,
 * or two dates), its duration worked out from the dates when not written (the start day counts:
 * 01/04/2020–31/03/2023 is 36 months). Statements of different durations make it low confidence.
 * @example readTerm(prepareDeliberationText("La présente convention est conclue pour une durée de 3 ans à compter de sa notification.")).value
 *   // { months: 36, durationText: "3 ans", from: "notification", fromText: "sa notification", start: null, end: null }
 */
export function readTerm(text: DeliberationText): Extracted<TermReading> {
  const found = text.sentences.map((s) => readSentence(s, text.referenceYear)).filter((t): t is SentenceTerm => t !== null);
  if (found.length === 0) return notFound();
  const score = (t: SentenceTerm): number =>
    (t.confidence === "high" ? 4 : 0) + (t.reading.months !== null ? 2 : 0) + (t.reading.from !== null ? 1 : 0) + (t.reading.end !== null ? 1 : 0);
  // The most complete statement; among equals the shortest sentence, easier to check.
  const best = [...found].sort((a, b) => score(b) - score(a) || a.sentence.length - b.sentence.length)[0];
  const notes: ExtractionNote<TermReading>[] = [];
  let reading = best.reading;
  // "… conclue pour une durée d'un an. Elle prend effet à compter du 1er janvier 2024."
  const startElsewhere = found.find((t) => t.reading.months === null && t.reading.from !== null);
  if (reading.from === null && startElsewhere !== undefined) {
    const { from, fromText, start } = startElsewhere.reading;
    reading = { ...reading, from, fromText, start };
  }
  if (reading.months === null && reading.start !== null && reading.end !== null) {
    const months = monthsBetween(reading.start, addDays(reading.end, 1)) || null;
    if (months !== null && months > 0 && compareDates(endOfTerm(reading.start, months), reading.end) === 0) reading = { ...reading, months };
  } else if (reading.months !== null && reading.start !== null && reading.end !== null) {
    const computed = endOfTerm(reading.start, reading.months);
    if (compareDates(computed, reading.end) !== 0) notes.push({ code: "end_differs", computedEnd: computed });
  }
  if (reading.from === "notification" || reading.from === "signature") notes.push({ code: "start_to_fill" });
  if (reading.period !== undefined && reading.start === null) notes.push({ code: "period_without_days" });
  // Each other duration once, with the first statement that gives it.
  const others = found
    .filter((t, i, all) => t.reading.months !== null && t.reading.months !== reading.months && all.findIndex((o) => o.reading.months === t.reading.months) === i)
    .map((t) => ({ value: t.reading, sentence: t.sentence }));
  if (others.length > 0) notes.push({ code: "conflicting", others });
  return { value: reading, sentence: best.sentence, confidence: others.length > 0 || notes.some((n) => n.code === "end_differs") ? "low" : best.confidence, notes };
}
