/**
 * The register's reader (src/excel/xlsxReader.ts) against the ExcelJS gateway it replaces for
 * reading: the same values cell by cell on the demo register, a generated register and a workbook
 * holding every kind of cell ExcelJS writes; the values of what ExcelJS does not write (inline and
 * rich strings, prefixed elements, absolute relationship targets, merges hiding a value), and
 * where the reader is right and ExcelJS was not (documented in src/excel/xlsxXml.ts); then the
 * files it refuses, each with a French message and no library's English.
 */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { writeRegisterWorkbook } from "../../src/cli/writeRegisterWorkbook";
import { TableKey } from "../../src/core/register/registerSchema";
import { cliErrorMessage } from "../../src/i18n/cli.fr";
import { WorkbookReadError, XlsxReader } from "../../src/excel/xlsxReader";
import { WorkbookFileError } from "../../src/excel/xlsxWorkbook";
import { d } from "../helpers/dates";
import { largeRegister } from "../helpers/largeRegister";
import { gridDifferences, readWithExcelJs, readWithReader } from "../helpers/readBoth";
import { billionLaughsSharedStrings, inflationBomb, lyingCentralDirectory, rowPastLastRow, strayCellAtXfd, xxeSharedStrings } from "../helpers/hostileWorkbooks";
import { ZipEntry, writeZip } from "../helpers/zipContainer";
import { tempDir } from "../cli/cliHelpers";

let temp = { dir: "", remove: (): void => undefined };
beforeAll(() => {
  temp = tempDir();
});
afterAll(() => temp.remove());

