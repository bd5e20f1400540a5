#!/usr/bin/env node
// Renders one sheet of an .xlsx file as LibreOffice prints it: a PDF (soffice --headless
// --convert-to pdf) and one PNG per page (pdftoppm), to look at a report the way it will be
// printed. The other sheets are hidden in a temporary copy (LibreOffice prints only the visible
// ones); the file given is not changed. LibreOffice runs with a throwaway profile set to French
// (fr-FR), so that amounts read "12 500,00 €".
//
//   node scripts/render-report.mjs RAPPORT.xlsx "Rapport 2025" DOSSIER [--resolution 110]
//
// Prints one JSON line: { pdf, pages, width, height, landscape, pngs }. Exit code 0 when rendered,
// 3 when soffice or pdftoppm is missing (with the reason), 1 on any other failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const JSZip = require("jszip");

export const MISSING_TOOL = 3;

/** Whether a program answers on the PATH. */
export function hasProgram(name) {
  const found = spawnSync(name, ["--version"], { encoding: "utf8" });
  return found.error === undefined;
}

const LOCALE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
</oor:items>
`;

/**
 * A copy of the workbook where only `sheet` is visible, and active: no other sheet selected either
 * (a copy written by `registre rapport` keeps the register's own selection, and LibreOffice prints
 * a selected sheet even when it is hidden).
 */
async function onlySheet(bytes, sheet) {
  const zip = await JSZip.loadAsync(bytes);
  const path = "xl/workbook.xml";
  let xml = await zip.file(path).async("string");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  const tags = xml.match(/<sheet\b[^>]*\/>/g) ?? [];
  const index = tags.findIndex((tag) => tag.includes(`name="${escaped}"`) || tag.includes(`name="${sheet}"`));
  if (index < 0) throw new Error(`Pas de feuille « ${sheet} » dans le classeur.`);
  tags.forEach((tag, i) => {
    const bare = tag.replace(/\s+state="[^"]*"/, "");
    xml = xml.replace(tag, i === index ? bare : bare.replace(/<sheet\b/, '<sheet state="hidden"'));
  });
  xml = /activeTab="\d+"/.test(xml)
    ? xml.replace(/activeTab="\d+"/, `activeTab="${index}"`).replace(/firstSheet="\d+"/, 'firstSheet="0"')
    : xml.replace(/<sheets>/, `<bookViews><workbookView activeTab="${index}"/></bookViews><sheets>`);
  zip.file(path, xml);
  for (const part of Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))) {
    const sheetXml = await zip.file(part).async("string");
    if (/\stabSelected="(1|true)"/.test(sheetXml)) zip.file(part, sheetXml.replace(/\stabSelected="(1|true)"/g, ""));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

/**
 * Renders `sheet` of `xlsx` into `outDir`: `<name>.pdf` and `<name>-<page>.png`.
 * @returns {{ pdf: string, pages: number, width: number, height: number, landscape: boolean, pngs: string[] }}
 */
export async function renderSheet(xlsx, sheet, outDir, resolution = 110) {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "registre-rendu-"));
  try {
    const name = basename(xlsx).replace(/\.xlsx$/i, "");
    const copy = join(work, `${name}.xlsx`);
    writeFileSync(copy, await onlySheet(readFileSync(xlsx), sheet));
    const profile = join(work, "profil");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), LOCALE_SETTINGS);
    const converted = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, copy],
      { encoding: "utf8", timeout: 180_000, env: { ...process.env, LANG: "fr_FR.UTF-8" } },
    );
    const produced = join(work, `${name}.pdf`);
    if (converted.status !== 0 || !readdirSync(work).includes(`${name}.pdf`)) {
      throw new Error(`soffice n'a pas produit de PDF : ${converted.stderr || converted.stdout || converted.error}`);
    }
    const pdf = join(outDir, `${name}.pdf`);
    writeFileSync(pdf, readFileSync(produced));
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout ?? "";
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    const width = Number(size?.[1] ?? 0);
    const height = Number(size?.[2] ?? 0);
    for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))) rmSync(join(outDir, old));
    const pictures = spawnSync("pdftoppm", ["-png", "-r", String(resolution), pdf, join(outDir, name)], { encoding: "utf8" });
    if (pictures.status !== 0) throw new Error(`pdftoppm a échoué : ${pictures.stderr}`);
    const pngs = readdirSync(outDir)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
      .sort()
      .map((f) => join(outDir, f));
    return { pdf, pages, width, height, landscape: width > height, pngs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [xlsx, sheet, outDir, ...rest] = process.argv.slice(2);
  if (xlsx === undefined || sheet === undefined || outDir === undefined) {
    console.error('Utilisation : node scripts/render-report.mjs RAPPORT.xlsx "Rapport 2025" DOSSIER [--resolution 110]');
    process.exit(2);
  }
  const missing = ["soffice", "pdftoppm", "pdfinfo"].filter((p) => !hasProgram(p));
  if (missing.length > 0) {
    console.error(`Programmes absents : ${missing.join(", ")} (paquets libreoffice-calc et poppler-utils ; voir scripts/setup-system.sh).`);
    process.exit(MISSING_TOOL);
  }
  const at = rest.indexOf("--resolution");
  const resolution = at >= 0 ? Number(rest[at + 1]) : 110;
  try {
    console.log(JSON.stringify(await renderSheet(xlsx, sheet, outDir, resolution)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
