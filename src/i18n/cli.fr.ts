/**
 * Every French word the command line prints: usage, errors, headings of the report. The sentences
 * about findings and mapping problems come from src/i18n/register.fr.ts and the cell errors from
 * src/i18n/fr.ts, so a finding reads the same here as in a cell or the task pane.
 */
import type { CliError } from "../cli/cliError";
import type { WorkbookFileError } from "../excel/xlsxWorkbook";
import { CalendarDate } from "../core/dates/calendarDate";
import { ConventionStatus } from "../core/rules/conventionStatus";
import { FindingCode, Severity } from "../core/check/findings";
import { COMMITTEE_TYPE_LABELS, CommitteeType, TableKey } from "../core/register/registerSchema";
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
  "  registre verifier DOSSIER/ [--recursif] [--processus N] [--date AAAA-MM-JJ] [--json] [--colonnes correspondance.json]",
  "      Vérifie chaque classeur .xlsx du dossier (et de ses sous-dossiers avec --recursif), plusieurs à la",
  "      fois : une ligne par registre, puis les constats regroupés par registre. Un registre illisible est",
  "      signalé et les autres sont vérifiés. Code de sortie 2 si aucun ne peut être lu.",
  "        --processus N       registres vérifiés en même temps (par défaut : un par cœur du processeur)",
  "  registre consolider DOSSIER/ --sortie CONSOLIDE.xlsx [--annee AAAA] [--date AAAA-MM-JJ] [--recursif]",
  '                     [--collectivite "Nom"] [--processus N] [--json] [--remplacer]',
  "      Écrit un nouveau classeur qui réunit les registres du dossier : la liste des registres, toutes",
  "      les conventions avec leur registre et leur service, toutes les alertes avec un lien vers la",
  "      cellule du registre, et le rapport annuel de l'ensemble. Les registres ne sont pas modifiés.",
  "        --annee AAAA        l'année du rapport (par défaut : l'année écoulée jusqu'en juin, l'année en cours ensuite)",
  `  registre demo [FICHIER] [--date AAAA-MM-JJ]`,
  `      Écrit un registre de démonstration (par défaut ${DEMO_DEFAULT_FILE}) dont les dates sont placées`,
  "      autour de la date de référence, puis affiche sa vérification à cette date.",
  "  registre rapport REGISTRE.xlsx --annee AAAA --sortie RAPPORT.xlsx [--date AAAA-MM-JJ]",
  '                   [--collectivite "Nom"] [--colonnes correspondance.json] [--remplacer]',
  "      Écrit dans RAPPORT.xlsx une copie du registre avec la feuille « Rapport AAAA » : chiffres clés,",
  "      comités de suivi par semestre (tableau et graphique), points à traiter (comités manquants,",
  "      conventions qui prennent fin dans les 12 mois, jalons en retard, délais de recours en cours)",
  "      et une ligne par convention en vigueur dans l'année ; prête à imprimer (A4 paysage).",
  "        --annee AAAA        l'année du rapport",
  "        --collectivite NOM  la collectivité nommée sous le titre",
  "        --sortie FICHIER    la copie écrite ; jamais le registre lui-même",
  "        --remplacer         remplace le fichier de sortie s'il existe déjà (sinon : refus)",
  "  registre comite REGISTRE.xlsx --convention REF --sortie COMITE.xlsx [--date AAAA-MM-JJ]",
  '                  [--collectivite "Nom"] [--colonnes correspondance.json] [--remplacer]',
  "      Écrit dans COMITE.xlsx une copie du registre avec la feuille « Comité – REF » qui prépare le",
  "      prochain comité de suivi : la convention, ses obligations et leur état, les réunions tenues,",
  "      ce qui est en retard, et des lignes vides pour l'ordre du jour et le relevé de décisions.",
  "  registre importer DELIBERATION.txt [--json]",
  "      Lit le texte d'une délibération (copié depuis son PDF) et affiche, pour chaque champ du registre,",
  "      la valeur trouvée, la phrase d'où elle vient et sa fiabilité (sûr, à vérifier, incertain) :",
  "      collectivité, séance, n° de délibération, intitulé, partenaire et SIRET, cachets de réception en",
  "      préfecture, de publication et exécutoire, durée, comité de suivi, obligations, jalons, montant,",
  "      tribunal et délai de recours ; puis les lignes proposées pour le registre. Rien n'est écrit.",
  "        --json              un seul objet JSON sur la sortie standard",
  "  registre ics REGISTRE.xlsx --sortie ECHEANCES.ics [--date AAAA-MM-JJ] [--colonnes correspondance.json]",
  "      Écrit un calendrier iCalendar (UTF-8) des échéances à venir : fin de chaque convention et début",
  "      de son préavis (rappels 90, 30 et 7 jours avant la fin), prochain comité de suivi à tenir, jalons,",
  "      fin des délais de recours en cours. Réimporté, il met à jour les événements sans les doubler.",
  "        --sortie FICHIER    le fichier .ics écrit (remplacé s'il existe) ; jamais le registre lui-même",
  "  registre aide",
  "      Affiche cette aide (aussi : registre --help).",
  "",
  "Code de sortie : 0 quand la vérification a eu lieu (même avec des constats), 2 quand l'entrée",
  "est inutilisable (fichier absent ou illisible, option inconnue, date invalide…), avec la raison.",
];

