import { parseFrenchNumber } from "./frenchNumber";
import { UNIT_MONTHS } from "./parseDuration";

/** How often something recurs, as written inside a sentence. */
export interface FrequencyInText {
  /** Months between two occurrences: 12 / (times a year); whole months only. */
  readonly months: number;
  /** Where the expression starts in the folded text searched. */
  readonly index: number;
  /** The expression as written there ("au minimum 2 fois par an"). */
  readonly text: string;
  /** "au minimum", "au moins", "a minima": a floor, not an exact rhythm. */
  readonly atLeast: boolean;
}

const UNIT = "ans?|annees?|semestres?|trimestres?|mois";
// Bounded: a long run of letters and hyphens ("a-a-a-…") is read in linear time.
const QUANTITY = "\\d{1,2}|[a-z]{1,16}(?:-[a-z]{1,16}){0,3}";
const FLOOR = "(?:(au minimum|au moins|a minima) )?";
const FORMS: readonly { readonly pattern: RegExp; readonly read: (m: RegExpMatchArray) => number | null }[] = [
  // "2 fois par an", "une fois par trimestre", "deux fois par semestre", "2 fois l'an"
  {
    pattern: new RegExp(`${FLOOR}\\b(${QUANTITY}) fois (?:par|l'|chaque) ?(${UNIT})\\b`, "g"),
    read: (m) => {
      const times = quantity(m[2]);
      const unit = UNIT_MONTHS[m[3]];
      return times === null || times === 0 || unit % times !== 0 ? null : unit / times;
    },
  },
  // "chaque trimestre", "tous les six mois", "tous les ans", "toutes les annees", "tous les 2 ans"
  {
    pattern: new RegExp(`${FLOOR}\\b(?:chaque|tous les|toutes les)(?: (${QUANTITY}))? (${UNIT})\\b`, "g"),
    read: (m) => {
      const every = m[2] === undefined ? 1 : quantity(m[2]);
      return every === null || every === 0 ? null : every * UNIT_MONTHS[m[3]];
    },
  },
  // "annuellement", "semestriellement", "trimestriellement", "mensuellement"
  {
    pattern: new RegExp(`${FLOOR}\\b(annuellement|semestriellement|trimestriellement|mensuellement)\\b`, "g"),
    read: (m) => ADVERBS[m[2]] ?? null,
  },
];
const ADVERBS: Readonly<Record<string, number>> = { annuellement: 12, semestriellement: 6, trimestriellement: 3, mensuellement: 1 };

function quantity(words: string): number | null {
  if (/^\d+$/.test(words)) return Number(words);
  return parseFrenchNumber(words.split("-"));
}

/**
 * Every rhythm written in a text already folded by normalizeText, in order: "au minimum 2 fois
 * par an" (6 months), "au moins une fois par semestre" (6), "une fois par trimestre" (3), "chaque
 * trimestre" (3), "tous les six mois" (6), "annuellement" (12). A rhythm that is not a whole
 * number of months ("5 fois par an") is left out rather than rounded.
 * @example findFrequencies("se reunit au minimum 2 fois par an").map(f => f.months) // [6]
 */
export function findFrequencies(folded: string): FrequencyInText[] {
  const found: FrequencyInText[] = [];
  for (const form of FORMS) {
    for (const match of folded.matchAll(form.pattern)) {
      const months = form.read(match);
      if (months === null) continue;
      found.push({ months, index: match.index ?? 0, text: match[0], atLeast: match[1] !== undefined });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
