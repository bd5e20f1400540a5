/**
 * The size of the production build (`npm run build`, into dist/): every JavaScript file the task
 * pane and the custom functions load, minified, and gzipped as a server would send them. Those
 * taskpane.html loads at opening (functions.js, taskpane.js) are held to issue 18's target; those
 * loaded on demand (a tab's code when first shown, pdf.js and its worker when a PDF is first
 * chosen) are reported apart. Office.js, loaded from Microsoft's CDN, is not part of the build.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BenchSection, Target, cell } from "./measure";

const DIST = join(__dirname, "..", "..", "dist");
/** Issue 18: at most 280 KB at opening, read as 280 000 bytes (the stricter reading of "KB"). */
const OPENING_TARGET_BYTES = 280_000;
/** Before the tabs and pdf.js were loaded on demand: functions.js + taskpane.js, everything in them. */
const OPENING_REFERENCE_BYTES = 309_156;

const kibibytes = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

export function bundleBench(): BenchSection {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ absent : lancer « npm run build » d'abord (npm run bench le fait).");
  const page = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const loadedFirst = new Set([...page.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^https?:/.test(src)));
  const files = readdirSync(DIST)
    .filter((f) => f.endsWith(".js"))
    .sort((a, b) => Number(loadedFirst.has(b)) - Number(loadedFirst.has(a)) || a.localeCompare(b));
  const measured = files.map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, first: loadedFirst.has(file), bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  const row = (fichier: string, chargement: string, bytes: number, gzip: number): Record<string, string | number> => ({
    fichier,
    chargement,
    octets: bytes,
    "minifié (Kio)": kibibytes(bytes),
    "gzip (Kio)": kibibytes(gzip),
  });
  const sum = (first: boolean): { bytes: number; gzip: number } =>
    measured.filter((m) => m.first === first).reduce((total, m) => ({ bytes: total.bytes + m.bytes, gzip: total.gzip + m.gzip }), { bytes: 0, gzip: 0 });
  const opening = sum(true);
  const onDemand = sum(false);
  const targets: Target[] = [
    {
      label: "au plus 280 Ko (280 000 octets) minifiés chargés à l'ouverture par le volet et les fonctions",
      met: opening.bytes <= OPENING_TARGET_BYTES,
      detail: `${cell(opening.bytes)} octets (${cell(kibibytes(opening.bytes))} Kio) ; référence ${cell(OPENING_REFERENCE_BYTES)} octets avant le chargement à la demande`,
    },
  ];
  return {
    title: "Taille de la construction de production (dist/, Office.js exclu)",
    rows: [
      ...measured.filter((m) => m.first).map((m) => row(m.file, "à l'ouverture", m.bytes, m.gzip)),
      row("total à l'ouverture", "", opening.bytes, opening.gzip),
      ...measured.filter((m) => !m.first).map((m) => row(m.file, "à la demande", m.bytes, m.gzip)),
      row("total à la demande", "", onDemand.bytes, onDemand.gzip),
    ],
    targets,
    notes: [
      "À la demande : importer.js et rapports.js à la première ouverture de leur onglet ; pdfjs.js et pdf.worker.js (pdf.js et son worker) au premier PDF choisi ou déposé.",
    ],
  };
}
