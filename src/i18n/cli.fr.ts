/**
 * Every French word the command line prints: usage, errors, headings of the report. The sentences
 * about findings and mapping problems come from src/i18n/register.fr.ts and the cell errors from
 * src/i18n/fr.ts, so a finding reads the same here as in a cell or the task pane.
 */
import type { CliError } from "../cli/cliError";
import type { WorkbookFileError } from "../excel/xlsxWorkbook";
import type { PatchError } from "../excel/xlsxPatch";
import { CalendarDate } from "../core/dates/calendarDate";
import { ConventionStatus } from "../core/rules/conventionStatus";
import { FindingCode, Severity } from "../core/check/findings";
import { COMMITTEE_TYPE_LABELS, CommitteeType, TableKey } from "../core/register/registerSchema";
import { STATUS_LABELS, formatDateFr } from "./fr";
import { FINDING_LABELS, mappingProblemMessage } from "./register.fr";
import { pdfProblemMessage } from "./pdf.fr";

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
  "      et une ligne par convention en vigueur dans l'année ; prête à imprimer (A4 paysage). La copie garde",
  "      tout le classeur tel quel (graphiques, tableaux croisés, images, macros : un .xlsm se copie en .xlsm).",
  "        --annee AAAA        l'année du rapport",
  "        --collectivite NOM  la collectivité nommée sous le titre",
  "        --sortie FICHIER    la copie écrite ; jamais le registre lui-même",
  "        --remplacer         remplace le fichier de sortie s'il existe déjà (sinon : refus)",
  "  registre comite REGISTRE.xlsx --convention REF --sortie COMITE.xlsx [--date AAAA-MM-JJ]",
  '                  [--collectivite "Nom"] [--colonnes correspondance.json] [--remplacer]',
  "      Écrit dans COMITE.xlsx une copie du registre avec la feuille « Comité – REF » qui prépare le",
  "      prochain comité de suivi : la convention, ses obligations et leur état, les réunions tenues,",
  "      ce qui est en retard, et des lignes vides pour l'ordre du jour et le relevé de décisions.",
  "  registre importer DELIBERATION.txt|DELIBERATION.pdf [--json]",
  "      Lit le texte d'une délibération (un fichier texte, ou la couche texte de son PDF : pas d'OCR, un",
  "      PDF numérisé est refusé avec la raison) et affiche, pour chaque champ du registre,",
  "      la valeur trouvée, la phrase d'où elle vient et sa fiabilité (sûr, à vérifier, incertain) :",
  "      collectivité, séance, n° de délibération, intitulé, partenaire et SIRET, cachets de réception en",
  "      préfecture, de publication et exécutoire, durée, comité de suivi, obligations, jalons, montant,",
  "      tribunal et délai de recours ; puis les lignes proposées pour le registre. Rien n'est écrit.",
  "        --json              un seul objet JSON sur la sortie standard",
  "  registre ics REGISTRE.xlsx --sortie ECHEANCES.ics [--date AAAA-MM-JJ] [--colonnes correspondance.json] [--remplacer]",
  "      Écrit un calendrier iCalendar (UTF-8) des échéances à venir : fin de chaque convention et début",
  "      de son préavis (rappels 90, 30 et 7 jours avant la fin), prochain comité de suivi à tenir, jalons,",
  "      fin des délais de recours en cours. Réimporté, il met à jour les événements sans les doubler.",
  "        --sortie FICHIER    le fichier .ics écrit ; jamais le registre lui-même",
  "        --remplacer         remplace le fichier de sortie s'il existe déjà (sinon : refus)",
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
      return `Le fichier ${file} ne peut pas être lu${error.detail === undefined ? "" : ` (${systemReason(/^(E[A-Z]+)\b/.exec(error.detail)?.[1] ?? null, error.detail)})`}.`;
    case "legacy_or_encrypted":
      return (
        `Le fichier ${file} est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe : ` +
        "enregistrez-le au format .xlsx, sans mot de passe à l'ouverture."
      );
    case "not_a_workbook":
      return `Le fichier ${file} n'est pas un classeur Excel .xlsx${error.detail === undefined ? "" : ` (${readingReason(error.detail)})`}.`;
    case "too_large":
      return tooLargeMessage(error);
    case "damaged_archive":
      return (
        `Le fichier ${file} est une archive zip abîmée ou falsifiée${partText(error)} : ` +
        "une taille déclarée n'est pas celle des données, ou les données sont illisibles. Il n'est pas lu ; réenregistrez-le depuis Excel."
      );
    case "dtd_forbidden":
      return (
        `Le classeur ${file} est refusé : ${partText(error, true)} contient une déclaration de type de document (<!DOCTYPE>), ` +
        "interdite dans un fichier .xlsx et qui peut servir à lire d'autres fichiers de l'ordinateur."
      );
    case "malformed_xml":
      return `Le classeur ${file} est abîmé : ${partText(error, true)} n'est pas du XML valable. Réenregistrez-le depuis Excel.`;
    case "beyond_sheet_limits":
      return (
        `Le classeur ${file} est refusé : ${partText(error, true)} a une cellule « ${error.cell ?? ""} » hors des limites d'Excel ` +
        "(1 048 576 lignes, colonnes A à XFD) ; Excel ne l'ouvrirait pas sans le réparer."
      );
  }
}

