import { readDate } from "../cells/cellValue";
import { DomainError, Result } from "../base/errors";
import { CellLocation, Finding } from "../check/findings";
import { normalizeText } from "../text/normalizeText";
import { ColumnRef, RegisterMapping, TableMapping } from "./registerMapping";
import {
  Amendment,
  AmendmentFields,
  Committee,
  CommitteeFields,
  Convention,
  ConventionFields,
  Deadline,
  DeadlineFields,
  FieldKind,
  Register,
  RowSource,
  TableKey,
  fieldSpec,
  columnReader,
  tableFields,
} from "./registerSchema";
import { CellValue, SheetGrid, columnIndex } from "../cells/sheetGrid";

export interface ReadResult {
  readonly register: Register;
  /** Cells that could not be read and rows that could not be used (invalid_value, missing_date). */
  readonly findings: readonly Finding[];
}

/**
 * The data rows of a mapped table, by their index in the grid: every row below the headers with
 * a value in a mapped column. (Indexes, not row objects: a row's record is made when it is read,
 * and what is not kept of it is dropped right away.)
 */
function dataRows(grid: SheetGrid, mapping: TableMapping): Int32Array {
  const columns = [...Object.values(mapping.columns), ...mapping.inlineCommittees].map((c) => c.index);
  const rows = new Int32Array(Math.max(0, grid.values.length - mapping.headerRow));
  let count = 0;
  for (let r = mapping.headerRow; r < grid.values.length; r += 1) {
    if (!isBlankIn(grid.values[r] ?? NO_CELLS, columns)) rows[count++] = r; // else a hole in the table
  }
  return rows.subarray(0, count);
}

const NO_CELLS: readonly CellValue[] = [];

/** Whether a row is blank in all the given columns. */
function isBlankIn(line: readonly CellValue[], columns: readonly number[]): boolean {
  for (let i = 0; i < columns.length; i += 1) if (!isBlankCell(line[columns[i]] ?? null)) return false;
  return true;
}

