/**
 * The one door to a workbook. The task pane (Office.js), the command line (ExcelJS on .xlsx files)
 * and the tests (an in-memory fake) each implement it, so the same register code runs on all three.
 * Cells come out as Excel's own values (see src/core/sheetGrid.ts): a date never travels as a
 * JavaScript Date, so no time zone can move it.
 */
import { SheetGrid } from "../core/sheetGrid";

export interface WorkbookReader {
  /** Names of the worksheets, in the workbook's order. */
  sheetNames(): Promise<string[]>;
  /** The values of one worksheet, in bulk. */
  readSheet(name: string): Promise<SheetGrid>;
}
