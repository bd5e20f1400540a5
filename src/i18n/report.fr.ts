/**
 * Every French word of the two reports: the annual report ("Rapport 2025") and the report that
 * frames a comité de suivi. The findings' sentences come from findingMessage
 * (src/i18n/register.fr.ts) and the statuses from STATUS_LABELS (src/i18n/fr.ts), so a finding
 * reads the same in a report as in the "Alertes" sheet, the task pane and the command line.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { ObligationState } from "../core/report/committeeReport";
import { COMMITTEE_TYPE_LABELS, CommitteeType } from "../core/register/registerSchema";
import { formatDateFr, formatDateLongFr } from "./fr";
import { periodName, relativeDays } from "./register.fr";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count <= 1 ? one : many}`;
}

/**
 * A number of months as the conventions write it.
 * @example durationText(36) // "3 ans"
 * @example durationText(18) // "1 an et 6 mois"
 */
export function durationText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const yearsText = plural(years, "an", "ans");
  if (years === 0) return `${rest} mois`;
  return rest === 0 ? yearsText : `${yearsText} et ${rest} mois`;
}

/**
 * The deliberation, with the parts known; null when none is. On one line, or one part a line for
 * a narrow column.
 * @example deliberationText("2024CC/041", d("2024-03-26"), d("2024-04-05"), false) // "n° 2024CC/041 du 26/03/2024, exécutoire le 05/04/2024"
 */
export function deliberationText(number: string | null, date: CalendarDate | null, enforceable: CalendarDate | null, multiline: boolean): string | null {
  const parts = [
    number === null ? "" : `n° ${number}`,
    date === null ? "" : `du ${formatDateFr(date)}`,
    enforceable === null ? "" : `exécutoire le ${formatDateFr(enforceable)}`,
  ];
  const known = parts.filter((p) => p !== "");
  if (known.length === 0) return null;
  if (multiline) return known.join("\n");
  return [parts.slice(0, 2).filter((p) => p !== "").join(" "), parts[2]].filter((p) => p !== "").join(", ");
}

/** "Avenant n° 1 du 12/03/2025 : Prolongation d'un an". */
export function amendmentText(number: string | null, date: CalendarDate, subject: string | null): string {
  return `Avenant${number === null ? "" : ` n° ${number}`} du ${formatDateFr(date)}${subject === null ? "" : ` : ${subject}`}`;
}

/** Words shared by both reports. */
export const REPORT_WORDS = {
  none: "Aucun.",
  noneFeminine: "Aucune.",
  /** Column headers of the action lists. */
  actionColumns: ["Référence", "Intitulé", "Partenaire", "Date", "Constat"] as const,
  unknown: "—",
};

/** The annual report ("Rapport 2025"). */
export const ANNUAL_REPORT = {
  title: (year: number): string => `Rapport annuel ${year} — conventions de partenariat`,
  situation: (asOf: CalendarDate, from: CalendarDate, to: CalendarDate): string =>
    `Situation au ${formatDateFr(asOf)}, date de la vérification du registre — période couverte : du ${formatDateFr(from)} au ${formatDateFr(to)}.`,
  figuresHeading: "Chiffres clés",
  figures: {
    inForce: (year: number): string => `Conventions en vigueur en ${year}`,
    started: (year: number): string => `dont notifiées en ${year}`,
    ended: (year: number): string => `Conventions arrivées à échéance en ${year}`,
    toRenew: (asOf: CalendarDate): string => `Conventions à renouveler au ${formatDateFr(asOf)} (dans leur préavis)`,
    amendments: (year: number): string => `Avenants signés en ${year}`,
    committeesHeld: "Comités de suivi tenus",
    committeesRequired: "Comités de suivi requis (un par semestre et par convention)",
    missingSemesters: "Semestres sans comité de suivi",
    milestonesMet: (year: number): string => `Jalons réalisés en ${year}`,
    milestonesOverdue: (asOf: CalendarDate): string => `Jalons en retard au ${formatDateFr(asOf)}`,
    amountInForce: "Montant des conventions en vigueur",
    amountStarted: (year: number): string => `dont conventions notifiées en ${year}`,
  },
  semestersHeading: "Comités de suivi par semestre",
  semesterColumns: ["Semestre", "Requis", "Tenus", "Manquants"] as const,
  chartTitle: "Comités de suivi : requis et tenus",
  statusHeading: (date: CalendarDate): string => `Conventions par statut au ${formatDateFr(date)}`,
  unknownStatus: "Statut inconnu (dates à compléter)",
  tableHeading: (year: number, count: number): string => `Conventions en vigueur en ${year} (${count})`,
  columns: (year: number, statusDate: CalendarDate) =>
    [
      "Référence",
      "Intitulé",
      "Partenaire",
      "Délibération",
      "Début",
      "Fin",
      `Statut au ${formatDateFr(statusDate)}`,
      "Montant",
      `Comités de suivi ${year}`,
      "Semestres sans comité",
      "Prochain comité au plus tard le",
      `Avenants ${year}`,
      "Observations",
    ] as const,
  noConvention: (year: number): string => `Aucune convention en vigueur en ${year}.`,
  sections: {
    missingCommittees: "Comités de suivi manquants ou à tenir",
    expiring: "Conventions qui prennent fin dans les 12 mois",
    overdueMilestones: "Jalons en retard",
    appeals: "Délais de recours contentieux en cours",
  },
  expiring: (end: CalendarDate, daysLeft: number): string =>
    `Prend fin le ${formatDateFr(end)} (${relativeDays(daysLeft)}) : préparer le renouvellement ou la clôture.`,
  appeal: (publication: CalendarDate, deadline: CalendarDate, daysLeft: number): string =>
    `Délibération publiée le ${formatDateFr(publication)} : recours possible devant le tribunal administratif jusqu'au ` +
    `${formatDateLongFr(deadline)} (${relativeDays(daysLeft)}).`,
  nothing: {
    missingCommittees: "Aucun comité de suivi manquant.",
    expiring: "Aucune convention ne prend fin dans les 12 mois.",
    overdueMilestones: "Aucun jalon en retard.",
    appeals: "Aucun délai de recours en cours.",
  },
};

