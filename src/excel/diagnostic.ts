/**
 * The diagnostic, run in the user's own Excel: what the host says of itself (application,
 * platform, version, display language, the requirement sets of requirements.ts), then each
 * behaviour of Excel the add-in relies on, tried in temporary sheets that are removed at the end:
 * - text written with the text format ("@") stays text, even "=1+1";
 * - a formula naming one of the add-in's functions in the language Excel loaded gives its number,
 *   not #NAME? (office-js #891; the cell reads #BUSY! while the function computes: office-js #4152);
 * - a table grows by `table.rows.add` (office-js #2097, #3013: it does not grow by itself);
 * - a very hidden sheet, like the add-in's settings sheet, can be rewritten in place, then made
 *   hidden and deleted (Worksheet.delete refuses a very hidden sheet: reference page, office-js #365);
 * - one request's round trip.
 * The workbook's outline (sheets and their visibility, tables, names, active sheet) is read before
 * and after: the report says whether it is the same. Results are data (codes and what was read);
 * the French words are src/i18n/diagnostic.fr.ts's.
 */
import { calendarDate } from "../core/dates/calendarDate";
import { dateToSerial } from "../core/dates/excelSerial";
import { endOfTerm } from "../core/rules/endOfTerm";
import { FunctionLanguage, functionLanguageOf, functionName } from "../plans/functionNames";
import { uniqueSheetName } from "../plans/sheetDraft";
import { RequirementsApi, SetSupport, requirementSupport } from "./requirements";

/** Excel.run, as the diagnostic calls it (the tests give a fake host's). */
export type DiagnosticRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What Office says of the Excel the add-in runs in. */
export interface HostEnvironment {
  readonly host: string | null;
  readonly platform: string | null;
  readonly version: string | null;
  readonly displayLanguage: string | null;
  /** The language of the functions' names in this Excel (from the display language and the manifest). */
  readonly functionLanguage: FunctionLanguage;
  /** Each required set, with whether Office says this Excel has it; null when Office cannot be asked. */
  readonly requirements: readonly SetSupport[] | null;
}

