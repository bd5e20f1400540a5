/**
 * The real `registre` bin, as a user runs it: node bin/registre.js on the compiled command line
 * (lib/, built by `npm test` before jest runs; built here when missing or older than the sources,
 * so that `npx jest` alone also tests fresh code).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
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
  const sources = Math.max(...["cli", "core", "i18n", "excel", "runtime"].map((dir) => newestSource(join(root, "src", dir))));
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stdout}${build.stderr}`);
});

function registre(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "bin", "registre.js"), ...args], { cwd: temp.dir, encoding: "utf8" });
}

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
