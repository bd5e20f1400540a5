/**
 * The French words of the calendar export ("Exporter les échéances"): the calendar's name, each
 * event's title, description and category, and the reminders' text.
 */
import { CalendarEventKind, DeadlineEvent } from "../core/calendar/calendarEvents";
import { formatDateFr, formatDateLongFr } from "./fr";

export const CALENDAR = {
  /** PRODID of the .ics files. */
  productId: "-//Registre des conventions//Échéances des conventions//FR",
  /** The calendar's name, as the clients that read X-WR-CALNAME show it. */
  name: "Échéances des conventions",
};

/** One word per kind of event, as a CATEGORIES value a calendar can filter on. */
export const CALENDAR_CATEGORIES: Record<CalendarEventKind, string> = {
  convention_end: "Fin de convention",
  renewal_notice: "Renouvellement",
  committee_due: "Comité de suivi",
  milestone: "Jalon",
  appeal_deadline: "Recours contentieux",
};

function months(count: number): string {
  return `${count} mois`;
}

/**
 * The title of an event in the calendar.
 * @example eventSummary({ kind: "convention_end", conventionId: "TEAM2-2024", … }) // "Fin de la convention TEAM2-2024"
 */
export function eventSummary(event: DeadlineEvent): string {
  const id = event.conventionId;
  switch (event.kind) {
    case "convention_end":
      return `Fin de la convention ${id}`;
    case "renewal_notice":
      return `Préavis : préparer le renouvellement de la convention ${id}`;
    case "committee_due":
      return `Comité de suivi à tenir au plus tard ce jour — ${id}`;
    case "milestone":
      return `Jalon « ${event.label ?? ""} » — ${id}`;
    case "appeal_deadline":
      return `Fin du délai de recours contentieux — ${id}`;
  }
}

/**
 * What the event is about, in a few lines: the convention, its partner, and what the date means.
 * @example eventDescription(endEvent) // "Convention TEAM2-2024 — Convention de partenariat TEAM2\nPartenaire : Association TEAM2\nDernier jour en vigueur : mercredi 14 juillet 2027."
 */
export function eventDescription(event: DeadlineEvent): string {
  const lines = [`Convention ${event.conventionId}${event.title === null ? "" : ` — ${event.title}`}`];
  if (event.partner !== null) lines.push(`Partenaire : ${event.partner}`);
  const day = formatDateLongFr(event.date);
  switch (event.kind) {
    case "convention_end":
      lines.push(`Dernier jour en vigueur : ${day}.`);
      break;
    case "renewal_notice":
      lines.push(
        `Début du préavis de ${months(event.months ?? 0)} avant la fin de la convention` +
          `${event.relatedDate === undefined ? "" : `, le ${formatDateFr(event.relatedDate)}`} : préparer son renouvellement ou sa fin.`,
      );
      break;
    case "committee_due":
      lines.push(`Dernier jour pour tenir le prochain comité de suivi : ${day}.`);
      break;
    case "milestone":
      lines.push(`Date limite du jalon « ${event.label ?? ""} » : ${day}.`);
      break;
    case "appeal_deadline":
      lines.push(
        `Dernier jour pour former un recours contentieux contre la délibération` +
          `${event.relatedDate === undefined ? "" : ` publiée le ${formatDateFr(event.relatedDate)}`}` +
          ` (délai franc de ${months(event.months ?? 2)}, reporté au jour ouvré suivant) : ${day}.`,
      );
      break;
  }
  return lines.join("\n");
}

/**
 * The text of a reminder before an event.
 * @example alarmDescription(endEvent, 30) // "Dans 30 jours : fin de la convention TEAM2-2024"
 */
export function alarmDescription(event: DeadlineEvent, days: number): string {
  return `Dans ${days} jours : ${eventSummary(event).charAt(0).toLowerCase()}${eventSummary(event).slice(1)}`;
}
