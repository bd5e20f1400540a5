/**
 * What the add-in writes into a workbook, as plain data: a sheet it owns (the alerts, a report, a
 * new register's tables) or a block of cells in a user's sheet (the add-in's own columns). The core
 * builds these drafts; each gateway renders them (Office.js in Excel, ExcelJS for .xlsx files, the
 * in-memory fake in the tests), so that what a sheet holds is decided once and tested without Excel.
 *
 * Positions are 0-based throughout: `rows[0]` is Excel row 1, column 0 is column A.
 */
import { cutSheetName } from "./ownedSheets";
import { CellValue, columnLetter } from "../core/cells/sheetGrid";

/** How a cell looks; each gateway maps a style to its fonts and fills (one table of colours per gateway). */
export type CellStyle =
  /** The sheet's title (large, bold). */
  | "title"
  /** A line under the title (authority, date of the check). */
  | "subtitle"
  /** A section heading within a sheet. */
  | "heading"
  /** A table's header cell (bold, tinted, wrapped). */
  | "header"
  /** A label in front of a key figure. */
  | "label"
  /** A key figure (bold, larger). */
  | "figure"
  /** Late: red. */
  | "late"
  /** Due soon: amber. */
  | "soon"
  /** In order: green. */
  | "ok"
  /** Secondary text (grey, italic). */
  | "muted"
  /** Blank space to fill in by hand (bordered row of a comité agenda). */
  | "input";

/** How a number is shown. */
export type NumberFormat = "date" | "integer" | "amount" | "percent";

/** Number formats in Excel's invariant syntax (Office.js `numberFormat`, ExcelJS `numFmt`). */
export const NUMBER_FORMATS: Record<NumberFormat | "text" | "general", string> = {
  date: "dd/mm/yyyy",
  integer: "0",
  amount: '#,##0.00 "€"',
  percent: "0%",
  text: "@",
  general: "General",
};

/** The look of each style, for every gateway: colours as #RRGGBB. */
export const STYLE_LOOK: Record<CellStyle, { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string }> = {
  title: { bold: true, size: 16, color: "#1F3864" },
  subtitle: { size: 11, color: "#404040" },
  heading: { bold: true, size: 13, color: "#1F3864" },
  header: { bold: true, color: "#FFFFFF", fill: "#2F5597" },
  label: { color: "#404040" },
  figure: { bold: true, size: 14 },
  late: { bold: true, color: "#9C0006", fill: "#FFC7CE" },
  soon: { color: "#7F6000", fill: "#FFEB9C" },
  ok: { color: "#006100", fill: "#C6EFCE" },
  muted: { italic: true, color: "#7F7F7F" },
  input: { fill: "#F2F2F2" },
};

/** A place a cell can link to: a cell of the workbook, or of another workbook (`file`). */
export interface CellLink {
  readonly sheet: string;
  /** 0-based row and column of the target cell. */
  readonly row: number;
  readonly column: number;
  /**
   * Another workbook, by its path relative to the folder of the one written, "/" between folders
   * ("culture/registre.xlsx"): a consolidation's link to the register a row comes from. Absent: a
   * cell of this workbook.
   */
  readonly file?: string;
}

interface CellBase {
  readonly style?: CellStyle;
  /** Long text wraps within its column. */
  readonly wrap?: boolean;
  readonly link?: CellLink;
  /** Horizontal alignment when Excel's own (text left, numbers right) does not suit: a date under a label, a centred column. */
  readonly align?: "left" | "center" | "right";
}

/**
 * One cell to write. Text is always written as text, whatever it starts with ("=1+1", "+33…",
 * "@x" stay text); only a `formula` cell holds a formula, and only the add-in writes those.
 */
export type DraftCell =
  | null
  | (CellBase & { readonly kind: "text"; readonly text: string })
  | (CellBase & { readonly kind: "number"; readonly value: number; readonly format?: NumberFormat })
  /** A date as an Excel serial, shown dd/mm/yyyy. */
  | (CellBase & { readonly kind: "date"; readonly serial: number })
  | (CellBase & { readonly kind: "boolean"; readonly value: boolean })
  /** A formula in Excel's invariant (English, comma-separated) syntax, starting with "=". */
  | (CellBase & { readonly kind: "formula"; readonly formula: string; readonly format?: NumberFormat });

/** A rectangle of a sheet, 0-based. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** An Excel table (list object) over a header row and its data rows. */
export interface TableDraft {
  /**
   * Letters, digits and "_" only (Excel's rule for table names). A gateway makes it unique in the
   * workbook with "_2", "_3"… when it is taken (the table of "Rapport 2025 (2)").
   */
  readonly name: string;
  /** The header row and the data below it. */
  readonly area: Area;
}

/** Colours cells of an area while a condition holds, as Excel's conditional formatting. */
export interface ConditionalFormat {
  readonly area: Area;
  readonly style: "late" | "soon" | "ok";
  /** The cell's text contains this (case-insensitive, as Excel compares). */
  readonly whenTextContains: string;
}

/** What a column of a new register accepts, checked by Excel when the user types. */
export type ValidationRule =
  | { readonly kind: "date" }
  | { readonly kind: "wholeNumber"; readonly min: number }
  | { readonly kind: "decimal"; readonly min: number }
  | { readonly kind: "list"; readonly values: readonly string[] };

export interface ValidationDraft {
  readonly area: Area;
  readonly rule: ValidationRule;
  /** The French message Excel shows when the value is refused. */
  readonly message: string;
}

