/**
 * The XML parts of an .xlsx file that the register's reader needs, parsed as a stream with saxes
 * (a strict XML 1.0 parser: it expands no entity but XML's five and character references, so a
 * DTD's entities — external files, "billion laughs" — are never read; a <!DOCTYPE>, which OOXML
 * forbids, is refused before any of them is used): relationships, the workbook's sheet list, the
 * number formats that make a number a date, the shared strings, and a worksheet's cell values.
 *
 * Cell values come out as ExcelJS read them until now (src/excel/xlsxWorkbook.ts, toCellValue), so
 * that every command gives the same result on the same file; the tests compare both readers cell
 * by cell. Where ExcelJS was wrong the reader is right instead, and says so here:
 *   - a date stored as ISO text (t="d") is its date, not the number parseFloat makes of "2024-…";
 *   - a number, date or boolean under a hyperlink keeps its value (ExcelJS gave a blank);
 *   - date1904="true" is the 1904 date system as "1" is (XML's booleans);
 *   - text in a CDATA section is text; a phonetic guide (<rPh>, Japanese) is not the cell's text.
 */
import { SaxesParser, SaxesTagPlain } from "saxes";
import { CellValue } from "../core/cells/sheetGrid";
import { dateToSerial } from "../core/dates/excelSerial";

/** Why a part cannot be read as what it should be; the reader turns it into a WorkbookFileError. */
export type XmlProblem =
  /** A <!DOCTYPE> (a DTD, the door to external entities and entity expansion): OOXML forbids it. */
  | { readonly code: "dtd_forbidden"; readonly part: string }
  /** Not well-formed XML. */
  | { readonly code: "malformed_xml"; readonly part: string }
  /** A cell past Excel's last row or column (or a reference that names no cell). */
  | { readonly code: "beyond_sheet_limits"; readonly part: string; readonly cell: string }
  /** More cells than the reader keeps in memory. */
  | { readonly code: "too_many_cells"; readonly part: string; readonly limit: number };

export class XmlRefusal extends Error {
  constructor(readonly problem: XmlProblem) {
    super(problem.code);
    this.name = "XmlRefusal";
  }
}

/** Excel's limits: 1 048 576 rows, 16 384 columns (A to XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * The most cells the reader holds for all the sheets read: each cell with a value, and each blank
 * one up to the last value of its row (a row is held from column A). A register of 200 000
 * conventions holds about 1,5 million; a stray value in XFD1048576 holds 16 384.
 */
export const MAX_HELD_CELLS = 12_000_000;

/** A streaming parser of one part: feed it text, then end it. */
export interface XmlSink {
  write(text: string): void;
  end(): void;
}

type Handlers = {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
};

/** The local name of an element or attribute ("x:row" → "row"): some writers prefix SpreadsheetML. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A saxes parser wired to handlers by local name; a DTD or malformed XML is an XmlRefusal. */
function xmlSink(part: string, handlers: Handlers): XmlSink {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new XmlRefusal({ code: "dtd_forbidden", part });
  });
  parser.on("opentag", (tag: SaxesTagPlain) => handlers.open(local(tag.name), tag.attributes));
  parser.on("closetag", (tag: SaxesTagPlain) => handlers.close(local(tag.name)));
  parser.on("text", (text) => handlers.text(text));
  parser.on("cdata", (text) => handlers.text(text));
  const guarded = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      if (error instanceof XmlRefusal) throw error;
      // saxes's message is English and positions mean nothing to a user: the part is named instead.
      throw new XmlRefusal({ code: "malformed_xml", part });
    }
  };
  return { write: (text) => guarded(() => parser.write(text)), end: () => guarded(() => parser.close()) };
}

/** An attribute by local name ("r:id" for "id"), or undefined. */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  const direct = attributes[name];
  if (direct !== undefined) return direct;
  for (const key in attributes) if (local(key) === name && key.includes(":")) return attributes[key];
  return undefined;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** A relationships part (.rels). */
