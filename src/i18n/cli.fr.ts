/**
 * Every French word the command line prints: usage, errors, headings of the report. The sentences
 * about findings and mapping problems come from src/i18n/register.fr.ts and the cell errors from
 * src/i18n/fr.ts, so a finding reads the same here as in a cell or the task pane.
 */
import type { CliError } from "../cli/cliError";
import type { WorkbookFileError } from "../cli/xlsxWorkbook";
import { CalendarDate } from "../core/calendarDate";
import { ConventionStatus } from "../core/conventionStatus";
import { FindingCode, Severity } from "../core/findings";
import { COMMITTEE_TYPE_LABELS, CommitteeType, TableKey } from "../core/registerSchema";
import { STATUS_LABELS, formatDateFr } from "./fr";
import { FINDING_LABELS, mappingProblemMessage } from "./register.fr";

/** The default file of `registre demo`. */
export const DEMO_DEFAULT_FILE = "demo/registre-demo.xlsx";

export const USAGE: readonly string[] = [
  "registre — vérification d'un registre de conventions de partenariat (.xlsx)",
  "",
  "Utilisation :",
  "  registre verifier REGISTRE.xlsx [--date AAAA-MM-JJ] [--json] [--colonnes correspondance.json]",
  "      Lit toutes les feuilles du classeur, y reconnaît les tableaux du registre (conventions,",
  "      comités, échéances, avenants) d'après leurs en-têtes, et liste les constats par convention :",
  "      comités de suivi manquants ou à tenir, conventions à renouveler ou échues, jalons en retard",
  "      ou proches, obligations périodiques non remplies, dates manquantes, incohérentes ou illisibles.",
  "      Le classeur n'est jamais modifié.",
  "        --date AAAA-MM-JJ   date de référence de la vérification (aussi JJ/MM/AAAA) ; aujourd'hui par défaut",
  "        --json              un seul objet JSON sur la sortie standard, pour un autre programme",
  "        --colonnes FICHIER  fichier JSON qui désigne les feuilles et colonnes au lieu de les deviner, par exemple :",
  '                            { "conventions": { "feuille": "Suivi", "ligne": 3,',
  '                              "colonnes": { "Date de notification": "Signée le", "Référence": "B" } } }',
  `  registre demo [FICHIER] [--date AAAA-MM-JJ]`,
  `      Écrit un registre de démonstration (par défaut ${DEMO_DEFAULT_FILE}) dont les dates sont placées`,
  "      autour de la date de référence, puis affiche sa vérification à cette date.",
  "  registre aide",
  "      Affiche cette aide (aussi : registre --help).",
  "",
  "Code de sortie : 0 quand la vérification a eu lieu (même avec des constats), 2 quand l'entrée",
  "est inutilisable (fichier absent ou illisible, option inconnue, date invalide…), avec la raison.",
];

/** Where a command's problem is shown: after the reason, how to get help. */
export const SEE_HELP = "Voir « registre aide ».";

function fileErrorMessage(error: WorkbookFileError): string {
  const file = `« ${error.path} »`;
  switch (error.code) {
    case "file_not_found":
      return `Le fichier ${file} n'existe pas.`;
    case "not_a_file":
      return `${file} n'est pas un fichier (c'est un dossier ?).`;
    case "unreadable_file":
      return `Le fichier ${file} ne peut pas être lu${error.detail === undefined ? "" : ` (${error.detail})`}.`;
    case "legacy_or_encrypted":
      return (
        `Le fichier ${file} est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe : ` +
        "enregistrez-le au format .xlsx, sans mot de passe à l'ouverture."
      );
    case "not_a_workbook":
      return `Le fichier ${file} n'est pas un classeur Excel .xlsx${error.detail === undefined ? "" : ` (${error.detail})`}.`;
  }
}

function problemLines(problems: CliErrorWithProblems["problems"]): string {
  return problems.map((p) => `  - ${mappingProblemMessage(p)}`).join("\n");
}

type CliErrorWithProblems = Extract<CliError, { problems: unknown }>;

/**
 * The French text of a command-line error (several lines for a list of problems).
 * @example cliErrorMessage({ code: "unknown_option", value: "--jsn", command: "verifier" }) // "Option inconnue pour « verifier » : --jsn. Voir « registre aide »."
 */
export function cliErrorMessage(error: CliError): string {
  switch (error.code) {
    case "no_command":
      return "Indiquez ce qu'il faut faire : verifier, demo ou aide.";
    case "unknown_command":
      return `Commande inconnue : « ${error.value} » (commandes : verifier, demo, aide). ${SEE_HELP}`;
    case "unknown_option":
      return `Option inconnue pour « ${error.command} » : ${error.value}. ${SEE_HELP}`;
    case "option_needs_value":
      return `L'option ${error.value} attend une valeur. ${SEE_HELP}`;
    case "repeated_option":
      return `L'option ${error.value} est donnée deux fois.`;
    case "missing_file":
      return `Indiquez le classeur à vérifier : registre verifier REGISTRE.xlsx. ${SEE_HELP}`;
    case "too_many_arguments":
      return `Argument en trop : « ${error.value} » (un seul fichier à la fois). ${SEE_HELP}`;
    case "invalid_date":
      return `Option --date : ${error.detail}`;
    case "workbook_file":
      return fileErrorMessage(error.error);
    case "mapping_file_not_found":
      return `Le fichier de correspondance des colonnes « ${error.path} » n'existe pas.`;
    case "mapping_file_unreadable":
      return `Le fichier de correspondance des colonnes « ${error.path} » ne peut pas être lu (${error.detail}).`;
    case "mapping_file_not_json":
      return `Le fichier de correspondance des colonnes « ${error.path} » n'est pas du JSON valable (${error.detail}).`;
    case "mapping_file_invalid":
      return `Le fichier de correspondance des colonnes « ${error.path} » ne peut pas être appliqué :\n${problemLines(error.problems)}`;
    case "register_unusable":
      return `Le classeur « ${error.path} » ne peut pas être lu comme un registre de conventions :\n${problemLines(error.problems)}`;
    case "demo_target_exists":
      return (
        `Le fichier « ${error.path} » existe déjà et n'est pas un registre de démonstration : il n'est pas remplacé. ` +
        "Choisissez un autre nom de fichier."
      );
    case "write_failed":
      return `Le fichier « ${error.path} » ne peut pas être écrit (${error.detail}).`;
  }
}

