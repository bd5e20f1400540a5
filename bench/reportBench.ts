/**
 * `registre rapport` on registers of 5 000, 10 000 and 20 000 conventions (four comités each): the
 * whole command in-process (read, check, report, copy written), and the copy alone — the report's
 * sheet rendered and added to the register's package (src/excel/xlsxPatch.ts). Before issue 18 the
 * command took 31 s at 10 000 and 165 s at 20 000 (one replace of the whole relationships text per
 * link to the register: quadratic); the target is growth in proportion to the register.
 */
import { promises as fs, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { openRegisterFile } from "../src/cli/openRegisterFile";
import { writeRegisterWorkbook } from "../src/cli/writeRegisterWorkbook";
import { TableKey } from "../src/core/register/registerSchema";
import { addSheetsToPackage } from "../src/excel/xlsxPatch";
import { reportPlan } from "../src/plans/reportPlan";
import { largeRegister } from "../tests/helpers/largeRegister";
import { AS_OF } from "./checkBench";
import { BenchSection, Target, cell, megabytes, ms, timeRunsAsync } from "./measure";

const SIZES = [5_000, 10_000, 20_000] as const;
const RUNS = 2;
const YEAR = 2025;
/** The figures for the command before the fix, same machine, one run. */
const BEFORE_MS: Readonly<Record<number, number>> = { 10_000: 31_000, 20_000: 165_000 };

export async function reportBench(): Promise<BenchSection> {
  const folder = mkdtempSync(join(tmpdir(), "registre-bench-rapport-"));
  const silent = { out: () => undefined, err: () => undefined, today: () => AS_OF };
  try {
    const rows: Record<string, string | number | null>[] = [];
    const measured = new Map<number, { command: number; copy: number }>();
    for (const size of SIZES) {
      const file = join(folder, `registre-${size}.xlsx`);
      const register = largeRegister(size, AS_OF);
      await writeRegisterWorkbook(file, { tables: (Object.keys(register) as TableKey[]).filter((t) => register[t].length > 0).map((table) => ({ table, rows: register[table] })) });
      const output = join(folder, `rapport-${size}.xlsx`);
      const args = ["rapport", file, "--annee", String(YEAR), "--date", "2026-11-29", "--sortie", output, "--remplacer"];
      const command = await timeRunsAsync(async () => {
        if ((await main(args, silent)) !== 0) throw new Error(`registre ${args.join(" ")} a échoué`);
      }, RUNS);

      // The copy alone: the plan made once, then the sheet rendered and added to the package.
      const opened = await openRegisterFile(file, { asOf: AS_OF }, null);
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      const planned = reportPlan(opened.checked.register, opened.checked.check, { kind: "annual", year: YEAR }, { asOf: AS_OF, authority: null });
      const drafts = planned?.plan.addSheets ?? [];
      const bytes = await fs.readFile(file);
      const copy = await timeRunsAsync(async () => {
        const patched = await addSheetsToPackage(bytes, drafts);
        if (!patched.ok) throw new Error(JSON.stringify(patched.error));
      }, RUNS);
      measured.set(size, { command: command.medianMs, copy: copy.medianMs });
      rows.push({
        conventions: size,
        "registre (Mo)": megabytes(statSync(file).size),
        "lignes du rapport": drafts[0]?.rows.length ?? 0,
        "registre rapport (ms)": ms(command.medianMs),
        "dont la copie écrite (ms)": ms(copy.medianMs),
        "avant le ticket 18 (ms)": BEFORE_MS[size] ?? null,
      });
    }
    const at = (size: number) => measured.get(size) ?? { command: Number.NaN, copy: Number.NaN };
    const growth = (key: "command" | "copy") => Math.round((at(20_000)[key] / at(10_000)[key]) * 100) / 100;
    const targets: Target[] = [
      { label: "registre rapport, 10 000 → 20 000 conventions : au plus × 2,2 (proportionnel)", met: growth("command") <= 2.2, detail: `× ${cell(growth("command"))}` },
      { label: "la copie seule, 10 000 → 20 000 : au plus × 2,2", met: growth("copy") <= 2.2, detail: `× ${cell(growth("copy"))}` },
      {
        label: "registre rapport sur 20 000 conventions : moins de 30 s (165 s avant)",
        met: at(20_000).command < 30_000,
        detail: `${cell(ms(at(20_000).command))} ms`,
      },
    ];
    return {
      title: `Ligne de commande : registre rapport --annee ${YEAR} sur ${SIZES.map((s) => s.toLocaleString("fr-FR")).join(", ")} conventions (4 comités chacune), médiane de ${RUNS}`,
      rows,
      targets,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
