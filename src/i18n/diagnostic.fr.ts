/**
 * The words of the "Diagnostic" tab and of its report for the support: what Excel says of itself,
 * then one sentence per probe of src/excel/diagnostic.ts, made from its code and what it read.
 */
import type { HostEnvironment, ProbeResult, ProbeStep, ReadCell, WorkbookOutline } from "../excel/diagnostic";
import { CalendarDate } from "../core/dates/calendarDate";
import { serialToDate } from "../core/dates/excelSerial";
import { formatDateFr } from "./fr";

export const DIAGNOSTIC = {
  title: "Diagnostic",
  intro:
    "Ce que cet Excel offre au complément, puis quelques essais de ce dont le complément a besoin, faits dans des feuilles temporaires " +
    "supprimées aussitôt : rien d'autre n'est modifié dans le classeur. Le rapport se copie pour le support.",
  hostTitle: "Cet Excel",
  host: "Application",
  platform: "Plateforme",
  version: "Version",
  displayLanguage: "Langue d'affichage",
  functionNames: "Noms des fonctions",
  setsTitle: "Ensembles d'API nécessaires",
  supported: "pris en charge",
  unsupported: "NON pris en charge",
  unknown: "inconnu",
  cannotAsk: "Office ne dit pas quels ensembles d'API cet Excel prend en charge.",
  run: "Lancer les essais dans le classeur",
  running: "Essais en cours dans une feuille temporaire…",
  done: (failures: number): string =>
    failures === 0 ? "Essais terminés : tout fonctionne comme le complément l'attend." : `Essais terminés : ${failures} ${failures === 1 ? "problème" : "problèmes"} (détail ci-dessous).`,
  probesTitle: "Essais",
  ok: "OK",
  failed: "ÉCHEC",
  reportTitle: "Rapport pour le support",
  reportHelp: "Copiez ce rapport et joignez-le à votre demande au support : il ne contient aucune donnée du registre.",
  reportLabel: "Rapport du diagnostic",
  copy: "Copier le rapport",
  copied: "Rapport copié : collez-le dans votre message au support.",
  selected: "Le rapport est sélectionné dans le champ ci-dessus : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.",
};

const PLATFORMS: Readonly<Record<string, string>> = {
  OfficeOnline: "Excel sur le web",
  PC: "Windows",
  Mac: "Mac",
  iOS: "iPad",
  Android: "Android",
  Universal: "Windows (application universelle)",
};

const STEPS: Readonly<Record<ProbeStep, string>> = {
  temporary_sheet: "Préparation des feuilles temporaires",
  round_trip: "Aller-retour avec Excel",
  text_stays_text: "Texte écrit au format texte",
  custom_function: "Fonction CONV du complément",
  table_rows_add: "Ligne ajoutée à un tableau",
  settings_rewrite: "Feuille très masquée réécrite puis supprimée",
};

/** One line per fact of the host, label then value: the tab shows them, the report copies them. */
export function environmentLines(environment: HostEnvironment): [string, string][] {
  const unknown = DIAGNOSTIC.unknown;
  const raw = environment.platform;
  const named = raw === null ? unknown : (PLATFORMS[raw] ?? raw);
  const platform = raw === null || named === raw ? named : `${named} (${raw})`;
  const names = environment.functionLanguage === "en" ? "anglais (CONV.END_DATE)" : "français (CONV.DATE.FIN)";
  return [
    [DIAGNOSTIC.host, environment.host ?? unknown],
    [DIAGNOSTIC.platform, platform],
    [DIAGNOSTIC.version, environment.version ?? unknown],
    [DIAGNOSTIC.displayLanguage, environment.displayLanguage ?? unknown],
    [DIAGNOSTIC.functionNames, names],
  ];
}

/** "ExcelApi 1.9 : pris en charge", one per required set. */
export function requirementLines(environment: HostEnvironment): string[] {
  if (environment.requirements === null) return [DIAGNOSTIC.cannotAsk];
  return environment.requirements.map((r) => `${r.set.name} ${r.set.version} : ${r.supported ? DIAGNOSTIC.supported : DIAGNOSTIC.unsupported}`);
}

function shown(cell: ReadCell): string {
  if (cell.type === "Empty" || cell.value === "") return "une cellule vide";
  if (cell.type === "Error") return `l'erreur ${String(cell.value)}`;
  if (cell.type === "String") return `le texte « ${String(cell.value)} »`;
  return `la valeur ${String(cell.value)}${cell.type === "Double" ? "" : ` (${cell.type})`}`;
}

