#!/usr/bin/env node
// Checks what `npm run build` left in dist/: the manifest, the task pane page, the bundles, the
// English and French custom-functions metadata with every function, and the icons. Prints each
// file with its size, every .js of dist/ among them (a chunk webpack adds shows up); the scripts
// taskpane.html loads at opening against their budget, and each script loaded later (a tab's
// chunk, pdf.js, its worker) apart, against a limit of its own; exits 1 when anything is missing
// or wrong.
//   node scripts/check-dist.mjs [dist-folder]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createContext, runInContext } from "node:vm";

const dist = resolve(process.argv[2] ?? "dist");

/** The eleven custom functions the issue asks for, by id. */
const FUNCTION_IDS = [
  "END_DATE",
  "APPEAL_DEADLINE",
  "ENFORCEABLE_DATE",
  "NEXT_WORKING_DAY",
  "HOLIDAYS",
  "SEMESTER",
  "MISSING_COMMITTEES",
  "NEXT_COMMITTEE_DUE",
  "STATUS",
  "DAYS_LEFT",
  "NEXT_OCCURRENCE",
];
const ICONS = [16, 32, 64, 80];
/**
 * The JavaScript taskpane.html loads at opening (functions.js, taskpane.js), minified, Office.js
 * aside: the pane opens in Excel's webview, often on modest machines, at every workbook. Issue 18:
 * at most 280 KB, read as 280 000 bytes (the stricter reading: 280 KiB would be 286 720).
 */
const OPENING_BUDGET = 280_000;
/**
 * Every other script of dist/ is loaded on demand (import(): a tab's code when first shown, pdf.js
 * when a PDF is first chosen, and pdf.js's worker): reported apart, each under a limit of its own
 * that catches a dependency growing (a pdf.js upgrade that doubles) or code meant for the opening
 * landing there. Measured with pdfjs-dist 5.6.205: pdfjs.js 462 Kio, pdf.worker.js 1 268 Kio.
 */
const LAZY_LIMITS = { "pdfjs.js": 520_000, "pdf.worker.js": 1_400_000 };
/** Any other chunk: a tab's code (importer.js, rapports.js: about 35 and 26 Kio). */
const CHUNK_LIMIT = 100_000;
/** Loaded on demand, and required: without them a PDF cannot be read in the pane. */
const REQUIRED_LAZY = ["pdfjs.js", "pdf.worker.js"];

const problems = [];
const rows = [];

function sizeLabel(bytes) {
  return bytes < 1024 ? `${bytes} o` : `${(bytes / 1024).toFixed(1)} Kio`;
}

/** Bytes with French thousands separators: "251 750 o". */
function bytesLabel(bytes) {
  return `${String(bytes).replace(/\B(?=(\d{3})+$)/g, " ")} o`;
}

/** The file's text when it exists and is not empty; notes a problem otherwise. */
function need(name) {
  const file = join(dist, name);
  if (!existsSync(file)) {
    problems.push(`${name} : absent`);
    return null;
  }
  const { size } = statSync(file);
  rows.push([name, size]);
  if (size === 0) {
    problems.push(`${name} : vide`);
    return null;
  }
  return readFileSync(file);
}

function functionsIn(name) {
  const content = need(name);
  if (content === null) return null;
  try {
    const metadata = JSON.parse(content.toString("utf8"));
    if (!Array.isArray(metadata.functions)) throw new Error("pas de liste « functions »");
    const ids = metadata.functions.map((fn) => fn.id);
    const missing = FUNCTION_IDS.filter((id) => !ids.includes(id));
    if (missing.length > 0) problems.push(`${name} : fonctions absentes : ${missing.join(", ")}`);
    if (ids.length !== FUNCTION_IDS.length) problems.push(`${name} : ${ids.length} fonctions au lieu de ${FUNCTION_IDS.length}`);
    return metadata.functions;
  } catch (error) {
    problems.push(`${name} : JSON illisible (${error.message})`);
    return null;
  }
}

if (!existsSync(dist)) {
  console.error(`${dist} n'existe pas : lancez d'abord « npm run build ».`);
  process.exit(1);
}

const manifest = need("manifest.xml");
if (manifest !== null) {
  const text = manifest.toString("utf8");
  if (!text.includes("<OfficeApp")) problems.push("manifest.xml : pas d'élément OfficeApp");
  for (const target of ["functions.js", "functions.json", "functions.fr.json", "taskpane.html"]) {
    if (!text.includes(`/${target}"`)) problems.push(`manifest.xml : aucune adresse vers ${target}`);
  }
  const http = text.match(/(?:DefaultValue|Value)="http:\/\/[^"]*"/g);
  if (http !== null) problems.push(`manifest.xml : adresses en http : ${http.join(", ")}`);
}

const page = need("taskpane.html");
/** The add-in's own scripts taskpane.html loads (Office.js, from its CDN, aside). */
let openingScripts = ["functions.js", "taskpane.js"];
if (page !== null) {
  const html = page.toString("utf8");
  const scriptAt = (bundle) => Math.max(html.indexOf(`src=${bundle}`), html.indexOf(`src="${bundle}"`));
  for (const bundle of ["taskpane.js", "functions.js"]) {
    if (scriptAt(bundle) < 0) problems.push(`taskpane.html : ne charge pas ${bundle}`);
  }
  // functions.js holds webpack's runtime, which taskpane.js needs; the functions are registered first.
  if (scriptAt("functions.js") > scriptAt("taskpane.js")) problems.push("taskpane.html : functions.js doit être chargé avant taskpane.js");
  if (!html.includes("appsforoffice.microsoft.com/lib/1/hosted/office.js")) problems.push("taskpane.html : Office.js absent");
  openingScripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^https?:/.test(src));
}

