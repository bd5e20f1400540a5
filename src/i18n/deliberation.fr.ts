/**
 * The French words of "Importer une délibération": the name of each field read, how sure the
 * reading is, why a value is blank or doubtful, and each value as a person reads it. The pane's
 * review form and `registre importer` take them from here.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { ActesIdentifier, ActesNature } from "../core/deliberation/actesIdentifier";
import { Confidence, ExtractionNote, OtherReading } from "../core/deliberation/extracted";
import { DeliberationExtraction, DeliberationField } from "../core/deliberation/extractDeliberation";
import { TermPeriod, TermReading, TermStart } from "../core/deliberation/term";
import { FRENCH_MONTHS } from "../core/text/frenchCalendarNames";
import { formatDateFr } from "./fr";

export const DELIBERATION_FIELD_LABELS: Record<DeliberationField, string> = {
  authority: "Collectivité",
  sessionDate: "Date de la séance",
  deliberationNumber: "N° de la délibération",
  title: "Intitulé de la convention",
  partner: "Partenaire",
  siret: "SIRET du partenaire",
  transmissionDate: "Réception en préfecture (contrôle de légalité)",
  publicationDate: "Publication ou affichage",
  enforceableDate: "Date exécutoire",
  signatureDate: "Signature de la convention",
  term: "Durée de la convention",
  committee: "Comité de suivi",
  amount: "Engagement financier",
  court: "Juridiction compétente",
  appealMonths: "Délai de recours contentieux",
  actesId: "Identifiant ACTES (télétransmission)",
};

/** The natures of act ACTES codes. */
export const ACTES_NATURE_LABELS: Record<ActesNature, string> = {
  DE: "délibération",
  AR: "arrêté réglementaire",
  AI: "arrêté individuel",
  CC: "contrat, convention ou avenant",
  BF: "document budgétaire ou financier",
  AU: "autre acte",
};

/**
 * An ACTES identifier with what it says.
 * @example describeActesId(parseActesIdentifier("029-242900694-20151112-2015_165-DE")) // "029-242900694-20151112-2015_165-DE (acte du 12/11/2015, n° 2015_165, délibération)"
 */
export function describeActesId(id: ActesIdentifier): string {
  const parts = [`acte du ${formatDateFr(id.date)}`, `n° ${id.number}`, ...(id.nature === null ? [] : [ACTES_NATURE_LABELS[id.nature]])];
  return `${id.text} (${parts.join(", ")})`;
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: "sûr",
  medium: "à vérifier",
  low: "incertain",
};

/**
 * A number of months as a duration is written ("3 ans", "18 mois" → "1 an et 6 mois").
 * @example formatMonthsFr(18) // "1 an et 6 mois"
 */
export function formatMonthsFr(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 0 ? "" : `${years} ${years === 1 ? "an" : "ans"}`;
  const m = rest === 0 ? "" : `${rest} mois`;
  return y !== "" && m !== "" ? `${y} et ${m}` : y || m || "0 mois";
}

/**
 * An amount in euros as French staff write it.
 * @example formatEuros(15000.5) // "15 000,50 €"
 */
export function formatEuros(amount: number): string {
  const [whole, cents] = Math.abs(amount).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${amount < 0 ? "-" : ""}${grouped}${cents === "00" ? "" : `,${cents}`} €`;
}

/** "2013–2016", "janvier 2021 à décembre 2021". */
function describePeriod(period: TermPeriod): string {
  const end = (p: TermPeriod["from"]): string => (p.month === null ? String(p.year) : `${FRENCH_MONTHS[p.month - 1]} ${p.year}`);
  return period.from.month === null && period.to.month === null ? `sur la période ${period.from.year}–${period.to.year}` : `de ${end(period.from)} à ${end(period.to)}`;
}

/** A term as the review shows it: its duration, then what it counts from or its dates. */
function describeTerm(term: TermReading): string {
  const parts = [term.months === null ? "durée non écrite" : formatMonthsFr(term.months)];
  if (term.start !== null && term.end !== null) parts.push(`du ${formatDateFr(term.start)} au ${formatDateFr(term.end)}`);
  else if (term.start !== null) parts.push(`à compter du ${formatDateFr(term.start)}`);
  else if (term.from !== null) parts.push(TERM_STARTS[term.from] || `à compter de ${term.fromText ?? "?"}`);
  else if (term.period !== undefined) parts.push(`${describePeriod(term.period)} (jours à préciser)`);
  if (term.start === null && term.end !== null) parts.push(`jusqu'au ${formatDateFr(term.end)}`);
  return parts.join(" ");
}

