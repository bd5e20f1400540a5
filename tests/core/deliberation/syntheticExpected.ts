/**
 * What a careful reader finds in each synthetic deliberation of tests/fixtures/deliberations, worked
 * out by hand from the text (the comment above each case quotes where): the extraction's expected
 * fields, asserted one by one in extractDeliberation.test.ts and scored in corpusScore.test.ts.
 */
import { CalendarDate } from "../../../src/core/dates/calendarDate";
import { Confidence, Extracted } from "../../../src/core/deliberation/extracted";
import { d } from "../../helpers/dates";

/** A field's value and confidence, and the notes' codes. */
export function brief<T>(field: Extracted<T>): { value: T | null; confidence: Confidence; notes: string[] } {
  return { value: field.value, confidence: field.confidence, notes: field.notes.map((n) => n.code) };
}
export const found = <T>(value: T, confidence: Confidence = "high", notes: string[] = []) => ({ value, confidence, notes });
export const blank = { value: null, confidence: "high", notes: ["left_blank"] };
export const absent = { value: null, confidence: "low", notes: ["not_found"] };

export interface Expected {
  readonly authority: ReturnType<typeof found<string>>;
  readonly sessionDate: CalendarDate;
  readonly deliberationNumber: string | null;
  readonly cited: readonly { number: string; date: CalendarDate | null }[];
  readonly title: ReturnType<typeof found<string>>;
  readonly partner: string;
  readonly siret: object;
  readonly transmissionDate: object;
  readonly publicationDate: object;
  readonly enforceableDate: object;
  readonly signatureDate: object;
  readonly term: object;
  readonly committee: object;
  readonly recurring: readonly object[];
  readonly milestones: readonly object[];
  readonly amount: object;
  readonly court: string;
  readonly appealMonths: number;
}

