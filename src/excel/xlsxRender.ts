/**
 * Renders the add-in's drafts (src/plans/sheetDraft.ts) onto ExcelJS worksheets: values, number
 * formats, the one table of looks (STYLE_LOOK), merges, widths, Excel tables, conditional formats,
 * data validations, frozen rows, print setup and visibility. Charts, which ExcelJS cannot write,
 * are handed back to be added to the saved file (src/excel/xlsxPackage.ts).
 */
import { Alignment, Borders, Cell, CellValue as ExcelJsValue, DataValidation, Fill, Font, Worksheet } from "exceljs";
import {
  Area,
  CellBlock,
  CellStyle,
  ConditionalFormat,
  DraftCell,
  NUMBER_FORMATS,
  STYLE_LOOK,
  SheetDraft,
  ValidationDraft,
  areaAddress,
  cellValueOf,
  linkAddress,
  uniqueTableName,
} from "../plans/sheetDraft";
import { DRAFT_FONT, rowHeights } from "../plans/rowHeights";
import { excelText } from "./xmlText";

const THIN_GREY = { style: "thin", color: { argb: "FFBFBFBF" } } as const;
const TABLE_BORDERS: Partial<Borders> = { top: THIN_GREY, bottom: THIN_GREY, left: THIN_GREY, right: THIN_GREY };
const INPUT_BORDERS: Partial<Borders> = {
  top: { style: "thin", color: { argb: "FF7F7F7F" } },
  bottom: { style: "thin", color: { argb: "FF7F7F7F" } },
  left: { style: "thin", color: { argb: "FF7F7F7F" } },
  right: { style: "thin", color: { argb: "FF7F7F7F" } },
};
const HEADING_BORDER: Partial<Borders> = { bottom: { style: "medium", color: { argb: "FF2F5597" } } };

export interface RenderOptions {
  /**
   * Texts written with Excel's escapes (excelText), for a sheet whose file is written as it is
   * rendered: control characters kept. Off for a sheet read back from memory.
   */
  readonly excelEscapes?: boolean;
}

/**
 * Writes a draft onto an empty worksheet. `tableNames` are the names the workbook's tables may not
 * take (its tables and defined names, lower-cased; a taken name gets "_2"); the names given are
 * added to it.
 */
