/**
 * The names the set-up writes its formulas with are those of the metadata Excel loads: French by
 * default, English for the manifest's overrides (office-js #891: Excel takes a custom function by
 * its name in the loaded metadata, not by its id).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ENGLISH_METADATA_LOCALES, functionLanguageOf, functionName, functionNames } from "../../src/plans/functionNames";
import { computedColumns } from "../../src/plans/setupRegister";
import { FunctionsMetadata, localizeFunctionsMetadata } from "../../scripts/localize-functions";
import frenchFunctions from "../../src/i18n/functions.fr.json";

const ROOT = join(__dirname, "..", "..");

describe("the custom functions' names in formulas", () => {
  test("the English metadata's locales are the manifest's overrides of Functions.Metadata.Url", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const metadata = /<bt:Url id="Functions\.Metadata\.Url"[^>]*>([\s\S]*?)<\/bt:Url>/.exec(manifest)?.[1] ?? "";
    const overrides = [...metadata.matchAll(/<bt:Override Locale="([^"]+)" Value="[^"]*functions\.json"\/>/g)].map((m) => m[1]);
    expect(overrides).toEqual(ENGLISH_METADATA_LOCALES);
  });

  test("each language's names are those of its metadata file (functions.json generated from the code, functions.fr.json from it)", async () => {
    const generated = await generateCustomFunctionsMetadata(join(ROOT, "src", "functions", "functions.ts"), false);
    const english = JSON.parse(generated.metadataJson) as FunctionsMetadata;
    const french = localizeFunctionsMetadata(english, frenchFunctions);
    const namespace = frenchFunctions.namespace;
    expect(functionNames("en").sort()).toEqual(english.functions.map((f) => `${namespace}.${f.name}`).sort());
    expect(functionNames("fr").sort()).toEqual(french.functions.map((f) => `${namespace}.${f.name}`).sort());
  });

  test("the display language chooses the metadata: English for the overrides, French for every other one", () => {
    expect(functionLanguageOf("en-US")).toBe("en");
    expect(functionLanguageOf("EN-gb")).toBe("en");
    expect(functionLanguageOf("fr-FR")).toBe("fr");
    expect(functionLanguageOf("de-DE")).toBe("fr");
    expect(functionLanguageOf(null)).toBe("fr");
    expect(functionName("END_DATE", "en")).toBe("CONV.END_DATE");
    expect(functionName("END_DATE", "fr")).toBe("CONV.DATE.FIN");
  });

  test("the set-up's formulas call the functions by the names of the language asked, and only those", () => {
    for (const language of ["fr", "en"] as const) {
      const other = language === "fr" ? "en" : "fr";
      const formulas = computedColumns(language).map((c) => c.formula);
      const called = formulas.flatMap((f) => [...f.matchAll(/\bCONV\.[\p{L}\p{N}_.]+(?=\()/gu)].map((m) => m[0]));
      expect(called.length).toBeGreaterThan(3);
      for (const name of called) expect([name, functionNames(language).includes(name), functionNames(other).includes(name)]).toEqual([name, true, false]);
    }
  });
});
