import { FRENCH_MONTHS, FRENCH_MONTHS_SHORT } from "./frenchCalendarNames";
import { normalizeText } from "./normalizeText";

const MONTHS = FRENCH_MONTHS.map((name, i) => ({
  month: i + 1,
  wide: normalizeText(name),
  abbreviated: normalizeText(FRENCH_MONTHS_SHORT[i]).replace(/\.$/, ""),
}));

/**
 * Month number of a French month name, full or abbreviated, with or without accents, case or
 * final dot ("juillet", "JUIL.", "févr", "fev", "aout"); null when the word is no month or is
 * ambiguous ("ju").
 * @example frenchMonth("JUIL.") // 7
 */
export function frenchMonth(word: string): number | null {
  const w = normalizeText(word).replace(/\.$/, "");
  if (w.length < 3) return null;
  const exact = MONTHS.find((m) => m.wide === w || m.abbreviated === w);
  if (exact !== undefined) return exact.month;
  const prefixed = MONTHS.filter((m) => m.wide.startsWith(w));
  return prefixed.length === 1 ? prefixed[0].month : null;
}
