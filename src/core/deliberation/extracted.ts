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
  /** Passages give different values; the first is kept, `others` are the values the other passages give. */
  | { readonly code: "conflicting"; readonly others: readonly T[] }
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

/**
 * One value out of the passages that give one: the first of the most confident; when passages
 * disagree (values of different `key`), that one with low confidence and the other values, once
 * each, in a `conflicting` note.
 * @example resolveCandidates([{ value: 36, sentence: "…", confidence: "high" }], String).value // 36
 */
export function resolveCandidates<T>(candidates: readonly Candidate<T>[], key: (value: T) => string): Extracted<T> {
  if (candidates.length === 0) return notFound();
  const rank: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
  const best = [...candidates].sort((a, b) => rank[a.confidence] - rank[b.confidence])[0];
  const seen = new Set([key(best.value)]);
  const others: T[] = [];
  for (const candidate of candidates) {
    const k = key(candidate.value);
    if (seen.has(k)) continue;
    seen.add(k);
    others.push(candidate.value);
  }
  const notes = [...(best.notes ?? [])];
  if (others.length > 0) notes.push({ code: "conflicting", others });
  return { value: best.value, sentence: best.sentence, confidence: others.length > 0 ? "low" : best.confidence, notes };
}
