#!/usr/bin/env node
// `npm run bench`: builds what the benchmarks measure — the add-in for production (dist/, for its
// size), the command line (lib/, for `registre verifier`) and the benchmarks themselves
// (tsconfig.bench.json → build-bench/) — then runs them (bench/run.ts) with the garbage collector
// exposed (memory figures) and room for the 100 000-convention register. Never part of npm test.
//   npm run bench                       every measure
//   npm run bench -- controle volet     some of them (fonctions, controle, cli, rapport, volet, taille)
import { spawnSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const asked = process.argv.slice(2);
const steps = [
  ...(asked.length === 0 || asked.includes("taille") ? [["construction de production (npm run build)", npm, ["run", "build", "--silent"]]] : []),
  ["ligne de commande (npm run build:cli)", npm, ["run", "build:cli", "--silent"]],
  ["mesures (tsc -p tsconfig.bench.json)", npm, ["exec", "--", "tsc", "-p", "tsconfig.bench.json"]],
];
for (const [name, command, args] of steps) {
  console.log(`=== Construction : ${name}`);
  const built = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], shell: process.platform === "win32" });
  if (built.status !== 0) {
    console.error(`Échec de la construction : ${name}.`);
    process.exit(1);
  }
}
const run = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "build-bench/bench/run.js", ...asked], { stdio: "inherit" });
process.exit(run.status ?? 1);