describe("the same values as ExcelJS, cell by cell", () => {
  test("the demo register", async () => {
    const file = join(temp.dir, "demo.xlsx");
    const written = await writeDemoWorkbook(file, d("2026-11-29"));
    expect(written.ok).toBe(true);
    const expected = await readWithExcelJs(file);
    expect(expected.reduce((n, g) => n + g.values.length, 0)).toBeGreaterThan(30);
    expect(gridDifferences(expected, await readWithReader(file))).toEqual([]);
  });

  test("a generated register of 2 000 conventions and 8 000 comités", async () => {
    const file = join(temp.dir, "registre-2000.xlsx");
    const register = largeRegister(2_000, d("2026-11-29"));
    const tables = (Object.keys(register) as TableKey[]).filter((t) => register[t].length > 0).map((table) => ({ table, rows: register[table] }));
    await writeRegisterWorkbook(file, { tables });
    const read = await readWithReader(file);
    expect(read.find((g) => g.name === "Comités")?.values.length).toBe(8_001);
    expect(gridDifferences(await readWithExcelJs(file), read)).toEqual([]);
  });

  test("every kind of cell ExcelJS writes: numbers, dates and times, texts, rich text, formulas' results, booleans, errors, links, merges", async () => {
    const file = join(temp.dir, "cellules.xlsx");
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Cellules");
    const values: [string, unknown, string?][] = [
      ["A1", 3.5],
      ["A2", -12],
      ["A3", "Référence « TEAM² »"],
      ["A4", "=1+1"],
      ["A5", "ligne 1\nligne 2\r\nfin"],
      ["A6", "_x0041_ reste écrit"],
      ["A7", { richText: [{ text: "Asso ", font: { bold: true } }, { text: "TEAM2" }] }],
      ["A8", new Date(Date.UTC(2024, 6, 15))],
      ["A9", 45488.75, "dd/mm/yyyy"],
      ["A10", 0.5, "hh:mm"],
      ["A11", 45488, '#,##0 "jours"'],
      ["A12", 45488, "[$-40C]d mmmm yyyy"],
      ["A13", { formula: "1+2", result: 3 }],
      ["A14", { formula: "\"a\"&\"b\"", result: "ab" }],
      ["A15", { formula: "DATE(2024,7,12)", result: new Date(Date.UTC(2024, 6, 12)) }],
      ["A16", { formula: "1=1", result: true }],
      ["A17", { formula: "1/0", result: { error: "#DIV/0!" } }],
      ["A18", true],
      ["A19", false],
      ["A20", { error: "#N/A" }],
      ["A21", { text: "le site", hyperlink: "https://example.org/" }],
      ["A22", 60, "dd/mm/yyyy"],
      ["A23", 1, "dd/mm/yyyy"],
      ["A24", { formula: "A1*2" }],
    ];
    for (const [address, value, format] of values) {
      const cell = sheet.getCell(address);
      cell.value = value as never;
      if (format !== undefined) cell.numFmt = format;
    }
    sheet.getCell("C1").value = "fusion";
    sheet.mergeCells("C1:D2");
    sheet.getCell("F30").value = "loin";
    workbook.addWorksheet("Vide");
    const hidden = workbook.addWorksheet("Masquée", { state: "veryHidden" });
    hidden.getCell("B2").value = "caché";
    await workbook.xlsx.writeFile(file);

    const read = await readWithReader(file);
    expect(gridDifferences(await readWithExcelJs(file), read)).toEqual([]);
    const at = (address: string): unknown => {
      const match = /^([A-Z])(\d+)$/.exec(address) ?? [];
      return read[0].values[Number(match[2]) - 1]?.[(match[1] ?? "A").charCodeAt(0) - 65] ?? null;
    };
    // What the values are, said once here (not only "as ExcelJS"): dates are serials, the time of day dropped.
    expect(["A1", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12"].map(at)).toEqual([
      3.5,
      "Référence « TEAM² »",
      "=1+1",
      // ExcelJS writes a CR and "_x0041_" as they are: XML reads CR LF as LF, Excel "_x0041_" as "A".
      "ligne 1\nligne 2\nfin",
      "A reste écrit",
      "Asso TEAM2",
      45488,
      45488,
      0,
      45488,
      45488,
    ]);
    expect(["A13", "A14", "A15", "A16", "A17", "A18", "A19", "A20", "A21", "A22", "A23", "A24"].map(at)).toEqual([
      3,
      "ab",
      45485,
      true,
      { error: "#DIV/0!" },
      true,
      false,
      { error: "#N/A" },
      "le site",
      60,
      1,
      null,
    ]);
    expect(read.map((g) => g.name)).toEqual(["Cellules", "Vide", "Masquée"]);
    expect(read[0].values.length).toBe(30);
    expect(read[1].values).toEqual([]);
    expect(read[2].values[1]).toEqual([null, "caché"]);
  });

  test("a 1904 date system workbook (Excel for Mac's old default): dates moved to the 1900 system", async () => {
    const file = join(temp.dir, "1904.xlsx");
    const workbook = new Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("Dates");
    sheet.getCell("A1").value = new Date(Date.UTC(2024, 6, 15));
    sheet.getCell("A2").value = 44026; // 15/07/2024 in the 1904 system
    sheet.getCell("A2").numFmt = "dd/mm/yyyy";
    sheet.getCell("A3").value = 44026;
    await workbook.xlsx.writeFile(file);
    const read = await readWithReader(file);
    expect(gridDifferences(await readWithExcelJs(file), read)).toEqual([]);
    expect(read[0].values).toEqual([[45488], [45488], [44026]]);
  });
});

// ---------------------------------------------------------------------------------------------
// Packages written by hand: what other programs write, and what ExcelJS gets wrong.

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

interface HandPackage {
  /** The worksheet XML (without the declaration), in the "x:" prefix or not. */
  readonly sheet: string;
  readonly sharedStrings?: string;
  readonly workbookPr?: string;
  /** Relationship targets written absolute, from the package root, as openpyxl writes them. */
  readonly absolute?: boolean;
  readonly sheetRels?: string;
}

