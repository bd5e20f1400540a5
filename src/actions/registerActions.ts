/**
 * The register's actions in a workbook, the same for the task pane and the ribbon's commands, on
 * any gateway: look at the workbook (adopted register, one to adopt, or none), keep a confirmed
 * mapping, set up a new register, check the register and write its alerts (the reports are in
 * reportActions.ts, which the pane loads with its Rapports tab). Each
 * action reads once, plans in the core, and writes once through the gateway; a refusal comes back
 * as a GatewayError with nothing written.
 */
import { readSettings, settingsSheet, updateSettings } from "../plans/addinSettings";
import { AlertsPlan, planAlerts } from "../plans/alertsPlan";
import { AppendProblem, NewRows, PlacedRow, planAppendRows } from "../plans/appendRowsPlan";
import { CalendarDate } from "../core/dates/calendarDate";
import { calendarEvents } from "../core/calendar/calendarEvents";
import { eventsIcs } from "../plans/eventsIcs";
import { ExplicitMapping, detectMapping, mappingFileJson } from "../core/register/detectMapping";
import { GroupedFindings } from "../core/check/groupFindings";
import { MappingDraft, draftFromMapping, draftToExplicit } from "../core/register/mappingDraft";
import { isAddinOutputSheet, isAddinSheet } from "../plans/ownedSheets";
import { MappingProblem, RegisterMapping } from "../core/register/registerMapping";
import { Register } from "../core/register/registerSchema";
import { setupRegisterPlan } from "../plans/setupRegister";
import { functionLanguageOf } from "../plans/functionNames";
import { SheetGrid, columnLetter, isCellError } from "../core/cells/sheetGrid";
import { WorkbookGateway } from "../excel/gateway";
import { checkWorkbook, loadRegister } from "./loadRegister";

/** What the workbook holds, as the pane first shows it. */
export type WorkbookInspection =
  /** A register whose mapping the user confirmed before: ready to check. */
  | {
      readonly kind: "adopted";
      readonly mapping: RegisterMapping;
      /** The conventions (how many, and to choose one for a comité report). */
      readonly conventions: readonly ConventionChoice[];
      /** The authority named in the last report, kept in the settings. */
      readonly authority: string | null;
      readonly sheets: readonly string[];
      readonly grids: readonly SheetGrid[];
    }
  /**
   * A register to adopt: the detection's mapping to review (or the sheets to choose from when it
   * found none), with what stops it, if anything (a stored mapping that no longer fits says why).
   */
  | {
      readonly kind: "toAdopt";
      readonly draft: MappingDraft;
      readonly problems: readonly MappingProblem[];
      readonly sheets: readonly string[];
      readonly grids: readonly SheetGrid[];
    }
  /** A workbook with nothing in it: a new register can be set up. */
  | { readonly kind: "blank"; readonly sheets: readonly string[] };

/** The steps of a long action, for the pane's progress line. */
export type ActionStep = "reading" | "checking" | "writing";

export type Progress = (step: ActionStep) => void;

export const silent: Progress = () => undefined;

/**
 * Looks at the workbook: adopted, to adopt, or blank. Reads it once; writes nothing.
 * @example (await inspectWorkbook(new MemoryWorkbook({ Feuil1: [] }))).kind // "blank"
 */
export async function inspectWorkbook(gateway: WorkbookGateway): Promise<WorkbookInspection> {
  const loaded = await loadRegister(gateway);
  const grids = loaded.grids.filter((g) => !isAddinSheet(g.name));
  const sheets = grids.map((g) => g.name);
  if (loaded.ok && loaded.mappingSource === "stored") {
    const { mapping, register, settings } = loaded;
    return { kind: "adopted", mapping, conventions: conventionChoices(register), authority: settings?.authority ?? null, sheets, grids };
  }
  if (loaded.ok) return { kind: "toAdopt", draft: draftFromMapping(loaded.mapping, grids), problems: [], sheets, grids };
  if (loaded.problems.some((p) => p.code === "empty_workbook")) return { kind: "blank", sheets };
  // A stored mapping that no longer fits: what the detection finds now is offered instead.
  const fresh = loaded.mappingSource === "stored" ? detectMapping(grids) : null;
  const draft = draftFromMapping(fresh !== null && fresh.ok ? fresh.mapping : null, grids);
  return { kind: "toAdopt", draft, problems: loaded.problems, sheets, grids };
}

export type AdoptResult =
  | { readonly ok: true; readonly mapping: RegisterMapping }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };

/**
 * Keeps the mapping the user confirmed, once the detection has checked it against the workbook:
 * the add-in's settings sheet is the only thing written.
 */
export async function adoptRegister(gateway: WorkbookGateway, draft: MappingDraft): Promise<AdoptResult> {
  const kept = await keepMapping(gateway, draftToExplicit(draft));
  return kept.ok ? { ok: true, mapping: kept.mapping } : kept;
}

async function keepMapping(gateway: WorkbookGateway, explicit: ExplicitMapping | undefined): Promise<AdoptResult & { readonly grids?: readonly SheetGrid[] }> {
  const all = await gateway.readAllSheets({ skip: isAddinOutputSheet });
  const found = detectMapping(
    all.filter((g) => !isAddinSheet(g.name)),
    explicit,
  );
  if (!found.ok) return found;
  await gateway.apply({ replaceSheets: [settingsSheet(updateSettings(readSettings(all), { mapping: mappingFileJson(found.mapping) }))] });
  return { ok: true, mapping: found.mapping, grids: all };
}