/** A column chart of series laid out in the sheet itself (categories in the first column). */
export interface ChartDraft {
  readonly title: string;
  /** Header row + data rows: first column the categories, each next column one series. */
  readonly data: Area;
  /** Top-left cell of the chart and its size in columns and rows. */
  readonly anchor: Area;
}

export interface PrintSetup {
  readonly landscape: boolean;
  /** All columns on one page width (height free). */
  readonly fitToWidth: boolean;
  /** 0-based rows repeated at the top of every printed page. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /** The centred footer, in Excel's header/footer codes ("Page &P / &N"); none when absent. */
  readonly footer?: string;
  /** 0-based rows that start a new printed page (a report's table on a page of its own). */
  readonly pageBreaks?: readonly number[];
}

/** A whole sheet the add-in writes and owns. */
export interface SheetDraft {
  readonly name: string;
  readonly rows: readonly (readonly DraftCell[])[];
  /** Width of each column, in characters; missing columns keep Excel's default. */
  readonly columnWidths?: readonly number[];
  readonly merges?: readonly Area[];
  readonly tables?: readonly TableDraft[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly validations?: readonly ValidationDraft[];
  readonly charts?: readonly ChartDraft[];
  /** Rows kept in view when scrolling (the header). */
  readonly frozenRows?: number;
  readonly print?: PrintSetup;
  /** "veryHidden": not even listed in Excel's Unhide dialog (the add-in's settings). */
  readonly visibility?: "visible" | "hidden" | "veryHidden";
}

/** Cells written into a sheet the user owns: only the add-in's own columns, which the planner checked. */
export interface CellBlock {
  readonly sheet: string;
  /** 0-based top-left cell. */
  readonly row: number;
  readonly column: number;
  readonly cells: readonly (readonly DraftCell[])[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  /** Widths of the block's columns, in characters (the add-in's own columns only). */
  readonly columnWidths?: readonly number[];
  /**
   * A new row of the register (an imported convention): where a table ends just above it, the
   * table grows by this row (Office.js: `table.rows.add`), its formulas and formats with it.
   */
  readonly newRow?: boolean;
}

/** One action's writes, applied together. */
export interface WorkbookPlan {
  /**
   * Sheets the add-in owns, by name: replaced when they exist (tables, formats and all), created
   * otherwise. Never used for a name that could be a user's sheet.
   */
  readonly replaceSheets?: readonly SheetDraft[];
  /** New sheets; a taken name gets " (2)", " (3)"… ("Rapport 2025 (2)"). */
  readonly addSheets?: readonly SheetDraft[];
  readonly blocks?: readonly CellBlock[];
  /** The sheet shown when the action ends (a draft's name as asked; the gateway follows a renaming). */
  readonly activate?: string;
}

/** What applying a plan did: the names the added sheets got, in the order of `addSheets`. */
export interface AppliedPlan {
  readonly addedSheets: readonly string[];
}

/** The value Excel reads back from a written cell. */
export function cellValueOf(cell: DraftCell): CellValue {
  if (cell === null) return null;
  switch (cell.kind) {
    case "text":
      return cell.text === "" ? null : cell.text;
    case "number":
    case "boolean":
      return cell.value;
    case "date":
      return cell.serial;
    case "formula":
      return null;
  }
}

/** A text cell. */
export function textCell(text: string, options: CellBase = {}): DraftCell {
  return { kind: "text", text, ...options };
}

/** A number cell. */
export function numberCell(value: number, format?: NumberFormat, options: CellBase = {}): DraftCell {
  return format === undefined ? { kind: "number", value, ...options } : { kind: "number", value, format, ...options };
}

/** A date cell from an Excel serial. */
export function dateCell(serial: number, options: CellBase = {}): DraftCell {
  return { kind: "date", serial, ...options };
}

/**
 * The name a new sheet gets when `wanted` is taken: "Rapport 2025 (2)", "(3)"… Excel compares sheet
 * names without case; a name is at most 31 characters.
 * @example uniqueSheetName("Rapport 2025", ["rapport 2025"]) // "Rapport 2025 (2)"
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLocaleLowerCase("fr")));
  const base = cutSheetName(wanted, 31);
  if (!used.has(base.toLocaleLowerCase("fr"))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${cutSheetName(wanted, 31 - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLocaleLowerCase("fr"))) return candidate;
  }
}

/**
 * The name a new table gets when `wanted` is taken (Excel compares table names without case):
 * "Rapport2025_2", "_3"… The name is added to `taken`.
 * @example uniqueTableName("RegistreAlertes", new Set(["registrealertes"])) // "RegistreAlertes_2"
 */
export function uniqueTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel's A1 address of a 0-based cell, with the sheet name quoted: 'Alertes'!B3. */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(column)}${row + 1}`;
}

/** Excel's A1 address of an area without the sheet: B3:D10. */
export function areaAddress(area: Area): string {
  const first = `${columnLetter(area.column)}${area.row + 1}`;
  const last = `${columnLetter(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * The hyperlink address of a link, as Excel keeps one: "#'Alertes'!B3" within the workbook,
 * "culture/registre%20sport.xlsx#'Conventions'!A5" to another one — the file a relative URI (each
 * folder and name percent-encoded, so that a "#" or a space in a name cannot cut it), the cell
 * after the "#".
 * @example linkAddress({ file: "Sport 2025.xlsx", sheet: "Suivi", row: 4, column: 0 }) // "Sport%202025.xlsx#'Suivi'!A5"
 */
export function linkAddress(link: CellLink): string {
  const file = link.file === undefined ? "" : link.file.split("/").map(encodeURIComponent).join("/");
  return `${file}#${cellAddress(link.sheet, link.row, link.column)}`;
}

/** A sheet name as a formula or link writes it: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