interface OfficeContextShape {
  readonly displayLanguage?: unknown;
  readonly platform?: unknown;
  readonly diagnostics?: { readonly host?: unknown; readonly platform?: unknown; readonly version?: unknown };
  readonly requirements?: Partial<RequirementsApi>;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * Office.context as the diagnostic reports it.
 * @example hostEnvironment({ displayLanguage: "en-GB", diagnostics: { host: "Excel", platform: "PC", version: "16.0.18129.20000" } }).functionLanguage // "en"
 */
export function hostEnvironment(context: OfficeContextShape | undefined = (globalThis as { Office?: { context?: OfficeContextShape } }).Office?.context): HostEnvironment {
  const displayLanguage = text(context?.displayLanguage);
  const requirements = context?.requirements;
  return {
    host: text(context?.diagnostics?.host),
    platform: text(context?.diagnostics?.platform) ?? text(context?.platform),
    version: text(context?.diagnostics?.version),
    displayLanguage,
    functionLanguage: functionLanguageOf(displayLanguage),
    requirements: typeof requirements?.isSetSupported === "function" ? requirementSupport(requirements as RequirementsApi) : null,
  };
}

/** A cell as Excel reads it back: its value and its type (Excel.RangeValueType). */
export interface ReadCell {
  readonly value: string | number | boolean;
  readonly type: string;
}

/** The workbook's shape, compared before and after: what the diagnostic must leave as it was. */
export interface WorkbookOutline {
  /** "Name (Visibility)", in the workbook's order. */
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
  readonly activeSheet: string;
}

/** The steps that can be refused by Excel, each reported on its own. */
export type ProbeStep = "temporary_sheet" | "text_stays_text" | "custom_function" | "table_rows_add" | "settings_rewrite" | "round_trip";

export type ProbeResult =
  | { readonly code: "text_stays_text"; readonly ok: boolean; readonly written: string; readonly read: ReadCell }
  | { readonly code: "custom_function"; readonly ok: boolean; readonly formula: string; readonly expected: number; readonly read: ReadCell; readonly reads: number }
  | { readonly code: "table_rows_add"; readonly ok: boolean; readonly rowsBefore: number; readonly rowsAfter: number; readonly newRow: readonly ReadCell[] }
  | { readonly code: "settings_rewrite"; readonly ok: boolean; readonly visibility: string; readonly rewritten: ReadCell; readonly removed: boolean }
  | { readonly code: "round_trip"; readonly ok: true; readonly milliseconds: number }
  | { readonly code: "workbook_unchanged"; readonly ok: boolean; readonly before: WorkbookOutline; readonly after: WorkbookOutline }
  /** Excel refused a step (its error code and message); the steps after it still ran. */
  | { readonly code: "refused"; readonly ok: false; readonly step: ProbeStep; readonly errorCode: string; readonly message: string }
  /** Excel refused the removal of the temporary sheets: the ones that may be left, for the user to delete. */
  | { readonly code: "sheets_left"; readonly ok: false; readonly sheets: readonly string[]; readonly errorCode: string; readonly message: string };

export interface ProbeOptions {
  readonly run: DiagnosticRunner;
  /** The language of the functions' names (HostEnvironment.functionLanguage). */
  readonly language: FunctionLanguage;
  /** A clock in milliseconds (performance.now in the pane), for the round trip only. */
  readonly now: () => number;
  /** Waits before reading a function's cell again while Excel computes it. */
  readonly wait: (milliseconds: number) => Promise<void>;
}

/** The temporary sheets' names (" (2)" added when taken). */
export const PROBE_SHEETS = { cells: "Diagnostic_Registre", settings: "Diagnostic_Parametres" } as const;
/** The text written as text: it must read back as this text, not 2. */
export const TEXT_PROBE = "=1+1";
/** The function tried: END_DATE, on the TEAM² convention (notified 15/07/2024, 3 years). */
const FUNCTION_PROBE = { id: "END_DATE", start: calendarDate(2024, 7, 15), months: 36 } as const;
/** Reads of a function's cell while it shows #BUSY!, and the wait between two (about 10 s in all). */
const FUNCTION_READS = 20;
const FUNCTION_WAIT_MS = 500;
const COMPUTING = new Set(["#BUSY!", "#GETTING_DATA"]);

/**
 * Runs every probe in temporary sheets, then removes them (always, even after a refusal) and
 * compares the workbook's outline with what it was.
 * @example await runProbes({ run: Excel.run, language: "fr", now: () => performance.now(), wait }) // [{ code: "round_trip", ok: true, milliseconds: 12 }, …]
 */
export async function runProbes(options: ProbeOptions): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  const state: { sheets: string[]; before: WorkbookOutline | null } = { sheets: [], before: null };
  try {
    await options.run(async (context) => {
      state.before = await readOutline(context);
      const taken = state.before.sheets.map(sheetName);
      const cellsName = uniqueSheetName(PROBE_SHEETS.cells, taken);
      const settingsName = uniqueSheetName(PROBE_SHEETS.settings, [...taken, cellsName]);
      const sheet = context.workbook.worksheets.add(cellsName);
      sheet.visibility = "Hidden";
      state.sheets = [cellsName, settingsName];
      const added = await attempt("temporary_sheet", async () => {
        await context.sync();
        return null;
      });
      if (added !== null) {
        results.push(added);
        return;
      }
      results.push(await attempt("round_trip", () => roundTrip(context, sheet, options.now)));
      results.push(await attempt("text_stays_text", () => textProbe(context, sheet)));
      results.push(await attempt("custom_function", () => functionProbe(context, sheet, options)));
      results.push(await attempt("table_rows_add", () => tableProbe(context, sheet)));
      results.push(await attempt("settings_rewrite", () => settingsProbe(context, settingsName)));
    });
  } catch (error) {
    results.push(refused("temporary_sheet", error));
  }
  try {
    const unchanged = await cleanUp(options.run, state.sheets, state.before);
    if (unchanged !== null) results.push(unchanged);
  } catch (error) {
    const { errorCode, message } = refused("temporary_sheet", error);
    results.push({ code: "sheets_left", ok: false, sheets: state.sheets, errorCode, message });
  }
  return results;
}

/** A step's result, or its refusal by Excel. */
async function attempt<T extends ProbeResult | null>(step: ProbeStep, probe: () => Promise<T>): Promise<T | ProbeResult> {
  try {
    return await probe();
  } catch (error) {
    return refused(step, error);
  }
}

function refused(step: ProbeStep, error: unknown): Extract<ProbeResult, { code: "refused" }> {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  return { code: "refused", ok: false, step, errorCode: code, message: error instanceof Error ? error.message : String(error) };
}

const sheetName = (entry: string): string => entry.replace(/ \((Visible|Hidden|VeryHidden)\)$/, "");

async function readOutline(context: Excel.RequestContext): Promise<WorkbookOutline> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => `${s.name} (${s.visibility})`),
    tables: tables.items.map((t) => t.name),
    names: names.items.map((n) => n.name),
    activeSheet: active.name,
  };
}

function readCell(range: Excel.Range, row = 0, column = 0): ReadCell {
  return { value: range.values[row][column] as string | number | boolean, type: String(range.valueTypes[row][column]) };
}

async function roundTrip(context: Excel.RequestContext, sheet: Excel.Worksheet, now: () => number): Promise<ProbeResult> {
  sheet.load("name");
  const start = now();
  await context.sync();
  return { code: "round_trip", ok: true, milliseconds: Math.max(0, Math.round(now() - start)) };
}

