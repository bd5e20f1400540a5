/**
 * The financial commitment of the convention: 0 when the text says there is none ("sans
 * engagement financier"), else the amount in euros it states ("une subvention de 15 000 €").
 */
import { readAmount } from "../cells/cellValue";
import { DeliberationText } from "./deliberationText";
import { Candidate, ExtractionNote, Extracted, distinctReadings, resolveCandidates } from "./extracted";

const NO_MONEY =
  /\bsans (?:aucun )?engagement financier|\bsans (?:aucune )?(?:contrepartie|incidence|participation|consequence|contribution) financiere|\ba titre (?:gratuit|gracieux)|\baucune (?:participation|contrepartie|incidence|contribution|consequence) financiere|\baucun engagement financier|\bn'(?:a|emporte|entraine|implique) aucune (?:incidence|consequence) financiere/;
const AMOUNT = /(?<![\d,.])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d{1,2}))?\s?(?:€|euros?\b|eur\b)/g;
/**
 * "un montant maximum de 141 000 répartis comme suit": an amount right after "montant … de",
 * whose currency a copy of the PDF lost.
 */
const AMOUNT_NAMED = /\bmontant (?:(?:total|global|maximum|maximal|annuel) )?(?:de |d')(\d{1,3}(?:[ .]\d{3})+|\d{4,})(?![\d,.]|\s?(?:€|euros?\b|eur\b|%))/g;
const ABOUT_MONEY = /\b(?:subvention|montant|participation|contribution|somme|verse\w*|financ\w*|budget|cout|engage\w*|dotation|aide)\b/;
/** A loan guarantee is no money paid: its amounts are the loans'. */
const GUARANTEE = /\b(?:garantie d'emprunt|accorder sa garantie|sa garantie|garantie du service|garanti[er]? (?:un|les|le) (?:pret|emprunt)s?)\b/;
const TOTAL = /\b(?:montant total|au total|total de|globale?)\b/;
const YEARLY = /^[^.;]{0,25}\b(?:par an|par annee|annuel(?:le)?(?:ment)?|chaque annee|pour l'annee)\b/;

/**
 * The financial commitment in euros: 0 for "sans engagement financier" and the like, else each
 * amount written in a sentence about money (high when it is said to be the total); passages that
 * disagree (an amount and "sans engagement financier") make it low confidence. A yearly amount
 * ("5 000 € par an") is kept with a `yearly_amount` note. Amounts of a loan guarantee are left
 * out. Several amounts in one sentence, each the total of its own line ("- de la Fondation … pour
 * un montant total de 60 000 €, - du CAUE … pour un montant total de 45 000 €"), are a breakdown
 * among beneficiaries, not one convention's amount: none is chosen (an `ambiguous` note lists them).
 * @example readAmountCommitted(prepareDeliberationText("Cette convention est mise en œuvre sans engagement financier.")).value // 0
 */
export function readAmountCommitted(text: DeliberationText): Extracted<number> {
  const candidates: Candidate<number>[] = [];
  for (const sentence of text.sentences) {
    if (NO_MONEY.test(sentence.folded)) candidates.push({ value: 0, sentence: sentence.text, confidence: "high" });
    if (!ABOUT_MONEY.test(sentence.folded) || GUARANTEE.test(sentence.folded)) continue;
    const amounts = [
      ...[...sentence.folded.matchAll(AMOUNT)].map((m) => ({ at: m.index ?? 0, length: m[0].length })),
      ...[...sentence.folded.matchAll(AMOUNT_NAMED)].map((m) => ({ at: (m.index ?? 0) + m[0].length - m[1].length, length: m[1].length })),
    ];
    for (const { at, length } of amounts) {
      const read = readAmount(sentence.text.slice(at, at + length), "amount");
      if (!read.ok || read.value === null || read.value === 0) continue;
      const yearly = YEARLY.test(sentence.folded.slice(at + length, at + length + 40));
      const notes: ExtractionNote<number>[] = yearly ? [{ code: "yearly_amount" }] : [];
      const total = TOTAL.test(sentence.folded.slice(Math.max(0, at - 70), at));
      candidates.push({ value: read.value, sentence: sentence.text, confidence: total ? "high" : yearly ? "low" : "medium", notes });
    }
  }
  const top = candidates.filter((c) => c.confidence === "high" && c.value !== 0);
  const breakdown = top.find((c, _i, all) => all.some((o) => o.sentence === c.sentence && o.value !== c.value));
  if (breakdown !== undefined) {
    return { value: null, sentence: null, confidence: "low", notes: [{ code: "ambiguous", candidates: distinctReadings(candidates, String) }] };
  }
  return resolveCandidates(candidates, (amount) => String(amount));
}
