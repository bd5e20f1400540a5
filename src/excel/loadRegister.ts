import { ExplicitMapping, detectMapping } from "../core/detectMapping";
import { Finding } from "../core/findings";
import { readRegister } from "../core/readRegister";
import { isAddinSheet } from "../core/ownedSheets";
import { MappingProblem, RegisterMapping } from "../core/registerMapping";
import { Register } from "../core/registerSchema";
import { WorkbookReader } from "./gateway";

export type LoadedRegister =
  | {
      readonly ok: true;
      readonly mapping: RegisterMapping;
      readonly register: Register;
      /** What could not be read (invalid_value, missing_date), in workbook order. */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };

/**
 * Reads a workbook as a register through any gateway (Office.js, ExcelJS, the in-memory fake):
 * every sheet in bulk (but the add-in's own: alerts, settings, reports), then the tables found (or chosen by an explicit mapping), then the rows.
 * The workbook is only read.
 */
export async function loadRegister(workbook: WorkbookReader, explicit?: ExplicitMapping): Promise<LoadedRegister> {
  const grids = (await workbook.readAllSheets()).filter((grid) => !isAddinSheet(grid.name));
  const found = detectMapping(grids, explicit);
  if (!found.ok) return { ok: false, problems: found.problems };
  const { register, findings } = readRegister(grids, found.mapping);
  return { ok: true, mapping: found.mapping, register, findings };
}
