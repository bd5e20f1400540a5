/**
 * The files the command line writes: never the register it reads (by its path, or the same file
 * through a link), and an existing file only when the command may replace it.
 */
import { promises as fs } from "node:fs";
import { resolve } from "node:path";
import { REPORT_CLI } from "../i18n/cli.fr";
import { CliError } from "./cliError";

/** Whether two paths name the same file: the same path, or the same device and inode through a link. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Why `output` may not be written for a command reading `input`; null when it may.
 * @example await refuseOutput({ input: "registre.xlsx", output: "registre.xlsx", replace: true }) // { code: "output_is_input", … }
 */
export async function refuseOutput(request: { readonly input: string; readonly output: string; readonly replace: boolean }): Promise<CliError | null> {
  if (await sameFile(request.output, request.input)) return { code: "output_is_input", path: request.output };
  let output: { isFile: () => boolean };
  try {
    output = await fs.stat(request.output);
  } catch {
    return null; // nothing there: it will be written
  }
  if (!output.isFile()) return { code: "write_failed", path: request.output, detail: REPORT_CLI.notAFile };
  return request.replace ? null : { code: "output_exists", path: request.output };
}
