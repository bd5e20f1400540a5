/**
 * The French of a folder of registers: `registre verifier DOSSIER/` (a summary line per register,
 * the findings grouped by register), `registre consolider` (its messages, and the words of the
 * consolidated workbook's sheets), the progress line. A finding's sentence and label come from
 * src/i18n/register.fr.ts, as everywhere.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { Severity } from "../core/check/findings";
import { formatDateFr } from "./fr";

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("fr-FR")} ${count <= 1 ? one : many}`;
}

/** How each register's tables were found, as its summary line says it. */
export const MAPPING_SOURCE_WORDS: Readonly<Record<"explicit" | "stored" | "detected", string>> = {
  explicit: "colonnes du fichier de correspondance",
  stored: "colonnes confirmées dans le volet",
  detected: "colonnes reconnues d'après les en-têtes",
};

function severities(by: Readonly<Record<Severity, number>>): string {
  const total = by.late + by.soon + by.data;
  if (total === 0) return "aucun constat";
  return `${plural(total, "constat", "constats")} (${by.late} en retard, ${by.soon} à prévoir, ${by.data} à corriger)`;
}

/** Words of `registre verifier DOSSIER/` and `registre consolider`. */
export const FOLDER = {
  heading: (folder: string, count: number, asOf: CalendarDate, workers: number): string =>
    `Dossier « ${folder} » — ${plural(count, "registre", "registres")}, vérification au ${formatDateFr(asOf)} (${plural(workers, "processus", "processus")} en parallèle)`,
  nestedLeftOut: (count: number): string =>
    `${plural(count, "classeur .xlsx de ses sous-dossiers n'est pas vérifié", "classeurs .xlsx de ses sous-dossiers ne sont pas vérifiés")} : ajoutez --recursif pour les inclure.`,
  registersHeading: "Registres",
  registerLine: (name: string, conventions: number, by: Readonly<Record<Severity, number>>, source: "explicit" | "stored" | "detected"): string =>
    `  ${name} : ${plural(conventions, "convention", "conventions")}, ${severities(by)} — ${MAPPING_SOURCE_WORDS[source]}`,
  unreadableLine: (name: string, reason: string): string => `  ${name} : ILLISIBLE — ${reason}`,
  findingsHeading: "Constats par registre",
  registerHeading: (name: string, conventions: number, findings: number): string =>
    `== ${name} (${plural(conventions, "convention", "conventions")}, ${plural(findings, "constat", "constats")})`,
  noFinding: "  Aucun constat : le registre est à jour.",
  summary: (checked: number, total: number, conventions: number, by: Readonly<Record<Severity, number>>): string =>
    `Bilan : ${plural(checked, "registre vérifié", "registres vérifiés")} sur ${total}` +
    `${checked < total ? ` (${plural(total - checked, "illisible", "illisibles")})` : ""}, ` +
    `${plural(conventions, "convention", "conventions")}, ${severities(by)}. Aucun registre n'est modifié.`,
  noneReadable: (total: number): string =>
    total === 1 ? "Le seul registre du dossier ne peut pas être lu." : `Aucun des ${total} registres du dossier ne peut être lu.`,
  /** The progress line (stderr, on a terminal only). */
  progress: (verb: "verify" | "consolidate", done: number, total: number, unreadable: number): string =>
    `${verb === "verify" ? "Vérification" : "Consolidation"} : ${done}/${total} registres` + (unreadable === 0 ? "" : ` (${plural(unreadable, "illisible", "illisibles")})`),
  writing: (path: string): string => `Écriture de « ${path} »…`,
  consolidated: (path: string, read: number, total: number): string =>
    `Consolidation de ${plural(read, "registre", "registres")}${read < total ? ` sur ${total}` : ""} écrite dans « ${path} » :`,
  sheetLine: (sheet: string, what: string): string => `  feuille « ${sheet} » : ${what}`,
  sheetRegisters: (count: number, unreadable: number): string =>
    `${plural(count, "registre", "registres")}${unreadable === 0 ? "" : `, dont ${plural(unreadable, "illisible", "illisibles")}`}`,
  sheetConventions: (count: number): string => plural(count, "convention", "conventions"),
  sheetAlerts: (count: number): string => plural(count, "alerte", "alertes"),
  sheetReport: (year: number, inForce: number): string => `rapport annuel ${year}, ${plural(inForce, "convention en vigueur", "conventions en vigueur")}`,
  registersUntouched: "Les registres ne sont pas modifiés.",
};

/** Words of the consolidated workbook's sheets. */
export const CONSOLIDATION = {
  workbookTitle: (folder: string): string => `Consolidation des registres de conventions — ${folder}`,
  registersTitle: "Registres de conventions consolidés",
  conventionsTitle: "Conventions de tous les registres",
  alertsTitle: "Alertes de tous les registres",
  situation: (asOf: CalendarDate, folder: string, read: number, total: number): string =>
    `Situation au ${formatDateFr(asOf)} — dossier « ${folder} » : ${plural(read, "registre lu", "registres lus")} sur ${total}.`,
  note: "Classeur écrit par « registre consolider » : les saisies se font dans chaque registre, pas ici. Les liens ouvrent le registre à sa ligne.",
  registerHeaders: ["Registre", "Service", "Conventions", "En retard", "À prévoir", "À corriger", "État"] as const,
  read: "Lu",
  unreadable: (reason: string): string => `Illisible : ${reason}`,
  conventionHeaders: ["Référence", "Intitulé", "Partenaire", "Service", "Registre", "Début", "Fin", "Statut", "Prochain comité", "Semestres sans comité", "Alertes"] as const,
  alertLeadHeaders: ["Registre", "Service"] as const,
  /** A convention in the report of all registers: its reference and its service, two services may use the same. */
  qualifiedId: (id: string, service: string): string => `${id} (${service})`,
};
