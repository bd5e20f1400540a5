/**
 * French sentences about a register: what its check finds, and why a workbook cannot be read as
 * one. Column labels come from the register's schema, the single source of its French
 * headers; the messages of cell errors come from `errorMessage` (src/i18n/fr.ts).
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { compareDates } from "../core/dates/dayNumber";
import { CellLocation, Finding, FindingCode, FindingOf, InconsistencyReason, PeriodRef, Severity } from "../core/check/findings";
import { MappingFileProblem, MappingProblem, MappingProblemCode } from "../core/register/registerMapping";
import { TABLES, TableKey, fieldSpec } from "../core/register/registerSchema";
import { errorMessage, formatDateFr } from "./fr";

// ---------------------------------------------------------------------------------------------
// Findings of the check of a register (findingMessage)
// ---------------------------------------------------------------------------------------------

/** A name for each code, for summaries and the alerts sheet. */
export const FINDING_LABELS: Record<FindingCode, string> = {
  missing_committee: "Comités de suivi manquants",
  committee_due: "Comités de suivi à tenir ce semestre",
  expiring: "Conventions à renouveler",
  expired: "Conventions échues",
  milestone_overdue: "Jalons en retard",
  milestone_due: "Jalons à venir",
  obligation_missing: "Obligations périodiques non remplies",
  missing_date: "Dates manquantes",
  inconsistent_dates: "Dates incohérentes",
  invalid_value: "Valeurs illisibles",
};

/**
 * Where a finding comes from, as Excel writes a reference: `Conventions!L5`, `'Suivi 2024 (copie)'!B7`,
 * or the sheet and row when no single cell is meant.
 * @example cellPlace({ sheet: "Conventions", row: 5, column: "L" }) // "Conventions!L5"
 * @example cellPlace({ sheet: "Comités", row: 4 }) // "Comités, ligne 4"
 */
export function cellPlace(location: CellLocation): string {
  if (location.column === undefined) return `${location.sheet}, ligne ${location.row}`;
  const sheet = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(location.sheet) ? location.sheet : `'${location.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${location.column}${location.row}`;
}

// ---------------------------------------------------------------------------------------------
// One finding as a sentence
// ---------------------------------------------------------------------------------------------

/** The column's French header in the register ("Date de notification"), or the key itself. */
function columnLabel(table: TableKey | undefined, field: string | undefined): string {
  if (field === undefined) return "?";
  return fieldSpec(table ?? "conventions", field)?.label ?? field;
}

/** "1 jour", "12 jours". */
function days(count: number): string {
  return `${count} ${count <= 1 ? "jour" : "jours"}`;
}

/** "dans 12 jours", "aujourd'hui", "depuis 3 jours". */
export function relativeDays(daysLeft: number): string {
  if (daysLeft === 0) return "aujourd'hui";
  return daysLeft > 0 ? `dans ${days(daysLeft)}` : `depuis ${days(-daysLeft)}`;
}

/** " (semestre 2026-S2, dans 32 jours)": the parts known, in brackets; "" when none is. */
function inBrackets(...parts: (string | undefined)[]): string {
  const known = parts.filter((p): p is string => p !== undefined);
  return known.length === 0 ? "" : ` (${known.join(", ")})`;
}

function whenText(finding: { readonly daysLeft: number }): string {
  return relativeDays(finding.daysLeft);
}

/** "semestre 2025-S1", "trimestre 2024-T4", "année 2026" (contractual: "semestre S3", "année A2"). */
export function periodName(label: string): string {
  if (/S\d+$/.test(label)) return `semestre ${label}`;
  if (/T\d+$/.test(label)) return `trimestre ${label}`;
  return `année ${label}`;
}

/** "le semestre 2025-S1 (du 01/01/2025 au 30/06/2025)", "l'année 2025 (du … au …)". */
function periodPhrase(period: PeriodRef): string {
  const name = periodName(period.label);
  return `${name.startsWith("année") ? "l'" : "le "}${name} (du ${formatDateFr(period.start)} au ${formatDateFr(period.end)})`;
}

function quoted(label: string | undefined): string {
  return `« ${label ?? "?"} »`;
}

type Inconsistency = FindingOf<"inconsistent_dates">;

/** "La « Date publication » (24/06/2024)": the column and its date, to start a sentence. */
function theColumn(finding: Inconsistency, field = finding.field): string {
  return `La ${quoted(columnLabel(finding.table, field))} (${formatDateFr(finding.date)})`;
}

