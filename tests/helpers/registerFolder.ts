/**
 * Folders of registers as a département or an intercommunality keeps them, one workbook per
 * service, for the tests and the bench of `registre verifier DOSSIER/` and `registre consolider`:
 * generated registers in the add-in's layout (read by the detection), a register whose own headers
 * the detection cannot read but whose mapping the pane stored in it (read through that mapping),
 * a register with its own "Service" column. Always the same for the same arguments.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Workbook } from "exceljs";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { TableKey } from "../../src/core/register/registerSchema";
import { writeRegisterWorkbook } from "../../src/cli/writeRegisterWorkbook";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";
import { NO_SETTINGS, settingsSheet } from "../../src/plans/addinSettings";
import { largeRegister } from "./largeRegister";

/**
 * A generated register of `count` conventions (four comités each) in the add-in's layout, found by
 * the detection; `service` fills its "Service" column.
 * @example await writeGeneratedRegister("services/culture.xlsx", 500, d("2026-03-01"), { seed: 7 })
 */
export async function writeGeneratedRegister(
  path: string,
  count: number,
  asOf: CalendarDate,
  options: { readonly seed?: number; readonly service?: string } = {},
): Promise<string> {
  const register = largeRegister(count, asOf, options.seed ?? 2024);
  const withService = options.service === undefined ? register.conventions : register.conventions.map((row) => ({ ...row, service: options.service ?? null }));
  const tables = { ...register, conventions: withService };
  mkdirSync(dirname(path), { recursive: true });
  await writeRegisterWorkbook(path, {
    tables: (Object.keys(tables) as TableKey[]).filter((t) => tables[t].length > 0).map((table) => ({ table, rows: tables[table] })),
  });
  return path;
}

/** Serials: 45488 = 15/07/2024, 45658 = 01/01/2025, 45292 = 01/01/2024. */
const STORED_ROWS: readonly (readonly (string | number)[])[] = [
  ["DOS-1", "Accueil de loisirs", 45488, 36],
  ["DOS-2", "Ludothèque itinérante", 45658, 24],
  ["DOS-3", "Séjours d'été", 45292, 12],
];

/**
 * A register kept under headers no synonym knows ("Dossier", "Démarré le", "Pour (mois)"), whose
 * mapping was confirmed in the pane: the add-in's very hidden settings sheet holds it, as the
 * pane writes it (settingsSheet through the gateway). Without it the register cannot be read.
 */
export async function writeStoredMappingRegister(path: string): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Tableau de bord");
  sheet.addRow(["Dossier", "Objet", "Démarré le", "Pour (mois)"]);
  for (const row of STORED_ROWS) sheet.addRow([...row]);
  mkdirSync(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
  const opened = await XlsxWorkbook.open(path);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const mapping = {
    conventions: { feuille: "Tableau de bord", ligne: 1, colonnes: { Référence: "A", Intitulé: "B", "Date de notification": "C", Durée: "D" } },
    comites: null,
    echeances: null,
    avenants: null,
  };
  await opened.workbook.apply({ replaceSheets: [settingsSheet({ ...NO_SETTINGS, mapping })] });
  await opened.workbook.save(path);
  return path;
}