need("taskpane.css");
const taskpaneJs = need("taskpane.js");
// The ribbon's actions are registered by the pane's bundle (the commands run in its page).
if (taskpaneJs !== null && !taskpaneJs.toString("utf8").includes("checkRegister")) problems.push("taskpane.js : commandes du ruban absentes");
const functionsJs = need("functions.js");
if (functionsJs !== null) {
  const code = functionsJs.toString("utf8");
  const unregistered = FUNCTION_IDS.filter((id) => !code.includes(`CustomFunctions.associate("${id}"`));
  if (unregistered.length > 0) problems.push(`functions.js : fonctions non enregistrées : ${unregistered.join(", ")}`);
  // Run alone, as the manifest's Functions.Script.Url may be: no page, no document, no taskpane.js
  // (a JavaScript-only runtime gives a global object, CustomFunctions and timers). Every function registered.
  const associated = [];
  const context = { CustomFunctions: { associate: (id) => associated.push(id) }, console, setTimeout, clearTimeout };
  context.self = context;
  try {
    runInContext(code, createContext(context), { filename: "functions.js", timeout: 10_000 });
    const missing = FUNCTION_IDS.filter((id) => !associated.includes(id));
    if (missing.length > 0) problems.push(`functions.js, exécuté seul : fonctions non enregistrées : ${missing.join(", ")}`);
  } catch (error) {
    problems.push(`functions.js ne s'exécute pas seul (sans page ni taskpane.js) : ${error instanceof Error ? error.message : String(error)}`);
  }
}

// What the page loads at opening, against the budget; pdf.js must not be part of it.
const sizeOf = (name) => (existsSync(join(dist, name)) ? statSync(join(dist, name)).size : 0);
const openingBytes = openingScripts.reduce((sum, name) => sum + sizeOf(name), 0);
if (openingBytes > OPENING_BUDGET) {
  problems.push(`JavaScript chargé à l'ouverture : ${bytesLabel(openingBytes)} pour ${openingScripts.join(", ")}, au-delà du budget de ${bytesLabel(OPENING_BUDGET)}`);
}
for (const name of openingScripts) {
  if (existsSync(join(dist, name)) && readFileSync(join(dist, name), "utf8").includes("GlobalWorkerOptions")) {
    problems.push(`${name} : contient pdf.js, qui ne doit être chargé qu'à la demande (pdfjs.js)`);
  }
}
// Every other script of dist/ (loaded on demand): listed apart, each under its limit.
for (const name of REQUIRED_LAZY) if (!existsSync(join(dist, name))) problems.push(`${name} : absent (lecture des PDF dans le volet)`);
const lazyScripts = readdirSync(dist)
  .filter((name) => name.endsWith(".js") && !openingScripts.includes(name))
  .sort();
const lazyRows = lazyScripts.map((name) => {
  need(name);
  const limit = LAZY_LIMITS[name] ?? CHUNK_LIMIT;
  const size = sizeOf(name);
  if (size > limit) problems.push(`${name} (chargé à la demande) : ${bytesLabel(size)}, au-delà de sa limite de ${bytesLabel(limit)}`);
  return [name, size, limit];
});

const english = functionsIn("functions.json");
const french = functionsIn("functions.fr.json");
if (english !== null && french !== null) {
  for (const fn of english) {
    const fr = french.find((candidate) => candidate.id === fn.id);
    if (fr === undefined) continue;
    if (fr.name === fn.name) problems.push(`functions.fr.json : ${fn.id} n'a pas de nom français`);
    if (fr.parameters.length !== fn.parameters.length) problems.push(`functions.fr.json : ${fn.id} n'a pas le même nombre de paramètres`);
  }
}

for (const size of ICONS) {
  const name = `assets/icon-${size}.png`;
  const png = need(name);
  if (png === null) continue;
  const signature = png.subarray(0, 8).toString("hex");
  if (signature !== "89504e470d0a1a0a" || png.subarray(12, 16).toString("ascii") !== "IHDR") {
    problems.push(`${name} : pas un PNG`);
    continue;
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== size || height !== size) problems.push(`${name} : ${width}×${height} au lieu de ${size}×${size}`);
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`Contenu de ${relative(process.cwd(), dist) || "."}/ :`);
for (const [name, size] of rows) console.log(`  ${name.padEnd(width)}  ${sizeLabel(size).padStart(9)}`);
console.log(`  ${"total".padEnd(width)}  ${sizeLabel(rows.reduce((sum, [, size]) => sum + size, 0)).padStart(9)}`);
console.log(`\nJavaScript chargé à l'ouverture (${openingScripts.join(" + ")}, Office.js non compris) :`);
console.log(`  ${bytesLabel(openingBytes)} = ${sizeLabel(openingBytes)}  (budget ${bytesLabel(OPENING_BUDGET)} = ${sizeLabel(OPENING_BUDGET)})`);
console.log("Chargé à la demande, à part (un onglet à sa première ouverture, pdf.js au premier PDF) :");
const lazyWidth = Math.max(0, ...lazyRows.map(([name]) => name.length));
for (const [name, size, limit] of lazyRows) console.log(`  ${name.padEnd(lazyWidth)}  ${sizeLabel(size).padStart(10)}  (limite ${sizeLabel(limit)})`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problème(s) :`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`\ndist/ est complet : ${FUNCTION_IDS.length} fonctions en anglais et en français, manifeste, volet, icônes.`);
