/**
 * A plan's drafts as Office.js operations (see officeRequests.ts): what a new sheet holds (built
 * under a temporary name, swapped in by the commit), what a block writes into a user's sheet, and
 * the cosmetic settings (widths, heights, print setup, frozen rows) sent last.
 *
 * Few operations, whatever the size: a rectangle of cells is one numberFormat and one formulas
 * array; a link is a HYPERLINK formula inside that array (a hyperlink set is an operation per
 * cell); cells that look the same are formatted at once through Worksheet.getRanges (ExcelApi 1.9,
 * addresses under 2 000 characters: office-js #5198 finds longer lists refused).
 */
import {
  Area,
  CellBlock,
  CellStyle,
  ConditionalFormat,
  DraftCell,
  NUMBER_FORMATS,
  STYLE_LOOK,
  SheetDraft,
  ValidationRule,
  areaAddress,
  cellAddress,
  linkAddress,
} from "../plans/sheetDraft";
import { DRAFT_FONT, rowHeights } from "../plans/rowHeights";
import { columnLetter } from "../core/cells/sheetGrid";
import { FONT_OR_FILL, FORMAT, METHOD, MORE_ON_RANGE, Operation, RANGE_SET, REQUEST_BUDGET, RequestScope, dataBytes, op } from "./officeRequests";

/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHARACTER = 5.6;
const TABLE_STYLE = "TableStyleMedium2";
/** Longest list of addresses given to one getRanges. */
const ADDRESSES_PER_CALL = 2_000;
/** The most rows of pages a printed sheet may need (Excel's largest fit-to-pages count). */
const MAX_PAGES = 32_767;

/**
 * Whether Excel would read a text as something else when it is written into a cell formatted
 * General, as it reads what is typed: a formula ("=", "+", "-", "@"), the apostrophe that marks
 * text (dropped), an error value ("#N/A"), a boolean, and anything with a digit that is short
 * enough to be a number, a date, a time, a percentage or an amount ("12", "1/2", "12 juillet
 * 2024", "3 %"). Only such a text is written in a cell formatted as text ("@"): elsewhere the
 * cell keeps Excel's General format, and what the user types there later is read as typed.
 * @example needsTextFormat("=1+1") // true; needsTextFormat("Club sportif") // false
 */
export function needsTextFormat(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return text !== "";
  if (/^[=+\-@'#]/.test(trimmed)) return true;
  if (/^(vrai|faux|true|false)$/i.test(trimmed)) return true;
  return /\d/.test(trimmed) && trimmed.split(/\s+/).length <= 4;
}

/** A text as a string literal of a formula: quoted, quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The number format and the formula-or-value of one cell, as Office.js writes them. */
export function cellInput(cell: DraftCell): { format: string; input: string | number | boolean } {
  if (cell === null) return { format: NUMBER_FORMATS.general, input: "" };
  if (cell.link !== undefined) {
    // A link inside the cells' formulas: =HYPERLINK("#'Sheet'!A4","text") (or to another file:
    // "registre.xlsx#'Sheet'!A4", linkAddress), its text as a literal.
    const target = cellAddress(cell.link.sheet, cell.link.row, cell.link.column);
    return { format: NUMBER_FORMATS.general, input: `=HYPERLINK(${literal(linkAddress(cell.link))},${literal(cell.kind === "text" ? cell.text : target)})` };
  }
  // "@" only where Excel would read the text as something else ("=1+1", "+33…", "12").
  if (cell.kind === "text") return { format: needsTextFormat(cell.text) ? NUMBER_FORMATS.text : NUMBER_FORMATS.general, input: cell.text };
  if (cell.kind === "date") return { format: NUMBER_FORMATS.date, input: cell.serial };
  if (cell.kind === "boolean") return { format: NUMBER_FORMATS.general, input: cell.value };
  return { format: NUMBER_FORMATS[cell.format ?? "general"], input: cell.kind === "number" ? cell.value : cell.formula };
}

/**
 * Writes a rectangle of cells at (row, column) of `sheet`, by slices of rows under half a request:
 * number formats then values and formulas. `skip(r, c)` leaves a cell blank (written later);
 * `formatsNeeded` false on a new sheet whose cells are all General.
 */
export function cellOperations(sheet: string, row: number, column: number, cells: readonly (readonly DraftCell[])[], options: { skip?: (r: number, c: number) => boolean; newSheet?: boolean } = {}): Operation[] {
  const width = cells.reduce((max, r) => Math.max(max, r.length), 0);
  if (width === 0) return [];
  const skip = options.skip ?? (() => false);
  const operations: Operation[] = [];
  let start = 0;
  while (start < cells.length) {
    let bytes = 0;
    let end = start;
    const formats: string[][] = [];
    const inputs: (string | number | boolean)[][] = [];
    while (end < cells.length) {
      const line = Array.from({ length: width }, (_, c) => (skip(end, c) ? cellInput(null) : cellInput(cells[end][c] ?? null)));
      const lineFormats = line.map((x) => x.format);
      const lineInputs = line.map((x) => x.input);
      const lineBytes = dataBytes(lineFormats) + dataBytes(lineInputs);
      if (end > start && bytes + lineBytes > REQUEST_BUDGET / 2) break;
      bytes += lineBytes;
      formats.push(lineFormats);
      inputs.push(lineInputs);
      end += 1;
    }
    const top = row + start;
    const count = end - start;
    const withFormats = options.newSheet !== true || formats.some((line) => line.some((f) => f !== NUMBER_FORMATS.general));
    operations.push(
      op(RANGE_SET + MORE_ON_RANGE + bytes, (scope) => {
        const range = scope.range(sheet, top, column, count, width);
        if (withFormats) range.numberFormat = formats;
        range.formulas = inputs;
      }),
    );
    start = end;
  }
  return operations;
}

/** A look: a style, wrapped text, an alignment. */
interface Look {
  readonly style?: CellStyle;
  readonly wrap: boolean;
  readonly align?: "left" | "center" | "right";
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/**
 * Styles, wrapping and alignment: the cells of one look joined into runs down each column (a
 * styled column is one area), all the areas of a look formatted at once.
 */
export function lookOperations(sheet: string, row: number, column: number, cells: readonly (readonly DraftCell[])[]): Operation[] {
  const looks = new Map<string, { look: Look; areas: { row: number; column: number; rowCount: number; columnCount: number }[] }>();
  cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell === null) return;
      const look: Look = { style: cell.style, wrap: cell.wrap === true, align: cell.align };
      const k = `${look.style ?? ""}|${look.wrap ? "w" : ""}|${look.align ?? ""}`;
      if (k === "||") return;
      const entry = looks.get(k) ?? { look, areas: [] };
      looks.set(k, entry);
      const above = entry.areas.find((a) => a.column === column + c && a.row + a.rowCount === row + r);
      if (above === undefined) entry.areas.push({ row: row + r, column: column + c, rowCount: 1, columnCount: 1 });
      else above.rowCount += 1;
    }),
  );
  return [...looks.values()].flatMap(({ look, areas }) => {
    const properties = lookProperties(look);
    return joinUnder(areas.map(areaAddress)).map((addresses) => op(properties.bytes + addresses.length, (scope) => properties.apply(scope.sheet(sheet).getRanges(addresses).untrack().format)));
  });
}

