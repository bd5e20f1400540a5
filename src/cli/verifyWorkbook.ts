/**
 * `registre verifier`: an .xlsx file read through the gateway, its tables found (or named by a
 * mapping file), its rows read and checked at asOf; the report for a person or as JSON.
 * The workbook is only read.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { CliError } from "./cliError";
import { humanReport, humanReportLines } from "./humanReport";
import { checkedSections } from "../core/check/checkedSections";
import { JsonReport, jsonReport, jsonReportPieces } from "./jsonReport";
import { readRegisterFile } from "./openRegisterFile";
import { ReaderOptions } from "../excel/xlsxReader";

export interface VerifyRequest {
  readonly file: string;
  readonly asOf: CalendarDate;
  /** A mapping file (JSON) naming the sheets and columns instead of the guess. */
  readonly mappingFile: string | null;
}

export type Verification =
  | {
      readonly ok: true;
      /** The report for a person (made when first read). */
      readonly lines: string[];
      /** The report as one JSON object (made when first read). */
      readonly json: JsonReport;
      /** The report for a person, line by line, made as it is written (see humanReportLines). */
      linePieces(): Iterable<string>;
      /** `--json`'s text in pieces of whole lines, made as they are written (see jsonReportPieces). */
      jsonPieces(): Iterable<string>;
    }
  | { readonly ok: false; readonly error: CliError };

/**
 * Checks a register kept in an .xlsx file: the reader's findings (cells that cannot be read) and
 * the check's, grouped by convention. What is held is the register's rows, not its cells nor its
 * findings: the check is made again each time a report walks it (checkedSections), so that a
 * register of 200 000 conventions and over a million findings is reported on in bounded memory.
 * @example (await verifyWorkbook({ file: "registre.xlsx", asOf: d("2026-11-29"), mappingFile: null })).ok // true
 */
export async function verifyWorkbook(request: VerifyRequest, reading: ReaderOptions = {}): Promise<Verification> {
  const read = await readRegisterFile(request.file, request.mappingFile, reading);
  if (!read.ok) return read;
  const { mapping } = read;
  const grouped = checkedSections(read.register, { asOf: request.asOf }, read.findings, mapping);
  // Only the form printed is made: a large register's report takes hundreds of megabytes.
  let lines: string[] | null = null;
  let json: JsonReport | null = null;
  return {
    ok: true,
    get lines() {
      return (lines ??= humanReport(request.file, request.asOf, mapping, grouped));
    },
    get json() {
      return (json ??= jsonReport(request.asOf, mapping, grouped));
    },
    linePieces: () => humanReportLines(request.file, request.asOf, mapping, grouped),
    jsonPieces: () => jsonReportPieces(request.asOf, mapping, grouped),
  };
}
