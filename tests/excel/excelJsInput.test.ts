/**
 * The interim view of a package given to ExcelJS when it fails on the file as is
 * (src/excel/excelJsInput.ts): targets made relative, drawings and comments left out, every value
 * still there. openpyxl's own files are in tests/cli/thirdPartyRegisters.test.ts.
 */
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { packageForExcelJs } from "../../src/excel/excelJsInput";
import { loadWorkbook } from "../../src/excel/xlsxWorkbook";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A register with a table, rewritten as openpyxl writes packages: absolute targets, a drawing in its own XML. */
async function openpyxlLike(): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Conventions");
  sheet.addTable({ name: "Registre", ref: "A1", headerRow: true, columns: [{ name: "Référence" }, { name: "Durée" }], rows: [["C1", "3 ans"], ["C2", 36]] });
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  for (const rels of ["xl/_rels/workbook.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels"]) {
    const xml = (await zip.file(rels)?.async("string")) ?? "";
    const folder = rels.startsWith("xl/worksheets") ? "/xl/worksheets/" : "/xl/";
    zip.file(rels, xml.replace(/Target="(?!\/)([^"]*)"/g, (_, target: string) => `Target="${new URL(target, `file://${folder}`).pathname}"`));
  }
  // A drawing as openpyxl writes it (unprefixed, which ExcelJS does not parse), linked from the sheet.
  zip.file("xl/drawings/drawing1.xml", `<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor/></wsDr>`);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`);
  const rels = (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rIdDessin" Type="${REL}/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>`));
  const sheetXml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
  zip.file("xl/worksheets/sheet1.xml", sheetXml.replace("<tableParts", `<drawing r:id="rIdDessin"/><tableParts`));
  return zip.generateAsync({ type: "uint8array" });
}

test("ExcelJS fails on the package as openpyxl writes it, and reads every value of the view it is given", async () => {
  const bytes = await openpyxlLike();
  await expect(new Workbook().xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).rejects.toThrow();
  const view = await JSZip.loadAsync(await packageForExcelJs(bytes));
  expect(await view.file("xl/_rels/workbook.xml.rels")?.async("string")).toContain('Target="worksheets/sheet1.xml"');
  const sheetRels = (await view.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
  expect(sheetRels).toContain('Target="../tables/table1.xml"');
  expect(sheetRels).not.toContain("drawing");
  expect(view.file("xl/drawings/drawing1.xml")).toBeNull();
  expect(await view.file("xl/worksheets/sheet1.xml")?.async("string")).not.toContain("<drawing");

  const workbook = await loadWorkbook(bytes);
  const sheet = workbook.getWorksheet("Conventions");
  expect([sheet?.getCell("A2").value, sheet?.getCell("B3").value]).toEqual(["C1", 36]);
});

test("a package ExcelJS reads is read as it is; bad XML is reported as ExcelJS's parser says it (no second try)", async () => {
  const workbook = new Workbook();
  workbook.addWorksheet("Conventions").getCell("A1").value = "Référence";
  expect((await loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))).getWorksheet("Conventions")?.getCell("A1").value).toBe("Référence");
  const broken = new JSZip();
  broken.file("xl/workbook.xml", "pas du xml <<");
  await expect(loadWorkbook(await broken.generateAsync({ type: "uint8array" }))).rejects.toThrow(/1:13/);
});