const FONT = ["bold", "italic", "size", "color"] as const;

/** How one look is set on a RangeFormat, and what it costs in a request. */
function lookProperties(look: Look): { bytes: number; apply: (format: Excel.RangeFormat) => void } {
  const styleLook = look.style === undefined ? {} : STYLE_LOOK[look.style];
  const fonts = FONT.filter((k) => styleLook[k] !== undefined);
  const fill = styleLook.fill;
  return {
    bytes: METHOD + (fonts.length + (fill === undefined ? 0 : 1)) * FONT_OR_FILL + ((look.wrap ? 2 : 0) + (look.align === undefined ? 0 : 1)) * FORMAT,
    apply: (format) => {
      if (look.wrap) {
        format.wrapText = true;
        format.verticalAlignment = "Top";
      }
      for (const k of fonts) (format.font as unknown as Record<string, unknown>)[k] = styleLook[k];
      if (fill !== undefined) format.fill.color = fill;
      if (look.align !== undefined) format.horizontalAlignment = HORIZONTAL[look.align];
    },
  };
}

function rangeOf(scope: RequestScope, sheet: string, area: Area): Excel.Range {
  return scope.range(sheet, area.row, area.column, area.rowCount, area.columnCount);
}

/** A table of a draft, with the name it gets while built and the one it ends with. */
export interface TableNames {
  readonly built: string;
  readonly final: string;
}

/**
 * What a new sheet holds, built on the sheet `name` (hidden, temporary): the add-in's font,
 * the cells, their looks, the merges, the tables; then, once every table of the plan exists, the
 * formulas that name them (a structured reference to a table that does not exist yet is refused):
 * a formula column of a table is written on the column's data body, so that Excel makes it a
 * calculated column. Then the conditional formats, the validations and the charts.
 */
