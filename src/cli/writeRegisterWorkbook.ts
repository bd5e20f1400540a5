/**
 * Writes a register as a new .xlsx workbook with ExcelJS: one sheet per table, the French headers
 * of src/core/register/registerSchema.ts, dates as Excel serials with a date format (never JavaScript Dates,
 * which a time zone could move), text always as text.
 */
import { Workbook, Worksheet } from "exceljs";
import { CalendarDate } from "../core/dates/calendarDate";
import { dateToSerial } from "../core/dates/excelSerial";
import { TABLES, TableKey, tableFields } from "../core/register/registerSchema";
import { writeOutputFile } from "./outputFile";

/** What a cell of the written register may hold: a CalendarDate is written as a date. */
export type WritableValue = string | number | boolean | CalendarDate | null;

export interface WritableTable {
  readonly table: TableKey;
  /** Lines written above the headers, each merged across the table's width (a sheet title…). */
  readonly titleRows?: readonly string[];
  /** Field key (see tableFields) → value; a missing key is a blank cell. */
  readonly rows: readonly Readonly<Record<string, WritableValue>>[];
}

export interface WritableRegister {
  readonly tables: readonly WritableTable[];
  /** The file's document properties (shown by Excel under Fichier › Informations). */
  readonly properties?: { readonly title?: string; readonly subject?: string; readonly keywords?: string };
}

export const DATE_FORMAT = "dd/mm/yyyy";
const AMOUNT_FORMAT = '#,##0.00 "€"';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Points per line of wrapped text at the default 11-point font. */
const LINE_HEIGHT = 15;

/**
 * Writes the register to `path`, whole or not at all (replacing any file there: the caller decides
 * whether a file may be replaced); throws the system's error when it cannot.
 * @example await writeRegisterWorkbook("demo.xlsx", { tables: [{ table: "conventions", rows: [{ id: "C1", start: d("2024-07-15") }] }] })
 */
export async function writeRegisterWorkbook(path: string, register: WritableRegister): Promise<void> {
  const workbook = new Workbook();
  workbook.creator = "registre";
  workbook.title = register.properties?.title ?? "";
  workbook.subject = register.properties?.subject ?? "";
  workbook.keywords = register.properties?.keywords ?? "";
  for (const table of register.tables) writeTable(workbook.addWorksheet(TABLES[table.table].label), table);
  const written = await writeOutputFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()), { replace: true });
  if (!written.ok) throw written.exists ? new Error(path) : written.error;
}

function writeTable(sheet: Worksheet, table: WritableTable): void {
  const fields = tableFields(table.table);
  const titles = table.titleRows ?? [];
  titles.forEach((title, i) => {
    const row = i + 1;
    sheet.getCell(row, 1).value = title;
    sheet.getCell(row, 1).font = { bold: true, size: i === 0 ? 14 : 11 };
    if (fields.length > 1) sheet.mergeCells(row, 1, row, fields.length);
  });
  // A blank line between the titles and the headers, as staff lay out their sheets.
  const headerRow = titles.length === 0 ? 1 : titles.length + 2;
  const widths = fields.map((f) => f.label.length + 2);
  fields.forEach((field, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = field.label;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  table.rows.forEach((values, r) => {
    fields.forEach((field, c) => {
      const value = values[field.key] ?? null;
      if (value === null) return;
      const cell = sheet.getCell(headerRow + 1 + r, c + 1);
      cell.alignment = { vertical: "top" };
      if (typeof value === "object") {
        const serial = dateToSerial(value);
        if (!serial.ok) throw new Error(`${field.label}: date outside Excel's range`);
        cell.value = serial.value;
        cell.numFmt = DATE_FORMAT;
        widths[c] = Math.max(widths[c], DATE_FORMAT.length + 2);
        return;
      }
      // A string is always written as a shared string: "=1+1" stays text, never a formula.
      cell.value = value;
      if (typeof value === "number" && field.kind === "amount") cell.numFmt = AMOUNT_FORMAT;
      // Long text wraps within its column instead of running over the next ones.
      // Excel and LibreOffice do not grow a row written by ExcelJS: its height is set for the lines.
      if (typeof value === "string" && value.length > MAX_WIDTH) {
        cell.alignment = { wrapText: true, vertical: "top" };
        const row = sheet.getRow(headerRow + 1 + r);
        row.height = Math.max(row.height ?? 0, LINE_HEIGHT * Math.ceil(value.length / (MAX_WIDTH - 4)));
      }
      widths[c] = Math.max(widths[c], String(value).length + 2);
    });
  });
  fields.forEach((_field, c) => {
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c]));
  });
  sheet.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
  // Printed on A4 landscape, all columns on one page width, headers repeated on every page.
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: fields.length } };
}
