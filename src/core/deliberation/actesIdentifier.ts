/**
 * The ACTES identifier: the number the préfecture's dematerialised transmission (ACTES) gives
 * each act, stamped on it ("ID : 029-242900694-20151112-2015_165-DE", "Numéro de télétransmission
 * unique : 069-216902593-20191217-34689-CC-1-1"). Its parts are the département, the SIREN of the
 * authority, the date of the act (AAAAMMJJ), the authority's own number for it and the nature of
 * the act (DE délibération, AR/AI arrêté réglementaire/individuel, CC contrat ou convention, BF
 * budget, AU autre); some stamps add the transmission's sequence ("-1-1"), some leave the nature out.
 */
import { CalendarDate, isValidCalendarDate } from "../dates/calendarDate";
import { DeliberationText } from "./deliberationText";
import { Candidate, Extracted, distinctReadings, notFound } from "./extracted";

/** The nature codes of ACTES. */
export type ActesNature = "DE" | "AR" | "AI" | "CC" | "BF" | "AU";
const NATURES: readonly string[] = ["DE", "AR", "AI", "CC", "BF", "AU"] satisfies readonly ActesNature[];

export interface ActesIdentifier {
  /** As written. */
  readonly text: string;
  /** "029", "02A": the département's code as ACTES writes it (three characters). */
  readonly department: string;
  /** The authority's SIREN (9 digits). */
  readonly siren: string;
  /** The date of the act. */
  readonly date: CalendarDate;
  /** The authority's number for the act, as written ("2014-058ccpq", "2015_165", "34689"). */
  readonly number: string;
  /** Null when the stamp leaves it out ("…-2015-003CCPQ"). */
  readonly nature: ActesNature | null;
}

/**
 * Where an identifier is written: three characters of département, 9 digits, 8 digits, then the
 * number's parts (letters, digits, "_", joined by "-"), at most eight of them: linear.
 */
export const ACTES_PATTERN = String.raw`(?<![\w-])(\d{2}[\dAB])-(\d{9})-(\d{8})-([A-Za-z0-9_]{1,20}(?:-[A-Za-z0-9_]{1,20}){0,7})(?![\w-])`;

/**
 * Reads an identifier written as ACTES writes it; null when it is not one (the date must exist).
 * @example parseActesIdentifier("029-242900694-20151112-2015_165-DE") // { department: "029", siren: "242900694", date: 2015-11-12, number: "2015_165", nature: "DE", … }
 */
export function parseActesIdentifier(text: string): ActesIdentifier | null {
  const match = new RegExp(`^${ACTES_PATTERN}$`).exec(text);
  if (match === null) return null;
  const [, department, siren, ymd, rest] = match;
  const [year, month, day] = [Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8))];
  if (!isValidCalendarDate(year, month, day)) return null;
  const parts = rest.split("-");
  // The nature is the last code of the list, before the transmission's sequence numbers ("-CC-1-1").
  let natureAt = parts.length - 1;
  while (natureAt > 0 && /^\d{1,2}$/.test(parts[natureAt])) natureAt -= 1;
  const nature = natureAt > 0 && NATURES.includes(parts[natureAt]) ? (parts[natureAt] as ActesNature) : null;
  const number = (nature === null ? parts : parts.slice(0, natureAt)).join("-");
  return { text, department, siren, date: { year, month, day }, number, nature };
}

/**
 * The act's ACTES identifier: the one written in the text; when several different ones are
 * written (a recueil, or a convention whose every page carries its own act's stamp), none is
 * known to be this act's: the value stays blank and an `ambiguous` note lists them.
 * @example readActesIdentifier(prepareDeliberationText("ID : 029-242900694-20151112-2015_165-DE")).value?.number // "2015_165"
 */
export function readActesIdentifier(text: DeliberationText): Extracted<ActesIdentifier> {
  const found: Candidate<ActesIdentifier>[] = [];
  const pattern = new RegExp(ACTES_PATTERN, "g");
  for (const sentence of text.sentences) {
    for (const match of sentence.text.matchAll(pattern)) {
      const id = parseActesIdentifier(match[0]);
      if (id !== null) found.push({ value: id, sentence: sentence.text, confidence: "high" });
    }
  }
  if (found.length === 0) return notFound();
  const distinct = distinctReadings(found, (id) => id.text);
  if (distinct.length > 1) return { value: null, sentence: null, confidence: "low", notes: [{ code: "ambiguous", candidates: distinct }] };
  return { value: found[0].value, sentence: found[0].sentence, confidence: "high", notes: [] };
}
