/**
 * The one door to a workbook. The task pane (Office.js), the command line (ExcelJS on .xlsx files)
 * and the tests (an in-memory fake) each implement it, so the same register code runs on all three.
 * Cells come out as Excel's own values (see src/core/cells/sheetGrid.ts): a date never travels as a
 * JavaScript Date, so no time zone can move it. What is written goes as plain data too
 * (src/plans/sheetDraft.ts), built and checked by the core before any gateway sees it.
 */
import { AppliedPlan, WorkbookPlan } from "../plans/sheetDraft";
import { SheetGrid } from "../core/cells/sheetGrid";

export interface WorkbookReader {
  /** Names of the worksheets, in the workbook's order. */
  sheetNames(): Promise<string[]>;
  /** The values of one worksheet, in bulk. */
  readSheet(name: string): Promise<SheetGrid>;
  /** Every worksheet's values, in the workbook's order: one round trip where the host allows it. */
  readAllSheets(options?: ReadOptions): Promise<SheetGrid[]>;
}

export interface ReadOptions {
  /** Sheets whose cells are not wanted (the add-in's alerts and reports): left out, never read. */
  readonly skip?: (name: string) => boolean;
}

/** A cell to show to the user (the pane's "go to the row"). 0-based row and column. */
export interface CellTarget {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** Select the whole row of the table from this column on, this many columns wide. */
  readonly columnCount?: number;
}

export interface WorkbookGateway extends WorkbookReader {
  /**
   * Writes one action's plan, all or nothing as far as the host allows: a plan the host refuses
   * (protected sheet, name taken by a table…) is reported as a GatewayError before anything is
   * written where the host can tell in advance.
   */
  apply(plan: WorkbookPlan): Promise<AppliedPlan>;
  /** Shows and selects a cell (activating its sheet). */
  select(target: CellTarget): Promise<void>;
  /** The cell the user is on (Excel's active cell, 0-based), for "the selected row"; null when the host has none. */
  activeCell(): Promise<CellTarget | null>;
  /**
   * Excel's display language ("fr-FR", "en-US"…), which decides the names of the custom functions
   * a formula may call (src/plans/functionNames.ts); absent or null where there is no Excel (files).
   */
  displayLanguage?(): string | null;
}

/** Why the host refused an action; phrased in French by gatewayErrorMessage (src/i18n). */
export type GatewayErrorCode =
  /** The sheet is protected: the add-in does not write into it. */
  | "sheet_protected"
  /** The sheet named by the action is no longer in the workbook (renamed or deleted). */
  | "sheet_missing"
  /** The workbook is being edited elsewhere (a cell in edit mode), Excel refused the request. */
  | "busy"
  /** The workbook is too large, or its values too scattered, for what Excel carries in a request or a response. */
  | "too_large"
  /** The workbook is no longer the active one (the user switched to another window): Excel refused (InactiveWorkbook). */
  | "inactive"
  /** Excel refused the request for another reason (its own message in `detail`). */
  | "refused";

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly sheet?: string,
    readonly detail?: string,
  ) {
    super(`${code}${sheet === undefined ? "" : ` (${sheet})`}${detail === undefined ? "" : `: ${detail}`}`);
    this.name = "GatewayError";
  }
}
