/**
 * `npm run bench`: every benchmark of the add-in, each printed as a table with its targets, all
 * written to bench/results.json. Arguments choose some of them:
 *   npm run bench -- fonctions controle cli dossier volet taille
 * Run through scripts/bench.mjs, which builds what they measure first (dist/, lib/, this folder).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { bundleBench } from "./bundleBench";
import { checkBench } from "./checkBench";
import { cliBench } from "./cliBench";
import { folderBench } from "./folderBench";
import { functionsBench } from "./functionsBench";
import { BenchSection, now, printSection } from "./measure";
import { paneBench } from "./paneBench";
import { reportBench } from "./reportBench";

const BENCHES: Readonly<Record<string, () => BenchSection | Promise<BenchSection>>> = {
  fonctions: functionsBench,
  controle: checkBench,
  cli: cliBench,
  rapport: reportBench,
  dossier: folderBench,
  volet: paneBench,
  taille: bundleBench,
};

type StoredSection = BenchSection & { key: string; seconds: number; date: string };

async function run(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    process.stderr.write(`Mesure inconnue : ${unknown.join(", ")}. Mesures : ${Object.keys(BENCHES).join(", ")}.\n`);
    process.exitCode = 2;
    return;
  }
  const names = asked.length > 0 ? asked : Object.keys(BENCHES);
  const sections: (BenchSection & { key: string; seconds: number })[] = [];
  for (const name of names) {
    const start = now();
    const section = await BENCHES[name]();
    const seconds = Math.round((now() - start) / 100) / 10;
    printSection(section);
    process.stdout.write(`   (${seconds} s)\n`);
    sections.push({ key: name, ...section, seconds });
  }
  // A partial run keeps the other measures of the last full one, each with its own date.
  const file = join(__dirname, "..", "..", "bench", "results.json");
  const date = new Date().toISOString();
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { sections?: StoredSection[] }).sections ?? [] : [];
  const stored: StoredSection[] = sections.map((s) => ({ ...s, date }));
  for (const old of previous) if (!stored.some((s) => s.key === old.key)) stored.push(old);
  stored.sort((a, b) => Object.keys(BENCHES).indexOf(a.key) - Object.keys(BENCHES).indexOf(b.key));
  const missed = stored.flatMap((s) => s.targets.filter((t) => !t.met).map((t) => t.label));
  const results = {
    // The bench may read the clock: it says when its figures were taken (the add-in's core never does).
    date,
    machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: cpus()[0]?.model ?? "?", cpus: cpus().length, memoryGB: Math.round(totalmem() / 1e9) },
    sections: stored,
    missed,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nRésultats écrits dans bench/results.json. Objectifs non atteints : ${missed.length === 0 ? "aucun" : missed.length}.\n`);
  for (const label of missed) process.stdout.write(`  - ${label}\n`);
}

void run().catch((error: unknown) => {
  process.stderr.write(`Mesure interrompue : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
