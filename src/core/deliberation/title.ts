/**
 * The title of the act or of its convention, from the phrasings that give it, in this order: an
 * "Objet :" line; a heading that starts with "Convention"; the rest of the line that starts with
 * the act's number ("2015-165 CULT approb de la convention de partenariat triennale",
 * "DÉLIBÉRATION : DEL 20-86 APPROBATION DES NOUVEAUX STATUTS …"); a heading that names the
 * decision ("DECISION RELATIVE AUX FINANCEMENTS DE …"); the object written right below the number
 * or the séance ("Délibération n° 2019/18 / Convention d'objectifs avec le Vénissieux handball");
 * the convention the council authorises to sign; what the act decides ("Décide de participer …");
 * and last, the text's first line when it is a title (the published file's or page's title).
 */
import { normalizeText } from "../text/normalizeText";
import { DeliberationNumber } from "./deliberationNumbers";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Extracted } from "./extracted";
import { firstBest, whole } from "./names";
import { recaseCapitals } from "./recaseCapitals";

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a title ends with that is no part of it. */
function trimTitle(text: string): string {
  return text.replace(/^[\s:–-]+/, "").replace(/[\s.;:,–-]+$/, "");
}

const TITLE_VERBS = /\b(?:signer|approuver|conclure|passer|autoriser la signature de) (?:la|une) (convention [^,;.]*?)(?= pour une duree| pour | telle | ci-annexee| a compter|[,;.]|$)/;
/** Nouns an act's object starts with ("avenant à la convention …", "subventions de fonctionnement …"). */
const ACT_NOUN = /^(?:avenants?|conventions?|subventions?|attributions?|approbation|contrats?|partenariats?|participations?|adhesions?|renouvellement|modification|creation|marches?|accords?|protocoles?|charte|decision|mise a disposition)\b/;
/** A service's code before a title in ordinary case: "DEV ECO Approbation …", "CULT approb …". */
const SERVICE_CODE = /^(?:[\p{Lu}]{2,5} ){1,2}(?=\p{L}*\p{Ll})/u;
/** Lines a title is never taken from: headers, forms, lists of people. */
const NOT_A_TITLE = /^(?:extrait|republique|departement|region|commune|ville|communaute|conseil|seance|reunion|proces|compte|deliberation|recueil|mairie|prefecture|nombre|date|presents?|absents?|secretaire|vu|considerant)\b/;

/** "Objet : …" (high). */
function objectLine(s: TextUnit, document: string): Candidate<string> | null {
  const object = /^objet\s*[:–-]\s*/.exec(s.folded);
  if (object === null || s.text.length - object[0].length <= 3) return null;
  return { value: capitalize(recaseCapitals(trimTitle(s.text.slice(object[0].length)), document)), sentence: s.text, confidence: "high" };
}

/**
 * A heading that starts with "Convention(s)" (medium), with the parties a cover page lays out
 * below it on lines of their own: "CONVENTION D'OBJECTIF / ENTRE / La Communauté … / ET / Le Comité …".
 */
function conventionHeading(sentences: readonly TextUnit[], i: number, document: string): Candidate<string> | null {
  const s = sentences[i];
  if (!s.isHeading || !/^conventions?\b/.test(s.folded) || s.text.length > 250) return null;
  const [between, first, and, second] = sentences.slice(i + 1, i + 5);
  const parties =
    between !== undefined && /^entre\s*:?$/.test(between.folded) && and !== undefined && /^et\s*:?$/.test(and.folded) && first.text.length <= 100 && second.text.length <= 100
      ? ` entre ${trimTitle(first.text)} et ${trimTitle(second.text)}`.replace(/ (La|Le|Les|L')(?=[ '’])/g, (article) => article.toLowerCase())
      : "";
  return { value: recaseCapitals(trimTitle(s.text), document) + parties, sentence: s.text, confidence: "medium" };
}

/** A line near the top that starts with "Convention(s)" (medium): "Convention d'objectifs et de moyens", not a file's name ("Convention objectifs CSC _2_"). */
function conventionLine(sentences: readonly TextUnit[], document: string): Candidate<string> | null {
  const line = sentences.slice(0, 8).find((s) => !s.isHeading && /^conventions? /.test(s.folded) && s.text.length <= 200 && !s.text.includes("_"));
  return line === undefined ? null : { value: capitalize(recaseCapitals(trimTitle(line.text), document)), sentence: line.text, confidence: "medium" };
}

/**
 * The rest of the line or heading after the act's own number: "2014-058 DEV ECO Approbation de la
 * convention d objectifs avec" → "Approbation de la convention d objectifs avec"; never the body
 * the number belongs to ("N° 10-265 de la COMMISSION PERMANENTE").
 */
