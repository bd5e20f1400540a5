import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { readDate } from "../../src/core/cells/cellValue";
import { findingField } from "../../src/core/check/findings";
import { XlsxWorkbook, toCellValue } from "../../src/excel/xlsxWorkbook";
import { loadRegister } from "../../src/actions/loadRegister";
import { d } from "../helpers/dates";
import { dateCell, openXlsx, staffWorkbook, tempDir, writeXlsx } from "../cli/cliHelpers";

// Serials: 45488 = 15/07/2024, 45636 = 10/12/2024, 45658 = 01/01/2025, 45728 = 12/03/2025.
const temp = tempDir();
afterAll(() => temp.remove());

const open = openXlsx;

describe("XlsxWorkbook: the gateway on .xlsx files", () => {
  test("sheets come in tab order; a sheet is the used range from A1, with Excel's own values", async () => {
    const workbook = await open(await staffWorkbook(temp.dir));
    expect(await workbook.sheetNames()).toEqual(["Lisez-moi", "Suivi 2024 (copie)"]);
    const grid = await workbook.readSheet("Suivi 2024 (copie)");
    expect(grid.name).toBe("Suivi 2024 (copie)");
    expect(grid.values).toHaveLength(8);
    expect(grid.values.every((row) => row.length === 10)).toBe(true);
    // The merged title is in its top-left cell only.
    expect(grid.values[0]).toEqual(["Registre des conventions — Direction du développement", null, null, null, null, null, null, null, null, null]);
    expect(grid.values[1]).toEqual(new Array(10).fill(null));
    expect(grid.values[3]).toEqual(["Association TEAM2", "2024-01", "Partenariat économie circulaire", 45488, 3, "M. Dupont", 45636, "25/11/2025", null, 0]);
    expect(grid.values[4]).toEqual(new Array(10).fill(null));
    expect(grid.values[5]).toEqual(["Commune de Beuvry", "2024-02", "Étude centre-bourg", "15 juillet 2024", "18 mois", null, null, null, null, 15000]);
    expect(grid.values[6]).toEqual(["Association Rue Libre", "2025-03", null, 45658, 1, true, null, "15/10/2025", 45728, null]);
    expect(grid.values[7]).toEqual([null, "2024-04", null, { error: "#N/A" }, { error: "#DIV/0!" }, null, null, null, null, null]);
    await expect(workbook.readSheet("Absente")).rejects.toThrow("Absente");
  });

  test("the register is found and read from such a workbook, whatever the machine's time zone", async () => {
    const loaded = await loadRegister(await open(await staffWorkbook(temp.dir)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.mapping.conventions).toMatchObject({ sheet: "Suivi 2024 (copie)", headerRow: 3 });
    expect(loaded.mapping.conventions.columns).toMatchObject({
      partner: { letter: "A", header: "Organisme" },
      id: { letter: "B", header: "Réf." },
      title: { letter: "C", header: "Objet" },
      start: { letter: "D", header: "Signée le" },
      duration: { letter: "E", header: "Durée (ans)", unit: "years" },
      amount: { letter: "J", header: "Montant" },
    });
    expect(loaded.mapping.conventions.inlineCommittees.map((c) => c.header)).toEqual(["Comité 1", "Comité 2", "Comité S1 2025"]);
    expect(loaded.mapping.conventions.ignored.map((c) => c.header)).toEqual(["Chargé de suivi"]);
    const byId = Object.fromEntries(loaded.register.conventions.map((c) => [c.id, c]));
    expect(byId["2024-01"]).toMatchObject({ partner: "Association TEAM2", start: d("2024-07-15"), duration: 36, amount: 0 });
    expect(byId["2024-02"]).toMatchObject({ title: "Étude centre-bourg", start: d("2024-07-15"), duration: 18, amount: 15000 });
    expect(byId["2025-03"]).toMatchObject({ start: d("2025-01-01"), duration: 12, title: null });
    expect(byId["2024-04"]).toMatchObject({ start: null, duration: null });
    expect(loaded.register.committees.map((c) => [c.conventionId, c.date])).toEqual([
      ["2024-01", d("2024-12-10")],
      ["2024-01", d("2025-11-25")],
      ["2025-03", d("2025-10-15")],
      ["2025-03", d("2025-03-12")],
    ]);
    expect(loaded.findings.map((f) => [f.code, f.conventionId, findingField(f), f.location])).toEqual([
      ["invalid_value", "2024-04", "start", { sheet: "Suivi 2024 (copie)", row: 8, column: "D" }],
      ["invalid_value", "2024-04", "duration", { sheet: "Suivi 2024 (copie)", row: 8, column: "E" }],
    ]);
  });

  test("dates before 1900-03-01 and Excel's phantom 29/02/1900 (serial 60) read as Excel shows them", async () => {
    const path = await writeXlsx(join(temp.dir, "1900.xlsx"), (wb) => {
      wb.addWorksheet("Dates");
      [1, 59, 60, 61, 45485].forEach((serial, i) => dateCell(wb, "Dates", `A${i + 1}`, serial));
    });
    const grid = await (await open(path)).readSheet("Dates");
    expect(grid.values.map((row) => row[0])).toEqual([1, 59, 60, 61, 45485]);
    const read = grid.values.map((row) => readDate(row[0], "date"));
    expect(read[0]).toEqual({ ok: true, value: d("1900-01-01") });
    expect(read[1]).toEqual({ ok: true, value: d("1900-02-28") });
    expect(read[2]).toMatchObject({ ok: false, error: { code: "phantom_excel_date" } });
    expect(read[3]).toEqual({ ok: true, value: d("1900-03-01") });
    expect(read[4]).toEqual({ ok: true, value: d("2024-07-12") });
  });

  test("a time of day keeps its day (never rounded up to the next one); a 1904-system workbook reads the same days", async () => {
    const path = await writeXlsx(join(temp.dir, "times.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Heures");
      ws.getCell("A1").value = 45488.75; // 15/07/2024 18:00
      ws.getCell("A1").numFmt = "dd/mm/yyyy hh:mm";
      ws.getCell("A2").value = 45488.999;
      ws.getCell("A2").numFmt = "dd/mm/yyyy hh:mm";
    });
    expect((await (await open(path)).readSheet("Heures")).values).toEqual([[45488], [45488]]);

    const path1904 = await writeXlsx(join(temp.dir, "1904.xlsx"), (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Mac");
      ws.getCell("A1").value = new Date(Date.UTC(2024, 6, 15));
      ws.getCell("A1").numFmt = "dd/mm/yyyy";
    });
    expect((await (await open(path1904)).readSheet("Mac")).values).toEqual([[45488]]);
  });

  test("chart sheets are left out and the tab order is the workbook's, not the sheets' creation order", async () => {
    const plain = await writeXlsx(join(temp.dir, "plain.xlsx"), (wb) => {
      wb.addWorksheet("Accueil").getCell("A1").value = "Bienvenue";
      wb.addWorksheet("Conventions").getCell("A1").value = "Référence";
    });
    const zip = await JSZip.loadAsync(readFileSync(plain));
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
    expect(sheets).toHaveLength(2);
    const chart = '<sheet name="Graphique" sheetId="9" r:id="rIdChart1"/>';
    zip.file("xl/workbook.xml", workbookXml.replace(sheets.join(""), [sheets[1], chart, sheets[0]].join("")));
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    zip.file(
      "xl/chartsheets/sheet1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const path = join(temp.dir, "chart.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
    const workbook = await open(path);
    expect(await workbook.sheetNames()).toEqual(["Conventions", "Accueil"]);
    expect((await workbook.readSheet("Conventions")).values).toEqual([["Référence"]]);
  });

  test("a file that is not a workbook, or is not there, is a typed error, not an exception", async () => {
    const random = join(temp.dir, "aleatoire.xlsx");
    writeFileSync(random, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)));
    const text = join(temp.dir, "notes.xlsx");
    writeFileSync(text, "Référence;Partenaire\nC1;TEAM2\n");
    const docx = join(temp.dir, "courrier.xlsx");
    const zip = new JSZip();
    zip.file("word/document.xml", "<document/>");
    writeFileSync(docx, await zip.generateAsync({ type: "nodebuffer" }));
    const xls = join(temp.dir, "ancien.xls");
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));

    expect(await XlsxWorkbook.open(random)).toMatchObject({ ok: false, error: { code: "not_a_workbook", path: random } });
    expect(await XlsxWorkbook.open(text)).toMatchObject({ ok: false, error: { code: "not_a_workbook", path: text } });
    expect(await XlsxWorkbook.open(docx)).toMatchObject({ ok: false, error: { code: "not_a_workbook", path: docx } });
    expect(await XlsxWorkbook.open(xls)).toMatchObject({ ok: false, error: { code: "legacy_or_encrypted" } });
    expect(await XlsxWorkbook.open(join(temp.dir, "absent.xlsx"))).toMatchObject({ ok: false, error: { code: "file_not_found" } });
    expect(await XlsxWorkbook.open(temp.dir)).toMatchObject({ ok: false, error: { code: "not_a_file" } });
  });

  test("an empty workbook opens, with empty sheets", async () => {
    const path = await writeXlsx(join(temp.dir, "vide.xlsx"), (wb) => {
      wb.addWorksheet("Feuil1");
    });
    const workbook = await open(path);
    expect(await workbook.sheetNames()).toEqual(["Feuil1"]);
    expect((await workbook.readSheet("Feuil1")).values).toEqual([]);
  });
});

