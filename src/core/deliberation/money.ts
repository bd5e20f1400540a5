/**
 * The financial commitment of the convention: 0 when the text says there is none ("sans
 * engagement financier"), else the amount in euros it states ("une subvention de 15 000 €").
 */
import { readAmount } from "../cells/cellValue";
import { DeliberationText } from "./deliberationText";
import { Candidate, ExtractionNote, Extracted, resolveCandidates } from "./extracted";

const NO_MONEY =
  /\bsans (?:aucun )?engagement financier|\bsans (?:aucune )?(?:contrepartie|incidence|participation|consequence|contribution) financiere|\ba titre (?:gratuit|gracieux)|\baucune (?:participation|contrepartie|incidence|contribution|consequence) financiere|\baucun engagement financier|\bn'(?:a|emporte|entraine|implique) aucune (?:incidence|consequence) financiere/;
const AMOUNT = /(?<![\d,.])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d{1,2}))?\s?(?:€|euros?\b|eur\b)/g;
const ABOUT_MONEY = /\b(?:subvention|montant|participation|contribution|somme|verse\w*|financ\w*|budget|cout|engage\w*|dotation|aide)\b/;
const TOTAL = /\b(?:montant total|au total|total de|globale?)\b/;
const YEARLY = /^[^.;]{0,25}\b(?:par an|par annee|annuel(?:le)?(?:ment)?|chaque annee|pour l'annee)\b/;

/**
 * The financial commitment in euros: 0 for "sans engagement financier" and the like, else each
 * amount written in a sentence about money (high when it is said to be the total); passages that
 * disagree (an amount and "sans engagement financier") make it low confidence. A yearly amount
 * ("5 000 € par an") is kept with a `yearly_amount` note.
 * @example readAmountCommitted(prepareDeliberationText("Cette convention est mise en œuvre sans engagement financier.")).value // 0
 */
export function readAmountCommitted(text: DeliberationText): Extracted<number> {
  const candidates: Candidate<number>[] = [];
  for (const sentence of text.sentences) {
    if (NO_MONEY.test(sentence.folded)) candidates.push({ value: 0, sentence: sentence.text, confidence: "high" });
    if (!ABOUT_MONEY.test(sentence.folded)) continue;
    for (const match of sentence.folded.matchAll(AMOUNT)) {
      const at = match.index ?? 0;
      const read = readAmount(sentence.text.slice(at, at + match[0].length), "amount");
      if (!read.ok || read.value === null || read.value === 0) continue;
      const yearly = YEARLY.test(sentence.folded.slice(at + match[0].length));
      const notes: ExtractionNote<number>[] = yearly ? [{ code: "yearly_amount" }] : [];
      const total = TOTAL.test(sentence.folded.slice(Math.max(0, at - 70), at));
      candidates.push({ value: read.value, sentence: sentence.text, confidence: total ? "high" : yearly ? "low" : "medium", notes });
    }
  }
  return resolveCandidates(candidates, (amount) => String(amount));
}