function afterNumber(sentences: readonly TextUnit[], own: DeliberationNumber | null, document: string): Candidate<string> | null {
  if (own === null || own.own !== true) return null;
  for (const s of sentences) {
    const at = s.text.indexOf(own.sentence);
    const numberAt = at < 0 ? -1 : s.text.indexOf(own.number, at);
    if (numberAt < 0) continue;
    let rest = trimTitle(s.text.slice(numberAt + own.number.length));
    // "… de la COMMISSION PERMANENTE du CONSEIL REGIONAL sur le personnel de la Région : avenant à la convention …": the object after its rubric.
    const rubric = / : (?=\S)/.exec(normalizeText(rest));
    if (rubric !== null && ACT_NOUN.test(normalizeText(rest.slice(rubric.index + 3)))) rest = rest.slice(rubric.index + 3);
    if (rest.length < 8 || /^(?:de|du|des|d')\b/.test(normalizeText(rest))) return null;
    const title = rest.replace(SERVICE_CODE, "");
    return { value: capitalize(recaseCapitals(title, document)), sentence: s.text, confidence: "medium" };
  }
  return null;
}

/** "DECISION RELATIVE AUX FINANCEMENTS DE …", "DÉLIBÉRATION RELATIVE À …": in capitals, up to where they end (medium). */
function decisionHeading(s: TextUnit, document: string): Candidate<string> | null {
  const named = /\b(?:decision|deliberation|rapport) relative? (?:a|au|aux) /.exec(s.folded);
  if (named === null) return null;
  const capitals = /^[^\p{Ll}]+/u.exec(s.text.slice(named.index, named.index + 400))?.[0] ?? "";
  // The capitals stop at the first word in ordinary case: that word's capital belongs to it.
  const title = trimTitle(capitals.replace(/\s\p{Lu}$/u, ""));
  return title.length < 20 ? null : { value: capitalize(recaseCapitals(title, document)), sentence: s.text, confidence: "medium" };
}

/** A sentence that gives a séance's date and little else ("Conseil du 18 mars 2019", "Réunion du 7 novembre 2019"). */
function isSessionLine(s: TextUnit): boolean {
  return s.text.length <= 80 && /\b(?:seance|reunion|conseil|session)\b[^.]{0,40}\d{1,2}/.test(s.folded);
}

/**
 * The object written right below the act's number or its séance (one of the next two sentences):
 * a short sentence that names an act ("Convention d'objectifs avec …", "Conventions
 * pluriannuelles d'objectifs …"), or its part after a rubric ("sur le personnel de la Région :
 * avenant à la convention avec l'ASP" → "avenant à la convention avec l'ASP") (medium).
 */
function objectBelow(sentences: readonly TextUnit[], own: DeliberationNumber | null, document: string): Candidate<string> | null {
  const anchors = sentences.flatMap((s, i) => ((own !== null && s.text.includes(own.sentence) && s.text.length <= 120) || isSessionLine(s) ? [i] : []));
  for (const i of anchors) {
    for (const s of sentences.slice(i + 1, i + 3)) {
      if (s.text.length > 250 || (own !== null && s.text.includes(own.number)) || isSessionLine(s)) continue;
      const rubric = /^[^:]{3,60} : /.exec(s.folded);
      const object = rubric === null ? s.folded : s.folded.slice(rubric[0].length);
      if (!ACT_NOUN.test(object) || /s'est reuni|\bpresents?\b|convoque/.test(object)) continue;
      const written = trimTitle(s.text.slice(s.text.length - object.length));
      return { value: capitalize(recaseCapitals(written, document)), sentence: s.text, confidence: "medium" };
    }
  }
  return null;
}

/** "… autorisé à signer une convention biennale avec l'association …" (low). */
function conventionSigned(s: TextUnit): Candidate<string> | null {
  const signed = TITLE_VERBS.exec(s.folded);
  if (signed === null) return null;
  const at = signed.index + signed[0].length - signed[1].length;
  return { value: capitalize(s.text.slice(at, at + signed[1].length)), sentence: s.text, confidence: "low" };
}

/** "Article 1 : Décide de participer financièrement au fonctionnement …" (low): what the act decides, up to a stop. */
function decided(s: TextUnit): Candidate<string> | null {
  const decide = /\bdecide(?:,? a l'unanimite,?)? d(?:e |')(?=[a-z]+er\b)/.exec(s.folded);
  if (decide === null) return null;
  const at = decide.index + decide[0].length;
  const end = /[,;:]| pour /.exec(s.folded.slice(at, at + 300))?.index ?? Math.min(300, s.folded.length - at);
  const written = trimTitle(s.text.slice(at, at + end));
  return written.split(" ").length < 4 ? null : { value: capitalize(written), sentence: s.text, confidence: "low" };
}

/** The text's first line with words, when it reads as a title: a few words, no date, no header, no form (low). */
function firstLine(text: DeliberationText): Candidate<string> | null {
  // The first line with words, a page's header aside ("Page | 1 /12 …").
  const line = text.lines.find((l) => /\p{L}{2}/u.test(l.text) && !/^page\s*\d/.test(l.folded));
  if (line === undefined) return null;
  const words = line.folded.replace(/^[\d\s.)/-]+/, "").replace(/^(?:le|la|les|l') ?/, "");
  const tooLong = line.text.length > 150 || words.split(" ").length < 3;
  if (tooLong || NOT_A_TITLE.test(words) || /[_:]|\d{4}|[.;,]$/.test(line.text) || /\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/.test(words)) return null;
  return { value: capitalize(trimTitle(line.text)), sentence: line.text, confidence: "low" };
}

/**
 * The title: the best of the phrasings above, in their order (see the module's comment).
 * @example readTitle(prepareDeliberationText("Objet : Convention de partenariat avec le club"), null).value // "Convention de partenariat avec le club"
 */
export function readTitle(text: DeliberationText, own: DeliberationNumber | null): Extracted<string> {
  const document = whole(text);
  const each = <T>(read: (s: TextUnit) => T | null): T[] => text.sentences.map(read).filter((c): c is T => c !== null);
  const rules: (() => readonly (Candidate<string> | null)[])[] = [
    () => each((s) => objectLine(s, document)),
    () => text.sentences.map((_s, i) => conventionHeading(text.sentences, i, document)),
    () => [afterNumber(text.sentences, own, document)],
    () => each((s) => decisionHeading(s, document)),
    () => [conventionLine(text.sentences, document)],
    () => [objectBelow(text.sentences, own, document)],
    () => each(conventionSigned),
    () => each(decided),
    () => [firstLine(text)],
  ];
  for (const rule of rules) {
    const found = rule().filter((c): c is Candidate<string> => c !== null);
    if (found.length > 0) return firstBest(found);
  }
  return firstBest([]);
}