/** A formula cell of a new register that shows an error value once written. */
export interface FormulaError {
  readonly sheet: string;
  /** Excel's row (1-based) and column letter. */
  readonly row: number;
  readonly column: string;
  /** The error value: "#NAME?" when Excel does not know a function by the name written. */
  readonly error: string;
}

export type SetupResult =
  | {
      readonly ok: true;
      readonly mapping: RegisterMapping;
      /** The formula cells read back with an error value (none when all computed): to say, never to leave silent. */
      readonly formulaErrors: readonly FormulaError[];
      /** Excel's display language, which chose the functions' names written. */
      readonly displayLanguage: string | null;
    }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };

/** Values a formula shows while Excel computes it: not an error. */
const PENDING = new Set(["#BUSY!", "#GETTING_DATA"]);

/**
 * Sets up a new register (four tables with the example of the deliberation), its formulas calling
 * the add-in's functions by the names of the metadata Excel loaded for its display language; then
 * keeps its mapping, so that it is adopted from the start, and reads the formulas back: a cell that
 * shows an error value (#NAME? when Excel knows the functions under other names) is reported.
 */
export async function setUpRegister(gateway: WorkbookGateway): Promise<SetupResult> {
  const displayLanguage = gateway.displayLanguage?.() ?? null;
  const { addedSheets } = await gateway.apply(setupRegisterPlan(functionLanguageOf(displayLanguage)));
  const kept = await keepMapping(gateway, undefined);
  if (!kept.ok) return kept;
  // A new register's only formulas are its computed columns: any error value of its sheet is one of theirs.
  const formulaErrors: FormulaError[] = [];
  kept.grids
    ?.find((g) => g.name === addedSheets[0])
    ?.values.forEach((line, r) =>
      line.forEach((value, column) => {
        if (isCellError(value) && !PENDING.has(value.error)) formulaErrors.push({ sheet: addedSheets[0], row: r + 1, column: columnLetter(column), error: value.error });
      }),
    );
  return { ok: true, mapping: kept.mapping, formulaErrors, displayLanguage };
}

export type CheckOutcome =
  | ({ readonly ok: true; readonly grouped: GroupedFindings; readonly mapping: RegisterMapping } & Pick<AlertsPlan, "bySeverity" | "keptCells">)
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };

/**
 * "Vérifier le registre": reads the workbook, checks it at asOf, and writes the "Alertes" sheet
 * and the add-in's own columns (nothing else), in one write.
 */
export async function checkAndAnnotate(gateway: WorkbookGateway, asOf: CalendarDate, options: { activate?: boolean; progress?: Progress } = {}): Promise<CheckOutcome> {
  const progress = options.progress ?? silent;
  progress("checking");
  const checked = await checkWorkbook(gateway, { asOf });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const alerts = planAlerts({ asOf, mapping: checked.mapping, grouped: checked.grouped, grids: checked.grids, settings: checked.settings, activate: options.activate });
  progress("writing");
  await gateway.apply(alerts.plan);
  return { ok: true, grouped: checked.grouped, mapping: checked.mapping, bySeverity: alerts.bySeverity, keptCells: alerts.keptCells };
}

export type ImportOutcome =
  | { readonly ok: true; readonly placed: readonly PlacedRow[]; readonly deadlinesLeftOut: number }
  | { readonly ok: false; readonly problems: readonly AppendProblem[]; readonly mappingProblems: readonly MappingProblem[] };

/**
 * "Importer une délibération", once the user has confirmed the rows: they are appended below the
 * register's tables, in the user's columns, on blank rows; nothing else is written.
 */
export async function appendImportedRows(gateway: WorkbookGateway, rows: NewRows): Promise<ImportOutcome> {
  const loaded = await loadRegister(gateway);
  if (!loaded.ok) return { ok: false, problems: [], mappingProblems: loaded.problems };
  const planned = planAppendRows(loaded.mapping, loaded.grids, loaded.register, rows);
  if (!planned.ok) return { ok: false, problems: planned.problems, mappingProblems: [] };
  await gateway.apply(planned.plan);
  return { ok: true, placed: planned.placed, deadlinesLeftOut: planned.deadlinesLeftOut };
}

export type CalendarOutcome = { readonly ok: true; readonly ics: string; readonly events: number } | { readonly ok: false; readonly problems: readonly MappingProblem[] };

/** "Exporter les échéances": the register's upcoming deadlines as an iCalendar file (text), at asOf. Writes nothing. */
export async function exportDeadlines(gateway: WorkbookGateway, asOf: CalendarDate): Promise<CalendarOutcome> {
  const checked = await checkWorkbook(gateway, { asOf });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const events = calendarEvents(checked.register, checked.check, { asOf });
  return { ok: true, ics: eventsIcs(events, asOf), events: events.length };
}

/** A convention as the pane lists it. */
export interface ConventionChoice {
  readonly id: string;
  readonly title: string | null;
}

export function conventionChoices(register: Register): ConventionChoice[] {
  return register.conventions.map((c) => ({ id: c.id, title: c.title }));
}
