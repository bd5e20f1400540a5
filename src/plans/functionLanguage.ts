/**
 * Which names the add-in's functions have in an Excel. A formula written by the add-in
 * (`range.formulas`) names a custom function by the metadata Excel loaded for its display
 * language, not by its id (office-js #891): the manifest serves functions.json (English names,
 * the ids: CONV.END_DATE) to the locales of its overrides, and functions.fr.json (CONV.DATE.FIN)
 * to every other display language, its default. tests/project/manifest.test.ts checks that the
 * manifest's overrides are ENGLISH_METADATA_LOCALES.
 */
import frenchFunctions from "../i18n/functions.fr.json";

/** The display languages for which manifest.xml overrides the functions' metadata with functions.json. */
export const ENGLISH_METADATA_LOCALES: readonly string[] = ["en-US", "en-GB"];

export type FunctionLanguage = "fr" | "en";

/**
 * The language of the function names Excel loaded, from its display language (Office.context.displayLanguage).
 * @example functionLanguage("en-GB") // "en"; functionLanguage("de-DE") // "fr" (the manifest's default)
 */
export function functionLanguage(displayLanguage: string): FunctionLanguage {
  const wanted = displayLanguage.toLowerCase();
  return ENGLISH_METADATA_LOCALES.some((locale) => locale.toLowerCase() === wanted) ? "en" : "fr";
}

/**
 * The full name of the function of this id in a formula, for that language.
 * @example localFunctionName("END_DATE", "fr") // "CONV.DATE.FIN"; localFunctionName("END_DATE", "en") // "CONV.END_DATE"
 */
export function localFunctionName(id: string, language: FunctionLanguage): string {
  const entry = frenchFunctions.functions.find((f) => f.id === id);
  if (entry === undefined) throw new Error(`Unknown custom function ${id}`);
  return `${frenchFunctions.namespace}.${language === "fr" ? entry.name : entry.id}`;
}
