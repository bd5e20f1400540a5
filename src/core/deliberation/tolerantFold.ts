/**
 * The folded copy of a text the rules match against (lower case, no accents, plain apostrophes),
 * made tolerant of what PDF text layers and web copies do to French: a replacement character for
 * an accented letter ("D�lib�ration affich�e", "Re�ue"), "?" for an apostrophe ("l?Etat"), an
 * apostrophe lost ("d animation", "conseil régional d Ile-de-France"). Only the matching copy is
 * repaired, character for character, so that positions in it are positions in the text as written,
 * which the review quotes unchanged.
 */
import { normalizeText } from "../text/normalizeText";

/**
 * Folds text for matching like normalizeText, one character at a time so that positions in the
 * folded copy are positions in the text (a character whose folded form has another length is
 * only lower-cased).
 * @example foldAligned("Réception en Sous-Préfecture") // "reception en sous-prefecture"
 */
export function foldAligned(text: string): string {
  let folded = "";
  for (const ch of text) {
    if (/\s/.test(ch)) {
      folded += " ";
      continue;
    }
    const f = normalizeText(ch);
    const lower = ch.toLowerCase();
    folded += f.length === ch.length ? f : lower.length === ch.length ? lower : ch;
  }
  return folded;
}

const REPLACEMENT = "\ufffd";
/** Words whose accented letter does not fold to "e", the likeliest reading of a lost accent otherwise. */
const ACCENTED_WORDS = ["à", "où", "là", "déjà", "reçu", "reçue", "reçus", "reçues", "hôtel", "août", "île", "maître", "maîtrise", "contrôle", "côté", "façon", "français", "française", "aîné", "coût", "coûts", "dû", "bâtiment", "bâtiments", "théâtre"];
/** Letters a lost accented letter folds to. */
const ACCENT_BASES = /[aceiouy]/g;
/** At most this many candidates are compared for one damaged word: the work stays linear. */
const MAX_CANDIDATES = 50;

/** A word without the letters an accent may sit on: the key under which a damaged word finds its candidates. */
function skeleton(folded: string): string {
  return folded.replace(ACCENT_BASES, "").split(REPLACEMENT).join("");
}

/**
 * A fold of `text` (see foldAligned) that also repairs, in the folded copy only:
 * - each word with replacement characters, by the one word of the document (or of a short list of
 *   French words whose accent is not on an "e") it can be; else each one as "e";
 * - "?" between an elided letter and a word ("l?Etat" → "l'etat"), and an apostrophe lost after
 *   "d" or "l" before a vowel ("d animation" → "d'animation").
 * `documentLines` give the words the damaged ones are matched against.
 * @example makeTolerantFold(["Délibération du conseil"])("D\ufffdlib\ufffdration affich\ufffde \ufffd l?H\ufffdtel") // "deliberation affichee a l'hotel"
 */
export function makeTolerantFold(documentLines: readonly string[]): (text: string) => string {
  const bySkeleton = new Map<string, Set<string>>();
  const addWord = (word: string): void => {
    const folded = normalizeText(word);
    if (folded.includes(REPLACEMENT) || folded.length > 40) return;
    const key = skeleton(folded);
    const words = bySkeleton.get(key) ?? new Set<string>();
    if (words.size < MAX_CANDIDATES) words.add(folded);
    bySkeleton.set(key, words);
  };
  ACCENTED_WORDS.forEach(addWord);
  for (const line of documentLines) {
    if (!line.includes(REPLACEMENT) && !/[^\u0020-\u007e\s]/.test(line)) continue; // only accented words help
    for (const [word] of line.matchAll(/[\p{L}\ufffd]+/gu)) if (/[^\u0020-\u007e\s]/.test(word)) addWord(word);
  }
  const repaired = new Map<string, string>();
  const repair = (damaged: string): string => {
    const known = repaired.get(damaged);
    if (known !== undefined) return known;
    const pattern = new RegExp(`^${damaged.split(REPLACEMENT).map(escape).join("[a-z]")}$`);
    const candidates = damaged.length > 40 ? [] : [...(bySkeleton.get(skeleton(damaged)) ?? [])].filter((w) => w.length === damaged.length && pattern.test(w));
    const fixed = candidates.length === 1 ? candidates[0] : damaged.split(REPLACEMENT).join("e");
    repaired.set(damaged, fixed);
    return fixed;
  };
  return (text: string): string =>
    foldAligned(text)
      .replace(/[a-z\ufffd]+/g, (word) => (word.includes(REPLACEMENT) ? repair(word) : word))
      .replace(/(?<![a-z])([cdjlmnst]|qu)\?(?=[a-z])/g, "$1'")
      .replace(/(?<![a-z'])([dl]) (?=[aeiouyh][a-z])/g, "$1'");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
