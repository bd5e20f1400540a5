/**
 * How tall the rows of a sheet the add-in writes must be, from its draft: the one measure of text
 * that both gateways (Office.js in Excel, ExcelJS for files) apply, in the add-in's font.
 */
import { STYLE_LOOK, SheetDraft } from "./sheetDraft";

/** The font of every cell the add-in writes: Arial is on every Excel, and LibreOffice has its metric twin. */
export const DRAFT_FONT = { name: "Arial", size: 10 } as const;
/** Points per line of text at a font size (line spacing about 1.15 of the size), and the row's padding. */
const LINE_FACTOR = 1.15;
const ROW_PADDING = 4;
/** Excel's default row height, in points. */
const DEFAULT_ROW_HEIGHT = 15;
/** Characters of Arial 10 in a column one character wide (widths count Calibri 11 digits): French text measures about 1.45. */
const CHARS_PER_WIDTH = 1.4;
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Bold text takes about a tenth more room. */
const BOLD_WIDTH = 0.9;

/**
 * Row heights (0-based row → points) for the wrapped text and the large fonts: Excel and
 * LibreOffice do not grow a row written by a program (nor ever a merged cell), so every gateway sets
 * them from here; the lines are counted against the width of the column or of the merge.
 */
export function rowHeights(draft: SheetDraft): Map<number, number> {
  const heights = new Map<number, number>();
  const widths = draft.columnWidths ?? [];
  const width = (column: number): number => widths[column] ?? DEFAULT_COLUMN_WIDTH;
  const spans = new Map<string, number>();
  for (const merge of draft.merges ?? []) {
    let total = 0;
    for (let c = merge.column; c < merge.column + merge.columnCount; c++) total += width(c);
    spans.set(`${merge.row},${merge.column}`, total);
  }
  draft.rows.forEach((cells, r) => {
    let height = 0;
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const size = (cell.style === undefined ? undefined : STYLE_LOOK[cell.style].size) ?? DRAFT_FONT.size;
      const wraps = cell.wrap === true || cell.style === "header";
      const bold = cell.style === undefined ? false : STYLE_LOOK[cell.style].bold === true;
      const available = ((spans.get(`${r},${c}`) ?? width(c)) * CHARS_PER_WIDTH * DRAFT_FONT.size * (bold ? BOLD_WIDTH : 1)) / size;
      const lines = cell.kind === "text" && wraps ? lineCount(cell.text, available) : 1;
      height = Math.max(height, lines * size * LINE_FACTOR + ROW_PADDING);
    });
    if (height > DEFAULT_ROW_HEIGHT) heights.set(r, Math.ceil(height));
  });
  return heights;
}

/**
 * Lines a text takes in a column of `available` characters, breaking between words.
 * @example lineCount("Comité de suivi manquant", 10) // 3
 */
export function lineCount(text: string, available: number): number {
  const room = Math.max(1, Math.floor(available));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= room) {
        line = needed;
        continue;
      }
      lines += line === 0 ? 0 : 1;
      line = word.length;
      // A word longer than the line breaks where it must.
      while (line > room) {
        lines += 1;
        line -= room;
      }
    }
  }
  return lines;
}