describe("toCellValue: ExcelJS values as Excel holds them", () => {
  test.each([
    ["a number", 42, 42],
    ["text", "=1+1", "=1+1"],
    ["a boolean", false, false],
    ["nothing", null, null],
    ["a Date at UTC midnight", new Date(Date.UTC(2024, 6, 12)), 45485],
    ["a Date at 23:59 UTC", new Date(Date.UTC(2024, 6, 12, 23, 59)), 45485],
    ["rich text", { richText: [{ text: "Club " }, { text: "territorial" }] }, "Club territorial"],
    ["a hyperlink", { text: "Compte rendu", hyperlink: "https://example.org/cr.pdf" }, "Compte rendu"],
    ["a formula's cached date", { formula: "TODAY()", result: new Date(Date.UTC(2024, 6, 15)) }, 45488],
    ["a shared formula's cached number", { sharedFormula: "A1", result: 7 }, 7],
    ["a formula without cached result", { formula: "A1" }, null],
    ["an error", { error: "#REF!" as const }, { error: "#REF!" }],
    ["a formula's cached error", { formula: "1/0", result: { error: "#DIV/0!" as const } }, { error: "#DIV/0!" }],
  ])("%s", (_name, value, expected) => {
    expect(toCellValue(value)).toEqual(expected);
  });

  test("a hyperlink whose text is formatted gives its text", () => {
    const value = { text: { richText: [{ text: "CR " }, { text: "du 10/12" }] }, hyperlink: "https://example.org" } as unknown as { text: string; hyperlink: string };
    expect(toCellValue(value)).toBe("CR du 10/12");
  });
});
