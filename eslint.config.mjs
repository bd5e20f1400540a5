// ESLint flat config: typescript-eslint's recommended rules on the TypeScript, ESLint's on the
// JavaScript build scripts; `any` is an error everywhere.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import layers from "./eslint/layers.mjs";

export default defineConfig([
  globalIgnores(["dist/", "node_modules/", "coverage/", "build-tsc/", "build-test/", "build-bench/", "lib/"]),
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    languageOptions: { globals: globals.browser },
    plugins: { layers },
    // Each folder of src/ imports only from the layers below it (eslint/layers.mjs, README "Architecture").
    rules: { "layers/allowed-imports": "error" },
  },
  {
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // The fake Office host runs in the browser page, in place of office.js.
    files: ["tests/browser/fakeOffice/**/*.ts"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
]);
