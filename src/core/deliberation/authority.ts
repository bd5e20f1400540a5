/**
 * The collectivité that deliberates, as a deliberation names it: its letterhead ("COMMUNAUTE DE
 * COMMUNES DU PAYS DE QUIMPERLE", "REGION BASSE-NORMANDIE"), its deliberating body or head ("Le
 * Conseil de la Communauté de Communes du Pays de QUIMPERLE", "le Comité Syndical du S.I.V.O.M.
 * Alliance Nord-Ouest", "M. le Maire … agissant au nom de la Ville de Paris"), or, failing those, a
 * mention of it ("du budget 2003 du Département de Paris"). Never the partner.
 */
import { normalizeText } from "../text/normalizeText";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Extracted } from "./extracted";
import { firstBest, nameAfter, whole } from "./names";
import { recaseCapitals } from "./recaseCapitals";

/** Kinds of authority, folded, as they start its name. */
const AUTHORITY_TYPES = [
  "communaute de communes",
  "communaute d'agglomeration",
  "communaute urbaine",
  "conseil departemental",
  "conseil general",
  "conseil regional",
  "collectivite europeenne",
  "collectivite territoriale",
  "etablissement public territorial",
  "syndicat intercommunal",
  "syndicat mixte",
  "departement",
  "metropole",
  "commune",
  "region",
  "mairie",
  "ville",
];
/** Bodies that deliberate for an authority without being one: named by a body's phrase only. */
const BODY_ONLY_TYPES = ["office de tourisme", "etablissement public"];
const TYPE = (types: readonly string[]): string => `(?:${types.join("|")})`;
const JOIN = String.raw`(?: d[eu]s? | de la | de l'| d'| )`;

/** A letterhead: a line that starts (after a page number) with a kind of authority, in capitals or not. */
const LETTERHEAD = new RegExp(`^(?:\\d{1,3}(?:/\\d{1,3})? )?(?:la |le |l')?(${TYPE(AUTHORITY_TYPES)})${JOIN}(?=[^ ])`);
/**
 * A deliberating body, or its head, "of" an authority: "le Conseil de la Communauté de …", "LE
 * CONSEIL MUNICIPAL de la Ville de …", "Comité de Direction de l'office de Tourisme …", "Monsieur le
 * Président de la Communauté d'Agglomération …", "LA COMMISSION PERMANENTE DU CONSEIL REGIONAL DE
 * …", "au nom de la Ville de Paris".
 */
