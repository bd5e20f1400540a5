/**
 * `registre verifier DOSSIER/`: every register of a folder checked at asOf, on worker threads (one
 * per core); one summary line per register, then the findings grouped by register (each
 * convention with findings under its heading), then the balance. A register that cannot be read
 * is listed with the reason and the others go on. `--json`: one object for another program.
 */
import { CalendarDate, toIsoDate } from "../core/dates/calendarDate";
import { FOLDER } from "../i18n/folder.fr";
import { CliError } from "./cliError";
import { BatchSummary, JsonRegister, batchSummary, jsonRegister, registerLine, runRegisters } from "./folderBatch";
import { JsonReport } from "./jsonReport";
import { ProgressLine } from "./progress";
import { listRegisters } from "./registerFolder";

export interface FolderCheckRequest {
  readonly folder: string;
  readonly recursive: boolean;
  readonly asOf: CalendarDate;
  readonly mappingFile: string | null;
  readonly json: boolean;
  readonly workers: number;
  readonly progress: ProgressLine | null;
}

export interface FolderJson {
  readonly asOf: string;
  readonly folder: string;
  /** .xlsx files of sub-folders left out (without --recursif). */
  readonly nestedLeftOut: number;
  readonly registers: readonly (JsonRegister & { readonly report?: JsonReport })[];
  readonly summary: BatchSummary;
}

export type FolderVerification =
  | {
      readonly ok: true;
      /** Every register was tried; `anyChecked` false when none could be read (exit code 2). */
      readonly anyChecked: boolean;
      readonly summary: BatchSummary;
      readonly lines: readonly string[];
      readonly json: FolderJson | null;
    }
  | { readonly ok: false; readonly error: CliError };

/**
 * Checks the registers of a folder.
 * @example (await verifyFolder({ folder: "services", recursive: false, asOf, mappingFile: null, json: false, workers: 4, progress: null })).ok // true
 */
export async function verifyFolder(request: FolderCheckRequest): Promise<FolderVerification> {
  const listed = await listRegisters(request.folder, { recursive: request.recursive });
  if (!listed.ok) return listed;
  const tasks = listed.files.map((file) => ({ kind: "verify" as const, json: request.json, file, asOf: request.asOf, mappingFile: request.mappingFile }));
  const workers = Math.min(request.workers, tasks.length);
  const outcomes = await runRegisters(tasks, { workers, progress: request.progress, verb: "verify" });
  const summary = batchSummary(outcomes);
  const anyChecked = summary.checked > 0;
  if (request.json) {
    const registers = outcomes.map((outcome) => ({ ...jsonRegister(outcome), ...(outcome.ok && outcome.json !== null ? { report: outcome.json } : {}) }));
    return { ok: true, anyChecked, summary, lines: [], json: { asOf: toIsoDate(request.asOf), folder: request.folder, nestedLeftOut: listed.nested, registers, summary } };
  }
  const lines: string[] = [FOLDER.heading(request.folder, tasks.length, request.asOf, workers)];
  if (listed.nested > 0) lines.push(FOLDER.nestedLeftOut(listed.nested));
  lines.push("", FOLDER.registersHeading);
  for (const outcome of outcomes) lines.push(registerLine(outcome));
  lines.push("", FOLDER.findingsHeading);
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const findings = outcome.bySeverity.late + outcome.bySeverity.soon + outcome.bySeverity.data;
    lines.push("", FOLDER.registerHeading(outcome.name, outcome.conventions, findings));
    if (findings === 0) lines.push(FOLDER.noFinding);
    for (const line of outcome.lines) lines.push(line);
  }
  lines.push("", FOLDER.summary(summary.checked, summary.registers, summary.conventions, summary.alerts));
  return { ok: true, anyChecked, summary, lines, json: null };
}
