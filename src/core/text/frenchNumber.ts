import { ownValue } from "../base/ownValue";

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
};
const TENS: Record<string, number> = {
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
};

/**
 * Reads a whole number written in French words (accents already folded, hyphens as spaces),
 * from "un" to "neuf cent quatre-vingt-dix-neuf"; null when the words are not a number.
 * @example parseFrenchNumber(["dix", "huit"]) // 18
 * @example parseFrenchNumber(["soixante", "et", "onze"]) // 71
 */
export function parseFrenchNumber(words: readonly string[]): number | null {
  if (words.length === 0) return null;
  let hundreds = 0;
  let rest: readonly string[] = words;
  const centAt = words.findIndex((w) => w === "cent" || w === "cents");
  if (centAt >= 0) {
    const multiplier = centAt === 0 ? 1 : parseBelowHundred(words.slice(0, centAt));
    if (multiplier === null || multiplier < 1 || multiplier > 9 || (centAt === 0 && words[0] === "cents")) return null;
    hundreds = multiplier * 100;
    rest = words.slice(centAt + 1);
    if (rest.length === 0) return hundreds;
  }
  const below = parseBelowHundred(rest);
  return below === null ? null : hundreds + below;
}

function parseBelowHundred(words: readonly string[]): number | null {
  let i = 0;
  let value = 0;
  const tens = ownValue(TENS, words[i]);
  if (words[i] === "quatre" && (words[i + 1] === "vingt" || words[i + 1] === "vingts")) {
    value = 80;
    i += 2;
  } else if (tens !== undefined) {
    value = tens;
    i += 1;
  }
  if (i === words.length) return value === 0 ? null : value;
  if (value > 0 && words[i] === "et") {
    // "vingt et un", "soixante et onze": only with un/une/onze, never after quatre-vingt
    if (value === 80 || !(words[i + 1] === "un" || words[i + 1] === "une" || words[i + 1] === "onze")) return null;
    i += 1;
  }
  const unit = ownValue(UNITS, words[i]);
  if (unit !== undefined && i === words.length - 1) {
    if (value === 0) return unit;
    const maxAdded = value === 60 || value === 80 ? 19 : 9;
    return unit >= 1 && unit <= maxAdded ? value + unit : null;
  }
  // "dix-sept", "soixante-dix-huit", "quatre-vingt-dix-neuf"
  if (words[i] === "dix" && i === words.length - 2) {
    const last = ownValue(UNITS, words[i + 1]);
    if (last === undefined || last < 7 || last > 9) return null;
    if (value !== 0 && value !== 60 && value !== 80) return null;
    return value + 10 + last;
  }
  return null;
}