export function sheetOperations(name: string, draft: SheetDraft, tableNames: readonly TableNames[]): SheetOperations {
  const width = draft.rows.reduce((max, r) => Math.max(max, r.length), 0);
  const operations: Operation[] = [];
  if (draft.rows.length > 0 && width > 0) {
    operations.push(
      op(RANGE_SET + 2 * FONT_OR_FILL, (scope) => {
        const font = scope.range(name, 0, 0, draft.rows.length, width).format.font;
        font.name = DRAFT_FONT.name;
        font.size = DRAFT_FONT.size;
      }),
    );
  }
  const tables = draft.tables ?? [];
  // Every formula waits for the tables (it may name one, or be a table's calculated column).
  const later = (r: number, c: number): boolean => draft.rows[r]?.[c]?.kind === "formula";
  operations.push(...cellOperations(name, 0, 0, draft.rows, { skip: later, newSheet: true }));
  operations.push(...lookOperations(name, 0, 0, draft.rows));
  for (const area of draft.merges ?? []) operations.push(op(RANGE_SET, (scope) => rangeOf(scope, name, area).merge(false)));
  tables.forEach((table, i) => {
    const names = tableNames[i];
    operations.push(
      op(2 * METHOD + RANGE_SET, (scope) => {
        const added = scope.sheet(name).tables.add(rangeOf(scope, name, table.area), true);
        added.name = names.built;
        added.style = TABLE_STYLE;
        scope.table(names.built, added);
      }),
    );
  });
  const rest: Operation[] = [...formulaOperations(name, draft, tableNames, later)];
  rest.push(...conditionalFormatOperations(name, draft.conditionalFormats ?? []));
  for (const validation of draft.validations ?? []) {
    rest.push(
      op(RANGE_SET + MORE_ON_RANGE + dataBytes(validation), (scope) => {
        const range = rangeOf(scope, name, validation.area);
        range.dataValidation.rule = validationRule(validation.rule);
        range.dataValidation.errorAlert = { message: validation.message, showAlert: true, style: "Stop", title: "Registre des conventions" };
      }),
    );
  }
  for (const chart of draft.charts ?? []) {
    rest.push(
      op(3 * METHOD + chart.title.length, (scope) => {
        const added = scope.sheet(name).charts.add("ColumnClustered", rangeOf(scope, name, chart.data), "Columns");
        added.title.text = chart.title;
        const a = chart.anchor;
        added.setPosition(`${columnLetter(a.column)}${a.row + 1}`, `${columnLetter(a.column + a.columnCount - 1)}${a.row + a.rowCount}`);
      }),
    );
  }
  return { content: operations, afterTables: rest };
}

/**
 * A new sheet's operations in two parts: its cells, looks, merges and tables; then what must wait
 * for every table of the plan (formulas that name a table of another sheet), with its conditional
 * formats, validations and charts.
 */
export interface SheetOperations {
  readonly content: readonly Operation[];
  readonly afterTables: readonly Operation[];
}

/**
 * The formulas left for after the tables: a column of a table whose data rows all hold the same
 * formula goes on that column's data body (a calculated column); any other one on its cell.
 */
function formulaOperations(name: string, draft: SheetDraft, tableNames: readonly TableNames[], later: (r: number, c: number) => boolean): Operation[] {
  const operations: Operation[] = [];
  const done = new Set<string>();
  (draft.tables ?? []).forEach((table, i) => {
    const { area } = table;
    for (let c = area.column; c < area.column + area.columnCount; c++) {
      const cells = Array.from({ length: area.rowCount - 1 }, (_, r) => draft.rows[area.row + 1 + r]?.[c] ?? null);
      const first = cells[0];
      if (first === null || first === undefined || first.kind !== "formula" || cells.some((cell) => cell === null || cell.kind !== "formula" || cell.formula !== first.formula)) continue;
      const header = draft.rows[area.row]?.[c];
      if (header === null || header === undefined || header.kind !== "text") continue;
      const { format, input } = cellInput(first);
      const tableName = tableNames[i].built;
      operations.push(
        op(RANGE_SET + 2 * METHOD + dataBytes(input) * cells.length + header.text.length, (scope) => {
          const body = scope.table(tableName).columns.getItem(header.text).getDataBodyRange().untrack();
          body.numberFormat = cells.map(() => [format]);
          body.formulas = cells.map(() => [input]);
        }),
      );
      for (let r = area.row + 1; r < area.row + area.rowCount; r++) done.add(`${r},${c}`);
    }
  });
  draft.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!later(r, c) || done.has(`${r},${c}`) || cell === null) return;
      operations.push(...cellOperations(name, r, c, [[cell]]));
    }),
  );
  return operations;
}

