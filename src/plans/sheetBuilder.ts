/**
 * Lays out a report sheet row by row: cells, merges across columns, tables, charts. A small helper
 * for the report drafts; what it builds is a plain SheetDraft (src/plans/sheetDraft.ts).
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { dateToSerial } from "../core/dates/excelSerial";
import { Area, ChartDraft, ConditionalFormat, DraftCell, PrintSetup, SheetDraft, TableDraft, dateCell, textCell } from "./sheetDraft";

/** What textCell and dateCell take besides the value: style, wrapping, link, alignment. */
export type CellOptions = Parameters<typeof textCell>[1];

/** A cell placed on a row: where it starts and how many columns it spans (a merge when more than one). */
export interface Placed {
  readonly cell: DraftCell;
  readonly column: number;
  readonly span?: number;
}

export class SheetBuilder {
  private readonly rows: DraftCell[][] = [];
  private readonly merges: Area[] = [];
  private readonly tables: TableDraft[] = [];
  private readonly charts: ChartDraft[] = [];
  private readonly formats: ConditionalFormat[] = [];
  /** The 0-based row the next `line` writes. */
  next = 0;

  constructor(
    private readonly name: string,
    private readonly columnWidths: readonly number[],
  ) {}

  /** Number of columns of the sheet's layout. */
  get width(): number {
    return this.columnWidths.length;
  }

  /** Writes one row of cells from column 0 (nulls leave cells blank); returns its 0-based index. */
  line(cells: readonly DraftCell[]): number {
    return this.placed(cells.map((cell, column) => ({ cell, column })));
  }

  /** Writes cells at given columns, each spanning `span` columns (merged); returns the row's index. */
  placed(cells: readonly Placed[], row = this.next): number {
    for (const { cell, column, span } of cells) this.put(row, column, cell, span ?? 1);
    this.next = Math.max(this.next, row + 1);
    return row;
  }

  /** One cell across the whole width (a title, a heading, a sentence). */
  wide(cell: DraftCell): number {
    return this.placed([{ cell, column: 0, span: this.width }]);
  }

  /** Leaves blank rows. */
  skip(count = 1): void {
    this.next += count;
  }

  table(table: TableDraft): void {
    this.tables.push(table);
  }

  chart(chart: ChartDraft): void {
    this.charts.push(chart);
  }

  conditionalFormat(format: ConditionalFormat): void {
    this.formats.push(format);
  }

  build(extra: { readonly print: PrintSetup; readonly frozenRows?: number }): SheetDraft {
    return {
      name: this.name,
      rows: this.rows.map((row) => [...row]),
      columnWidths: this.columnWidths,
      merges: this.merges,
      tables: this.tables,
      conditionalFormats: this.formats,
      charts: this.charts,
      print: extra.print,
      ...(extra.frozenRows === undefined ? {} : { frozenRows: extra.frozenRows }),
    };
  }

  private put(row: number, column: number, cell: DraftCell, span: number): void {
    while (this.rows.length <= row) this.rows.push([]);
    const cells = this.rows[row];
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
    if (span > 1) this.merges.push({ row, column, rowCount: 1, columnCount: span });
  }
}

/**
 * A date cell from a calendar date; blank when there is no date (or none Excel can show).
 * @example dayCell({ year: 2024, month: 7, day: 12 }) // { kind: "date", serial: 45485 }
 */
export function dayCell(date: CalendarDate | null, options: CellOptions = {}): DraftCell {
  if (date === null) return null;
  const serial = dateToSerial(date);
  if (!serial.ok) return null;
  return dateCell(serial.value, options);
}

/** A text cell, blank when there is no text; text from the register stays text whatever it starts with. */
export function maybeText(text: string | null, options: CellOptions = {}): DraftCell {
  return text === null || text === "" ? null : textCell(text, options);
}
