/**
 * Numbers of deliberations: the act's own ("DÉLIBÉRATION N° DEL-2020-045", "N° de la délibération :
 * 12/2021", "DÉLIBÉRATION : DEL 20-86", a line that starts with it: "2015-165 CULT approb de la
 * convention…", "2011/3814 - ATTRIBUTION …", the Conseil de Paris' "2009 DVD 118") and those it
 * cites ("Vu … la délibération n°2022CC/136 du 6 décembre 2022", "Par délibération n°2024/BC048
 * du 25 juin 2024, le Bureau …"), each with its sentence.
 */
import { CalendarDate } from "../dates/calendarDate";
import { findDatesInText } from "../text/findDatesInText";
import { ActesIdentifier } from "./actesIdentifier";
import { DeliberationText, TextUnit } from "./deliberationText";
import { Confidence, Extracted, notFound } from "./extracted";

export interface DeliberationNumber {
  /** As written: "2024/BC048", "2022CC/136", "12/2021", "DEL-2020-045". */
  readonly number: string;
  /** The act's own number, or one it cites. */
  readonly own: boolean;
  /** The date written right after a cited number ("… du 6 décembre 2022"), else null. */
  readonly date: CalendarDate | null;
  readonly sentence: string;
  /** For the act's own: high after "Délibération n°", medium for a number that only starts a line. */
  readonly confidence?: Confidence;
}

export interface DeliberationNumbers {
  /** The act's own number: many acts pasted from a PDF do not show it (value null). */
  readonly own: Extracted<string>;
  /** Every number written, own and cited, in order. */
  readonly all: readonly DeliberationNumber[];
}

/** "n° 2024/BC048", "N°12/2021", "numéro DEL-2020-045": the token after the sign. */
const AFTER_SIGN = /\b(?:n[°o]|numero)\s*:?\s*([a-z0-9](?:[a-z0-9]|[/_.-](?=[a-z0-9])|\s?\/\s?(?=[a-z0-9]))*)/g;
/** Numbers written without a sign: "DEL-2020-045", "DEL 20-86", "CP 12-304", "2022CC/136", "2024/BC048". */
const BARE = /\b((?:del|dcm|dcc|dc|db|cm|cc|cp|bc|dec|ac)[-_/ ]?\d{2,4}[-_/]\d{1,4}|\d{4}\s?[a-z]{2,3}\s?\/\s?\d{1,4}|\d{4}\/[a-z]{1,3}\d{1,4})\b/g;
/**
 * A line that starts with the act's number, then its object: "2015-165 CULT approb de la
 * convention…", "2011/3814 - ATTRIBUTION…" (the published file's name, or the head of the act);
 * never a range of years ("2013-2016").
 */
const LINE_START = /^(\d{4}[-/_]\d{1,4}[a-z]{0,6})(?= |$)/;
/** A number alone on its line in the manner "13-01", "10-265" (a rapport's number above its title). */
const ALONE = /^(\d{2}-\d{2,3})$/;
/** The Conseil de Paris' numbers: year, the direction's code, rank ("2009 DVD 118", "[2003 ASES 45]"), alone on a line or in brackets. */
const PARIS_FORM = /(?:^|\[)(\d{4} [a-z]{2,6} \d{1,4})(?:\]|$)/;
/** Signs that are not a deliberation's number. */
const OTHER_NUMBER = /\b(?:siret|siren|action|annexe|article|avenant|convention|axe|lot|rue|page|tel|telephone|ape|naf|rna|tva)\s*$/;
/**
 * What precedes the act's own number on its line: "DÉLIBÉRATION N° 12/2021", "Délibération
 * 2023CC/058", "Extrait … Délibération du Conseil municipal n° 2022/018", "N° de la délibération :".
 */
