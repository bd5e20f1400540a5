/**
 * The dated stamps of a deliberation: the reception by the préfecture or sous-préfecture
 * (contrôle de légalité), the publication or affichage, the exécutoire date, and the signature of
 * the annexed convention. A stamp whose date was left blank stays blank: its value is never
 * borrowed from another date. The séance is read in session.ts.
 */
import { CalendarDate, isValidCalendarDate, toIsoDate } from "../dates/calendarDate";
import { enforceableDate } from "../rules/enforceableDate";
import { compareDates } from "../dates/dayNumber";
import { dayAndMonthIn, findDatesInText } from "../text/findDatesInText";
import { ACTES_PATTERN } from "./actesIdentifier";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Candidate, Extracted, ExtractionNote, notFound, resolveCandidates } from "./extracted";

export type StampKind = "transmission" | "publication" | "enforceable" | "signature";

const PREFECTURE = String.raw`(?:sous-? ?)?prefecture`;
const STATE = String.raw`(?:le representant de l'etat|le prefet|le sous-prefet|la ${PREFECTURE})`;
const STAMP_WORDS: Readonly<Record<StampKind, string>> = {
  transmission: [
    String.raw`accuse de reception(?: en| a la| par la)?(?: ${PREFECTURE})?`,
    String.raw`reception (?:en |a la |par la )?${PREFECTURE}`,
    // "Réception par le préfet : 18/02/2014", "Reçue par le représentant de l'Etat le 15 juin 2009"
    String.raw`reception (?:par ${STATE}|au controle de legalite)`,
    String.raw`recue? (?:en ${PREFECTURE}|a la ${PREFECTURE}|par ${STATE})`,
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
/** What ends a stamp's reach besides the next stamp: the ACTES identifier's label or the identifier. */
const STAMP_END = String.raw`\bid\s*:|${ACTES_PATTERN}`;
const ALL_STAMPS = new RegExp(
  [
    ...Object.entries(STAMP_WORDS).map(([kind, words]) => `(?<${kind}>${words})`),
    `(?<end>${STAMP_END})`,
  ].join("|"),
  "gi",
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

interface StampWords {
  readonly kind: StampKind;
  /** What follows the stamp's words, up to the next stamp (folded). */
  readonly window: string;
}

interface StampReading {
  readonly kind: StampKind;
  readonly date: CalendarDate | null;
  readonly sentence: string;
  readonly close: boolean;
  readonly notes: readonly ExtractionNote<CalendarDate>[];
}

/** Each stamp's words in a sentence, with what follows them up to the next stamp. */
function stampWords(sentence: TextUnit): StampWords[] {
  const words = [...sentence.folded.matchAll(ALL_STAMPS)];
  const found: StampWords[] = [];
  words.forEach((match, i) => {
    const kind = (Object.keys(STAMP_WORDS) as StampKind[]).find((k) => match.groups?.[k] !== undefined);
    if (kind === undefined) return;
    const at = match.index ?? 0;
    const from = at + match[0].length;
    const next = words[i + 1];
    const window = sentence.folded.slice(from, Math.min(next === undefined ? sentence.folded.length : (next.index ?? 0), from + REACH));
    // The affichage of the convocation is not the act's publication ("convocation … affichée le",
    // "Date d'affichage de la convocation : …"), unless the convocation's own date comes between
    // ("Date de la convocation : 10/12/19 Compte rendu affiché : 18/12/19").
    const convocation = /convocation(?!\s*:\s*\d)[^:]*$/.test(sentence.folded.slice(Math.max(0, at - 50), at));
    if (convocation || /^ de (?:la )?convocation/.test(window)) return;
    found.push({ kind, window });
  });
  return found;
}

/**
 * Every stamp of a sentence with its date, or blank. A stamp with no date of its own whose words
 * run on with "et" into the next stamp shares that stamp's date ("Délibération affichée à
 * l'Hôtel-de-Ville et transmise au représentant de l'Etat le 15 juin 2009"). A stamp that lost its
 * year ("Réception à la Préfecture de la Vienne : 27 janvier") takes the séance's, being later.
 */
function readStamps(sentence: TextUnit, referenceYear: number | null, session: CalendarDate | null): StampReading[] {
  const words = stampWords(sentence);
  const readings: (StampReading | null)[] = words.map(({ kind, window }) => {
    const date = findDatesInText(window, { referenceYear: referenceYear ?? undefined })[0];
    if (date !== undefined) return { kind, date: date.date, sentence: sentence.text, close: date.index <= CLOSE, notes: [] };
    const partial = dayAndMonthIn(window.slice(0, 40));
    if (partial !== null && session !== null && (kind === "transmission" || kind === "publication")) {
      const sameYear = partial.month > session.month || (partial.month === session.month && partial.day >= session.day);
      const year = sameYear ? session.year : session.year + 1;
      if (isValidCalendarDate(year, partial.month, partial.day)) {
        return { kind, date: { year, month: partial.month, day: partial.day }, sentence: sentence.text, close: false, notes: [{ code: "year_from_context", year }] };
      }
    }
    if (BLANK.test(window) && /le\b|:|_|…/.test(window + (kind === "signature" ? "le" : ""))) return { kind, date: null, sentence: sentence.text, close: true, notes: [] };
    return null;
  });
  return readings.flatMap((reading, i) => {
    const next = readings[i + 1];
    if (reading === null && /\bet\s*$/.test(words[i].window) && next !== undefined && next !== null && next.date !== null) {
      return [{ ...next, kind: words[i].kind }];
    }
    return reading === null ? [] : [reading];
  });
}

/**
 * "Accusé certifié exécutoire / Réception par le préfet : 18/02/2014 / Publication : 18/02/2014":
 * the stamp of a transmission platform certifies the act exécutoire and gives the two dates it
 * follows from, so the exécutoire date is the later of them, read from the stamp itself.
 */
function certifiedEnforceable(sentence: TextUnit, referenceYear: number | null): Candidate<CalendarDate> | null {
  const words = stampWords(sentence);
  const at = words.findIndex((w) => w.kind === "enforceable" && !/\p{L}/u.test(w.window));
  if (at < 0) return null;
  const dateOf = (kind: StampKind): CalendarDate | null => {
    const stamp = words.slice(at + 1, at + 4).find((w) => w.kind === kind);
    return stamp === undefined ? null : (findDatesInText(stamp.window, { referenceYear: referenceYear ?? undefined }).find((d) => d.index <= CLOSE)?.date ?? null);
  };
  const date = enforceableDate(dateOf("transmission"), dateOf("publication"));
  return date === null ? null : { value: date, sentence: sentence.text, confidence: "high" };
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
 * The stamps of a deliberation. The exécutoire date is the stamp's when one is dated (or
 * certified with its reception and publication); left blank, it stays blank; not stamped at all,
 * it is the later of reception and publication (medium confidence) when both are known.
 * `session` is the séance's date, for a stamp that lost its year.
 * @example readStampDates(prepareDeliberationText("réception en Sous-préfecture le : 11 JUIL. 2024"), null).transmissionDate.value // 2024-07-11
 */
export function readStampDates(text: DeliberationText, session: CalendarDate | null): Stamps {
  const signatureFrom = conventionStart(text.sentences);
  const readings = text.sentences.flatMap((sentence, i) =>
    readStamps(sentence, text.referenceYear, session).filter((r) => r.kind !== "signature" || i >= signatureFrom),
  );
  const of = (kind: StampKind): Extracted<CalendarDate> => resolveStamp(readings.filter((r) => r.kind === kind));
  const transmissionDate = of("transmission");
  const publicationDate = of("publication");
  let enforceable = of("enforceable");
  if (enforceable.notes.some((n) => n.code === "not_found")) {
    const certified = text.sentences.map((s) => certifiedEnforceable(s, text.referenceYear)).filter((c): c is Candidate<CalendarDate> => c !== null);
    const computed = enforceableDate(transmissionDate.value, publicationDate.value);
    if (certified.length > 0) {
      enforceable = resolveCandidates(certified, toIsoDate);
    } else if (computed !== null) {
      const from = compareDates(computed, publicationDate.value ?? computed) === 0 ? publicationDate : transmissionDate;
      enforceable = { value: computed, sentence: from.sentence, confidence: "medium", notes: [{ code: "computed" }] };
    }
  }
  return { transmissionDate, publicationDate, enforceableDate: enforceable, signatureDate: of("signature") };
}

function resolveStamp(readings: readonly StampReading[]): Extracted<CalendarDate> {
  const dated: Candidate<CalendarDate>[] = readings.flatMap((r) =>
    r.date === null ? [] : [{ value: r.date, sentence: r.sentence, confidence: r.close ? "high" : "medium", notes: r.notes }],
  );
  if (dated.length > 0) return resolveCandidates(dated, toIsoDate);
  const blank = readings.find((r) => r.date === null);
  if (blank !== undefined) return { value: null, sentence: blank.sentence, confidence: "high", notes: [{ code: "left_blank" }] };
  return notFound();
}
