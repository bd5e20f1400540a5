/**
 * The sheets the add-in writes and owns. The single place that names them: the gateway replaces
 * them freely, and the register's detection never reads them as a user's table (a report repeats
 * the conventions' headers and must not be taken for the register).
 */

/** The findings of the last check, rewritten by every "Vérifier". */
export const ALERTS_SHEET = "Alertes";
/** Very hidden sheet holding the add-in's settings for this workbook (the confirmed mapping). */
export const SETTINGS_SHEET = "RegistreConventions_Parametres";

const REPORT_SHEET = /^Rapport \d{4}( \(\d+\))?$/;
/** An en dash, which nobody types in a sheet name: a user's "Comité de suivi" sheet stays theirs. */
const COMMITTEE_SHEET = /^Comité – .+$/;

/** The annual report's sheet name before any " (2)": "Rapport 2025". */
export function reportSheetName(year: number): string {
  return `Rapport ${year}`;
}

/** The comité report's sheet name for a convention ("Comité – TEAM2-2024") (Excel allows 31 characters and no []:*?/\). */
export function committeeSheetName(reference: string): string {
  return `Comité – ${reference.replace(/[[\]:*?/\\]/g, "-")}`.slice(0, 31).trimEnd();
}

/** Whether a sheet is one of the add-in's own (alerts, settings, reports): never read as a register table. */
export function isAddinSheet(name: string): boolean {
  return name === ALERTS_SHEET || name === SETTINGS_SHEET || REPORT_SHEET.test(name) || COMMITTEE_SHEET.test(name);
}
