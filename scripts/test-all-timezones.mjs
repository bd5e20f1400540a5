#!/usr/bin/env node
// Runs the whole test suite once per time zone: date code that depends on the machine's zone is a
// bug, and a day shifted by a zone shows up here. Extra arguments go to jest.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const jest = require.resolve("jest/bin/jest");
const zones = (process.env.TEST_TIME_ZONES ?? "UTC,Pacific/Kiritimati,America/Los_Angeles").split(",");
// Built once, before the zones, all three at the same time (each says when it is done):
// - the command line (build:cli): the end-to-end test of bin/registre.js runs the compiled command;
// - the add-in (npm run build, into dist/): the task pane's tests in Chromium load its pages;
// - the fake Office host (npm run build:fake-office, into build-test/fake-office.js): those tests
//   serve it in place of office.js.
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const builds = [
  { name: "ligne de commande (npm run build:cli)", script: "build:cli" },
  { name: "complément (npm run build)", script: "build" },
  { name: "hôte Office simulé (npm run build:fake-office)", script: "build:fake-office" },
];

/** Runs one build, its output kept and printed in one piece when it ends. */
function runBuild({ name, script }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", script, "--silent"], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    let done = false;
    const finish = (status, error) => {
      if (done) return; // "error" can be followed by "close"
      done = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n=== Construction : ${name} — ${status === 0 ? "faite" : "ÉCHEC"} en ${seconds} s ===`);
      const text = Buffer.concat(output).toString("utf8").trim();
      // A build that went well says little worth reading; one that failed says why.
      if (status !== 0 || /warning|avertissement/i.test(text)) console.log(text);
      if (error !== undefined) console.log(error.message);
      resolve(status === 0);
    };
    child.on("error", (error) => finish(1, error));
    child.on("close", (code) => finish(code ?? 1));
  });
}

console.log(`=== Constructions avant les tests : ${builds.map((b) => b.name).join(" ; ")} ===`);
const built = await Promise.all(builds.map(runBuild));
if (built.includes(false)) {
  console.error("Une construction a échoué : tests non lancés.");
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