export function parseRelationships(part: string, xml: string): Relationship[] {
  const found: Relationship[] = [];
  const sink = xmlSink(part, {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const id = attributes.Id;
      const type = attributes.Type;
      const target = attributes.Target;
      if (id === undefined || type === undefined || target === undefined) return;
      found.push({ id, type, target, external: attributes.TargetMode === "External" });
    },
    close() {},
    text() {},
  });
  sink.write(xml);
  sink.end();
  return found;
}

/** The type of a relationship by its last segment: transitional and strict OOXML name them alike. */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export interface WorkbookSheet {
  readonly name: string;
  /** The relationship id of its part. */
  readonly relationship: string;
}

export interface WorkbookInfo {
  readonly sheets: readonly WorkbookSheet[];
  /** The 1904 date system (Excel for Mac's old default). */
  readonly date1904: boolean;
}

/** xl/workbook.xml: the sheets in tab order, and the date system. */
export function parseWorkbook(part: string, xml: string): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const sink = xmlSink(part, {
    open(name, attributes) {
      if (name === "workbookPr") {
        const value = attributes.date1904;
        date1904 = value === "1" || value === "true";
      } else if (name === "sheet") {
        const sheetName = attributes.name;
        const relationship = attribute(attributes, "id");
        if (sheetName !== undefined && relationship !== undefined) sheets.push({ name: sheetName, relationship });
      }
    },
    close() {},
    text() {},
  });
  sink.write(xml);
  sink.end();
  return { sheets, date1904 };
}

/**
 * The built-in number formats ExcelJS knows, by id (ECMA-376 Part 1, §18.8.30): the others are
 * locale-dependent and ExcelJS gives them no format, so a number in them stays a number.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/**
 * Whether a number format shows a date or a time, as ExcelJS decides it: what is inside [ ] and
 * " " left out, any of y m d h M s b left.
 * @example isDateFormat("dd/mm/yyyy") // true
 * @example isDateFormat('#,##0 "jours"') // false
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * xl/styles.xml: for each cell style (s="n", an index of <cellXfs>), whether its number format is
 * a date's. Style 0 never is (ExcelJS reads s="0" as no style).
 */
export function parseDateStyles(part: string, xml: string): boolean[] {
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  // Only the workbook's own formats (<numFmts>): a conditional format's (<dxfs>) may reuse an id.
  let inNumFmts = false;
  const sink = xmlSink(part, {
    open(name, attributes) {
      if (name === "numFmts") {
        inNumFmts = true;
      } else if (name === "numFmt" && inNumFmts) {
        const id = parseInt(attributes.numFmtId ?? "", 10);
        if (Number.isFinite(id)) formats.set(id, (attributes.formatCode ?? "").replace(/[\\](.)/g, "$1"));
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        styleFormats.push(parseInt(attributes.numFmtId ?? "0", 10) || 0);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
      if (name === "numFmts") inNumFmts = false;
    },
    text() {},
  });
  sink.write(xml);
  sink.end();
  return styleFormats.map((id, index) => {
    if (index === 0 || id === 0) return false;
    const format = formats.get(id) ?? BUILT_IN_FORMATS[id];
    return format !== undefined && format !== "" && isDateFormat(format);
  });
}

/** Excel's escape of a character in a text, "_x000D_" (upper-case hex digits, as ExcelJS reads them). */
function unescapeExcel(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The five XML entities decoded once more, as ExcelJS does for a t="str" cell. */
function xmlDecodeAgain(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([a-z]*);/g, (entity) => {
    switch (entity) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return entity;
    }
  });
}

/**
 * A text of its own. The parser gives a cell's text as a slice of the chunk of XML it was read
 * from, and V8 keeps the whole chunk for as long as the slice lives: a register's grid would hold
 * its sheet's XML (two bytes a character once it has an accent). Concatenated then sliced, the text
 * is copied to a string of its own first (V8 flattens the concatenation; shorter texts than 13
 * characters are copied already).
 */