const OWN = [
  // … and a rapport's own number, the act's when the rapport is what the council approves ("RAPPORT N° 18-CP-412")
  /^\W*(?:extrait\b.*?\s)?(?:deliberation|acte|decision|rapport)(?: du (?:conseil|bureau|comite|commission)[a-z' ]{0,40}?)?\s*(?:n[°o]|numero)?\s*:?\s*$/,
  /^\W*(?:n[°o]|numero|reference)\s*(?:de (?:la )?deliberation|d'acte|de l'acte)?\s*:?\s*$/,
];

/** The numbers of a sentence (or, with `onLine`, of a line: then `own` says whether the line gives the act's own). */
function numbersIn(sentence: TextUnit, onLine = false): DeliberationNumber[] {
  const found: (DeliberationNumber & { readonly at: number })[] = [];
  const seen = new Set<number>();
  const add = (at: number, length: number, signed: boolean): void => {
    const before = sentence.folded.slice(0, at);
    const written = asWritten(sentence.text.slice(at, at + length));
    if (!/\d/.test(written) || seen.has(at)) return;
    const context = before.slice(-60);
    if (OTHER_NUMBER.test(context.replace(/\s*(?:n[°o]|numero)\s*:?\s*$/, ""))) return;
    // The act's own number is written near the start of its line ("DÉLIBÉRATION N° …").
    const own = onLine && at <= 160 && !/^vu\b/.test(before) && OWN.some((form) => form.test(before));
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
  return found.sort((a, b) => a.at - b.at).map(({ number, own, date }) => ({ number, own, date, sentence: sentence.text, ...(own ? { confidence: "high" as const } : {}) }));
}

/** A number as written, spaces around a slash taken out and runs of spaces made one ("2022 / 136" → "2022/136", "DEL  20-86" → "DEL 20-86"). */
function asWritten(text: string): string {
  return text.replace(/\s*\/\s*/g, "/").replace(/\s+/g, " ").trim();
}

/** The act's own number that a line is made of or starts with (LINE_START, ALONE, PARIS_FORM): medium confidence. */
function lineNumber(line: TextUnit): DeliberationNumber | null {
  for (const form of [LINE_START, ALONE, PARIS_FORM]) {
    const match = form.exec(line.folded.slice(0, 200));
    if (match === null) continue;
    const at = (match.index ?? 0) + match[0].indexOf(match[1]);
    const number = asWritten(line.text.slice(at, at + match[1].length));
    const years = /^(\d{4})[-/_](\d{4})$/.exec(number);
    if (years !== null && /^(?:19|20)/.test(years[1]) && /^(?:19|20)/.test(years[2])) continue;
    return { number, own: true, date: null, sentence: line.text, confidence: "medium" };
  }
  return null;
}

/**
 * The deliberation numbers of a text, the act's own first when it shows one.
 * @example readDeliberationNumbers(prepareDeliberationText("Par délibération n°2024/BC048 du 25 juin 2024, le Bureau a approuvé.")).all
 *   // [{ number: "2024/BC048", own: false, date: { year: 2024, month: 6, day: 25 }, sentence: "…" }]
 */
export function readDeliberationNumbers(text: DeliberationText, actes: ActesIdentifier | null = null): DeliberationNumbers {
  const own = text.lines.flatMap((line) => numbersIn(line, true)).find((n) => n.own) ?? text.lines.map(lineNumber).find((n) => n !== null) ?? undefined;
  const cited = text.sentences.flatMap((s) => numbersIn(s)).filter((n) => own === undefined || n.number !== own.number);
  const all = own === undefined ? cited : [own, ...cited];
  if (own !== undefined) return { own: { value: own.number, sentence: own.sentence, confidence: own.confidence ?? "high", notes: [] }, all };
  if (actes === null) return { own: notFound(), all };
  // Not written: the authority's number in the ACTES identifier, to check (it may carry a suffix of its own, "2014-058ccpq").
  const passage = text.sentences.find((s) => s.text.includes(actes.text))?.text ?? actes.text;
  return { own: { value: actes.number, sentence: passage, confidence: "low", notes: [{ code: "from_actes_id", actesId: actes.text }] }, all };
}
