/**
 * Why the command line cannot do what it was asked: errors are data, with a stable code; the
 * French sentence is made in one place (cliErrorMessage, src/i18n/cli.fr.ts). All of them end the
 * command with exit code 2 (unusable input).
 */
import { MappingProblem } from "../core/register/registerMapping";
import type { WorkbookFileError } from "../excel/xlsxWorkbook";
import type { PdfProblem } from "../pdf/pdfText";
import type { PatchError } from "../excel/xlsxPatch";

export type CliError =
  /** No sub-command at all. */
  | { readonly code: "no_command" }
  | { readonly code: "unknown_command"; readonly value: string }
  /** An option the sub-command does not take (`command` is the sub-command). */
  | { readonly code: "unknown_option"; readonly value: string; readonly command: string }
  /** An option given without its value (`--date` at the end of the line). */
  | { readonly code: "option_needs_value"; readonly value: string }
  | { readonly code: "repeated_option"; readonly value: string }
  /** The command (as typed) needs a workbook and none was given. */
  | { readonly code: "missing_file"; readonly command: string }
  | { readonly code: "too_many_arguments"; readonly value: string }
  /** `--date` that is not a date; `detail` is the sentence that says why. */
  | { readonly code: "invalid_date"; readonly value: string; readonly detail: string }
  | { readonly code: "workbook_file"; readonly error: WorkbookFileError }
  | { readonly code: "mapping_file_not_found"; readonly path: string }
  | { readonly code: "mapping_file_unreadable"; readonly path: string; readonly detail: string }
  | { readonly code: "mapping_file_not_json"; readonly path: string; readonly detail: string }
  /** The mapping file is JSON but not a mapping, or names what the workbook does not have. */
  | { readonly code: "mapping_file_invalid"; readonly path: string; readonly problems: readonly MappingProblem[] }
  /** The workbook cannot be read as a register (no conventions table, a required column missing…). */
  | { readonly code: "register_unusable"; readonly path: string; readonly problems: readonly MappingProblem[] }
  /** `demo` was pointed at a file that exists and was not written by `demo`. */
  | { readonly code: "demo_target_exists"; readonly path: string }
  /**
   * The output could not be written (nothing was: the previous file, if any, is intact). `errno`
   * is the system's code (ENOSPC…), phrased in French; `detail` its own text, shown only when the
   * code is not one the message knows.
   */
  | { readonly code: "write_failed"; readonly path: string; readonly errno: string | null; readonly detail: string }
  /** The output is a symbolic link: the command line never writes through one. */
  | { readonly code: "output_is_link"; readonly path: string }
  /** The output is a folder, a named pipe, a device…: only a regular file is ever written. */
  | { readonly code: "output_not_a_file"; readonly path: string }
  /** The copy's name does not end as its kind requires (".xlsm" for a workbook with macros, not for one without): Excel would not open it. */
  | { readonly code: "output_extension"; readonly path: string; readonly expected: ".xlsm" | ".xlsx" }
  /** The register's package cannot be copied with the new sheet without losing a part of it. */
  | { readonly code: "copy_impossible"; readonly path: string; readonly error: PatchError }
  /** `rapport` or `comite` without an option it needs (`--sortie`, `--annee`, `--convention`). */
  | { readonly code: "missing_option"; readonly value: string; readonly command: string }
  /** `--annee` that is not a year; `detail` is the sentence that says why. */
  | { readonly code: "invalid_year"; readonly value: string; readonly detail: string }
  /** The report's output names the register itself: the register is never written. */
  | { readonly code: "output_is_input"; readonly path: string }
  /** The report's output exists and --remplacer was not given. */
  | { readonly code: "output_exists"; readonly path: string }
  /** `comite --convention` names no convention of the register; `known` lists the references. */
  | { readonly code: "unknown_convention"; readonly value: string; readonly known: readonly string[] }
  /** `importer` without the text of the deliberation. */
  | { readonly code: "missing_deliberation_file" }
  | { readonly code: "text_file_not_found"; readonly path: string }
  | { readonly code: "text_file_unreadable"; readonly path: string; readonly detail: string }
  /** `importer` given a folder, a named pipe or a device (/dev/zero): only a regular file is read. */
  | { readonly code: "not_a_regular_file"; readonly path: string }
  /** `importer` given a text larger than a deliberation can be (see src/cli/readTextFile.ts). */
  | { readonly code: "text_file_too_large"; readonly path: string; readonly bytes: number; readonly max: number }
  /** `importer` given a PDF, a Word file or another binary file instead of the text. */
  | { readonly code: "not_a_text_file"; readonly path: string }
  /** `importer` given a PDF that gives no text: a scan, a password, a damaged file, over a limit. */
  | { readonly code: "pdf_unreadable"; readonly path: string; readonly problem: PdfProblem }
  /** pdf.js (the package pdfjs-dist) could not be loaded: an installation without it, or a Node too old. */
  | { readonly code: "pdf_reader_missing"; readonly path: string }
  /** The text gives none of the fields of a deliberation (empty, or something else). */
  | { readonly code: "not_a_deliberation"; readonly path: string }
  /** `ics --sortie` that does not end in .ics (so that no other file is ever replaced). */
  | { readonly code: "output_not_ics"; readonly path: string }
  /** `consolider` without the folder of registers. */
  | { readonly code: "missing_folder" }
  /** A folder of registers (`verifier DOSSIER/`, `consolider`) that is not there. */
  | { readonly code: "folder_not_found"; readonly path: string }
  | { readonly code: "folder_unreadable"; readonly path: string; readonly detail: string }
  /** `consolider` given a file: it takes a folder of registers. */
  | { readonly code: "not_a_folder"; readonly path: string }
  /** A folder without any .xlsx file; `nested`: how many wait in its sub-folders (found with --recursif). */
  | { readonly code: "no_registers"; readonly path: string; readonly nested: number }
  /** An option of folders (--recursif, --processus) given with a single workbook. */
  | { readonly code: "option_needs_folder"; readonly value: string }
  /** `--processus` that is no whole number from 1 to 64. */
  | { readonly code: "invalid_workers"; readonly value: string }
  /** `consolider --sortie` that does not end in .xlsx (so that no other kind of file is ever replaced). */
  | { readonly code: "output_not_xlsx"; readonly path: string }
  /** A workbook of the folder that is a consolidation written by `consolider`: not a register. */
  | { readonly code: "is_consolidation"; readonly path: string }
  /** A register of a folder whose check failed in a way nobody foresaw (a bug, or the worker ran out of memory). */
  | { readonly code: "register_failed"; readonly path: string; readonly detail: string };