function serialDate(serial: number): string {
  const date = serialToDate(serial);
  return date.ok ? formatDateFr(date.value) : String(serial);
}

function outline(o: WorkbookOutline): string {
  return `feuilles ${o.sheets.join(", ")} ; tableaux ${o.tables.join(", ") || "aucun"} ; noms ${o.names.join(", ") || "aucun"} ; feuille active « ${o.activeSheet} »`;
}

/** The sentence of one probe's result. */
export function probeSentence(result: ProbeResult): string {
  switch (result.code) {
    case "round_trip":
      return `Aller-retour avec Excel : ${result.milliseconds} ms pour une requête.`;
    case "text_stays_text":
      return result.ok
        ? `Un texte « ${result.written} » écrit au format texte reste du texte.`
        : `Un texte « ${result.written} » écrit au format texte est relu comme ${shown(result.read)} : Excel l'a interprété. Le complément écrit ainsi les textes du registre.`;
    case "custom_function": {
      if (result.ok) return `La formule ${result.formula} donne le ${serialDate(result.expected)} : les fonctions CONV sont chargées et calculent.`;
      const read = String(result.read.value);
      if (read === "#NAME?") {
        return (
          `La formule ${result.formula} donne #NAME? : Excel ne connaît pas les fonctions CONV sous ce nom. ` +
          "Vérifiez que le complément est chargé (Insertion › Compléments › Mes compléments), puis relancez le diagnostic."
        );
      }
      if (read === "#BUSY!" || read === "#GETTING_DATA") return `La formule ${result.formula} est encore en calcul après ${result.reads} lectures : les fonctions CONV ne répondent pas.`;
      return `La formule ${result.formula} donne ${shown(result.read)} au lieu du ${serialDate(result.expected)}.`;
    }
    case "table_rows_add":
      return result.ok
        ? `Un tableau s'agrandit d'une ligne par « rows.add » (${result.rowsBefore} puis ${result.rowsAfter} ligne${result.rowsAfter > 1 ? "s" : ""} de données).`
        : `Un tableau ne s'est pas agrandi comme prévu par « rows.add » : ${result.rowsBefore} puis ${result.rowsAfter} lignes de données, ligne ajoutée lue ${result.newRow.map(shown).join(" et ")}.`;
    case "settings_rewrite":
      return result.ok
        ? "Une feuille très masquée, comme celle des paramètres du complément, se réécrit en place, puis se supprime une fois masquée."
        : `Une feuille très masquée ne s'est pas comportée comme prévu : visibilité relue « ${result.visibility} », valeur réécrite relue ${shown(result.rewritten)}, ${result.removed ? "supprimée" : "non supprimée"}.`;
    case "workbook_unchanged":
      return result.ok
        ? `Le classeur est tel qu'avant le diagnostic : ${result.after.sheets.length} feuilles, ${result.after.tables.length} tableaux, ${result.after.names.length} noms, feuille active « ${result.after.activeSheet} ».`
        : `Le classeur a changé pendant le diagnostic : avant, ${outline(result.before)} ; après, ${outline(result.after)}.`;
    case "refused":
      return `${STEPS[result.step]} : Excel a refusé l'opération (${result.errorCode || "sans code"} : ${result.message}).`;
    case "sheets_left":
      return (
        `Les feuilles temporaires n'ont pas pu être supprimées (${result.errorCode || "sans code"} : ${result.message}). ` +
        `Si ${result.sheets.map((s) => `« ${s} »`).join(" ou ")} apparaît dans le classeur, supprimez-la (clic droit sur son onglet › Supprimer ; ` +
        "une feuille masquée se montre par clic droit sur un onglet › Afficher)."
      );
  }
}

/**
 * The report for the support, as plain text: the date, the host, the requirement sets, the probes.
 * @example diagnosticReport(environment, results, d("2026-11-29")) // "Registre des conventions — diagnostic du 29/11/2026\n…"
 */
export function diagnosticReport(environment: HostEnvironment, results: readonly ProbeResult[] | null, date: CalendarDate): string {
  const lines = [
    `Registre des conventions — diagnostic du ${formatDateFr(date)}`,
    ...environmentLines(environment).map(([label, value]) => `${label} : ${value}`),
    `${DIAGNOSTIC.setsTitle} :`,
    ...requirementLines(environment).map((line) => `- ${line}`),
  ];
  if (results !== null) {
    lines.push(`${DIAGNOSTIC.probesTitle} :`, ...results.map((r) => `- [${r.ok ? DIAGNOSTIC.ok : DIAGNOSTIC.failed}] ${probeSentence(r)}`));
  }
  return lines.join("\n");
}
