/**
 * The dated stamps of a deliberation: the séance, the reception by the préfecture or
 * sous-préfecture (contrôle de légalité), the publication or affichage, the exécutoire date, and
 * the signature of the annexed convention. A stamp whose date was left blank stays blank: its
 * value is never borrowed from another date.
 */
import { CalendarDate, toIsoDate } from "../dates/calendarDate";
import { enforceableDate } from "../rules/enforceableDate";
import { compareDates } from "../dates/dayNumber";
import { findDatesInText } from "../text/findDatesInText";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Extracted, notFound, resolveCandidates } from "./extracted";

export type StampKind = "transmission" | "publication" | "enforceable" | "signature";

const PREFECTURE = String.raw`(?:sous-? ?)?prefecture`;
const STAMP_WORDS: Readonly<Record<StampKind, string>> = {
  transmission: [
    String.raw`accuse de reception(?: en| a la| par la)?(?: ${PREFECTURE})?`,
    String.raw`reception (?:en |a la |par la )?${PREFECTURE}`,
    String.raw`reception (?:par le representant de l'etat|au controle de legalite)`,
    String.raw`recue? (?:en|a la|par la) ${PREFECTURE}`,
    String.raw`transmise? (?:en |a la |au representant de l'etat|au controle de legalite|au prefet|au sous-prefet)(?:${PREFECTURE})?`,
    String.raw`transmission (?:en |a la |au representant de l'etat|au controle de legalite|au prefet|au sous-prefet)(?:${PREFECTURE})?`,
    String.raw`(?:date de )?teletransmission`,
    String.raw`depot en ${PREFECTURE}`,
    String.raw`controle de legalite`,
  ].join("|"),
  publication: String.raw`publication|publiee?|affichage|affichee?|mise? en ligne`,
  enforceable: String.raw`executoire`,
  signature: String.raw`(?<!ainsi )fait a [^,.;:\d]{1,40}?,? le|signee? le|date de signature`,
};
const ALL_STAMPS = new RegExp(
  Object.entries(STAMP_WORDS)
    .map(([kind, words]) => `(?<${kind}>${words})`)
    .join("|"),
  "g",
);

/**
 * What follows a stamp's words when its date was left blank: "le :", "le ____", "du …", nothing,
 * up to the words that bring in the next stamp ("… le : Et de la publication", "… : Date d'affichage").
 */
const BLANK = /^[\s:,]*(?:(?:le|du|en date du|a la date du)\b)?[\s:]*[_.…\s]*(?:(?:date|et)(?: de la| de l'| de| d'|\s)*)?$/;
/** Stamps closer than this to their date are read with high confidence ("le : ", "en date du "). */
const CLOSE = 14;
/** Farther than this, a date is not the stamp's. */
const REACH = 70;

interface StampReading {
  readonly kind: StampKind;
  readonly date: CalendarDate | null;
  readonly sentence: string;
  readonly close: boolean;
}

/** Every stamp of a sentence with its date, or blank. */
function readStamps(sentence: TextUnit): StampReading[] {
  const words = [...sentence.folded.matchAll(ALL_STAMPS)];
  const readings: StampReading[] = [];
  words.forEach((match, i) => {
    const kind = (Object.keys(STAMP_WORDS) as StampKind[]).find((k) => match.groups?.[k] !== undefined);
    if (kind === undefined) return;
    const at = match.index ?? 0;
    // The affichage of the convocation is not the act's publication.
    if (/convocation/.test(sentence.folded.slice(Math.max(0, at - 50), at))) return;
    const from = at + match[0].length;
    const next = words[i + 1];
    const to = Math.min(next === undefined ? sentence.folded.length : (next.index ?? 0), from + REACH);
    const window = sentence.folded.slice(from, to);
    const date = findDatesInText(window)[0];
    if (date !== undefined) {
      readings.push({ kind, date: date.date, sentence: sentence.text, close: date.index <= CLOSE });
    } else if (BLANK.test(window) && /le\b|:|_|…/.test(window + (kind === "signature" ? "le" : ""))) {
      readings.push({ kind, date: null, sentence: sentence.text, close: true });
    }
  });
  return readings;
}

/** Where the annexed convention starts ("Entre les soussignés"): its signature is the convention's. */
function conventionStart(sentences: readonly TextUnit[]): number {
  const at = sentences.findIndex((s) => /\bentre les soussigne|^entre\s*:?$/.test(s.folded));
  return at < 0 ? sentences.length : at;
}