async function handPackage(name: string, spec: HandPackage): Promise<string> {
  const target = (path: string): string => (spec.absolute === true ? `/xl/${path}` : path);
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data:
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    { name: "_rels/.rels", data: `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${spec.absolute === true ? "/" : ""}xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ?? ""}<sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target("worksheets/sheet1.xml")}"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="${target("styles.xml")}"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="${target("sharedStrings.xml")}"/></Relationships>`,
    },
    {
      name: "xl/styles.xml",
      data:
        `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts>` +
        `<fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
        `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>` +
        // A conditional format's number format may reuse an id: it is not the cell's.
        `<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs></styleSheet>`,
    },
    { name: "xl/sharedStrings.xml", data: `${DECL}${spec.sharedStrings ?? `<sst xmlns="${MAIN}"/>`}` },
    { name: "xl/worksheets/sheet1.xml", data: `${DECL}${spec.sheet}` },
  ];
  if (spec.sheetRels !== undefined) entries.push({ name: "xl/worksheets/_rels/sheet1.xml.rels", data: `${DECL}${spec.sheetRels}` });
  const path = join(temp.dir, name);
  await writeZip(path, entries);
  return path;
}

const SHARED =
  `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>Référence</t></si>` +
  `<si><r><rPr><b/></rPr><t xml:space="preserve">Asso </t></r><r><t>TEAM2_x000D_</t></r></si>` +
  `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`;

describe("what other programs write", () => {
  test("prefixed elements, absolute targets, rows and cells without references, inline and rich strings, merges hiding a value", async () => {
    const sheet =
      `<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData>` +
      `<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>en ligne</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>riche </x:t></x:r><x:r><x:rPr><x:i/></x:rPr><x:t>aussi</x:t></x:r></x:is></x:c>` +
      `<x:c s="1"><x:v>45488.9</x:v></x:c><x:c s="2"><x:v>45488</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>a &amp;lt; b</x:v></x:c></x:row>` +
      `<x:row r="4"><x:c r="B4"><x:v>1</x:v></x:c><x:c r="C4"><x:v>2</x:v></x:c><x:c r="C5"><x:v>caché</x:v></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B4:C5"/></x:mergeCells></x:worksheet>`;
    const path = await handPackage("tiers.xlsx", { sheet, sharedStrings: SHARED, absolute: true });
    const [grid] = await readWithReader(path);
    expect(grid.values).toEqual([["Référence", "Asso TEAM2\r", "東京"], ["en ligne", "riche aussi", 45488, 45488, "a < b"], [], [null, 1]]);
  });

  test("where ExcelJS was wrong: ISO dates (t=\"d\"), CDATA, a number under a link, date1904=\"true\"", async () => {
    const sheet =
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>` +
      `<row r="1"><c r="A1" t="d" s="1"><v>2024-07-15T00:00:00</v></c><c r="B1" t="d"><v>2024-07-15</v></c><c r="C1" t="inlineStr"><is><t><![CDATA[a <b>]]></t></is></c>` +
      `<c r="D1"><v>42</v></c><c r="E1" s="1"><v>44026</v></c></row>` +
      `</sheetData><hyperlinks><hyperlink ref="D1" r:id="rId1"/></hyperlinks></worksheet>`;
    const path = await handPackage("excelJs-faux.xlsx", {
      sheet,
      workbookPr: `<workbookPr date1904="true"/>`,
      sheetRels: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
    });
    const [grid] = await readWithReader(path);
    expect(grid.values).toEqual([[45488, 45488, "a <b>", 42, 45488]]);
    // ExcelJS: 2024 (parseFloat of "2024-07-15…"), no CDATA text, no value under a link, date1904 only for "1".
    const [excelJs] = await readWithExcelJs(path);
    expect(excelJs.values).toEqual([[2024, 2024, null, null, 44026]]);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals

/** The error of opening and reading every sheet of a file, or null when it reads. */
async function readError(path: string): Promise<WorkbookFileError | null> {
  const opened = await XlsxReader.open(path);
  if (!opened.ok) return opened.error;
  try {
    await opened.reader.readAllSheets();
    return null;
  } catch (error) {
    if (error instanceof WorkbookReadError) return error.error;
    throw error;
  } finally {
    opened.reader.close();
  }
}

/** The message a user reads: French, naming the file, no library's English. */
function expectFrenchMessage(error: WorkbookFileError): string {
  const message = cliErrorMessage({ code: "workbook_file", error });
  expect(message).toContain(error.path);
  expect(message).not.toMatch(/Cannot|undefined|Error|entity|bytes|invalid|mismatch|\bof\b|\bthe\b/);
  return message;
}

describe("files refused with a French reason", () => {
  test("an external entity (XXE) and a billion laughs: the DTD itself is refused, nothing expanded", async () => {
    const xxe = await readError((await xxeSharedStrings(temp.dir)).path);
    expect(xxe).toMatchObject({ code: "dtd_forbidden", part: "xl/sharedStrings.xml" });
    expect(expectFrenchMessage(xxe as WorkbookFileError)).toContain("<!DOCTYPE>");
    expect(await readError(await billionLaughsSharedStrings(temp.dir))).toMatchObject({ code: "dtd_forbidden" });
  });

  test("a row past Excel's last row, a column past XFD", async () => {
    const row = await readError(await rowPastLastRow(temp.dir));
    expect(row).toMatchObject({ code: "beyond_sheet_limits", sheet: "Conventions", cell: "1048577" });
    expect(expectFrenchMessage(row as WorkbookFileError)).toContain("1 048 576 lignes");
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(await readError(await handPackage("xfe.xlsx", { sheet }))).toMatchObject({ code: "beyond_sheet_limits", cell: "XFE1" });
  });

  test("a stray value in XFD1048576 costs one row, not the used range", async () => {
    const opened = await XlsxReader.open(await strayCellAtXfd(temp.dir));
    if (!opened.ok) throw new Error(opened.error.code);
    const [conventions] = await opened.reader.readAllSheets();
    expect(conventions.values.length).toBe(1_048_576);
    const last = conventions.values[1_048_575];
    expect(last.length).toBe(16_384);
    expect(last[16_383]).toBe("x");
    expect(conventions.values[500_000]).toEqual([]);
    expect(conventions.values[5][0]).toBe("GEN-0000005");
  });

  test("a central directory that lies about a sheet's sizes", async () => {
    const error = await readError(await lyingCentralDirectory(temp.dir));
    expect(error).toMatchObject({ code: "damaged_archive", sheet: "Conventions" });
    expectFrenchMessage(error as WorkbookFileError);
  });

  test("a sheet that inflates 200 times its size (a zip bomb, here 40 MB): refused before inflating", async () => {
    const path = await inflationBomb(temp.dir, 40_000_000);
    const started = Date.now();
    const error = await readError(path);
    expect(error).toMatchObject({ code: "too_large", limit: "ratio", sheet: "Conventions" });
    expect(Date.now() - started).toBeLessThan(10_000); // a bound on the refusal, not a speed measure
    expect(expectFrenchMessage(error as WorkbookFileError)).toContain("bombe zip");
  });

  test("not a zip, an .xls, a zip without a workbook, malformed XML", async () => {
    const text = join(temp.dir, "texte.xlsx");
    await fs.writeFile(text, "pas un classeur");
    expect(await readError(text)).toMatchObject({ code: "not_a_workbook" });
    const xls = join(temp.dir, "ancien.xls");
    await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await readError(xls)).toMatchObject({ code: "legacy_or_encrypted" });
    const docx = join(temp.dir, "document.xlsx");
    await writeZip(docx, [{ name: "word/document.xml", data: "<w:document/>" }]);
    expect(await readError(docx)).toMatchObject({ code: "not_a_workbook" });
    const broken = await handPackage("casse.xlsx", { sheet: `<worksheet xmlns="${MAIN}"><sheetData><row></sheetData></worksheet>` });
    const error = await readError(broken);
    expect(error).toMatchObject({ code: "malformed_xml", sheet: "Feuille" });
    expectFrenchMessage(error as WorkbookFileError);
  });
});
