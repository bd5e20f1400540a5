/**
 * The ExcelJS gateway's write side: a plan applied to a workbook read from a file, saved to another
 * file, then read back (with ExcelJS and as raw parts) to see what Excel will open.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { SheetDraft, dateCell, numberCell, textCell } from "../../src/plans/sheetDraft";
import { XlsxWorkbook, loadWorkbook } from "../../src/excel/xlsxWorkbook";
import { lineCount } from "../../src/plans/rowHeights";
import { GatewayError } from "../../src/excel/gateway";
import { openXlsx, tempDir, writeXlsx } from "../cli/cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

const open = openXlsx;

/** A register of one sheet, "Conventions", and a notes sheet after it. */
async function register(name: string): Promise<string> {
  return writeXlsx(join(temp.dir, name), (wb) => {
    const sheet = wb.addWorksheet("Conventions");
    sheet.addRow(["Référence", "Date de notification"]);
    sheet.addRow(["C1", 45488]);
    wb.addWorksheet("Notes").getCell("A1").value = "à garder";
  });
}

/** Every kind of cell and every feature of a draft, 45485 = 12/07/2024. */
const draft: SheetDraft = {
  name: "Rapport 2025",
  rows: [
    [textCell("Titre", { style: "title" })],
    [textCell("Semestre", { style: "header" }), textCell("Requis", { style: "header" }), textCell("Tenus", { style: "header" })],
    [textCell("2025-S1"), numberCell(4, "integer"), numberCell(3, "integer", { align: "center" })],
    [textCell("2025-S2"), numberCell(2, "integer"), numberCell(2, "integer")],
    [textCell("=1+1"), textCell("+33 6"), textCell("@x"), textCell("-moins")],
    [dateCell(45485), numberCell(12500.5, "amount"), numberCell(0.25, "percent"), { kind: "boolean", value: true }],
    [{ kind: "formula", formula: "=B3+B4", format: "integer" }, textCell("C1", { link: { sheet: "Conventions", row: 1, column: 0 } })],
    [textCell("Échue"), textCell("", { style: "input" }), null, textCell("Un texte assez long pour tenir sur plusieurs lignes dans sa colonne étroite", { wrap: true })],
  ],
  columnWidths: [12, 10, 10, 14],
  merges: [{ row: 0, column: 0, rowCount: 1, columnCount: 4 }],
  tables: [{ name: "Rapport2025", area: { row: 1, column: 0, rowCount: 3, columnCount: 3 } }],
  conditionalFormats: [{ area: { row: 7, column: 0, rowCount: 1, columnCount: 1 }, style: "late", whenTextContains: "Échue" }],
  validations: [{ area: { row: 7, column: 1, rowCount: 1, columnCount: 1 }, rule: { kind: "list", values: ["oui", "non"] }, message: "Oui ou non." }],
  charts: [{ title: "Comités", data: { row: 1, column: 0, rowCount: 3, columnCount: 3 }, anchor: { row: 0, column: 5, rowCount: 10, columnCount: 4 } }],
  frozenRows: 2,
  print: { landscape: true, fitToWidth: true, repeatRows: { first: 1, last: 1 }, footer: "Page &P / &N", pageBreaks: [4] },
};

describe("XlsxWorkbook.create: a new workbook", () => {
  it("starts without sheets, takes the plan's sheets in order, and links a cell to a cell of another file as Excel writes it", async () => {
    const workbook = XlsxWorkbook.create("Consolidation des registres");
    expect(await workbook.sheetNames()).toEqual([]);
    const linked: SheetDraft = {
      name: "Toutes les conventions",
      rows: [
        [textCell("Référence", { style: "header" })],
        [textCell("C1", { link: { file: "Sport et #jeunesse/registre 2025.xlsx", sheet: "Suivi l'an", row: 4, column: 1 } })],
        [textCell("C2", { link: { sheet: "Alertes", row: 0, column: 0 } })],
      ],
    };
    await workbook.apply({ addSheets: [linked, { ...draft, name: "Alertes" }], activate: linked.name });
    const output = join(temp.dir, "nouveau.xlsx");
    await workbook.save(output);

    const reopened = await open(output);
    expect(await reopened.sheetNames()).toEqual(["Toutes les conventions", "Alertes"]);
    expect((await reopened.readSheet("Toutes les conventions")).values).toEqual([["Référence"], ["C1"], ["C2"]]);
    expect((await loadWorkbook(readFileSync(output))).title).toBe("Consolidation des registres");
    const zip = await JSZip.loadAsync(readFileSync(output));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const rels = (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
    // Another file: a relationship to the file alone (a relative URI, its "#" and spaces encoded), the cell as the location.
    const external = /<hyperlink r:id="([^"]+)" location="&apos;Suivi l&apos;&apos;an&apos;!B5" ref="A2"\/>/.exec(sheet);
    expect(external).not.toBeNull();
    expect(rels).toContain(`Id="${external?.[1]}"`);
    expect(rels).toMatch(/Target="Sport%20et%20%23jeunesse\/registre%202025\.xlsx" TargetMode="External"/);
    // The same workbook: a location and no relationship, as before.
    expect(sheet).toMatch(/<hyperlink location="&apos;Alertes&apos;!A1" ref="A3"\/>/);
    expect(rels.match(/<Relationship /g)).toHaveLength(1);
  });
});

