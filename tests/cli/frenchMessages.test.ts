/**
 * The command line's refusals are French from end to end: files that make JSZip, ExcelJS or its XML
 * parser fail with their own English ("Bug : uncompressed data size mismatch", "Invalid column
 * letter: XFE", "Cannot read properties of undefined…", "1:13: disallowed character…") get a French
 * reason the user can act on, keeping the fact that helps (the column, the line of XML).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { readingReason } from "../../src/i18n/cli.fr";
import { lyingCentralDirectory } from "../helpers/hostileWorkbooks";
import { run, tempDir, writeXlsx } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

/** Words of the libraries' messages: none may reach the user. */
const ENGLISH = /\b(?:Cannot|properties|undefined|reading|Invalid|letter|Bug|mismatch|disallowed|character in|Unexpected|token|Error)\b/;

/** A small register whose one part is replaced by `change`. */
async function registerWith(name: string, change: (zip: JSZip) => Promise<void>): Promise<string> {
  const path = await writeXlsx(join(temp.dir, `${name}-source.xlsx`), (wb) => {
    wb.addWorksheet("Conventions").addRow(["Référence", "Date de notification", "Durée"]);
    wb.getWorksheet("Conventions")?.addRow(["C1", "15/07/2024", "3 ans"]);
  });
  const zip = await JSZip.loadAsync(readFileSync(path));
  await change(zip);
  const changed = join(temp.dir, `${name}.xlsx`);
  writeFileSync(changed, await zip.generateAsync({ type: "nodebuffer" }));
  return changed;
}

test.each([
  [
    "a central directory that lies about a part's size",
    async () => lyingCentralDirectory(temp.dir),
    (file: string) =>
      `Le fichier « ${file} » est une archive zip abîmée ou falsifiée (la feuille « Conventions ») : une taille déclarée n'est pas celle des données, ` +
      "ou les données sont illisibles. Il n'est pas lu ; réenregistrez-le depuis Excel.",
  ],
  [
    "a cell past column XFD",
    async () =>
      registerWith("xfe", async (zip) => {
        const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
        zip.file("xl/worksheets/sheet1.xml", xml.replace("</sheetData>", '<row r="9"><c r="XFE9" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
      }),
    (file: string) =>
      `Le classeur « ${file} » est refusé : la feuille « Conventions » a une cellule « XFE9 » hors des limites d'Excel ` +
      "(1 048 576 lignes, colonnes A à XFD) ; Excel ne l'ouvrirait pas sans le réparer.",
  ],
  [
    "a workbook part that is not XML",
    async () =>
      registerWith("xml", async (zip) => {
        zip.file("xl/workbook.xml", "pas du xml <<");
      }),
    (file: string) => `Le classeur « ${file} » est abîmé : la partie « xl/workbook.xml » n'est pas du XML valable. Réenregistrez-le depuis Excel.`,
  ],
])("%s: a French reason, no library English", async (_title, make, message) => {
  // Read by the command line's own reader (src/excel/xlsxReader.ts), which names the part or the cell.
  const file = await make();
  const result = await run("verifier", file, "--date", "2026-03-01");
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(message(file));
  expect(result.stderr).not.toMatch(ENGLISH);
});

test("readingReason: the libraries' messages in French; a French reason passes through", () => {
  expect(readingReason("Cannot read properties of undefined (reading 'sheets')")).toBe("une partie du classeur a une forme que la lecture ne connaît pas");
  expect(readingReason("Encrypted zip are not supported")).toBe("l'archive zip est chiffrée");
  expect(readingReason("Corrupted zip: compression 09 unknown")).toMatch(/^l'archive zip est/);
  expect(readingReason("3:933: undefined entity.")).toBe("le XML du classeur déclare des entités, refusées par sécurité");
  expect(readingReason("ce n'est pas une archive zip")).toBe("ce n'est pas une archive zip");
  expect(readingReason("l'archive ne contient pas de classeur Excel")).toBe("l'archive ne contient pas de classeur Excel");
});

test("a mapping file that is not JSON: where it stops, in French", async () => {
  const register = await registerWith("mapping", async () => undefined);
  const mapping = join(temp.dir, "colonnes.json");
  writeFileSync(mapping, '{ "conventions": ');
  const result = await run("verifier", register, "--colonnes", mapping);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^Le fichier de correspondance des colonnes « .* » n'est pas du JSON valable \((texte inattendu au caractère \d+|le texte n'est pas du JSON)\)\.$/);
  expect(result.stderr).not.toMatch(ENGLISH);
});
