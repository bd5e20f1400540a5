import { parseDuration } from "./parseDuration";

/**
 * The duration a text starts with: the longest run of its first words (at most `maxWords`) that
 * parseDuration reads, with the length of that run, so that a sentence can go on after it
 * ("3 ans et articulée autour de 3 actions" → 36 months, "3 ans"); null when it starts with none.
 * @example leadingDuration("3 ans a compter de sa notification") // { months: 36, length: 5 }
 */
export function leadingDuration(text: string, maxWords = 8): { readonly months: number; readonly length: number } | null {
  const words = text.split(" ").slice(0, maxWords);
  for (let n = words.length; n > 0; n -= 1) {
    const tried = words.slice(0, n).join(" ").replace(/[,;.:]+$/, "");
    const parsed = parseDuration(tried);
    if (parsed.ok) return { months: parsed.value, length: tried.length };
  }
  return null;
}
