/**
 * `registre consolider DOSSIER/ --sortie CONSOLIDE.xlsx [--annee AAAA]`: the registers of a folder
 * checked on worker threads, then one new workbook (src/plans/consolidationPlan.ts) written
 * through the gateway's new-workbook path (XlsxWorkbook.create): the registers, all conventions
 * with their register and service, all alerts linked to their register's cells, and the annual
 * report of them all. The registers are only read; the output is checked as every output of the
 * command line is (refuseOutput), must end in .xlsx, and is never a register of the folder.
 */
import { promises as fs } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { CalendarDate, toIsoDate } from "../core/dates/calendarDate";
import { XlsxWorkbook } from "../excel/xlsxWorkbook";
import { FOLDER, CONSOLIDATION } from "../i18n/folder.fr";
import { cliErrorMessage } from "../i18n/cli.fr";
import { ConsolidatedRegister, consolidationPlan } from "../plans/consolidationPlan";
import { CliError } from "./cliError";
import { BatchSummary, JsonRegister, batchSummary, jsonRegister, oneLine, registerLine, runRegisters } from "./folderBatch";
import { refuseOutput, sameFile, writeOutput } from "./outputFile";
import { ProgressLine } from "./progress";
import { RegisterFile, listRegisters } from "./registerFolder";
import { isConsolidation } from "./registerOutcome";

export interface ConsolidateRequest {
  readonly folder: string;
  readonly recursive: boolean;
  readonly asOf: CalendarDate;
  readonly year: number;
  readonly authority: string | null;
  readonly output: string;
  readonly replace: boolean;
  readonly mappingFile: string | null;
  readonly json: boolean;
  readonly workers: number;
  readonly progress: ProgressLine | null;
}

export interface ConsolidationJson {
  readonly asOf: string;
  readonly year: number;
  readonly folder: string;
  /** The workbook written; null when no register could be read (nothing written). */
  readonly output: string | null;
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly registers: readonly JsonRegister[];
  readonly summary: BatchSummary;
}

export type Consolidation =
  | { readonly ok: true; readonly written: boolean; readonly lines: readonly string[]; readonly json: ConsolidationJson }
  | { readonly ok: false; readonly error: CliError };

/**
 * Consolidates the registers of a folder into one new workbook.
 * @example (await consolidateFolder({ folder: "services", output: "consolide.xlsx", year: 2025, … })).ok // true
 */
export async function consolidateFolder(request: ConsolidateRequest): Promise<Consolidation> {
  if (!request.output.toLowerCase().endsWith(".xlsx")) return { ok: false, error: { code: "output_not_xlsx", path: request.output } };
  const refused = await refuseOutput({ input: request.folder, output: request.output, replace: request.replace });
  if (refused !== null) return { ok: false, error: refused };
  const listed = await listRegisters(request.folder, { recursive: request.recursive, exclude: (path) => resolve(path) === resolve(request.output) });
  if (!listed.ok) return listed;
  // The output is never read as a register (nor through a link to it), and replaces only a consolidation written before.
  const files: RegisterFile[] = [];
  for (const file of listed.files) if (!(await sameFile(file.path, request.output))) files.push(file);
  const amongRegisters = files.length < listed.files.length || resolve(request.output).startsWith(resolve(request.folder) + sep);
  if (amongRegisters && (await exists(request.output)) && !(await isConsolidation(request.output))) {
    return { ok: false, error: { code: "output_is_input", path: request.output } };
  }
  if (files.length === 0) return { ok: false, error: { code: "no_registers", path: request.folder, nested: 0 } };

  const outputFolder = dirname(resolve(request.output));
  const tasks = files.map((file) => ({
    kind: "consolidate" as const,
    year: request.year,
    link: relative(outputFolder, resolve(file.path)).split(sep).join("/"),
    file,
    asOf: request.asOf,
    mappingFile: request.mappingFile,
  }));
  const workers = Math.min(request.workers, tasks.length);
  const outcomes = await runRegisters(tasks, { workers, progress: request.progress, verb: "consolidate" });
  const summary = batchSummary(outcomes);
  const base = { asOf: toIsoDate(request.asOf), year: request.year, folder: request.folder, registers: outcomes.map(jsonRegister), summary };
  const registerLines = [FOLDER.registersHeading, ...outcomes.map(registerLine)];
  if (summary.checked === 0) {
    return { ok: true, written: false, lines: registerLines, json: { ...base, output: null, sheets: [] } };
  }

  const registers: ConsolidatedRegister[] = outcomes.map((outcome, i) =>
    outcome.ok && outcome.consolidated !== null ? outcome.consolidated : { ok: false, name: outcome.name, link: tasks[i].link, reason: outcome.ok ? "" : oneLine(cliErrorMessage(outcome.error)) },
  );
  const planned = consolidationPlan({ asOf: request.asOf, folder: request.folder, year: request.year, authority: request.authority, registers });
  request.progress?.update(FOLDER.writing(request.output));
  const workbook = XlsxWorkbook.create(CONSOLIDATION.workbookTitle(request.folder));
  const applied = await workbook.apply(planned.plan);
  // Written beside the target then renamed (writeOutput): never half a file, never through a link.
  const failed = await writeOutput(request.output, await workbook.bytes(), request.replace);
  request.progress?.end();
  if (failed !== null) return { ok: false, error: failed };
  const [registersSheet, conventionsSheet, alertsSheet, reportSheet] = applied.addedSheets;
  const sheets = [
    { name: registersSheet, rows: registers.length, what: FOLDER.sheetRegisters(registers.length, summary.unreadable) },
    { name: conventionsSheet, rows: planned.conventions, what: FOLDER.sheetConventions(planned.conventions) },
    { name: alertsSheet, rows: planned.alerts, what: FOLDER.sheetAlerts(planned.alerts) },
    { name: reportSheet, rows: planned.report.rows.length, what: FOLDER.sheetReport(request.year, planned.report.figures.inForce) },
  ];
  const lines = [
    FOLDER.consolidated(request.output, summary.checked, summary.registers),
    ...sheets.map((s) => FOLDER.sheetLine(s.name, s.what)),
    "",
    ...registerLines,
    "",
    FOLDER.registersUntouched,
  ];
  return { ok: true, written: true, lines, json: { ...base, output: request.output, sheets: sheets.map(({ name, rows }) => ({ name, rows })) } };
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
