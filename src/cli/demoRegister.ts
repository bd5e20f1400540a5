/**
 * The demo register: the TEAM2 convention of the Communauté d'agglomération de Béthune-Bruay
 * (deliberation of 25/06/2024, /work/shared/fixtures/deliberation-team2-2024.md) with its real
 * dates, and thirteen made-up conventions whose dates are placed relative to asOf, so that the
 * check at asOf finds every finding code whatever the day it runs. Pure data: no clock, no file.
 *
 * | Référence  | what it shows at asOf                                                               |
 * |------------|--------------------------------------------------------------------------------------|
 * | TEAM2-2024 | the real case: comités (2025-S1 without one), quarterly club territorial, jalon at 18 months |
 * | CP-01      | missing_committee (a past semester without comité) and committee_due                |
 * | CP-02      | committee_due only; its comités have a blank Type (counted as comités de suivi)     |
 * | CP-03      | expiring (ends in 3 months), dates typed as text "15/07/2024", durée 36 (months)    |
 * | CP-04      | expired (ended 4 months ago), amount as text "12 500 €"                             |
 * | CP-05      | an avenant extends "2 ans" to "3 ans": in force, no finding                         |
 * | CP-06      | milestone_overdue ("Remise du diagnostic", délai 6 mois); a jalon already done      |
 * | CP-07      | milestone_due (Date limite in 45 days)                                              |
 * | CP-08      | obligation_missing (a quarterly meeting skipped 5 months ago)                        |
 * | CP-09      | missing_date (no Date de notification: not signed yet)                               |
 * | CP-10      | inconsistent_dates (Date de fin on the anniversary, not the day before), dates in words |
 * | CP-11      | invalid_value ("trois ans et demi"; a comité dated "31/02/…"), missing_date (end)   |
 * | CP-12      | upcoming (takes effect in 2 months), dates in words, "1 an et 6 mois"               |
 * | CP-13      | inconsistent_dates (published before the vote; a comité before the signature)      |
 * | (Comités)  | a row naming "CP-7", a convention the register does not hold: invalid_value          |
 */
import { addMonthsClamped } from "../core/dates/addMonthsClamped";
import { CalendarDate } from "../core/dates/calendarDate";
import { addDays, compareDates, daysBetween, isoWeekday, maxDate, minDate } from "../core/dates/dayNumber";
import { endOfTerm } from "../core/rules/endOfTerm";
import { CALENDAR, PeriodLength, periodsOverlapping } from "../core/rules/periods";
import { TableKey } from "../core/register/registerSchema";
import { TEAM2_CONVENTION, TEAM2_DEADLINES, TEAM2_ID } from "../core/register/team2Example";
import { formatDateFr, formatDateLongFr } from "../i18n/fr";
import { WritableValue } from "./writeRegisterWorkbook";

export type DemoRow = Readonly<Record<string, WritableValue>>;
export type DemoRegister = Readonly<Record<TableKey, readonly DemoRow[]>>;

const TEAM2 = TEAM2_ID;
const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

/** Text dates as staff type them. */
const slashes = (date: CalendarDate): string => formatDateFr(date);
const words = (date: CalendarDate): string => formatDateLongFr(date).replace(/^\S+ /, ""); // "15 juillet 2024"

/**
 * The demo register's rows, table by table, keyed by the fields of registerSchema.
 * @example demoRegister(d("2026-11-29")).conventions[0].id // "TEAM2-2024"
 */