function isBlankCell(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** A cell that cannot be read, as a column's reader gives it (instead of its typed value). */
class Unreadable {
  constructor(readonly error: DomainError) {}
}

/** A field of a mapped table, resolved once for all its rows: its column and how a cell of it is read. */
interface FieldColumn {
  readonly key: string;
  /** Null when the table has no column for the field: it reads as blank. */
  readonly ref: ColumnRef | null;
  /** The cell's typed value (null when blank), or Unreadable. */
  readonly read: (value: CellValue) => unknown;
}

/**
 * A column's reader giving the typed value itself (or Unreadable), without a Result around each of
 * the register's hundreds of thousands of cells, and reading each distinct cell value once where
 * that pays: a blank cell, the texts of a column of durations, amounts or choices ("3 ans",
 * "Comité de suivi"), the serial numbers of a column of dates. Such values repeat down thousands of
 * rows and parsing them (or making their date) is the costly part; equal cells then share their
 * (immutable) typed value. Text in a text column is trimmed here as readText trims it, and a finite
 * number in an amount column is its own amount, as readAmount says: the same values, without a call.
 */
function valueReader(read: (value: unknown) => Result<unknown>, kind: FieldKind): (value: CellValue) => unknown {
  const typed = (value: CellValue): unknown => {
    const result = read(value);
    return result.ok ? result.value : new Unreadable(result.error);
  };
  let blank: { readonly value: unknown } | null = null;
  const texts = new Map<string, unknown>();
  const serials = kind === "date" ? new SerialCache() : null;
  return (value) => {
    if (value === null) return (blank ??= { value: typed(null) }).value;
    if (typeof value === "string") {
      if (kind === "text") {
        const text = value.trim();
        return text === "" ? null : text;
      }
      let result = texts.get(value);
      if (result === undefined) {
        result = typed(value);
        texts.set(value, result);
      }
      return result;
    }
    if (typeof value === "number") {
      if (serials !== null) {
        const known = serials.get(value);
        if (known !== undefined) return known;
        const result = typed(value);
        serials.set(value, result);
        return result;
      }
      if (kind === "amount" && Number.isFinite(value)) return value;
    }
    return typed(value);
  };
}

/**
 * The typed values of a column's serial numbers, in a table of SERIAL_SLOTS places where a serial
 * goes to the place of its whole part modulo SERIAL_SLOTS: a register's dates (a few decades of
 * days at most) mostly fall each in a place of its own, and a serial is found by one comparison,
 * not a hash. A serial meeting another in its place takes it (its value is made again if the other
 * comes back: equal, not shared).
 */
class SerialCache {
  private readonly keys = new Float64Array(SERIAL_SLOTS).fill(Number.NaN);
  private readonly values = new Array<unknown>(SERIAL_SLOTS).fill(undefined);

  get(serial: number): unknown {
    const slot = serial & (SERIAL_SLOTS - 1);
    return this.keys[slot] === serial ? this.values[slot] : undefined;
  }

  set(serial: number, value: unknown): void {
    const slot = serial & (SERIAL_SLOTS - 1);
    this.keys[slot] = serial;
    this.values[slot] = value;
  }
}

/** About 22 years of days. */
const SERIAL_SLOTS = 8192;

class RowReader {
  readonly findings: Finding[] = [];
  private readonly fields: readonly FieldColumn[];
  private readonly byKey: ReadonlyMap<string, FieldColumn>;
  /** Every field null, then the place: each row's record starts as a copy of it. */
  private readonly blankRecord: Readonly<Record<string, unknown>>;

  /** The field of the row's reference ("id", "conventionId"). */
  private readonly reference: FieldColumn;

  constructor(
    private readonly mapping: TableMapping,
    reference: string,
  ) {
    this.fields = tableFields(mapping.table).map((field) => {
      const ref = mapping.columns[field.key] ?? null;
      const read = columnReader(mapping.table, field.key, ref?.unit);
      return { key: field.key, ref, read: valueReader(read, field.kind) };
    });
    this.byKey = new Map(this.fields.map((f) => [f.key, f]));
    const field = this.byKey.get(reference);
    if (field === undefined) throw new Error(`Unknown column ${mapping.table}.${reference}`);
    this.reference = field;
    // Made by JSON.parse, which lays every property out inside the object itself (none in a
    // separate store); a copy keeps that layout: a register's 50 000 records take a fifth less memory.
    const blank = Object.fromEntries([...this.fields.map((f) => [f.key, null]), ["source", null]]);
    this.blankRecord = JSON.parse(JSON.stringify(blank)) as Record<string, unknown>;
  }

  /** A row's cell in a field's column; blank when the table has no such column. */
  cell(line: readonly CellValue[], key: string): CellValue {
    const ref = this.byKey.get(key)?.ref ?? null;
    return ref === null ? null : (line[ref.index] ?? null);
  }

  /** The row's reference (the convention's, or the one a row of another table names), typed (null when blank), or Unreadable (nothing reported). */
  readReference(line: readonly CellValue[]): unknown {
    const ref = this.reference.ref;
    return this.reference.read(ref === null ? null : (line[ref.index] ?? null));
  }

  /**
   * A row's record: every field of the table, typed (a field without a column, or whose cell cannot
   * be read, is null; the cell is reported), then the row's place. `referenceValue` is what
   * readReference gave. Every record of a table is a copy of the same blank one, so that they all
   * share one shape (one hidden class).
   */
  read<T>(line: readonly CellValue[], source: RowSource, conventionId: string | null, referenceValue: unknown): T & { source: RowSource } {
    const out: Record<string, unknown> = { ...this.blankRecord };
    const fields = this.fields;
    for (let f = 0; f < fields.length; f += 1) {
      const field = fields[f];
      if (field.ref === null) continue;
      const value = field === this.reference ? referenceValue : field.read(line[field.ref.index] ?? null);
      // Blank stays as the blank record has it (most cells of a register are blank or typed).
      if (value === null || typeof value !== "object") {
        if (value !== null) out[field.key] = value;
      } else if (value instanceof Unreadable) this.report("invalid_value", source, field.key, conventionId, value.error);
      else out[field.key] = value;
    }
    out.source = source;
    return out as T & { source: RowSource };
  }

  /** A cell that cannot be read (`error`), or a required date left blank (no error): found at its cell. */
  report(code: "invalid_value" | "missing_date", source: RowSource, field: string, conventionId: string | null, error?: DomainError): void {
    const ref = this.mapping.columns[field];
    const { sheet, row: line } = source;
    const location: CellLocation = ref === undefined ? { sheet, row: line } : { sheet, row: line, column: ref.letter };
    const table = this.mapping.table;
    this.findings.push(
      code === "missing_date" || error === undefined
        ? { code: "missing_date", conventionId, location, table, field }
        : { code, conventionId, location, table, field, error },
    );
  }

  /** A required cell left blank: the row is reported and not used. */
  blank(source: RowSource, field: string, conventionId: string | null): void {
    if (fieldSpec(this.mapping.table, field)?.kind === "date") {
      this.report("missing_date", source, field, conventionId);
      return;
    }
    this.report("invalid_value", source, field, conventionId, {
      code: "missing_value",
      field: fieldSpec(this.mapping.table, field)?.label ?? field,
      rowLeftOut: true,
    });
  }
}

function gridOf(grids: readonly SheetGrid[], mapping: TableMapping): SheetGrid {
  const grid = grids.find((g) => g.name === mapping.sheet);
  if (grid === undefined) throw new Error(`Sheet ${mapping.sheet} is not in the workbook`);
  return grid;
}

/**
 * Reads the register's rows from the mapped sheets: every cell typed with its column's schema.
 * A cell that cannot be read is an `invalid_value` finding (with its sheet, row, column and text)
 * and is left blank; a row without its reference (or a comité or avenant without its date) is
 * reported and left out; a reference used twice keeps its first row. References in the other
 * tables are matched to the conventions' ignoring case, accents and spaces.
 * @example readRegister(grids, mapping).register.conventions[0].start // { year: 2024, month: 7, day: 15 }
 */
export function readRegister(grids: readonly SheetGrid[], mapping: RegisterMapping): ReadResult {
  const findings: Finding[] = [];
  const conventions: Convention[] = [];
  const committees: Committee[] = [];
  const firstRow = new Map<string, Convention>();

  const conventionReader = new RowReader(mapping.conventions, "id");
  const conventionGrid = gridOf(grids, mapping.conventions);
  const conventionRows = dataRows(conventionGrid, mapping.conventions);
  for (let i = 0; i < conventionRows.length; i += 1) {
    const r = conventionRows[i];
    const line = conventionGrid.values[r] ?? NO_CELLS;
    const source: RowSource = { sheet: conventionGrid.name, row: r + 1 };
    const idRead = conventionReader.readReference(line);
    const id = typeof idRead === "string" ? idRead : null;
    const fields = conventionReader.read<ConventionFields>(line, source, id, idRead);
    if (id === null) {
      if (!(idRead instanceof Unreadable)) conventionReader.blank(source, "id", null);
      continue;
    }
    const key = referenceKey(id);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      conventionReader.report("invalid_value", source, "id", id, {
        code: "duplicate_reference",
        value: id,
        field: fieldSpec("conventions", "id")?.label,
        ...(earlier.source === null ? {} : { firstRow: earlier.source.row }),
      });
      continue;
    }
    // The id is a key of the blank record already: set in its place, the record keeps its shape.
    fields.id = id;
    const convention = fields as Convention;
    firstRow.set(key, convention);
    conventions.push(convention);
    for (const column of mapping.conventions.inlineCommittees) {
      const value = line[column.index] ?? null;
      const date = readDate(value, column.header);
      if (!date.ok) {
        findings.push({
          code: "invalid_value",
          conventionId: id,
          location: { sheet: source.sheet, row: source.row, column: column.letter },
          table: "conventions",
          field: "committee",
          error: date.error,
        });
      } else if (date.value !== null) {
        committees.push({ conventionId: id, date: date.value, type: column.type, minutes: null, participants: null, source });
      }
    }
  }
  // One at a time: spreading a list of 100 000 findings into push() overflows the call stack.
  for (const finding of conventionReader.findings) findings.push(finding);

  /**
   * The convention id a row of another table names, spelled as the conventions table spells it:
   * each distinct text folded once (comités repeat their convention's), and a text spelled exactly
   * as a convention's reference is that convention's. A convention's rows mostly follow one
   * another: the text of the row before is compared first.
   */
  const resolved = new Map<string, string>();
  for (const convention of conventions) resolved.set(convention.id, convention.id);
  let lastText: string | null = null;
  let lastId = "";
  const resolve = (text: string): string => {
    if (text === lastText) return lastId;
    let id = resolved.get(text);
    if (id === undefined) {
      id = firstRow.get(referenceKey(text))?.id ?? text;
      resolved.set(text, id);
    }
    lastText = text;
    lastId = id;
    return id;
  };

  /** The rows of another table; `keep` gets each row whose convention and required fields are there. */
  const dependent = <F extends { conventionId: string | null }>(
    table: Exclude<TableKey, "conventions">,
    required: readonly (keyof F & string)[],
    keep: (row: F & { conventionId: string; source: RowSource }) => void,
  ): void => {
    const tableMapping = mapping[table];
    if (tableMapping === null) return;
    const reader = new RowReader(tableMapping, "conventionId");
    const grid = gridOf(grids, tableMapping);
    const rows = dataRows(grid, tableMapping);
    for (let i = 0; i < rows.length; i += 1) {
      const r = rows[i];
      const line = grid.values[r] ?? NO_CELLS;
      const source: RowSource = { sheet: grid.name, row: r + 1 };
      const idRead = reader.readReference(line);
      const id = typeof idRead === "string" ? resolve(idRead) : null;
      const fields = reader.read<F>(line, source, id, idRead);
      if (id === null) {
        if (!(idRead instanceof Unreadable)) reader.blank(source, "conventionId", null);
        continue;
      }
      let complete = true;
      for (let k = 0; k < required.length; k += 1) {
        const key = required[k];
        if (fields[key] !== null) continue;
        complete = false;
        if (isBlankCell(reader.cell(line, key))) reader.blank(source, key, id);
      }
      // The id is a key of the blank record already: set in its place, the record keeps its shape.
      if (complete) {
        fields.conventionId = id;
        keep(fields as F & { conventionId: string; source: RowSource });
      }
    }
    for (const finding of reader.findings) findings.push(finding);
  };

  // The required fields (a comité's or an avenant's date, an échéance's label) are known not null here.
  dependent<CommitteeFields>("committees", ["date"], (row) => committees.push(row as Committee));
  const deadlines: Deadline[] = [];
  dependent<DeadlineFields>("deadlines", ["label"], (row) => deadlines.push(row as Deadline));
  const amendments: Amendment[] = [];
  dependent<AmendmentFields>("amendments", ["date"], (row) => amendments.push(row as Amendment));

  const sheetOrder = new Map(grids.map((g, i) => [g.name, i]));
  return { register: { conventions, committees, deadlines, amendments }, findings: sortByPlace(findings, sheetOrder) };
}

/** How references are compared across tables: case, accents and spaces ignored. */
function referenceKey(id: string): string {
  return normalizeText(id).replace(/\s+/g, "");
}

/** Findings in workbook order: sheet, then row, then column (each finding's place computed once). */
function sortByPlace(findings: readonly Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  const columns = new Map<string, number>();
  const columnOf = (letters: string): number => {
    let index = columns.get(letters);
    if (index === undefined) {
      index = columnIndex(letters) ?? -1;
      columns.set(letters, index);
    }
    return index;
  };
  return findings
    .map((finding) => {
      const at = finding.location;
      if (at === undefined) return { finding, sheet: -1, row: 0, column: 0 };
      return { finding, sheet: sheetOrder.get(at.sheet) ?? -1, row: at.row, column: at.column === undefined ? -1 : columnOf(at.column) };
    })
    .sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.column - b.column)
    .map((placed) => placed.finding);
}