/** Unforeseen failure (a bug): exit code 1. */
export function unexpectedErrorMessage(detail: string): string {
  return `Erreur inattendue : ${detail}`;
}

/** Words of the human report of `registre verifier`. */
export const REPORT = {
  heading: (file: string, asOf: CalendarDate): string => `Registre « ${file} » — vérification au ${formatDateFr(asOf)}`,
  mappingHeading: "Tableaux reconnus",
  tableFound: (label: string, sheet: string, headerRow: number, explicit: boolean): string =>
    `  ${label} : feuille « ${sheet} », en-têtes en ligne ${headerRow}${explicit ? " (d'après le fichier de correspondance)" : ""}`,
  tableMissing: (label: string): string => `  ${label} : aucune feuille reconnue`,
  column: (label: string, header: string, letter: string, unit: "months" | "years" | undefined): string =>
    `    ${label} ← « ${header} » (colonne ${letter}${unit === "years" ? ", en années" : ""})`,
  columnsAsNamed: (columns: readonly { label: string; letter: string }[]): string =>
    `    Colonnes à leur nom : ${columns.map((c) => `${c.label} (${c.letter})`).join(", ")}`,
  inlineCommittees: (columns: readonly { header: string; letter: string; type: CommitteeType }[]): string =>
    `    Comités en colonnes : ${columns.map((c) => `« ${c.header} » (${c.letter}, ${COMMITTEE_TYPE_LABELS[c.type].toLowerCase()})`).join(", ")}`,
  ignored: (columns: readonly { header: string; letter: string }[]): string =>
    `    En-têtes ignorés : ${columns.map((c) => `« ${c.header} » (${c.letter})`).join(", ")}`,
  findingsHeading: (conventions: number, findings: number): string =>
    `Constats par convention (${plural(conventions, "convention", "conventions")}, ${plural(findings, "constat", "constats")})`,
  conventionHeading: (
    id: string,
    title: string | null,
    partner: string | null,
    status: ConventionStatus | null,
    end: CalendarDate | null,
  ): string =>
    [
      id,
      title ?? "(sans intitulé)",
      partner ?? "(partenaire non renseigné)",
      status === null ? "statut inconnu" : STATUS_LABELS[status],
      end === null ? "fin inconnue" : `fin le ${formatDateFr(end)}`,
    ].join(" — "),
  orphansHeading: "Lignes qui ne se rattachent à aucune convention du registre",
  noFinding: "  Aucun constat.",
  finding: (severity: Severity, message: string, where: string | null): string =>
    `  ${SEVERITY_MARKS[severity]} ${message}${where === null ? "" : ` [${where}]`}`,
  summaryHeading: "Récapitulatif",
  summaryLine: (code: FindingCode, count: number): string => `  ${FINDING_LABELS[code]} (${code}) : ${count}`,
  summaryTotal: (count: number): string => `  Total : ${plural(count, "constat", "constats")}`,
  summaryNone: "  Aucun constat : le registre est à jour.",
};

/** How a finding is marked, by how bad it is: the late ones stand out. */
export const SEVERITY_MARKS: Record<Severity, string> = {
  late: "!! EN RETARD  ",
  soon: "!  À PRÉVOIR  ",
  data: "?  À CORRIGER ",
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count <= 1 ? one : many}`;
}

/** Messages of `registre demo`. */
export const DEMO = {
  written: (path: string, asOf: CalendarDate): string =>
    `Registre de démonstration écrit dans « ${path} » (dates placées autour du ${formatDateFr(asOf)}).`,
  /** Document properties of the demo workbook. */
  title: "Registre des conventions de partenariat — démonstration",
  subject: (asOf: CalendarDate): string => `Données de démonstration, dates placées autour du ${formatDateFr(asOf)}`,
  /** The lines above each sheet's headers. */
  titleRows: (table: TableKey, asOf: CalendarDate): string[] => [
    DEMO_SHEET_TITLES[table],
    `Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane — données de démonstration, situation au ${formatDateFr(asOf)}`,
  ],
};

const DEMO_SHEET_TITLES: Record<TableKey, string> = {
  conventions: "Registre des conventions de partenariat",
  committees: "Comités de suivi et réunions",
  deadlines: "Échéances : jalons et obligations périodiques",
  amendments: "Avenants",
};