/** "La « Date publication » (24/06/2024) précède la « Date délibération » (25/06/2024)" */
function precedes(finding: Inconsistency, otherField: string): string {
  return `${theColumn(finding)} précède la ${quoted(columnLabel(finding.table, otherField))} (${formatDateFr(finding.otherDate)})`;
}

const INCONSISTENCIES: Record<InconsistencyReason, (f: Inconsistency) => string> = {
  end_before_start: (f) => errorMessage({ code: "end_before_start", value: f.date, start: f.otherDate }),
  end_differs: (f) =>
    `${theColumn(f, "end")} ne correspond pas à la fin calculée d'après la date de notification, la durée et les avenants ` +
    `(${formatDateFr(f.otherDate)}).`,
  enforceable_differs: (f) =>
    `${theColumn(f, "enforceableDate")} n'est pas la plus tardive des dates de transmission en préfecture et de publication ` +
    `(${formatDateFr(f.otherDate)}).`,
  publication_before_deliberation: (f) => `${precedes(f, "deliberationDate")} : une délibération ne peut pas être publiée avant d'avoir été votée.`,
  transmission_before_deliberation: (f) =>
    `${precedes(f, "deliberationDate")} : une délibération ne peut pas être transmise en préfecture avant d'avoir été votée.`,
  start_before_deliberation: (f) => `${precedes(f, "deliberationDate")} : la convention ne peut pas être signée avant la délibération qui l'autorise.`,
  start_before_enforceable: (f) =>
    `${theColumn(f, "start")} précède la date à laquelle la délibération qui l'autorise est devenue exécutoire ` +
    `(${formatDateFr(f.otherDate)}) : la convention ne peut pas être signée avant.`,
  committee_outside_term: (f) =>
    `Réunion du ${formatDateFr(f.date)} hors de la durée de la convention ` +
    `(${isBefore(f) ? "qui commence le" : "qui s'achève le"} ${formatDateFr(f.otherDate)}) : elle n'est pas prise en compte.`,
  amendment_outside_term: (f) =>
    `Avenant du ${formatDateFr(f.date)} ` +
    (isBefore(f)
      ? `antérieur à la date de notification de la convention (${formatDateFr(f.otherDate)}).`
      : `postérieur à la fin de la convention alors en vigueur (${formatDateFr(f.otherDate)}) : ` +
        "une convention échue ne peut plus être modifiée par avenant."),
};

/** Whether the finding's date falls before the date it is compared with (the start), not after (the end). */
function isBefore(finding: Inconsistency): boolean {
  return compareDates(finding.date, finding.otherDate) < 0;
}

/** "Date de notification manquante." with what to fill in, or what cannot be checked without it. */
function missingDate(f: FindingOf<"missing_date">): string {
  const missing = errorMessage({ code: "missing_date", field: columnLabel(f.table, f.field) });
  const inSentence = missing.charAt(0).toLowerCase() + missing.slice(1, -1);
  if (f.table === "deadlines") return `Échéance ${quoted(f.label)} : ${inSentence} (renseignez ${columns("deadlines", "dueDate", "delayMonths")}).`;
  // The reader leaves out a comité or an avenant without its date.
  if (f.table === "committees" || f.table === "amendments") return `${TABLES[f.table].label} : ${inSentence}, la ligne n'est pas prise en compte.`;
  if (f.field === "start") return `${missing} La fin, le statut et les comités de suivi ne peuvent pas être vérifiés.`;
  if (f.field === "end") return `${missing} Renseignez ${columns("conventions", "end", "duration")}.`;
  return missing;
}

/** "« Date de fin » ou « Durée »" */
function columns(table: TableKey, first: string, second: string): string {
  return `${quoted(columnLabel(table, first))} ou ${quoted(columnLabel(table, second))}`;
}

