/**
 * What the convention asks over time: how often its comité de suivi meets ("au minimum 2 fois par
 * an (au moins une fois par semestre)"), the obligations that recur ("réunir une fois par
 * trimestre … le club territorial") and the milestones ("dans un délai de 18 mois un pôle
 * innovation").
 */
import { CalendarDate } from "../dates/calendarDate";
import { findDatesInText } from "../text/findDatesInText";
import { FrequencyInText, findFrequencies } from "../text/findFrequencies";
import { leadingDuration } from "../text/leadingDuration";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Confidence, Extracted, notFound } from "./extracted";

export interface CommitteeRhythm {
  /** The body as the text names it ("Comité de suivi", "Comité de pilotage"). */
  readonly label: string;
  /** Months between two meetings at most: 6 for twice a year. */
  readonly months: number;
  /** The rhythm as written ("au minimum 2 fois par an (au moins une fois par semestre)"). */
  readonly text: string;
}

export interface RecurringObligation {
  readonly label: string;
  readonly months: number;
  readonly text: string;
}

export interface Milestone {
  readonly label: string;
  /** "dans un délai de 18 mois": counted from the convention's start. */
  readonly delayMonths: number | null;
  /** "au plus tard le 31 décembre 2025". */
  readonly dueDate: CalendarDate | null;
  readonly text: string;
}

export interface Obligations {
  readonly committee: Extracted<CommitteeRhythm>;
  readonly recurring: readonly Extracted<RecurringObligation>[];
  readonly milestones: readonly Extracted<Milestone>[];
}