function ownText(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** xl/sharedStrings.xml, streamed: each <si>'s text (its runs joined), Excel's escapes decoded. */
export function sharedStringsSink(part: string, strings: string[]): XmlSink {
  let item: string[] | null = null;
  let text: string[] | null = null;
  let phonetic = 0;
  return xmlSink(part, {
    open(name) {
      if (name === "si") item = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && item !== null && phonetic === 0) text = [];
    },
    close(name) {
      if (name === "t" && text !== null) {
        item?.push(unescapeExcel(text.join("")));
        text = null;
      } else if (name === "rPh") {
        phonetic--;
      } else if (name === "si" && item !== null) {
        strings.push(ownText(item.join("")));
        item = null;
      }
    },
    text(value) {
      text?.push(value);
    },
  });
}

/** What a sheet's reading needs from the rest of the package. */
export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** By style index: whether the style is a date's. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  /** Cells already held by the sheets read before; the count goes on from there. */
  readonly heldCells: { count: number };
}

/** What is being read inside a <c>. */
const enum Into {
  Nothing,
  Value,
  Formula,
  RunText,
}

const MS_PER_DAY = 86_400_000;
const SERIAL_OF_UNIX_EPOCH = 25569;
const DAYS_1900_TO_1904 = 1462;
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * A worksheet's cells, streamed: `values()` once the part is read gives the sheet's grid as the
 * gateway gives it (from A1 to the last row and, row by row, to the last column holding a value;
 * blanks are null, a row with no value is empty). Only cells with a value cost memory: a value
 * alone in XFD1048576 makes one row of 16 384 cells, not a rectangle of 17 billion.
 */
export function worksheetSink(part: string, context: SheetContext): XmlSink & { values(): CellValue[][] } {
  /** Rows by 0-based index, each a sparse list of [column, value] until the end. */
  const rows: (number[] | undefined)[] = [];
  const rowValues: (CellValue[] | undefined)[] = [];
  const merges: string[] = [];
  let inSheetData = false;
  let rowIndex = -1;
  let column = -1;
  // The cell being read.
  let inCell = false;
  let type: string | undefined;
  let style = 0;
  let formula = false;
  let into = Into.Nothing;
  let value: string | undefined;
  let runs: string[] | null = null;
  let inRun = false;
  let run = "";
  let phonetic = 0;

  const place = (ref: string | undefined): void => {
    if (ref === undefined) {
      column += 1;
    } else {
      let c = 0;
      let i = 0;
      for (; i < ref.length; i++) {
        const code = ref.charCodeAt(i);
        if (code >= 65 && code <= 90) c = c * 26 + (code - 64);
        else if (code >= 97 && code <= 122) c = c * 26 + (code - 96);
        else break;
        if (c > EXCEL_COLUMNS) throw new XmlRefusal({ code: "beyond_sheet_limits", part, cell: ref.slice(0, 20) });
      }
      const digits = ref.slice(i);
      const r = i > 0 && /^[0-9]{1,8}$/.test(digits) ? Number(digits) : NaN;
      if (!(r >= 1 && r <= EXCEL_ROWS) || c < 1) throw new XmlRefusal({ code: "beyond_sheet_limits", part, cell: ref.slice(0, 20) });
      rowIndex = r - 1;
      column = c - 1;
    }
    if (column >= EXCEL_COLUMNS || rowIndex < 0) throw new XmlRefusal({ code: "beyond_sheet_limits", part, cell: ref ?? cellName(rowIndex, column) });
  };

  const store = (read: CellValue): void => {
    if (read === null) return;
    // A shared string is the table's own already (and shared by every cell that uses it).
    const cellValue = typeof read === "string" && type !== "s" ? ownText(read) : read;
    let cells = rows[rowIndex];
    if (cells === undefined) {
      cells = [];
      rows[rowIndex] = cells;
    }
    cells.push(column);
    let list = rowValues[rowIndex];
    if (list === undefined) {
      list = [];
      rowValues[rowIndex] = list;
    }
    list.push(cellValue);
  };

  const finishCell = (): void => {
    store(cellValue(type, value, runs, formula, style, context));
  };

  const sink = xmlSink(part, {
    open(name, attributes) {
      if (inCell) {
        switch (name) {
          case "v":
            into = Into.Value;
            break;
          case "f":
            into = Into.Formula;
            if (attributes.t !== undefined) formula = true;
            break;
          case "rPh":
            phonetic++;
            break;
          case "r":
            if (phonetic === 0) {
              runs ??= [];
              inRun = true;
            }
            break;
          case "t":
            into = phonetic > 0 ? Into.Nothing : inRun ? Into.RunText : Into.Value;
            run = "";
            break;
        }
        return;
      }
      if (name === "c" && inSheetData) {
        place(attributes.r);
        inCell = true;
        type = attributes.t;
        style = attributes.s === undefined ? 0 : parseInt(attributes.s, 10) || 0;
        formula = false;
        into = Into.Nothing;
        value = undefined;
        runs = null;
        inRun = false;
        phonetic = 0;
      } else if (name === "row" && inSheetData) {
        const r = attributes.r;
        if (r === undefined) rowIndex += 1;
        else {
          const n = /^[0-9]{1,8}$/.test(r) ? Number(r) : NaN;
          if (!(n >= 1 && n <= EXCEL_ROWS)) throw new XmlRefusal({ code: "beyond_sheet_limits", part, cell: `${r.slice(0, 12)}` });
          rowIndex = n - 1;
        }
        column = -1;
      } else if (name === "sheetData") {
        inSheetData = true;
      } else if (name === "mergeCell") {
        const ref = attributes.ref;
        if (ref !== undefined) merges.push(ref);
      }
    },
    close(name) {
      if (inCell) {
        switch (name) {
          case "c":
            finishCell();
            inCell = false;
            break;
          case "rPh":
            phonetic--;
            break;
          case "r":
            inRun = false;
            break;
          case "t":
            if (into === Into.RunText && runs !== null) runs.push(unescapeExcel(run));
            into = Into.Nothing;
            break;
          case "v":
          case "f":
            into = Into.Nothing;
            break;
        }
        return;
      }
      if (name === "sheetData") inSheetData = false;
    },
    text(text) {
      switch (into) {
        case Into.Value:
          value = value === undefined ? text : value + text;
          break;
        case Into.RunText:
          run += text;
          break;
        case Into.Formula:
          if (text !== "") formula = true;
          break;
        default:
          break;
      }
    },
  });

  return {
    write: sink.write,
    end: sink.end,
    values: () => gridOf(part, rows, rowValues, merges, context.heldCells),
  };
}