const BODY_OF = /\b(?:conseil(?: municipal| communautaire| metropolitain| syndical| departemental| regional| general)?|comite(?: de direction)?|commission permanente|bureau|president(?:e)?|au nom) (?:de la |du |de l'|d')/g;
/** "le Comité Syndical du S.I.V.O.M. Alliance Nord-Ouest": a syndicat's body names it by its own name, whatever its kind. */
const SYNDICAL_OF = /\bcomite syndical (?:du |de la |de l')/g;
/** A mention, anywhere: "la Ville de Strasbourg", "du Département de Paris". */
/** A kind of authority at the start of a text, then what joins it to its name. */
const KIND = new RegExp(`^${TYPE(AUTHORITY_TYPES)}(?=${JOIN})`);
const KIND_OR_BODY = new RegExp(`^${TYPE([...AUTHORITY_TYPES, ...BODY_ONLY_TYPES])}(?=${JOIN})`);
const MENTION = new RegExp(`(?:^|[^\\p{L}])(?:la |le |l'|du |de la |de l')(?=${TYPE(AUTHORITY_TYPES)}${JOIN})`, "gu");

/**
 * The authority's usual name from what the text writes: the Région for its conseil régional
 * ("CONSEIL REGIONAL DE BASSE-NORMANDIE" → "Région Basse-Normandie"), the Département for its
 * conseil départemental or général; capitals written back as the document spells its words.
 */
function authorityName(written: string, document: string): string {
  // A place's name the document writes only in capitals is a name: "GRAND EST" → "Grand Est" (acronyms, with dots or short, stay).
  const recased = recaseCapitals(written, document)
    .replace(/(?<![\p{L}.])(\p{Lu})(\p{Lu}{3,})(?![\p{L}.])/gu, (_all, first: string, rest: string) => `${first}${rest.toLowerCase()}`)
    // … and the small words of a compound place name in lower case: "SAINT-PHILBERT-DE-GRAND-LIEU" → "Saint-Philbert-de-Grand-Lieu".
    .replace(/(?<=\p{Ll}-)(?:DE|DU|DES|LA|LE|LES|EN|SUR|SOUS|LÈS|LEZ|ET|AUX?)(?=-\p{Lu})/gu, (small) => small.toLowerCase())
    // … and each other part of it, however short ("SAINT-JEAN-DE-LUZ").
    .replace(/(?<=\p{Ll}-)(\p{Lu})(\p{Lu}{1,2})(?![\p{L}.])/gu, (_all, first: string, rest: string) => `${first}${rest.toLowerCase()}`);
  const council = /^conseil (regional|departemental|general)(?: de la | de l'| du | des | de | d'| d | )/.exec(normalizeText(recased));
  const named =
    council === null ? recased : `${council[1] === "regional" ? "Région" : "Département"} ${recased.slice(council[0].length).replace(/^[\s']+/, "")}`;
  return named.charAt(0).toUpperCase() + named.slice(1);
}

/** The authority whose name starts at `at` in a sentence (its kind included), when `kinds` reads its kind there; with where its name ends. */
function authorityAt(sentence: TextUnit, at: number, kinds: RegExp, document: string): { value: string; end: number } | null {
  const rest = sentence.folded.slice(at, at + 200);
  const kind = kinds.exec(rest);
  if (kind === null) return null;
  const name = nameAfter(sentence, at + kind[0].length);
  return name === null ? null : { value: authorityName(sentence.text.slice(at, name.end), document), end: name.end };
}

/** "… du Pays de QUIMPERLE, convoqué le …", "… Alliance Nord-Ouest s'est réuni": the body named is the one that meets, whose authority deliberates. */
function meets(sentence: TextUnit, end: number): boolean {
  return /^,? (?:s'est reuni|(?:legalement |dument )?convoque)/.test(sentence.folded.slice(end, end + 30));
}

/**
 * The collectivité: its letterhead (a line that starts with its kind: "Communauté d'Agglomération
 * de Béthune-Bruay, Artois-Lys Romane", "CONSEIL RÉGIONAL POITOU-CHARENTES" → "Région
 * Poitou-Charentes"), else its deliberating body's or head's phrase (medium); else a mention of an
 * authority outside the visas (low). A name that is the partner's is not the authority.
 * @example readAuthority(prepareDeliberationText("Commune de Beuvry\nSéance du 3 février 2021"), null).value // "Commune de Beuvry"
 */
export function readAuthority(text: DeliberationText, partner: string | null): Extracted<string> {
  const document = whole(text);
  const letterheads: Candidate<string>[] = [];
  for (const line of text.lines) {
    const head = LETTERHEAD.exec(line.folded.slice(0, 200));
    if (head === null || /[.;]$/.test(line.text)) continue;
    const start = head[0].indexOf(head[1]);
    const name = nameAfter(line, start + head[1].length);
    if (name === null) continue;
    // A letterhead is the line whole ("…de Béthune-Bruay, Artois-Lys Romane"), or a name in capitals
    // that a run-on line goes on after ("CONSEIL RÉGIONAL POITOU-CHARENTES Réception …"); a name
    // followed by words in lower case is prose ("La Ville de Strasbourg entretient …").
    const rest = line.text.slice(name.end);
    const inCapitals = !/\p{Ll}/u.test(line.text.slice(start, name.end));
    const whole = /^(?:,\s*\p{Lu}[^\p{Ll}]*(?:\p{Ll}[^,;.]*)?)?[\s,;:–-]*$/u.test(rest) && !/\s\p{Ll}{3,}/u.test(rest);
    // …or a name followed by the header's next item ("Ville de Cherbourg-en-Cotentin Département de la Manche …").
    const nextItem = /^\s+\p{Lu}/u.test(rest);
    if (!inCapitals && !whole && !nextItem) continue;
    const end = inCapitals || !whole ? name.end : line.text.replace(/[\s,;:–-]+$/, "").length;
    letterheads.push({ value: authorityName(line.text.slice(start, end), document), sentence: line.text, confidence: "medium" });
  }
  const bodies: Candidate<string>[] = [];
  const mentions: Candidate<string>[] = [];
  for (const sentence of text.sentences) {
    if (/^(?:vu|considerant)\b/.test(sentence.folded)) continue;
    for (const match of sentence.folded.matchAll(BODY_OF)) {
      const found = authorityAt(sentence, (match.index ?? 0) + match[0].length, KIND_OR_BODY, document);
      if (found !== null) bodies.push({ value: found.value, sentence: sentence.text, confidence: meets(sentence, found.end) ? "high" : "medium" });
    }
    for (const match of sentence.folded.matchAll(SYNDICAL_OF)) {
      const name = nameAfter(sentence, (match.index ?? 0) + match[0].length);
      if (name !== null) bodies.push({ value: authorityName(sentence.text.slice(name.start, name.end), document), sentence: sentence.text, confidence: meets(sentence, name.end) ? "high" : "medium" });
    }
    for (const match of sentence.folded.matchAll(MENTION)) {
      const found = authorityAt(sentence, (match.index ?? 0) + match[0].length, KIND, document);
      if (found !== null) mentions.push({ value: found.value, sentence: sentence.text, confidence: "low" });
    }
  }
  const notPartner = (c: Candidate<string>): boolean => partner === null || normalizeText(c.value) !== normalizeText(partner);
  return firstBest([...letterheads, ...bodies, ...mentions].filter(notPartner));
}
