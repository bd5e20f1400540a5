/**
 * The size of the production build (`npm run build`, into dist/): every JavaScript file the task
 * pane and the custom functions load, minified, and gzipped as a server would send them; those
 * taskpane.html loads first and those loaded on demand (a tab's code) told apart. Office.js,
 * loaded from Microsoft's CDN, is not part of the build.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BenchSection, Target, cell } from "./measure";

const DIST = join(__dirname, "..", "..", "dist");
const TARGET_BYTES = 300 * 1024;

const kilobytes = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

export function bundleBench(): BenchSection {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ absent : lancer « npm run build » d'abord (npm run bench le fait).");
  const page = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const loadedFirst = new Set([...page.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^https?:/.test(src)));
  const files = readdirSync(DIST).filter((f) => f.endsWith(".js")).sort();
  const rows = files.map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { fichier: file, chargement: loadedFirst.has(file) ? "à l'ouverture" : "à la demande", "minifié (Ko)": kilobytes(bytes.length), "gzip (Ko)": kilobytes(gzipSync(bytes).length), bytes: bytes.length };
  });
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  const first = rows.filter((r) => r.chargement === "à l'ouverture").reduce((sum, r) => sum + r.bytes, 0);
  const targets: Target[] = [
    { label: "au plus 300 Ko minifiés pour le volet et les fonctions ensemble (tous les fichiers)", met: total <= TARGET_BYTES, detail: `${cell(kilobytes(total))} Ko en tout, dont ${cell(kilobytes(first))} Ko à l'ouverture` },
  ];
  return {
    title: "Taille de la construction de production (dist/, Office.js exclu)",
    rows: [
      ...rows.map(({ bytes: _bytes, ...row }) => row),
      { fichier: "total", chargement: "", "minifié (Ko)": kilobytes(total), "gzip (Ko)": kilobytes(rows.reduce((s, r) => s + r["gzip (Ko)"] * 1024, 0)) },
    ],
    targets,
  };
}
