/**
 * `registre verifier` on a register of 10 000 conventions (and their 40 000 comités) in an .xlsx
 * file, against ExcelJS reading the same file and doing nothing else: as two commands started the
 * way a user starts them (node, the file read, the report printed), and inside one process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { main } from "../src/cli/main";
import { writeRegisterWorkbook } from "../src/cli/writeRegisterWorkbook";
import { TableKey } from "../src/core/register/registerSchema";
import { largeRegister } from "../tests/helpers/largeRegister";
import { AS_OF } from "./checkBench";
import { BenchSection, Target, cell, median, megabytes, ms, now, timeRunsAsync } from "./measure";

const CONVENTIONS = 10_000;
const RUNS = 5;
const ROOT = join(__dirname, "..", "..");

/** Times a command started as a user starts it (median of RUNS, after one warm-up run). */
function timeCommand(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = now();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const elapsed = now() - start;
    if (run.status !== 0) throw new Error(`${args.join(" ")} : ${run.stderr}`);
    if (i > 0) times.push(elapsed);
  }
  return median(times);
}

export async function cliBench(): Promise<BenchSection> {
  const folder = mkdtempSync(join(tmpdir(), "registre-bench-"));
  try {
    const file = join(folder, "registre-10000.xlsx");
    const register = largeRegister(CONVENTIONS, AS_OF);
    await writeRegisterWorkbook(file, { tables: (Object.keys(register) as TableKey[]).filter((t) => register[t].length > 0).map((table) => ({ table, rows: register[table] })) });
    const bareScript = "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).then(() => undefined)";
    const cli = join(ROOT, "bin", "registre.js");
    const processCli = timeCommand([cli, "verifier", file, "--date", "2026-11-29"]);
    const processBare = timeCommand(["-e", bareScript, file]);
    const silent = { out: () => undefined, err: () => undefined, today: () => AS_OF };
    const inCli = await timeRunsAsync(() => main(["verifier", file, "--date", "2026-11-29"], silent), RUNS);
    const inBare = await timeRunsAsync(() => new Workbook().xlsx.readFile(file), RUNS);
    const rows = [
      { mesure: "commande lancée (node …)", "registre verifier (ms)": ms(processCli), "lecture ExcelJS seule (ms)": ms(processBare), rapport: ratio(processCli, processBare) },
      { mesure: "dans le même processus", "registre verifier (ms)": ms(inCli.medianMs), "lecture ExcelJS seule (ms)": ms(inBare.medianMs), rapport: ratio(inCli.medianMs, inBare.medianMs) },
    ];
    const targets: Target[] = [
      { label: "registre verifier au plus 1,5 × la lecture ExcelJS seule (commande lancée)", met: processCli <= 1.5 * processBare, detail: `× ${cell(rows[0].rapport)}` },
      { label: "idem, dans le même processus", met: inCli.medianMs <= 1.5 * inBare.medianMs, detail: `× ${cell(rows[1].rapport)}` },
    ];
    return {
      title: `Ligne de commande : registre verifier sur ${CONVENTIONS.toLocaleString("fr-FR")} conventions et ${(CONVENTIONS * 4).toLocaleString("fr-FR")} comités (${cell(megabytes(statSync(file).size))} Mo), médiane de ${RUNS}`,
      rows,
      targets,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}
