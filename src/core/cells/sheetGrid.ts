/**
 * A sheet's cells as Excel holds them, the form in which every workbook reaches the core:
 * numbers (dates are serials), text, booleans, blanks and error values.
 */

/** An Excel error value such as #N/A or #DIV/0!. */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | null | CellError;

/** The used part of a sheet, from A1: values[r][c] is the cell at Excel row r + 1, column c + 1. */
export interface SheetGrid {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
}

/** Whether a cell value is an Excel error. */
export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && "error" in value && typeof (value as CellError).error === "string";
}

/**
 * Column letters of a 0-based column index.
 * @example columnLetter(0) // "A"; columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * 0-based column index of column letters; null when the text is not letters.
 * @example columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
