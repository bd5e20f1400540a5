/**
 * The real `registre` command (node bin/registre.js on the compiled lib/) run in a child process
 * with bounds, as a user's machine would bound it: a heap limit (--max-old-space-size) and a
 * timeout after which it is killed. What comes back says how it ended, how long it took and how
 * much memory it used at most (Linux: VmHWM of /proc/PID/status, sampled every 25 ms; null
 * elsewhere), with its output kept in files (a report of 200 000 conventions is large).
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** The project's folder: the first one up with a package.json (from tests/helpers/, or from build-bench/tests/helpers/ in the bench). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
const COMPILED = join(ROOT, "lib", "cli", "main.js");

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestSource(path));
    return entry.name.endsWith(".ts") ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);
}

/** The folders of src/ that the command line never imports (the add-in's pane, functions and ribbon commands). */
const NOT_IN_CLI: ReadonlySet<string> = new Set(["taskpane", "functions", "commands"]);

/**
 * Builds lib/ (npm run build:cli) when it is missing or older than any source the command line
 * may import (every folder of src/ but the pane's, the functions' and the commands'), so that
 * `npx jest` alone also tests fresh code.
 */
export function ensureBuiltCli(): void {
  const folders = readdirSync(join(ROOT, "src"), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !NOT_IN_CLI.has(entry.name));
  const sources = Math.max(...folders.map((folder) => newestSource(join(ROOT, "src", folder.name))));
  if (existsSync(COMPILED) && statSync(COMPILED).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stdout}${build.stderr}`);
}

export interface BoundedRun {
  /** The exit code, or null when killed. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Killed at the timeout. */
  readonly timedOut: boolean;
  readonly ms: number;
  /** Peak resident memory in MB (Linux), or null when unknown. */
  readonly maxRssMb: number | null;
  /** Where the standard output went, and its size in bytes. */
  readonly stdoutFile: string;
  readonly stdoutBytes: number;
  /** The error output (its first 64 KB). */
  readonly stderr: string;
  /** Ended with code 0 or 2 (a result or a reasoned refusal), within the time and memory given. */
  readonly handled: boolean;
}

export interface BoundOptions {
  readonly timeoutMs?: number;
  readonly maxOldSpaceMb?: number;
  /** Folder for the output files. */
  readonly outDir: string;
  /** Name of the output files (default: "run"). */
  readonly label?: string;
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? null : Math.round(Number(match[1]) / 1024);
  } catch {
    return null;
  }
}

/**
 * Runs `node --max-old-space-size=… bin/registre.js …args`, killed (SIGKILL) at the timeout.
 * @example await runBounded(["verifier", "x.xlsx", "--json"], { outDir }) // { code: 0, timedOut: false, ms: 812, maxRssMb: 143, … }
 */
export async function runBounded(args: readonly string[], options: BoundOptions): Promise<BoundedRun> {
  ensureBuiltCli();
  const label = options.label ?? "run";
  const stdoutFile = join(options.outDir, `${label}.stdout`);
  const stderrFile = join(options.outDir, `${label}.stderr`);
  const out = openSync(stdoutFile, "w");
  const err = openSync(stderrFile, "w");
  const timeoutMs = options.timeoutMs ?? 20_000;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMb ?? 1024}`, join(ROOT, "bin", "registre.js"), ...args], {
    cwd: options.outDir,
    stdio: ["ignore", out, err],
  });
  let peak: number | null = null;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const now = peakRssMb(child.pid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  };
  const sampler = setInterval(sample, 25);
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    sample();
    child.kill("SIGKILL");
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  clearInterval(sampler);
  clearTimeout(killer);
  closeSync(out);
  closeSync(err);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const stderr = readFileSync(stderrFile).subarray(0, 65_536).toString("utf8");
  return {
    code,
    signal,
    timedOut,
    ms,
    maxRssMb: peak,
    stdoutFile,
    stdoutBytes: statSync(stdoutFile).size,
    stderr,
    handled: !timedOut && (code === 0 || code === 2),
  };
}

/** One line that says how a run ended, for a test's message. */
export function describeRun(run: BoundedRun): string {
  const how = run.timedOut ? "killed at the timeout" : run.signal !== null ? `killed by ${run.signal}` : `exit ${run.code}`;
  const memory = run.maxRssMb === null ? "" : `, ${run.maxRssMb} MB peak`;
  const firstLine = run.stderr.split("\n").find((line) => line.trim() !== "") ?? "";
  return `${how} after ${run.ms} ms${memory}; stdout ${run.stdoutBytes} bytes; stderr: ${firstLine.slice(0, 300)}`;
}