/** A cell's value from what its XML held, as ExcelJS reads it (see the top of this file for where it does not). */
function cellValue(
  type: string | undefined,
  text: string | undefined,
  runs: readonly string[] | null,
  formula: boolean,
  style: number,
  context: SheetContext,
): CellValue {
  if (formula) {
    // A formula's cached result: its type says how to read it; a shared string index is not one.
    if (text === undefined || text === "") return null;
    return typedValue(type === "s" || type === "inlineStr" ? undefined : type, text, style, context);
  }
  if (text === undefined) {
    return runs === null ? null : runs.join("");
  }
  if (type === "s") return context.sharedStrings[parseInt(text, 10)] ?? null;
  if (type === "inlineStr") return text;
  return typedValue(type, text, style, context);
}

/** A value by its type attribute: text (t="str"), boolean, error, ISO date, else a number (a date's serial by its style). */
function typedValue(type: string | undefined, text: string, style: number, context: SheetContext): CellValue {
  switch (type) {
    case "str":
      return xmlDecodeAgain(text);
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d":
      return isoDateSerial(text);
    default:
      return number(parseFloat(text), style, context);
  }
}

/**
 * A number, or a date's serial when its style is a date's: as ExcelJS makes a Date of it (in UTC,
 * to the millisecond, 1904 dates moved to 1900) and toCellValue a serial again, the time of day
 * dropped.
 */
