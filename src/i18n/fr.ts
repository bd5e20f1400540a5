/**
 * Every French sentence and label of the add-in, keyed by the core's codes: the same finding reads
 * the same in a cell, the task pane and the command line.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { ConventionStatus } from "../core/rules/conventionStatus";
import { FRENCH_MONTHS, FRENCH_WEEKDAYS } from "../core/text/frenchCalendarNames";
import { DomainError, ErrorCode, ErrorOf, ExpectedKind, OptionSet } from "../core/base/errors";
import { HolidayKey } from "../core/dates/publicHolidays";
import { COMMITTEE_TYPE_LABELS, DEADLINE_KIND_LABELS } from "../core/register/registerSchema";

/** Labels of the places a value comes from (custom-function arguments, register columns). */
export const FIELD_LABELS: Record<string, string> = {
  start: "date de début",
  end: "date de fin",
  publication: "date de publication",
  transmission: "date de transmission",
  date: "date",
  asOf: "date de référence",
  duration: "durée",
  months: "nombre de mois",
  zone: "zone",
  rule: "règle de calcul",
  basis: "base des semestres",
  contractStart: "date de début du contrat",
  year: "année",
  committees: "dates des comités",
  perSemester: "nombre de comités par semestre",
  noticeMonths: "préavis (mois)",
  every: "périodicité (mois)",
  result: "résultat",
};

/**
 * Where a value sits in a range passed to a function.
 * @example rangeItemField("committees", 3) // "dates des comités (valeur n° 3)"
 */
export function rangeItemField(field: string, position: number): string {
  return `${FIELD_LABELS[field] ?? field} (valeur n° ${position})`;
}

/** Sentences for results that are "nothing" rather than errors. */
export const NOTHING_LEFT = {
  committee: "Aucun semestre restant sans comité : tous les comités requis sont tenus ou la convention est échue.",
} as const;

/** The printed footer of the add-in's sheets ("Page 2 / 5"), in Excel's header and footer codes. */
export const PAGE_FOOTER = "Page &P / &N";

export const STATUS_LABELS: Record<ConventionStatus, string> = {
  upcoming: "À venir",
  in_force: "En cours",
  to_renew: "À renouveler",
  expired: "Échue",
};

export const HOLIDAY_NAMES: Record<HolidayKey, string> = {
  new_year: "Jour de l'an",
  good_friday: "Vendredi saint",
  easter_monday: "Lundi de Pâques",
  labour_day: "Fête du Travail",
  victory_1945: "Victoire 1945",
  ascension: "Ascension",
  whit_monday: "Lundi de Pentecôte",
  bastille_day: "Fête nationale",
  assumption: "Assomption",
  all_saints: "Toussaint",
  armistice_1918: "Armistice 1918",
  christmas: "Noël",
  st_stephen: "Saint-Étienne",
};

/**
 * A date as French staff write it.
 * @example formatDateFr({ year: 2024, month: 9, day: 13 }) // "13/09/2024"
 */
export function formatDateFr(date: CalendarDate): string {
  return `${String(date.day).padStart(2, "0")}/${String(date.month).padStart(2, "0")}/${String(date.year).padStart(4, "0")}`;
}

/**
 * A date in words, for sentences (the weekday of a UTC date, so no time zone moves it). Written as
 * date-fns' format(date, "EEEE d MMMM yyyy", { locale: fr }) did, with "1er" for the first: that
 * function would bring its whole token engine and the English locale into the bundles.
 * @example formatDateLongFr({ year: 2024, month: 9, day: 13 }) // "vendredi 13 septembre 2024"
 * @example formatDateLongFr({ year: 2025, month: 1, day: 1 }) // "mercredi 1er janvier 2025"
 */
export function formatDateLongFr(date: CalendarDate): string {
  const utc = new Date(Date.UTC(2000, date.month - 1, date.day));
  utc.setUTCFullYear(date.year);
  // As format() did: no words for a date that does not exist.
  if (Number.isNaN(utc.getTime())) throw new RangeError("Invalid time value");
  // format()'s "yyyy": years before 1 count back from 1 BC.
  const year = utc.getUTCFullYear() > 0 ? utc.getUTCFullYear() : 1 - utc.getUTCFullYear();
  const day = date.day === 1 ? "1er" : String(date.day);
  return `${FRENCH_WEEKDAYS[utc.getUTCDay()]} ${day} ${FRENCH_MONTHS[utc.getUTCMonth()]} ${String(year).padStart(4, "0")}`;
}

function fieldLabel(field: string | undefined, fallback: string): string {
  if (field === undefined) return fallback;
  return FIELD_LABELS[field] ?? field;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === "object" && value !== null && "year" in value && "month" in value && "day" in value;
}

