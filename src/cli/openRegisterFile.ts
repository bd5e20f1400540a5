/**
 * A register kept in an .xlsx file, opened and checked for a command: the mapping file read when
 * one is given, the workbook opened through the register's reader (src/excel/xlsxReader.ts: only
 * the cells' values, streamed, sizes bounded), its tables found, its rows read and checked at
 * asOf. Every way this can fail is a CliError; the workbook is only read.
 */
import { promises as fs } from "node:fs";
import { CheckOptions } from "../core/check/checkRegister";
import { ExplicitMapping, parseExplicitMapping } from "../core/register/detectMapping";
import { MappingProblemCode } from "../core/register/registerMapping";
import { CheckedWorkbook, checkWorkbook } from "../actions/loadRegister";
import { CliError } from "./cliError";
import { ReaderOptions, WorkbookReadError, XlsxReader } from "../excel/xlsxReader";

export type OpenedRegister =
  | { readonly ok: true; readonly reader: XlsxReader; readonly checked: Extract<CheckedWorkbook, { ok: true }> }
  | { readonly ok: false; readonly error: CliError };

/** Problems that come from what the mapping file asks, not from the workbook alone. */
const MAPPING_FILE_PROBLEMS: ReadonlySet<MappingProblemCode> = new Set(["unknown_sheet", "unknown_column", "invalid_mapping"]);

/**
 * Opens and checks the register of an .xlsx file.
 * @example (await openRegisterFile("registre.xlsx", { asOf: d("2026-11-29") }, null)).ok // true
 */
export async function openRegisterFile(file: string, options: CheckOptions, mappingFile: string | null, reading: ReaderOptions = {}): Promise<OpenedRegister> {
  let explicit: ExplicitMapping | undefined;
  if (mappingFile !== null) {
    const read = await readMappingFile(mappingFile);
    if (!read.ok) return read;
    explicit = read.mapping;
  }
  const opened = await XlsxReader.open(file, reading);
  if (!opened.ok) return { ok: false, error: { code: "workbook_file", error: opened.error } };
  let checked: CheckedWorkbook;
  try {
    checked = await checkWorkbook(opened.reader, options, explicit);
  } catch (error) {
    opened.reader.close();
    if (error instanceof WorkbookReadError) return { ok: false, error: { code: "workbook_file", error: error.error } };
    throw error;
  }
  opened.reader.close();
  if (!checked.ok) {
    const fromMappingFile = mappingFile !== null && checked.problems.some((p) => MAPPING_FILE_PROBLEMS.has(p.code));
    return {
      ok: false,
      error: fromMappingFile
        ? { code: "mapping_file_invalid", path: mappingFile ?? "", problems: checked.problems }
        : { code: "register_unusable", path: file, problems: checked.problems },
    };
  }
  return { ok: true, reader: opened.reader, checked };
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
    // JSON.parse's message is English: src/i18n/cli.fr.ts keeps only where it stopped (jsonReason).
    return { ok: false, error: { code: "mapping_file_not_json", path, detail: error instanceof Error ? error.message : String(error) } };
  }
  const parsed = parseExplicitMapping(json);
  if (!parsed.ok) return { ok: false, error: { code: "mapping_file_invalid", path, problems: parsed.problems } };
  return { ok: true, mapping: parsed.value };
}