const FINDINGS: { readonly [C in FindingCode]: (f: FindingOf<C>) => string } = {
  missing_committee: (f) => `Comité de suivi manquant pour ${periodPhrase(f.period)}.`,
  committee_due: (f) => `Comité de suivi à tenir au plus tard le ${formatDateFr(f.date)}${inBrackets(periodName(f.period.label), whenText(f))}.`,
  expiring: (f) => `Convention à renouveler : elle prend fin le ${formatDateFr(f.date)}${inBrackets(whenText(f))}.`,
  expired: (f) => `Convention échue : elle a pris fin le ${formatDateFr(f.date)}${inBrackets(whenText(f))}.`,
  milestone_overdue: (f) => `Jalon ${quoted(f.label)} en retard : date limite le ${formatDateFr(f.date)}, dépassée de ${days(-f.daysLeft)}.`,
  milestone_due: (f) => `Jalon ${quoted(f.label)} à réaliser au plus tard le ${formatDateFr(f.date)}${inBrackets(whenText(f))}.`,
  obligation_missing: (f) => `Obligation ${quoted(f.label)} non remplie pour ${periodPhrase(f.period)} : aucune réunion ni réalisation enregistrée.`,
  missing_date: missingDate,
  inconsistent_dates: (f) => INCONSISTENCIES[f.reason](f),
  invalid_value: (f) => errorMessage(f.error),
};

/**
 * The French sentence for a finding of the check of a register, the same in a cell, the task pane
 * and the command line.
 * @example findingMessage({ code: "milestone_overdue", conventionId: "TEAM2", label: "Pôle innovation", date: d("2026-01-14"), daysLeft: -12 })
 *   // "Jalon « Pôle innovation » en retard : date limite le 14/01/2026, dépassée de 12 jours."
 */
export function findingMessage(finding: Finding): string {
  const phrase = FINDINGS[finding.code] as (f: Finding) => string;
  return phrase(finding);
}

// ---------------------------------------------------------------------------------------------
// Why a workbook cannot be read as a register (mappingProblemMessage)
// ---------------------------------------------------------------------------------------------

function tableName(table: TableKey | undefined): string {
  return table === undefined ? "registre" : TABLES[table].label.toLowerCase();
}

/** "« Budget », « Feuil2 »" */
function quotedList(names: readonly string[]): string {
  return names.map((name) => `« ${name} »`).join(", ");
}

/** What is wrong with a mapping file, after its "Fichier de correspondance inutilisable : ". */
const MAPPING_FILE_PROBLEMS: { readonly [K in MappingFileProblem["kind"]]: (p: Extract<MappingFileProblem, { kind: K }>) => string } = {
  not_an_object: () => 'le fichier doit contenir un objet JSON, par exemple { "conventions": { "feuille": "Suivi" } }',
  unknown_table: (p) => `tableau « ${p.name} » inconnu (possibles : conventions, comites, echeances, avenants)`,
  unknown_keys: (p) => `${p.where.join(" › ")} : clé inconnue ${quotedList(p.keys)} (possibles : feuille, ligne, colonnes)`,
  bad_header_row: (p) => `${p.where.join(" › ")} : la ligne doit être un nombre entier à partir de 1`,
  not_text: (p) => `${p.where.join(" › ")} : il faut un texte non vide`,
  unknown_field: (p) => `colonne « ${p.name} » inconnue pour ce tableau (possibles : ${quotedList(p.known)})`,
};

function mappingFileProblem(problem: MappingFileProblem): string {
  const phrase = MAPPING_FILE_PROBLEMS[problem.kind] as (p: MappingFileProblem) => string;
  return phrase(problem);
}

const MAPPING_PROBLEMS: { readonly [C in MappingProblemCode]: (p: Extract<MappingProblem, { code: C }>) => string } = {
  empty_workbook: () => "Le classeur est vide : aucune feuille ne contient de valeur.",
  no_conventions_table: (p) =>
    "Aucune feuille ne contient de tableau de conventions : il faut au moins une ligne d'en-têtes avec " +
    `${quoted(fieldSpec("conventions", "id")?.label)} et ${quoted(fieldSpec("conventions", "start")?.label)} ` +
    `(ou leurs synonymes : Réf., N° convention, Date de signature, Date d'effet…)` +
    `${p.sheetsRead.length === 0 ? "" : `. Feuilles lues : ${quotedList(p.sheetsRead)}`}. ` +
    "Vous pouvez aussi indiquer les colonnes dans un fichier de correspondance.",
  missing_column: (p) =>
    `Tableau des ${tableName(p.table)}${p.sheet === undefined ? "" : ` (feuille ${quoted(p.sheet)})`} : ` +
    `colonne obligatoire ${quoted(p.field)} introuvable` +
    `${p.headersRead.length === 0 ? "" : ` (en-têtes lus : ${quotedList(p.headersRead)})`}.`,
  unknown_sheet: (p) => `Fichier de correspondance : la feuille ${quoted(p.sheet)} n'existe pas dans le classeur (feuilles : ${quotedList(p.sheets)}).`,
  unknown_column: (p) =>
    `Fichier de correspondance : colonne ${quoted(p.column)} introuvable pour ${quoted(p.field)} dans la feuille ${quoted(p.sheet)} ` +
    "(indiquez l'en-tête exact ou la lettre de la colonne).",
  invalid_mapping: (p) =>
    `Fichier de correspondance inutilisable${p.table === undefined ? "" : ` (tableau des ${tableName(p.table)})`} : ${mappingFileProblem(p.problem)}.`,
};

