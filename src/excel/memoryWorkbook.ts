import { CellValue, SheetGrid } from "../core/sheetGrid";
import { WorkbookReader } from "./gateway";

/**
 * The in-memory workbook: the gateway's fake, so that everything that reads a workbook is
 * tested without Excel. Sheets keep their order; reading gives a copy, so a caller cannot change
 * the workbook by changing what it read.
 */
export class MemoryWorkbook implements WorkbookReader {
  private readonly sheets: Map<string, CellValue[][]>;

  /** @example new MemoryWorkbook({ Conventions: [["Référence", "Date de notification"], ["C1", 45488]] }) */
  constructor(sheets: Readonly<Record<string, readonly (readonly CellValue[])[]>>) {
    this.sheets = new Map(Object.entries(sheets).map(([name, rows]) => [name, rows.map((row) => [...row])]));
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const rows = this.sheets.get(name);
    if (rows === undefined) throw new Error(`No sheet named ${name}`);
    return { name, values: rows.map((row) => [...row]) };
  }
}
