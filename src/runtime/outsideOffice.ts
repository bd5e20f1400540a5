/**
 * Runs before the custom functions' bundle. The build appends `CustomFunctions.associate(...)`
 * calls to src/functions/functions.ts; inside Excel, Office.js provides that global. When the page
 * is opened outside Office (a plain browser, a check of the built site), Office.js is absent and
 * those calls would throw: this stands in for the global with a registration that does nothing,
 * so the help page stays usable and the console clean. Inside Office it does nothing at all.
 */
interface CustomFunctionsStandIn {
  associate(id: string, implementation: unknown): void;
}

const scope = globalThis as unknown as { Office?: unknown; CustomFunctions?: CustomFunctionsStandIn };

if (scope.Office === undefined && scope.CustomFunctions === undefined) {
  scope.CustomFunctions = {
    associate: () => undefined,
  };
  console.info("Hors d'Office : les fonctions CONV ne sont pas enregistrées (elles le sont dans Excel).");
}

export {};
