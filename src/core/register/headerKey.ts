import { normalizeText } from "../text/normalizeText";

export interface HeaderKey {
  /** The header's words, folded: "Date d'Échéance (calculée)" → "date echeance". */
  readonly key: string;
  /** The unit the header states for its numbers: "Durée (ans)", "Préavis en mois". */
  readonly unit: "months" | "years" | null;
}

/** Small words that carry no meaning in a header ("Date de la délibération" = "Date délibération"). */
const STOPWORDS = new Set(["de", "du", "des", "d", "la", "le", "l", "les", "en", "au", "aux", "a"]);
const YEARS = new Set(["an", "ans", "annee", "annees"]);
const MONTHS = new Set(["mois"]);

/**
 * The comparable form of a column header: case, accents, punctuation, "n°", small words and
 * anything between brackets ignored; a unit word (mois, ans) in brackets or at the end is taken
 * out and reported. A header that is only "N°" reads "numero".
 * @example headerKey("Durée (ans)") // { key: "duree", unit: "years" }
 * @example headerKey("N° de convention") // { key: "convention", unit: null }
 */
export function headerKey(header: string): HeaderKey {
  let text = normalizeText(header);
  let unit: HeaderKey["unit"] = null;
  const noteUnit = (words: readonly string[]): void => {
    for (const w of words) {
      if (YEARS.has(w)) unit = "years";
      else if (MONTHS.has(w)) unit = "months";
    }
  };
  text = text.replace(/\(([^)]*)\)|\[([^\]]*)\]/g, (_m, round: string | undefined, square: string | undefined) => {
    noteUnit(words(round ?? square ?? ""));
    return " ";
  });
  const numberSign = /\bn\s*[°º]\s*|\bno\.(?:\s|$)/g;
  const hadNumberSign = numberSign.test(text);
  text = text.replace(numberSign, " ");
  let tokens = words(text).filter((w) => !STOPWORDS.has(w));
  // A trailing unit ("Durée mois", "Préavis en mois") is a unit, unless it is the whole header.
  while (tokens.length > 1 && (YEARS.has(tokens[tokens.length - 1]) || MONTHS.has(tokens[tokens.length - 1]))) {
    noteUnit([tokens[tokens.length - 1]]);
    tokens = tokens.slice(0, -1);
  }
  const key = tokens.join(" ");
  return { key: key === "" && hadNumberSign ? "numero" : key, unit };
}

function words(text: string): string[] {
  return text
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
}