export interface Stamps {
  readonly transmissionDate: Extracted<CalendarDate>;
  readonly publicationDate: Extracted<CalendarDate>;
  readonly enforceableDate: Extracted<CalendarDate>;
  /** The signature of the annexed convention ("Fait à Béthune, le …"). */
  readonly signatureDate: Extracted<CalendarDate>;
}

/**
 * The stamps of a deliberation. The exécutoire date is the stamp's when one is dated; left blank,
 * it stays blank; not stamped at all, it is the later of reception and publication (medium
 * confidence) when both are known.
 * @example readStampDates(prepareDeliberationText("réception en Sous-préfecture le : 11 JUIL. 2024")).transmissionDate.value // 2024-07-11
 */
export function readStampDates(text: DeliberationText): Stamps {
  const signatureFrom = conventionStart(text.sentences);
  const readings = text.sentences.flatMap((sentence, i) => readStamps(sentence).filter((r) => r.kind !== "signature" || i >= signatureFrom));
  const of = (kind: StampKind): Extracted<CalendarDate> => resolveStamp(readings.filter((r) => r.kind === kind));
  const transmissionDate = of("transmission");
  const publicationDate = of("publication");
  let enforceable = of("enforceable");
  if (enforceable.notes.some((n) => n.code === "not_found")) {
    const computed = enforceableDate(transmissionDate.value, publicationDate.value);
    if (computed !== null) {
      const from = compareDates(computed, publicationDate.value ?? computed) === 0 ? publicationDate : transmissionDate;
      enforceable = { value: computed, sentence: from.sentence, confidence: "medium", notes: [{ code: "computed" }] };
    }
  }
  return { transmissionDate, publicationDate, enforceableDate: enforceable, signatureDate: of("signature") };
}

function resolveStamp(readings: readonly StampReading[]): Extracted<CalendarDate> {
  const dated: Candidate<CalendarDate>[] = readings.flatMap((r) =>
    r.date === null ? [] : [{ value: r.date, sentence: r.sentence, confidence: r.close ? "high" : "medium" }],
  );
  if (dated.length > 0) return resolveCandidates(dated, toIsoDate);
  const blank = readings.find((r) => r.date === null);
  if (blank !== undefined) return { value: null, sentence: blank.sentence, confidence: "high", notes: [{ code: "left_blank" }] };
  return notFound();
}

const SESSION_WORDS = /s'est reuni|reunie? (?:le|en seance)|seance (?:publique |ordinaire |extraordinaire )?du|en seance|lors de (?:sa|la) seance|session (?:ordinaire )?du|delibere le/;
const SESSION_HEADING = /^(?:extrait du (?:registre|proces-verbal) des deliberations|deliberation|seance|proces-verbal|registre des deliberations)/;

/**
 * Date of the séance: the first date of the sentence that tells the council met ("Le mardi 25
 * juin 2024, … le Conseil Communautaire s'est réuni …"), not the convocation's; else a heading
 * that names the séance ("DELIBERATION DU CONSEIL COMMUNAUTAIRE 25 juin 2024", medium).
 * @example readSessionDate(prepareDeliberationText("Le mardi 25 juin 2024, le Conseil s'est réuni.")).value // 2024-06-25
 */
export function readSessionDate(text: DeliberationText): Extracted<CalendarDate> {
  const candidates: Candidate<CalendarDate>[] = [];
  for (const sentence of text.sentences) {
    const isSession = SESSION_WORDS.test(sentence.folded);
    const isHeading = sentence.isHeading && SESSION_HEADING.test(sentence.folded);
    if ((!isSession && !isHeading) || /^vu\b/.test(sentence.folded)) continue;
    const date = findDatesInText(sentence.folded).find(
      (d) => !/(?:convocation|convoque|\bvu\b|deliberation n\S*)[^.]{0,30}$/.test(sentence.folded.slice(Math.max(0, d.index - 40), d.index)),
    );
    if (date !== undefined) candidates.push({ value: date.date, sentence: sentence.text, confidence: isSession ? "high" : "medium" });
  }
  return resolveCandidates(candidates.filter((c, _i, all) => c.confidence === "high" || !all.some((o) => o.confidence === "high")), toIsoDate);
}
