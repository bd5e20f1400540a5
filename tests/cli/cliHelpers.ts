/**
 * Helpers of the command-line tests: a temporary folder per test file, workbooks built with
 * ExcelJS the way staff's own files look, and main() run in-process with its output captured.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";

/** A fresh folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "registre-cli-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens an .xlsx file through the gateway, failing the test when it cannot. */
export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  const opened = await XlsxWorkbook.open(path);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return opened.workbook;
}

/** Writes an ExcelJS workbook to a file, after `build` has filled it. */
export async function writeXlsx(path: string, build: (workbook: Workbook) => void): Promise<string> {
  const workbook = new Workbook();
  build(workbook);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A day as Excel stores it, for a cell: the serial with a date format (what Excel writes for a typed date). */
export function dateCell(workbook: Workbook, sheet: string, address: string, serial: number): void {
  const cell = workbook.getWorksheet(sheet)?.getCell(address);
  if (cell === undefined) throw new Error(`No sheet ${sheet}`);
  cell.value = serial;
  cell.numFmt = "dd/mm/yyyy";
}

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
  readonly stdout: string;
  readonly stderr: string;
}

/** "Today" for the tests that do not give --date: never the machine's clock. */
export const FIXED_TODAY: CalendarDate = { year: 2026, month: 3, day: 1 };

/** Runs the command line in-process. */
export async function run(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), today: () => FIXED_TODAY });
  return { code, out, err, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** What shows that a file was not touched: its bytes' hash and its modification time. */
export function fingerprint(path: string): { sha256: string; mtimeMs: number; size: number } {
  const stat = statSync(path);
  return { sha256: createHash("sha256").update(readFileSync(path)).digest("hex"), mtimeMs: stat.mtimeMs, size: stat.size };
}

/**
 * A register as staff keep it, in "suivi.xlsx": a notes sheet first; then on "Suivi 2024 (copie)" a
 * merged title, a blank line, their own headers in their own order with an extra column and comités
 * as columns; rich text, hyperlinks, real and text dates, formulas with and without cached
 * results, a hole between rows, Excel errors.
 * Serials: 45488 = 15/07/2024, 45636 = 10/12/2024, 45658 = 01/01/2025, 45728 = 12/03/2025.
 */
export async function staffWorkbook(dir: string): Promise<string> {
  return writeXlsx(join(dir, "suivi.xlsx"), (wb) => {
    wb.addWorksheet("Lisez-moi").getCell("A1").value = "Registre tenu par le service développement économique";
    const ws = wb.addWorksheet("Suivi 2024 (copie)");
    ws.getCell("A1").value = "Registre des conventions — Direction du développement";
    ws.mergeCells("A1:J1");
    ws.getRow(3).values = ["Organisme", "Réf.", "Objet", "Signée le", "Durée (ans)", "Chargé de suivi", "Comité 1", "Comité 2", "Comité S1 2025", "Montant"];
    // Row 4: rich text, a real date typed in Excel, a number of years, inline comités as a date and as text.
    ws.getCell("A4").value = { richText: [{ text: "Association ", font: { bold: true } }, { text: "TEAM2" }] };
    ws.getCell("B4").value = "2024-01";
    ws.getCell("C4").value = { text: "Partenariat économie circulaire", hyperlink: "https://example.org/team2" };
    dateCell(wb, "Suivi 2024 (copie)", "D4", 45488);
    ws.getCell("E4").value = 3;
    ws.getCell("F4").value = "M. Dupont";
    dateCell(wb, "Suivi 2024 (copie)", "G4", 45636);
    ws.getCell("H4").value = "25/11/2025";
    ws.getCell("J4").value = 0;
    // Row 5: a hole. Row 6: a formula with its cached result, a text date in words, months in a years column.
    ws.getCell("A6").value = "Commune de Beuvry";
    ws.getCell("B6").value = "2024-02";
    ws.getCell("C6").value = { formula: '"Étude "&"centre-bourg"', result: "Étude centre-bourg" };
    ws.getCell("D6").value = "15 juillet 2024";
    ws.getCell("E6").value = "18 mois";
    ws.getCell("J6").value = { formula: "1000*15", result: 15000 };
    // Row 7: a JavaScript Date built in UTC, a formula without cached result, a boolean.
    ws.getCell("A7").value = "Association Rue Libre";
    ws.getCell("B7").value = "2025-03";
    ws.getCell("C7").value = { formula: "A7&B7" };
    ws.getCell("D7").value = new Date(Date.UTC(2025, 0, 1));
    ws.getCell("D7").numFmt = "dd/mm/yyyy";
    ws.getCell("E7").value = 1;
    ws.getCell("F7").value = true;
    ws.getCell("H7").value = "15/10/2025";
    dateCell(wb, "Suivi 2024 (copie)", "I7", 45728);
    // Row 8: an Excel error, as a value and as a formula's cached result.
    ws.getCell("B8").value = "2024-04";
    ws.getCell("D8").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("E8").value = { error: "#DIV/0!" };
  });
}
