/**
 * `registre rapport` and `registre comite`: the register of an .xlsx file checked at asOf, the
 * report built by the core (the same sheet the task pane adds in Excel), added to a copy of the
 * workbook. The copy is the register's own package with the sheet added (src/excel/xlsxPatch.ts):
 * every part of the register — its sheets, charts, pivot tables, pictures, macros — kept byte for
 * byte. The register's own file is never written: the output must be another file, and an
 * existing one is replaced only when asked (--remplacer), in one step (src/cli/outputFile.ts).
 */
import { promises as fs } from "node:fs";
import { extname } from "node:path";
import { CalendarDate } from "../core/dates/calendarDate";
import { ReportChoice, reportPlan } from "../plans/reportPlan";
import { REPORT_CLI } from "../i18n/cli.fr";
import { CliError } from "./cliError";
import { openRegisterFile } from "./openRegisterFile";
import { refuseOutput, writeOutput } from "./outputFile";
import { addSheetsToPackage } from "../excel/xlsxPatch";

/** `registre rapport` / `registre comite`: the register, the copy written with the report's sheet added, and which report. */
export interface ReportCopyRequest {
  /** The register. */
  readonly file: string;
  /** The copy written, with the report's sheet added. */
  readonly output: string;
  readonly asOf: CalendarDate;
  readonly mappingFile: string | null;
  /** Replace the output file when it exists. */
  readonly replace: boolean;
  readonly report: ReportChoice;
  /** The authority named under the title; null for none. */
  readonly authority: string | null;
}

export type WrittenReport = { readonly ok: true; readonly lines: string[] } | { readonly ok: false; readonly error: CliError };

/**
 * Writes the copy of the register with the report's sheet (reportPlan, the pane's own); the lines to print say where.
 * @example await writeReport({ file: "registre.xlsx", output: "rapport.xlsx", asOf, mappingFile: null, replace: false, report: { kind: "annual", year: 2025 }, authority: null })
 *   // { ok: true, lines: ["Rapport annuel 2025 écrit dans « rapport.xlsx », feuille « Rapport 2025 » …"] }
 */
export async function writeReport(request: ReportCopyRequest): Promise<WrittenReport> {
  const refused = await refuseOutput({ input: request.file, output: request.output, replace: request.replace });
  if (refused !== null) return { ok: false, error: refused };
  const opened = await openRegisterFile(request.file, { asOf: request.asOf }, request.mappingFile);
  if (!opened.ok) return opened;
  const { register, check } = opened.checked;
  const { report } = request;
  const planned = reportPlan(register, check, report, { asOf: request.asOf, authority: request.authority });
  if (planned === null) {
    const value = report.kind === "committee" ? report.conventionId : "";
    return { ok: false, error: { code: "unknown_convention", value, known: register.conventions.map((c) => c.id) } };
  }
  let packageBytes: Uint8Array;
  try {
    packageBytes = await fs.readFile(request.file);
  } catch (error) {
    return { ok: false, error: { code: "workbook_file", error: { code: "unreadable_file", path: request.file, detail: error instanceof Error ? error.message : String(error) } } };
  }
  const patched = await addSheetsToPackage(packageBytes, planned.plan.addSheets ?? []);
  if (!patched.ok) return { ok: false, error: { code: "copy_impossible", path: request.file, error: patched.error } };
  // The extension tells Excel what the package is: an .xlsm stays an .xlsm, and only it.
  const isXlsm = extname(request.output).toLowerCase() === ".xlsm";
  if (patched.macroEnabled !== isXlsm) return { ok: false, error: { code: "output_extension", path: request.output, expected: patched.macroEnabled ? ".xlsm" : ".xlsx" } };
  const failed = await writeOutput(request.output, patched.bytes, request.replace);
  if (failed !== null) return { ok: false, error: failed };
  const sheet = patched.addedSheets[0] ?? "";
  const written =
    report.kind === "annual"
      ? REPORT_CLI.annualWritten(report.year, request.output, sheet, planned.inForce ?? 0)
      : REPORT_CLI.committeeWritten(report.conventionId, request.output, sheet);
  return { ok: true, lines: [written, REPORT_CLI.registerUntouched(request.file, request.asOf)] };
}
