/**
 * The task pane's French text (the register part; the functions' help comes from
 * functions.fr.json). Sentences about findings and mappings come from register.fr.ts, so the pane
 * and the command line say the same thing.
 */
import type { AppendProblem } from "../plans/appendRowsPlan";
import type { GatewayError } from "../excel/gateway";
import type { ActionStep } from "../actions/registerActions";
import type { ReportRefusal } from "../actions/reportActions";
import type { RequirementSet } from "../excel/requirements";
import { columnLetter } from "../core/cells/sheetGrid";
import { cellPlace } from "./register.fr";
import { TableKey } from "../core/register/registerSchema";
import { errorMessage } from "./fr";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}

export const PANE = {
  oldExcelState: "Version d'Excel trop ancienne pour le registre : voir l'onglet « Registre ».",
  outsideExcel: "Ouvert hors d'Excel : le registre se vérifie dans un classeur Excel où le complément est installé. L'onglet « Fonctions » reste consultable.",
  panelNotLoaded: "Cet onglet n'a pas pu être chargé depuis le serveur du complément : vérifiez la connexion, puis rouvrez l'onglet pour réessayer.",
  steps: {
    reading: "Lecture du classeur…",
    checking: "Vérification du registre…",
    writing: "Écriture des alertes dans le classeur…",
  } satisfies Record<ActionStep, string>,
  saving: "Enregistrement de la correspondance…",
  creating: "Création du registre…",
  selecting: "Sélection de la ligne…",

  adopted: {
    title: "Registre",
    summary: (count: number, sheet: string): string => `${plural(count, "convention", "conventions")} dans la feuille « ${sheet} ».`,
    check: "Vérifier le registre",
    review: "Revoir la correspondance",
  },
  blank: {
    title: "Nouveau registre",
    text: "Ce classeur ne contient pas encore de registre. Le complément peut créer les quatre tableaux (conventions, comités, échéances, avenants) avec leurs en-têtes, leurs contrôles de saisie, des colonnes calculées et l'exemple de la convention TEAM².",
    create: "Créer le registre",
  },
  adopt: {
    title: "Adopter le registre",
    intro: "Voici les tableaux et les colonnes que le complément a reconnus. Corrigez ce qui ne convient pas, puis confirmez : la correspondance est gardée dans le classeur et ne sera plus demandée.",
    problemsTitle: "À corriger avant de confirmer",
    sheet: "Feuille",
    noSheet: "— aucune —",
    headerRow: "Ligne des en-têtes",
    column: (letter: string, header: string): string => `Colonne ${letter}${header === "" ? "" : ` « ${header} »`}`,
    ignored: "— ignorée —",
    required: " (obligatoire)",
    confirm: "Confirmer la correspondance",
    create: "Créer un nouveau registre à la place",
    tableTitles: { conventions: "Conventions", committees: "Comités", deadlines: "Échéances", amendments: "Avenants" } satisfies Record<TableKey, string>,
    noColumns: "Aucun en-tête sur cette ligne.",
    tableSummary: (title: string, sheet: string | null, recognised: number): string =>
      sheet === null ? `${title} : aucune feuille` : `${title} : feuille « ${sheet} », ${plural(recognised, "colonne reconnue", "colonnes reconnues")}`,
    saved: "Correspondance enregistrée dans le classeur.",
  },
  results: {
    title: "Alertes",
    counts: (late: number, soon: number, data: number): string =>
      late + soon + data === 0 ? "Aucune alerte : le registre est à jour." : `${late} en retard · ${soon} à prévoir · ${data} à corriger`,
    checkedOn: (date: string): string => `Vérification du ${date} ; détail dans la feuille « Alertes ».`,
    openSheet: "Ouvrir la feuille Alertes",
    kept: (count: number): string =>
      `${plural(count, "cellule", "cellules")} des colonnes du complément ${count <= 1 ? "contient" : "contiennent"} une saisie : laissée${count <= 1 ? "" : "s"} telle${count <= 1 ? "" : "s"} quelle${count <= 1 ? "" : "s"}.`,
    orphans: "Lignes sans convention du registre",
    goTo: (place: string): string => `Aller à ${place}`,
    none: "Aucune alerte pour cette convention.",
  },
};

