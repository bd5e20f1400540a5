/**
 * Why the command line cannot do what it was asked: errors are data, with a stable code; the
 * French sentence is made in one place (cliErrorMessage, src/i18n/cli.fr.ts). All of them end the
 * command with exit code 2 (unusable input).
 */
import { MappingProblem } from "../core/registerMapping";
import type { WorkbookFileError } from "./xlsxWorkbook";

export type CliError =
  /** No sub-command at all. */
  | { readonly code: "no_command" }
  | { readonly code: "unknown_command"; readonly value: string }
  /** An option the sub-command does not take (`command` is the sub-command). */
  | { readonly code: "unknown_option"; readonly value: string; readonly command: string }
  /** An option given without its value (`--date` at the end of the line). */
  | { readonly code: "option_needs_value"; readonly value: string }
  | { readonly code: "repeated_option"; readonly value: string }
  /** `verifier` without the workbook to check. */
  | { readonly code: "missing_file" }
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
  | { readonly code: "write_failed"; readonly path: string; readonly detail: string };
