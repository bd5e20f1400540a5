/**
 * Reading a proper name in a sentence (an authority's, a partner's) and choosing among readings
 * that vary in wording without contradicting each other.
 */
import { normalizeText } from "../text/normalizeText";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Extracted, notFound } from "./extracted";

/** The first of the best candidates (titles and names vary in wording without contradicting). */
export function firstBest<T>(candidates: readonly Candidate<T>[]): Extracted<T> {
  for (const level of ["high", "medium", "low"] as const) {
    const found = candidates.find((c) => c.confidence === level);
    if (found !== undefined) return { value: found.value, sentence: found.sentence, confidence: found.confidence, notes: found.notes ?? [] };
  }
  return notFound();
}

/** The text's lines, one per line: what recaseCapitals learns spellings from. */
export function whole(text: DeliberationText): string {
  return text.lines.map((l) => l.text).join("\n");
}

/** What joins a kind of body to its name: "Communauté de Communes du Pays…", "Ville de …", "Conseil régional d'Ile-de-France". */
const JOINER = /^(?: d[eu]s? | de la | de l'| d'| )/;
/** A word of a name: capitalised, or in capitals, with its hyphens, apostrophes and dots ("Saint-Ouen", "S.I.V.O.M.", "D'ALSACE"). */
const NAME_WORD = /^\p{Lu}[\p{L}\d'’.-]{0,40}/u;
/** Small words inside a name, when a capitalised word follows ("Saint Sulpice la Forêt", "Ventoux et Comtat Venaissin"). */
const CONNECTOR = /^(?:(?:de|du|des|la|le|les|et|en|sur|sous|lès|lez|à|a|aux) |[dl]['’])(?=\p{Lu})/iu;
/** Words that start another item of a header, never a name's next word. */
const ANOTHER_ITEM = /^(?:departement|region|commune|ville|communaute|metropole|prefecture|republique|compte-rendu|compte|extrait|conseil|seance|arrondissement)\b/;
/** An acronym in brackets right after a name: "(C.O.V.E.)". */
const ACRONYM = /^\([\p{Lu}\d. ]{1,20}\)/u;

function inCapitals(word: string): boolean {
  return word === word.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(word);
}

/**
 * The proper name that starts at `at` in a sentence, after what joins it to its kind (" de ",
 * " du ", " d'", a space): its capitalised words, the small words between them, an acronym in
 * brackets; a name in capitals goes on with words in capitals only ("CONSEIL RÉGIONAL
 * POITOU-CHARENTES Réception …" stops before "Réception"). `wholeLine` takes the rest of the
 * line instead (a letterhead, whose name may hold commas). Null when no capitalised word starts it.
 * @example nameAfter(unit("la Ville de Strasbourg et les centres"), 8) // { start: 12, end: 22 } ("Strasbourg")
 */
export function nameAfter(sentence: TextUnit, at: number, wholeLine = false): { readonly start: number; readonly end: number } | null {
  const joiner = JOINER.exec(sentence.folded.slice(at, at + 8));
  const start = at + (joiner?.[0].length ?? 0);
  if (wholeLine) {
    const rest = sentence.text.slice(start).replace(/[\s,;:–-]+$/, "");
    return /^[\p{Lu}\d]/u.test(rest) ? { start, end: start + rest.length } : null;
  }
  let pos = start;
  let end = -1;
  // A name in capitals after a kind in capitals ("CONSEIL RÉGIONAL POITOU-CHARENTES") goes on in capitals only.
  const kind = /(\p{L}{2,})\P{L}*$/u.exec(sentence.text.slice(Math.max(0, at - 30), at))?.[1];
  let capitals: boolean | null = kind === undefined ? null : inCapitals(kind) ? null : false;
  for (let words = 0; words < 12; words += 1) {
    const rest = sentence.text.slice(pos, pos + 60);
    const word = NAME_WORD.exec(rest);
    // Another header's item starts: "Ville de Cherbourg-en-Cotentin Département de la Manche COMPTE-RENDU …".
    if (word === null || (end >= 0 && ANOTHER_ITEM.test(normalizeText(word[0])))) break;
    const written = word[0].replace(/[.'’-]+$/, (tail) => (/^(?:\p{L}\.)+$/u.test(word[0]) ? tail : ""));
    if (capitals === null) capitals = inCapitals(written) && !/^(?:\p{L}\.)+$/u.test(written);
    else if (capitals && !inCapitals(written)) break;
    end = pos + written.length;
    pos = end;
    const acronym = ACRONYM.exec(sentence.text.slice(pos + 1, pos + 24));
    if (sentence.text[pos] === " " && acronym !== null) {
      end = pos + 1 + acronym[0].length;
      break;
    }
    if (sentence.text[pos] !== " ") break;
    const connector = CONNECTOR.exec(sentence.text.slice(pos + 1, pos + 12));
    const next = pos + 1 + (connector?.[0].length ?? 0);
    if (connector !== null && capitals && connector[0] !== connector[0].toUpperCase()) break;
    if (!NAME_WORD.test(sentence.text.slice(next, next + 2))) break;
    pos = next;
  }
  return end < 0 ? null : { start, end };
}
