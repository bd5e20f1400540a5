/**
 * The core's schemas are zod/mini's: the pane's Content-Security-Policy has no 'unsafe-eval', and
 * zod's full API compiles object parsers with `new Function` (and probes for it as soon as an
 * object schema is made, which the policy reports as a violation). zod/mini never does.
 */
describe("zod without code generation", () => {
  test("making the register's schemas and parsing a mapping file never calls Function", () => {
    const probe = jest.spyOn(globalThis, "Function");
    try {
      jest.isolateModules(() => {
        // Loaded afresh: the schemas are made here, under the spy.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { parseExplicitMapping } = require("../../../src/core/register/detectMapping") as typeof import("../../../src/core/register/detectMapping");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { readField } = require("../../../src/core/register/registerSchema") as typeof import("../../../src/core/register/registerSchema");
        expect(parseExplicitMapping({ conventions: { feuille: "Suivi", ligne: 2, colonnes: { Référence: "A" } } }).ok).toBe(true);
        expect(parseExplicitMapping({ conventions: { ligne: 0 } }).ok).toBe(false);
        expect(readField("conventions", "start", "15/07/2024").ok).toBe(true);
      });
      expect(probe).not.toHaveBeenCalled();
    } finally {
      probe.mockRestore();
    }
  });
});
