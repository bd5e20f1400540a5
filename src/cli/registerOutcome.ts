/**
 * The work on one register of a folder, as a worker thread does it (src/cli/folderWorker.ts): the
 * register opened and checked by `openRegisterFile` (the command line's one way to read a
 * register), then what the command needs of it, as plain data that crosses to the main thread:
 * - `verifier`: its summary, and its findings by convention as lines or as the JSON of a check;
 * - `consolider`: its conventions and findings as the consolidation shows them, and its annual
 *   report for the year.
 * A register that cannot be read is an outcome too (its CliError), never a failure of the batch.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { FINDING_SEVERITY, Severity } from "../core/check/findings";
import { annualReport } from "../core/report/annualReport";
import { MappingSource } from "../actions/loadRegister";
import { ConsolidatedConvention, ConsolidatedRegister } from "../plans/consolidationPlan";
import { CliError } from "./cliError";
import { findingsByConvention } from "./humanReport";
import { JsonReport, jsonReport } from "./jsonReport";
import { openRegisterFile } from "./openRegisterFile";
import { RegisterFile } from "./registerFolder";
import { XlsxReader } from "../excel/xlsxReader";
import { CONSOLIDATION_SHEETS } from "../plans/ownedSheets";

export type RegisterTask = {
  readonly file: RegisterFile;
  readonly asOf: CalendarDate;
  readonly mappingFile: string | null;
} & (
  | { readonly kind: "verify"; readonly json: boolean }
  /** `link`: the register's path from the consolidated workbook's folder. */
  | { readonly kind: "consolidate"; readonly year: number; readonly link: string }
);

export type RegisterOutcome =
  | { readonly ok: false; readonly name: string; readonly error: CliError }
  | {
      readonly ok: true;
      readonly name: string;
      readonly mappingSource: MappingSource;
      readonly conventions: number;
      readonly bySeverity: Readonly<Record<Severity, number>>;
      /** verifier: the findings by convention, conventions without any left out. */
      readonly lines: readonly string[];
      /** verifier --json: the check as `registre verifier FICHIER --json` gives it. */
      readonly json: JsonReport | null;
      /** consolider: the register as the consolidated workbook shows it. */
      readonly consolidated: ConsolidatedRegister | null;
    };

/**
 * Opens, checks and describes one register.
 * @example (await registerOutcome({ kind: "verify", json: false, file: { path: "services/culture.xlsx", name: "culture.xlsx" }, asOf, mappingFile: null })).ok // true
 */
export async function registerOutcome(task: RegisterTask): Promise<RegisterOutcome> {
  const name = task.file.name;
  const opened = await openRegisterFile(task.file.path, { asOf: task.asOf }, task.mappingFile);
  if (!opened.ok) {
    // A consolidation left in the folder holds only the add-in's sheets, which are never read: said as such.
    const addinOnly = opened.error.code === "register_unusable" && opened.error.problems.some((p) => p.code === "empty_workbook" || p.code === "no_conventions_table");
    if (addinOnly && (await isConsolidation(task.file.path))) return { ok: false, name, error: { code: "is_consolidation", path: task.file.path } };
    return { ok: false, name, error: opened.error };
  }
  const { grouped, mapping, mappingSource, register, check } = opened.checked;
  const bySeverity: Record<Severity, number> = { late: 0, soon: 0, data: 0 };
  for (const section of grouped.sections) for (const f of section.findings) bySeverity[FINDING_SEVERITY[f.code]] += 1;
  for (const f of grouped.orphans) bySeverity[FINDING_SEVERITY[f.code]] += 1;
  const common = { ok: true as const, name, mappingSource, conventions: grouped.sections.length, bySeverity };
  if (task.kind === "verify") {
    return task.json
      ? { ...common, lines: [], json: jsonReport(task.asOf, mapping, grouped), consolidated: null }
      : { ...common, lines: [...findingsByConvention(grouped, false)], json: null, consolidated: null };
  }
  const referenceColumn = mapping.conventions.columns.id?.index ?? 0;
  // The check keeps the register's order: its i-th summary is the register's i-th convention.
  const conventions: ConsolidatedConvention[] = grouped.sections.map((section, i) => {
    const { id, title, partner, start, end, status, nextCommitteeDue, missingSemesters, source } = section.summary;
    return {
      id,
      title,
      partner,
      service: register.conventions[i]?.service ?? null,
      start,
      end,
      status,
      nextCommitteeDue,
      missingSemesters,
      source: source === null ? null : { sheet: source.sheet, row: source.row, column: referenceColumn },
      findings: section.findings,
    };
  });
  const annual = annualReport(register, { asOf: task.asOf, year: task.year, authority: null }, check);
  return {
    ...common,
    lines: [],
    json: null,
    consolidated: { ok: true, name, link: task.link, conventions, orphans: grouped.orphans, annual },
  };
}

/** Whether a workbook is a consolidation written by `registre consolider` (its own "registres" sheet). */
export async function isConsolidation(path: string): Promise<boolean> {
  // The register's own reader: the workbook list of sheets only, without ExcelJS's whole model.
  const opened = await XlsxReader.open(path);
  if (!opened.ok) return false;
  try {
    return (await opened.reader.sheetNames()).includes(CONSOLIDATION_SHEETS.registers);
  } finally {
    opened.reader.close();
  }
}
