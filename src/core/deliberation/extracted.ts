/**
 * What the reading of a deliberation gives for each field: the value, the sentence it was taken
 * from, how sure the rule is, and notes that say why a value is blank or doubtful. Notes are
 * codes; their French sentences are in src/i18n/deliberation.fr.ts.
 */

import type { CalendarDate } from "../dates/calendarDate";

/**
 * How sure the extraction is of a field (the pane and the command line show it next to the value):
 * - `high`: read from a fixed form of these acts with the value right by its keyword ("réception
 *   en sous-préfecture le : 11 JUIL. 2024", "pour une durée de 3 ans à compter de sa notification",
 *   "N° SIRET …" with a right key), and no other passage says otherwise; also a stamp seen blank
 *   (the value is then surely blank);
 * - `medium`: read from a looser form (a heading, a keyword a few words away), or worked out from
 *   other fields (the exécutoire date as the later of reception and publication);
 * - `low`: passages disagree, the value is a best guess, or nothing in the text speaks of the
 *   field (value null): to check before confirming.
 */
export type Confidence = "high" | "medium" | "low";

/** A value another passage of the text gives, with that passage as written. */
export interface OtherReading<T> {
  readonly value: T;
  readonly sentence: string;
}

/**
 * Why a value is blank or doubtful: a union keyed on `code`, each with its facts (the French
 * sentence is made in src/i18n/deliberation.fr.ts).
 */
export type ExtractionNote<T = unknown> =
  /** Nothing in the text speaks of this field. */
  | { readonly code: "not_found" }
  /** The stamp is there and its date was left blank: the value stays blank, never borrowed. */
  | { readonly code: "left_blank" }
  /** Worked out from other fields (the exécutoire date, from reception and publication). */
  | { readonly code: "computed" }
  /** Passages give different values: the one most passages give is kept, `others` are the other values, each with its passage. */
  | { readonly code: "conflicting"; readonly others: readonly OtherReading<T>[] }
  /** Several values, none of which the text shows to be this act's (one ACTES identifier per act of a recueil, one amount per beneficiary): the value stays blank. */
  | { readonly code: "ambiguous"; readonly candidates: readonly OtherReading<T>[] }
  /** Not written in the text: taken from the act's ACTES identifier (`actesId`, as written), which carries its date and number. */
  | { readonly code: "from_actes_id"; readonly actesId: string }
  /** A stamp written without its year ("27 janvier"): `year` is the séance's, the act being stamped after it. */
  | { readonly code: "year_from_context"; readonly year: number }
  /** The term is given in whole years only ("sur la période 2013-2016"): its first and last days are not written. */
  | { readonly code: "period_without_days" }
  /** A SIRET was written whose key (Luhn) is wrong, or that is not 14 digits: not kept; `written` is the number as written. */
  | { readonly code: "invalid_siret"; readonly written: string }
  /** The term counts from a date the deliberation cannot know (its notification, its signature): the start is to fill in. */
  | { readonly code: "start_to_fill" }
  /** The amount is a yearly one, not the convention's total. */
  | { readonly code: "yearly_amount" }
  /** The term's end given by the text does not follow from its start and duration (`computedEnd`). */
  | { readonly code: "end_differs"; readonly computedEnd: CalendarDate };

export type ExtractionNoteCode = ExtractionNote["code"];

export interface Extracted<T> {
  /** Null when the text leaves it blank or does not say. */
  readonly value: T | null;
  /** The sentence (or stamp) it was read from, as written; null when nothing was found. */
  readonly sentence: string | null;
  readonly confidence: Confidence;
  readonly notes: readonly ExtractionNote<T>[];
}

/** A value read from one passage. */
export interface Candidate<T> {
  readonly value: T;
  readonly sentence: string;
  readonly confidence: Confidence;
  readonly notes?: readonly ExtractionNote<T>[];
}

/** A field nothing in the text speaks of. */
export function notFound<T>(): Extracted<T> {
  return { value: null, sentence: null, confidence: "low", notes: [{ code: "not_found" }] };
}

const RANK: Readonly<Record<Confidence, number>> = { high: 0, medium: 1, low: 2 };

/**
 * One value out of the passages that give one: among the most confident, the value most passages
 * give (the first of them on a tie), quoted from its first passage; when passages disagree (values
 * of different `key`), that one with low confidence and each other value once, with its first
 * passage, in a `conflicting` note.
 * @example resolveCandidates([{ value: 36, sentence: "…", confidence: "high" }], String).value // 36
 */
export function resolveCandidates<T>(candidates: readonly Candidate<T>[], key: (value: T) => string): Extracted<T> {
  if (candidates.length === 0) return notFound();
  const top = Math.min(...candidates.map((c) => RANK[c.confidence]));
  const counts = new Map<string, number>();
  for (const c of candidates) if (RANK[c.confidence] === top) counts.set(key(c.value), (counts.get(key(c.value)) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const best = candidates.find((c) => RANK[c.confidence] === top && counts.get(key(c.value)) === most) ?? candidates[0];
  const others = distinctReadings(candidates, key, key(best.value));
  const notes = [...(best.notes ?? [])];
  if (others.length > 0) notes.push({ code: "conflicting", others });
  return { value: best.value, sentence: best.sentence, confidence: others.length > 0 ? "low" : best.confidence, notes };
}

/**
 * Each value of the candidates once, with its first passage, leaving out the value keyed `except`.
 * @example distinctReadings([{ value: 1, sentence: "a", confidence: "high" }, { value: 1, sentence: "b", confidence: "low" }], String) // [{ value: 1, sentence: "a" }]
 */
export function distinctReadings<T>(candidates: readonly Candidate<T>[], key: (value: T) => string, except?: string): OtherReading<T>[] {
  const seen = new Set(except === undefined ? [] : [except]);
  const readings: OtherReading<T>[] = [];
  for (const candidate of candidates) {
    const k = key(candidate.value);
    if (seen.has(k)) continue;
    seen.add(k);
    readings.push({ value: candidate.value, sentence: candidate.sentence });
  }
  return readings;
}
