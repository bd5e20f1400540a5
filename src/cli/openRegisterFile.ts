/**
 * A register kept in an .xlsx file, opened and checked for a command: the mapping file read when
 * one is given, the workbook opened through the register's reader (src/excel/xlsxReader.ts: only
 * the cells' values, streamed, sizes bounded), its tables found, its rows read and checked at
 * asOf. Every way this can fail is a CliError; the workbook is only read.
 */
import { promises as fs } from "node:fs";
import { CheckOptions } from "../core/check/checkRegister";
import { ExplicitMapping, parseExplicitMapping } from "../core/register/detectMapping";
import { MappingProblemCode, RegisterMapping } from "../core/register/registerMapping";
import { CheckedWorkbook, LoadedRegister, checkWorkbook, loadRegister } from "../actions/loadRegister";
import { Finding } from "../core/check/findings";
import { Register } from "../core/register/registerSchema";
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
  const opened = await withRegisterFile(file, mappingFile, reading, (reader, explicit) => checkWorkbook(reader, options, explicit));
  return opened.ok ? { ok: true, reader: opened.reader, checked: opened.value } : opened;
}

/** A register read from an .xlsx file, without the sheets' cells nor a check: what a check made as it is walked needs. */
export interface ReadRegisterFile {
  readonly ok: true;
  readonly mapping: RegisterMapping;
  readonly register: Register;
  /** What could not be read (invalid_value, missing_date), in workbook order. */
  readonly findings: readonly Finding[];
}

/**
 * Reads the register of an .xlsx file as openRegisterFile does, without checking it; the sheets'
 * cells are let go once the rows are read (a large register's cells take as much memory as its rows).
 * @example (await readRegisterFile("registre.xlsx", null)).ok // true
 */
export async function readRegisterFile(
  file: string,
  mappingFile: string | null,
  reading: ReaderOptions = {},
): Promise<ReadRegisterFile | { readonly ok: false; readonly error: CliError }> {
  const opened = await withRegisterFile(file, mappingFile, reading, async (reader, explicit) => {
    const loaded = await loadRegister(reader, explicit);
    return loaded.ok ? { ok: true as const, mapping: loaded.mapping, register: loaded.register, findings: loaded.findings } : loaded;
  });
  return opened.ok ? opened.value : opened;
}

/**
 * What openRegisterFile and readRegisterFile share: the mapping file read when one is given, the
 * workbook opened through the register's reader, `work` done with it, the reader closed (its cells
 * let go); every way this can fail a CliError.
 */
async function withRegisterFile<T extends { readonly ok: true }>(
  file: string,
  mappingFile: string | null,
  reading: ReaderOptions,
  work: (reader: XlsxReader, explicit: ExplicitMapping | undefined) => Promise<T | Extract<LoadedRegister, { ok: false }>>,
): Promise<{ readonly ok: true; readonly reader: XlsxReader; readonly value: T } | { readonly ok: false; readonly error: CliError }> {
  let explicit: ExplicitMapping | undefined;
  if (mappingFile !== null) {
    const read = await readMappingFile(mappingFile);
    if (!read.ok) return read;
    explicit = read.mapping;
  }
  const opened = await XlsxReader.open(file, reading);
  if (!opened.ok) return { ok: false, error: { code: "workbook_file", error: opened.error } };
  let done: T | Extract<LoadedRegister, { ok: false }>;
  try {
    done = await work(opened.reader, explicit);
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ok: false, error: { code: "workbook_file", error: error.error } };
    throw error;
  } finally {
    opened.reader.close();
  }
  if (!done.ok) {
    const fromMappingFile = mappingFile !== null && done.problems.some((p) => MAPPING_FILE_PROBLEMS.has(p.code));
    return {
      ok: false,
      error: fromMappingFile
        ? { code: "mapping_file_invalid", path: mappingFile ?? "", problems: done.problems }
        : { code: "register_unusable", path: file, problems: done.problems },
    };
  }
  return { ok: true, reader: opened.reader, value: done };
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