const TERM_STARTS: Record<TermStart, string> = {
  notification: "à compter de sa notification",
  signature: "à compter de sa signature",
  enforceable: "à compter de la date où la délibération est exécutoire",
  date: "",
  other: "",
};

/**
 * A field's value as the review shows it; "(vide)" for a blank stamp, "(non trouvé)" otherwise.
 * @example describeExtractedValue(extraction, "publicationDate") // "12/07/2024"
 */
export function describeExtractedValue(extraction: DeliberationExtraction, field: DeliberationField): string {
  const read = extraction[field];
  if (read.value === null) return read.notes.some((n) => n.code === "left_blank") ? "(laissé en blanc)" : "(non trouvé)";
  switch (field) {
    case "sessionDate":
    case "transmissionDate":
    case "publicationDate":
    case "enforceableDate":
    case "signatureDate":
      return formatDateFr(read.value as CalendarDate);
    case "siret": {
      const digits = String(read.value);
      return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`;
    }
    case "term": {
      const term = extraction.term.value;
      return term === null ? "" : describeTerm(term);
    }
    case "actesId": {
      const id = extraction.actesId.value;
      return id === null ? "" : describeActesId(id);
    }
    case "committee": {
      const committee = extraction.committee.value;
      return committee === null ? "" : `${committee.text} — ${committee.label.toLowerCase()}, au plus ${formatMonthsFr(committee.months)} entre deux réunions`;
    }
    case "amount":
      return read.value === 0 ? "0 € (sans engagement financier)" : formatEuros(Number(read.value));
    case "appealMonths":
      return `${read.value} mois`;
    default:
      return String(read.value);
  }
}

/**
 * Why a value is blank or doubtful, in a sentence.
 * @example extractionNoteMessage("publicationDate", { code: "left_blank" }) // "La date de ce cachet est laissée en blanc dans le texte : à compléter quand elle sera connue."
 */
export function extractionNoteMessage(field: DeliberationField | "recurring" | "milestones", note: ExtractionNote): string {
  switch (note.code) {
    case "not_found":
      return "Le texte n'en dit rien : à compléter à la main si besoin.";
    case "left_blank":
      return "La date de ce cachet est laissée en blanc dans le texte : à compléter quand elle sera connue.";
    case "computed":
      return "Calculée : la plus tardive de la réception en préfecture et de la publication (le texte ne l'écrit pas).";
    case "conflicting":
      return `À vérifier : d'autres passages du texte disent autre chose (${note.others.map((other) => otherValue(field, other.value)).join(" ; ")}).`;
    case "ambiguous":
      return `Le texte donne plusieurs valeurs (${note.candidates.map((c) => otherValue(field, c.value)).join(" ; ")}) sans dire laquelle est celle de l'acte : aucune n'est reprise, à choisir.`;
    case "from_actes_id":
      return `Le texte ne l'écrit pas : tiré de l'identifiant ACTES ${note.actesId}, à vérifier.`;
    case "year_from_context":
      return `L'année n'est pas écrite sur ce cachet : ${note.year}, celle de la séance, est supposée. À vérifier.`;
    case "period_without_days":
      return "Le texte donne la période sans ses jours : dates de début et de fin à compléter.";
    case "invalid_siret":
      return `Le SIRET écrit (${note.written}) n'est pas valable (14 chiffres dont une clé de contrôle) : il n'est pas repris.`;
    case "start_to_fill":
      return "La convention court à compter d'une date que la délibération ne connaît pas encore : la date de notification est à compléter dans le registre.";
    case "yearly_amount":
      return "Montant annuel, pas le total de la convention : vérifiez le montant à inscrire.";
    case "end_differs":
      return `La date de fin écrite ne correspond pas à la durée (fin calculée : ${formatDateFr(note.computedEnd)}) : vérifiez.`;
  }
}

/** Another passage's value of a field, in a `conflicting` or `ambiguous` note: a date as staff write it, a term by its duration, an ACTES identifier as written. */
function otherValue(field: DeliberationField | "recurring" | "milestones", value: unknown): string {
  if (field === "term" && typeof value === "object" && value !== null && "months" in value && typeof value.months === "number") return formatMonthsFr(value.months);
  if (typeof value === "object" && value !== null && "year" in value && "month" in value && "day" in value) return formatDateFr(value as CalendarDate);
  if (field === "actesId" && typeof value === "object" && value !== null && "text" in value) return String(value.text);
  if (field === "amount" && typeof value === "number") return formatEuros(value);
  return String(value);
}

/**
 * The other passages a note cites (a `conflicting` note's other readings, an `ambiguous` note's
 * candidates), each value as the review writes it with its passage: the review quotes them under
 * the field's own passage, so that both can be checked.
 * @example otherPassages("publicationDate", { code: "conflicting", others: [{ value: d("2024-07-13"), sentence: "Affiché le 13/07/2024" }] }) // [{ value: "13/07/2024", sentence: "Affiché le 13/07/2024" }]
 */
export function otherPassages(field: DeliberationField | "recurring" | "milestones", note: ExtractionNote): { value: string; sentence: string }[] {
  const readings: readonly OtherReading<unknown>[] = note.code === "conflicting" ? note.others : note.code === "ambiguous" ? note.candidates : [];
  return readings.map((r) => ({ value: otherValue(field, r.value), sentence: r.sentence }));
}

/** Words of the review of `registre importer`. */
export const IMPORT_REVIEW = {
  invalidUtf8: (file: string, bytes: number): string =>
    `Attention : ${bytes === 1 ? "un octet" : `${bytes} octets`} de « ${file} » ne ${bytes === 1 ? "est" : "sont"} pas de l'UTF-8 valable ; ` +
    `${bytes === 1 ? "il est remplacé" : "ils sont remplacés"} par « \ufffd » (le reste du texte est lu en UTF-8).`,
  heading: (file: string): string => `Délibération « ${file} » : ce que le texte donne, à vérifier avant de l'ajouter au registre`,
  field: (label: string, value: string, confidence: Confidence): string => `${label} : ${value}   [${CONFIDENCE_LABELS[confidence]}]`,
  sentence: (sentence: string): string => `    « ${sentence.length > 240 ? `${sentence.slice(0, 237).trimEnd()}…` : sentence} »`,
  note: (message: string): string => `    → ${message}`,
  otherPassage: (value: string, sentence: string): string =>
    `      ${value} : « ${sentence.length > 240 ? `${sentence.slice(0, 237).trimEnd()}…` : sentence} »`,
  citedHeading: "Délibérations citées ou rappelées",
  cited: (number: string, date: CalendarDate | null, own: boolean): string =>
    `  - n° ${number}${date === null ? "" : ` du ${formatDateFr(date)}`}${own ? " (cette délibération)" : ""}`,
  recurringHeading: "Obligations récurrentes",
  recurring: (label: string, text: string, months: number, confidence: Confidence): string =>
    `  - ${label} : ${text} (tous les ${formatMonthsFr(months)})   [${CONFIDENCE_LABELS[confidence]}]`,
  milestonesHeading: "Jalons",
  milestone: (label: string, text: string, confidence: Confidence): string => `  - ${label} : ${text}   [${CONFIDENCE_LABELS[confidence]}]`,
  noneFound: "  (aucun)",
  rowsHeading: (reference: string): string => `Lignes proposées pour le registre (référence suggérée : ${reference})`,
  tableHeading: (label: string): string => `  ${label} :`,
  cell: (label: string, value: string): string => `    ${label} : ${value}`,
  deadlineRow: (index: number, cells: string): string => `    ${index}. ${cells}`,
  nothingWritten:
    "Rien n'est écrit : ces lignes s'ajoutent au registre depuis le volet (« Importer une délibération ») après confirmation, ou à la main.",
};