const COMMITTEE = /\b(?:comite (?:de suivi|de pilotage|technique|d'evaluation|de coordination|partenarial)|instance de (?:suivi|gouvernance)|copil)\b/;
const COMMITTEE_ADJECTIVES: Readonly<Record<string, number>> = { annuel: 12, annuelle: 12, semestriel: 6, semestrielle: 6, trimestriel: 3, trimestrielle: 3 };
/** Sentences about the appeal, the end or money: their delays and rhythms are no obligation of the partner. */
const NOT_AN_OBLIGATION = /\b(?:recours|tribunal|contentieux|preavis|resili\w*|denonc\w*|versee?s?|versement|subvention|paiement|facture|reconduction|renouvel\w*)\b/;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A «quoted» name in a text ("« club territorial »" → "Club territorial"). */
function quoted(text: string): string | null {
  const match = /«\s*([^»]{3,60}?)\s*»/.exec(text);
  return match === null ? null : capitalize(match[1]);
}

const ARTICLE = /^\s*(?:un |une |le |la |les |l'|des |du |d')/;
const PHRASE_END = / (?:pour|afin|qui|que|dont|avec|sur|en|dans|aupres|a|au|aux|a compter|au plus tard|avant|chaque|tous|toutes|une fois|par)\b|[,;.:«(]/;
const VERB = / (?:sera|seront|doit|doivent|devra|devront|est|sont|pourra|pourront|fera|feront|transmet|transmettent|transmettra|transmettront|remet|remettent|remettra|remettront|livre|livrera|livreront|realise|realisera|realiseront|produira|fournira|presente|presentera|se reunira|se reunit|se reuniront|aura|auront)\b/;

/** The noun phrase that starts at `at` with an article ("un pôle innovation pour …" → "Pôle innovation"). */
function phraseAfter(sentence: TextUnit, at: number): string | null {
  const rest = sentence.folded.slice(at);
  const article = ARTICLE.exec(rest);
  if (article === null) return null;
  const start = at + article[0].length;
  const end = PHRASE_END.exec(sentence.folded.slice(start))?.index ?? sentence.folded.length - start;
  const words = sentence.text.slice(start, start + end).trim().split(" ");
  return words.length === 0 || words.length > 6 || words[0] === "" ? null : capitalize(words.join(" "));
}

/**
 * What the clause that ends at `at` is about: the object of its verb when one follows it ("L'office
 * remettra un diagnostic des hébergements dans un délai …" → "Diagnostic des hébergements"), else
 * its subject ("Le bilan final sera remis dans un délai …" → "Bilan final").
 */
function phraseBefore(sentence: TextUnit, at: number): string | null {
  const before = sentence.folded.slice(0, at);
  const clauseStart = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1;
  const clause = before.slice(clauseStart);
  const verb = VERB.exec(clause);
  if (verb === null) return null;
  const objectAt = clauseStart + verb.index + verb[0].length;
  if (ARTICLE.test(sentence.folded.slice(objectAt, at))) return phraseAfter(sentence, objectAt);
  const article = ARTICLE.exec(clause);
  if (article === null || article.index !== 0) return null;
  const start = clauseStart + article[0].length;
  const words = sentence.text.slice(start, clauseStart + verb.index).trim().split(" ");
  return words.length === 0 || words.length > 8 || words[0] === "" ? null : capitalize(words.join(" "));
}

/**
 * The label of an obligation found at `at`. For a meeting ("réunir une fois par trimestre les
 * acteurs …") the «name» of the sentence or of its heading ("ACTION N°2 : Animer un « club
 * territorial »") names it best; for anything else the noun phrase around the delay or rhythm
 * ("un pôle innovation", "un rapport d'activité"), then a «name».
 */
function labelOf(sentence: TextUnit, at: number, length: number): { label: string; confidence: Confidence } {
  const inSentence = quoted(sentence.text);
  const inHeading = sentence.heading === null ? null : quoted(sentence.heading);
  const around = phraseAfter(sentence, at + length) ?? phraseBefore(sentence, at);
  const meeting = /\b(?:reunir|reunion|reunira|reunit|rencontres?)\b/.test(sentence.folded);
  const order: [string | null, Confidence][] = meeting
    ? [[inSentence, "high"], [inHeading, "medium"], [around, "medium"]]
    : [[around, "high"], [inSentence, "medium"], [inHeading, "medium"]];
  for (const [label, confidence] of order) if (label !== null) return { label, confidence };
  const fallback = (sentence.heading ?? sentence.text).replace(/^.*?:\s*/, "");
  return { label: capitalize(fallback.length > 60 ? `${fallback.slice(0, 57).trimEnd()}…` : fallback), confidence: "low" };
}

/** How often the comité meets: the most frequent of the rhythms its sentence writes. */
function committeeRhythm(text: DeliberationText): Extracted<CommitteeRhythm> {
  for (const sentence of text.sentences) {
    const named = COMMITTEE.exec(sentence.folded);
    if (named === null) continue;
    const rhythms: { months: number; index: number; length: number }[] = findFrequencies(sentence.folded).map((f) => ({ ...f, length: f.text.length }));
    for (const match of sentence.folded.matchAll(/\b(annuel|annuelle|semestriel|semestrielle|trimestriel|trimestrielle)\b/g)) {
      rhythms.push({ months: COMMITTEE_ADJECTIVES[match[1]], index: match.index ?? 0, length: match[0].length });
    }
    if (rhythms.length === 0) continue;
    rhythms.sort((a, b) => a.index - b.index);
    const months = Math.min(...rhythms.map((r) => r.months));
    const first = rhythms[0];
    const last = rhythms[rhythms.length - 1];
    // "au minimum 2 fois par an (au moins une fois par semestre)": the whole passage between the first and last rhythm.
    const written = sentence.text.slice(first.index, last.index + last.length);
    const closing = written.split("(").length > written.split(")").length && sentence.text[last.index + last.length] === ")" ? ")" : "";
    return {
      value: { label: capitalize(sentence.text.slice(named.index, named.index + named[0].length)), months, text: written + closing },
      sentence: sentence.text,
      confidence: rhythms.every((r) => r.months === months) ? "high" : "medium",
      notes: [],
    };
  }
  return notFound();
}

function recurringObligations(text: DeliberationText): Extracted<RecurringObligation>[] {
  const found: Extracted<RecurringObligation>[] = [];
  for (const sentence of text.sentences) {
    if (COMMITTEE.test(sentence.folded) || NOT_AN_OBLIGATION.test(sentence.folded) || sentence.isHeading) continue;
    const rhythm: FrequencyInText | undefined = findFrequencies(sentence.folded)[0];
    if (rhythm === undefined) continue;
    const { label, confidence } = labelOf(sentence, rhythm.index, rhythm.text.length);
    found.push({ value: { label, months: rhythm.months, text: sentence.text.slice(rhythm.index, rhythm.index + rhythm.text.length) }, sentence: sentence.text, confidence, notes: [] });
  }
  return found;
}

const DELAY = /\bdans (?:un|le) delai (?:maximum |maximal |de realisation )?(?:de |d')/g;
const DUE_BY = /\b(?:au plus tard le|avant le|d'ici le)\s/g;
const ACTION = /\b(?:mettre en place|mis en place|mise en place|realis|remet|remis|transmet|transmis|livr|produi|fourni|achev|cree|creer|creation|present|elabor|install|ouvr|depos)\w*/;

function milestones(text: DeliberationText): Extracted<Milestone>[] {
  const found: Extracted<Milestone>[] = [];
  for (const sentence of text.sentences) {
    if (NOT_AN_OBLIGATION.test(sentence.folded) || sentence.isHeading) continue;
    for (const match of sentence.folded.matchAll(DELAY)) {
      const at = (match.index ?? 0) + match[0].length;
      const delay = leadingDuration(sentence.folded.slice(at), 4);
      if (delay === null) continue;
      const { label, confidence } = labelOf(sentence, at, delay.length);
      const written = sentence.text.slice(match.index ?? 0, at + delay.length);
      found.push({ value: { label, delayMonths: delay.months, dueDate: null, text: written }, sentence: sentence.text, confidence, notes: [] });
    }
    if (!ACTION.test(sentence.folded)) continue;
    for (const match of sentence.folded.matchAll(DUE_BY)) {
      const at = (match.index ?? 0) + match[0].length;
      const date = findDatesInText(sentence.folded.slice(at, at + 30))[0];
      if (date === undefined || date.index > 0) continue;
      const { label, confidence } = labelOf(sentence, at, date.text.length);
      const written = sentence.text.slice(match.index ?? 0, at + date.text.length);
      found.push({ value: { label, delayMonths: null, dueDate: date.date, text: written }, sentence: sentence.text, confidence, notes: [] });
    }
  }
  return found;
}

/**
 * The comité's rhythm, the recurring obligations and the milestones of a deliberation and its
 * convention. Each label is a «name» of the sentence or its heading, else the noun phrase the
 * obligation is about. Sentences about the appeal, a notice, the end or payments are left out.
 * @example readObligations(prepareDeliberationText("Le comité de suivi se réunit chaque trimestre.")).committee.value?.months // 3
 */
export function readObligations(text: DeliberationText): Obligations {
  return { committee: committeeRhythm(text), recurring: recurringObligations(text), milestones: milestones(text) };
}