export const REPORTS = {
  title: "Rapports",
  intro: "Chaque rapport est ajouté au classeur dans une nouvelle feuille, affichée aussitôt et prête à imprimer. Le registre lui-même n'est pas modifié.",
  notAdopted: "Le registre n'est pas encore adopté : confirmez ses colonnes dans l'onglet « Registre », puis revenez ici.",
  authority: "Collectivité (sous le titre)",
  authorityHint: "Facultatif ; gardée dans le classeur pour les prochains rapports.",
  annualTitle: "Rapport annuel",
  year: "Année",
  yearHint: (year: number): string => `Proposée : ${year}. Le rapport de l'année en cours s'arrête à la date du jour.`,
  annual: "Créer le rapport annuel",
  committeeTitle: "Rapport de comité de suivi",
  convention: "Convention",
  selectedRow: "Celle de la ligne sélectionnée dans Excel",
  conventionHint: "Cliquez dans Excel sur la ligne de la convention (ou d'un de ses comités), puis sur le bouton ; ou choisissez-la dans la liste.",
  committee: "Créer le rapport de comité",
  annualWorking: "Préparation du rapport annuel…",
  committeeWorking: "Préparation du rapport de comité…",
  writing: "Écriture du rapport dans le classeur…",
  annualDone: (year: number, sheet: string): string => `Rapport annuel ${year} ajouté : feuille « ${sheet} ».`,
  committeeDone: (reference: string, sheet: string): string => `Rapport de comité de « ${reference} » ajouté : feuille « ${sheet} ».`,
  noConventionHere: (place: string | null): string =>
    `${place === null ? "La cellule sélectionnée" : `La cellule sélectionnée (${place})`} n'est sur aucune ligne du registre. ` +
    "Cliquez dans la ligne de la convention (ou d'un de ses comités, échéances ou avenants), ou choisissez la convention dans la liste, puis recommencez.",
  unknownConvention: (reference: string): string =>
    `« ${reference} » n'est plus une convention du registre (référence modifiée ou ligne supprimée) : la liste a été mise à jour, choisissez à nouveau.`,
};

export const IMPORT = {
  title: "Importer une délibération",
  intro:
    "Déposez le PDF de la délibération ou collez son texte : le complément en tire la convention et ses échéances. " +
    "Vérifiez et corrigez chaque valeur : rien n'est écrit dans le classeur avant « Ajouter au registre ».",
  dropHint: "Déposez ici le PDF de la délibération, ou :",
  choosePdf: "Choisir un PDF…",
  pdfTextOnly: "Seul le texte du PDF est lu, dans le volet (rien n'est envoyé) ; un PDF numérisé (des images) ne donne rien : pas de reconnaissance de caractères.",
  readingPdf: (file: string): string => `Lecture du PDF « ${file} »…`,
  pdfNotRead: (file: string): string => `« ${file} » n'a pas pu être lu.`,
  pdfReaderNotLoaded: "Le lecteur de PDF n'a pas pu être chargé depuis le serveur du complément : vérifiez la connexion et réessayez, ou collez le texte de la délibération.",
  textLabel: "Texte de la délibération",
  analyse: "Analyser le texte",
  analysing: "Analyse du texte…",
  empty: "Collez d'abord le texte de la délibération.",
  nothingFound: "Aucune information de délibération n'a été trouvée dans ce texte (séance, tampons, convention, durée…).",
  readTitle: "Ce que le texte donne",
  sentence: "Passage : ",
  recurringTitle: "Obligations récurrentes et jalons",
  rowTitle: "Ligne de la convention",
  rowIntro: "Les valeurs écrites dans les colonnes du registre ; corrigez-les ici (les dates en jj/mm/aaaa).",
  deadlinesTitle: (count: number): string => (count === 0 ? "Aucune échéance proposée" : `${plural(count, "échéance", "échéances")} (feuille des échéances)`),
  deadline: (index: number): string => `Échéance ${index}`,
  append: "Ajouter au registre",
  appending: "Ajout au registre…",
  added: (reference: string, sheet: string, row: number, deadlines: number): string =>
    `Convention « ${reference} » ajoutée à la ligne ${row} de la feuille « ${sheet} »` +
    `${deadlines === 0 ? "" : `, avec ${plural(deadlines, "échéance", "échéances")}`}.`,
  deadlinesLeftOut: (count: number): string =>
    `${plural(count, "échéance n'a pas été écrite", "échéances n'ont pas été écrites")} : le registre n'a pas de tableau des échéances.`,
  goTo: "Voir la ligne",
};

