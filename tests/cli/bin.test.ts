/**
 * The real `registre` bin, as a user runs it: node bin/registre.js on the compiled command line
 * (lib/, built by `npm test` before jest runs; built here when missing or older than the sources,
 * so that `npx jest` alone also tests fresh code).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simplePdf } from "../fixtures/pdf/makePdfs";
import { run, staffWorkbook, tempDir } from "./cliHelpers";

const root = join(__dirname, "..", "..");
const compiled = join(root, "lib", "cli", "main.js");
const temp = tempDir();
afterAll(() => temp.remove());

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestSource(path));
    return entry.name.endsWith(".ts") ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);
}

beforeAll(() => {
  const sources = Math.max(...["cli", "core", "i18n", "excel", "runtime", "pdf"].map((dir) => newestSource(join(root, "src", dir))));
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stdout}${build.stderr}`);
});

function registre(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "bin", "registre.js"), ...args], { cwd: temp.dir, encoding: "utf8" });
}

test("node bin/registre.js importer on a PDF reads its text layer (pdf.js from node_modules); without pdfjs-dist, a French reason", () => {
  const lines = ["Séance du 3 février 2021", "Reçu en préfecture le 05/02/2021", "La convention est conclue pour une durée de trois ans."];
  writeFileSync(join(temp.dir, "deliberation.pdf"), simplePdf([lines]));
  writeFileSync(join(temp.dir, "deliberation.txt"), `${lines.join("\n")}\n`);
  const fromPdf = registre("importer", "deliberation.pdf", "--json");
  expect(fromPdf.stderr).toBe("");
  expect(fromPdf.status).toBe(0);
  const { file, pdf, ...read } = JSON.parse(fromPdf.stdout);
  expect([file, pdf]).toEqual(["deliberation.pdf", { pages: 1, pagesWithoutText: [] }]);
  const fromText = JSON.parse(registre("importer", "deliberation.txt", "--json").stdout);
  expect(read).toEqual({ ...fromText, file: undefined });
  expect(read.fields.term.value.months).toBe(36);

  // A preload under which pdfjs-dist cannot be found, as in an installation without it.
  const preload = join(temp.dir, "without-pdfjs.cjs");
  writeFileSync(
    preload,
    `const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith("pdfjs-dist")) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: "MODULE_NOT_FOUND" });
  return resolve.call(this, request, ...rest);
};
`,
  );
  const without = spawnSync(process.execPath, ["--require", preload, join(root, "bin", "registre.js"), "importer", "deliberation.pdf"], { cwd: temp.dir, encoding: "utf8" });
  expect(without.status).toBe(2);
  expect(without.stdout).toBe("");
  expect(without.stderr).toMatch(/^Le fichier « deliberation\.pdf » est un PDF, mais le lecteur de PDF \(paquet pdfjs-dist\) n'a pas pu être chargé : réinstallez le complément \(npm ci\)/);
});

test("node bin/registre.js verifier … --json prints the same report as main(), exit 0; unusable input exits 2", async () => {
  const file = await staffWorkbook(temp.dir);
  const child = registre("verifier", file, "--json", "--date", "2026-03-01");
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  const report = JSON.parse(child.stdout);
  expect(report.asOf).toBe("2026-03-01");
  expect(report.alerts.length).toBeGreaterThan(0);
  expect(report).toEqual(JSON.parse((await run("verifier", file, "--json", "--date", "2026-03-01")).stdout));

  const missing = registre("verifier", join(temp.dir, "absent.xlsx"));
  expect(missing.status).toBe(2);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toBe(`Le fichier « ${join(temp.dir, "absent.xlsx")} » n'existe pas.\n`);
});

test("node bin/registre.js verifier, ics and --help start without ExcelJS (only the commands that write a workbook load it)", async () => {
  const file = await staffWorkbook(temp.dir);
  // A preload that refuses exceljs and lists what the command loaded.
  const preload = join(temp.dir, "without-exceljs.cjs");
  writeFileSync(
    preload,
    `const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "exceljs" || request.startsWith("exceljs/")) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: "MODULE_NOT_FOUND" });
  return resolve.call(this, request, ...rest);
};
`,
  );
  const withoutExcelJs = (...args: string[]) => spawnSync(process.execPath, ["--require", preload, join(root, "bin", "registre.js"), ...args], { cwd: temp.dir, encoding: "utf8" });
  const checked = withoutExcelJs("verifier", file, "--json", "--date", "2026-03-01");
  expect(checked.stderr).toBe("");
  expect(checked.status).toBe(0);
  expect(JSON.parse(checked.stdout)).toEqual(JSON.parse(registre("verifier", file, "--json", "--date", "2026-03-01").stdout));
  const ics = withoutExcelJs("ics", file, "--date", "2026-03-01", "--sortie", join(temp.dir, "sans-exceljs.ics"));
  expect([ics.status, ics.stderr]).toEqual([0, ""]);
  expect(withoutExcelJs("aide").stderr).toBe("");
});
