/**
 * The French words of "Importer une délibération": the name of each field read, how sure the
 * reading is, why a value is blank or doubtful, and each value as a person reads it. The pane's
 * review form and `registre importer` take them from here.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { Confidence, ExtractionNote } from "../core/deliberation/extracted";
import { DeliberationExtraction, DeliberationField } from "../core/deliberation/extractDeliberation";
import { TermStart } from "../core/deliberation/term";
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
};

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
      if (term === null) return "";
      const parts = [term.months === null ? "durée non écrite" : formatMonthsFr(term.months)];
      if (term.start !== null && term.end !== null) parts.push(`du ${formatDateFr(term.start)} au ${formatDateFr(term.end)}`);
      else if (term.start !== null) parts.push(`à compter du ${formatDateFr(term.start)}`);
      else if (term.from !== null) parts.push(TERM_STARTS[term.from] || `à compter de ${term.fromText ?? "?"}`);
      if (term.start === null && term.end !== null) parts.push(`jusqu'au ${formatDateFr(term.end)}`);
      return parts.join(" ");
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
      return `D'autres passages du texte disent autre chose (${note.others.map((other) => otherValue(field, other)).join(" ; ")}) : vérifiez.`;
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

/** Another passage's value of a field, in a `conflicting` note: a date as staff write it, a term by its duration. */
function otherValue(field: DeliberationField | "recurring" | "milestones", value: unknown): string {
  if (field === "term" && typeof value === "object" && value !== null && "months" in value && typeof value.months === "number") return formatMonthsFr(value.months);
  if (typeof value === "object" && value !== null && "year" in value && "month" in value && "day" in value) return formatDateFr(value as CalendarDate);
  return String(value);
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