/**
 * The French sentence for a reason a workbook cannot be read as a register.
 * @example mappingProblemMessage({ code: "missing_column", table: "conventions", sheet: "Suivi", field: "Date de notification" })
 *   // "Tableau des conventions (feuille « Suivi ») : colonne obligatoire « Date de notification » introuvable."
 */
export function mappingProblemMessage(problem: MappingProblem): string {
  const phrase = MAPPING_PROBLEMS[problem.code] as (p: MappingProblem) => string;
  return phrase(problem);
}

// ---------------------------------------------------------------------------------------------
// What "Vérifier" writes into the workbook: the "Alertes" sheet and the add-in's own columns
// ---------------------------------------------------------------------------------------------

/** How bad a finding is, in a word: the "Gravité" column, the pane's badges. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  late: "En retard",
  soon: "À prévoir",
  data: "À corriger",
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}

export const ALERTS = {
  title: "Alertes du registre des conventions",
  subtitle: (asOf: CalendarDate, bySeverity: Readonly<Record<Severity, number>>): string => {
    const total = bySeverity.late + bySeverity.soon + bySeverity.data;
    if (total === 0) return `Vérification du ${formatDateFr(asOf)} : aucune alerte, le registre est à jour.`;
    return (
      `Vérification du ${formatDateFr(asOf)} : ${count(total, "alerte", "alertes")} — ` +
      `${bySeverity.late} en retard, ${bySeverity.soon} à prévoir, ${bySeverity.data} à corriger.`
    );
  },
  note: "Feuille réécrite par le complément à chaque vérification : vos saisies se font dans le registre, pas ici.",
  headers: ["Convention", "Gravité", "Alerte", "Période ou date", "Où", "Message"] as const,
  noConvention: "—",
  /** Headers of the add-in's own columns in the conventions sheet. */
  alertColumn: "Alerte",
  nextCommitteeColumn: "Prochain comité",
  /** The "Alerte" cell of a convention: its worst finding, and how many more. */
  alertCell: (severity: Severity, label: string, more: number): string =>
    `${SEVERITY_LABELS[severity]} : ${label}${more > 0 ? ` (+${more})` : ""}`,
};

// ---------------------------------------------------------------------------------------------
// A new register (the pane's "Créer le registre")
// ---------------------------------------------------------------------------------------------

export const SETUP = {
  /** Headers of the conventions' formula columns: none of them may read as a field of the register. */
  computed: {
    end: "Calcul : fin",
    enforceable: "Calcul : exécutoire",
    status: "Calcul : statut",
    missing: "Calcul : comités manquants",
  },
  validation: {
    date: (column: string): string => `${column} : tapez une date (jj/mm/aaaa), entre 1900 et 2199.`,
    months: (column: string): string => `${column} : tapez un nombre entier de mois (0 ou plus).`,
    amount: (column: string): string => `${column} : tapez un montant en euros (0 ou plus).`,
    list: (column: string): string => `${column} : choisissez une valeur de la liste.`,
  },
  /**
   * The new register's formula columns show an error value (read back once written): said, with
   * the cells and Excel's display language, never left silent. #NAME? means Excel does not know
   * the CONV functions by the names written (the metadata of another language loaded).
   */
  formulaErrors: (cells: readonly (CellLocation & { readonly error: string })[], displayLanguage: string | null): string =>
    `Registre créé, mais ces formules affichent une erreur : ${cells.map((c) => `${cellPlace(c)} (${c.error})`).join(", ")}. ` +
    (cells.some((c) => c.error === "#NAME?")
      ? `Excel (langue : ${displayLanguage ?? "inconnue"}) ne reconnaît pas les fonctions CONV sous ces noms : vérifiez que le complément est chargé, puis retapez ces formules.`
      : "Vérifiez la ligne d'exemple."),
};