describe("XlsxWorkbook.apply and save", () => {
  it("adds the sheet after the others, saves a copy with it, and leaves the register's sheets as they were", async () => {
    const source = await register("registre.xlsx");
    const before = readFileSync(source);
    const workbook = await open(source);
    expect(await workbook.apply({ addSheets: [draft], activate: draft.name })).toEqual({ addedSheets: ["Rapport 2025"] });
    const output = join(temp.dir, "copie.xlsx");
    await workbook.save(output);
    expect(readFileSync(source).equals(before)).toBe(true);

    const copy = await open(output);
    expect(await copy.sheetNames()).toEqual(["Conventions", "Notes", "Rapport 2025"]);
    expect((await copy.readSheet("Conventions")).values).toEqual([["Référence", "Date de notification"], ["C1", 45488]]);
    const values = (await copy.readSheet("Rapport 2025")).values;
    expect(values[2].slice(0, 3)).toEqual(["2025-S1", 4, 3]);
    expect(values[4].slice(0, 4)).toEqual(["=1+1", "+33 6", "@x", "-moins"]);
    expect(values[5].slice(0, 4)).toEqual([45485, 12500.5, 0.25, true]);
    expect(values[6][1]).toBe("C1");
  });

  it("writes text as text, numbers with their formats, styles, merges, widths, freeze, print setup and visibility", async () => {
    const workbook = await open(await register("formats.xlsx"));
    await workbook.apply({ addSheets: [draft] });
    const output = join(temp.dir, "formats-copie.xlsx");
    await workbook.save(output);
    const sheet = (await loadWorkbook(readFileSync(output))).getWorksheet("Rapport 2025");
    if (sheet === undefined) throw new Error("no sheet");

    expect(sheet.getCell("A5").type).toBe(3); // ValueType.String: "=1+1" is no formula
    expect(sheet.getCell("A5").value).toBe("=1+1");
    expect(sheet.getCell("A6").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("B6").numFmt).toBe('#,##0.00 "€"');
    expect(sheet.getCell("C6").numFmt).toBe("0%");
    expect(sheet.getCell("A7").value).toEqual({ formula: "B3+B4" });
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 16, name: "Arial", color: { argb: "FF1F3864" } });
    expect(sheet.getCell("A2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF2F5597" } });
    expect(sheet.getCell("C3").alignment).toMatchObject({ horizontal: "center" });
    expect(sheet.getCell("B8").border).toMatchObject({ top: { style: "thin" } });
    expect(sheet.getCell("D1").isMerged).toBe(true);
    expect(sheet.getColumn(1).width).toBe(12);
    // The long text wraps: its row is grown for its lines.
    expect(sheet.getCell("D8").alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(8).height).toBeGreaterThan(30);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
    expect(sheet.headerFooter.oddFooter).toBe("&CPage &P / &N");
    expect(sheet.state).toBe("visible");
    expect(sheet.getCell("B8").dataValidation).toMatchObject({ type: "list", formulae: ['"oui,non"'], error: "Oui ou non." });
  });

  it("makes an Excel table, a conditional format, a page break, an internal link and a chart Excel can open", async () => {
    const workbook = await open(await register("parts.xlsx"));
    await workbook.apply({ addSheets: [draft] });
    const output = join(temp.dir, "parts-copie.xlsx");
    await workbook.save(output);
    const zip = await JSZip.loadAsync(readFileSync(output));
    const part = async (path: string): Promise<string> => (await zip.file(path)?.async("string")) ?? `(no ${path})`;

    const sheet = await part("xl/worksheets/sheet3.xml");
    expect(await part("xl/tables/table1.xml")).toMatch(/name="Rapport2025"[^>]*ref="A2:C4"/);
    expect(sheet).toContain("NOT(ISERROR(SEARCH(&quot;Échue&quot;,A8)))");
    expect(sheet).toMatch(/<rowBreaks[^>]*><brk id="4"/);
    // A link within the workbook: a location, no relationship (as Excel writes it).
    expect(sheet).toMatch(/<hyperlink location="&apos;Conventions&apos;!A2" ref="B7"\/>/);
    expect(await part("xl/worksheets/_rels/sheet3.xml.rels")).not.toContain("hyperlink");
    // The chart: its part, a drawing anchored at F1, linked from the sheet before its table parts.
    expect(sheet).toMatch(/<drawing r:id="rIdChart1"\/><tableParts/);
    const drawing = await part("xl/drawings/drawing1.xml");
    expect(drawing).toContain("<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>");
    expect(await part("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const chart = await part("xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>&apos;Rapport 2025&apos;!$A$3:$A$4</c:f>");
    expect(chart).toContain("<c:f>&apos;Rapport 2025&apos;!$B$2</c:f>");
    expect(chart).toContain("<c:f>&apos;Rapport 2025&apos;!$C$3:$C$4</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>4</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt>');
    expect(await part("[Content_Types].xml")).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    // ExcelJS still reads the file it completed.
    await expect(new Workbook().xlsx.load(readFileSync(output).buffer as ArrayBuffer)).resolves.toBeDefined();
  });

  it("names a second sheet of the same name 'Rapport 2025 (2)' and its table 'Rapport2025_2'", async () => {
    const workbook = await open(await register("twice.xlsx"));
    await workbook.apply({ addSheets: [draft] });
    expect(await workbook.apply({ addSheets: [draft] })).toEqual({ addedSheets: ["Rapport 2025 (2)"] });
    const output = join(temp.dir, "twice-copie.xlsx");
    await workbook.save(output);
    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(await zip.file("xl/tables/table2.xml")?.async("string")).toContain('name="Rapport2025_2"');
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
  });

  it("replaces an add-in sheet in place, writes blocks into a user's sheet, hides a sheet", async () => {
    const workbook = await open(await register("replace.xlsx"));
    await workbook.apply({ addSheets: [{ name: "Alertes", rows: [[textCell("ancien")]] }] });
    await workbook.apply({
      replaceSheets: [
        { name: "Alertes", rows: [[textCell("nouveau")]] },
        { name: "Réglages", rows: [[textCell("x")]], visibility: "veryHidden" },
      ],
      blocks: [{ sheet: "Conventions", row: 0, column: 2, cells: [[textCell("Alerte", { style: "header" })], [textCell("En retard")]] }],
    });
    expect(await workbook.sheetNames()).toEqual(["Conventions", "Notes", "Alertes", "Réglages"]);
    await workbook.apply({ replaceSheets: [{ name: "Notes", rows: [[textCell("remplacée")]] }] });
    expect(await workbook.sheetNames()).toEqual(["Conventions", "Notes", "Alertes", "Réglages"]);
    expect((await workbook.readSheet("Conventions")).values).toEqual([
      ["Référence", "Date de notification", "Alerte"],
      ["C1", 45488, "En retard"],
    ]);
    const output = join(temp.dir, "replace-copie.xlsx");
    await workbook.save(output);
    const saved = await loadWorkbook(readFileSync(output));
    expect(saved.getWorksheet("Réglages")?.state).toBe("veryHidden");
    expect(saved.getWorksheet("Notes")?.getCell("A1").value).toBe("remplacée");
  });

  it("refuses a block for a missing sheet, before writing anything", async () => {
    const workbook = await open(await register("refuse.xlsx"));
    await expect(workbook.apply({ addSheets: [draft], blocks: [{ sheet: "Absente", row: 0, column: 0, cells: [[textCell("x")]] }] })).rejects.toEqual(
      new GatewayError("sheet_missing", "Absente"),
    );
    expect(await workbook.sheetNames()).toEqual(["Conventions", "Notes"]);
  });
});

describe("lineCount: the lines a wrapped text takes", () => {
  it("breaks between words, at line breaks, and inside a word longer than the line", () => {
    expect(lineCount("Comité de suivi manquant", 10)).toBe(3);
    expect(lineCount("court", 10)).toBe(1);
    expect(lineCount("une\ndeux", 10)).toBe(2);
    expect(lineCount("abcdefghijklmnopqrstuvwxy", 10)).toBe(3);
  });
});