async function textProbe(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<ProbeResult> {
  // As the add-in writes text (officeWorkbook.ts): the text format first, then the text.
  const cell = sheet.getRangeByIndexes(0, 0, 1, 1);
  cell.numberFormat = [["@"]];
  cell.formulas = [[TEXT_PROBE]];
  cell.load("values,valueTypes");
  await context.sync();
  const read = readCell(cell);
  return { code: "text_stays_text", ok: read.type === "String" && read.value === TEXT_PROBE, written: TEXT_PROBE, read };
}

async function functionProbe(context: Excel.RequestContext, sheet: Excel.Worksheet, options: ProbeOptions): Promise<ProbeResult> {
  const serial = (date: Parameters<typeof dateToSerial>[0]): number => {
    const result = dateToSerial(date);
    if (!result.ok) throw new Error(`no serial for ${JSON.stringify(date)}`);
    return result.value;
  };
  const expected = serial(endOfTerm(FUNCTION_PROBE.start, FUNCTION_PROBE.months));
  // range.formulas takes English separators, and the function by the name of the loaded language.
  const formula = `=${functionName(FUNCTION_PROBE.id, options.language)}(${serial(FUNCTION_PROBE.start)},${FUNCTION_PROBE.months})`;
  const cell = sheet.getRangeByIndexes(0, 1, 1, 1);
  cell.formulas = [[formula]];
  let read: ReadCell = { value: "", type: "Empty" };
  let reads = 0;
  do {
    if (reads > 0) await options.wait(FUNCTION_WAIT_MS);
    cell.load("values,valueTypes");
    await context.sync();
    read = readCell(cell);
    reads += 1;
  } while (COMPUTING.has(String(read.value)) && reads < FUNCTION_READS);
  return { code: "custom_function", ok: read.type === "Double" && read.value === expected, formula, expected, read, reads };
}

async function tableProbe(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<ProbeResult> {
  const area = sheet.getRangeByIndexes(0, 3, 2, 2);
  area.formulas = [["Clé", "Valeur"], ["a", 1]];
  const table = sheet.tables.add(area, true);
  const before = table.getDataBodyRange().load("rowCount");
  await context.sync();
  table.rows.add(undefined, [["b", 2]]);
  const after = table.getDataBodyRange().load("rowCount");
  const row = sheet.getRangeByIndexes(2, 3, 1, 2).load("values,valueTypes");
  await context.sync();
  const newRow = [readCell(row, 0, 0), readCell(row, 0, 1)];
  const ok = after.rowCount === before.rowCount + 1 && newRow[0].value === "b" && newRow[1].value === 2;
  return { code: "table_rows_add", ok, rowsBefore: before.rowCount, rowsAfter: after.rowCount, newRow };
}

async function settingsProbe(context: Excel.RequestContext, name: string): Promise<ProbeResult> {
  // A small copy of a settings sheet, never the add-in's own: written as text, very hidden.
  const copy = context.workbook.worksheets.add(name);
  const cells = copy.getRangeByIndexes(0, 0, 2, 2);
  cells.numberFormat = [["@", "@"], ["@", "@"]];
  cells.formulas = [["clé", "valeur"], ["essai", "1"]];
  copy.visibility = "VeryHidden";
  copy.load("visibility");
  await context.sync();
  const visibility = String(copy.visibility);
  // Rewritten in place, then removed the only way Excel allows: hidden first, deleted next.
  const row = copy.getRangeByIndexes(1, 0, 1, 2);
  row.formulas = [["essai", "2"]];
  row.load("values,valueTypes");
  await context.sync();
  const rewritten = readCell(row, 0, 1);
  copy.visibility = "Hidden";
  copy.delete();
  const gone = context.workbook.worksheets.getItemOrNullObject(name);
  gone.load("name");
  await context.sync();
  const removed = gone.isNullObject;
  return { code: "settings_rewrite", ok: visibility === "VeryHidden" && rewritten.value === "2" && removed, visibility, rewritten, removed };
}

/** Deletes what is left of the temporary sheets (made hidden first), then compares the outline. */
async function cleanUp(run: DiagnosticRunner, sheets: readonly string[], before: WorkbookOutline | null): Promise<ProbeResult | null> {
  return run(async (context) => {
    const left = sheets.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load("name"));
    await context.sync();
    for (const sheet of left) {
      if (sheet.isNullObject) continue;
      sheet.visibility = "Hidden";
      sheet.delete();
    }
    const after = await readOutline(context);
    return before === null ? null : { code: "workbook_unchanged", ok: JSON.stringify(before) === JSON.stringify(after), before, after };
  });
}
