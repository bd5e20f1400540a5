/**
 * The add-in's custom functions by the name Excel knows them under. Excel takes a custom function
 * in a formula (`range.formulas`) by the name of the metadata it loaded for its display language,
 * not by its id (office-js #891; #6614): a formula written with the French name in an Excel that
 * loaded the English metadata is #NAME?. The manifest says which metadata each display language
 * loads (Functions.Metadata.Url: French by default, English for the locales of its overrides); a
 * test (tests/plans/functionNames.test.ts) keeps ENGLISH_METADATA_LOCALES equal to those overrides
 * and the English names equal to the generated functions.json.
 */
import frenchFunctions from "../i18n/functions.fr.json";

/** The language of the custom functions' metadata Excel loaded. */
export type FunctionLanguage = "fr" | "en";

/** The display languages for which the manifest overrides the metadata with the English functions.json. */
export const ENGLISH_METADATA_LOCALES: readonly string[] = ["en-US", "en-GB"];

/**
 * The metadata's language for Excel's display language (`Office.context.displayLanguage`): the
 * English one for the manifest's overrides, the French default for every other language (and when
 * the language is unknown).
 * @example functionLanguageOf("en-GB") // "en"; functionLanguageOf("de-DE") // "fr"
 */
export function functionLanguageOf(displayLanguage: string | null | undefined): FunctionLanguage {
  if (displayLanguage === null || displayLanguage === undefined) return "fr";
  const wanted = displayLanguage.toLowerCase();
  return ENGLISH_METADATA_LOCALES.some((locale) => locale.toLowerCase() === wanted) ? "en" : "fr";
}

/**
 * A function's name in a formula, namespace included: the French metadata's name, or the English
 * one (the id: functions.json names each function by its `@customfunction` id).
 * @example functionName("END_DATE", "fr") // "CONV.DATE.FIN"; functionName("END_DATE", "en") // "CONV.END_DATE"
 */
export function functionName(id: string, language: FunctionLanguage = "fr"): string {
  const found = frenchFunctions.functions.find((f) => f.id === id);
  if (found === undefined) throw new Error(`Unknown custom function ${id}`);
  return `${frenchFunctions.namespace}.${language === "fr" ? found.name : found.id}`;
}

/** Every function's name in one language, namespace included (what a formula may call). */
export function functionNames(language: FunctionLanguage): string[] {
  return frenchFunctions.functions.map((f) => functionName(f.id, language));
}