function number(value: number, style: number, context: SheetContext): CellValue {
  if (style === 0 || context.dateStyles[style] !== true) return value;
  const ms = Math.round((value - SERIAL_OF_UNIX_EPOCH + (context.date1904 ? DAYS_1900_TO_1904 : 0)) * MS_PER_DAY);
  // A Date holds ±8.64e15 ms; past that (or NaN) ExcelJS's Date is invalid.
  if (!(Math.abs(ms) <= 8.64e15)) return { error: "#VALUE!" };
  return Math.floor(ms / MS_PER_DAY) + SERIAL_OF_UNIX_EPOCH;
}

/** A date written as ISO text (t="d", "2024-07-15" or "2024-07-15T10:30:00"): its day's serial. */
function isoDateSerial(text: string): CellValue {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(text);
  if (match === null) return { error: "#VALUE!" };
  const serial = dateToSerial({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return serial.ok ? serial.value : { error: "#VALUE!" };
}

/** "A1"-style name of a 0-based cell, for a message. */
function cellName(row: number, column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

/** A merged area's corners, 0-based, from "B2:D4"; null when it names no area. */
function mergeArea(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})$/.exec(ref);
  if (match === null) return null;
  const col = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const [a, b, c, d] = [col(match[1]), Number(match[2]) - 1, col(match[3]), Number(match[4]) - 1];
  return { top: Math.min(b, d), left: Math.min(a, c), bottom: Math.max(b, d), right: Math.max(a, c) };
}

/**
 * The grid of a sheet's cells: the cells a merge covers (all but its top-left one) blanked, as
 * Excel shows them; then rows from A1 to the last value, each row to its own last value.
 */
function gridOf(
  part: string,
  columnsByRow: readonly (number[] | undefined)[],
  valuesByRow: readonly (CellValue[] | undefined)[],
  merges: readonly string[],
  held: { count: number },
): CellValue[][] {
  const covered = coveredCells(columnsByRow, merges);
  const grid: CellValue[][] = [];
  let lastRow = -1;
  for (let r = 0; r < columnsByRow.length; r++) {
    const columns = columnsByRow[r];
    const values = valuesByRow[r];
    if (columns === undefined || values === undefined) continue;
    const blanked = covered.get(r);
    let width = 0;
    for (let i = 0; i < columns.length; i++) {
      if (blanked?.has(columns[i]) === true) continue;
      width = Math.max(width, columns[i] + 1);
    }
    if (width === 0) continue;
    held.count += width;
    if (held.count > MAX_HELD_CELLS) throw new XmlRefusal({ code: "too_many_cells", part, limit: MAX_HELD_CELLS });
    const line = new Array<CellValue>(width).fill(null);
    // A cell written twice keeps its last value, as in ExcelJS.
    for (let i = 0; i < columns.length; i++) if (blanked?.has(columns[i]) !== true) line[columns[i]] = values[i];
    grid[r] = line;
    lastRow = r;
  }
  for (let r = 0; r <= lastRow; r++) if (grid[r] === undefined) grid[r] = EMPTY_ROW as CellValue[];
  grid.length = lastRow + 1;
  return grid;
}

/**
 * The cells with a value that a merge covers (not its top-left one), by row: found from the
 * cells held, never by walking the area (a merge may span the whole sheet).
 */
function coveredCells(columnsByRow: readonly (number[] | undefined)[], merges: readonly string[]): Map<number, Set<number>> {
  const covered = new Map<number, Set<number>>();
  if (merges.length === 0) return covered;
  const areas = merges.map(mergeArea).filter((a): a is NonNullable<typeof a> => a !== null);
  const filledRows: number[] = [];
  for (let r = 0; r < columnsByRow.length; r++) if (columnsByRow[r] !== undefined) filledRows.push(r);
  for (const area of areas) {
    // The first filled row of the area, by bisection; then the filled rows down to its bottom.
    let lo = 0;
    let hi = filledRows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (filledRows[mid] < area.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < filledRows.length && filledRows[i] <= area.bottom; i++) {
      const r = filledRows[i];
      for (const c of columnsByRow[r] ?? []) {
        if (c < area.left || c > area.right || (r === area.top && c === area.left)) continue;
        let set = covered.get(r);
        if (set === undefined) {
          set = new Set();
          covered.set(r, set);
        }
        set.add(c);
      }
    }
  }
  return covered;
}