export function renderDraft(sheet: Worksheet, draft: SheetDraft, tableNames: Set<string>, options: RenderOptions = {}): void {
  (draft.columnWidths ?? []).forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  const text = options.excelEscapes === true ? excelText : (value: string): string => value;
  draft.rows.forEach((cells, r) => cells.forEach((cell, c) => writeCell(sheet.getCell(r + 1, c + 1), cell, text)));
  for (const table of draft.tables ?? []) addTable(sheet, table.name, table.area, tableNames);
  // A merge takes the look of its top-left cell, borders and fill included. The cells are merged one
  // by one (Cell.merge, what ExcelJS's mergeCells does after checking the new merge against every
  // merge before it: quadratic, 40 s for the 12 800 merges of a 10 000-convention annual report).
  // ExcelJS writes the <mergeCell> list from the merged cells themselves; the drafts' merges never
  // overlap (the plans make them).
  for (const merge of draft.merges ?? []) {
    const master = sheet.getCell(merge.row + 1, merge.column + 1);
    for (let r = 0; r < merge.rowCount; r++) {
      for (let c = 0; c < merge.columnCount; c++) if (r > 0 || c > 0) sheet.getCell(merge.row + r + 1, merge.column + c + 1).merge(master);
    }
  }
  for (const format of draft.conditionalFormats ?? []) addConditionalFormat(sheet, format);
  for (const validation of draft.validations ?? []) addValidation(sheet, validation);
  for (const [row, height] of rowHeights(draft)) sheet.getRow(row + 1).height = height;
  if (draft.frozenRows !== undefined && draft.frozenRows > 0) sheet.views = [{ state: "frozen", ySplit: draft.frozenRows, xSplit: 0 }];
  if (draft.print !== undefined) {
    const { print } = draft;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9, // A4
      orientation: print.landscape ? "landscape" : "portrait",
      fitToPage: print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(print.repeatRows === undefined ? {} : { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` }),
    };
    // ExcelJS breaks after the 1-based row it is given: the 0-based row of the break is the one before.
    for (const row of print.pageBreaks ?? []) if (row > 0) sheet.getRow(row).addPageBreak();
    if (print.footer !== undefined) sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&C${print.footer}` };
  }
  sheet.state = draft.visibility ?? "visible";
}

/** Writes a block of cells into a user's sheet, and its conditional formats. */
export function renderBlock(sheet: Worksheet, block: CellBlock): void {
  block.cells.forEach((cells, r) => cells.forEach((cell, c) => writeCell(sheet.getCell(block.row + r + 1, block.column + c + 1), cell, (value) => value)));
  (block.columnWidths ?? []).forEach((width, c) => {
    sheet.getColumn(block.column + c + 1).width = width;
  });
  for (const format of block.conditionalFormats ?? []) addConditionalFormat(sheet, format);
}

/** One cell: its value as Excel holds it (text always as text, a date as its serial), its format and look. */
function writeCell(target: Cell, cell: DraftCell, text: (value: string) => string): void {
  if (cell === null) {
    target.value = null;
    return;
  }
  target.value = excelValue(cell, text);
  if ((cell.kind === "number" || cell.kind === "formula") && cell.format !== undefined) target.numFmt = NUMBER_FORMATS[cell.format];
  if (cell.kind === "date") target.numFmt = NUMBER_FORMATS.date;
  const look = sharedLook(cell.style, cell.wrap === true, cell.link !== undefined, cell.align);
  target.font = look.font;
  target.alignment = look.alignment;
  if (look.fill !== undefined) target.fill = look.fill;
  if (look.border !== undefined) target.border = look.border;
}

function excelValue(cell: Exclude<DraftCell, null>, text: (value: string) => string): ExcelJsValue {
  // A string is written as a string: "=1+1", "+33…", "@x" stay text. An empty one leaves the cell blank.
  if (cell.kind === "text" && cell.link !== undefined && cell.text !== "") {
    return { text: text(cell.text), hyperlink: linkAddress(cell.link) };
  }
  if (cell.kind === "formula") return { formula: cell.formula.replace(/^=/, "") };
  const value = cellValueOf(cell);
  if (typeof value === "string") return text(value);
  return typeof value === "object" ? null : value;
}

interface Look {
  readonly font: Partial<Font>;
  readonly alignment: Partial<Alignment>;
  readonly fill?: Fill;
  readonly border?: Partial<Borders>;
}

/**
 * The look of a style, made once per combination and shared by every cell that has it: a sheet of
 * a hundred thousand cells holds a handful of looks, not a font and an alignment per cell. ExcelJS
 * keeps the objects it is given and never changes them.
 */
const LOOKS = new Map<string, Look>();
function sharedLook(style: CellStyle | undefined, wrap: boolean, link: boolean, align: Alignment["horizontal"] | undefined): Look {
  const key = `${style ?? ""}|${wrap}|${link}|${align ?? ""}`;
  let look = LOOKS.get(key);
  if (look === undefined) {
    look = cellLook(style, wrap, link, align);
    LOOKS.set(key, look);
  }
  return look;
}

/** The ExcelJS look of a style, from the one table of looks shared by the gateways. */
function cellLook(style: CellStyle | undefined, wrap: boolean, link: boolean, align: Alignment["horizontal"] | undefined): Look {
  const look = style === undefined ? {} : STYLE_LOOK[style];
  const color = look.color ?? (link ? "#0563C1" : undefined);
  const font: Partial<Font> = {
    name: DRAFT_FONT.name,
    size: look.size ?? DRAFT_FONT.size,
    ...(look.bold === true ? { bold: true } : {}),
    ...(look.italic === true ? { italic: true } : {}),
    ...(link ? { underline: true } : {}),
    ...(color === undefined ? {} : { color: { argb: argb(color) } }),
  };
  const alignment: Partial<Alignment> = {
    // A key figure and its label sit on one line, centred; everything else reads from the top.
    vertical: style === "figure" || style === "label" ? "middle" : "top",
    wrapText: wrap || style === "header",
    ...(align === undefined ? {} : { horizontal: align }),
  };
  const fill: Fill | undefined = look.fill === undefined ? undefined : { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  let border: Partial<Borders> | undefined;
  if (style === "input") border = INPUT_BORDERS;
  else if (style === "heading") border = HEADING_BORDER;
  return { font, alignment, ...(fill === undefined ? {} : { fill }), ...(border === undefined ? {} : { border }) };
}

/** "#9C0006" → "FF9C0006". */
function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/** An Excel table over cells already written; its columns take the header cells' texts. */
function addTable(sheet: Worksheet, wanted: string, area: Area, taken: Set<string>): void {
  const name = uniqueTableName(wanted, taken);
  const used = new Set<string>();
  const columns = Array.from({ length: area.columnCount }, (_, c) => {
    const text = cellText(sheet.getCell(area.row + 1, area.column + c + 1).value) || `Colonne${c + 1}`;
    let unique = text;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${text} ${n}`;
    used.add(unique.toLowerCase());
    return { name: unique, filterButton: true };
  });
  const rows = Array.from({ length: area.rowCount - 1 }, (_, r) =>
    Array.from({ length: area.columnCount }, (_, c) => sheet.getCell(area.row + r + 2, area.column + c + 1).value),
  );
  // ExcelJS writes the header names and the rows back into the cells: the same values, looks kept.
  sheet.addTable({
    name,
    ref: `${sheet.getCell(area.row + 1, area.column + 1).address}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns,
    rows,
  });
  // Thin borders on the body: LibreOffice does not draw the table style, and a printed table needs its lines.
  for (let r = 1; r < area.rowCount; r++) {
    for (let c = 0; c < area.columnCount; c++) {
      const cell = sheet.getCell(area.row + r + 1, area.column + c + 1);
      cell.border = cell.border === undefined ? TABLE_BORDERS : { ...TABLE_BORDERS, ...cell.border };
    }
  }
}

function cellText(value: ExcelJsValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** Colours the cells whose text contains the format's text (case-insensitive, as SEARCH compares). */
function addConditionalFormat(sheet: Worksheet, format: ConditionalFormat): void {
  const look = STYLE_LOOK[format.style];
  const topLeft = areaAddress({ row: format.area.row, column: format.area.column, rowCount: 1, columnCount: 1 });
  const text = format.whenTextContains.replace(/"/g, '""');
  sheet.addConditionalFormatting({
    ref: areaAddress(format.area),
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [`NOT(ISERROR(SEARCH("${text}",${topLeft})))`],
        style: {
          ...(look.color === undefined ? {} : { font: { color: { argb: argb(look.color) }, ...(look.bold === true ? { bold: true } : {}) } }),
          ...(look.fill === undefined ? {} : { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fill) } } }),
        },
      },
    ],
  });
}

/** A data validation on every cell of its area, refusing other values with the draft's message. */
function addValidation(sheet: Worksheet, draft: ValidationDraft): void {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", error: draft.message } as const;
  const rule = draft.rule;
  let validation: DataValidation;
  switch (rule.kind) {
    case "date":
      // ExcelJS turns a Date into a serial in UTC: 1899-12-31 is serial 1, whatever the machine's zone.
      validation = { ...base, type: "date", operator: "greaterThanOrEqual", formulae: [new Date(Date.UTC(1899, 11, 31))] };
      break;
    case "wholeNumber":
      validation = { ...base, type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] };
      break;
    case "decimal":
      validation = { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [rule.min] };
      break;
    case "list":
      validation = { ...base, type: "list", formulae: [`"${rule.values.map((v) => v.replace(/"/g, '""')).join(",")}"`] };
      break;
  }
  for (let r = 0; r < draft.area.rowCount; r++) {
    for (let c = 0; c < draft.area.columnCount; c++) sheet.getCell(draft.area.row + r + 1, draft.area.column + c + 1).dataValidation = validation;
  }
}

