/**
 * The register's reader (src/excel/xlsxReader.ts) beside the ExcelJS gateway it replaces for reading
 * (src/excel/xlsxWorkbook.ts): the same file read by both, and their differences cell by cell (a
 * blank is null on both sides, whether a row is held to its last value or to the sheet's).
 */
import { CellValue, SheetGrid, columnLetter } from "../../src/core/cells/sheetGrid";
import { XlsxReader } from "../../src/excel/xlsxReader";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";

export async function readWithReader(path: string): Promise<SheetGrid[]> {
  const opened = await XlsxReader.open(path);
  if (!opened.ok) throw new Error(`reader: ${JSON.stringify(opened.error)}`);
  try {
    return await opened.reader.readAllSheets();
  } finally {
    opened.reader.close();
  }
}

export async function readWithExcelJs(path: string): Promise<SheetGrid[]> {
  const opened = await XlsxWorkbook.open(path);
  if (!opened.ok) throw new Error(`ExcelJS: ${JSON.stringify(opened.error)}`);
  return opened.workbook.readAllSheets();
}

/** "Sheet!B3: ExcelJS 45485, reader 45486" for each cell that differs; a sheet only one side has is a difference too. */
export function gridDifferences(expected: readonly SheetGrid[], actual: readonly SheetGrid[]): string[] {
  const found: string[] = [];
  const names = [...new Set([...expected.map((g) => g.name), ...actual.map((g) => g.name)])];
  if (JSON.stringify(expected.map((g) => g.name)) !== JSON.stringify(actual.map((g) => g.name))) {
    found.push(`sheets: ExcelJS ${JSON.stringify(expected.map((g) => g.name))}, reader ${JSON.stringify(actual.map((g) => g.name))}`);
  }
  for (const name of names) {
    const a = expected.find((g) => g.name === name)?.values ?? [];
    const b = actual.find((g) => g.name === name)?.values ?? [];
    if (a.length !== b.length) found.push(`${name}: ExcelJS ${a.length} rows, reader ${b.length}`);
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      const rowA = a[r] ?? [];
      const rowB = b[r] ?? [];
      for (let c = 0; c < Math.max(rowA.length, rowB.length); c++) {
        const x: CellValue = rowA[c] ?? null;
        const y: CellValue = rowB[c] ?? null;
        if (!sameValue(x, y)) found.push(`${name}!${columnLetter(c)}${r + 1}: ExcelJS ${JSON.stringify(x)}, reader ${JSON.stringify(y)}`);
      }
    }
  }
  return found;
}

function sameValue(x: CellValue, y: CellValue): boolean {
  if (typeof x === "number" && typeof y === "number") return Object.is(x, y) || x === y;
  return JSON.stringify(x) === JSON.stringify(y);
}
