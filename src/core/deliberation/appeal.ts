/**
 * The appeal: the competent court ("devant le tribunal administratif de Lille") and the months
 * of the délai de recours ("dans un délai de deux mois à compter de sa publication").
 */
import { leadingDuration } from "../text/leadingDuration";
import { DeliberationText } from "./deliberationText";
import { Candidate, Extracted, resolveCandidates } from "./extracted";
import { recaseCapitals } from "./recaseCapitals";

const COURT = /\btribunal administratif (?:de |d')/g;
const CITY_WORD = String.raw`\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*`;
const CITY = new RegExp(`^${CITY_WORD}(?: (?:de |de la |du |d')?${CITY_WORD})*`, "u");
const APPEAL_DELAY = /\b(?:dans (?:un|le) delai (?:franc )?(?:de |d')|dans les |delai de recours (?:contentieux )?(?:de |d'|est de ))/g;

export interface Appeal {
  /** "Tribunal administratif de Lille". */
  readonly court: Extracted<string>;
  /** Months of the délai de recours contentieux (2 in every act so far). */
  readonly months: Extracted<number>;
}

/**
 * The court named for appeals and disputes, and the length of the délai de recours in months,
 * from the sentences that speak of a recours.
 * @example readAppeal(prepareDeliberationText("… un recours contentieux devant le tribunal administratif de Lille, dans un délai de deux mois à compter de sa publication.")).months.value // 2
 */
export function readAppeal(text: DeliberationText): Appeal {
  const document = text.lines.map((l) => l.text).join("\n");
  const courts: Candidate<string>[] = [];
  const months: Candidate<number>[] = [];
  for (const sentence of text.sentences) {
    for (const match of sentence.folded.matchAll(COURT)) {
      const at = (match.index ?? 0) + match[0].length;
      const city = CITY.exec(sentence.text.slice(at));
      if (city === null) continue;
      const article = sentence.text.slice(at - (match[0].endsWith("'") ? 2 : 3), at);
      courts.push({ value: `Tribunal administratif ${article.toLowerCase()}${recaseCapitals(city[0], document)}`, sentence: sentence.text, confidence: "high" });
    }
    if (!/\brecours\b/.test(sentence.folded)) continue;
    for (const match of sentence.folded.matchAll(APPEAL_DELAY)) {
      const delay = leadingDuration(sentence.folded.slice((match.index ?? 0) + match[0].length), 3);
      if (delay !== null) months.push({ value: delay.months, sentence: sentence.text, confidence: "high" });
    }
  }
  return { court: resolveCandidates(courts, (c) => c), months: resolveCandidates(months, String) };
}
