/**
 * `registre verifier`: an .xlsx file read through the gateway, its tables found (or named by a
 * mapping file), its rows read and checked at asOf; the report for a person or as JSON.
 * The workbook is only read.
 */
import { promises as fs } from "node:fs";
import { CalendarDate } from "../core/calendarDate";
import { ExplicitMapping, parseExplicitMapping } from "../core/detectMapping";
import { MappingProblemCode } from "../core/registerMapping";
import { checkWorkbook } from "../excel/loadRegister";
import { CliError } from "./cliError";
import { humanReport } from "./humanReport";
import { JsonReport, jsonReport } from "./jsonReport";
import { XlsxWorkbook } from "./xlsxWorkbook";

export interface VerifyRequest {
  readonly file: string;
  readonly asOf: CalendarDate;
  /** A mapping file (JSON) naming the sheets and columns instead of the guess. */
  readonly mappingFile: string | null;
}

export type Verification =
  | { readonly ok: true; readonly lines: string[]; readonly json: JsonReport }
  | { readonly ok: false; readonly error: CliError };

/** Problems that come from what the mapping file asks, not from the workbook alone. */
const MAPPING_FILE_PROBLEMS: ReadonlySet<MappingProblemCode> = new Set(["unknown_sheet", "unknown_column", "invalid_mapping"]);

/**
 * Checks a register kept in an .xlsx file: the reader's findings (cells that cannot be read) and
 * the check's, grouped by convention.
 * @example (await verifyWorkbook({ file: "registre.xlsx", asOf: d("2026-11-29"), mappingFile: null })).ok // true
 */
export async function verifyWorkbook(request: VerifyRequest): Promise<Verification> {
  let explicit: ExplicitMapping | undefined;
  if (request.mappingFile !== null) {
    const read = await readMappingFile(request.mappingFile);
    if (!read.ok) return read;
    explicit = read.mapping;
  }
  const opened = await XlsxWorkbook.open(request.file);
  if (!opened.ok) return { ok: false, error: { code: "workbook_file", error: opened.error } };
  const loaded = await checkWorkbook(opened.workbook, { asOf: request.asOf }, explicit);
  if (!loaded.ok) {
    const fromMappingFile = request.mappingFile !== null && loaded.problems.some((p) => MAPPING_FILE_PROBLEMS.has(p.code));
    return {
      ok: false,
      error: fromMappingFile
        ? { code: "mapping_file_invalid", path: request.mappingFile ?? "", problems: loaded.problems }
        : { code: "register_unusable", path: request.file, problems: loaded.problems },
    };
  }
  const grouped = loaded.grouped;
  return {
    ok: true,
    lines: humanReport(request.file, request.asOf, loaded.mapping, grouped),
    json: jsonReport(request.asOf, loaded.mapping, grouped),
  };
}

async function readMappingFile(path: string): Promise<{ ok: true; mapping: ExplicitMapping } | { ok: false; error: CliError }> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, error: { code: "mapping_file_not_found", path } };
    return { ok: false, error: { code: "mapping_file_unreadable", path, detail: error instanceof Error ? error.message : String(error) } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, error: { code: "mapping_file_not_json", path, detail: error instanceof Error ? error.message : String(error) } };
  }
  const parsed = parseExplicitMapping(json);
  if (!parsed.ok) return { ok: false, error: { code: "mapping_file_invalid", path, problems: parsed.problems } };
  return { ok: true, mapping: parsed.value };
}

