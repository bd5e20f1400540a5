/**
 * A heading in capitals written back in ordinary case, each word spelt as the document itself
 * spells it elsewhere ("BETHUNE" → "Béthune", "PARTENARIAT" → "partenariat", accents restored),
 * small words in lower case; a word the document writes in capitals more often than not in its
 * ordinary lines ("TEAM2", "ALPHA MOBILITÉS SAS") keeps them, and so does a word never written
 * otherwise when short or with digits (an acronym: "CCAS"); any other word is written in lower
 * case. Text not in capitals is returned as it is.
 * @example recaseCapitals("CONVENTION AVEC L'ASSOCIATION TEAM2", "la convention avec l'association TEAM2") // "Convention avec l'association TEAM2"
 */
export function recaseCapitals(text: string, document: string): string {
  if (!mostlyCapitals(text)) return text;
  const spellings = spellingsOf(document);
  const recased = text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (!isCapitals(word)) return word;
    const known = spellings.get(key(word));
    if (SMALL_WORDS.has(key(word))) return word.toLowerCase();
    if (known !== undefined) return known === KEEP ? word : known;
    if (word.length <= 4 || /\d/.test(word)) return word;
    return word.toLowerCase();
  });
  return recased.charAt(0).toUpperCase() + recased.slice(1);
}

/** Words always written in lower case within a title. */
const SMALL_WORDS = new Set(["a", "au", "aux", "avec", "d", "de", "des", "du", "en", "entre", "et", "l", "la", "le", "les", "par", "pour", "sur", "un", "une"]);

/** Marks a word that keeps its capitals. */
const KEEP = "";

/** At least 80 % of the letters in capitals. */
function mostlyCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const upper = [...letters].filter((c) => c !== c.toLowerCase()).length;
  return letters.length > 0 && upper >= letters.length * 0.8;
}

function isCapitals(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

function key(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * For each word, its most frequent spelling not in capitals (ties: the lower-case one); a word
 * written in capitals more often than not (a name: "TEAM2") keeps them.
 */
function spellingsOf(document: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const inCapitals = new Map<string, number>();
  // Headings in capitals say nothing of how a word is spelt: only ordinary lines count.
  const ordinary = document
    .normalize("NFC")
    .split("\n")
    .filter((line) => !mostlyCapitals(line))
    .join("\n");
  for (const [word] of ordinary.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (isCapitals(word)) {
      inCapitals.set(key(word), (inCapitals.get(key(word)) ?? 0) + 1);
      continue;
    }
    const forms = counts.get(key(word)) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(key(word), forms);
  }
  const best = new Map<string, string>([...inCapitals.keys()].map((k) => [k, KEEP]));
  for (const [k, forms] of counts) {
    const ranked = [...forms].sort((a, b) => b[1] - a[1] || Number(a[0] !== a[0].toLowerCase()) - Number(b[0] !== b[0].toLowerCase()));
    const otherwise = ranked.reduce((total, [, count]) => total + count, 0);
    best.set(k, (inCapitals.get(k) ?? 0) <= otherwise ? ranked[0][0] : KEEP);
  }
  return best;
}
