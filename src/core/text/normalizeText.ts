/** Any character outside ASCII: only such text can hold accents to take off. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Folds text for matching: lower case, no accents, typographic apostrophes and non-breaking
 * spaces made plain, runs of spaces collapsed.
 * @example normalizeText("  Date d’Échéance ") // "date d'echeance"
 */
export function normalizeText(text: string): string {
  // Plain ASCII (references, most cells) has nothing to decompose: the costly NFD pass is skipped.
  const unaccented = NON_ASCII.test(text) ? text.normalize("NFD").replace(/\p{M}/gu, "") : text;
  return unaccented
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc`´]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim();
}
