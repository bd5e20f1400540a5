/**
 * The diagnostic's words: a French sentence for every result a probe can give, what was read said
 * plainly, and the report for the support (dates as dd/mm/yyyy, each probe marked OK or ÉCHEC).
 */
import { HostEnvironment, ProbeResult } from "../../src/excel/diagnostic";
import { REQUIRED_SETS } from "../../src/excel/requirements";
import { diagnosticReport, environmentLines, probeSentence, requirementLines } from "../../src/i18n/diagnostic.fr";
import { functionLanguageOf, functionName } from "../../src/plans/functionNames";
import { d } from "../helpers/dates";

const OUTLINE = { sheets: ["Conventions (Visible)"], tables: ["Conventions"], names: [], activeSheet: "Conventions" };

const RESULTS: ProbeResult[] = [
  { code: "round_trip", ok: true, milliseconds: 42 },
  { code: "text_stays_text", ok: false, written: "=1+1", read: { value: 2, type: "Double" } },
  { code: "custom_function", ok: false, formula: "=CONV.DATE.FIN(45488,36)", expected: 46582, read: { value: "#BUSY!", type: "Error" }, reads: 20 },
  { code: "custom_function", ok: false, formula: "=CONV.DATE.FIN(45488,36)", expected: 46582, read: { value: 46581, type: "Double" }, reads: 1 },
  { code: "table_rows_add", ok: false, rowsBefore: 1, rowsAfter: 1, newRow: [{ value: "b", type: "String" }, { value: "", type: "Empty" }] },
  { code: "settings_rewrite", ok: false, visibility: "Hidden", rewritten: { value: "2", type: "String" }, removed: true },
  { code: "workbook_unchanged", ok: false, before: OUTLINE, after: { ...OUTLINE, sheets: [...OUTLINE.sheets, "Diagnostic_Registre (Hidden)"] } },
  { code: "refused", ok: false, step: "table_rows_add", errorCode: "InvalidOperation", message: "L'opération n'est pas autorisée." },
  { code: "sheets_left", ok: false, sheets: ["Diagnostic_Registre", "Diagnostic_Parametres"], errorCode: "GeneralException", message: "Erreur interne." },
];

const ENVIRONMENT: HostEnvironment = {
  host: "Excel",
  platform: "PC",
  version: "16.0.18129.20158",
  displayLanguage: "fr-FR",
  functionLanguage: "fr",
  requirements: REQUIRED_SETS.map((set) => ({ set, supported: set.name !== "CustomFunctionsRuntime" })),
};

describe("the diagnostic's sentences", () => {
  test("every result has its sentence, and what was read is said", () => {
    const sentences = RESULTS.map(probeSentence);
    for (const sentence of sentences) expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
    expect(sentences).toEqual([
      "Aller-retour avec Excel : 42 ms pour une requête.",
      "Un texte « =1+1 » écrit au format texte est relu comme la valeur 2 : Excel l'a interprété. Le complément écrit ainsi les textes du registre.",
      "La formule =CONV.DATE.FIN(45488,36) est encore en calcul après 20 lectures : les fonctions CONV ne répondent pas.",
      "La formule =CONV.DATE.FIN(45488,36) donne la valeur 46581 au lieu du 14/07/2027.",
      "Un tableau ne s'est pas agrandi comme prévu par « rows.add » : 1 puis 1 lignes de données, ligne ajoutée lue le texte « b » et une cellule vide.",
      "Une feuille très masquée ne s'est pas comportée comme prévu : visibilité relue « Hidden », valeur réécrite relue le texte « 2 », supprimée.",
      "Le classeur a changé pendant le diagnostic : avant, feuilles Conventions (Visible) ; tableaux Conventions ; noms aucun ; feuille active « Conventions » ; " +
        "après, feuilles Conventions (Visible), Diagnostic_Registre (Hidden) ; tableaux Conventions ; noms aucun ; feuille active « Conventions ».",
      "Ligne ajoutée à un tableau : Excel a refusé l'opération (InvalidOperation : L'opération n'est pas autorisée.).",
      "Les feuilles temporaires n'ont pas pu être supprimées (GeneralException : Erreur interne.). Si « Diagnostic_Registre » ou « Diagnostic_Parametres » " +
        "apparaît dans le classeur, supprimez-la (clic droit sur son onglet › Supprimer ; une feuille masquée se montre par clic droit sur un onglet › Afficher).",
    ]);
  });

  test("the host's facts and sets, Windows named, an unsupported set in capitals", () => {
    expect(environmentLines(ENVIRONMENT)).toEqual([
      ["Application", "Excel"],
      ["Plateforme", "Windows (PC)"],
      ["Version", "16.0.18129.20158"],
      ["Langue d'affichage", "fr-FR"],
      ["Noms des fonctions", "français (CONV.DATE.FIN)"],
    ]);
    expect(requirementLines(ENVIRONMENT)).toEqual(["ExcelApi 1.9 : pris en charge", "CustomFunctionsRuntime 1.2 : NON pris en charge", "SharedRuntime 1.1 : pris en charge"]);
    expect(requirementLines({ ...ENVIRONMENT, requirements: null })).toEqual(["Office ne dit pas quels ensembles d'API cet Excel prend en charge."]);
  });

  test("the report: dated, the host, the sets, each probe marked; without probes before they run", () => {
    const report = diagnosticReport(ENVIRONMENT, RESULTS.slice(0, 2), d("2026-11-29"));
    expect(report.split("\n")).toEqual([
      "Registre des conventions — diagnostic du 29/11/2026",
      "Application : Excel",
      "Plateforme : Windows (PC)",
      "Version : 16.0.18129.20158",
      "Langue d'affichage : fr-FR",
      "Noms des fonctions : français (CONV.DATE.FIN)",
      "Ensembles d'API nécessaires :",
      "- ExcelApi 1.9 : pris en charge",
      "- CustomFunctionsRuntime 1.2 : NON pris en charge",
      "- SharedRuntime 1.1 : pris en charge",
      "Essais :",
      "- [OK] Aller-retour avec Excel : 42 ms pour une requête.",
      `- [ÉCHEC] ${probeSentence(RESULTS[1])}`,
    ]);
    expect(diagnosticReport(ENVIRONMENT, null, d("2026-11-29"))).not.toContain("Essais");
  });
});

describe("the functions' names by display language (the manifest's overrides)", () => {
  test.each([
    ["fr-FR", "fr", "CONV.DATE.FIN"],
    ["en-US", "en", "CONV.END_DATE"],
    ["EN-gb", "en", "CONV.END_DATE"],
    ["en-AU", "fr", "CONV.DATE.FIN"],
    ["de-DE", "fr", "CONV.DATE.FIN"],
  ])("%s: %s names", (displayLanguage, language, name) => {
    expect(functionLanguageOf(displayLanguage)).toBe(language);
    expect(functionName("END_DATE", functionLanguageOf(displayLanguage))).toBe(name);
  });

  test("an unknown function is a programming error, never a formula", () => {
    expect(() => functionName("NOPE", "en")).toThrow("Unknown custom function NOPE");
  });
});
