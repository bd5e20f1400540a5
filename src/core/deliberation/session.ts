/**
 * The séance: the date the council (bureau, commission permanente, comité syndical…) met and
 * deliberated, as registers of deliberations write it — "s'est réuni le 12 novembre 2015",
 * "L'an deux mil vingt, le 09 juillet, le Conseil … s'est réuni", "Séance publique 17/12/19",
 * "Réunion du VENDREDI 28 MAI 2010", "Conseil du 18 mars 2019", "Délibération au Conseil
 * Municipal du lundi 25 mars 2013".
 */
import { CalendarDate, toIsoDate } from "../dates/calendarDate";
import { DateInText, findDatesInText } from "../text/findDatesInText";
import { ActesIdentifier } from "./actesIdentifier";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Confidence, Extracted, resolveCandidates } from "./extracted";

/** Phrasings whose date follows right after them, each named for what it reads. */
const DATE_FOLLOWS: readonly { readonly name: string; readonly words: RegExp; readonly confidence: Confidence }[] = [
  // "s'est réuni le 12 novembre 2015", "Réunie le vendredi 28 mai 2010"
  { name: "met_on", words: /\b(?:s'est )?reunie?s? (?:le|en seance (?:publique |ordinaire )?le)\b/g, confidence: "high" },
  // "Séance publique 17/12/19", "SEANCE DU 19 SEPTEMBRE 2011", "Séance n 01/14 du 09 janvier 2014", "session ordinaire du …", "lors de sa séance du …"
  { name: "session_of", words: /\b(?:seance|session)(?: publique| ordinaire| extraordinaire| pleniere)?(?: n\S* \S+)?(?: du| le| :)?(?= |$)/g, confidence: "high" },
  // "Réunion du 7 novembre 2019", "Réunion du VENDREDI 28 MAI 2010"
  { name: "meeting_of", words: /\breunion du\b/g, confidence: "high" },
  // "Conseil du 18 mars 2019", "Délibération au Conseil Municipal du lundi 25 mars 2013", "Commission permanente du …": at the start of a line.
  { name: "council_of", words: /^(?:deliberation (?:au|du) )?(?:conseil|commission permanente|bureau|comite)\b[^.;:,]{0,40}? du\b/g, confidence: "high" },
  // "délibéré le …"
  { name: "deliberated_on", words: /\bdelibere le\b/g, confidence: "high" },
  // In an annexed convention: "agissant en vertu d'une délibération du Conseil Communautaire en date du 24 juin 2013",
  // "Par délibération du 24 juin 2013, le Conseil Communautaire accepte …", "… par délibération du conseil municipal de
  // Saint-Germain-en-Laye en date du 7 juin 2017": the deliberation that approves it (never the partner's board's).
  {
    name: "approving_deliberation",
    words: /\b(?:en vertu (?:d'une|de la)|par) deliberation(?: n\S* \S+)?(?: du (?:conseil|bureau|comite|commission)(?! d'administration)[\p{L}' -]{0,40}?)?(?: en date)? du\b/gu,
    confidence: "low",
  },
];
/** "… le Conseil Communautaire s'est réuni": the date is the one written just before, or just after. */
const MET = /\bs'est reuni(?:e|s)?\b/g;
const SESSION_HEADING = /^(?:extrait du (?:registre|proces-verbal) des deliberations|deliberation|seance|proces-verbal|registre des deliberations)/;
/** A date that is another event's: the convocation, a cited act. */
const NOT_THE_SESSION = /(?:convocation|convoque|\bvu\b|deliberation n\S*)[^.]{0,30}$/;
/** Between a phrasing and its date: at most a weekday and a few characters ("du : lundi "). */
const RIGHT_AFTER = 18;

function isOtherEvent(sentence: TextUnit, date: DateInText): boolean {
  return NOT_THE_SESSION.test(sentence.folded.slice(Math.max(0, date.index - 40), date.index));
}

/** The séance's dates a sentence gives, one for each phrasing. */
function sessionDates(sentence: TextUnit, referenceYear: number | null): Candidate<CalendarDate>[] {
  if (/^(?:vu|considerant)\b/.test(sentence.folded)) return [];
  const dates = findDatesInText(sentence.folded, { referenceYear: referenceYear ?? undefined });
  if (dates.length === 0) return [];
  const found: Candidate<CalendarDate>[] = [];
  const add = (date: DateInText | undefined, confidence: Confidence): void => {
    if (date !== undefined && !isOtherEvent(sentence, date)) found.push({ value: date.date, sentence: sentence.text, confidence });
  };
  for (const form of DATE_FOLLOWS) {
    for (const match of sentence.folded.matchAll(form.words)) {
      const end = (match.index ?? 0) + match[0].length;
      add(
        dates.find((d) => d.index >= end && d.index - end <= RIGHT_AFTER),
        form.confidence,
      );
    }
  }
  for (const match of sentence.folded.matchAll(MET)) {
    const at = match.index ?? 0;
    const end = at + match[0].length;
    const after = dates.find((d) => d.index >= end && d.index - end <= RIGHT_AFTER);
    // "Le mardi 25 juin 2024, à 19 H 00, le Conseil … s'est réuni": the nearest date before, not the convocation's.
    const before = dates.filter((d) => d.index + d.text.length <= at && !isOtherEvent(sentence, d)).pop();
    add(after ?? before, "high");
  }
  if (sentence.isHeading && SESSION_HEADING.test(sentence.folded)) add(dates[0], "medium");
  // The same date read twice in one sentence (two phrasings) counts once.
  return found.filter((c, i) => found.findIndex((o) => toIsoDate(o.value) === toIsoDate(c.value)) === i);
}

/**
 * Date of the séance: every date a phrasing of the séance gives (see DATE_FOLLOWS and MET),
 * never the convocation's nor a cited act's; the one most passages give among the most confident,
 * the others cited (a recueil that names the séance of 09/01/2014 three times and the meeting of
 * 12/12/2013 it records twice gives 09/01/2014, "à vérifier"); a heading that names the séance
 * ("DELIBERATION DU CONSEIL COMMUNAUTAIRE 25 juin 2024") is medium; the deliberation an annexed
 * convention says approves it is low. When the text gives no date, the ACTES identifier's (the
 * date of the act), with a `from_actes_id` note.
 * @example readSessionDate(prepareDeliberationText("Le mardi 25 juin 2024, le Conseil s'est réuni."), null).value // 2024-06-25
 */
export function readSessionDate(text: DeliberationText, actes: ActesIdentifier | null): Extracted<CalendarDate> {
  const all = text.sentences.flatMap((s) => sessionDates(s, text.referenceYear));
  // Passages of a lower rank do not contradict a more confident one: only equals are weighed.
  const top = (["high", "medium", "low"] as const).find((level) => all.some((c) => c.confidence === level));
  const candidates = all.filter((c) => c.confidence === top);
  if (candidates.length > 0) return resolveCandidates(candidates, toIsoDate);
  if (actes !== null) {
    const passage = text.sentences.find((s) => s.text.includes(actes.text))?.text ?? actes.text;
    return { value: actes.date, sentence: passage, confidence: "medium", notes: [{ code: "from_actes_id", actesId: actes.text }] };
  }
  return resolveCandidates(candidates, toIsoDate);
}
