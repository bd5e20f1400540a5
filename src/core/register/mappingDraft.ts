/**
 * The mapping as the user reviews it in the pane before confirming: for each table, the sheet, the
 * header row and which field each header column holds. Starts from what the detection found (or
 * from a sheet the user picks), changes one choice at a time, and becomes a mapping file's content
 * (ExplicitMapping) that the detection checks before it is kept. Pure: no workbook, no DOM.
 */
import { ExplicitMapping, fieldForHeader } from "./detectMapping";
import { headerKey } from "./headerKey";
import { RegisterMapping } from "./registerMapping";
import { TABLE_KEYS, TableKey, tableFields } from "./registerSchema";
import { SheetGrid, columnLetter } from "../cells/sheetGrid";

export interface HeaderColumn {
  readonly index: number;
  readonly letter: string;
  /** The header's text; "" for a column without one. */
  readonly header: string;
  /** The field the column holds, or null when it is left alone. */
  readonly field: string | null;
}

export interface TableChoice {
  readonly sheet: string;
  /** Excel row (1-based) of the headers. */
  readonly headerRow: number;
  readonly columns: readonly HeaderColumn[];
}

/** Per table: its choice, or null when the workbook has no such table. */
export type MappingDraft = Readonly<Record<TableKey, TableChoice | null>>;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

/** The header columns of a row (up to the last header written), with no field chosen. */
function headerColumns(grid: SheetGrid | undefined, headerRow: number): HeaderColumn[] {
  const row = grid?.values[headerRow - 1] ?? [];
  let width = row.length;
  while (width > 0 && text(row[width - 1]) === "") width--;
  return Array.from({ length: width }, (_, index) => ({ index, letter: columnLetter(index), header: text(row[index]), field: null }));
}

/**
 * The draft of a mapping the detection found: every header of each table's row, with its field.
 * @example draftFromMapping(mapping, grids).conventions?.columns[0] // { index: 0, letter: "A", header: "Réf.", field: "id" }
 */
export function draftFromMapping(mapping: RegisterMapping | null, grids: readonly SheetGrid[]): MappingDraft {
  const draft: Record<TableKey, TableChoice | null> = { conventions: null, committees: null, deadlines: null, amendments: null };
  if (mapping === null) return draft;
  for (const table of TABLE_KEYS) {
    const found = mapping[table];
    if (found === null) continue;
    const byIndex = new Map(Object.entries(found.columns).map(([field, ref]) => [ref.index, field]));
    const columns = headerColumns(
      grids.find((g) => g.name === found.sheet),
      found.headerRow,
    ).map((c) => ({ ...c, field: byIndex.get(c.index) ?? null }));
    draft[table] = { sheet: found.sheet, headerRow: found.headerRow, columns };
  }
  return draft;
}

/**
 * The user picks a table's sheet and header row (or none): its headers, each with the field its
 * name suggests, as the detection would read it.
 */
export function chooseSheet(draft: MappingDraft, table: TableKey, grids: readonly SheetGrid[], sheet: string | null, headerRow = 1): MappingDraft {
  if (sheet === null) return { ...draft, [table]: null };
  const taken = new Set<string>();
  const columns = headerColumns(
    grids.find((g) => g.name === sheet),
    headerRow,
  ).map((c) => {
    const field = c.header === "" ? undefined : fieldForHeader(table, c.header);
    if (field === undefined || taken.has(field)) return c;
    taken.add(field);
    return { ...c, field };
  });
  return { ...draft, [table]: { sheet, headerRow, columns } };
}

/** The user says which field a column holds (null: none); a field moves from any other column. */
export function chooseField(draft: MappingDraft, table: TableKey, index: number, field: string | null): MappingDraft {
  const choice = draft[table];
  if (choice === null) return draft;
  const columns = choice.columns.map((c) => (c.index === index ? { ...c, field } : field !== null && c.field === field ? { ...c, field: null } : c));
  return { ...draft, [table]: { ...choice, columns } };
}

/**
 * The draft as a mapping file says it: each table's sheet and header row, every field of the
 * schema named by its column's header (or its letters when two headers read alike or it has
 * none), null for a field without a column.
 */
export function draftToExplicit(draft: MappingDraft): ExplicitMapping {
  const explicit: Partial<Record<TableKey, ExplicitMapping[TableKey]>> = {};
  for (const table of TABLE_KEYS) {
    const choice = draft[table];
    if (choice === null) {
      explicit[table] = null;
      continue;
    }
    const columns: Record<string, string | null> = {};
    for (const field of tableFields(table)) {
      const column = choice.columns.find((c) => c.field === field.key);
      if (column === undefined) {
        columns[field.key] = null;
        continue;
      }
      const alike = choice.columns.filter((c) => c.header !== "" && headerKey(c.header).key === headerKey(column.header).key);
      columns[field.key] = column.header === "" || alike.length > 1 ? column.letter : column.header;
    }
    explicit[table] = { sheet: choice.sheet, headerRow: choice.headerRow, columns };
  }
  return explicit;
}