export function demoRegister(asOf: CalendarDate): DemoRegister {
  const months = (n: number): CalendarDate => addMonthsClamped(asOf, n);
  const days = (n: number): CalendarDate => addDays(asOf, n);
  const past = (dates: readonly CalendarDate[]): CalendarDate[] => dates.filter((date) => compareDates(date, asOf) <= 0);

  const conventions: DemoRow[] = [];
  const committees: DemoRow[] = [];
  const deadlines: DemoRow[] = [];
  const amendments: DemoRow[] = [];

  /** A comité de suivi in each semester of the term up to asOf, except the semesters containing `skip`. */
  const steering = (id: string, start: CalendarDate, months: number, options: { current: boolean; skip?: CalendarDate; type?: string | null }) => {
    for (const date of meetings(start, endOfTerm(start, months), asOf, 6, options.current, options.skip)) {
      committees.push({ conventionId: id, date, type: options.type === undefined ? "Comité de suivi" : options.type, minutes: "Compte rendu diffusé aux membres" });
    }
  };

  /** The usual legal path: voted two months before the start, sent and published within ten days. */
  const legal = (start: CalendarDate, number: string) => {
    const vote = addMonthsClamped(start, -2);
    return { deliberationNumber: `${vote.year}CC/${number}`, deliberationDate: vote, transmissionDate: addDays(vote, 8), publicationDate: addDays(vote, 10) };
  };

  // TEAM2: the real convention (Conseil communautaire du 25/06/2024).
  conventions.push(TEAM2_CONVENTION);
  for (const date of past([d(2024, 12, 10), d(2025, 11, 25), d(2026, 6, 16), d(2026, 12, 8), d(2027, 6, 15)])) {
    committees.push({ conventionId: TEAM2, date, type: "Comité de suivi", minutes: "CR transmis au Président", participants: "CABBALR, TEAM2" });
  }
  const clubs = [
    d(2024, 10, 15), d(2025, 3, 20), d(2025, 6, 19), d(2025, 10, 9), d(2026, 3, 12),
    d(2026, 6, 11), d(2026, 9, 17), d(2026, 12, 3), d(2027, 3, 11), d(2027, 6, 10),
  ];
  for (const date of past(clubs)) {
    committees.push({ conventionId: TEAM2, date, type: "Club territorial", participants: "Industriels du site Bridgestone, TEAM2" });
  }
  deadlines.push(...TEAM2_DEADLINES);

  // CP-01: a past semester without comité (missing_committee), none yet this semester.
  const start01 = months(-20);
  conventions.push({
    id: "CP-01",
    title: "Animation du réseau des jardins partagés",
    partner: "Association Les Jardins de la Lawe",
    siret: "412 356 789 000 13",
    ...legal(start01, "041"),
    start: start01,
    duration: "3 ans",
    amount: 8000,
  });
  steering("CP-01", start01, 36, { current: false, skip: months(-8) });

  // CP-02: everything held so far; this semester's comité still to hold (committee_due).
  const start02 = months(-9);
  conventions.push({
    id: "CP-02",
    title: "Maison France Services : accueil et accompagnement numérique",
    partner: "Commune de Lillers",
    ...legal(start02, "112"),
    start: start02,
    duration: "2 ans",
    amount: 20000,
  });
  steering("CP-02", start02, 24, { current: false, type: null });

  // CP-03: ends in three months (expiring); dates typed as text, duration as a number of months.
  const start03 = months(-33);
  const legal03 = legal(start03, "087");
  conventions.push({
    id: "CP-03",
    title: "Chantier d'insertion « Entretien des berges »",
    partner: "Association Rebond Emploi Artois",
    siret: "798 532 147 000 13",
    deliberationNumber: legal03.deliberationNumber,
    deliberationDate: slashes(legal03.deliberationDate),
    transmissionDate: slashes(legal03.transmissionDate),
    publicationDate: slashes(legal03.publicationDate),
    start: slashes(start03),
    duration: 36,
    noticeMonths: 6,
    amount: 45000,
  });
  steering("CP-03", start03, 36, { current: true });

  // CP-04: ended four months ago (expired).
  const start04 = months(-40);
  conventions.push({
    id: "CP-04",
    title: "Soutien au festival des arts de la rue",
    partner: "Association Rue Libre",
    ...legal(start04, "023"),
    start: start04,
    duration: "trois ans",
    amount: "12 500 €",
    notes: "Renouvellement non demandé par l'association.",
  });
  steering("CP-04", start04, 36, { current: true });

  // CP-05: "2 ans" extended to "3 ans" by avenant: in force, no finding.
  const start05 = months(-26);
  conventions.push({
    id: "CP-05",
    title: "Convention d'objectifs : école de football et sport-santé",
    partner: "Union sportive de Bruay-la-Buissière",
    siret: "302 145 698 000 23",
    ...legal(start05, "064"),
    start: start05,
    duration: "2 ans",
    amount: 80000,
  });
  steering("CP-05", start05, 36, { current: true });
  amendments.push({ conventionId: "CP-05", number: "1", date: months(-5), subject: "Prolongation d'un an", newDuration: "3 ans" });
  amendments.push({ conventionId: "CP-05", number: "2", date: months(-1), subject: "Ajout d'une action sport-santé (sans effet sur la durée)" });

  // CP-06: a jalon six months after the start, not done (milestone_overdue); another one done.
  const start06 = months(-10);
  conventions.push({
    id: "CP-06",
    title: "Étude de revitalisation du centre-bourg",
    partner: "Commune d'Auchel",
    ...legal(start06, "135"),
    start: start06,
    duration: "18 mois",
    amount: 30000,
  });
  steering("CP-06", start06, 18, { current: true });
  deadlines.push({ conventionId: "CP-06", label: "Réunion de lancement", kind: "Jalon", delayMonths: 1, doneOn: addDays(start06, 20) });
  deadlines.push({ conventionId: "CP-06", label: "Remise du diagnostic", kind: "Jalon", delayMonths: 6 });

  // CP-07: a jalon due in 45 days (milestone_due).
  const start07 = months(-14);
  conventions.push({
    id: "CP-07",
    title: "Programme local de prévention des déchets",
    partner: "Syndicat mixte Artois Valorisation",
    ...legal(start07, "098"),
    start: start07,
    duration: "36 mois",
    amount: "néant",
  });
  steering("CP-07", start07, 36, { current: true });
  deadlines.push({ conventionId: "CP-07", label: "Bilan d'étape à mi-parcours", kind: "Jalon", dueDate: days(45) });

  // CP-08: a quarterly meeting of the partners, one quarter skipped (obligation_missing).
  const start08 = months(-12);
  const legal08 = legal(start08, "077");
  conventions.push({
    id: "CP-08",
    title: "Animation du conseil local de santé mentale",
    partner: "Association Santé Mentale Artois",
    siret: "845 621 397 000 15",
    ...legal08,
    deliberationDate: slashes(legal08.deliberationDate),
    start: slashes(start08),
    duration: "deux ans",
    amount: 15000,
  });
  steering("CP-08", start08, 24, { current: true });
  deadlines.push({ conventionId: "CP-08", label: "Rencontre trimestrielle des partenaires", kind: "Récurrente", frequencyMonths: 3 });
  for (const date of meetings(start08, endOfTerm(start08, 24), asOf, 3, false, months(-5))) {
    committees.push({ conventionId: "CP-08", date, type: "Autre", minutes: "Relevé de décisions" });
  }

  // CP-09: not signed yet: no Date de notification (missing_date).
  conventions.push({
    id: "CP-09",
    title: "Mise à disposition de la salle des sports",
    partner: "Association Divion Basket Club",
    deliberationNumber: `${months(-1).year}CC/151`,
    deliberationDate: months(-1),
    transmissionDate: addDays(months(-1), 5),
    publicationDate: addDays(months(-1), 6),
    start: null,
    duration: "1 an",
    amount: 0,
    notes: "En attente de la signature du club.",
  });

  // CP-10: Date de fin typed one day late, on the anniversary (inconsistent_dates); dates in words.
  const start10 = months(-7);
  const legal10 = legal(start10, "129");
  conventions.push({
    id: "CP-10",
    title: "Parcours d'éducation artistique et culturelle",
    partner: "Compagnie La Belle Histoire",
    deliberationNumber: legal10.deliberationNumber,
    deliberationDate: words(legal10.deliberationDate),
    transmissionDate: words(legal10.transmissionDate),
    publicationDate: words(legal10.publicationDate),
    start: words(start10),
    duration: "2 ans",
    end: words(addDays(endOfTerm(start10, 24), 1)),
    amount: 6500,
  });
  steering("CP-10", start10, 24, { current: true });

  // CP-11: cells that cannot be read (invalid_value): a duration and a comité date.
  const start11 = months(-15);
  conventions.push({
    id: "CP-11",
    title: "Soutien à l'épicerie solidaire",
    partner: "Association L'Épicerie du Cœur",
    siret: "528 937 461 000 10",
    ...legal(start11, "101"),
    start: start11,
    duration: "trois ans et demi",
    amount: 5000,
  });
  steering("CP-11", start11, 42, { current: true });
  committees.push({ conventionId: "CP-11", date: `31/02/${asOf.year}`, type: "Comité de suivi", minutes: "Date à vérifier" });

  // CP-12: takes effect in two months (upcoming); dates in words.
  const start12 = months(2);
  const vote12 = months(-1);
  conventions.push({
    id: "CP-12",
    title: "Accueil de loisirs intercommunal",
    partner: "Commune de Houdain",
    deliberationNumber: `${vote12.year}CC/162`,
    deliberationDate: words(vote12),
    transmissionDate: words(addDays(vote12, 6)),
    publicationDate: words(addDays(vote12, 7)),
    start: words(start12),
    duration: "1 an et 6 mois",
    amount: 12000,
  });

  // CP-13: published before the vote, and a comité held before the signature (inconsistent_dates).
  const start13 = months(-14);
  const vote13 = months(-15);
  conventions.push({
    id: "CP-13",
    title: "Médiation sociale dans les quartiers prioritaires",
    partner: "Association Médiation Artois",
    deliberationNumber: `${vote13.year}CC/058`,
    deliberationDate: vote13,
    transmissionDate: addDays(vote13, 8),
    publicationDate: addDays(vote13, -6),
    start: start13,
    duration: "3 ans",
    amount: 24000,
  });
  committees.push({ conventionId: "CP-13", date: addDays(start13, -20), type: "Comité de suivi", minutes: "Réunion de préfiguration" });
  steering("CP-13", start13, 36, { current: true });

  // A comité whose reference has a typo: no such convention (invalid_value).
  committees.push({ conventionId: "CP-7", date: months(-2), type: "Comité de suivi", minutes: "Référence à corriger (CP-07 ?)" });

  return { conventions, committees, deadlines, amendments };
}

