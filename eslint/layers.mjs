/**
 * The project's layers as a lint rule: each folder of src/ may import only from the folders below it
 * (README, "Architecture"). A relative import is resolved against the importing file and its folder
 * looked up here; a package import must be one the layer is allowed. `npm run lint` fails on an
 * upward import (tests/project/layers.test.ts shows it on a deliberate one).
 */
import path from "node:path";

/** Folders under src/, most specific first, each with what it may import. */
export const LAYERS = [
  // The core is pure: no words, no Office, no DOM, no files. Inside it, foundations first.
  { folder: "core/base", imports: ["core/base"], typeImports: ["core/dates/calendarDate"] },
  { folder: "core/dates", imports: ["core/base", "core/dates"] },
  { folder: "core/text", imports: ["core/base", "core/dates", "core/text"] },
  { folder: "core/cells", imports: ["core/base", "core/dates", "core/text", "core/cells"] },
  // The reader reports unreadable cells as findings (their type only is the check's).
  { folder: "core/register", imports: ["core/base", "core/dates", "core/text", "core/cells", "core/register", "core/check/findings"], packages: ["zod/mini"] },
  { folder: "core/rules", imports: ["core/base", "core/dates", "core/text", "core/cells", "core/register", "core/rules"] },
  { folder: "core/check", imports: ["core/base", "core/dates", "core/text", "core/cells", "core/register", "core/rules", "core/check"] },
  { folder: "core/report", imports: ["core/base", "core/dates", "core/text", "core/cells", "core/register", "core/rules", "core/check", "core/report"] },
  { folder: "core/calendar", imports: ["core/base", "core/dates", "core/text", "core/cells", "core/register", "core/rules", "core/check", "core/calendar"] },
  { folder: "core/deliberation", imports: ["core/base", "core/dates", "core/text", "core/cells", "core/register", "core/rules", "core/deliberation"] },
  // Words: values from the core only; the codes of upper layers it phrases come in as types.
  { folder: "i18n", imports: ["core", "i18n"], typeImports: ["plans", "excel", "actions", "cli", "pdf"] },
  // What the add-in writes (sheets, settings, .ics), as data, in French.
  { folder: "plans", imports: ["core", "i18n", "plans"] },
  // The gateways: Office.js, in memory, ExcelJS on files.
  { folder: "excel", imports: ["core", "plans", "excel"], packages: ["exceljs", "jszip", "saxes", "yauzl", "node:*"] },
  // The register's actions, shared by the pane, the ribbon and the command line.
  { folder: "actions", imports: ["core", "i18n", "plans", "excel", "actions"] },
  // The only clock, and what stands in for Office outside Excel.
  { folder: "runtime", imports: ["core", "runtime"] },
  // Reading a PDF's text layer (pdf.js), for the pane and the command line.
  { folder: "pdf", imports: ["pdf"], packages: ["pdfjs-dist", "pdfjs-dist/*", "node:*"] },
  { folder: "functions", imports: ["core", "i18n", "runtime", "functions"] },
  { folder: "commands", imports: ["core", "i18n", "excel", "actions", "runtime", "commands"] },
  { folder: "taskpane", imports: ["core", "i18n", "plans", "excel", "actions", "runtime", "pdf", "taskpane"], packages: ["@fluentui/*", "@microsoft/*"] },
  { folder: "cli", imports: ["core", "i18n", "plans", "excel", "actions", "runtime", "pdf", "cli"], packages: ["*"] },
];

const within = (folder, target) => target === folder || target.startsWith(folder + "/");
const layerOf = (srcPath) => LAYERS.find((layer) => within(layer.folder, srcPath));
const matchesPackage = (pattern, name) =>
  pattern === "*" || pattern === name || (pattern.endsWith("/*") && name.startsWith(pattern.slice(0, -1))) || (pattern === "node:*" && name.startsWith("node:"));

/** @type {import("eslint").Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: "problem",
    docs: { description: "Each layer of src/ imports only from the layers below it." },
    messages: {
      upward: "{{from}} may not import {{to}}: a layer imports only from those below it ({{allowed}}).",
      typeOnly: "{{from}} may import only types from {{to}} (use `import type`).",
      package: "{{from}} may not import the package \"{{name}}\" (allowed: {{allowed}}).",
      outside: "{{from}} imports {{to}}, outside src/.",
      unlisted: "{{file}} is in no layer of eslint/layers.mjs: add its folder there, with what it may import.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const src = path.join(context.cwd, "src");
    const relFile = path.relative(src, file).split(path.sep).join("/");
    if (relFile.startsWith("..")) return {};
    const layer = layerOf(path.posix.dirname(relFile));
    if (layer === undefined) {
      return { Program: (node) => context.report({ node, messageId: "unlisted", data: { file: relFile } }) };
    }
    const check = (node, source, typeOnly) => {
      if (typeof source !== "string") return;
      if (!source.startsWith(".")) {
        const allowed = layer.packages ?? [];
        if (!allowed.some((pattern) => matchesPackage(pattern, source))) {
          context.report({ node, messageId: "package", data: { from: layer.folder, name: source, allowed: allowed.join(", ") || "none" } });
        }
        return;
      }
      const target = path.relative(src, path.resolve(path.dirname(file), source)).split(path.sep).join("/");
      if (target.startsWith("..")) {
        context.report({ node, messageId: "outside", data: { from: layer.folder, to: source } });
        return;
      }
      if (layer.imports.some((folder) => within(folder, target))) return;
      if ((layer.typeImports ?? []).some((folder) => within(folder, target))) {
        if (!typeOnly) context.report({ node, messageId: "typeOnly", data: { from: layer.folder, to: target } });
        return;
      }
      context.report({ node, messageId: "upward", data: { from: layer.folder, to: target, allowed: layer.imports.join(", ") } });
    };
    const typeOnlyImport = (node) =>
      node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === "Literal") check(node, literal.value, true);
      },
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};

export default { rules: { "allowed-imports": allowedImports } };
