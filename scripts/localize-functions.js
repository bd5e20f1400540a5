/**
 * French custom-functions metadata from the generated English one (functions.json) and the French
 * texts of src/i18n/functions.fr.json. Pure: no file is read or written here (the webpack plugin
 * in webpack.config.js and the tests do that), nothing passed in is changed.
 *
 * Excel keeps the function `id` and shows the localized `name`, `description` and parameter
 * `name`/`description` (see "Localize custom functions" in the Office add-ins documentation).
 *
 * @example
 * localizeFunctionsMetadata(
 *   { functions: [{ id: "END_DATE", name: "END_DATE", parameters: [{ name: "start", type: "any" }] }] },
 *   { functions: [{ id: "END_DATE", name: "DATE.FIN", description: "…",
 *                   parameters: [{ id: "start", name: "debut", optional: false, description: "…" }] }] },
 * ).functions[0].name // "DATE.FIN"
 */
"use strict";

/**
 * @typedef {{ name: string, description?: string, optional?: boolean, [key: string]: unknown }} MetadataParameter
 * @typedef {{ id: string, name: string, description?: string, parameters: MetadataParameter[], [key: string]: unknown }} MetadataFunction
 * @typedef {{ functions: MetadataFunction[], [key: string]: unknown }} FunctionsMetadata
 * @typedef {{ id: string, name: string, optional: boolean, description: string }} FrenchParameter
 * @typedef {{ id: string, name: string, description: string, parameters: FrenchParameter[] }} FrenchFunction
 * @typedef {{ functions: FrenchFunction[] }} FrenchTexts
 */

function fail(message) {
  throw new Error(`Localisation des fonctions : ${message}`);
}

function requireText(value, where) {
  if (typeof value !== "string" || value.trim() === "") fail(`${where} : texte manquant.`);
  return value;
}

/**
 * The French functions.json: same content as `metadata`, with each function's and each
 * parameter's name and description taken from `fr`.
 * Throws when a function or a parameter has no French entry, when a French entry names a function
 * or a parameter that does not exist (a stale translation), when parameters are not in the same
 * order, or when a parameter's "optional" flag disagrees with the metadata.
 * @param {FunctionsMetadata} metadata
 * @param {FrenchTexts} fr
 * @returns {FunctionsMetadata}
 */
function localizeFunctionsMetadata(metadata, fr) {
  if (!metadata || !Array.isArray(metadata.functions)) fail("les métadonnées n'ont pas de liste « functions ».");
  if (!fr || !Array.isArray(fr.functions)) fail("le fichier français n'a pas de liste « functions ».");

  /** @type {Map<string, FrenchFunction>} */
  const frenchById = new Map();
  for (const entry of fr.functions) {
    const id = requireText(entry && entry.id, "une entrée française sans identifiant");
    if (frenchById.has(id)) fail(`la fonction ${id} a deux entrées françaises.`);
    frenchById.set(id, entry);
  }

  const knownIds = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of frenchById.keys()) {
    if (!knownIds.has(id)) fail(`l'entrée française ${id} ne correspond à aucune fonction (traduction périmée ?).`);
  }

  const functions = metadata.functions.map((fn) => {
    const french = frenchById.get(fn.id);
    if (french === undefined) fail(`la fonction ${fn.id} n'a pas d'entrée française.`);
    const parameters = Array.isArray(fn.parameters) ? fn.parameters : [];
    const frenchParameters = Array.isArray(french.parameters) ? french.parameters : [];
    const localizedParameters = parameters.map((parameter, index) => {
      const match = frenchParameters.find((candidate) => candidate && candidate.id === parameter.name);
      if (match === undefined) fail(`le paramètre « ${parameter.name} » de ${fn.id} n'a pas d'entrée française.`);
      if (frenchParameters.indexOf(match) !== index) {
        fail(`le paramètre « ${parameter.name} » de ${fn.id} n'est pas à la même place (${index + 1}) dans le fichier français.`);
      }
      if (Boolean(match.optional) !== Boolean(parameter.optional)) {
        fail(`le paramètre « ${parameter.name} » de ${fn.id} est ${parameter.optional ? "" : "non "}facultatif dans le code, pas dans le fichier français.`);
      }
      return {
        ...parameter,
        name: requireText(match.name, `nom français du paramètre « ${parameter.name} » de ${fn.id}`),
        description: requireText(match.description, `description française du paramètre « ${parameter.name} » de ${fn.id}`),
      };
    });
    if (frenchParameters.length !== parameters.length) {
      const extra = frenchParameters.filter((candidate) => !parameters.some((parameter) => parameter.name === candidate.id));
      fail(`${fn.id} a des paramètres français inconnus : ${extra.map((candidate) => candidate.id).join(", ")}.`);
    }
    return {
      ...fn,
      name: requireText(french.name, `nom français de ${fn.id}`),
      description: requireText(french.description, `description française de ${fn.id}`),
      parameters: localizedParameters,
    };
  });

  return { ...metadata, functions };
}

module.exports = { localizeFunctionsMetadata };
