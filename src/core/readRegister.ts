import { CalendarDate } from "./calendarDate";
import { readDate } from "./cellValue";
import { DomainError } from "./errors";
import { CellLocation, Finding } from "./findings";
import { normalizeText } from "./normalizeText";
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
  Register,
  RowSource,
  TableKey,
  fieldSpec,
  readField,
  tableFields,
} from "./registerSchema";
import { CellValue, SheetGrid, columnIndex } from "./sheetGrid";

export interface ReadResult {
  readonly register: Register;
  /** Cells that could not be read and rows that could not be used (invalid_value, missing_date). */
  readonly findings: readonly Finding[];
}

interface RawRow {
  readonly source: RowSource;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/** The data rows of a mapped table: every row below the headers with a value in a mapped column. */
function rowsOf(grid: SheetGrid, mapping: TableMapping): RawRow[] {
  const columns: ColumnRef[] = [...Object.values(mapping.columns), ...mapping.inlineCommittees];
  const rows: RawRow[] = [];
  for (let r = mapping.headerRow; r < grid.values.length; r += 1) {
    const line = grid.values[r] ?? [];
    if (columns.every((c) => isBlankCell(line[c.index] ?? null))) continue; // a hole in the table
    const cells: Record<string, CellValue> = {};
    for (const [key, ref] of Object.entries(mapping.columns)) cells[key] = line[ref.index] ?? null;
    rows.push({ source: { sheet: grid.name, row: r + 1 }, cells });
  }
  return rows;
}

function isBlankCell(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

class RowReader {
  readonly findings: Finding[] = [];

  constructor(private readonly mapping: TableMapping) {}

  /** Every mapped field of a row, typed; a cell that cannot be read is reported and left null. */
  read<T>(row: RawRow, conventionId: () => string | null): T {
    const out: Record<string, unknown> = {};
    for (const field of tableFields(this.mapping.table)) {
      const ref = this.mapping.columns[field.key];
      if (ref === undefined) {
        out[field.key] = null;
        continue;
      }
      const read = readField(this.mapping.table, field.key, row.cells[field.key], ref.unit);
      if (read.ok) {
        out[field.key] = read.value;
      } else {
        out[field.key] = null;
        this.report("invalid_value", row, field.key, conventionId(), read.error);
      }
    }
    return out as T;
  }

  report(code: "invalid_value" | "missing_date", row: RawRow, field: string, conventionId: string | null, error?: DomainError): void {
    const ref = this.mapping.columns[field];
    const location: CellLocation = { ...row.source, ...(ref === undefined ? {} : { column: ref.letter }) };
    this.findings.push({
      code,
      conventionId,
      location,
      table: this.mapping.table,
      field,
      ...(error === undefined ? {} : { error }),
    });
  }

  /** A required cell left blank: the row is reported and not used. */
  blank(row: RawRow, field: string, conventionId: string | null): void {
    if (fieldSpec(this.mapping.table, field)?.kind === "date") {
      this.report("missing_date", row, field, conventionId);
      return;
    }
    this.report("invalid_value", row, field, conventionId, {
      code: "missing_value",
      field: fieldSpec(this.mapping.table, field)?.label ?? field,
      detail: "ligne ignorée",
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

  const conventionReader = new RowReader(mapping.conventions);
  const conventionGrid = gridOf(grids, mapping.conventions);
  for (const row of rowsOf(conventionGrid, mapping.conventions)) {
    const idRead = readField("conventions", "id", row.cells.id);
    const id = idRead.ok && typeof idRead.value === "string" ? idRead.value : null;
    const fields = conventionReader.read<ConventionFields>(row, () => id);
    if (id === null) {
      if (idRead.ok) conventionReader.blank(row, "id", null);
      continue;
    }
    const key = referenceKey(id);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      conventionReader.report("invalid_value", row, "id", id, {
        code: "duplicate_reference",
        value: id,
        field: fieldSpec("conventions", "id")?.label,
        detail: earlier.source === null ? undefined : `ligne ${earlier.source.row}`,
      });
      continue;
    }
    const convention: Convention = { ...fields, id, source: row.source };
    firstRow.set(key, convention);
    conventions.push(convention);
    for (const column of mapping.conventions.inlineCommittees) {
      const value = conventionGrid.values[row.source.row - 1]?.[column.index] ?? null;
      const date = readDate(value, column.header);
      if (!date.ok) {
        findings.push({
          code: "invalid_value",
          conventionId: id,
          location: { ...row.source, column: column.letter },
          table: "conventions",
          field: "committee",
          error: date.error,
        });
      } else if (date.value !== null) {
        committees.push({ conventionId: id, date: date.value, type: column.type, minutes: null, participants: null, source: row.source });
      }
    }
  }
  findings.push(...conventionReader.findings);

  /** The convention id a row of another table names, spelled as the conventions table spells it. */
  const resolve = (text: string): string => firstRow.get(referenceKey(text))?.id ?? text;

  const dependent = <F extends { conventionId: string | null }>(
    table: Exclude<TableKey, "conventions">,
    required: readonly (keyof F & string)[],
    keep: (fields: F & { conventionId: string }, source: RowSource) => void,
  ): void => {
    const tableMapping = mapping[table];
    if (tableMapping === null) return;
    const reader = new RowReader(tableMapping);
    for (const row of rowsOf(gridOf(grids, tableMapping), tableMapping)) {
      const idRead = readField(table, "conventionId", row.cells.conventionId);
      const id = idRead.ok && typeof idRead.value === "string" ? resolve(idRead.value) : null;
      const fields = reader.read<F>(row, () => id);
      if (id === null) {
        if (idRead.ok) reader.blank(row, "conventionId", null);
        continue;
      }
      const lacking = required.filter((key) => fields[key] === null && isBlankCell(row.cells[key] ?? null));
      lacking.forEach((key) => reader.blank(row, key, id));
      if (required.some((key) => fields[key] === null)) continue;
      keep({ ...fields, conventionId: id }, row.source);
    }
    findings.push(...reader.findings);
  };

  dependent<CommitteeFields>("committees", ["date"], (f, source) =>
    committees.push({ ...f, date: f.date as CalendarDate, source }),
  );
  const deadlines: Deadline[] = [];
  dependent<DeadlineFields>("deadlines", ["label"], (f, source) => deadlines.push({ ...f, label: f.label as string, source }));
  const amendments: Amendment[] = [];
  dependent<AmendmentFields>("amendments", ["date"], (f, source) =>
    amendments.push({ ...f, date: f.date as CalendarDate, source }),
  );

  const sheetOrder = new Map(grids.map((g, i) => [g.name, i]));
  return { register: { conventions, committees, deadlines, amendments }, findings: sortByPlace(findings, sheetOrder) };
}

/** How references are compared across tables: case, accents and spaces ignored. */
function referenceKey(id: string): string {
  return normalizeText(id).replace(/\s+/g, "");
}

/** Findings in workbook order: sheet, then row, then column. */
function sortByPlace(findings: Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  const place = (f: Finding): [number, number, number] => {
    const at = f.location;
    if (at === undefined) return [-1, 0, 0];
    return [sheetOrder.get(at.sheet) ?? -1, at.row, at.column === undefined ? -1 : (columnIndex(at.column) ?? -1)];
  };
  return [...findings].sort((a, b) => {
    const [sa, ra, ca] = place(a);
    const [sb, rb, cb] = place(b);
    return sa - sb || ra - rb || ca - cb;
  });
}
