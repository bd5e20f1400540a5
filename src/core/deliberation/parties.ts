/**
 * With whom: the partner of the convention and its SIRET (checked with its Luhn key: a SIRET whose
 * key is wrong is reported, not kept). The authority is read in authority.ts, the title in title.ts.
 */
import { readSiret } from "../cells/siret";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Extracted, notFound } from "./extracted";
import { firstBest, whole } from "./names";
import { recaseCapitals } from "./recaseCapitals";

const PARTNER_TYPES = [
  "association",
  "societe",
  "entreprise",
  "sas",
  "sarl",
  "sa",
  "scic",
  "scop",
  "cooperative",
  "fondation",
  "federation",
  "union",
  "comite",
  "commune",
  "ville",
  "departement",
  "region",
  "communaute",
  "metropole",
  "syndicat",
  "centre",
  "office",
  "etablissement",
  "chambre",
  "universite",
  "groupement",
  "gip",
  "institut",
  "ecole",
  "college",
  "lycee",
  "mission locale",
  "club",
  "agence",
  "compagnie",
  "conservatoire",
  "theatre",
  "musee",
  "maison",
  "pole",
].join("|");
const PARTNER_TYPE = new RegExp(`^(?:${PARTNER_TYPES})\\b`);
/** Where a partner's name ends ("… et de l'autoriser", but not "Agence de Services et de Paiement"). */
const NAME_END =
  / pour | pour$| relative?s? | portant | ci-annexee| telle | dans | afin | en vue | visant | concernant | d'une duree| a compter| au titre| sise? | situee? | dont | ayant | une? | et (?:d'autoriser|autorise|de (?:l'|la |le |les |lui |[a-z]+er\b))|[,;.:()]| - | – | \/ /;
const ARTICLE = /^(?:l'|la |le |les )/;

/** The partner's name that starts at `at` in a sentence, when it looks like one (a heading's capitals written back in ordinary case). */
function nameAt(sentence: TextUnit, at: number, document: string): { value: string; typed: boolean } | null {
  const rest = sentence.folded.slice(at);
  const article = ARTICLE.exec(rest)?.[0] ?? "";
  const start = at + article.length;
  const tail = sentence.folded.slice(start, start + 200);
  const end = NAME_END.exec(tail);
  let raw = sentence.text.slice(start, start + Math.min(end?.index ?? tail.length, 90));
  // "Comité des Œuvres Sociales Intercommunal (COSI)": an acronym in brackets right after the name is part of it.
  const acronym = /^ ?\((?:\p{Lu}\.?){2,10}\)/u.exec(sentence.text.slice(start + raw.length, start + raw.length + 16));
  if (acronym !== null && /\p{L}$/u.test(raw.trimEnd())) raw = `${raw.trimEnd()} ${acronym[0].trim()}`;
  const value = recaseCapitals(raw.replace(/[«»"“”]/g, "").replace(/\s+/g, " ").trim(), document);
  if (value.length < 2) return null;
  const typed = PARTNER_TYPE.test(sentence.folded.slice(start));
  if (!typed && !/^\p{Lu}/u.test(value)) return null;
  return { value: value.charAt(0).toUpperCase() + value.slice(1), typed };
}

/** "… et Monsieur le Président de la Société Anonyme X": the second party of a convention's "Entre les soussignés". */
const SECOND_PARTY = / et (?:(?:monsieur|madame|m\.|mme) (?:le |la )?(?:president|presidente|directeur|directrice|maire|gerant|gerante)(?: general| generale)? (?:de la |du |de l'|d')|(?=l'|la |le ))/;

/**
 * The partner: whom the convention is signed with ("la convention … avec l'association TEAM2"
 * → "Association TEAM2", "à signer avec l'Agence de Services et de Paiement"), high when a kind
 * of body names it; the second party of a convention's "Entre les soussignés : … et Monsieur le
 * Président de la Société Anonyme …"; else the second party of a "Convention … entre … et …"
 * heading or item ("5. Convention de partenariat entre la commune de … et Unis Cité / …"), or
 * the body a subsidy goes to (medium).
 * @example readPartner(prepareDeliberationText("signer la convention avec l'association TEAM2 pour une durée de 3 ans")).value // "Association TEAM2"
 */
export function readPartner(text: DeliberationText): Extracted<string> {
  const document = whole(text);
  const candidates: Candidate<string>[] = [];
  const typed = (s: TextUnit, at: number, otherwise: "medium" | "high" = "medium"): void => {
    const name = nameAt(s, at, document);
    if (name !== null) candidates.push({ value: name.value, sentence: s.text, confidence: name.typed ? "high" : otherwise });
  };
  text.sentences.forEach((s, i) => {
    const withPartner = /\bconvention\b[^.;]{0,140}? avec /.exec(s.folded);
    if (withPartner !== null) typed(s, (withPartner.index ?? 0) + withPartner[0].length);
    const signedWith = /\bsigner avec (?=l'|la |le )/.exec(s.folded);
    if (signedWith !== null) typed(s, signedWith.index + signedWith[0].length);
    const parties = s.folded.indexOf("entre les soussigne");
    const second = parties < 0 ? null : SECOND_PARTY.exec(s.folded.slice(parties, parties + 600));
    if (second !== null) typed(s, parties + second.index + second[0].length);
    // "Entre : [the authority] …, d'une part, / Et : Le Comité … (COSI), …": the party after "Et".
    const andInline = /^et\s*:?\s*(?=(?:l'|la |le ).)/.exec(s.folded);
    const andAlone = /^et\s*:?$/.test(s.folded);
    if ((andInline !== null || andAlone) && text.sentences.slice(Math.max(0, i - 12), i).some((o) => /^entre\b/.test(o.folded))) {
      const next = text.sentences[i + 1];
      if (andInline !== null) typed(s, andInline[0].length);
      else if (next !== undefined) typed(next, 0);
    }
    const between = (s.isHeading || /^conventions? /.test(s.folded)) && s.text.length <= 300 ? /^conventions?\b.*? entre .+? et /.exec(s.folded) : null;
    if (between !== null) {
      const name = nameAt(s, between[0].length, document);
      if (name !== null) candidates.push({ value: name.value, sentence: s.text, confidence: "medium" });
    }
    const beneficiary = /\b(?:subvention|participation|contribution|aide)\b[^.;]{0,100}? (?:a|au profit de|en faveur de) (?=(?:l'|la |le )(?:association|societe|centre|club|office|fondation|federation))/.exec(
      s.folded,
    );
    if (beneficiary !== null) {
      const name = nameAt(s, (beneficiary.index ?? 0) + beneficiary[0].length, document);
      if (name !== null) candidates.push({ value: name.value, sentence: s.text, confidence: "medium" });
    }
  });
  return withAcronym(firstBest(candidates), candidates);
}

/** The same name written elsewhere with its acronym ("… Intercommunal" and "… Intercommunal (COSI)"): the fuller writing. */
function withAcronym(best: Extracted<string>, candidates: readonly Candidate<string>[]): Extracted<string> {
  if (best.value === null) return best;
  const fuller = candidates.find((c) => c.confidence === best.confidence && c.value.startsWith(`${best.value} (`) && /\)$/.test(c.value));
  return fuller === undefined ? best : { ...best, value: fuller.value, sentence: fuller.sentence };
}

const SIRET = /\bsiret\b\s*(?:n°|no|numero)?\s*:?\s*(\d[\d .\u00a0]{11,24}\d)/g;

/**
 * The partner's SIRET ("immatriculée sous le N° SIRET 528 827 264 000 29" → "52882726400029"),
 * checked with its Luhn key. A SIRET whose key is wrong, or that has not 14 digits, is not kept:
 * the value is blank and an `invalid_siret` note gives it as written. When several are written
 * (the collectivité's and the partner's), the one in a sentence naming the partner wins, else the last.
 * @example readPartnerSiret(prepareDeliberationText("N° SIRET 528 827 264 000 29"), null).value // "52882726400029"
 */
export function readPartnerSiret(text: DeliberationText, partner: string | null): Extracted<string> {
  const partnerWord = partner === null ? null : (partner.split(/\s+/).pop() ?? "").toLowerCase();
  const found: { written: string; sentence: TextUnit }[] = [];
  for (const s of text.sentences) {
    for (const match of s.folded.matchAll(SIRET)) {
      const at = (match.index ?? 0) + match[0].length - match[1].length;
      found.push({ written: fourteenDigits(s.text.slice(at, at + match[1].length)), sentence: s });
    }
  }
  if (found.length === 0) return notFound();
  const naming = found.filter((f) => partnerWord !== null && partnerWord.length > 1 && f.sentence.folded.includes(partnerWord));
  const chosen = naming[0] ?? found[found.length - 1];
  const read = readSiret(chosen.written, "siret");
  if (!read.ok) return { value: null, sentence: chosen.sentence.text, confidence: "high", notes: [{ code: "invalid_siret", written: chosen.written }] };
  return { value: read.value, sentence: chosen.sentence.text, confidence: naming.length > 0 || found.length === 1 ? "high" : "medium", notes: [] };
}

/** A SIRET as written, without what follows its 14th digit after a space ("… 000 29 62300" → "… 000 29"). */
function fourteenDigits(written: string): string {
  let digits = 0;
  for (let i = 0; i < written.length; i += 1) {
    if (/\d/.test(written[i])) digits += 1;
    if (digits === 14 && !/\d/.test(written[i + 1] ?? "")) return written.slice(0, i + 1);
  }
  return written.trim();
}