const OBLIGATION_STATES: Record<ObligationState, string> = {
  late: "En retard",
  soon: "À prévoir",
  done: "À jour",
  pending: "À venir",
  unknown: "Date inconnue",
};

/** "semestre", "trimestre", "an". */
function periodWord(months: number): string {
  return months === 3 ? "trimestre" : months === 6 ? "semestre" : "an";
}

/** The comité report ("Comité – TEAM2-2024"). */
export const COMMITTEE_REPORT = {
  title: (reference: string): string => `Préparation du comité de suivi — convention ${reference}`,
  prepared: (asOf: CalendarDate): string => `Document préparé le ${formatDateFr(asOf)}, date de la vérification du registre.`,
  conventionHeading: "La convention",
  facts: {
    id: "Référence",
    title: "Intitulé",
    partner: "Partenaire",
    deliberation: "Délibération",
    start: "Date de notification",
    duration: "Durée",
    end: "Date de fin",
    status: (asOf: CalendarDate): string => `Statut au ${formatDateFr(asOf)}`,
    amount: "Montant",
    amendments: "Avenants",
    notes: "Observations",
  },
  endAfterAmendment: "compte tenu des avenants",
  obligationsHeading: "Obligations et leur état",
  obligationColumns: ["Obligation", "Exigence", "Réalisé", "État", "Détail"] as const,
  committeeObligation: "Comité de suivi",
  obligationState: (state: ObligationState, milestoneDone: boolean): string => (milestoneDone ? "Réalisé" : OBLIGATION_STATES[state]),
  /** "Au moins 1 par semestre". */
  everyPeriod: (months: number): string => `Au moins 1 par ${periodWord(months)}`,
  /** "3 semestres sur 4 échus", "1 an sur 2 échus". */
  periodsHeld: (held: number, closed: number, months: number): string =>
    `${held} ${periodWord(months)}${held > 1 ? "s" : ""} sur ${closed} ${closed > 1 ? "échus" : "échu"}`,
  missingPeriods: (labels: readonly string[]): string => `Sans réunion : ${labels.map(periodName).join(", ")}.`,
  nextPeriod: (end: CalendarDate, label: string): string => `Prochaine au plus tard le ${formatDateFr(end)} (${periodName(label)}).`,
  allHeld: "Toutes les périodes échues ont eu leur réunion.",
  milestoneDeadline: (deadline: CalendarDate | null, delayMonths: number | null): string =>
    deadline === null ? "Date limite inconnue" : `Avant le ${formatDateFr(deadline)}${delayMonths === null ? "" : ` (délai de ${delayMonths} mois)`}`,
  milestoneDone: (doneOn: CalendarDate): string => `Réalisé le ${formatDateFr(doneOn)}`,
  milestoneNotDone: "Non réalisé",
  milestoneLeft: (daysLeft: number): string => (daysLeft < 0 ? `Date limite dépassée (${relativeDays(daysLeft)}).` : `Échéance ${relativeDays(daysLeft)}.`),
  milestoneUnknown: "Renseignez la date limite ou le délai (et la date de notification).",
  meetingsHeading: "Comités et réunions tenus",
  meetingColumns: ["Date", "Type", "Compte rendu", "Participants"] as const,
  meetingType: (type: CommitteeType | null): string => COMMITTEE_TYPE_LABELS[type ?? "steering"],
  noMeeting: "Aucune réunion enregistrée à ce jour.",
  lateHeading: "En retard ou à prévoir",
  nothingLate: "Rien en retard ni à prévoir : les obligations sont à jour.",
  agendaHeading: "Ordre du jour du prochain comité",
  agendaDeadline: (end: CalendarDate, label: string): string => `Comité à tenir au plus tard le ${formatDateLongFr(end)} (${periodName(label)}).`,
  agendaColumns: ["N°", "Point", "Présenté par"] as const,
  decisionsHeading: "Relevé de décisions",
  decisionColumns: ["N°", "Décision", "Responsable", "Échéance"] as const,
};

/** In fr.ts, so that the sheets the pane writes at opening (alerts, a new register) do not bring the reports' words. */
export { PAGE_FOOTER } from "./fr";