export const EXPECTED: Record<string, Expected> = {
  // The real case (DOMAIN.md): stamps "11 JUIL. 2024" / "12 JUIL. 2024", "Fait à Béthune, le" blank,
  // "3 ans à compter de sa notification", no number of its own (both numbers are cited).
  "deliberation-team2-2024.md": {
    authority: found("Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane", "medium"),
    sessionDate: d("2024-06-25"),
    deliberationNumber: null,
    cited: [
      { number: "2022CC/136", date: d("2022-12-06") },
      { number: "2024/BC048", date: d("2024-06-25") },
    ],
    title: found("Convention de partenariat entre l'Agglomération Béthune Bruay et l'association pôle TEAM2", "medium"),
    partner: "Association TEAM2",
    siret: found("52882726400029"),
    transmissionDate: found(d("2024-07-11")),
    publicationDate: found(d("2024-07-12")),
    // Not stamped: the later of reception (11/07) and publication (12/07).
    enforceableDate: found(d("2024-07-12"), "medium", ["computed"]),
    signatureDate: blank,
    term: found({ months: 36, durationText: "3 ans", from: "notification", fromText: "sa notification", start: null, end: null }, "high", ["start_to_fill"]),
    committee: found({ label: "Comité de suivi", months: 6, text: "au minimum 2 fois par an (au moins une fois par semestre)" }),
    // "réunir une fois par trimestre les acteurs …" under "ACTION N°2 : Animer un « club territorial » …"
    recurring: [found({ label: "Club territorial", months: 3, text: "une fois par trimestre" }, "medium")],
    milestones: [found({ label: "Pôle innovation", delayMonths: 18, dueDate: null, text: "dans un délai de 18 mois" })],
    amount: found(0),
    court: "Tribunal administratif de Lille",
    appealMonths: 2,
  },
  // A commune, plain text: numeric stamps with two-digit years, a term from a written date.
  "commune-beuvry-2021.txt": {
    // "le Conseil municipal de la Ville de Beuvry, légalement convoqué …": the council that meets names it.
    authority: found("Ville de Beuvry"),
    sessionDate: d("2021-02-03"),
    deliberationNumber: "12/2021",
    cited: [{ number: "45/2020", date: d("2020-07-10") }],
    title: found("Convention d'objectifs et de moyens avec l'association « Les Jardins de Cocagne »"),
    partner: "Association Les Jardins de Cocagne",
    siret: found("44185293700016"),
    transmissionDate: found(d("2021-02-05")),
    publicationDate: found(d("2021-02-08")),
    enforceableDate: found(d("2021-02-08")),
    signatureDate: absent,
    term: found({ months: 36, durationText: "trois ans", from: "date", fromText: "1er mars 2021", start: d("2021-03-01"), end: null }),
    committee: found({ label: "Comité de suivi", months: 12, text: "une fois par an" }),
    recurring: [found({ label: "Bilan d'activité", months: 12, text: "chaque année" })],
    milestones: [found({ label: "Premier bilan intermédiaire", delayMonths: null, dueDate: d("2021-09-30"), text: "au plus tard le 30 septembre 2021" })],
    amount: found(15000),
    court: "Tribunal administratif de Lille",
    appealMonths: 2,
  },
  // A département: the term as two dates, a yearly amount, the publication stamp left blank.
  "departement-nord-2020.txt": {
    authority: found("Département du Nord", "medium"),
    sessionDate: d("2020-12-14"),
    deliberationNumber: "DEL-2020-045",
    cited: [{ number: "DCD/2017/0123", date: d("2017-06-29") }],
    title: found("Convention de partenariat entre le Département du Nord et le centre social Georges Brassens", "medium"),
    partner: "Centre social Georges Brassens",
    siret: found("77931468200013"),
    transmissionDate: found(d("2020-12-17")),
    publicationDate: blank,
    // Never borrowed from the reception: unknown while the publication is.
    enforceableDate: absent,
    signatureDate: absent,
    // 01/01/2021–31/12/2023, the start day counted: 36 months.
    term: found({ months: 36, durationText: null, from: "date", fromText: "du 1er janvier 2021 au 31 décembre 2023", start: d("2021-01-01"), end: d("2023-12-31") }),
    committee: found({ label: "Comité de pilotage", months: 6, text: "chaque semestre" }),
    recurring: [found({ label: "Rapport d'activité", months: 6, text: "tous les six mois" })],
    milestones: [],
    amount: found(20000, "low", ["yearly_amount"]),
    court: "Tribunal administratif de Lille",
    appealMonths: 2,
  },
  // A communauté de communes: a number without "n°", stamps in words, a SIRET whose key is wrong,
  // the signature filled in the annexed convention, the term counted from it.
  "cc-pays-de-lumbres-2023.txt": {
    authority: found("Communauté de communes du Pays de Lumbres", "medium"),
    sessionDate: d("2023-02-28"),
    deliberationNumber: "2023CC/058",
    cited: [{ number: "2022CC/101", date: d("2022-12-13") }],
    title: found("Convention de partenariat avec l'Office de tourisme du Pays de Lumbres pour l'observation de l'hébergement touristique"),
    partner: "Office de tourisme du Pays de Lumbres",
    siret: { value: null, confidence: "high", notes: ["invalid_siret"] },
    transmissionDate: found(d("2023-03-01")),
    publicationDate: found(d("2023-03-03")),
    enforceableDate: found(d("2023-03-03")),
    signatureDate: found(d("2023-03-15")),
    term: found({ months: 12, durationText: "un an", from: "signature", fromText: "sa signature", start: null, end: null }, "high", ["start_to_fill"]),
    committee: found({ label: "Comité de suivi", months: 12, text: "au moins une fois par an" }),
    recurring: [],
    milestones: [found({ label: "Diagnostic des hébergements", delayMonths: 6, dueDate: null, text: "dans un délai de six mois" })],
    amount: found(0),
    court: "Tribunal administratif de Lille",
    appealMonths: 2,
  },
  // A métropole, Markdown with HTML: every stamp blank (in a table), a term from the exécutoire date.
  "metropole-lille-2024.md": {
    authority: found("Métropole européenne de Lille", "medium"),
    sessionDate: d("2024-06-21"),
    deliberationNumber: "2024-MEL-118",
    cited: [],
    title: found("Convention d'expérimentation avec la société ALPHA MOBILITÉS SAS", "medium"),
    partner: "Société ALPHA MOBILITÉS SAS",
    siret: found("49208753100017"),
    transmissionDate: blank,
    publicationDate: blank,
    enforceableDate: blank,
    signatureDate: absent,
    term: found({ months: 24, durationText: "24 mois", from: "enforceable", fromText: "laquelle la présente délibération est exécutoire", start: null, end: null }),
    // Three times a year: every 4 months.
    committee: found({ label: "Comité technique", months: 4, text: "trois fois par an" }),
    recurring: [found({ label: "Point d'étape", months: 3, text: "chaque trimestre" })],
    milestones: [found({ label: "Étude de faisabilité du déploiement", delayMonths: null, dueDate: d("2025-06-30"), text: "au plus tard le 30 juin 2025" })],
    amount: found(48500),
    court: "Tribunal administratif de Lille",
    appealMonths: 2,
  },
  // A small commune: "Rendu exécutoire le :" left blank although reception and affichage are stamped.
  "commune-saint-laurent-blangy-2022.txt": {
    // "le Conseil Municipal de la commune de Saint-Laurent-Blangy s'est réuni": the council that meets names it.
    authority: found("Commune de Saint-Laurent-Blangy"),
    sessionDate: d("2022-03-29"),
    deliberationNumber: "2022/018",
    cited: [],
    title: found("Mise à disposition du service technique - convention avec la commune d'Athies"),
    partner: "Commune d'Athies",
    siret: absent,
    transmissionDate: found(d("2022-04-05")),
    publicationDate: found(d("2022-04-06")),
    enforceableDate: blank,
    signatureDate: absent,
    term: found({ months: 18, durationText: "dix-huit mois", from: "date", fromText: "1er mai 2022", start: d("2022-05-01"), end: null }),
    committee: absent,
    recurring: [found({ label: "État des heures", months: 3, text: "une fois par trimestre" })],
    milestones: [],
    amount: found(3500, "medium"),
    court: "Tribunal administratif de Lille",
    appealMonths: 2,
  },
};