/**
 * A meeting in each calendar period of the term, up to asOf: mid-window, moved off a weekend when
 * the window allows, never after asOf; the period in progress only when `current`; none in the
 * period containing `skip`.
 */
function meetings(
  start: CalendarDate,
  end: CalendarDate,
  asOf: CalendarDate,
  length: PeriodLength,
  current: boolean,
  skip?: CalendarDate,
): CalendarDate[] {
  const dates: CalendarDate[] = [];
  if (compareDates(asOf, start) < 0) return dates;
  for (const period of periodsOverlapping(start, minDate(end, asOf), length, CALENDAR)) {
    if (skip !== undefined && compareDates(period.start, skip) <= 0 && compareDates(skip, period.end) <= 0) continue;
    const from = maxDate(period.start, start);
    const to = minDate(period.end, end);
    const inProgress = compareDates(to, asOf) >= 0;
    if (inProgress && !current) continue;
    const latest = minDate(to, asOf);
    let date = minDate(addDays(from, Math.floor((daysBetween(from, to) + 1) / 2)), latest);
    const weekday = isoWeekday(date);
    if (weekday > 5) {
      const friday = addDays(date, 5 - weekday);
      if (compareDates(friday, from) >= 0) date = friday;
    }
    dates.push(date);
  }
  return dates;
}
