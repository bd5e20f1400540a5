import {
  AppliedPlan,
  CellBlock,
  ConditionalFormat,
  DraftCell,
  SheetDraft,
  WorkbookPlan,
  cellValueOf,
  uniqueSheetName,
} from "../plans/sheetDraft";
import { CellValue, SheetGrid } from "../core/cells/sheetGrid";
import { CellTarget, GatewayError, ReadOptions, WorkbookGateway } from "./gateway";

/** A sheet of the fake, as a test inspects it after an action. */
export interface MemorySheet {
  readonly name: string;
  /** Values as Excel would read them back; a formula cell reads as null (the fake computes nothing). */
  readonly values: CellValue[][];
  /** What the add-in wrote, cell by cell ("row,column", 0-based): kind, style, format, link, formula. */
  readonly written: Map<string, Exclude<DraftCell, null>>;
  /** The draft the sheet was made from, when the add-in made the whole sheet. */
  draft?: SheetDraft;
  /** Conditional formats the add-in put on a user's sheet through cell blocks. */
  readonly blockFormats: ConditionalFormat[];
  visibility: "visible" | "hidden" | "veryHidden";
  protected: boolean;
}

/**
 * The in-memory workbook: the gateway's fake, so that everything that reads or writes a workbook
 * is tested without Excel. Sheets keep their order; reading gives a copy, so a caller cannot change
 * the workbook by changing what it read. Like Excel, it refuses to write into a protected sheet,
 * and it checks a whole plan before writing any of it.
 */
export class MemoryWorkbook implements WorkbookGateway {
  private readonly sheets: MemorySheet[];
  /** Every plan applied, in order (tests count actions). */
  readonly applied: WorkbookPlan[] = [];
  /** The last cell selected by `select`. */
  selection: CellTarget | null = null;
  active: string | null = null;

  /** @example new MemoryWorkbook({ Conventions: [["Référence", "Date de notification"], ["C1", 45488]] }) */
  constructor(sheets: Readonly<Record<string, readonly (readonly CellValue[])[]>>) {
    this.sheets = Object.entries(sheets).map(([name, rows]) => newSheet(name, rows.map((row) => [...row])));
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((sheet) => sheet.name);
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const sheet = this.find(name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    return { name: sheet.name, values: trimmed(sheet.values) };
  }

  async readAllSheets(options: ReadOptions = {}): Promise<SheetGrid[]> {
    const skip = options.skip ?? (() => false);
    return this.sheets.filter((sheet) => !skip(sheet.name)).map((sheet) => ({ name: sheet.name, values: trimmed(sheet.values) }));
  }

  /** A sheet as it stands, for a test's assertions (undefined when absent). */
  sheet(name: string): MemorySheet | undefined {
    return this.find(name);
  }

  /** Protects a sheet, as a user would in Excel (Révision › Protéger la feuille). */
  protect(name: string): void {
    const sheet = this.find(name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    sheet.protected = true;
  }

  /** Types a value into a cell, as a user would (0-based). */
  type(name: string, row: number, column: number, value: CellValue): void {
    const sheet = this.find(name);
    if (sheet === undefined) throw new Error(`No sheet named ${name}`);
    setValue(sheet.values, row, column, value);
    sheet.written.delete(`${row},${column}`);
  }

  async apply(plan: WorkbookPlan): Promise<AppliedPlan> {
    this.check(plan);
    this.applied.push(plan);
    for (const draft of plan.replaceSheets ?? []) {
      const index = this.sheets.findIndex((sheet) => sameName(sheet.name, draft.name));
      const sheet = renderSheet(draft.name, draft);
      if (index < 0) this.sheets.push(sheet);
      else this.sheets[index] = sheet;
    }
    const addedSheets: string[] = [];
    for (const draft of plan.addSheets ?? []) {
      const name = uniqueSheetName(draft.name, this.sheets.map((sheet) => sheet.name));
      this.sheets.push(renderSheet(name, draft));
      addedSheets.push(name);
    }
    for (const block of plan.blocks ?? []) this.writeBlock(block);
    if (plan.activate !== undefined) {
      const added = (plan.addSheets ?? []).findIndex((draft) => draft.name === plan.activate);
      this.active = added >= 0 ? addedSheets[added] : plan.activate;
    }
    return { addedSheets };
  }

  async select(target: CellTarget): Promise<void> {
    if (this.find(target.sheet) === undefined) throw new GatewayError("sheet_missing", target.sheet);
    this.selection = target;
    this.active = target.sheet;
  }

  async activeCell(): Promise<CellTarget | null> {
    return this.selection;
  }

  /** Refuses the whole plan before writing anything, as the Office.js gateway does. */
  private check(plan: WorkbookPlan): void {
    for (const draft of plan.replaceSheets ?? []) {
      if (this.find(draft.name)?.protected === true) throw new GatewayError("sheet_protected", draft.name);
    }
    for (const block of plan.blocks ?? []) {
      const sheet = this.find(block.sheet);
      if (sheet === undefined) throw new GatewayError("sheet_missing", block.sheet);
      if (sheet.protected) throw new GatewayError("sheet_protected", block.sheet);
    }
  }

  private writeBlock(block: CellBlock): void {
    const sheet = this.find(block.sheet);
    if (sheet === undefined) throw new GatewayError("sheet_missing", block.sheet);
    block.cells.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const row = block.row + r;
        const column = block.column + c;
        setValue(sheet.values, row, column, cellValueOf(cell));
        if (cell === null) sheet.written.delete(`${row},${column}`);
        else sheet.written.set(`${row},${column}`, cell);
      }),
    );
    sheet.blockFormats.push(...(block.conditionalFormats ?? []));
  }

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, name));
  }
}

/** Excel compares sheet names without case. */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("fr") === b.toLocaleLowerCase("fr");
}

function newSheet(name: string, values: CellValue[][]): MemorySheet {
  return { name, values, written: new Map(), blockFormats: [], visibility: "visible", protected: false };
}

function renderSheet(name: string, draft: SheetDraft): MemorySheet {
  const sheet = newSheet(name, []);
  sheet.draft = draft;
  sheet.visibility = draft.visibility ?? "visible";
  draft.rows.forEach((cells, row) =>
    cells.forEach((cell, column) => {
      if (cell === null) return;
      setValue(sheet.values, row, column, cellValueOf(cell));
      sheet.written.set(`${row},${column}`, cell);
    }),
  );
  return sheet;
}

function setValue(values: CellValue[][], row: number, column: number, value: CellValue): void {
  while (values.length <= row) values.push([]);
  const cells = values[row];
  while (cells.length <= column) cells.push(null);
  cells[column] = value;
}

/**
 * A copy of the used part from A1, as Excel's used range gives it: rows padded to the same width,
 * blank rows and columns at the end left out.
 */
function trimmed(values: readonly (readonly CellValue[])[]): CellValue[][] {
  let rows = values.length;
  while (rows > 0 && values[rows - 1].every((v) => v === null)) rows--;
  let width = 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== null) {
        width = c + 1;
        break;
      }
    }
  }
  return values.slice(0, rows).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}
