/**
 * `registre rapport` and `registre comite`: the register of an .xlsx file checked at asOf, the
 * report built by the core (the same sheet the task pane adds in Excel), written into a copy of
 * the workbook. The register's own file is never written: the output must be another file, and
 * an existing one is replaced only when asked (--remplacer).
 */
import { promises as fs } from "node:fs";
import { dirname, resolve } from "node:path";
import { CalendarDate } from "../core/dates/calendarDate";
import { annualReport } from "../core/report/annualReport";
import { annualReportPlan } from "../plans/annualReportSheet";
import { committeeReport } from "../core/report/committeeReport";
import { committeeReportPlan } from "../plans/committeeReportSheet";
import { WorkbookPlan } from "../plans/sheetDraft";
import { REPORT_CLI } from "../i18n/cli.fr";
import { CliError } from "./cliError";
import { openRegisterFile } from "./openRegisterFile";

export type ReportKind =
  | { readonly kind: "annual"; readonly year: number; readonly authority: string | null }
  | { readonly kind: "committee"; readonly conventionId: string; readonly authority: string | null };

export interface ReportRequest {
  /** The register. */
  readonly file: string;
  /** The copy written, with the report's sheet added. */
  readonly output: string;
  readonly asOf: CalendarDate;
  readonly mappingFile: string | null;
  /** Replace the output file when it exists. */
  readonly replace: boolean;
  readonly report: ReportKind;
}

export type WrittenReport = { readonly ok: true; readonly lines: string[] } | { readonly ok: false; readonly error: CliError };

/**
 * Writes the copy of the register with the report's sheet; the lines to print say where.
 * @example await writeReport({ file: "registre.xlsx", output: "rapport.xlsx", asOf, mappingFile: null, replace: false, report: { kind: "annual", year: 2025, authority: null } })
 *   // { ok: true, lines: ["Rapport annuel 2025 écrit dans « rapport.xlsx », feuille « Rapport 2025 » …"] }
 */
export async function writeReport(request: ReportRequest): Promise<WrittenReport> {
  const refused = await refuseOutput(request);
  if (refused !== null) return { ok: false, error: refused };
  const opened = await openRegisterFile(request.file, { asOf: request.asOf }, request.mappingFile);
  if (!opened.ok) return opened;
  const { register, check } = opened.checked;
  const { report } = request;

  let plan: WorkbookPlan;
  let summary: (sheet: string) => string;
  if (report.kind === "annual") {
    const data = annualReport(register, { asOf: request.asOf, year: report.year, authority: report.authority }, check);
    plan = annualReportPlan(data);
    summary = (sheet) => REPORT_CLI.annualWritten(report.year, request.output, sheet, data.figures.inForce);
  } else {
    const data = committeeReport(register, { asOf: request.asOf, conventionId: report.conventionId, authority: report.authority }, check);
    if (data === null) {
      return { ok: false, error: { code: "unknown_convention", value: report.conventionId, known: register.conventions.map((c) => c.id) } };
    }
    plan = committeeReportPlan(data);
    summary = (sheet) => REPORT_CLI.committeeWritten(report.conventionId, request.output, sheet);
  }

  const applied = await opened.workbook.apply(plan);
  try {
    await fs.mkdir(dirname(request.output), { recursive: true });
    await opened.workbook.save(request.output);
  } catch (error) {
    return { ok: false, error: { code: "write_failed", path: request.output, detail: error instanceof Error ? error.message : String(error) } };
  }
  return { ok: true, lines: [summary(applied.addedSheets[0] ?? ""), REPORT_CLI.registerUntouched(request.file, request.asOf)] };
}

/** The output is the register itself (by its path or as the same file), or exists and may not be replaced. */
async function refuseOutput(request: ReportRequest): Promise<CliError | null> {
  if (resolve(request.output) === resolve(request.file)) return { code: "output_is_input", path: request.output };
  let output: { dev: number; ino: number; isFile: () => boolean };
  try {
    output = await fs.stat(request.output);
  } catch {
    return null; // nothing there: it will be written
  }
  try {
    const input = await fs.stat(request.file);
    if (input.dev === output.dev && input.ino === output.ino) return { code: "output_is_input", path: request.output };
  } catch {
    // The register cannot be read: said when it is opened.
  }
  if (!output.isFile()) return { code: "write_failed", path: request.output, detail: REPORT_CLI.notAFile };
  return request.replace ? null : { code: "output_exists", path: request.output };
}