const megabytes = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const count = new Intl.NumberFormat("fr-FR");

/** " (feuille « Conventions »)" / "la feuille « Conventions »", else the part's name. */
function partText(error: WorkbookFileError, subject = false): string {
  const what = error.sheet !== undefined ? `la feuille « ${error.sheet} »` : error.part !== undefined ? `la partie « ${error.part} »` : "";
  if (subject) return what === "" ? "une de ses parties" : what;
  return what === "" ? "" : ` (${what})`;
}

function tooLargeMessage(error: WorkbookFileError): string {
  const file = `« ${error.path} »`;
  const mb = (bytes: number | undefined): string => `${megabytes.format((bytes ?? 0) / 1024 / 1024)} Mo`;
  switch (error.limit) {
    case "file":
      return `Le fichier ${file} est trop volumineux pour être lu (${mb(error.bytes)} ; au plus ${mb(error.max)}).`;
    case "ratio":
      return (
        `Le classeur ${file} est refusé : ${partText(error, true)} se décompresserait en ${mb(error.bytes)}, plus de ${error.max ?? 0} fois ` +
        "sa taille dans l'archive (une « bombe zip »). Il n'est pas lu."
      );
    case "total":
      return `Le classeur ${file} est trop volumineux pour être lu : ses feuilles feraient ${mb(error.bytes)} une fois décompressées (au plus ${mb(error.max)}).`;
    case "entries":
      return `Le fichier ${file} est refusé : son archive zip compte ${count.format(error.bytes ?? 0)} parties (au plus ${count.format(error.max ?? 0)} ; un classeur en a quelques dizaines).`;
    case "cells":
      return `Le classeur ${file} compte trop de cellules pour être lu : plus de ${count.format(error.max ?? 0)}${partText(error)}.`;
    default:
      return (
        `Le classeur ${file} est trop volumineux pour être lu : ${partText(error, true)} ferait ${mb(error.bytes)} une fois décompressée ` +
        `(au plus ${mb(error.max)}).`
      );
  }
}

/**
 * Why a file could not be read as a workbook, in French: the libraries' own messages (JSZip's,
 * ExcelJS's, its XML parser's, all English) said in words a user can act on, keeping the
 * technical fact that helps (a column, a line of XML); a reason the command line phrased itself
 * (French) passes through.
 * @example readingReason("Bug : uncompressed data size mismatch") // "l'archive zip est abîmée : …"
 */
export function readingReason(detail: string): string {
  if (/size mismatch|crc32|corrupted zip|end of data|invalid (?:distance|code|stored block|block type)|end of central directory|unexpected end/i.test(detail)) {
    return "l'archive zip est abîmée : ses tailles ou son contenu ne correspondent pas à ce qu'elle déclare";
  }
  if (/encrypted/i.test(detail)) return "l'archive zip est chiffrée";
  if (/compression/i.test(detail)) return "l'archive zip est compressée d'une façon inconnue";
  const column = /invalid column letter:?\s*([A-Z]+)/i.exec(detail);
  if (column !== null) return `une cellule est au-delà de la dernière colonne d'Excel, XFD (colonne ${column[1]})`;
  if (/entity/i.test(detail)) return "le XML du classeur déclare des entités, refusées par sécurité";
  const xml = /^(\d+):(\d+):/.exec(detail);
  if (xml !== null) return `le XML d'une partie est mal formé (ligne ${xml[1]}, colonne ${xml[2]})`;
  if (ENGLISH.test(detail)) return "une partie du classeur a une forme que la lecture ne connaît pas";
  return detail;
}

