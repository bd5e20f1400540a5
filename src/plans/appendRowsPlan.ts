/**
 * New rows for the register (a convention imported from its deliberation, with its échéances),
 * placed in the user's own columns through the register's mapping, below the last row of each
 * table, on rows that are blank from end to end: nothing already in the workbook is written over.
 * Each value is first read as the register reads it (the schema's zod field), so that what is
 * appended is what the check will read back; a value that cannot be read stops the whole plan.
 */
import { DomainError } from "../core/base/errors";
import { normalizeText } from "../core/text/normalizeText";
import { RegisterMapping, TableMapping } from "../core/register/registerMapping";
import { Register, TableKey, fieldSpec, readField } from "../core/register/registerSchema";
import { CalendarDate } from "../core/dates/calendarDate";
import { dateToSerial } from "../core/dates/excelSerial";
import { CellBlock, DraftCell, WorkbookPlan, dateCell, numberCell, textCell } from "./sheetDraft";
import { CellValue, SheetGrid, isCellError } from "../core/cells/sheetGrid";

/** Field key → value, as typed by the user or proposed by the import. */
export type NewRow = Readonly<Record<string, CellValue>>;

export interface NewRows {
  readonly conventions: NewRow;
  readonly deadlines: readonly NewRow[];
}

export type AppendProblem =
  /** The reference is already a convention of the register. */
  | { readonly code: "duplicate_reference"; readonly reference: string }
  /** A value cannot be read as its column's kind (the error names the column). */
  | { readonly code: "invalid_value"; readonly table: TableKey; readonly error: DomainError }
  /** A required value is blank (the reference, a label). */
  | { readonly code: "missing_value"; readonly table: TableKey; readonly field: string };

/** Where a row went: sheet and Excel row (1-based). */
export interface PlacedRow {
  readonly table: TableKey;
  readonly sheet: string;
  readonly row: number;
}

export type AppendPlan =
  | {
      readonly ok: true;
      readonly plan: WorkbookPlan;
      readonly placed: readonly PlacedRow[];
      /** Échéances left out because the register has no échéances table. */
      readonly deadlinesLeftOut: number;
    }
  | { readonly ok: false; readonly problems: readonly AppendProblem[] };

const isBlank = (value: CellValue | undefined): boolean => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** The cell of one field's value, as the register would read it; an error when it cannot be read. */
function fieldCell(table: TableKey, key: string, value: CellValue, unit: "months" | "years" | undefined): { cell: DraftCell } | { error: DomainError } {
  if (isBlank(value) || isCellError(value)) return { cell: null };
  const spec = fieldSpec(table, key);
  if (spec === undefined) return { cell: null };
  const read = readField(table, key, value, unit);
  if (!read.ok) return { error: read.error };
  switch (spec.kind) {
    case "date": {
      const serial = dateToSerial(read.value as CalendarDate);
      return serial.ok ? { cell: dateCell(serial.value) } : { error: serial.error };
    }
    case "months":
      return { cell: numberCell(read.value as number, "integer") };
    case "amount":
      return { cell: numberCell(read.value as number, "amount") };
    case "duration":
      // A number stays a number (months, or years under "Durée (ans)"); "3 ans" stays as typed.
      return { cell: typeof value === "number" ? numberCell(value) : textCell(String(value).trim()) };
    default:
      return { cell: typeof value === "number" ? numberCell(value) : textCell(String(value).trim()) };
  }
}

/** The first row (0-based) below the table's data whose every cell is blank. */
function firstFreeRow(grid: SheetGrid | undefined, table: TableMapping): number {
  const values = grid?.values ?? [];
  const columns = Object.values(table.columns).map((c) => c.index);
  let row = table.headerRow; // the row below the headers, 0-based
  for (let r = table.headerRow; r < values.length; r++) {
    if (columns.some((c) => !isBlank(values[r]?.[c]))) row = r + 1;
  }
  while (row < values.length && (values[row] ?? []).some((v) => !isBlank(v))) row++;
  return row;
}

/**
 * One block per row, from the first mapped column to the last; unmapped columns in between stay
 * blank (the row is blank). A new row of its table: where the register is an Excel table, the
 * table grows by it (with its formula columns).
 */
function rowBlock(table: TableKey, mapping: TableMapping, row: number, values: NewRow, problems: AppendProblem[]): CellBlock | null {
  const cells = new Map<number, DraftCell>();
  for (const [key, ref] of Object.entries(mapping.columns)) {
    const value = values[key] ?? null;
    const result = fieldCell(table, key, value, key === "duration" ? ref.unit : undefined);
    if ("error" in result) problems.push({ code: "invalid_value", table, error: result.error });
    else cells.set(ref.index, result.cell);
  }
  const indices = [...cells.keys()];
  if (indices.length === 0) return null;
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  return { sheet: mapping.sheet, row, column: first, cells: [Array.from({ length: last - first + 1 }, (_, i) => cells.get(first + i) ?? null)], newRow: true };
}

/**
 * The plan that appends a convention and its échéances to the register, or what stops it.
 * @example planAppendRows(mapping, grids, register, { conventions: { id: "TEAM2-2024", start: "15/07/2024", duration: "3 ans" }, deadlines: [] })
 *   // ok: one block on the conventions sheet, below its last row
 */
export function planAppendRows(mapping: RegisterMapping, grids: readonly SheetGrid[], register: Register, rows: NewRows): AppendPlan {
  const problems: AppendProblem[] = [];
  const reference = rows.conventions.id;
  if (isBlank(reference ?? null)) problems.push({ code: "missing_value", table: "conventions", field: fieldSpec("conventions", "id")?.label ?? "id" });
  const key = normalizeText(String(reference ?? ""));
  if (!isBlank(reference ?? null) && register.conventions.some((c) => normalizeText(c.id) === key)) {
    problems.push({ code: "duplicate_reference", reference: String(reference).trim() });
  }
  const grid = (sheet: string): SheetGrid | undefined => grids.find((g) => g.name === sheet);
  const blocks: CellBlock[] = [];
  const placed: PlacedRow[] = [];

  const conventionRow = firstFreeRow(grid(mapping.conventions.sheet), mapping.conventions);
  const conventionBlock = rowBlock("conventions", mapping.conventions, conventionRow, rows.conventions, problems);
  if (conventionBlock !== null) {
    blocks.push(conventionBlock);
    placed.push({ table: "conventions", sheet: mapping.conventions.sheet, row: conventionRow + 1 });
  }

  const deadlines = mapping.deadlines;
  let deadlinesLeftOut = 0;
  if (deadlines === null) deadlinesLeftOut = rows.deadlines.length;
  else {
    let row = firstFreeRow(grid(deadlines.sheet), deadlines);
    for (const values of rows.deadlines) {
      if (isBlank(values.label ?? null)) {
        problems.push({ code: "missing_value", table: "deadlines", field: fieldSpec("deadlines", "label")?.label ?? "label" });
        continue;
      }
      const block = rowBlock("deadlines", deadlines, row, { ...values, conventionId: reference ?? null }, problems);
      if (block === null) continue;
      blocks.push(block);
      placed.push({ table: "deadlines", sheet: deadlines.sheet, row: row + 1 });
      row += 1;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { blocks }, placed, deadlinesLeftOut };
}
