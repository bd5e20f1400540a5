/**
 * The reports' actions, the same for the task pane and the tests, on any gateway: the annual
 * report of a year and the comité report of one convention, each a new sheet. Apart from
 * registerActions.ts so that the report's code (its plans, its French) is loaded with the pane's
 * Rapports tab, not when the pane opens (README, "Performances").
 */
import { settingsSheet, updateSettings } from "../plans/addinSettings";
import { ReportChoice, reportPlan } from "../plans/reportPlan";
import { CalendarDate } from "../core/dates/calendarDate";
import { conventionOfRow } from "../core/register/rowConvention";
import { MappingProblem } from "../core/register/registerMapping";
import { Register } from "../core/register/registerSchema";
import { CellTarget, WorkbookGateway } from "../excel/gateway";
import { checkWorkbook } from "./loadRegister";
import { ConventionChoice, Progress, conventionChoices, silent } from "./registerActions";

/** Why a report was not made, the workbook unchanged. */
export type ReportRefusal =
  /** "The selected row": the active cell is on no row of the register. */
  | { readonly code: "no_convention_here"; readonly place: CellTarget | null }
  /** The reference chosen is not (or no longer) a convention of the register. */
  | { readonly code: "unknown_convention"; readonly reference: string };

export type ReportOutcome =
  | {
      readonly kind: "written";
      /** The sheet added (renamed "… (2)" when the name was taken), shown to the user. */
      readonly sheet: string;
      /** The convention of a comité report. */
      readonly conventionId: string | null;
      readonly conventions: readonly ConventionChoice[];
    }
  | { readonly kind: "refused"; readonly refusal: ReportRefusal; readonly conventions: readonly ConventionChoice[] }
  | { readonly kind: "unreadable"; readonly problems: readonly MappingProblem[] };

export interface ReportRequest {
  readonly asOf: CalendarDate;
  /** The authority under the report's title, as typed; blank for none. Kept in the settings for the next report. */
  readonly authority: string;
  readonly progress?: Progress;
}

/** Which convention a comité report is for: a reference, or the row the user has selected in Excel. */
export type ConventionPick = { readonly reference: string } | "selectedRow";

/**
 * "Rapport annuel": the check of the register at asOf, then the report of `year` added as a new
 * sheet ("Rapport 2025", or "Rapport 2025 (2)" when taken), activated. Nothing else is written but
 * the settings when the authority changed.
 */
export async function addAnnualReport(gateway: WorkbookGateway, year: number, request: ReportRequest): Promise<ReportOutcome> {
  return addReport(gateway, request, () => ({ kind: "annual", year }));
}

/**
 * "Rapport de comité": the sheet that frames the next comité de suivi of one convention — the one
 * chosen, or the one whose row (conventions, comités, échéances or avenants) holds the active cell.
 */
export async function addCommitteeReport(gateway: WorkbookGateway, pick: ConventionPick, request: ReportRequest): Promise<ReportOutcome> {
  const selected = pick === "selectedRow" ? await gateway.activeCell() : null;
  return addReport(gateway, request, (register) => {
    const reference = pick !== "selectedRow" ? pick.reference : selected === null ? null : conventionOfRow(register, { sheet: selected.sheet, row: selected.row + 1 });
    return reference === null ? { code: "no_convention_here", place: selected } : { kind: "committee", conventionId: reference };
  });
}

/** Reads and checks once, picks the report (or refuses), builds its plan (reportPlan) and writes it in one apply. */
async function addReport(gateway: WorkbookGateway, request: ReportRequest, choose: (register: Register) => ReportChoice | ReportRefusal): Promise<ReportOutcome> {
  const progress = request.progress ?? silent;
  progress("checking");
  const checked = await checkWorkbook(gateway, { asOf: request.asOf });
  if (!checked.ok) return { kind: "unreadable", problems: checked.problems };
  const conventions = conventionChoices(checked.register);
  const authority = request.authority.trim() === "" ? null : request.authority.trim();
  const choice = choose(checked.register);
  if ("code" in choice) return { kind: "refused", refusal: choice, conventions };
  const built = reportPlan(checked.register, checked.check, choice, { asOf: request.asOf, authority });
  if (built === null) return { kind: "refused", refusal: { code: "unknown_convention", reference: choice.kind === "committee" ? choice.conventionId : "" }, conventions };
  const keep = authority === (checked.settings?.authority ?? null) ? [] : [settingsSheet(updateSettings(checked.settings, { authority }))];
  progress("writing");
  const applied = await gateway.apply({ ...built.plan, replaceSheets: [...(built.plan.replaceSheets ?? []), ...keep] });
  return { kind: "written", sheet: applied.addedSheets[0] ?? "", conventionId: built.conventionId, conventions };
}
