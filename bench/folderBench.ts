/**
 * A folder of 100 registers of 500 conventions (and their 2 000 comités each), generated
 * (tests/helpers/largeRegister.ts, one seed per register), checked by `registre verifier DOSSIER/`
 * started as a user starts it: on one worker thread, then on one per core, for the time (median
 * of RUNS), the peak memory of the process (all its threads; Linux VmHWM) and the speed-up; then
 * `registre consolider` of the same folder into one workbook.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { BoundedRun, describeRun, runBounded } from "../tests/helpers/boundedCli";
import { writeGeneratedRegister } from "../tests/helpers/registerFolder";
import { AS_OF } from "./checkBench";
import { BenchSection, Target, cell, median, megabytes, ms } from "./measure";

const REGISTERS = 100;
const CONVENTIONS = 500;
const RUNS = 3;
const DATE = "2026-11-29";

/** One command, RUNS times: the median time and the highest peak memory. */
async function measure(args: readonly string[], outDir: string, label: string, runs = RUNS): Promise<{ ms: number; rssMb: number | null; last: BoundedRun }> {
  const times: number[] = [];
  let rss: number | null = null;
  let last: BoundedRun | undefined;
  for (let i = 0; i < runs; i++) {
    last = await runBounded(args, { outDir, label, timeoutMs: 900_000, maxOldSpaceMb: 4096 });
    if (last.code !== 0) throw new Error(`registre ${args.join(" ")} : ${describeRun(last)}`);
    times.push(last.ms);
    if (last.maxRssMb !== null) rss = Math.max(rss ?? 0, last.maxRssMb);
  }
  if (last === undefined) throw new Error("no run");
  return { ms: median(times), rssMb: rss, last };
}

export async function folderBench(): Promise<BenchSection> {
  const root = mkdtempSync(join(tmpdir(), "registre-dossier-"));
  try {
    const folder = join(root, "services");
    let bytes = 0;
    for (let i = 1; i <= REGISTERS; i++) {
      const path = await writeGeneratedRegister(join(folder, `service-${String(i).padStart(3, "0")}.xlsx`), CONVENTIONS, AS_OF, { seed: i });
      bytes += statSync(path).size;
    }
    const cores = availableParallelism();
    const loadBefore = loadavg()[0];
    const one = await measure(["verifier", folder, "--date", DATE, "--processus", "1"], root, "un");
    const all = await measure(["verifier", folder, "--date", DATE], root, "tous");
    const output = join(root, "consolide.xlsx");
    const consolidated = await measure(["consolider", folder, "--date", DATE, "--annee", "2026", "--sortie", output, "--remplacer"], root, "consolider", 1);
    const speedUp = Math.round((one.ms / all.ms) * 100) / 100;
    const perRegister = (total: number): number => ms(total / REGISTERS);
    const rows = [
      { commande: "registre verifier DOSSIER/ --processus 1", processus: 1, "temps (ms)": ms(one.ms), "par registre (ms)": perRegister(one.ms), "mémoire max (Mo)": one.rssMb, accélération: 1 },
      { commande: "registre verifier DOSSIER/", processus: cores, "temps (ms)": ms(all.ms), "par registre (ms)": perRegister(all.ms), "mémoire max (Mo)": all.rssMb, accélération: speedUp },
      {
        commande: "registre consolider DOSSIER/ --sortie …",
        processus: cores,
        "temps (ms)": ms(consolidated.ms),
        "par registre (ms)": perRegister(consolidated.ms),
        "mémoire max (Mo)": consolidated.rssMb,
        accélération: null,
      },
    ];
    const targets: Target[] = [
      {
        label: `un processus par cœur (${cores}) plus rapide qu'un seul`,
        met: cores > 1 && speedUp > 1,
        detail: `× ${cell(speedUp)} (${cell(ms(one.ms))} ms → ${cell(ms(all.ms))} ms)`,
      },
    ];
    return {
      title:
        `Dossier de ${REGISTERS} registres de ${CONVENTIONS} conventions (${(CONVENTIONS * 4).toLocaleString("fr-FR")} comités chacun, ` +
        `${cell(megabytes(bytes))} Mo en tout) : commandes lancées, médiane de ${RUNS} (consolidation : 1 passage)`,
      rows,
      targets,
      notes: [
        `Consolidé écrit : ${cell(megabytes(statSync(output).size))} Mo. Mémoire : pic du processus entier (ses fils d'exécution compris), lu dans /proc (Linux).`,
        `Machine : ${cores} cœurs ; charge moyenne (1 min) ${cell(Math.round(loadBefore * 10) / 10)} avant les mesures, ${cell(Math.round(loadavg()[0] * 10) / 10)} après : ` +
          "l'accélération ne peut dépasser le nombre de cœurs libres, les autres travaux de la machine prennent leur part.",
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
