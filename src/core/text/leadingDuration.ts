import { parseDuration } from "./parseDuration";

/** "… et demi" after a duration: half of its last unit ("3 ans et demi", "un an et demie"). */
const AND_A_HALF = /^ et demie?\b/;

/**
 * The duration a text starts with: the longest run of its first words (at most `maxWords`) that
 * parseDuration reads, with the length of that run, so that a sentence can go on after it
 * ("3 ans et articulée autour de 3 actions" → 36 months, "3 ans"); null when it starts with none.
 * "et demi" after years adds six months ("3 ans et demi" → 42); after months it is no whole number
 * of months, and the duration is not read (null) rather than cut to "2 mois".
 * @example leadingDuration("3 ans a compter de sa notification") // { months: 36, length: 5 }
 * @example leadingDuration("3 ans et demi a compter du 1er janvier") // { months: 42, length: 13 }
 */
export function leadingDuration(text: string, maxWords = 8): { readonly months: number; readonly length: number } | null {
  const words = text.split(" ").slice(0, maxWords);
  for (let n = words.length; n > 0; n -= 1) {
    const tried = words.slice(0, n).join(" ").replace(/[,;.:]+$/, "");
    const parsed = parseDuration(tried);
    if (!parsed.ok) continue;
    const half = AND_A_HALF.exec(text.slice(tried.length));
    if (half === null) return { months: parsed.value, length: tried.length };
    if (!/\b(?:ans?|annees?)$/.test(tried)) return null;
    return { months: parsed.value + 6, length: tried.length + half[0].length };
  }
  return null;
}