/** Where a command's problem is shown: after the reason, how to get help. */
/** The commands, as a person types them (the usage lists each with its options). */
export const COMMAND_NAMES: readonly string[] = ["verifier", "consolider", "rapport", "comite", "importer", "ics", "demo", "aide"];

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
      return `Indiquez ce qu'il faut faire : ${COMMAND_NAMES.slice(0, -1).join(", ")} ou ${COMMAND_NAMES[COMMAND_NAMES.length - 1]}.`;
    case "unknown_command":
      return `Commande inconnue : « ${error.value} » (commandes : ${COMMAND_NAMES.join(", ")}). ${SEE_HELP}`;
    case "unknown_option":
      return `Option inconnue pour « ${error.command} » : ${error.value}. ${SEE_HELP}`;
    case "option_needs_value":
      return `L'option ${error.value} attend une valeur. ${SEE_HELP}`;
    case "repeated_option":
      return `L'option ${error.value} est donnée deux fois.`;
    case "missing_file":
      return `Indiquez le classeur du registre : registre ${error.command} REGISTRE.xlsx. ${SEE_HELP}`;
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
    case "missing_option":
      return `Option ${error.value} manquante pour « ${error.command} ». ${SEE_HELP}`;
    case "invalid_year":
      return `Option --annee : ${error.detail}`;
    case "output_is_input":
      return `Le fichier de sortie « ${error.path} » est le registre lui-même : le registre n'est jamais modifié. Choisissez un autre fichier.`;
    case "output_exists":
      return `Le fichier « ${error.path} » existe déjà : il n'est pas remplacé. Choisissez un autre nom, ou ajoutez --remplacer.`;
    case "unknown_convention":
      return (
        `Aucune convention « ${error.value} » dans le registre` +
        `${error.known.length === 0 ? "." : ` (références : ${error.known.join(", ")}).`}`
      );
    case "missing_deliberation_file":
      return `Indiquez le fichier texte de la délibération : registre importer DELIBERATION.txt. ${SEE_HELP}`;
    case "text_file_not_found":
      return `Le fichier « ${error.path} » n'existe pas.`;
    case "text_file_unreadable":
      return `Le fichier « ${error.path} » ne peut pas être lu (${error.detail}).`;
    case "not_a_text_file":
      return (
        `Le fichier « ${error.path} » n'est pas du texte (un PDF, un document Word ?) : ` +
        "copiez le texte de la délibération dans un fichier .txt et donnez ce fichier."
      );
    case "not_a_deliberation":
      return `Le fichier « ${error.path} » ne contient rien d'une délibération (ni date, ni cachet, ni durée, ni partenaire).`;
    case "output_not_ics":
      return `Le fichier de sortie « ${error.path} » doit se terminer par .ics (aucun autre fichier n'est jamais remplacé).`;
    case "missing_folder":
      return `Indiquez le dossier des registres : registre consolider DOSSIER/ --sortie CONSOLIDE.xlsx. ${SEE_HELP}`;
    case "folder_not_found":
      return `Le dossier « ${error.path} » n'existe pas.`;
    case "folder_unreadable":
      return `Le dossier « ${error.path} » ne peut pas être lu (${error.detail}).`;
    case "not_a_folder":
      return `« ${error.path} » n'est pas un dossier : consolider réunit les registres d'un dossier (registre consolider DOSSIER/ --sortie CONSOLIDE.xlsx).`;
    case "no_registers":
      return (
        `Le dossier « ${error.path} » ne contient aucun classeur .xlsx` +
        (error.nested === 0 ? "." : ` ; ses sous-dossiers en contiennent ${error.nested} : ajoutez --recursif pour les inclure.`)
      );
    case "option_needs_folder":
      return `L'option ${error.value} ne s'emploie qu'avec un dossier de registres. ${SEE_HELP}`;
    case "invalid_workers":
      return `Option --processus : « ${error.value} » n'est pas un nombre entier de 1 à 64.`;
    case "output_not_xlsx":
      return `Le fichier de sortie « ${error.path} » doit se terminer par .xlsx (aucun autre fichier n'est jamais remplacé).`;
    case "is_consolidation":
      return `Le classeur « ${error.path} » est une consolidation écrite par « registre consolider » : ce n'est pas un registre, il n'est pas lu.`;
    case "register_failed":
      return `Le registre « ${error.path} » n'a pas pu être vérifié (erreur inattendue : ${error.detail}).`;
  }
}

/** Messages of `registre ics`. */
export const ICS_CLI = {
  written: (count: number, path: string, asOf: CalendarDate): string =>
    `${plural(count, "échéance", "échéances")} à venir au ${formatDateFr(asOf)} écrite${count <= 1 ? "" : "s"} dans « ${path} » (iCalendar, UTF-8).`,
  event: (date: CalendarDate, summary: string): string => `  ${formatDateFr(date)}  ${summary}`,
  registerUntouched: "Le registre n'est pas modifié ; réimporter le fichier met à jour les mêmes événements.",
};

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

/** Messages of `registre rapport` and `registre comite`. */
export const REPORT_CLI = {
  annualWritten: (year: number, path: string, sheet: string, inForce: number): string =>
    `Rapport annuel ${year} écrit dans « ${path} », feuille « ${sheet} » (${plural(inForce, "convention en vigueur", "conventions en vigueur")}).`,
  committeeWritten: (reference: string, path: string, sheet: string): string =>
    `Préparation du comité de suivi de la convention ${reference} écrite dans « ${path} », feuille « ${sheet} ».`,
  registerUntouched: (path: string, asOf: CalendarDate): string =>
    `Copie du registre « ${path} » vérifié au ${formatDateFr(asOf)} ; le registre lui-même n'est pas modifié.`,
  notAFile: "ce n'est pas un fichier",
};
