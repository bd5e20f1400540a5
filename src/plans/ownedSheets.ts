/**
 * The sheets the add-in writes and owns. The single place that names them: the gateway replaces
 * them freely, and the register's detection never reads them as a user's table (a report repeats
 * the conventions' headers and must not be taken for the register).
 */

/** The findings of the last check, rewritten by every "Vérifier". */
export const ALERTS_SHEET = "Alertes";
/** Very hidden sheet holding the add-in's settings for this workbook (the confirmed mapping). */
export const SETTINGS_SHEET = "RegistreConventions_Parametres";

/**
 * The sheets of a consolidation of registers (`registre consolider`) that are not an "Alertes" or a
 * report: its own, so that a consolidated workbook left in a folder of registers is never read as
 * one more register (its conventions sheet has the register's headers). The en dash keeps a
 * user's sheet out of it.
 */
export const CONSOLIDATION_SHEETS = { registers: "Consolidation – registres", conventions: "Consolidation – conventions" } as const;

const REPORT_SHEET = /^Rapport \d{4}( \(\d+\))?$/;
/** An en dash, which nobody types in a sheet name: a user's "Comité de suivi" sheet stays theirs. */
const COMMITTEE_SHEET = /^Comité – .+$/;

/** The annual report's sheet name before any " (2)": "Rapport 2025". */
export function reportSheetName(year: number): string {
  return `Rapport ${year}`;
}

/**
 * The comité report's sheet name for a convention, whatever its reference holds. Excel refuses a
 * name longer than 31 characters, with one of []:*?/\ or a control character, or that ends with
 * an apostrophe (the reference comes after the prefix, so the name never starts with one).
 * @example committeeSheetName("2024/15") // "Comité – 2024-15"
 */
export function committeeSheetName(reference: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const clean = reference.replace(/[[\]:*?/\\]/g, "-").replace(/[\u0000-\u001f\u007f]+/g, " ");
  return cutSheetName(`Comité – ${clean}`, 31).replace(/[\s']+$/u, "");
}

/**
 * The first `max` UTF-16 units of a name (Excel's count), without splitting a character in two.
 * @example cutSheetName("Comité – 😀", 10) // "Comité – "
 */
export function cutSheetName(name: string, max: number): string {
  const cut = name.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Whether a sheet is one of the add-in's own (alerts, settings, reports, a consolidation's): never read as a register table. */
export function isAddinSheet(name: string): boolean {
  return (
    name === ALERTS_SHEET ||
    name === SETTINGS_SHEET ||
    REPORT_SHEET.test(name) ||
    COMMITTEE_SHEET.test(name) ||
    name === CONSOLIDATION_SHEETS.registers ||
    name === CONSOLIDATION_SHEETS.conventions
  );
}

/**
 * Whether a sheet is something the add-in writes whole and never reads back (the alerts, the
 * reports): a check skips its cells, which on a large register weigh as much as the register.
 */
export function isAddinOutputSheet(name: string): boolean {
  return name !== SETTINGS_SHEET && isAddinSheet(name);
}
