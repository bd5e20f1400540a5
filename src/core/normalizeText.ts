/**
 * Folds text for matching: lower case, no accents, typographic apostrophes and non-breaking
 * spaces made plain, runs of spaces collapsed.
 * @example normalizeText("  Date d’Échéance ") // "date d'echeance"
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc`´]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim();
}
