import { AddinSettings, readSettings, storedMapping } from "../plans/addinSettings";
import { CheckOptions, CheckResult, checkRegister } from "../core/check/checkRegister";
import { ExplicitMapping, detectMapping } from "../core/register/detectMapping";
import { Finding } from "../core/check/findings";
import { GroupedFindings, groupFindings } from "../core/check/groupFindings";
import { isAddinOutputSheet, isAddinSheet } from "../plans/ownedSheets";
import { placeFindings } from "../core/check/placeFindings";
import { readRegister } from "../core/register/readRegister";
import { MappingProblem, RegisterMapping } from "../core/register/registerMapping";
import { Register } from "../core/register/registerSchema";
import { SheetGrid } from "../core/cells/sheetGrid";
import { WorkbookReader } from "../excel/gateway";

/** Where the mapping came from: a mapping file, the one confirmed in the pane and kept in the workbook, or the guess. */
export type MappingSource = "explicit" | "stored" | "detected";

export type LoadedRegister =
  | {
      readonly ok: true;
      readonly mapping: RegisterMapping;
      readonly mappingSource: MappingSource;
      readonly register: Register;
      /** What could not be read (invalid_value, missing_date), in workbook order. */
      readonly findings: readonly Finding[];
      /** Every sheet as read (the add-in's own included), for what is written next. */
      readonly grids: readonly SheetGrid[];
      readonly settings: AddinSettings | null;
    }
  | {
      readonly ok: false;
      readonly mappingSource: MappingSource;
      readonly problems: readonly MappingProblem[];
      readonly grids: readonly SheetGrid[];
      readonly settings: AddinSettings | null;
    };

/**
 * Reads a workbook as a register through any gateway (Office.js, ExcelJS, the in-memory fake):
 * every sheet in bulk, then the tables chosen by an explicit mapping, else by the mapping kept in
 * the workbook when the user confirmed it in the pane, else found from the headers (the add-in's
 * own sheets — alerts, settings, reports — are never taken for a table); then the rows.
 * The workbook is only read.
 */
export async function loadRegister(workbook: WorkbookReader, explicit?: ExplicitMapping): Promise<LoadedRegister> {
  const grids = await workbook.readAllSheets({ skip: isAddinOutputSheet });
  const settings = readSettings(grids);
  const stored = storedMapping(settings);
  const chosen = explicit ?? stored ?? undefined;
  const mappingSource: MappingSource = explicit !== undefined ? "explicit" : stored !== null ? "stored" : "detected";
  const userGrids = grids.filter((grid) => !isAddinSheet(grid.name));
  const found = detectMapping(userGrids, chosen);
  if (!found.ok) return { ok: false, mappingSource, problems: found.problems, grids, settings };
  const { register, findings } = readRegister(userGrids, found.mapping);
  return { ok: true, mapping: found.mapping, mappingSource, register, findings, grids, settings };
}

export type CheckedWorkbook =
  | (Extract<LoadedRegister, { ok: true }> & {
      readonly check: CheckResult;
      /** The reader's and the check's findings, each pointing at its cell where it can. */
      readonly placed: readonly Finding[];
      readonly grouped: GroupedFindings;
    })
  | Extract<LoadedRegister, { ok: false }>;

/**
 * The check of a workbook, as `registre verifier` and the pane's "Vérifier" run it: read, check
 * at `options.asOf`, place each finding on its cell, group them by convention.
 */
export async function checkWorkbook(workbook: WorkbookReader, options: CheckOptions, explicit?: ExplicitMapping): Promise<CheckedWorkbook> {
  const loaded = await loadRegister(workbook, explicit);
  if (!loaded.ok) return loaded;
  const check = checkRegister(loaded.register, options);
  const placed = placeFindings(loaded.findings.concat(check.findings), loaded.mapping);
  return { ...loaded, check, placed, grouped: groupFindings(check.conventions, placed) };
}
