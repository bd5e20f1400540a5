/**
 * The convention of the deliberation the add-in was built from: the TEAM2 partnership of the
 * Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane (Conseil communautaire du
 * 25/06/2024; tests/fixtures/deliberations/). The example row of a new register and the first
 * convention of the demo register, so that both say the same thing.
 */
import { CalendarDate } from "../dates/calendarDate";

/** What an example cell holds: a CalendarDate is written as a date. */
export type ExampleValue = string | number | boolean | CalendarDate | null;
export type ExampleRow = Readonly<Record<string, ExampleValue>>;

export const TEAM2_ID = "TEAM2-2024";

/** The conventions row, keyed by the fields of registerSchema. */
export const TEAM2_CONVENTION: ExampleRow = {
  id: TEAM2_ID,
  title: "Convention de partenariat stratégique avec l'association TEAM2 (économie circulaire)",
  partner: "Association TEAM2",
  siret: "528 827 264 000 29",
  deliberationNumber: null,
  deliberationDate: { year: 2024, month: 6, day: 25 },
  transmissionDate: { year: 2024, month: 7, day: 11 },
  publicationDate: { year: 2024, month: 7, day: 12 },
  enforceableDate: { year: 2024, month: 7, day: 12 },
  start: { year: 2024, month: 7, day: 15 },
  duration: "3 ans",
  end: null,
  noticeMonths: 6,
  amount: 0,
  notes:
    "Délibération du Conseil communautaire du 25/06/2024 (n° non repris dans l'extrait). " +
    "Date de notification laissée en blanc dans l'acte (« Fait à Béthune, le ») : 15/07/2024 retenu par hypothèse. " +
    "Sans engagement financier. Comité de suivi au moins une fois par semestre ; club territorial une fois par trimestre (action 2) ; " +
    "pôle innovation dans un délai de 18 mois (action 3).",
};

/** Its échéances: the quarterly club territorial (action 2) and the 18-month innovation hub (action 3). */
export const TEAM2_DEADLINES: readonly ExampleRow[] = [
  { conventionId: TEAM2_ID, label: "Club territorial", kind: "Récurrente", frequencyMonths: 3 },
  { conventionId: TEAM2_ID, label: "Pôle innovation", kind: "Jalon", delayMonths: 18 },
];
