/**
 * `registre demo`: writes the demo register (src/cli/demoRegister.ts) to an .xlsx file, in the
 * add-in's own layout (one sheet per table, a title above the headers). A file already there is
 * replaced only when it is itself a demo register: a staff's workbook is never overwritten.
 */
import { promises as fs } from "node:fs";
import { CalendarDate } from "../core/dates/calendarDate";
import { TABLE_KEYS } from "../core/register/registerSchema";
import { DEMO } from "../i18n/cli.fr";
import { CliError } from "./cliError";
import { demoRegister } from "./demoRegister";
import { writeRegisterWorkbook } from "./writeRegisterWorkbook";
import { writeFailed } from "./outputFile";
import { loadWorkbook } from "../excel/xlsxWorkbook";

/** Marks a workbook written by `registre demo` (its Keywords property), so it may be replaced. */
export const DEMO_KEYWORDS = "registre-demo";

/**
 * Writes the demo register for asOf; the lines to print say where.
 * @example await writeDemoWorkbook("demo/registre-demo.xlsx", d("2026-11-29")) // { ok: true, lines: ["Registre de démonstration écrit dans …"] }
 */
export async function writeDemoWorkbook(path: string, asOf: CalendarDate): Promise<{ ok: true; lines: string[] } | { ok: false; error: CliError }> {
  if (!(await mayReplace(path))) return { ok: false, error: { code: "demo_target_exists", path } };
  const register = demoRegister(asOf);
  try {
    await writeRegisterWorkbook(path, {
      properties: { title: DEMO.title, subject: DEMO.subject(asOf), keywords: DEMO_KEYWORDS },
      tables: TABLE_KEYS.map((table) => ({ table, titleRows: DEMO.titleRows(table, asOf), rows: register[table] })),
    });
  } catch (error) {
    return { ok: false, error: writeFailed(path, error) };
  }
  return { ok: true, lines: [DEMO.written(path, asOf)] };
}

/** Nothing at the path, or a demo register written before (itself, not a link to one). */
async function mayReplace(path: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    const stat = await fs.lstat(path);
    if (!stat.isFile()) return false;
    bytes = await fs.readFile(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
  try {
    return (await loadWorkbook(bytes)).keywords === DEMO_KEYWORDS;
  } catch {
    return false;
  }
}