/**
 * A value as a person would read it in a French message.
 * @example describeValue(true) // "VRAI"
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(vide)";
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "un nombre non fini";
  if (typeof value === "string") return `« ${value} »`;
  if (isCalendarDate(value)) return formatDateFr(value);
  if (Array.isArray(value)) return "une plage de cellules";
  if (typeof value === "object" && "error" in value && typeof value.error === "string") return `le code d'erreur Excel ${value.error}`;
  return "une valeur d'erreur ou un objet";
}

/** The choices of each option, as a message lists them. */
export const OPTION_CHOICES: Record<OptionSet, string> = {
  zone: "vide ou « metropole », « alsace-moselle », 57, 67, 68",
  end_rule: "« veille » ou « quantieme »",
  period_basis: "« calendrier » ou « contrat »",
  committee_type: Object.values(COMMITTEE_TYPE_LABELS).map((label) => `« ${label} »`).join(", "),
  deadline_kind: Object.values(DEADLINE_KIND_LABELS).map((label) => `« ${label} »`).join(", "),
  frequency_months: "3, 6 ou 12",
};

/** What a cell was expected to hold, as « … n'est pas lisible comme » ends. */
const EXPECTED_KIND: Record<ExpectedKind, string> = {
  date: "une date",
  duration: "une durée",
  text: "du texte",
  amount: "un montant",
  siret: "un SIRET",
};

const SIRET_PROBLEMS = { length: "il faut 14 chiffres", key: "clé de contrôle fausse" } as const;

type Messages = { readonly [C in ErrorCode]: (e: ErrorOf<C>, field: string) => string };

const MESSAGES: Messages = {
  missing_date: (_e, field) => `${capitalize(field)} manquante.`,
  missing_value: (e, field) => `${capitalize(field)} : valeur manquante${e.rowLeftOut === true ? " (ligne ignorée)" : ""}.`,
  none_left: (e) => NOTHING_LEFT[e.what],
  invalid_date: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} n'est pas une date reconnue (exemples : 12/07/2024, 2024-07-12, 12 juillet 2024).`,
  impossible_date: (e, field) => `${capitalize(field)} : ${describeValue(e.value)} n'existe pas dans le calendrier${weekdayHint(e.actual)}.`,
  phantom_excel_date: (_e, field) =>
    `${capitalize(field)} : le 29/02/1900 n'existe pas (c'est une erreur historique d'Excel, numéro de série 60).`,
  date_out_of_range: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} est hors des dates qu'Excel sait afficher (du 01/01/1900 au 31/12/9999).`,
  past_excel_dates: (e, field) =>
    `${capitalize(field)} : ${e.months} mois à compter du ${formatDateFr(e.from)} mènent après le 31/12/9999, le dernier jour qu'Excel sait afficher ; ` +
    "la date qui en découle n'est pas calculée. Vérifiez la date de départ.",
  invalid_duration: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} n'est pas une durée comprise` +
    (e.notUnderstood !== String(e.value) ? ` (« ${e.notUnderstood} » non compris)` : "") +
    ". Exemples : 3 ans, trois ans, 18 mois, 1 an et 6 mois, 36 (en mois).",
  invalid_integer: (e, field) => `${capitalize(field)} : ${describeValue(e.value)} doit être un nombre entier entre ${e.min} et ${e.max}.`,
  invalid_year: (e, field) => `${capitalize(field)} : ${describeValue(e.value)} n'est pas une année entre 1900 et 9999.`,
  year_to_come: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} n'a pas commencé à la date du ${formatDateFr(e.asOf)} ; son rapport serait vide. Choisissez une année écoulée ou l'année en cours.`,
  invalid_option: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} n'est pas une valeur permise (valeurs possibles : ${OPTION_CHOICES[e.options]}).`,
  end_before_start: (e) => `La date de fin (${describeValue(e.value)}) précède la date de début (${formatDateFr(e.start)}).`,
  before_contract_start: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} précède le début du contrat (${formatDateFr(e.contractStart)}).`,
  invalid_amount: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} n'est pas un montant en euros (exemples : 15000, 15 000 €, 1 500,50 €, néant).`,
  invalid_siret: (e, field) => `${capitalize(field)} : ${describeValue(e.value)} n'est pas un SIRET valable (${SIRET_PROBLEMS[e.problem]}).`,
  unknown_convention: (e, field) => `${capitalize(field)} : ${describeValue(e.value)} ne correspond à aucune convention du registre.`,
  duplicate_reference: (e, field) =>
    `${capitalize(field)} : ${describeValue(e.value)} est déjà utilisée ${e.firstRow === undefined ? "plus haut" : `ligne ${e.firstRow}`} ; cette ligne est ignorée.`,
  unexpected: (e) => `Erreur inattendue (${e.technical}) : vérifiez les arguments de la fonction.`,
  invalid_type: (e, field) => `${capitalize(field)} : ${describeValue(e.value)} n'est pas lisible comme ${EXPECTED_KIND[e.expected]}.`,
};

/** The real weekday of a date whose weekday was misnamed: " (le 12/07/2024 est un vendredi)". */
function weekdayHint(actual: CalendarDate | undefined): string {
  if (actual === undefined) return "";
  return ` (le ${formatDateFr(actual)} est un ${formatDateLongFr(actual).split(" ")[0]})`;
}

/**
 * The French sentence for a domain error.
 * @example errorMessage({ code: "missing_date", field: "publication" }) // "Date de publication manquante."
 */
export function errorMessage(error: DomainError): string {
  const phrase = MESSAGES[error.code] as (e: DomainError, field: string) => string;
  return phrase(error, fieldLabel(error.field, "valeur"));
}