export const EXPORT = {
  button: "Exporter les échéances",
  working: "Préparation du calendrier…",
  ready: (events: number): string =>
    events === 0 ? "Aucune échéance à venir : le calendrier est vide." : `${plural(events, "échéance", "échéances")} dans le calendrier (fichier iCalendar, à ouvrir avec Outlook, Thunderbird ou Google Agenda).`,
  download: "Télécharger echeances.ics",
  fileName: "echeances.ics",
  copyTitle: "Le téléchargement ne démarre pas ? Copier le calendrier",
  copyTitleOnly: "Copier le calendrier",
  copyHelp:
    "Copiez le calendrier, collez-le dans un nouveau document texte (Bloc-notes) et enregistrez-le sous le nom echeances.ics (type « Tous les fichiers », codage UTF-8), puis ouvrez ce fichier avec votre agenda.",
  noDownloadHelp:
    "Excel pour Mac n'enregistre pas de fichier depuis un volet : copiez le calendrier, collez-le dans un nouveau document texte " +
    "(TextEdit : Format › Convertir au format texte) et enregistrez-le sous le nom echeances.ics, puis ouvrez ce fichier avec votre agenda (Calendrier, Outlook).",
  textLabel: "Texte du calendrier (iCalendar)",
  copy: "Copier le calendrier",
  copied: "Calendrier copié : collez-le dans un document texte et enregistrez-le sous le nom echeances.ics.",
  selected: "Le calendrier est sélectionné dans le champ ci-dessus : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.",
};

/** Why the imported rows cannot be appended. */
export function appendProblemMessage(problem: AppendProblem): string {
  switch (problem.code) {
    case "duplicate_reference":
      return `La référence « ${problem.reference} » est déjà celle d'une convention du registre : choisissez-en une autre.`;
    case "invalid_value":
      return errorMessage(problem.error);
    case "missing_value":
      return `${problem.field} : valeur obligatoire.`;
  }
}

/** Why a report was not made (the workbook unchanged). */
export function reportRefusalMessage(refusal: ReportRefusal): string {
  if (refusal.code === "unknown_convention") return REPORTS.unknownConvention(refusal.reference);
  const { place } = refusal;
  return REPORTS.noConventionHere(place === null ? null : cellPlace({ sheet: place.sheet, row: place.row + 1, column: columnLetter(place.column) }));
}

/** The French message of a refusal by Excel: what happened and what to do; the workbook is unchanged. */
export function gatewayErrorMessage(error: GatewayError): string {
  const sheet = error.sheet === undefined ? "" : ` « ${error.sheet} »`;
  switch (error.code) {
    case "sheet_protected":
      return `La feuille${sheet} est protégée : le complément n'y écrit pas. Ôtez la protection (Révision › Ôter la protection de la feuille), puis recommencez. Rien n'a été modifié.`;
    case "sheet_missing":
      return `La feuille${sheet} n'existe plus dans le classeur (renommée ou supprimée). Revoyez la correspondance du registre. Rien n'a été modifié.`;
    case "busy":
      return "Excel est occupé (une cellule est peut-être en cours de modification) : validez la saisie en cours avec Entrée, puis recommencez.";
    case "too_large":
      return `${error.sheet === undefined ? "Le classeur dépasse" : `La feuille « ${error.sheet} » dépasse`} ce qu'Excel échange en une fois avec un complément (5 Mo sur le web), ou a des valeurs isolées loin du registre (Ctrl+Fin montre la dernière cellule utilisée) : rien n'a été modifié. Supprimez-les ou archivez les conventions terminées, puis recommencez.`;
    case "inactive":
      return "Ce classeur n'était plus le classeur actif d'Excel : rien n'a été modifié. Revenez-y, puis recommencez.";
    case "refused":
      return `Excel a refusé l'opération${error.detail === undefined ? "" : ` (${error.detail})`} : elle n'a pas abouti. Recommencez ; si le message revient, signalez-le avec ce texte.`;
  }
}

/** The message of an unexpected failure (a bug): said plainly, with its detail for the support. */
export function unexpectedPaneError(detail: string): string {
  return `Une erreur inattendue est survenue : ${detail}. L'action n'a pas abouti ; signalez ce message au support.`;
}

/**
 * An Excel without the requirement sets the add-in needs (src/excel/requirements.ts): what it
 * lacks, and what to do. The register's actions are not offered; the help and the diagnostic are.
 */
export function oldExcelMessage(missing: readonly RequirementSet[]): string {
  const sets = missing.map((set) => `${set.name} ${set.version}`).join(", ");
  return (
    `Cette version d'Excel est trop ancienne pour le registre : il lui manque ${missing.length <= 1 ? "l'ensemble d'API" : "les ensembles d'API"} ${sets}. ` +
    "Mettez Excel à jour (Fichier › Compte › Options de mise à jour › Mettre à jour), ou ouvrez le classeur dans Excel sur le web. " +
    "Rien n'a été modifié ; l'aide des fonctions et l'onglet « Diagnostic » restent disponibles."
  );
}
