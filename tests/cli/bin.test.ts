/**
 * The real `registre` bin, as a user runs it: node bin/registre.js on the compiled command line
 * (lib/, built by `npm test` before jest runs; built here when missing or older than the sources:
 * ensureBuiltCli).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { simplePdf } from "../fixtures/pdf/makePdfs";
import { run, staffWorkbook, tempDir } from "./cliHelpers";
import { ROOT, ensureBuiltCli } from "../helpers/boundedCli";

const temp = tempDir();
afterAll(() => temp.remove());

beforeAll(ensureBuiltCli);

function registre(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "registre.js"), ...args], { cwd: temp.dir, encoding: "utf8" });
}

/** The bin run under a preload that cannot find the package `name` (nor any of its files), as in an installation without it. */
function registreWithout(name: string, ...args: string[]) {
  const preload = join(temp.dir, `without-${name}.cjs`);
  writeFileSync(
    preload,
    `const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === ${JSON.stringify(name)} || request.startsWith(${JSON.stringify(`${name}/`)})) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: "MODULE_NOT_FOUND" });
  return resolve.call(this, request, ...rest);
};
`,
  );
  return spawnSync(process.execPath, ["--require", preload, join(ROOT, "bin", "registre.js"), ...args], { cwd: temp.dir, encoding: "utf8" });
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

  const without = registreWithout("pdfjs-dist", "importer", "deliberation.pdf");
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

test("node bin/registre.js verifier, ics and aide start without ExcelJS (only the commands that write a workbook load it)", async () => {
  const file = await staffWorkbook(temp.dir);
  const withoutExcelJs = (...args: string[]) => registreWithout("exceljs", ...args);
  const checked = withoutExcelJs("verifier", file, "--json", "--date", "2026-03-01");
  expect(checked.stderr).toBe("");
  expect(checked.status).toBe(0);
  expect(JSON.parse(checked.stdout)).toEqual(JSON.parse(registre("verifier", file, "--json", "--date", "2026-03-01").stdout));
  const ics = withoutExcelJs("ics", file, "--date", "2026-03-01", "--sortie", join(temp.dir, "sans-exceljs.ics"));
  expect([ics.status, ics.stderr]).toEqual([0, ""]);
  expect(withoutExcelJs("aide").stderr).toBe("");
});
