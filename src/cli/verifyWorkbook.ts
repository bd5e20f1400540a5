/**
 * `registre verifier`: an .xlsx file read through the gateway, its tables found (or named by a
 * mapping file), its rows read and checked at asOf; the report for a person or as JSON.
 * The workbook is only read.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { CliError } from "./cliError";
import { humanReport } from "./humanReport";
import { JsonReport, jsonReport } from "./jsonReport";
import { openRegisterFile } from "./openRegisterFile";

export interface VerifyRequest {
  readonly file: string;
  readonly asOf: CalendarDate;
  /** A mapping file (JSON) naming the sheets and columns instead of the guess. */
  readonly mappingFile: string | null;
}

export type Verification =
  | { readonly ok: true; readonly lines: string[]; readonly json: JsonReport }
  | { readonly ok: false; readonly error: CliError };

/**
 * Checks a register kept in an .xlsx file: the reader's findings (cells that cannot be read) and
 * the check's, grouped by convention.
 * @example (await verifyWorkbook({ file: "registre.xlsx", asOf: d("2026-11-29"), mappingFile: null })).ok // true
 */
export async function verifyWorkbook(request: VerifyRequest): Promise<Verification> {
  const opened = await openRegisterFile(request.file, { asOf: request.asOf }, request.mappingFile);
  if (!opened.ok) return opened;
  const { mapping, grouped } = opened.checked;
  return {
    ok: true,
    lines: humanReport(request.file, request.asOf, mapping, grouped),
    json: jsonReport(request.asOf, mapping, grouped),
  };
}
