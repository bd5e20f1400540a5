/**
 * Reading a deliberation pasted as text (from its PDF), with rules only — no network, no model:
 * every field of the register it gives, each with the sentence it was read from and how sure the
 * rule is (see Confidence). The pane shows them for review; nothing is written before the user
 * confirms (see deliberationRows).
 */
import { CalendarDate } from "../dates/calendarDate";
import { ActesIdentifier, readActesIdentifier } from "./actesIdentifier";
import { readAppeal } from "./appeal";
import { readAuthority } from "./authority";
import { DeliberationNumber, readDeliberationNumbers } from "./deliberationNumbers";
import { prepareDeliberationText } from "./deliberationText";
import { Extracted } from "./extracted";
import { readAmountCommitted } from "./money";
import { CommitteeRhythm, Milestone, RecurringObligation, readObligations } from "./obligations";
import { readPartner, readPartnerSiret } from "./parties";
import { readSessionDate } from "./session";
import { readStampDates } from "./stamps";
import { TermReading, readTerm } from "./term";
import { readTitle } from "./title";

export interface DeliberationExtraction {
  /** The collectivité that deliberates. */
  readonly authority: Extracted<string>;
  /** The séance: the deliberation's date. */
  readonly sessionDate: Extracted<CalendarDate>;
  /** The act's own number, when the text shows it. */
  readonly deliberationNumber: Extracted<string>;
  /** Every deliberation number written (own and cited: "Vu la délibération n°2022CC/136 …"). */
  readonly deliberationNumbers: readonly DeliberationNumber[];
  readonly title: Extracted<string>;
  readonly partner: Extracted<string>;
  /** 14 digits whose key holds; a wrong one is null with an `invalid_siret` note. */
  readonly siret: Extracted<string>;
  /** Reception by the préfecture or sous-préfecture (contrôle de légalité). */
  readonly transmissionDate: Extracted<CalendarDate>;
  /** Publication or affichage. */
  readonly publicationDate: Extracted<CalendarDate>;
  readonly enforceableDate: Extracted<CalendarDate>;
  /** Signature of the annexed convention ("Fait à …, le"), often left blank. */
  readonly signatureDate: Extracted<CalendarDate>;
  /** Duration and what it counts from, or the dates of the term. */
  readonly term: Extracted<TermReading>;
  /** How often the comité de suivi meets. */
  readonly committee: Extracted<CommitteeRhythm>;
  readonly recurring: readonly Extracted<RecurringObligation>[];
  readonly milestones: readonly Extracted<Milestone>[];
  /** Euros committed: 0 for "sans engagement financier". */
  readonly amount: Extracted<number>;
  /** The court competent for appeals and disputes. */
  readonly court: Extracted<string>;
  /** Months of the délai de recours contentieux. */
  readonly appealMonths: Extracted<number>;
  /** The ACTES identifier stamped on the act (département-SIREN-date-number-nature). */
  readonly actesId: Extracted<ActesIdentifier>;
}

/** The fields holding one value, in the order a review shows them. */
export const DELIBERATION_FIELDS = [
  "authority",
  "sessionDate",
  "deliberationNumber",
  "title",
  "partner",
  "siret",
  "transmissionDate",
  "publicationDate",
  "enforceableDate",
  "signatureDate",
  "term",
  "committee",
  "amount",
  "court",
  "appealMonths",
  "actesId",
] as const satisfies readonly (keyof DeliberationExtraction)[];

export type DeliberationField = (typeof DELIBERATION_FIELDS)[number];

/**
 * Reads a deliberation's text. Pure: the same text gives the same extraction.
 * @example extractDeliberation(team2Text).transmissionDate // { value: { year: 2024, month: 7, day: 11 }, sentence: "Certifié exécutoire … le : 11 JUIL. 2024", confidence: "high", notes: [] }
 */
export function extractDeliberation(raw: string): DeliberationExtraction {
  const text = prepareDeliberationText(raw);
  const actesId = readActesIdentifier(text);
  const numbers = readDeliberationNumbers(text, actesId.value);
  const partner = readPartner(text);
  const sessionDate = readSessionDate(text, actesId.value);
  const stamps = readStampDates(text, sessionDate.value);
  const obligations = readObligations(text);
  const appeal = readAppeal(text);
  return {
    authority: readAuthority(text, partner.value),
    sessionDate,
    deliberationNumber: numbers.own,
    deliberationNumbers: numbers.all,
    title: readTitle(text, numbers.all.find((n) => n.own) ?? null),
    partner,
    siret: readPartnerSiret(text, partner.value),
    ...stamps,
    term: readTerm(text),
    committee: obligations.committee,
    recurring: obligations.recurring,
    milestones: obligations.milestones,
    amount: readAmountCommitted(text),
    court: appeal.court,
    appealMonths: appeal.months,
    actesId,
  };
}

/**
 * Whether anything at all was read: a text that gives no field is not a deliberation.
 * @example hasAnyField(extractDeliberation("Liste des courses")) // false
 */
export function hasAnyField(extraction: DeliberationExtraction): boolean {
  return (
    DELIBERATION_FIELDS.some((key) => extraction[key].value !== null || extraction[key].notes.some((n) => n.code !== "not_found")) ||
    extraction.recurring.length > 0 ||
    extraction.milestones.length > 0 ||
    extraction.deliberationNumbers.length > 0
  );
}
