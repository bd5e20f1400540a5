#!/usr/bin/env node
// Runs the whole test suite once per time zone: date code that depends on the machine's zone is a
// bug, and a day shifted by a zone shows up here. Extra arguments go to jest.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const jest = require.resolve("jest/bin/jest");
const zones = (process.env.TEST_TIME_ZONES ?? "UTC,Pacific/Kiritimati,America/Los_Angeles").split(",");
// The end-to-end test of bin/registre.js runs the compiled command line: build it once, fresh.
console.log("=== Construction de la ligne de commande (npm run build:cli) ===");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const build = spawnSync(npm, ["run", "build:cli", "--silent"], { stdio: "inherit", shell: process.platform === "win32" });
if (build.status !== 0) {
  console.error("La construction de la ligne de commande a échoué : tests non lancés.");
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), "registre-tests-"));
let passed = 0;
let failed = 0;
let skipped = 0;
let zonesFailed = 0;
for (const zone of zones) {
  console.log(`\n=== Tests sous TZ=${zone} ===`);
  const report = join(work, `${zone.replace(/\W/g, "_")}.json`);
  const run = spawnSync(process.execPath, [jest, "--json", `--outputFile=${report}`, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, TZ: zone },
  });
  try {
    const result = JSON.parse(readFileSync(report, "utf8"));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + result.numTodoTests;
    if (result.numTotalTests === 0) zonesFailed += 1;
  } catch {
    zonesFailed += 1;
  }
  if (run.status !== 0) zonesFailed += 1;
}
rmSync(work, { recursive: true, force: true });
console.log(`\nFuseaux horaires testés : ${zones.join(", ")}${zonesFailed ? ` (${zonesFailed} en échec)` : ""}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 && zonesFailed === 0 ? 0 : 1);
