/**
 * `registre verifier` on registers of 1 000, 10 000 and 100 000 conventions (four comités each) in
 * .xlsx files written by ExcelJS, against ExcelJS reading the same file and doing nothing else: as
 * two commands started the way a user starts them (node, the file read, the report printed), each
 * with its peak memory (the process's maximum resident set), and, for 10 000, inside one process.
 * The target: the whole check at most the bare ExcelJS read, at every size.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { main } from "../src/cli/main";
import { writeRegisterWorkbook } from "../src/cli/writeRegisterWorkbook";
import { TableKey } from "../src/core/register/registerSchema";
import { largeRegister } from "../tests/helpers/largeRegister";
import { AS_OF } from "./checkBench";
import { BenchSection, Target, cell, median, megabytes, ms, now, timeRunsAsync } from "./measure";

const SIZES = [1_000, 10_000, 100_000];
const ROOT = join(__dirname, "..", "..");

/** Loaded before a command (node --require): writes the process's peak resident memory, in kB, to a file at exit. */
const PEAK_MEMORY_HOOK = `process.on("exit", () => require("node:fs").writeFileSync(process.env.REGISTRE_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n`;

interface CommandFigures {
  readonly ms: number;
  /** Peak resident memory, MB. */
  readonly peakMb: number;
}

/** Times a command started as a user starts it (median of `runs`, after one warm-up run), with its peak memory. */
function timeCommand(args: readonly string[], runs: number, folder: string): CommandFigures {
  const hook = join(folder, "peak-memory.js");
  const rssFile = join(folder, "peak-memory.txt");
  writeFileSync(hook, PEAK_MEMORY_HOOK);
  const times: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = now();
    const run = spawnSync(process.execPath, ["--require", hook, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, REGISTRE_BENCH_RSS: rssFile },
      encoding: "utf8",
    });
    const elapsed = now() - start;
    if (run.status !== 0) throw new Error(`${args.join(" ")} : ${run.stderr}`);
    if (i > 0) {
      times.push(elapsed);
      peaks.push(Number(readFileSync(rssFile, "utf8")) * 1024);
    }
  }
  return { ms: median(times), peakMb: megabytes(Math.max(...peaks)) };
}

async function writeRegister(file: string, conventions: number): Promise<void> {
  const register = largeRegister(conventions, AS_OF);
  await writeRegisterWorkbook(file, { tables: (Object.keys(register) as TableKey[]).filter((t) => register[t].length > 0).map((table) => ({ table, rows: register[table] })) });
}

export async function cliBench(): Promise<BenchSection> {
  const folder = mkdtempSync(join(tmpdir(), "registre-bench-"));
  try {
    const bareScript = "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).then(() => undefined)";
    const cli = join(ROOT, "bin", "registre.js");
    const rows: Record<string, string | number>[] = [];
    const targets: Target[] = [];
    for (const size of SIZES) {
      const file = join(folder, `registre-${size}.xlsx`);
      await writeRegister(file, size);
      const runs = size >= 100_000 ? 3 : 5;
      const verifier = timeCommand([cli, "verifier", file, "--date", "2026-11-29", "--json"], runs, folder);
      const bare = timeCommand(["-e", bareScript, file], runs, folder);
      const ratio = Math.round((verifier.ms / bare.ms) * 100) / 100;
      rows.push({
        conventions: size,
        "fichier (Mo)": megabytes(statSync(file).size),
        "registre verifier (ms)": ms(verifier.ms),
        "lecture ExcelJS seule (ms)": ms(bare.ms),
        rapport: ratio,
        "verifier, mémoire max (Mo)": verifier.peakMb,
        "ExcelJS, mémoire max (Mo)": bare.peakMb,
      });
      targets.push({
        label: `registre verifier au plus 1 × la lecture ExcelJS seule, ${size.toLocaleString("fr-FR")} conventions (commande lancée)`,
        met: ratio <= 1,
        detail: `× ${cell(ratio)} ; mémoire ${cell(verifier.peakMb)} Mo contre ${cell(bare.peakMb)} Mo`,
      });
    }
    // Inside one process, for 10 000: the command's own work without node's start.
    const file = join(folder, "registre-10000.xlsx");
    const silent = { out: () => undefined, err: () => undefined, today: () => AS_OF };
    const inCli = await timeRunsAsync(() => main(["verifier", file, "--date", "2026-11-29", "--json"], silent), 5);
    const inBare = await timeRunsAsync(() => new Workbook().xlsx.readFile(file), 5);
    const inRatio = Math.round((inCli.medianMs / inBare.medianMs) * 100) / 100;
    targets.push({ label: "idem, 10 000 conventions, dans le même processus", met: inRatio <= 1, detail: `× ${cell(inRatio)} (${ms(inCli.medianMs)} ms contre ${ms(inBare.medianMs)} ms)` });
    return {
      title: "Ligne de commande : registre verifier --json contre la lecture ExcelJS seule du même fichier (4 comités par convention), médiane",
      rows,
      targets,
      notes: [
        "Médiane de 5 lancements (3 pour 100 000) après un lancement à vide ; mémoire max : le plus grand ensemble résident du processus (maxRSS).",
        "Avant le lecteur du registre (src/excel/xlsxReader.ts), verifier lisait par ExcelJS : 1,29 à 1,52 × la lecture seule à 10 000 conventions.",
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