/** Words of a library's English message, which a French reason never holds. */
const ENGLISH = /\b(?:cannot|can't|the|of|is|not|invalid|unexpected|error|failed|missing|undefined|null|reading|expected|bug|out of)\b/i;

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
      return `Le fichier de correspondance des colonnes « ${error.path} » ne peut pas être lu (${systemReason(/^(E[A-Z]+)\b/.exec(error.detail)?.[1] ?? null, error.detail)}).`;
    case "mapping_file_not_json":
      return `Le fichier de correspondance des colonnes « ${error.path} » n'est pas du JSON valable (${jsonReason(error.detail)}).`;
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
      return `Le fichier « ${error.path} » n'a pas pu être écrit (${systemReason(error.errno, error.detail)}) : rien n'a été écrit ni remplacé à sa place.`;
    case "output_is_link":
      return (
        `Le fichier de sortie « ${error.path} » est un lien symbolique : la commande n'écrit jamais à travers un lien. ` +
        "Donnez le chemin d'un fichier ordinaire."
      );
    case "output_not_a_file":
      return `« ${error.path} » n'est pas un fichier ordinaire (un dossier, un tube nommé, un périphérique ?) : il n'est pas écrit. Choisissez un autre nom.`;
    case "output_extension":
      return error.expected === ".xlsm"
        ? `Le registre contient des macros : sa copie doit se terminer par .xlsm (Excel n'ouvre pas « ${error.path} » sous ce nom). Rien n'est écrit.`
        : `Le registre n'a pas de macros : sa copie ne peut pas se terminer par .xlsm (Excel n'ouvrirait pas « ${error.path} »). Choisissez un nom en .xlsx. Rien n'est écrit.`;
    case "copy_impossible":
      return `La copie du classeur « ${error.path} » ne peut pas être faite sans en perdre une partie (${patchReason(error.error)}) : rien n'est écrit.`;
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
      return `Indiquez le fichier texte de la délibération, ou son PDF : registre importer DELIBERATION.txt. ${SEE_HELP}`;
    case "text_file_not_found":
      return `Le fichier « ${error.path} » n'existe pas.`;
    case "text_file_unreadable":
      return `Le fichier « ${error.path} » ne peut pas être lu (${systemReason(/^(E[A-Z]+)\b/.exec(error.detail)?.[1] ?? null, error.detail)}).`;
    case "not_a_text_file":
      return (
        `Le fichier « ${error.path} » n'est ni du texte ni un PDF (un document Word, une image ?) : ` +
        "donnez le PDF de la délibération, ou copiez son texte dans un fichier .txt et donnez ce fichier."
      );
    case "pdf_unreadable":
      return `Le fichier « ${error.path} » n'a pas pu être lu. ${pdfProblemMessage(error.problem)}`;
    case "pdf_reader_missing":
      return (
        `Le fichier « ${error.path} » est un PDF, mais le lecteur de PDF (paquet pdfjs-dist) n'a pas pu être chargé : ` +
        "réinstallez le complément (npm ci), ou copiez le texte de la délibération dans un fichier .txt."
      );
    case "not_a_regular_file":
      return `« ${error.path} » n'est pas un fichier ordinaire (un dossier, un tube nommé, un périphérique ?) : donnez le fichier texte de la délibération.`;
    case "text_file_too_large":
      return (
        `Le fichier « ${error.path} » est trop volumineux pour une délibération (${megabytes.format(error.bytes / 1024 / 1024)} Mo ; ` +
        `au plus ${megabytes.format(error.max / 1024 / 1024)} Mo) : il n'est pas lu. Copiez-y seulement le texte de la délibération.`
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

/** The progress line of a long read (src/cli/progress.ts). */
export const PROGRESS = {
  reading: (file: string, percent: number): string => `Lecture de « ${file} » : ${percent} %`,
  checking: (file: string): string => `Lecture de « ${file} » : 100 % — vérification…`,
};

/** Why the system refused a write, from its error code (ENOSPC…); its own text only for a code not known here. */
function systemReason(errno: string | null, detail: string): string {
  switch (errno) {
    case "ENOSPC":
      return "le disque est plein";
    case "EDQUOT":
      return "le quota du disque est atteint";
    case "EACCES":
    case "EPERM":
      return "accès refusé";
    case "EROFS":
      return "le support est en lecture seule";
    case "ENOENT":
    case "ENOTDIR":
      return "le dossier n'existe pas ou n'est pas un dossier";
    case "EISDIR":
      return "c'est un dossier";
    case "ENAMETOOLONG":
      return "le nom est trop long";
    case "EIO":
      return "erreur de lecture ou d'écriture du disque";
    case "EMFILE":
    case "ENFILE":
      return "trop de fichiers ouverts";
    case null:
      return ENGLISH.test(detail) ? "erreur du système" : detail;
    default:
      return `erreur du système ${errno}`;
  }
}

/** Where JSON.parse stopped, from its (English) message: the character, counted from 1. */
function jsonReason(detail: string): string {
  const position = /position (\d+)/.exec(detail);
  if (position !== null) return `texte inattendu au caractère ${Number(position[1]) + 1}`;
  return ENGLISH.test(detail) || /JSON/.test(detail) ? "le texte n'est pas du JSON" : detail;
}

/** Why a register's package cannot be patched. */
function patchReason(error: PatchError): string {
  const part = error.part === undefined ? "" : ` « ${error.part} »`;
  switch (error.code) {
    case "not_a_package":
      return "l'archive zip ne peut pas être lue entièrement : une partie est chiffrée, abîmée ou compressée d'une façon inconnue";
    case "missing_part":
      return `la partie${part} manque`;
    case "invalid_part":
      return `la partie${part} n'a pas la forme attendue`;
    case "part_too_large":
      return `la partie${part} est démesurée une fois décompressée (plus de 64 Mo)`;
    case "strict_workbook":
      return "le classeur est au format « Strict Open XML » : enregistrez-le dans Excel au format « Classeur Excel (.xlsx) »";
    case "too_many_styles":
      return "le classeur a déjà le nombre maximal de formats de cellule qu'Excel accepte";
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
};
