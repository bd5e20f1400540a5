/**
 * Numbers of deliberations: the act's own ("DÉLIBÉRATION N° DEL-2020-045", "N° de la délibération :
 * 12/2021") and those it cites ("Vu … la délibération n°2022CC/136 du 6 décembre 2022", "Par
 * délibération n°2024/BC048 du 25 juin 2024, le Bureau …"), each with its sentence.
 */
import { CalendarDate } from "../dates/calendarDate";
import { findDatesInText } from "../text/findDatesInText";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Extracted, notFound } from "./extracted";

export interface DeliberationNumber {
  /** As written: "2024/BC048", "2022CC/136", "12/2021", "DEL-2020-045". */
  readonly number: string;
  /** The act's own number, or one it cites. */
  readonly own: boolean;
  /** The date written right after a cited number ("… du 6 décembre 2022"), else null. */
  readonly date: CalendarDate | null;
  readonly sentence: string;
}

export interface DeliberationNumbers {
  /** The act's own number: many acts pasted from a PDF do not show it (value null). */
  readonly own: Extracted<string>;
  /** Every number written, own and cited, in order. */
  readonly all: readonly DeliberationNumber[];
}

/** "n° 2024/BC048", "N°12/2021", "numéro DEL-2020-045": the token after the sign. */
const AFTER_SIGN = /\b(?:n[°o]|numero)\s*:?\s*([a-z0-9](?:[a-z0-9]|[/_.-](?=[a-z0-9])|\s?\/\s?(?=[a-z0-9]))*)/g;
/** Numbers written without a sign: "DEL-2020-045", "2022CC/136", "2024/BC048". */
const BARE = /\b((?:del|dcm|dcc|dc|db|cm|cc|cp|bc|dec|ac)[-_/]?\d{2,4}[-_/]\d{1,4}|\d{4}\s?[a-z]{2,3}\s?\/\s?\d{1,4}|\d{4}\/[a-z]{1,3}\d{1,4})\b/g;
/** Signs that are not a deliberation's number. */
const OTHER_NUMBER = /\b(?:siret|siren|action|annexe|article|avenant|convention|axe|lot|rue|page|tel|telephone|ape|naf|rna|tva)\s*$/;
/**
 * What precedes the act's own number on its line: "DÉLIBÉRATION N° 12/2021", "Délibération
 * 2023CC/058", "Extrait … Délibération du Conseil municipal n° 2022/018", "N° de la délibération :".
 */
const OWN = [
  /^\W*(?:extrait\b.*?\s)?(?:deliberation|acte|decision)(?: du (?:conseil|bureau|comite|commission)[a-z' ]{0,40}?)?\s*(?:n[°o]|numero)?\s*:?\s*$/,
  /^\W*(?:n[°o]|numero|reference)\s*(?:de (?:la )?deliberation|d'acte|de l'acte)?\s*:?\s*$/,
];

/** The numbers of a sentence (or, with `onLine`, of a line: then `own` says whether the line gives the act's own). */
function numbersIn(sentence: TextUnit, onLine = false): DeliberationNumber[] {
  const found: (DeliberationNumber & { readonly at: number })[] = [];
  const seen = new Set<number>();
  const add = (at: number, length: number, signed: boolean): void => {
    const before = sentence.folded.slice(0, at);
    const written = sentence.text.slice(at, at + length).replace(/\s+/g, "");
    if (!/\d/.test(written) || seen.has(at)) return;
    const context = before.slice(-60);
    if (OTHER_NUMBER.test(before.replace(/\s*(?:n[°o]|numero)\s*:?\s*$/, ""))) return;
    const own = onLine && !/^vu\b/.test(before) && OWN.some((form) => form.test(before));
    const aboutDeliberation = own || /deliberation|acte\b/.test(context);
    if (!aboutDeliberation) return;
    // Without a sign, or a bare number ("N° 45"), only what looks like an act's reference.
    if (!signed && !/[/-]/.test(written)) return;
    seen.add(at);
    const after = sentence.folded.slice(at + length, at + length + 70);
    const date = own ? undefined : findDatesInText(after).find((d) => d.index < 50);
    found.push({ number: written, own, date: date?.date ?? null, sentence: sentence.text, at });
  };
  for (const match of sentence.folded.matchAll(AFTER_SIGN)) {
    add((match.index ?? 0) + match[0].length - match[1].length, match[1].length, true);
  }
  for (const match of sentence.folded.matchAll(BARE)) add(match.index ?? 0, match[1].length, false);
  return found.sort((a, b) => a.at - b.at).map(({ number, own, date }) => ({ number, own, date, sentence: sentence.text }));
}

/**
 * The deliberation numbers of a text, the act's own first when it shows one.
 * @example readDeliberationNumbers(prepareDeliberationText("Par délibération n°2024/BC048 du 25 juin 2024, le Bureau a approuvé.")).all
 *   // [{ number: "2024/BC048", own: false, date: { year: 2024, month: 6, day: 25 }, sentence: "…" }]
 */
export function readDeliberationNumbers(text: DeliberationText): DeliberationNumbers {
  const own = text.lines.flatMap((line) => numbersIn(line, true)).find((n) => n.own);
  const cited = text.sentences.flatMap((s) => numbersIn(s)).filter((n) => own === undefined || n.number !== own.number);
  return {
    own: own === undefined ? notFound() : { value: own.number, sentence: own.sentence, confidence: "high", notes: [] },
    all: own === undefined ? cited : [own, ...cited],
  };
}
