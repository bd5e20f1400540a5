/**
 * What `verifier DOSSIER/` and `consolider` share: the registers of a folder run on the worker
 * threads, with the progress line kept up to date, and each register's summary line and JSON.
 */
import { Severity } from "../core/check/findings";
import { FOLDER } from "../i18n/folder.fr";
import { cliErrorMessage } from "../i18n/cli.fr";
import { ProgressLine } from "./progress";
import { RegisterOutcome, RegisterTask } from "./registerOutcome";
import { folderWorkerScript, runInWorkers } from "./workerPool";

export interface BatchOptions {
  readonly workers: number;
  readonly progress: ProgressLine | null;
  readonly verb: "verify" | "consolidate";
}

/**
 * Every register's outcome, in the order of the tasks.
 * @example await runRegisters(tasks, { workers: 4, progress: null, verb: "verify" }) // [{ ok: true, name: "culture.xlsx", … }, …]
 */
export async function runRegisters(tasks: readonly RegisterTask[], options: BatchOptions): Promise<RegisterOutcome[]> {
  let unreadable = 0;
  options.progress?.update(FOLDER.progress(options.verb, 0, tasks.length, 0));
  const outcomes = await runInWorkers<RegisterTask, RegisterOutcome>(tasks, {
    script: folderWorkerScript(),
    workers: options.workers,
    failed: (task, detail) => ({ ok: false, name: task.file.name, error: { code: "register_failed", path: task.file.name, detail } }),
    onResult: (outcome, done) => {
      if (!outcome.ok) unreadable += 1;
      options.progress?.update(FOLDER.progress(options.verb, done, tasks.length, unreadable));
    },
  });
  options.progress?.end();
  return outcomes;
}

/** A register's line in the list of registers: what it holds, or why it could not be read. */
export function registerLine(outcome: RegisterOutcome): string {
  if (!outcome.ok) return FOLDER.unreadableLine(outcome.name, oneLine(cliErrorMessage(outcome.error)));
  return FOLDER.registerLine(outcome.name, outcome.conventions, outcome.bySeverity, outcome.mappingSource);
}

/** An error message on one line: a list of problems joined. */
export function oneLine(message: string): string {
  return message
    .split("\n")
    .map((line) => line.trim().replace(/^- /, ""))
    .join(" ");
}

/** A register in the JSON of a folder, without its check (which only `verifier --json` adds). */
export type JsonRegister =
  | { readonly file: string; readonly ok: true; readonly mappingSource: string; readonly conventions: number; readonly alerts: Readonly<Record<Severity, number>> }
  | { readonly file: string; readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

export function jsonRegister(outcome: RegisterOutcome): JsonRegister {
  if (!outcome.ok) return { file: outcome.name, ok: false, error: { code: outcome.error.code, message: cliErrorMessage(outcome.error) } };
  return { file: outcome.name, ok: true, mappingSource: outcome.mappingSource, conventions: outcome.conventions, alerts: outcome.bySeverity };
}

export interface BatchSummary {
  readonly registers: number;
  readonly checked: number;
  readonly unreadable: number;
  readonly conventions: number;
  readonly alerts: Readonly<Record<Severity, number>>;
}

export function batchSummary(outcomes: readonly RegisterOutcome[]): BatchSummary {
  const alerts: Record<Severity, number> = { late: 0, soon: 0, data: 0 };
  let conventions = 0;
  let checked = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    checked += 1;
    conventions += outcome.conventions;
    for (const key of ["late", "soon", "data"] as const) alerts[key] += outcome.bySeverity[key];
  }
  return { registers: outcomes.length, checked, unreadable: outcomes.length - checked, conventions, alerts };
}