export function conditionalFormatOperations(sheet: string, formats: readonly ConditionalFormat[]): Operation[] {
  return formats.map((format) =>
    op(RANGE_SET + 3 * FONT_OR_FILL + format.whenTextContains.length, (scope) => {
      const rule = rangeOf(scope, sheet, format.area).conditionalFormats.add("ContainsText");
      const look = STYLE_LOOK[format.style];
      if (look.color !== undefined) rule.textComparison.format.font.color = look.color;
      if (look.fill !== undefined) rule.textComparison.format.fill.color = look.fill;
      rule.textComparison.rule = { operator: "Contains", text: format.whenTextContains };
    }),
  );
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  if (rule.kind === "date") return { date: { formula1: "1900-03-01", formula2: "2199-12-31", operator: "Between" } };
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  return { [rule.kind]: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
}

/** A block in a user's sheet: its cells and looks, its conditional formats (the previous run's cleared first). */
export function blockOperations(block: CellBlock): Operation[] {
  const operations = [...cellOperations(block.sheet, block.row, block.column, block.cells), ...lookOperations(block.sheet, block.row, block.column, block.cells)];
  const formats = block.conditionalFormats ?? [];
  if (formats.length > 0) {
    // The add-in's columns keep one set of its rules: the previous run's are cleared first.
    operations.push(...formats.map((format) => op(RANGE_SET, (scope) => rangeOf(scope, block.sheet, format.area).conditionalFormats.clearAll())));
    operations.push(...conditionalFormatOperations(block.sheet, formats));
  }
  return operations;
}

/** Widths or heights: the columns or rows (by address) of one value set at once. */
function byValue(sheet: string, entries: readonly (readonly [string, number])[], set: (format: Excel.RangeFormat, value: number) => void): Operation[] {
  const groups = new Map<number, string[]>();
  for (const [address, value] of entries) {
    const addresses = groups.get(value) ?? [];
    groups.set(value, addresses);
    addresses.push(address);
  }
  return [...groups].flatMap(([value, addresses]) => joinUnder(addresses).map((list) => op(METHOD + FORMAT + list.length, (scope) => set(scope.sheet(sheet).getRanges(list).untrack().format, value))));
}

/** Column widths from `firstColumn` on, in characters. */
function widthOperations(sheet: string, firstColumn: number, widths: readonly number[]): Operation[] {
  return byValue(
    sheet,
    widths.map((width, i) => [`${columnLetter(firstColumn + i)}:${columnLetter(firstColumn + i)}`, Math.round(width * POINTS_PER_CHARACTER)]),
    (format, points) => (format.columnWidth = points),
  );
}

/** Addresses joined by commas, each list under ADDRESSES_PER_CALL characters. */
function joinUnder(addresses: readonly string[]): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current !== "" && current.length + 1 + address.length > ADDRESSES_PER_CALL) {
      lists.push(current);
      current = "";
    }
    current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") lists.push(current);
  return lists;
}

/**
 * The cosmetic settings of a sheet the add-in wrote (by its final name): widths and heights, the
 * print setup. Sent after the commit: Excel may refuse one (fit-to-pages is ignored on Windows in
 * some cases, office-js #1860), the action still stands. Rows are frozen by `freezeOperations`.
 */
export function cosmeticOperations(sheet: string, draft: SheetDraft): Operation[] {
  const heights = [...rowHeights(draft)].map(([row, points]): [string, number] => [`${row + 1}:${row + 1}`, points]);
  const operations = [...widthOperations(sheet, 0, draft.columnWidths ?? []), ...byValue(sheet, heights, (format, points) => (format.rowHeight = points))];
  const print = draft.print;
  if (print !== undefined) {
    operations.push(
      op(6 * FORMAT + (print.footer?.length ?? 0), (scope) => {
        const layout = scope.sheet(sheet).pageLayout;
        layout.orientation = print.landscape ? "Landscape" : "Portrait";
        layout.paperSize = "A4";
        // All columns on one page wide; as many pages tall as the rows could need (0 is no documented value: PageLayoutZoomOptions).
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: Math.min(MAX_PAGES, Math.max(1, draft.rows.length)) };
        const repeat = print.repeatRows;
        if (repeat !== undefined) layout.setPrintTitleRows(`$${repeat.first + 1}:$${repeat.last + 1}`);
        if (print.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
      }),
    );
    for (const row of print.pageBreaks ?? []) operations.push(op(METHOD, (scope) => void scope.sheet(sheet).horizontalPageBreaks.add(`A${row + 1}`)));
  }
  return operations;
}

/** The widths of a block's columns (the add-in's own columns in a user's sheet). */
export function blockWidthOperations(block: CellBlock): Operation[] {
  return widthOperations(block.sheet, block.column, block.columnWidths ?? []);
}

/**
 * Frozen rows, each sheet activated first (freezing a sheet that is not the active one can make
 * Excel take it for the active one: office-js #3148), then `active` shown again.
 */
export function freezeOperations(frozen: readonly { sheet: string; rows: number }[], active: string | null): Operation[] {
  if (frozen.length === 0) return [];
  return [
    op(frozen.length * 2 * METHOD + METHOD, (scope) => {
      for (const { sheet, rows } of frozen) {
        const target = scope.sheet(sheet);
        target.activate();
        target.freezePanes.freezeRows(rows);
      }
      if (active !== null) scope.sheet(active).activate();
    }),
  ];
}
